// hallyu show NAME: one entity with its attributes and its relations grouped by type.
#include <algorithm>
#include <map>

#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_show(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string name;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("show", "Show one entity: aliases, attributes and relations");
  command->add_option("name", options->name, "Id, name or alias (any case; Hangul works)")->required();
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    VertexId v = names.resolve_one(options->name);
    const Entity& e = graph.entity(v);
    std::vector<RelationId> rels = io::ordered_relations(graph, v);
    if (options->json) {
      io::JsonWriter out;
      io::write_entity_detail(out, graph, v);
      print_line(out.str());
      return 0;
    }
    print_line(e.name + "  (" + std::string(to_string(e.kind)) + ", id " + e.id + ")");
    if (!e.aliases.empty()) print_line("  also known as: " + join(e.aliases, ", "));
    for (const Attribute& a : e.attributes) {
      print_line("  " + a.key + ": " + attribute_text(e.attributes, a.key).value_or(a.json));
    }
    print_line(std::to_string(rels.size()) + (rels.size() == 1 ? " relation" : " relations"));
    std::string heading;
    for (RelationId r : rels) {
      const Relation& rel = graph.relation(r);
      bool outgoing = rel.from == v;
      std::string group = std::string(to_string(rel.type)) + (outgoing || is_symmetric(rel.type) ? "" : " (incoming)");
      if (group != heading) {
        heading = group;
        print_line("  " + group + ":");
      }
      VertexId other = outgoing ? rel.to : rel.from;
      print_line("    " + describe_relation(graph, r) + "  [" + graph.entity(other).id + "]");
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
