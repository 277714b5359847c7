// CSV import: RFC 4180 rows with each cell's place, Neo4j admin-import headers or plain tables.
#include "hallyu/io/import_csv.hpp"

#include <rapidjson/document.h>

#include <charconv>
#include <cmath>
#include <cstring>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"
#include "import_detail.hpp"

namespace hallyu::io {
namespace {

using detail::bad_record;
using detail::ImportRecords;
using detail::Places;
using detail::RawEntity;
using detail::RawRelation;
using detail::Site;

struct Cell {
  std::string text;
  std::size_t offset = 0;
  bool quoted = false;
};

// Reads one row starting at `pos` (which moves past it). Returns false at the end of the text. A quote
// left open is a DataError at its place.
bool next_row(const SourceText& source, std::uint32_t index, std::size_t& pos, std::vector<Cell>& row,
              const Places& places) {
  const std::string& t = source.text;
  row.clear();
  if (pos >= t.size()) return false;
  for (;;) {
    Cell cell;
    cell.offset = pos;
    if (pos < t.size() && t[pos] == '"') {
      cell.quoted = true;
      std::size_t open = pos++;
      for (;;) {
        if (pos >= t.size())
          throw DataError(places(Site{index, open}) + ": the quoted field opened here is never closed");
        if (t[pos] == '"') {
          if (pos + 1 < t.size() && t[pos + 1] == '"') {
            cell.text += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        cell.text += t[pos++];
      }
      if (pos < t.size() && t[pos] != ',' && t[pos] != '\n' && t[pos] != '\r') {
        throw DataError(places(Site{index, pos}) +
                        ": unexpected text after a quoted field (a quote inside a field is written \"\")");
      }
    } else {
      std::size_t end = t.find_first_of(",\n\r", pos);
      if (end == std::string::npos) end = t.size();
      cell.text.assign(t, pos, end - pos);
      pos = end;
    }
    row.push_back(std::move(cell));
    if (pos < t.size() && t[pos] == ',') {
      ++pos;
      continue;
    }
    if (pos < t.size() && t[pos] == '\r') ++pos;
    if (pos < t.size() && t[pos] == '\n') ++pos;
    return true;
  }
}

enum class Role { id, start, end, label, type, name, aliases, property, ignore };
enum class ValueType { inferred, string, integer, real, boolean, other };

struct Column {
  Role role = Role::property;
  std::string key;  // property name
  ValueType type = ValueType::string;
  bool array = false;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "year:int" -> (year, int); ":ID(Person)" -> ("", ID); plain "year" -> ("year", "").
std::pair<std::string, std::string> split_header(const std::string& header) {
  std::size_t colon = header.rfind(':');
  if (colon == std::string::npos) return {header, ""};
  std::string type = header.substr(colon + 1);
  if (std::size_t paren = type.find('('); paren != std::string::npos) type.resize(paren);
  return {header.substr(0, colon), type};
}

bool is_neo4j_header(const std::vector<Cell>& header, const ImportMapping& mapping) {
  for (const Cell& c : header) {
    auto mapped = mapping.columns.find(c.text);
    const std::string& h = mapped == mapping.columns.end() ? c.text : mapped->second;
    if (h.find(':') != std::string::npos) return true;
  }
  return false;
}

Column column_for(const std::string& raw_header, bool neo4j, const ImportMapping& mapping, const std::string& where) {
  auto mapped = mapping.columns.find(raw_header);
  std::string header = mapped == mapping.columns.end() ? raw_header : mapped->second;
  Column c;
  if (!neo4j) {
    std::string h = lower(header);
    if (h == "id")
      c.role = Role::id;
    else if (h == "src" || h == "from" || h == "source_id")
      c.role = Role::start;
    else if (h == "dst" || h == "to" || h == "target_id")
      c.role = Role::end;
    else if (h == "kind" || h == "label")
      c.role = Role::label;
    else if (h == "type")
      c.role = Role::type;
    else if (h == "name")
      c.role = Role::name;
    else if (h == "aliases")
      c.role = Role::aliases;
    c.key = header;
    c.type = ValueType::inferred;
    return c;
  }
  auto [name, type] = split_header(header);
  std::string t = lower(type);
  if (t == "id")
    c.role = Role::id;
  else if (t == "start_id")
    c.role = Role::start;
  else if (t == "end_id")
    c.role = Role::end;
  else if (t == "label")
    c.role = Role::label;
  else if (t == "type")
    c.role = Role::type;
  else if (t == "ignore")
    c.role = Role::ignore;
  if (c.role != Role::property) return c;
  c.key = type.empty() ? header : name;
  if (c.key == "name") c.role = Role::name;
  if (c.key == "aliases") c.role = Role::aliases;
  if (!t.empty() && t.size() > 2 && t.compare(t.size() - 2, 2, "[]") == 0) {
    c.array = true;
    t.resize(t.size() - 2);
  }
  if (t.empty() || t == "string" || t == "char")
    c.type = ValueType::string;
  else if (t == "int" || t == "long" || t == "short" || t == "byte")
    c.type = ValueType::integer;
  else if (t == "float" || t == "double")
    c.type = ValueType::real;
  else if (t == "boolean")
    c.type = ValueType::boolean;
  else if (t == "date" || t == "localdate" || t == "time" || t == "localtime" || t == "datetime" ||
           t == "localdatetime" || t == "duration" || t == "point")
    c.type = ValueType::other;  // kept as the text written
  else
    throw DataError(where + ": unknown column type " + text::quote(type) + " in header " + text::quote(raw_header));
  return c;
}

// One value of a typed column as JSON, or an empty optional with `problem` set.
std::optional<std::string> typed_value(const std::string& s, ValueType type, std::string& problem) {
  switch (type) {
    case ValueType::string:
    case ValueType::other:
      return detail::json_string_value(s);
    case ValueType::inferred: {
      if (auto json = detail::compact_json(s)) return json;
      return detail::json_string_value(s);
    }
    case ValueType::integer: {
      long long v = 0;
      const char* first = s.data() + (!s.empty() && s[0] == '+');
      auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
      if (ec != std::errc() || end != s.data() + s.size() || first == s.data() + s.size()) {
        problem = "not a whole number: " + text::quote(s);
        return std::nullopt;
      }
      return std::to_string(v);
    }
    case ValueType::real: {
      if (auto json = detail::compact_json(s);
          json && !json->empty() && (std::isdigit(static_cast<unsigned char>(json->front())) || json->front() == '-')) {
        return json;
      }
      problem = "not a number: " + text::quote(s);
      return std::nullopt;
    }
    case ValueType::boolean: {
      std::string l = lower(s);
      if (l == "true" || l == "false") return l;
      problem = "not true or false: " + text::quote(s);
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::vector<std::string> split(const std::string& s, const std::string& delimiter) {
  std::vector<std::string> out;
  if (delimiter.empty()) return {s};
  std::size_t start = 0;
  for (;;) {
    std::size_t at = s.find(delimiter, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + delimiter.size();
  }
}

}  // namespace

Imported import_csv(const std::vector<SourceText>& files, const ImportOptions& options) {
  const ImportMapping& mapping = options.mapping;
  Places places(files);
  ImportRecords records;
  std::vector<std::string> skipped;
  std::size_t entity_index = 0, relation_index = 0;
  std::vector<Cell> row;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    const SourceText& source = files[f];
    std::size_t pos = (source.text.size() >= 3 && std::memcmp(source.text.data(), "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    if (!next_row(source, f, pos, row, places))
      throw DataError(source.name + ": empty file (a CSV import needs a header row)");
    std::vector<Cell> header = row;
    bool neo4j = is_neo4j_header(header, mapping);
    std::vector<Column> columns;
    int id_col = -1, start_col = -1, end_col = -1, label_col = -1, type_col = -1, name_col = -1, aliases_col = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
      columns.push_back(column_for(header[i].text, neo4j, mapping, places(Site{f, header[i].offset})));
      int* slot = nullptr;
      switch (columns.back().role) {
        case Role::id:
          slot = &id_col;
          break;
        case Role::start:
          slot = &start_col;
          break;
        case Role::end:
          slot = &end_col;
          break;
        case Role::label:
          slot = &label_col;
          break;
        case Role::type:
          slot = &type_col;
          break;
        case Role::name:
          slot = &name_col;
          break;
        case Role::aliases:
          slot = &aliases_col;
          break;
        default:
          break;
      }
      if (slot != nullptr) {
        if (*slot >= 0)
          throw DataError(places(Site{f, header[i].offset}) + ": a second " + text::quote(header[i].text) + " column");
        *slot = static_cast<int>(i);
      }
    }
    bool nodes = id_col >= 0 && start_col < 0;
    bool edges = start_col >= 0 && end_col >= 0;
    if (!nodes && !edges) {
      throw DataError(places(Site{f, header.empty() ? pos : header[0].offset}) +
                      ": the header names neither a node file (" + (neo4j ? "an :ID column" : "an id column") +
                      ") nor a relationship file (" + (neo4j ? ":START_ID and :END_ID" : "src and dst") +
                      "); rename columns with a mapping file");
    }
    while (next_row(source, f, pos, row, places)) {
      if (row.size() == 1 && row[0].text.empty() && !row[0].quoted) continue;  // blank line
      Site row_at{f, row[0].offset};
      if (row.size() != header.size()) {
        bad_record(options, skipped,
                   places(row_at) + ": " + std::to_string(row.size()) + " fields where the header has " +
                       std::to_string(header.size()));
        continue;
      }
      Attributes attributes;
      std::vector<std::string> aliases;
      bool ok = true;
      for (std::size_t i = 0; i < row.size() && ok; ++i) {
        const Column& c = columns[i];
        const Cell& cell = row[i];
        if (c.role != Role::property && c.role != Role::aliases) continue;
        if (cell.text.empty() && !(cell.quoted && c.type == ValueType::string && !c.array)) continue;  // absent
        // Places are counted from the file's start: made only for a message.
        auto where = [&] { return places(Site{f, cell.offset}) + ": column " + text::quote(header[i].text) + ": "; };
        if (c.role == Role::aliases) {
          if (!neo4j && !cell.text.empty() && cell.text.front() == '[') {
            rapidjson::Document d;
            d.Parse(cell.text.data(), cell.text.size());
            if (d.HasParseError() || !d.IsArray()) {
              ok = bad_record(options, skipped, where() + "aliases must be a JSON list of strings");
              break;
            }
            for (const auto& item : d.GetArray()) {
              if (!item.IsString()) {
                ok = bad_record(options, skipped, where() + "aliases must be a JSON list of strings");
                break;
              }
              aliases.emplace_back(item.GetString(), item.GetStringLength());
            }
          } else {
            for (std::string& a : split(cell.text, mapping.array_delimiter)) {
              if (!a.empty()) aliases.push_back(std::move(a));
            }
          }
          continue;
        }
        std::string problem;
        if (c.array) {
          std::vector<std::string> items;
          std::string json = "[";
          bool strings = c.type == ValueType::string || c.type == ValueType::other;
          for (const std::string& item : split(cell.text, mapping.array_delimiter)) {
            if (strings) {
              items.push_back(item);
              continue;
            }
            auto v = typed_value(item, c.type, problem);
            if (!v) break;
            json += (json.size() > 1 ? "," : "") + *v;
          }
          if (!problem.empty()) {
            ok = bad_record(options, skipped, where() + problem);
            break;
          }
          detail::set_attribute(attributes, c.key, strings ? detail::json_string_list(items, c.key) : json + "]");
          continue;
        }
        auto v = typed_value(cell.text, c.type, problem);
        if (!v) {
          ok = bad_record(options, skipped, where() + problem);
          break;
        }
        // A list of one source is the string (as the merge writes it).
        if (c.key == "source" && c.type == ValueType::inferred && v->front() == '[') {
          rapidjson::Document d;
          d.Parse(v->data(), v->size());
          if (!d.HasParseError() && d.IsArray() && d.Size() == 1 && d[0].IsString()) {
            v = detail::json_string_value({d[0].GetString(), d[0].GetStringLength()});
          }
        }
        detail::set_attribute(attributes, c.key, std::move(*v));
      }
      if (!ok) continue;
      auto cell_text = [&](int col) -> const std::string& {
        static const std::string kEmpty;
        return col >= 0 ? row[static_cast<std::size_t>(col)].text : kEmpty;
      };
      auto cell_site = [&](int col) { return col >= 0 ? Site{f, row[static_cast<std::size_t>(col)].offset} : row_at; };
      if (nodes) {
        RawEntity e;
        e.index = entity_index++;
        e.at = row_at;
        e.id_at = cell_site(id_col);
        e.kind_at = cell_site(label_col);
        e.name_at = cell_site(name_col >= 0 ? name_col : id_col);
        e.has_id = e.has_kind = e.has_name = true;
        std::string id = cell_text(id_col);
        if (id.empty()) {
          bad_record(options, skipped, places(e.id_at) + ": missing id");
          continue;
        }
        e.entity.id = mapping.id_prefix + id;
        // A :LABEL cell may hold several labels; the first that maps to a kind decides.
        std::optional<Kind> kind;
        std::string labels = cell_text(label_col);
        for (const std::string& label : split(labels, mapping.array_delimiter)) {
          if ((kind = map_kind(mapping, label))) break;
        }
        if (!kind && labels.empty()) kind = map_kind(mapping, "");
        if (!kind) {
          bad_record(
              options, skipped,
              places(e.kind_at) + ": entity " + text::quote(e.entity.id) + ": " +
                  (labels.empty() ? std::string("no kind (give a kind column, or a default kind)")
                                  : "label " + text::quote(labels) + " maps to no kind") +
                  "; kinds are idol, actor, group, drama, ost, agency, network (map others with a mapping file)");
          continue;
        }
        e.entity.kind = *kind;
        e.kind_text = std::string(to_string(*kind));
        std::string name = cell_text(name_col);
        if (name_col >= 0 && !neo4j && row[static_cast<std::size_t>(name_col)].text.size() >= 2 &&
            name.front() == '"') {
          rapidjson::Document d;  // a plain table writes a name that reads as JSON in quotes
          d.Parse(name.data(), name.size());
          if (!d.HasParseError() && d.IsString()) name.assign(d.GetString(), d.GetStringLength());
        }
        e.entity.name = name.empty() ? id : name;
        e.entity.aliases = std::move(aliases);
        e.entity.attributes = std::move(attributes);
        records.entities.push_back(std::move(e));
      } else {
        RawRelation r;
        r.index = relation_index++;
        r.at = row_at;
        r.from_at = cell_site(start_col);
        r.to_at = cell_site(end_col);
        r.type_at = cell_site(type_col);
        r.has_from = r.has_to = r.has_type = true;
        r.from = mapping.id_prefix + cell_text(start_col);
        r.to = mapping.id_prefix + cell_text(end_col);
        std::string label = cell_text(type_col);
        std::optional<RelationType> type = map_type(mapping, label);
        if (!type) {
          bad_record(options, skipped,
                     places(r.type_at) + ": " +
                         (label.empty() ? std::string("no relation type (give a type column, or a default type)")
                                        : "relation type " + text::quote(label) + " maps to no type") +
                         "; types are member_of, acted_in, performed, ost_of, signed_to, aired_on, collaborated_with");
          continue;
        }
        r.type = *type;
        r.type_text = std::string(to_string(*type));
        r.attributes = std::move(attributes);
        records.relations.push_back(std::move(r));
      }
    }
  }
  return detail::finish_import(files, std::move(records), options, std::move(skipped));
}

}  // namespace hallyu::io
