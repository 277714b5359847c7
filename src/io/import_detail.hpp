// Internal to the importers (import_csv.cpp, import_graphml.cpp, import_kpopnet.cpp): the records an
// importer collects, values as the loader stores them, and the one finishing step they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hallyu/io/import.hpp"
#include "loader_detail.hpp"

namespace hallyu::io::detail {

struct ImportRecords {
  std::vector<RawEntity> entities;
  std::vector<RawRelation> relations;
};

// A string as compact JSON, escaped exactly as the JSON loader stores attribute values.
std::string json_string_value(std::string_view s);
// A list of strings likewise; `source` lists of one are stored as the string (the merge's canonical form).
std::string json_string_list(const std::vector<std::string>& items, std::string_view key);
// The strings of a JSON list of strings (other items are skipped).
std::vector<std::string> string_items(std::string_view json);
// Any JSON text as the loader would store it (compact), or nullopt when it is not well-formed JSON.
std::optional<std::string> compact_json(std::string_view text);
// Attribute `key` set to `json` (replacing a value of the same key).
void set_attribute(Attributes& attributes, std::string key, std::string json);

// Checks every record as the JSON loader would (ids, names, aliases, attributes, relation ends and their
// kinds), leaving bad ones out into `skipped` when options.skip_bad and throwing a DataError at the
// first otherwise; brings in ends found only in options.existing; then merges by id (datasets/SCHEMA.md).
Imported finish_import(const std::vector<SourceText>& sources, ImportRecords records, const ImportOptions& options,
                       std::vector<std::string> skipped);

// Throws the DataError, or records it when skipping. Returns false when the record is to be left out.
bool bad_record(const ImportOptions& options, std::vector<std::string>& skipped, std::string message);

}  // namespace hallyu::io::detail
