// Helpers shared by the query-language tests: the mini fixture as a graph, and results as text.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "hallyu/name_index.hpp"
#include "hallyu/query/cypher/executor.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "../support.hpp"

namespace hallyu::test {

inline const Graph& mini() {
  static const Graph graph = mini_graph();
  return graph;
}
inline const NameIndex& mini_names() {
  static const NameIndex names(mini());
  return names;
}

inline query::cypher::QueryResult cypher(std::string_view text, const std::map<std::string, query::cypher::Value>& params = {},
                                         const query::cypher::Limits& limits = {}) {
  return query::cypher::run(mini(), mini_names(), text, params, limits);
}

// A value as literal text: strings quoted ('IU'), lists [1, 'a'], nodes (iu).
inline std::string literal_text(const query::cypher::Value& v) {
  std::string s = query::cypher::to_display(mini(), query::cypher::Value(query::cypher::List{v}));
  return s.substr(1, s.size() - 2);
}
// Every row as "a | b | c", in result order.
inline std::vector<std::string> rows_of(const query::cypher::QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) line += (i ? " | " : "") + literal_text(row[i]);
    out.push_back(line);
  }
  return out;
}
inline std::vector<std::string> rows(std::string_view text, const std::map<std::string, query::cypher::Value>& params = {}) {
  return rows_of(cypher(text, params));
}
inline std::vector<std::string> sorted_rows(std::string_view text) {
  auto r = rows(text);
  std::sort(r.begin(), r.end());
  return r;
}
// The single value of a one-row, one-column query, as text.
inline std::string scalar(std::string_view text, const std::map<std::string, query::cypher::Value>& params = {}) {
  auto r = cypher(text, params);
  REQUIRE(r.rows.size() == 1);
  REQUIRE(r.rows[0].size() == 1);
  return literal_text(r.rows[0][0]);
}
// The one-line message of the QueryError `text` throws ("" when it does not throw).
inline std::string error_of(std::string_view text, const query::cypher::Limits& limits = {}) {
  try {
    cypher(text, {}, limits);
  } catch (const query::cypher::QueryError& e) {
    return e.what();
  }
  return "";
}

}  // namespace hallyu::test
