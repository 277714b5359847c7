// The importers' shared parts: the mapping file, foreign labels to kinds and types, and the finishing
// step that checks and merges imported records exactly as the JSON loader does.
#include "hallyu/io/import.hpp"

#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unordered_map>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"
#include "import_detail.hpp"

namespace hallyu::io {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ImportMapping read_mapping(const std::filesystem::path& file) {
  std::string name = file.string();
  std::string body = read_file(file);
  rapidjson::Document d;
  d.Parse(body.data(), body.size());
  if (d.HasParseError() || !d.IsObject()) throw DataError(name + ": a mapping file is a JSON object");
  ImportMapping mapping;
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    std::string key(it->name.GetString(), it->name.GetStringLength());
    const auto& value = it->value;
    auto table = [&](std::map<std::string, std::string>& out) {
      if (!value.IsObject()) throw DataError(name + ": " + text::quote(key) + " must be an object of strings");
      for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
        if (!m->value.IsString()) throw DataError(name + ": " + key + "." + m->name.GetString() + " must be a string");
        out[m->name.GetString()] = m->value.GetString();
      }
    };
    auto word = [&](std::string& out) {
      if (!value.IsString()) throw DataError(name + ": " + text::quote(key) + " must be a string");
      out = value.GetString();
    };
    if (key == "kinds") {
      table(mapping.kinds);
    } else if (key == "types") {
      table(mapping.types);
    } else if (key == "columns") {
      table(mapping.columns);
    } else if (key == "kind") {
      word(mapping.kind);
    } else if (key == "type") {
      word(mapping.type);
    } else if (key == "id_prefix") {
      word(mapping.id_prefix);
    } else if (key == "array_delimiter") {
      word(mapping.array_delimiter);
    } else {
      throw DataError(name + ": unknown key " + text::quote(key) +
                      text::did_you_mean(text::nearest(
                          key, {"kinds", "types", "columns", "kind", "type", "id_prefix", "array_delimiter"})));
    }
  }
  for (const auto& [label, kind] : mapping.kinds) {
    if (!parse_kind(kind)) throw DataError(name + ": kinds." + label + ": unknown kind " + text::quote(kind));
  }
  for (const auto& [label, type] : mapping.types) {
    if (!parse_relation_type(type))
      throw DataError(name + ": types." + label + ": unknown relation type " + text::quote(type));
  }
  if (!mapping.kind.empty() && !parse_kind(mapping.kind))
    throw DataError(name + ": kind: unknown kind " + text::quote(mapping.kind));
  if (!mapping.type.empty() && !parse_relation_type(mapping.type)) {
    throw DataError(name + ": type: unknown relation type " + text::quote(mapping.type));
  }
  return mapping;
}

std::optional<Kind> map_kind(const ImportMapping& mapping, std::string_view label) {
  if (auto it = mapping.kinds.find(std::string(label)); it != mapping.kinds.end()) return parse_kind(it->second);
  if (auto kind = parse_kind(lower(label))) return kind;
  if (label.empty() && !mapping.kind.empty()) return parse_kind(mapping.kind);
  return std::nullopt;
}

std::optional<RelationType> map_type(const ImportMapping& mapping, std::string_view label) {
  if (auto it = mapping.types.find(std::string(label)); it != mapping.types.end())
    return parse_relation_type(it->second);
  if (auto type = parse_relation_type(lower(label))) return type;
  if (label.empty() && !mapping.type.empty()) return parse_relation_type(mapping.type);
  return std::nullopt;
}

}  // namespace hallyu::io

namespace hallyu::io::detail {

std::string json_string_value(std::string_view s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return {buffer.GetString(), buffer.GetSize()};
}

std::string json_string_list(const std::vector<std::string>& items, std::string_view key) {
  if (key == "source" && items.size() == 1) return json_string_value(items[0]);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& s : items) writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

std::vector<std::string> string_items(std::string_view json) {
  std::vector<std::string> out;
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsArray()) return out;
  for (const auto& item : d.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

namespace {

class Compact {
 public:
  bool Null() { return writer_.Null(); }
  bool Bool(bool b) { return writer_.Bool(b); }
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return writer_.RawValue(s, n, rapidjson::kNumberType); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return writer_.String(s, n); }
  bool Key(const char* s, rapidjson::SizeType n, bool) { return writer_.Key(s, n); }
  bool StartObject() { return writer_.StartObject(); }
  bool EndObject(rapidjson::SizeType) { return writer_.EndObject(); }
  bool StartArray() { return writer_.StartArray(); }
  bool EndArray(rapidjson::SizeType) { return writer_.EndArray(); }
  std::string text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_{buffer_};
};

}  // namespace

std::optional<std::string> compact_json(std::string_view text) {
  Compact copy;
  rapidjson::MemoryStream stream(text.data(), text.size());
  rapidjson::Reader reader;
  constexpr unsigned kFlags =
      rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, copy);
  if (result.IsError()) return std::nullopt;  // trailing text after the value is an error too
  std::string out = copy.text();
  if (out.empty()) return std::nullopt;
  return out;
}

void set_attribute(Attributes& attributes, std::string key, std::string json) {
  for (Attribute& a : attributes) {
    if (a.key == key) {
      a.json = std::move(json);
      return;
    }
  }
  attributes.push_back({std::move(key), std::move(json)});
}

bool bad_record(const ImportOptions& options, std::vector<std::string>& skipped, std::string message) {
  if (!options.skip_bad) throw DataError(message);
  skipped.push_back(std::move(message));
  return false;
}

Imported finish_import(const std::vector<SourceText>& sources, ImportRecords records, const ImportOptions& options,
                       std::vector<std::string> skipped) {
  Places places(sources);
  std::vector<RawEntity> entities;
  entities.reserve(records.entities.size());
  std::unordered_map<std::string, Kind> kinds;
  for (RawEntity& raw : records.entities) {
    std::string label = "entities[" + std::to_string(raw.index) + "] (id " + text::quote(raw.entity.id) + ")";
    if (std::string problem = entity_problem(raw.entity, options.limits); !problem.empty()) {
      bad_record(options, skipped, places(raw.at) + ": " + label + ": " + problem);
      continue;
    }
    entities.push_back(std::move(raw));
  }
  // Kinds by id (the first definition; the merge refuses disagreements).
  for (const RawEntity& raw : entities) kinds.emplace(raw.entity.id, raw.entity.kind);
  std::vector<RawEntity> stubs;
  std::vector<RawRelation> relations;
  relations.reserve(records.relations.size());
  for (RawRelation& raw : records.relations) {
    std::string label = "relations[" + std::to_string(raw.index) + "] (" + std::string(to_string(raw.type)) + ")";
    auto kind_of = [&](const std::string& id, Site at) -> std::optional<Kind> {
      if (auto it = kinds.find(id); it != kinds.end()) return it->second;
      if (options.existing != nullptr) {
        if (auto v = options.existing->find_id(id)) {
          RawEntity stub;
          stub.entity = {id, options.existing->kind(*v), options.existing->entity(*v).name, {}, {}};
          stub.at = stub.id_at = stub.kind_at = stub.name_at = at;
          stub.has_id = stub.has_kind = stub.has_name = true;
          stubs.push_back(std::move(stub));
          kinds.emplace(stubs.back().entity.id, stubs.back().entity.kind);
          return stubs.back().entity.kind;
        }
      }
      bad_record(options, skipped, places(at) + ": " + label + ": unknown entity " + text::quote(id));
      return std::nullopt;
    };
    if (raw.from == raw.to) {
      bad_record(options, skipped,
                 places(raw.to_at) + ": " + label + ": relation connects " + text::quote(raw.from) + " to itself");
      continue;
    }
    std::optional<Kind> from = kind_of(raw.from, raw.from_at);
    if (!from) continue;
    std::optional<Kind> to = kind_of(raw.to, raw.to_at);
    if (!to) continue;
    Endpoints allowed = allowed_endpoints(raw.type);
    if (!(allowed.from & bit(*from)) || !(allowed.to & bit(*to))) {
      bool from_bad = !(allowed.from & bit(*from));
      bad_record(options, skipped,
                 places(from_bad ? raw.from_at : raw.to_at) + ": " + label + ": " +
                     text::quote(from_bad ? raw.from : raw.to) + " is " +
                     with_article(to_string(from_bad ? *from : *to)) + ", but the '" + (from_bad ? "from" : "to") +
                     "' of " + std::string(to_string(raw.type)) + " must be " +
                     with_article(describe_kinds(from_bad ? allowed.from : allowed.to)));
      continue;
    }
    if (std::string problem = relation_problem(raw.type, raw.attributes, options.limits); !problem.empty()) {
      bad_record(options, skipped, places(raw.at) + ": " + label + ": " + problem);
      continue;
    }
    relations.push_back(std::move(raw));
  }
  for (RawEntity& stub : stubs) entities.push_back(std::move(stub));
  Imported imported;
  imported.dataset = merge(sources, entities, relations, places, options.limits);
  imported.skipped = std::move(skipped);
  return imported;
}

}  // namespace hallyu::io::detail
