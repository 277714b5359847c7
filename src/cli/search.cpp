// hallyu search TEXT: ranked matches on ids, names and aliases.
#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
void register_search(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string query;
    std::vector<std::string> kinds;
    std::size_t limit = 20;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "search", "Find entities by id, name or alias: case-insensitive, Hangul and initial consonants (ㅇㅇㅇ), typos");
  command->add_option("text", options->query, "What to look for")->required();
  command->add_option("--kind", options->kinds, "Only these kinds (comma-separated or repeated)")->delimiter(',');
  command->add_option("--limit", options->limit, "At most this many results")->check(CLI::Range(1, 10000));
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    KindSet kinds = options->kinds.empty() ? kAnyKind : algo::parse_kinds(join(options->kinds, ","));
    std::vector<SearchHit> hits = names.search(options->query, options->limit, kinds);
    if (options->json) {
      io::JsonWriter out;
      io::write_search(out, graph, options->query, hits);
      print_line(out.str());
      return 0;
    }
    if (hits.empty()) {
      print_line("no matches for " + text::quote(options->query));
      return 0;
    }
    std::size_t name_width = 0, id_width = 0;
    for (const SearchHit& hit : hits) {
      name_width = std::max(name_width, text::display_width(graph.entity(hit.vertex).name));
      id_width = std::max(id_width, text::display_width(graph.entity(hit.vertex).id));
    }
    for (const SearchHit& hit : hits) {
      const Entity& e = graph.entity(hit.vertex);
      std::string line = text::pad(e.name, name_width) + "  " + text::pad(to_string(e.kind), 8) + "  " + text::pad(e.id, id_width);
      if (hit.matched != e.name && hit.matched != e.id) line += "  (" + std::string(io::match_name(hit.rank)) + ": " + hit.matched + ")";
      print_line(line);
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
