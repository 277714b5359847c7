// JSON output shared by the CLI and the HTTP API, so both describe entities and relations in the
// same shape: entities as {"id","name","kind"}, relations as {"from","to","type",...attributes}.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

#include "hallyu/graph.hpp"

namespace hallyu::format {

class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) {}

  rapidjson::Writer<rapidjson::StringBuffer>& raw() { return writer_; }
  // Keys and strings: invalid UTF-8 bytes become U+FFFD (one rule for every output), control and
  // bidi characters are escaped (\u001b, \u202e), so a terminal showing the JSON is not steered.
  void key(std::string_view k);
  void string(std::string_view s);
  void number(double d);  // finite doubles shortest-round-trip; NaN/inf as null
  void integer(long long i) { writer_.Int64(i); }
  void boolean(bool b) { writer_.Bool(b); }
  void null() { writer_.Null(); }
  void start_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void start_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }

  // {"id","name","kind"}
  void entity_ref(const Graph& graph, VertexId v);
  // {"id","name","kind","aliases":[...],"attributes":{...}}
  void entity_full(const Graph& graph, VertexId v);
  // {"key": value, ...} with values exactly as loaded when they are well-formed compact JSON (the
  // loader and the snapshot reader check that); any other value is written as a JSON string of its
  // text, never pasted in raw.
  void attributes(const Attributes& attributes);
  // {"from","to","type","attributes":{...},"text": "IU starred in ..."}
  void relation(const Graph& graph, RelationId r);

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  void text(std::string_view s);
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace hallyu::format
