// hallyu show NAME: one entity with its attributes and its relations grouped by type.
#include <algorithm>
#include <map>

#include "common.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

// Relations of v in a stable reading order: by type, then by year (newest first), then by the other end's name.
std::vector<RelationId> ordered_relations(const Graph& graph, VertexId v) {
  std::vector<RelationId> rels;
  for (Graph::Arc arc : graph.arcs(v)) rels.push_back(arc.relation);
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  auto year = [&](RelationId r) {
    const Relation& rel = graph.relation(r);
    if (auto y = attribute_integer(rel.attributes, "year")) return *y;
    VertexId other = rel.from == v ? rel.to : rel.from;
    return attribute_integer(graph.entity(other).attributes, "year").value_or(0);
  };
  std::stable_sort(rels.begin(), rels.end(), [&](RelationId a, RelationId b) {
    const Relation& x = graph.relation(a);
    const Relation& y = graph.relation(b);
    bool x_out = x.from == v, y_out = y.from == v;
    if (x.type != y.type) return x.type < y.type;
    if (x_out != y_out) return x_out;
    if (year(a) != year(b)) return year(a) > year(b);
    return graph.entity(x_out ? x.to : x.from).name < graph.entity(y_out ? y.to : y.from).name;
  });
  return rels;
}

}  // namespace

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
    std::vector<RelationId> rels = ordered_relations(graph, v);
    if (options->json) {
      io::JsonWriter out;
      out.start_object();
      out.key("id"), out.string(e.id);
      out.key("name"), out.string(e.name);
      out.key("kind"), out.string(to_string(e.kind));
      out.key("aliases"), out.start_array();
      for (const auto& alias : e.aliases) out.string(alias);
      out.end_array();
      out.key("attributes"), out.attributes(e.attributes);
      out.key("degree"), out.integer(static_cast<long long>(rels.size()));
      out.key("relations"), out.start_array();
      for (RelationId r : rels) out.relation(graph, r);
      out.end_array();
      out.end_object();
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
