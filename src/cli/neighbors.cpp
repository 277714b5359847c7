// hallyu neighbors NAME: the entities within R hops, each with the relation that reaches it.
#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/ego_network.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_neighbors(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string name;
    unsigned radius = 1;
    std::vector<std::string> kinds;
    std::size_t limit = 0;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("neighbors", "List the entities within --radius hops of one entity");
  command->alias("neighbours");
  command->add_option("name", options->name, "Id, name or alias")->required();
  command->add_option("--radius,-r", options->radius, "How many hops (1-6)")->check(CLI::Range(1, 6));
  command->add_option("--kind", options->kinds, "List only entities of these kinds (traversal is not restricted)")
      ->delimiter(',');
  command->add_option("--limit", options->limit, "Stop after this many entities (0: no limit)");
  add_filter_options(*command, options->filter, "--type,--via");
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    VertexId center = names.resolve_one(options->name);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    KindSet listed = options->kinds.empty() ? kAnyKind : algo::parse_kinds(join(options->kinds, ","));
    std::size_t cap = options->limit == 0 ? 0 : options->limit + 1;  // +1: the center
    algo::EgoNetwork ego = algo::ego_network(graph, center, options->radius, filter, cap);
    std::vector<std::size_t> shown;
    for (std::size_t i = 1; i < ego.vertices.size(); ++i) {
      if (listed & bit(graph.kind(ego.vertices[i]))) shown.push_back(i);
    }
    if (options->json) {
      io::JsonWriter out;
      io::write_neighbors(out, graph, ego, options->radius, listed);
      print_line(out.str());
      return 0;
    }
    print_line(names.label(center) + ": " + std::to_string(shown.size()) + " entit" + (shown.size() == 1 ? "y" : "ies") +
               " within " + std::to_string(options->radius) + (options->radius == 1 ? " hop" : " hops") +
               (ego.truncated ? " (stopped at --limit)" : ""));
    unsigned current = 0;
    for (std::size_t i : shown) {
      if (ego.distances[i] != current) {
        current = ego.distances[i];
        print_line(std::to_string(current) + (current == 1 ? " hop:" : " hops:"));
      }
      print_line("  " + names.label(ego.vertices[i]) + "  -- " + describe_relation(graph, ego.via[i]));
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
