// hallyu neighbors NAME: the entities within R hops, each with the relation that reaches it.
#include "hallyu/query/neighbors.hpp"

#include "common.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {

void register_neighbors(CLI::App& app, Registry& registry) {
  auto [command, raw] = add_operation(app, registry, query::neighbors_spec(), [](Invocation& in) {
    query::NeighborsResult r = query::neighbors(in.engine, query::neighbors_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const NameIndex& names = in.engine.names();
    print_line(names.label(r.ego.center) + ": " + std::to_string(r.shown.size()) + " entit" +
               (r.shown.size() == 1 ? "y" : "ies") + " within " + std::to_string(r.radius) +
               (r.radius == 1 ? " hop" : " hops") + (r.ego.truncated ? " (stopped at limit)" : ""));
    unsigned current = 0;
    for (std::size_t i : r.shown) {
      if (r.ego.distances[i] != current) {
        current = r.ego.distances[i];
        print_line(std::to_string(current) + (current == 1 ? " hop:" : " hops:"));
      }
      print_line("  " + names.label(r.ego.vertices[i]) + "  -- " + describe_relation(in.graph, r.ego.via[i]));
    }
    return 0;
  });
  command->alias("neighbours");
}

}  // namespace hallyu::cli
