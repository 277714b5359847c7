// GEXF 1.2 export: attributes declared per class, viz colour and size, spells as start/end.
#include "hallyu/format/gexf.hpp"

#include <cmath>
#include <cstdio>

#include "export_detail.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {
namespace {

using detail::ColumnType;

const char* gexf_type(ColumnType type) {
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

struct Rgb {
  int r, g, b;
};
// The render palette (src/render/graphviz.cpp), so Gephi and the diagrams agree.
Rgb kind_colour(Kind kind) {
  switch (kind) {
    case Kind::idol:
      return {0xf6, 0xb3, 0xcf};
    case Kind::actor:
      return {0xb3, 0xd1, 0xf6};
    case Kind::group:
      return {0xf8, 0xc9, 0xa0};
    case Kind::drama:
      return {0xbf, 0xe6, 0xb8};
    case Kind::ost:
      return {0xff, 0xf1, 0xa6};
    case Kind::agency:
      return {0xd6, 0xc9, 0xf2};
    case Kind::network:
      return {0xd4, 0xd4, 0xd4};
  }
  return {0xff, 0xff, 0xff};
}

void attribute_declarations(std::ostream& out, const char* klass,
                            const std::vector<std::pair<std::string, ColumnType>>& columns) {
  out << "    <attributes class=\"" << klass << "\" mode=\"static\">\n";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    out << "      <attribute id=\"" << i << "\" title=\"" << detail::xml_escape(columns[i].first) << "\" type=\""
        << gexf_type(columns[i].second) << "\"/>\n";
  }
  out << "    </attributes>\n";
}

void attvalue(std::string& line, std::size_t id, const std::string& value) {
  line += "<attvalue for=\"" + std::to_string(id) + "\" value=\"" + detail::xml_escape(value) + "\"/>";
}

std::string value_text(const std::string& json, ColumnType type) {
  return type == ColumnType::string ? detail::string_value(json) : json;
}

void spell(std::string& line, const detail::Span& span) {
  if (span.start) line += " start=\"" + std::to_string(*span.start) + "\"";
  if (span.end) line += " end=\"" + std::to_string(*span.end) + "\"";
}

}  // namespace

void write_gexf(const ExportSelection& s, std::ostream& out) {
  const Graph& graph = *s.graph;
  // Fixed columns first: kind, name... (`name` is the node's label too, but label is not an attribute
  // NetworkX keeps apart from the id everywhere), aliases as JSON text.
  std::vector<std::pair<std::string, ColumnType>> node_columns = {
      {"kind", ColumnType::string}, {"name", ColumnType::string}, {"aliases", ColumnType::json}};
  for (const detail::Column& c : detail::entity_columns(s)) node_columns.emplace_back(c.key, c.type);
  std::vector<std::pair<std::string, ColumnType>> edge_columns = {{"type", ColumnType::string}};
  for (const detail::Column& c : detail::relation_columns(s)) edge_columns.emplace_back(c.key, c.type);
  std::map<std::string, std::size_t, std::less<>> node_index, edge_index;
  for (std::size_t i = 3; i < node_columns.size(); ++i) node_index.emplace(node_columns[i].first, i);
  for (std::size_t i = 1; i < edge_columns.size(); ++i) edge_index.emplace(edge_columns[i].first, i);

  bool dynamic = false;
  for (VertexId v : s.entities) dynamic = dynamic || detail::entity_span(graph.entity(v)).start.has_value();
  for (RelationId r : s.relations) dynamic = dynamic || detail::relation_span(graph.relation(r)).start.has_value();
  std::vector<std::size_t> degree(s.entities.size(), 0);
  for (RelationId r : s.relations) {
    ++degree[s.position[graph.relation(r).from]];
    ++degree[s.position[graph.relation(r).to]];
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
         "  <meta><creator>hallyu</creator><description>K-pop and K-drama graph exported by "
         "hallyu</description></meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\""
      << (dynamic ? "dynamic\" timeformat=\"integer\"" : "static\"") << ">\n";
  attribute_declarations(out, "node", node_columns);
  attribute_declarations(out, "edge", edge_columns);
  out << "    <nodes>\n";
  std::string line;
  for (std::size_t i = 0; i < s.entities.size(); ++i) {
    const Entity& e = graph.entity(s.entities[i]);
    line = "      <node id=\"" + detail::xml_escape(e.id) + "\" label=\"" + detail::xml_escape(e.name) + "\"";
    spell(line, detail::entity_span(e));
    line += "><attvalues>";
    attvalue(line, 0, std::string(to_string(e.kind)));
    attvalue(line, 1, e.name);
    std::string aliases = "[";
    for (std::size_t a = 0; a < e.aliases.size(); ++a) aliases += (a ? "," : "") + text::json_string(e.aliases[a]);
    attvalue(line, 2, aliases + "]");
    for (const Attribute& a : e.attributes) {
      std::size_t c = node_index.find(a.key)->second;
      attvalue(line, c, value_text(a.json, node_columns[c].second));
    }
    Rgb rgb = kind_colour(e.kind);
    char size[32];
    std::snprintf(size, sizeof size, "%.2f", 4.0 + 3.0 * std::sqrt(static_cast<double>(degree[i])));
    line += "</attvalues><viz:color r=\"" + std::to_string(rgb.r) + "\" g=\"" + std::to_string(rgb.g) + "\" b=\"" +
            std::to_string(rgb.b) + "\"/><viz:size value=\"" + size + "\"/></node>\n";
    out << line;
  }
  out << "    </nodes>\n    <edges>\n";
  for (RelationId r : s.relations) {
    const Relation& relation = graph.relation(r);
    line = "      <edge id=\"r" + std::to_string(r) + "\" source=\"" +
           detail::xml_escape(graph.entity(relation.from).id) + "\" target=\"" +
           detail::xml_escape(graph.entity(relation.to).id) + "\" label=\"" + std::string(to_string(relation.type)) +
           "\"";
    spell(line, detail::relation_span(relation));
    line += "><attvalues>";
    attvalue(line, 0, std::string(to_string(relation.type)));
    for (const Attribute& a : relation.attributes) {
      std::size_t c = edge_index.find(a.key)->second;
      attvalue(line, c, value_text(a.json, edge_columns[c].second));
    }
    out << line << "</attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace hallyu::format
