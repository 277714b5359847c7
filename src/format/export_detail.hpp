// Internal to the exporters (src/format/*_export.cpp): what JSON attribute values are, the column type
// a set of values fits, and the escaping CSV and XML need.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/format/export.hpp"

namespace hallyu::format::detail {

// The shapes a column of attribute values can take, from the narrowest. `strings` holds strings and
// lists of strings with at least one list (a string is then a list of one, as `source` is).
enum class ColumnType { integer, real, boolean, string, strings, json };

// The JSON shape of one compact value.
enum class ValueShape { null, integer, real, boolean, string, string_list, other };
ValueShape shape_of(std::string_view json);
// The column type that holds every shape seen (json when nothing narrower does).
ColumnType widen(std::optional<ColumnType> so_far, ValueShape shape);

// Attribute keys of the selected entities (or relations) with their column types, in first-seen order.
struct Column {
  std::string key;
  ColumnType type;
};
std::vector<Column> entity_columns(const ExportSelection& s, KindSet kinds = kAnyKind);
std::vector<Column> relation_columns(const ExportSelection& s, RelationTypeSet types = kAnyRelationType);

// A JSON string's text (escapes resolved), or the JSON list of strings' items.
std::string string_value(std::string_view json);
std::vector<std::string> string_list(std::string_view json);
const std::string* find_value(const Attributes& attributes, std::string_view key);

// A CSV field (RFC 4180): quoted when it holds a comma, quote, newline or outer spaces, or is empty
// and `empty_quoted`.
std::string csv_field(std::string_view text, bool empty_quoted = false);
// A list as one CSV cell, items joined by kListSeparator (Neo4j's and Kuzu's import both split on it);
// an empty list is `empty_list` (Kuzu marks it, Neo4j leaves the cell empty).
std::string list_cell(const std::vector<std::string>& items, std::string_view empty_list = "");
// An attribute's JSON value as a CSV cell of its column's type: strings unquoted from JSON, lists of
// strings joined by list_cell, anything else as JSON text.
std::string csv_cell(const std::string& json, ColumnType type, std::string_view empty_list = "");
// Text safe inside an XML attribute or element: & < > " escaped; characters XML 1.0 forbids (C0
// controls other than tab, newline, return) and invalid UTF-8 become U+FFFD.
std::string xml_escape(std::string_view text);
// Years a record is known to span (GEXF time intervals): start and end, either may be unknown.
struct Span {
  std::optional<long long> start, end;
};
Span entity_span(const Entity& entity);
Span relation_span(const Relation& relation);

}  // namespace hallyu::format::detail
