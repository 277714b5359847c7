// Query results for people and programs: JSON ({"columns":[...],"rows":[[...]]}, the shape of
// `hallyu query --json` and /api/query), an aligned text table and CSV (RFC 4180).
//
// In JSON, nodes are {"id","name","kind"}, relationships {"from","to","type","attributes","text"} and
// paths {"length","nodes":[...],"edges":[...]} as `path --json` writes them. In the table and CSV, nodes
// read "Name [id]", relationships as a sentence ("IU starred in Hotel Del Luna (2019) as ...") and
// paths hop by hop, one hop a line, as the `path` command explains them.
#pragma once

#include <string>

#include "hallyu/graph.hpp"
#include "hallyu/format/json_writer.hpp"
#include "hallyu/query/cypher/executor.hpp"

namespace hallyu::format {

void write_value(JsonWriter& out, const Graph& graph, const query::cypher::Value& value);
// {"columns":[...],"rows":[[...]],"truncated":false} plus "plan" for EXPLAIN and PROFILE.
void write_query_result(JsonWriter& out, const Graph& graph, const query::cypher::QueryResult& result);
std::string query_result_json(const Graph& graph, const query::cypher::QueryResult& result);

// A value as a table cell (may hold several lines: a path's hops).
std::string cell_text(const Graph& graph, const query::cypher::Value& value);
// Header, rule, rows (columns padded by display width), then "N rows" (and the plan, if any).
std::string query_result_table(const Graph& graph, const query::cypher::QueryResult& result);
// Header line and one record per row, CRLF line ends; fields quoted when they hold , " CR or LF.
std::string query_result_csv(const Graph& graph, const query::cypher::QueryResult& result);

}  // namespace hallyu::format
