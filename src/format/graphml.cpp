// GraphML export: typed keys inferred from the selected records' values.
#include "hallyu/format/graphml.hpp"

#include "export_detail.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {
namespace {

using detail::ColumnType;

const char* graphml_type(ColumnType type) {
  switch (type) {
    case ColumnType::integer:
      return "long";
    case ColumnType::real:
      return "double";
    case ColumnType::boolean:
      return "boolean";
    default:
      return "string";
  }
}

bool as_json(ColumnType type) { return type == ColumnType::strings || type == ColumnType::json; }

void write_key(std::ostream& out, const std::string& id, const char* domain, const std::string& name, ColumnType type) {
  out << "  <key id=\"" << detail::xml_escape(id) << "\" for=\"" << domain << "\" attr.name=\""
      << detail::xml_escape(name) << "\" attr.type=\"" << graphml_type(type) << "\""
      << (as_json(type) ? "><desc>json</desc></key>\n" : "/>\n");
}

void write_data(std::string& line, const std::string& key, const std::string& json, ColumnType type) {
  line += "<data key=\"" + detail::xml_escape(key) + "\">";
  line += detail::xml_escape(type == ColumnType::string ? detail::string_value(json) : json);
  line += "</data>";
}

}  // namespace

void write_graphml(const ExportSelection& s, std::ostream& out) {
  const Graph& graph = *s.graph;
  std::vector<detail::Column> node_columns = detail::entity_columns(s);
  std::vector<detail::Column> edge_columns = detail::relation_columns(s);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  write_key(out, "kind", "node", "kind", ColumnType::string);
  write_key(out, "name", "node", "name", ColumnType::string);
  write_key(out, "aliases", "node", "aliases", ColumnType::strings);
  for (std::size_t i = 0; i < node_columns.size(); ++i) {
    write_key(out, "n" + std::to_string(i), "node", node_columns[i].key, node_columns[i].type);
  }
  write_key(out, "type", "edge", "type", ColumnType::string);
  for (std::size_t i = 0; i < edge_columns.size(); ++i) {
    write_key(out, "e" + std::to_string(i), "edge", edge_columns[i].key, edge_columns[i].type);
  }
  out << "  <graph id=\"hallyu\" edgedefault=\"directed\">\n";
  std::map<std::string, std::size_t, std::less<>> node_index, edge_index;
  for (std::size_t i = 0; i < node_columns.size(); ++i) node_index.emplace(node_columns[i].key, i);
  for (std::size_t i = 0; i < edge_columns.size(); ++i) edge_index.emplace(edge_columns[i].key, i);
  std::string line;
  for (VertexId v : s.entities) {
    const Entity& e = graph.entity(v);
    line = "    <node id=\"" + detail::xml_escape(e.id) + "\">";
    line += "<data key=\"kind\">" + std::string(to_string(e.kind)) + "</data>";
    line += "<data key=\"name\">" + detail::xml_escape(e.name) + "</data>";
    std::string aliases = "[";
    for (std::size_t a = 0; a < e.aliases.size(); ++a) aliases += (a ? "," : "") + text::json_string(e.aliases[a]);
    line += "<data key=\"aliases\">" + detail::xml_escape(aliases + "]") + "</data>";
    for (const Attribute& a : e.attributes) {
      std::size_t c = node_index.find(a.key)->second;
      write_data(line, "n" + std::to_string(c), a.json, node_columns[c].type);
    }
    out << line << "</node>\n";
  }
  for (RelationId r : s.relations) {
    const Relation& relation = graph.relation(r);
    line = "    <edge id=\"r" + std::to_string(r) + "\" source=\"" +
           detail::xml_escape(graph.entity(relation.from).id) + "\" target=\"" +
           detail::xml_escape(graph.entity(relation.to).id) + "\">";
    line += "<data key=\"type\">" + std::string(to_string(relation.type)) + "</data>";
    for (const Attribute& a : relation.attributes) {
      std::size_t c = edge_index.find(a.key)->second;
      write_data(line, "e" + std::to_string(c), a.json, edge_columns[c].type);
    }
    out << line << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace hallyu::format
