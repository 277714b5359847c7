// hallyu show NAME: one entity with its attributes and its relations grouped by type.
#include "hallyu/query/show.hpp"

#include "common.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {

void register_show(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::show_spec(), [](Invocation& in) {
    query::ShowResult r = query::show(in.engine, query::show_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const Graph& graph = in.graph;
    VertexId v = r.entity;
    const Entity& e = graph.entity(v);
    print_line(e.name + "  (" + std::string(to_string(e.kind)) + ", id " + e.id + ")");
    if (!e.aliases.empty()) print_line("  also known as: " + join(e.aliases, ", "));
    for (const Attribute& a : e.attributes)
      print_line("  " + a.key + ": " + attribute_text(e.attributes, a.key).value_or(a.json));
    print_line(std::to_string(r.relations.size()) + (r.relations.size() == 1 ? " relation" : " relations"));
    std::string heading;
    for (RelationId id : r.relations) {
      const Relation& rel = graph.relation(id);
      bool outgoing = rel.from == v;
      std::string group = std::string(to_string(rel.type)) + (outgoing || is_symmetric(rel.type) ? "" : " (incoming)");
      if (group != heading) {
        heading = group;
        print_line("  " + group + ":");
      }
      VertexId other = outgoing ? rel.to : rel.from;
      print_line("    " + describe_relation(graph, id) + "  [" + graph.entity(other).id + "]");
    }
    return 0;
  });
}

}  // namespace hallyu::cli
