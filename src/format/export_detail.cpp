// Shared by the exporters: value shapes, column types, CSV and XML escaping, time spans.
#include "export_detail.hpp"

#include <rapidjson/document.h>

#include <charconv>

#include "hallyu/format/neo4j_csv.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {

ExportSelection select_all(const Graph& graph) {
  ExportSelection s;
  s.graph = &graph;
  s.entities.resize(graph.entity_count());
  for (VertexId v = 0; v < graph.entity_count(); ++v) s.entities[v] = v;
  s.relations.resize(graph.relation_count());
  for (RelationId r = 0; r < graph.relation_count(); ++r) s.relations[r] = r;
  index_selection(s);
  return s;
}

void index_selection(ExportSelection& s) {
  s.position.assign(s.graph->entity_count(), ExportSelection::kNotSelected);
  for (std::size_t i = 0; i < s.entities.size(); ++i) s.position[s.entities[i]] = static_cast<std::uint32_t>(i);
}

}  // namespace hallyu::format

namespace hallyu::format::detail {

ValueShape shape_of(std::string_view json) {
  if (json.empty()) return ValueShape::other;
  switch (json.front()) {
    case 'n':
      return ValueShape::null;
    case 't':
    case 'f':
      return ValueShape::boolean;
    case '"':
      return ValueShape::string;
    case '{':
      return ValueShape::other;
    case '[': {
      rapidjson::Document d;
      d.Parse(json.data(), json.size());
      if (d.HasParseError() || !d.IsArray()) return ValueShape::other;
      for (const auto& item : d.GetArray()) {
        if (!item.IsString()) return ValueShape::other;
      }
      return ValueShape::string_list;
    }
    default:
      break;
  }
  if (json.find_first_of(".eE") != std::string_view::npos) return ValueShape::real;
  long long value = 0;
  auto [end, ec] = std::from_chars(json.data(), json.data() + json.size(), value);
  if (ec == std::errc() && end == json.data() + json.size()) return ValueShape::integer;
  return ValueShape::real;
}

ColumnType widen(std::optional<ColumnType> so_far, ValueShape shape) {
  std::optional<ColumnType> own;
  switch (shape) {
    case ValueShape::null:
      return ColumnType::json;  // a typed column has no null
    case ValueShape::integer:
      own = ColumnType::integer;
      break;
    case ValueShape::real:
      own = ColumnType::real;
      break;
    case ValueShape::boolean:
      own = ColumnType::boolean;
      break;
    case ValueShape::string:
      own = ColumnType::string;
      break;
    case ValueShape::string_list:
      own = ColumnType::strings;
      break;
    case ValueShape::other:
      return ColumnType::json;
  }
  if (!so_far || *so_far == *own) return *own;
  auto either = [&](ColumnType a, ColumnType b) { return (*so_far == a && *own == b) || (*so_far == b && *own == a); };
  if (either(ColumnType::integer, ColumnType::real)) return ColumnType::real;
  if (either(ColumnType::string, ColumnType::strings)) return ColumnType::strings;
  return ColumnType::json;
}

namespace {

void add_columns(std::vector<Column>& columns, std::map<std::string, std::size_t, std::less<>>& index,
                 const Attributes& attributes) {
  for (const Attribute& a : attributes) {
    auto it = index.find(a.key);
    if (it == index.end()) {
      index.emplace(a.key, columns.size());
      columns.push_back({a.key, widen(std::nullopt, shape_of(a.json))});
    } else {
      columns[it->second].type = widen(columns[it->second].type, shape_of(a.json));
    }
  }
}

}  // namespace

std::vector<Column> entity_columns(const ExportSelection& s, KindSet kinds) {
  std::vector<Column> columns;
  std::map<std::string, std::size_t, std::less<>> index;
  for (VertexId v : s.entities) {
    if (kinds & bit(s.graph->kind(v))) add_columns(columns, index, s.graph->entity(v).attributes);
  }
  return columns;
}

std::vector<Column> relation_columns(const ExportSelection& s, RelationTypeSet types) {
  std::vector<Column> columns;
  std::map<std::string, std::size_t, std::less<>> index;
  for (RelationId r : s.relations) {
    const Relation& relation = s.graph->relation(r);
    if (types & bit(relation.type)) add_columns(columns, index, relation.attributes);
  }
  return columns;
}

std::string string_value(std::string_view json) {
  if (json.size() >= 2 && json.front() == '"' && json.find('\\') == std::string_view::npos) {
    return std::string(json.substr(1, json.size() - 2));
  }
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (!d.HasParseError() && d.IsString()) return {d.GetString(), d.GetStringLength()};
  return std::string(json);
}

std::vector<std::string> string_list(std::string_view json) {
  std::vector<std::string> out;
  if (!json.empty() && json.front() == '"') {
    out.push_back(string_value(json));
    return out;
  }
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError() || !d.IsArray()) return out;
  for (const auto& item : d.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

const std::string* find_value(const Attributes& attributes, std::string_view key) {
  for (const Attribute& a : attributes) {
    if (a.key == key) return &a.json;
  }
  return nullptr;
}

std::string csv_field(std::string_view text, bool empty_quoted) {
  if (text.empty()) return empty_quoted ? "\"\"" : "";
  bool quote = text.find_first_of(",\"\n\r") != std::string_view::npos || text.front() == ' ' || text.back() == ' ';
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool clean = text::is_valid_utf8(s);
  if (!clean) {
    std::string fixed;
    for (char32_t cp : text::decode(s)) text::append_utf8(fixed, cp);
    return xml_escape(fixed);
  }
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        if (u < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

namespace {

std::optional<long long> year_of(const Attributes& attributes, std::string_view key) {
  const std::string* json = find_value(attributes, key);
  if (json == nullptr) return std::nullopt;
  long long value = 0;
  std::string text = json->front() == '"' ? string_value(*json) : *json;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1800 || value > 2200) return std::nullopt;
  return value;
}

}  // namespace

Span entity_span(const Entity& entity) {
  Span span;
  if (entity.kind == Kind::drama) {
    span.start = year_of(entity.attributes, "year");
  } else if (entity.kind == Kind::idol || entity.kind == Kind::group) {
    span.start = year_of(entity.attributes, "debut_year");
  }
  return span;
}

Span relation_span(const Relation& relation) {
  Span span;
  switch (relation.type) {
    case RelationType::acted_in:
      span.start = span.end = year_of(relation.attributes, "year");
      break;
    case RelationType::signed_to:
      span.start = year_of(relation.attributes, "since");
      span.end = year_of(relation.attributes, "until");
      break;
    case RelationType::member_of:
      if (const std::string* years = find_value(relation.attributes, "years")) {
        // "2008-2017" or "2015-"
        std::string text = string_value(*years);
        std::size_t dash = text.find('-');
        auto part = [](std::string_view p) -> std::optional<long long> {
          long long value = 0;
          auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
          if (p.empty() || ec != std::errc() || end != p.data() + p.size() || value < 1800 || value > 2200)
            return std::nullopt;
          return value;
        };
        span.start = part(std::string_view(text).substr(0, dash));
        if (dash != std::string::npos) span.end = part(std::string_view(text).substr(dash + 1));
      }
      break;
    default:
      break;
  }
  if (span.start && span.end && *span.end < *span.start) span.end.reset();
  return span;
}

std::string list_cell(const std::vector<std::string>& items, std::string_view empty_list) {
  if (items.empty()) return std::string(empty_list);
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += kListSeparator;
    out += items[i];
  }
  return out;
}

std::string csv_cell(const std::string& json, ColumnType type, std::string_view empty_list) {
  switch (type) {
    case ColumnType::string:
      return csv_field(string_value(json), true);
    case ColumnType::strings:
      return csv_field(list_cell(string_list(json), empty_list), true);
    default:
      return csv_field(json);
  }
}

}  // namespace hallyu::format::detail
