// hallyu neighbors NAME: the entities within R hops, each with the relation that reaches it.
#include "common.hpp"
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
      out.start_object();
      out.key("center"), out.entity_ref(graph, center);
      out.key("radius"), out.integer(options->radius);
      out.key("truncated"), out.boolean(ego.truncated);
      out.key("nodes"), out.start_array();
      for (std::size_t i : shown) {
        const Entity& e = graph.entity(ego.vertices[i]);
        out.start_object();
        out.key("id"), out.string(e.id);
        out.key("name"), out.string(e.name);
        out.key("kind"), out.string(to_string(e.kind));
        out.key("distance"), out.integer(ego.distances[i]);
        out.key("via"), out.relation(graph, ego.via[i]);
        out.end_object();
      }
      out.end_array();
      out.key("relations"), out.start_array();
      for (RelationId r : ego.relations) {
        const Relation& rel = graph.relation(r);
        out.start_object();
        out.key("from"), out.string(graph.entity(rel.from).id);
        out.key("to"), out.string(graph.entity(rel.to).id);
        out.key("type"), out.string(to_string(rel.type));
        out.end_object();
      }
      out.end_array();
      out.end_object();
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
