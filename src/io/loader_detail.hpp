// Internal to the JSON loader (json_parser.cpp, merge.cpp, json_loader.cpp): raw records as parsed,
// places in the sources, and the two phases (parse one source, merge all sources by id).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/io/json_loader.hpp"
#include "hallyu/model.hpp"

namespace hallyu::io::detail {

// A byte offset in one source; turned into line:col only when a message needs it.
struct Site {
  std::uint32_t source = 0;
  std::size_t offset = 0;
};

struct RawEntity {
  Entity entity;
  Site at, id_at, kind_at, name_at;
  std::size_t index = 0;
  bool has_id = false, has_kind = false, has_name = false;
  std::string kind_text;
};

struct RawRelation {
  std::string from, to, type_text;
  RelationType type = RelationType::member_of;
  Attributes attributes;
  Site at, from_at, to_at, type_at;
  std::size_t index = 0;
  bool has_from = false, has_to = false, has_type = false;
};

std::string nearest(std::string_view word, const std::vector<std::string_view>& candidates, std::size_t max_distance);
std::string did_you_mean(const std::string& suggestion);
std::string with_article(std::string_view noun);
std::string list_of(const std::vector<std::string_view>& words);
std::vector<std::string_view> kind_names();
std::vector<std::string_view> type_names();

// Shared by the parse phase and the merge phase: where a Site is, in words.
class Places {
 public:
  explicit Places(const std::vector<SourceText>& sources) : sources_(sources) {}
  std::string operator()(Site site) const {
    const std::string& body = sources_[site.source].text;
    std::size_t end = std::min(site.offset, body.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(body[i]);
      if (c == '\n') {
        ++line, column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
    return sources_[site.source].name + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

 private:
  const std::vector<SourceText>& sources_;
};

// The checks shared by the JSON parser and the snapshot reader (record_checks.cpp). Each returns the
// problem in words for a message, or an empty string when the value is acceptable.
inline constexpr std::size_t kMaxKeyBytes = 256;
// Size, UTF-8, control and bidi characters, blankness of a name-like field ("name", "id").
std::string text_problem(std::string_view value, std::string_view field, std::size_t max_bytes);
std::string id_problem(std::string_view id, const LoadLimits& limits);
std::string alias_problem(std::string_view alias, const LoadLimits& limits);
std::string aliases_problem(const std::vector<std::string>& aliases, const LoadLimits& limits);
// A key that is no field of the record, of at most kMaxKeyBytes of UTF-8.
std::string attribute_key_problem(std::string_view key, bool of_entity);
// Well-formed compact JSON (as the parser stores it) within the size and depth limits.
std::string attribute_value_problem(std::string_view key, std::string_view json, const LoadLimits& limits);
std::string attributes_problem(const Attributes& attributes, bool of_entity, const LoadLimits& limits);
std::string year_problem(const Attributes& attributes);
std::string billing_problem(RelationType type, const Attributes& attributes);
std::optional<std::string> plain_string_attribute(const Attributes& attributes, std::string_view key);
// Every check above that applies to a whole entity, or to a relation's type and attributes.
std::string entity_problem(const Entity& entity, const LoadLimits& limits);
std::string relation_problem(RelationType type, const Attributes& attributes, const LoadLimits& limits);

// Parses one source, appending its records; throws DataError at the first problem.
void parse_source(std::uint32_t index, const SourceText& source, const LoadLimits& limits, const Places& places,
                  std::vector<RawEntity>& entities, std::vector<RawRelation>& relations, const LoadProgress& progress,
                  std::size_t done_before, std::size_t total);

// Merges the records of all sources by id (the merged records within `limits`) and resolves
// relations; throws DataError on conflicts. Consumes the raw records (their strings move into the
// dataset; raw_entities is emptied early to lower the peak).
Dataset merge(const std::vector<SourceText>& sources, std::vector<RawEntity>& raw_entities,
              std::vector<RawRelation>& raw_relations, const Places& places, const LoadLimits& limits);

}  // namespace hallyu::io::detail
