// hallyu search TEXT: ranked matches on ids, names and aliases.
#include "hallyu/query/search.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_search(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::search_spec(), [](Invocation& in) {
    query::SearchResult r = query::search(in.engine, query::search_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    if (r.hits.empty()) return print_line("no matches for " + text::quote(r.query)), 0;
    std::size_t name_width = 0, id_width = 0;
    for (const SearchHit& hit : r.hits) {
      name_width = std::max(name_width, text::display_width(in.graph.entity(hit.vertex).name));
      id_width = std::max(id_width, text::display_width(in.graph.entity(hit.vertex).id));
    }
    for (const SearchHit& hit : r.hits) {
      const Entity& e = in.graph.entity(hit.vertex);
      std::string line =
          text::pad(e.name, name_width) + "  " + text::pad(to_string(e.kind), 8) + "  " + text::pad(e.id, id_width);
      if (hit.matched != e.name && hit.matched != e.id)
        line += "  (" + std::string(NameIndex::match_kind(hit.rank)) + ": " + hit.matched + ")";
      print_line(line);
    }
    return 0;
  });
}

}  // namespace hallyu::cli
