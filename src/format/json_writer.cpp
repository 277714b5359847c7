// JSON output with entities, relations and attributes in one shape; strings always valid UTF-8.
#include "hallyu/format/json_writer.hpp"

#include <cmath>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "hallyu/explain.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {

namespace {

// Writes a parsed attribute value again through a JsonWriter, so its strings and keys get the same
// escaping as everything else.
class Copy {
 public:
  explicit Copy(JsonWriter& out) : out_(out) {}
  bool Null() { return out_.raw().Null(); }
  bool Bool(bool b) { return out_.raw().Bool(b); }
  bool Int(int) { return false; }  // numbers arrive as text (kParseNumbersAsStringsFlag)
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return out_.raw().RawValue(s, n, rapidjson::kNumberType); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return out_.string({s, n}), true; }
  bool Key(const char* s, rapidjson::SizeType n, bool) { return out_.key({s, n}), true; }
  bool StartObject() { return ++depth_ <= kMaxDepth && out_.raw().StartObject(); }
  bool EndObject(rapidjson::SizeType) { return --depth_, out_.raw().EndObject(); }
  bool StartArray() { return ++depth_ <= kMaxDepth && out_.raw().StartArray(); }
  bool EndArray(rapidjson::SizeType) { return --depth_, out_.raw().EndArray(); }

 private:
  static constexpr std::size_t kMaxDepth = 64;  // the loader allows 16
  JsonWriter& out_;
  std::size_t depth_ = 0;
};

}  // namespace

// RawValue with kStringType is what Key() and String() do, with our own escaping.
void JsonWriter::text(std::string_view s) {
  std::string literal = text::json_string(s);
  writer_.RawValue(literal.data(), literal.size(), rapidjson::kStringType);
}

void JsonWriter::key(std::string_view k) { text(k); }
void JsonWriter::string(std::string_view s) { text(s); }

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
    JsonWriter value;
    Copy copy(value);
    rapidjson::MemoryStream stream(a.json.data(), a.json.size());
    rapidjson::Reader reader;
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
    if (reader.Parse<kFlags>(stream, copy).IsError() || !value.raw().IsComplete()) {
      string(a.json);  // not JSON (a Dataset built by hand): its text, as a string
    } else {
      writer_.RawValue(value.buffer_.GetString(), value.buffer_.GetSize(), rapidjson::kObjectType);
    }
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
