// The checks every record passes whatever it was read from, a JSON file or a snapshot: ids, names,
// aliases, attribute keys and values, years and billing. Each returns the problem in words, or "".
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>

#include "hallyu/text.hpp"
#include "loader_detail.hpp"

namespace hallyu::io::detail {
namespace {

// Copies a JSON value event by event into a compact writer, counting nesting: what the JSON parser
// stores for an attribute, made again from the attribute's text.
class CompactCopy {
 public:
  explicit CompactCopy(std::size_t max_depth) : max_depth_(max_depth) {}
  bool Null() { return writer_.Null(); }
  bool Bool(bool b) { return writer_.Bool(b); }
  bool Int(int) { return false; }  // numbers arrive as text (kParseNumbersAsStringsFlag)
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return writer_.RawValue(s, n, rapidjson::kNumberType); }
  bool String(const char* s, rapidjson::SizeType n, bool) { return writer_.String(s, n); }
  bool Key(const char* s, rapidjson::SizeType n, bool) { return writer_.Key(s, n); }
  bool StartObject() { return deeper() && writer_.StartObject(); }
  bool EndObject(rapidjson::SizeType) { return --depth_, writer_.EndObject(); }
  bool StartArray() { return deeper() && writer_.StartArray(); }
  bool EndArray(rapidjson::SizeType) { return --depth_, writer_.EndArray(); }

  bool too_deep() const { return too_deep_; }
  std::string_view text() const { return {buffer_.GetString(), buffer_.GetSize()}; }

 private:
  bool deeper() {
    if (++depth_ > max_depth_) too_deep_ = true;
    return !too_deep_;
  }
  std::size_t max_depth_, depth_ = 0;
  bool too_deep_ = false;
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_{buffer_};
};

std::string quoted_key(std::string_view key) { return "attribute " + text::quote(key); }

}  // namespace

std::string text_problem(std::string_view value, std::string_view field, std::size_t max_bytes) {
  std::string f(field);
  if (value.size() > max_bytes) {
    return f + " is " + std::to_string(value.size()) + " bytes long; the limit is " + std::to_string(max_bytes) + " bytes";
  }
  if (!text::is_valid_utf8(value)) return f + " " + text::quote(value) + " is not valid UTF-8";
  if (text::has_forbidden_characters(value)) return f + " " + text::quote(value) + " contains control or bidirectional-override characters";
  if (std::all_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; })) return f + " must not be empty";
  return {};
}

std::string id_problem(std::string_view id, const LoadLimits& limits) {
  std::string problem = text_problem(id, "id", limits.max_id_bytes);
  if (problem.empty() && id.find_first_of(" \t\n\r") != std::string_view::npos) {
    problem = "id " + text::quote(id) + " must not contain spaces";
  }
  return problem;
}

std::string alias_problem(std::string_view alias, const LoadLimits& limits) {
  if (alias.empty()) return "an alias must not be empty";
  if (alias.size() > limits.max_name_bytes) {
    return "alias is " + std::to_string(alias.size()) + " bytes long; the limit is " + std::to_string(limits.max_name_bytes) + " bytes";
  }
  if (!text::is_valid_utf8(alias)) return "alias " + text::quote(alias) + " is not valid UTF-8";
  if (text::has_forbidden_characters(alias)) return "alias " + text::quote(alias) + " contains control or bidirectional-override characters";
  return {};
}

std::string aliases_problem(const std::vector<std::string>& aliases, const LoadLimits& limits) {
  if (aliases.size() > limits.max_aliases) return "more than " + std::to_string(limits.max_aliases) + " aliases";
  for (const std::string& alias : aliases) {
    if (std::string problem = alias_problem(alias, limits); !problem.empty()) return problem;
  }
  return {};
}

std::string attribute_key_problem(std::string_view key, bool of_entity) {
  if (key.size() > kMaxKeyBytes) {
    return "a key is " + std::to_string(key.size()) + " bytes long; the limit is " + std::to_string(kMaxKeyBytes);
  }
  if (!text::is_valid_utf8(key)) return "key " + text::quote(key) + " is not valid UTF-8";
  if (text::has_forbidden_characters(key)) return "key " + text::quote(key) + " contains control or bidirectional-override characters";
  static const std::vector<std::string_view> kEntityFields = {"id", "kind", "name", "aliases"};
  static const std::vector<std::string_view> kRelationFields = {"from", "to", "type"};
  const auto& fields = of_entity ? kEntityFields : kRelationFields;
  if (std::find(fields.begin(), fields.end(), key) != fields.end()) return "key " + text::quote(key) + " is a field, not an attribute";
  return {};
}

namespace {

// Whether `json` is, at a glance, a value whose compact form is itself: a whole number in JSON's
// grammar, or a string of printable ASCII without quotes or backslashes. Most attributes are (years,
// roles, billing, source addresses), and they skip the parse below, which cost a quarter of a
// snapshot's load at 1M relations; anything else is still parsed.
bool plainly_compact(std::string_view json) {
  if (json.size() >= 2 && json.front() == '"' && json.back() == '"') {
    for (std::size_t i = 1; i + 1 < json.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(json[i]);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
    }
    return true;
  }
  std::size_t i = !json.empty() && json[0] == '-' ? 1 : 0;
  if (i == json.size() || (json[i] == '0' && json.size() > i + 1)) return false;
  for (; i < json.size(); ++i) {
    if (json[i] < '0' || json[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::string attribute_value_problem(std::string_view key, std::string_view json, const LoadLimits& limits) {
  if (json.size() > limits.max_attribute_bytes) {
    return quoted_key(key) + " is larger than " + std::to_string(limits.max_attribute_bytes) + " bytes";
  }
  if (plainly_compact(json)) return {};
  CompactCopy copy(limits.max_attribute_depth);
  rapidjson::MemoryStream stream(json.data(), json.size());
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, copy);
  if (copy.too_deep()) {
    return quoted_key(key) + " is nested deeper than " + std::to_string(limits.max_attribute_depth) + " levels";
  }
  // Compact form only, as the JSON parser stores it: the text is pasted into JSON output as it is.
  if (result.IsError() || copy.text() != json) return quoted_key(key) + " is not well-formed compact JSON";
  return {};
}

std::string attributes_problem(const Attributes& attributes, bool of_entity, const LoadLimits& limits) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const Attribute& a = attributes[i];
    if (std::string problem = attribute_key_problem(a.key, of_entity); !problem.empty()) return problem;
    for (std::size_t j = 0; j < i; ++j) {
      if (attributes[j].key == a.key) return "duplicate key " + text::quote(a.key);
    }
    if (std::string problem = attribute_value_problem(a.key, a.json, limits); !problem.empty()) return problem;
  }
  return {};
}

// The value of a string attribute without escapes, read without parsing a JSON document (this runs
// for every relation); other values go through attribute_text.
std::optional<std::string> plain_string_attribute(const Attributes& attributes, std::string_view key) {
  for (const Attribute& a : attributes) {
    if (a.key != key) continue;
    if (a.json.size() >= 2 && a.json.front() == '"' && a.json.back() == '"' && a.json.find('\\') == std::string::npos) {
      return a.json.substr(1, a.json.size() - 2);
    }
    return attribute_text(attributes, key);
  }
  return std::nullopt;
}

std::string year_problem(const Attributes& attributes) {
  for (const Attribute& a : attributes) {
    if (a.key != "year") continue;
    long long year = 0;
    auto [end, ec] = std::from_chars(a.json.data(), a.json.data() + a.json.size(), year);
    if (ec != std::errc() || end != a.json.data() + a.json.size() || year < 1800 || year > 2200) {
      return "'year' must be a whole number between 1800 and 2200, not " + text::quote(a.json);
    }
  }
  return {};
}

std::string billing_problem(RelationType type, const Attributes& attributes) {
  if (type != RelationType::acted_in) return {};
  if (auto billing = plain_string_attribute(attributes, "billing")) {
    static const std::vector<std::string_view> kBillings = {"lead", "support", "cameo"};
    if (std::find(kBillings.begin(), kBillings.end(), *billing) == kBillings.end()) {
      return "billing " + text::quote(*billing) + " is not lead, support or cameo" + did_you_mean(nearest(*billing, kBillings, 3));
    }
  }
  return {};
}

std::string entity_problem(const Entity& entity, const LoadLimits& limits) {
  std::string problem = id_problem(entity.id, limits);
  if (problem.empty()) problem = text_problem(entity.name, "name", limits.max_name_bytes);
  if (problem.empty()) problem = aliases_problem(entity.aliases, limits);
  if (problem.empty()) problem = attributes_problem(entity.attributes, true, limits);
  if (problem.empty()) problem = year_problem(entity.attributes);
  return problem;
}

std::string relation_problem(RelationType type, const Attributes& attributes, const LoadLimits& limits) {
  std::string problem = attributes_problem(attributes, false, limits);
  if (problem.empty()) problem = year_problem(attributes);
  if (problem.empty()) problem = billing_problem(type, attributes);
  return problem;
}

}  // namespace hallyu::io::detail
