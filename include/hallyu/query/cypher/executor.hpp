// The executor, and the entry point of the query language: text -> parse -> plan -> rows.
//
// Operators pull rows from their input one at a time, so memory stays bounded except where a clause
// needs every row (ORDER BY, DISTINCT, aggregation: at most kMaxMaterializedRows). Every loop checks
// Limits: the time budget and the cancel callback every few thousand steps, the row cap on the result.
//
// Semantics follow openCypher: three-valued logic (null AND false = false, null OR true = true, a
// comparison with null is null, WHERE keeps rows that are true); integer arithmetic that overflows,
// integer division or modulo by zero are errors; `=` compares numbers by value (1 = 1.0); ORDER BY puts
// nulls last ascending; aggregates skip nulls (count(*) counts rows); with no grouping keys an
// aggregation over no rows gives one row (count 0, sum 0, collect [], others null). `=~` is refused.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/query/cypher/planner.hpp"
#include "hallyu/query/cypher/value.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query::cypher {

struct Limits {
  std::chrono::milliseconds timeout{0};  // 0: none
  std::size_t max_rows = 0;              // result rows kept (0: all); more sets QueryResult::truncated
  std::size_t max_var_length = 15;       // the upper bound of `*` and the largest explicit one
  std::function<bool()> cancelled;       // polled with the clock; true stops the query
};

// Rows held at once by ORDER BY, DISTINCT, aggregation and UNION.
inline constexpr std::size_t kMaxMaterializedRows = 10'000'000;

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::string plan;        // EXPLAIN: the plan; PROFILE: the plan with rows and time per operator
  bool truncated = false;  // more rows than Limits::max_rows
};

// Parses, plans and runs `text`. Throws QueryError for anything wrong with the query (syntax, unknown
// names, types, limits, time); procedures may throw the request layer's errors (NameError, LimitError).
// Procedures (CALL hallyu.*) run on `engine`, so its front-end limits apply to them.
QueryResult run(const Engine& engine, std::string_view text, const std::map<std::string, Value>& parameters = {},
                const Limits& limits = {});
// The same without an Engine: a CALL builds one for the graph (batch limits) when it runs.
QueryResult run(const Graph& graph, const NameIndex& names, std::string_view text,
                const std::map<std::string, Value>& parameters = {}, const Limits& limits = {});

// Runs a plan made by plan_query (EXPLAIN plans return the plan text only). `engine` may be null.
QueryResult execute(const Plan& plan, const Graph& graph, const NameIndex& names, const Engine* engine,
                    const std::map<std::string, Value>& parameters, const Limits& limits);

}  // namespace hallyu::query::cypher
