// Query results as JSON, a text table and CSV.
#include "hallyu/format/query_result.hpp"

#include <algorithm>

#include "hallyu/explain.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {
namespace {

using query::cypher::Value;

std::string node_text(const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  return e.name + " [" + e.id + "]";
}

std::string nested_text(const Graph& graph, const Value& v) {
  switch (v.type()) {
    case Value::Type::string: {
      std::string out = "'";
      for (char c : v.as_string()) out += c == '\'' ? std::string("\\'") : std::string(1, c);
      return out + "'";
    }
    case Value::Type::list: {
      std::string out = "[";
      bool first = true;
      for (const Value& item : v.as_list()) {
        out += (first ? "" : ", ") + nested_text(graph, item);
        first = false;
      }
      return out + "]";
    }
    case Value::Type::map: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        out += (first ? "" : ", ") + key + ": " + nested_text(graph, item);
        first = false;
      }
      return out + "}";
    }
    case Value::Type::node: return node_text(graph, v.as_node().id);
    case Value::Type::relationship: {
      const Relation& r = graph.relation(v.as_relationship().id);
      return "[:" + std::string(to_string(r.type)) + " " + graph.entity(r.from).id + " -> " + graph.entity(r.to).id + "]";
    }
    case Value::Type::path: {
      const auto& p = v.as_path();
      std::string out = "<" + node_text(graph, p.nodes.front());
      for (std::size_t i = 0; i < p.relationships.size(); ++i) {
        out += std::string(p.relationships[i].forward ? " -" : " <-") + std::string(to_string(graph.relation(p.relationships[i].id).type)) +
               (p.relationships[i].forward ? "-> " : "- ") + node_text(graph, p.nodes[i + 1]);
      }
      return out + ">";
    }
    default: return query::cypher::to_display(graph, v);
  }
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (true) {
    std::size_t nl = s.find('\n', at);
    out.push_back(s.substr(at, nl == std::string::npos ? std::string::npos : nl - at));
    if (nl == std::string::npos) return out;
    at = nl + 1;
  }
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

void write_value(JsonWriter& out, const Graph& graph, const Value& v) {
  switch (v.type()) {
    case Value::Type::null: out.raw().Null(); return;
    case Value::Type::boolean: out.boolean(v.as_bool()); return;
    case Value::Type::integer: out.integer(v.as_int()); return;
    case Value::Type::floating: out.number(v.as_double()); return;
    case Value::Type::string: out.string(v.as_string()); return;
    case Value::Type::list:
      out.start_array();
      for (const Value& item : v.as_list()) write_value(out, graph, item);
      out.end_array();
      return;
    case Value::Type::map:
      out.start_object();
      for (const auto& [key, item] : v.as_map()) {
        out.key(key);
        write_value(out, graph, item);
      }
      out.end_object();
      return;
    case Value::Type::node: out.entity_ref(graph, v.as_node().id); return;
    case Value::Type::relationship: out.relation(graph, v.as_relationship().id); return;
    case Value::Type::path: {
      const auto& p = v.as_path();
      out.start_object();
      out.key("length"), out.integer(static_cast<long long>(p.relationships.size()));
      out.key("nodes"), out.start_array();
      for (VertexId n : p.nodes) out.entity_ref(graph, n);
      out.end_array();
      out.key("edges"), out.start_array();
      for (const auto& r : p.relationships) out.relation(graph, r.id);
      out.end_array();
      out.end_object();
      return;
    }
  }
}

void write_query_result(JsonWriter& out, const Graph& graph, const query::cypher::QueryResult& result) {
  out.start_object();
  out.key("columns"), out.start_array();
  for (const std::string& c : result.columns) out.string(c);
  out.end_array();
  out.key("rows"), out.start_array();
  for (const auto& row : result.rows) {
    out.start_array();
    for (const Value& v : row) write_value(out, graph, v);
    out.end_array();
  }
  out.end_array();
  out.key("truncated"), out.boolean(result.truncated);
  if (!result.plan.empty()) out.key("plan"), out.string(result.plan);
  out.end_object();
}

std::string query_result_json(const Graph& graph, const query::cypher::QueryResult& result) {
  JsonWriter out;
  write_query_result(out, graph, result);
  return out.str();
}

std::string cell_text(const Graph& graph, const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return "null";
    case Value::Type::string: return v.as_string();
    case Value::Type::relationship: return describe_relation(graph, v.as_relationship().id);
    case Value::Type::path: {
      const auto& p = v.as_path();
      if (p.relationships.empty()) return node_text(graph, p.nodes.front());
      std::string out;
      for (std::size_t i = 0; i < p.relationships.size(); ++i) {
        out += (i ? "\n" : "") + std::to_string(i + 1) + ". " + describe_relation(graph, p.relationships[i].id);
      }
      return out;
    }
    default: return nested_text(graph, v);
  }
}

std::string query_result_table(const Graph& graph, const query::cypher::QueryResult& result) {
  std::size_t n = result.columns.size();
  std::vector<std::size_t> width(n, 0);
  std::vector<std::vector<std::vector<std::string>>> cells;  // row -> column -> lines
  for (std::size_t c = 0; c < n; ++c) width[c] = text::display_width(text::one_line(result.columns[c], 200));
  for (const auto& row : result.rows) {
    std::vector<std::vector<std::string>> r;
    for (std::size_t c = 0; c < n; ++c) {
      std::vector<std::string> lines = lines_of(cell_text(graph, row[c]));
      for (std::string& l : lines) {
        l = text::one_line(l, 2000);
        width[c] = std::max(width[c], text::display_width(l));
      }
      r.push_back(std::move(lines));
    }
    cells.push_back(std::move(r));
  }
  auto line_of = [&](const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t c = 0; c < n; ++c) out += c + 1 < n ? text::pad(parts[c], width[c]) + " | " : parts[c];
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (n > 0) {
    std::vector<std::string> header;
    for (const std::string& c : result.columns) header.push_back(text::one_line(c, 200));
    out += line_of(header);
    std::string rule;
    for (std::size_t c = 0; c < n; ++c) rule += std::string(width[c], '-') + (c + 1 < n ? "-+-" : "");
    out += rule + "\n";
    for (const auto& r : cells) {
      std::size_t height = 1;
      for (const auto& lines : r) height = std::max(height, lines.size());
      for (std::size_t l = 0; l < height; ++l) {
        std::vector<std::string> parts;
        for (const auto& lines : r) parts.push_back(l < lines.size() ? lines[l] : "");
        out += line_of(parts);
      }
    }
  }
  std::size_t rows = result.rows.size();
  out += std::to_string(rows) + (rows == 1 ? " row" : " rows") + (result.truncated ? " (truncated: more rows matched)" : "") + "\n";
  if (!result.plan.empty()) out += "\n" + result.plan;
  return out;
}

std::string query_result_csv(const Graph& graph, const query::cypher::QueryResult& result) {
  std::string out;
  for (std::size_t c = 0; c < result.columns.size(); ++c) out += (c ? "," : "") + csv_field(result.columns[c]);
  out += "\r\n";
  for (const auto& row : result.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += (c ? "," : "") + (row[c].is_null() ? std::string() : csv_field(cell_text(graph, row[c])));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace hallyu::format
