// hallyu/1 JSON export: {"format": "hallyu/1", "entities": [...], "relations": [...]}, a record a line.
#include "hallyu/format/hallyu_json.hpp"

#include "hallyu/text.hpp"

namespace hallyu::format {

void write_hallyu_json(const ExportSelection& s, std::ostream& out) {
  const Graph& graph = *s.graph;
  std::string line;
  out << "{\"format\": \"hallyu/1\",\n \"entities\": [";
  for (std::size_t i = 0; i < s.entities.size(); ++i) {
    const Entity& e = graph.entity(s.entities[i]);
    line.assign(i ? ",\n  " : "\n  ");
    line += "{\"id\": " + text::json_string(e.id) + ", \"kind\": \"" + std::string(to_string(e.kind)) +
            "\", \"name\": " + text::json_string(e.name) + ", \"aliases\": [";
    for (std::size_t a = 0; a < e.aliases.size(); ++a) line += (a ? ", " : "") + text::json_string(e.aliases[a]);
    line += "]";
    for (const Attribute& a : e.attributes) line += ", " + text::json_string(a.key) + ": " + a.json;
    line += "}";
    out << line;
  }
  out << "\n ],\n \"relations\": [";
  for (std::size_t i = 0; i < s.relations.size(); ++i) {
    const Relation& r = graph.relation(s.relations[i]);
    line.assign(i ? ",\n  " : "\n  ");
    line += "{\"from\": " + text::json_string(graph.entity(r.from).id) +
            ", \"to\": " + text::json_string(graph.entity(r.to).id) + ", \"type\": \"" +
            std::string(to_string(r.type)) + "\"";
    for (const Attribute& a : r.attributes) line += ", " + text::json_string(a.key) + ": " + a.json;
    line += "}";
    out << line;
  }
  out << "\n ]}\n";
}

}  // namespace hallyu::format
