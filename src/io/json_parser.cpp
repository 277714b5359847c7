// The JSON loader's parse phase: a RapidJSON SAX handler that checks each hallyu/1 record as it is read.
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"
#include "loader_detail.hpp"

namespace hallyu::io::detail {

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates, std::size_t max_distance) {
  std::string best;
  std::size_t best_distance = max_distance + 1;
  for (std::string_view candidate : candidates) {
    std::size_t d = text::edit_distance(word, candidate, max_distance);
    if (d < best_distance) best_distance = d, best = std::string(candidate);
  }
  return best;
}

std::string did_you_mean(const std::string& suggestion) {
  return suggestion.empty() ? std::string() : " (did you mean " + text::quote(suggestion) + "?)";
}

std::string with_article(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiou").find(noun.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(noun);
}

std::string list_of(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> out;
  for (Kind k : kAllKinds) out.push_back(to_string(k));
  return out;
}

std::vector<std::string_view> type_names() {
  std::vector<std::string_view> out;
  for (RelationType t : kAllRelationTypes) out.push_back(to_string(t));
  return out;
}

namespace {

constexpr std::string_view kFormat = "hallyu/1";

// SAX handler: walks one document, checks its shape as it goes (so hostile input is refused at
// the first wrong token, before it can cost memory) and collects raw records.
class DocumentHandler {
 public:
  DocumentHandler(std::uint32_t source, const std::string& body, std::size_t base, const LoadLimits& limits,
                  std::vector<RawEntity>& entities, std::vector<RawRelation>& relations)
      : source_(source), body_(body), base_(base), limits_(limits), entities_(entities), relations_(relations) {}
  // Reports (bytes parsed before this source + here, total) every 65,536 records.
  void report_to(const LoadProgress* progress, std::size_t done_before, std::size_t total) {
    progress_ = progress, done_before_ = done_before, total_ = total;
  }

  void set_stream(const rapidjson::MemoryStream* stream) { stream_ = stream; }
  bool failed() const { return failed_; }
  Site error_site() const { return error_site_; }
  const std::string& error_message() const { return error_message_; }
  bool saw_format() const { return saw_format_; }

  // --- RapidJSON SAX interface ---
  bool Null() { return scalar("null", 4, rapidjson::kNullType, "null"); }
  bool Bool(bool b) { return scalar(b ? "true" : "false", b ? 4 : 5, b ? rapidjson::kTrueType : rapidjson::kFalseType, "a boolean"); }
  bool Int(int) { return unexpected_number(); }
  bool Uint(unsigned) { return unexpected_number(); }
  bool Int64(std::int64_t) { return unexpected_number(); }
  bool Uint64(std::uint64_t) { return unexpected_number(); }
  bool Double(double) { return unexpected_number(); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) {
    return scalar(str, length, rapidjson::kNumberType, "a number");
  }
  bool String(const char* str, rapidjson::SizeType length, bool);
  bool StartObject();
  bool Key(const char* str, rapidjson::SizeType length, bool);
  bool EndObject(rapidjson::SizeType);
  bool StartArray();
  bool EndArray(rapidjson::SizeType);

 private:
  enum class State { start, root, entities, entity, aliases, relations, relation, done };

  std::size_t here() const { return base_ + stream_->Tell(); }
  // The offset where the value of the key that ended at `key_end` starts.
  std::size_t value_start(std::size_t key_end) const {
    std::size_t i = key_end;
    while (i < body_.size() && (body_[i] == ' ' || body_[i] == '\t' || body_[i] == '\n' || body_[i] == '\r' || body_[i] == ':')) ++i;
    return i;
  }
  Site value_site() const { return {source_, value_start(key_end_)}; }

  bool fail(std::size_t offset, std::string message) {
    failed_ = true;
    error_site_ = {source_, offset};
    error_message_ = std::move(message);
    return false;
  }
  std::string record_label() const {
    if (state_ == State::entity || state_ == State::aliases) {
      const RawEntity& e = entities_.back();
      return "entities[" + std::to_string(e.index) + "]" + (e.has_id ? " (id " + text::quote(e.entity.id) + ")" : "");
    }
    return "relations[" + std::to_string(relations_.back().index) + "]";
  }
  bool fail_value(std::string message) { return fail(value_start(key_end_), record_label() + ": " + message); }

  bool unexpected_number() { return fail(here(), "internal: numbers are parsed as text"); }
  bool scalar(const char* str, std::size_t length, rapidjson::Type type, const char* what);
  template <typename Write>
  bool capture_event(Write write, int depth_change);
  void start_capture();
  bool finish_capture();
  bool check_name(const std::string& value, const char* field, std::size_t max_bytes);
  bool field_is_string(std::string_view field) const;
  bool finish_entity();
  bool finish_relation();

  std::uint32_t source_;
  const std::string& body_;
  std::size_t base_;
  const LoadLimits& limits_;
  std::vector<RawEntity>& entities_;
  std::vector<RawRelation>& relations_;
  const rapidjson::MemoryStream* stream_ = nullptr;
  const LoadProgress* progress_ = nullptr;
  std::size_t done_before_ = 0, total_ = 0;
  void tick() {
    if (progress_ != nullptr && *progress_ && ((entity_count_ + relation_count_) & 0xffff) == 0) (*progress_)(done_before_ + here(), total_);
  }

  State state_ = State::start;
  std::string key_;
  std::size_t key_end_ = 0;
  std::vector<std::string> keys_seen_;  // keys of the current record, to refuse duplicates
  bool saw_format_ = false, saw_entities_ = false, saw_relations_ = false;
  std::size_t entity_count_ = 0, relation_count_ = 0;

  // Capturing an attribute value (any JSON) as compact text.
  bool capturing_ = false;
  bool discard_capture_ = false;  // "meta": checked for shape, then dropped
  std::size_t capture_depth_ = 0;
  rapidjson::StringBuffer capture_buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> capture_writer_{capture_buffer_};

  bool failed_ = false;
  Site error_site_;
  std::string error_message_;
};

bool DocumentHandler::field_is_string(std::string_view field) const {
  if (state_ == State::entity) return field == "id" || field == "kind" || field == "name";
  return field == "from" || field == "to" || field == "type";
}

void DocumentHandler::start_capture() {
  capturing_ = true;
  capture_depth_ = 0;
  capture_buffer_.Clear();
  capture_writer_.Reset(capture_buffer_);
}

template <typename Write>
bool DocumentHandler::capture_event(Write write, int depth_change) {
  if (depth_change > 0 && ++capture_depth_ > limits_.max_attribute_depth) {
    return fail(here(), (discard_capture_ ? std::string("meta") : record_label()) + ": attribute " +
                                text::quote(key_) + " is nested deeper than " +
                                std::to_string(limits_.max_attribute_depth) + " levels");
  }
  if (depth_change < 0) --capture_depth_;
  write();
  if (capture_buffer_.GetSize() > limits_.max_attribute_bytes) {
    return fail(value_start(key_end_), (discard_capture_ ? std::string("meta") : record_label()) + ": attribute " +
                                           text::quote(key_) + " is larger than " +
                                           std::to_string(limits_.max_attribute_bytes) + " bytes");
  }
  if (capture_depth_ == 0) return finish_capture();
  return true;
}

bool DocumentHandler::finish_capture() {
  capturing_ = false;
  if (discard_capture_) {
    discard_capture_ = false;
    return true;
  }
  Attribute attribute{key_, std::string(capture_buffer_.GetString(), capture_buffer_.GetSize())};
  if (state_ == State::entity) {
    entities_.back().entity.attributes.push_back(std::move(attribute));
  } else {
    relations_.back().attributes.push_back(std::move(attribute));
  }
  return true;
}

bool DocumentHandler::scalar(const char* str, std::size_t length, rapidjson::Type type, const char* what) {
  if (capturing_) {
    return capture_event([&] { capture_writer_.RawValue(str, length, type); }, 0);
  }
  if (state_ == State::entity || state_ == State::relation) {
    if (field_is_string(key_)) return fail_value(text::quote(key_) + " must be a string, not " + what);
    if (key_ == "aliases") return fail_value("'aliases' must be an array of strings, not " + std::string(what));
    start_capture();
    return capture_event([&] { capture_writer_.RawValue(str, length, type); }, 0);
  }
  if (state_ == State::root) {
    if (key_ == "meta") return true;
    return fail(value_start(key_end_), text::quote(key_) + " must be " +
                                           (key_ == "format" ? "the string \"hallyu/1\"" : "an array") + ", not " + what);
  }
  if (state_ == State::aliases) return fail(here() - length, record_label() + ": aliases must be strings, not " + what);
  if (state_ == State::entities) return fail(here() - length, "entities[" + std::to_string(entity_count_) + "] must be an object, not " + what);
  if (state_ == State::relations) return fail(here() - length, "relations[" + std::to_string(relation_count_) + "] must be an object, not " + what);
  return fail(here() - length, "the top level must be an object with \"format\": \"hallyu/1\", not " + std::string(what));
}

bool DocumentHandler::check_name(const std::string& value, const char* field, std::size_t max_bytes) {
  std::string problem = text_problem(value, field, max_bytes);
  return problem.empty() || fail_value(std::move(problem));
}

bool DocumentHandler::String(const char* str, rapidjson::SizeType length, bool) {
  if (capturing_) {
    return capture_event([&] { capture_writer_.String(str, length); }, 0);
  }
  std::string value(str, length);
  switch (state_) {
    case State::root:
      if (key_ == "format") {
        if (value != kFormat) {
          return fail(value_start(key_end_), "unsupported format " + text::quote(value) + " (expected \"hallyu/1\")");
        }
        saw_format_ = true;
        return true;
      }
      if (key_ == "meta") return true;
      return fail(value_start(key_end_), text::quote(key_) + " must be an array, not a string");
    case State::entity: {
      RawEntity& e = entities_.back();
      if (key_ == "id") {
        e.has_id = true;
        e.id_at = value_site();
        e.entity.id = std::move(value);
        std::string problem = id_problem(e.entity.id, limits_);
        return problem.empty() || fail_value(std::move(problem));
      }
      if (key_ == "kind") {
        e.has_kind = true;
        e.kind_at = value_site();
        e.kind_text = std::move(value);
        return true;
      }
      if (key_ == "name") {
        e.has_name = true;
        e.name_at = value_site();
        e.entity.name = std::move(value);
        return check_name(e.entity.name, "name", limits_.max_name_bytes);
      }
      if (key_ == "aliases") return fail_value("'aliases' must be an array of strings, not a string");
      start_capture();
      return capture_event([&] { capture_writer_.String(str, length); }, 0);
    }
    case State::aliases: {
      RawEntity& e = entities_.back();
      if (e.entity.aliases.size() == limits_.max_aliases) {
        return fail(here() - length - 2, record_label() + ": more than " + std::to_string(limits_.max_aliases) + " aliases");
      }
      if (std::string problem = alias_problem(value, limits_); !problem.empty()) {
        return fail(here() - length - 2, record_label() + ": " + problem);
      }
      e.entity.aliases.push_back(std::move(value));
      return true;
    }
    case State::relation: {
      RawRelation& r = relations_.back();
      if (key_ == "from" || key_ == "to") {
        bool from = key_ == "from";
        (from ? r.has_from : r.has_to) = true;
        (from ? r.from_at : r.to_at) = value_site();
        (from ? r.from : r.to) = std::move(value);
        return true;
      }
      if (key_ == "type") {
        r.has_type = true;
        r.type_at = value_site();
        r.type_text = std::move(value);
        return true;
      }
      start_capture();
      return capture_event([&] { capture_writer_.String(str, length); }, 0);
    }
    default:
      return scalar(str, length + 2, rapidjson::kStringType, "a string");
  }
}

bool DocumentHandler::StartObject() {
  if (capturing_) return capture_event([&] { capture_writer_.StartObject(); }, +1);
  switch (state_) {
    case State::start:
      state_ = State::root;
      return true;
    case State::entities:
      state_ = State::entity;
      keys_seen_.clear();
      entities_.emplace_back();
      entities_.back().index = entity_count_++;
      entities_.back().at = {source_, here()};
      tick();
      return true;
    case State::relations:
      state_ = State::relation;
      keys_seen_.clear();
      relations_.emplace_back();
      relations_.back().index = relation_count_++;
      relations_.back().at = {source_, here()};
      tick();
      return true;
    case State::root:
      if (key_ == "meta") {
        discard_capture_ = true;
        start_capture();
        return capture_event([&] { capture_writer_.StartObject(); }, +1);
      }
      return fail(here(), text::quote(key_) + (key_ == "format" ? " must be the string \"hallyu/1\"" : " must be an array") + ", not an object");
    case State::entity:
    case State::relation:
      if (field_is_string(key_)) return fail_value(text::quote(key_) + " must be a string, not an object");
      if (key_ == "aliases") return fail_value("'aliases' must be an array of strings, not an object");
      start_capture();
      return capture_event([&] { capture_writer_.StartObject(); }, +1);
    case State::aliases:
      return fail(here(), record_label() + ": aliases must be strings, not objects");
    case State::done:
      break;
  }
  return fail(here(), "unexpected object");
}

bool DocumentHandler::Key(const char* str, rapidjson::SizeType length, bool) {
  if (capturing_) {
    capture_writer_.Key(str, length);
    return true;
  }
  if (length > kMaxKeyBytes) return fail(here() - length - 2, "a key is " + std::to_string(length) + " bytes long; the limit is " + std::to_string(kMaxKeyBytes));
  key_.assign(str, length);
  key_end_ = here();
  std::size_t key_start = key_end_ - length - 2;
  if (state_ == State::root) {
    static const std::vector<std::string_view> kRootKeys = {"format", "entities", "relations", "meta"};
    if (std::find(kRootKeys.begin(), kRootKeys.end(), key_) == kRootKeys.end()) {
      return fail(key_start, "unknown top-level key " + text::quote(key_) + did_you_mean(nearest(key_, kRootKeys, 3)) +
                                 "; expected format, entities, relations or meta");
    }
    if (key_ == "entities" || key_ == "relations") {
      bool& seen = key_ == "entities" ? saw_entities_ : saw_relations_;
      if (seen) return fail(key_start, "duplicate top-level key " + text::quote(key_));
      seen = true;
    }
    return true;
  }
  if (text::has_forbidden_characters(key_)) {
    return fail(key_start, record_label() + ": key " + text::quote(key_) + " contains control or bidirectional-override characters");
  }
  if (std::find(keys_seen_.begin(), keys_seen_.end(), key_) != keys_seen_.end()) {
    return fail(key_start, record_label() + ": duplicate key " + text::quote(key_));
  }
  keys_seen_.push_back(key_);
  return true;
}

bool DocumentHandler::EndObject(rapidjson::SizeType) {
  if (capturing_) return capture_event([&] { capture_writer_.EndObject(); }, -1);
  switch (state_) {
    case State::entity:
      state_ = State::entities;
      return finish_entity();
    case State::relation:
      state_ = State::relations;
      return finish_relation();
    case State::root:
      state_ = State::done;
      if (!saw_format_) return fail(base_, "missing \"format\": \"hallyu/1\" at the top level");
      return true;
    default:
      return fail(here(), "unexpected end of object");
  }
}

bool DocumentHandler::StartArray() {
  if (capturing_) return capture_event([&] { capture_writer_.StartArray(); }, +1);
  switch (state_) {
    case State::root:
      if (key_ == "entities") {
        state_ = State::entities;
        return true;
      }
      if (key_ == "relations") {
        state_ = State::relations;
        return true;
      }
      if (key_ == "meta") {
        discard_capture_ = true;
        start_capture();
        return capture_event([&] { capture_writer_.StartArray(); }, +1);
      }
      return fail(here(), "'format' must be the string \"hallyu/1\", not an array");
    case State::entity:
      if (key_ == "aliases") {
        state_ = State::aliases;
        return true;
      }
      [[fallthrough]];
    case State::relation:
      if (field_is_string(key_)) return fail_value(text::quote(key_) + " must be a string, not an array");
      start_capture();
      return capture_event([&] { capture_writer_.StartArray(); }, +1);
    case State::start:
      return fail(here(), "the top level must be an object with \"format\": \"hallyu/1\", not an array");
    case State::entities:
      return fail(here(), "entities[" + std::to_string(entity_count_) + "] must be an object, not an array");
    case State::relations:
      return fail(here(), "relations[" + std::to_string(relation_count_) + "] must be an object, not an array");
    case State::aliases:
      return fail(here(), record_label() + ": aliases must be strings, not arrays");
    case State::done:
      break;
  }
  return fail(here(), "unexpected array");
}

bool DocumentHandler::EndArray(rapidjson::SizeType) {
  if (capturing_) return capture_event([&] { capture_writer_.EndArray(); }, -1);
  switch (state_) {
    case State::entities:
    case State::relations:
      state_ = State::root;
      return true;
    case State::aliases:
      state_ = State::entity;
      return true;
    default:
      return fail(here(), "unexpected end of array");
  }
}

bool DocumentHandler::finish_entity() {
  RawEntity& e = entities_.back();
  state_ = State::entity;  // so record_label() names this entity
  auto at_object = [&](const std::string& message) { return fail(e.at.offset, record_label() + ": " + message); };
  if (!e.has_id) return at_object("missing \"id\"");
  if (!e.has_kind) return at_object("missing \"kind\"");
  if (!e.has_name) return at_object("missing \"name\"");
  auto kind = parse_kind(e.kind_text);
  if (!kind) {
    return fail(e.kind_at.offset, record_label() + ": unknown kind " + text::quote(e.kind_text) +
                                      did_you_mean(nearest(e.kind_text, kind_names(), 3)) + "; kinds are " + list_of(kind_names()));
  }
  e.entity.kind = *kind;
  if (std::string problem = year_problem(e.entity.attributes); !problem.empty()) return at_object(problem);
  state_ = State::entities;
  return true;
}

bool DocumentHandler::finish_relation() {
  RawRelation& r = relations_.back();
  state_ = State::relation;
  auto at_object = [&](const std::string& message) { return fail(r.at.offset, record_label() + ": " + message); };
  if (!r.has_from) return at_object("missing \"from\"");
  if (!r.has_to) return at_object("missing \"to\"");
  if (!r.has_type) return at_object("missing \"type\"");
  auto type = parse_relation_type(r.type_text);
  if (!type) {
    return fail(r.type_at.offset, record_label() + ": unknown relation type " + text::quote(r.type_text) +
                                      did_you_mean(nearest(r.type_text, type_names(), 4)) + "; types are " + list_of(type_names()));
  }
  r.type = *type;
  if (r.from == r.to) return fail(r.to_at.offset, record_label() + ": relation connects " + text::quote(r.from) + " to itself");
  if (std::string problem = year_problem(r.attributes); !problem.empty()) return at_object(problem);
  if (std::string problem = billing_problem(r.type, r.attributes); !problem.empty()) return at_object(problem);
  state_ = State::relations;
  return true;
}

}  // namespace

void parse_source(std::uint32_t index, const SourceText& source, const LoadLimits& limits, const Places& places,
                  std::vector<RawEntity>& entities, std::vector<RawRelation>& relations, const LoadProgress& progress,
                  std::size_t done_before, std::size_t total) {
  const std::string& body = source.text;
  std::size_t base = (body.size() >= 3 && std::memcmp(body.data(), "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  rapidjson::MemoryStream stream(body.data() + base, body.size() - base);
  DocumentHandler handler(index, body, base, limits, entities, relations);
  handler.set_stream(&stream);
  handler.report_to(&progress, done_before, total);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<kFlags>(stream, handler);
  if (handler.failed()) throw DataError(places(handler.error_site()) + ": " + handler.error_message());
  if (result.IsError()) {
    std::string what = rapidjson::GetParseError_En(result.Code());
    if (!what.empty() && what.back() == '.') what.pop_back();
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    throw DataError(places({index, base + result.Offset()}) + ": malformed JSON: " + what);
  }
  if (!handler.saw_format()) throw DataError(places({index, base}) + ": missing \"format\": \"hallyu/1\" at the top level");
}

}  // namespace hallyu::io::detail
