// GraphFrames-style CSV export: nodes.csv and edges.csv, strings plain and every other value as JSON.
#include "hallyu/format/csv_tables.hpp"

#include <rapidjson/document.h>

#include "export_detail.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {

std::string plain_cell(std::string_view json) {
  if (json.empty() || json.front() != '"') return std::string(json);
  std::string value = detail::string_value(json);
  // A string that reads as JSON (a number, true, "[...]") or is empty keeps its quotes.
  if (value.empty()) return std::string(json);
  rapidjson::Document d;
  d.Parse(value.data(), value.size());
  return d.HasParseError() ? value : std::string(json);
}

void write_csv_tables(const ExportSelection& s, const FileSink& sink) {
  const Graph& graph = *s.graph;
  std::vector<detail::Column> node_columns = detail::entity_columns(s);
  std::vector<detail::Column> edge_columns = detail::relation_columns(s);
  sink("nodes.csv", [&](std::ostream& out) {
    out << "id,kind,name,aliases";
    for (const detail::Column& c : node_columns) out << ',' << detail::csv_field(c.key);
    out << '\n';
    std::string line;
    for (VertexId v : s.entities) {
      const Entity& e = graph.entity(v);
      line = detail::csv_field(e.id) + ',' + std::string(to_string(e.kind)) + ',' +
             detail::csv_field(plain_cell(text::json_string(e.name)));
      line += ',';
      if (!e.aliases.empty()) {
        std::string aliases = "[";
        for (std::size_t a = 0; a < e.aliases.size(); ++a) aliases += (a ? "," : "") + text::json_string(e.aliases[a]);
        line += detail::csv_field(aliases + "]");
      }
      for (const detail::Column& c : node_columns) {
        line += ',';
        if (const std::string* json = detail::find_value(e.attributes, c.key))
          line += detail::csv_field(plain_cell(*json));
      }
      out << line << '\n';
    }
  });
  sink("edges.csv", [&](std::ostream& out) {
    out << "src,dst,type";
    for (const detail::Column& c : edge_columns) out << ',' << detail::csv_field(c.key);
    out << '\n';
    std::string line;
    for (RelationId r : s.relations) {
      const Relation& relation = graph.relation(r);
      line = detail::csv_field(graph.entity(relation.from).id) + ',' + detail::csv_field(graph.entity(relation.to).id) +
             ',' + std::string(to_string(relation.type));
      for (const detail::Column& c : edge_columns) {
        line += ',';
        if (const std::string* json = detail::find_value(relation.attributes, c.key))
          line += detail::csv_field(plain_cell(*json));
      }
      out << line << '\n';
    }
  });
}

}  // namespace hallyu::format
