// hallyu stats: what the loaded dataset holds.
#include "hallyu/query/stats.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_stats(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::stats_spec(), [](Invocation& in) {
    query::StatsResult r = query::stats(in.engine);
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    print_line("dataset: " + join(r.sources, ", "));
    print_line("entities:   " + std::to_string(r.entities));
    for (Kind k : kAllKinds)
      print_line("  " + text::pad(to_string(k), 20) + std::to_string(r.by_kind[static_cast<std::size_t>(k)]));
    print_line("relations:  " + std::to_string(r.relations));
    for (RelationType t : kAllRelationTypes) {
      print_line("  " + text::pad(to_string(t), 20) + std::to_string(r.by_type[static_cast<std::size_t>(t)]));
    }
    print_line("components: " + std::to_string(r.components) + " (largest has " + std::to_string(r.largest_component) +
               " entities)");
    return 0;
  });
}

}  // namespace hallyu::cli
