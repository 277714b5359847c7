#include "hallyu/format/json_writer.hpp"

#include <cmath>

#include "hallyu/explain.hpp"

namespace hallyu::format {

void JsonWriter::number(double d) {
  if (std::isfinite(d)) {
    writer_.Double(d);
  } else {
    writer_.Null();
  }
}

void JsonWriter::entity_ref(const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  start_object();
  key("id"), string(e.id);
  key("name"), string(e.name);
  key("kind"), string(to_string(e.kind));
  end_object();
}

void JsonWriter::entity_full(const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  start_object();
  key("id"), string(e.id);
  key("name"), string(e.name);
  key("kind"), string(to_string(e.kind));
  key("aliases");
  start_array();
  for (const std::string& alias : e.aliases) string(alias);
  end_array();
  key("attributes");
  attributes(e.attributes);
  end_object();
}

void JsonWriter::attributes(const Attributes& attributes) {
  start_object();
  for (const Attribute& a : attributes) {
    key(a.key);
    writer_.RawValue(a.json.data(), a.json.size(), rapidjson::kObjectType);
  }
  end_object();
}

void JsonWriter::relation(const Graph& graph, RelationId r) {
  const Relation& rel = graph.relation(r);
  start_object();
  key("from"), string(graph.entity(rel.from).id);
  key("to"), string(graph.entity(rel.to).id);
  key("type"), string(to_string(rel.type));
  key("attributes");
  attributes(rel.attributes);
  key("text"), string(describe_relation(graph, r));
  end_object();
}

}  // namespace hallyu::format
