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
  void key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void string(std::string_view s) { writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void number(double d);  // finite doubles shortest-round-trip; NaN/inf as null
  void integer(long long i) { writer_.Int64(i); }
  void boolean(bool b) { writer_.Bool(b); }
  void start_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void start_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }

  // {"id","name","kind"}
  void entity_ref(const Graph& graph, VertexId v);
  // {"id","name","kind","aliases":[...],"attributes":{...}}
  void entity_full(const Graph& graph, VertexId v);
  // {"key": value, ...} with values exactly as loaded
  void attributes(const Attributes& attributes);
  // {"from","to","type","attributes":{...},"text": "IU starred in ..."}
  void relation(const Graph& graph, RelationId r);

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace hallyu::format
