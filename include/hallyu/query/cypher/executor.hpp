// The executor, and the entry point of the query language: text -> parse -> plan -> rows.
//
// The graph as Cypher sees it (read-only):
// - Nodes are entities. Labels are kinds (idol, actor, group, drama, ost, agency, network) and
//   relationship types are relation types (acted_in, ...), both case-insensitive (`:Idol`, `:ACTED_IN`);
//   labels(n) is ["idol"], type(r) is "acted_in", id(n) the hallyu id ("iu"), id(r) the relation number.
// - Properties are listed in functions.hpp: id, name, kind, aliases and the attributes as loaded;
//   a property never loaded is null, a key that no entity or relation has is an error (with a guess).
// - Relations are stored from -> to; `->` follows that direction, `<-` the other, `-` either.
//   collaborated_with is symmetric but stored once: `->` matches it only as stored.
// - Write clauses are refused; the data files are the way to change data.
//
// Semantics follow openCypher: three-valued logic (null AND false = false, null OR true = true, a
// comparison with null is null, WHERE keeps rows that are true); integer arithmetic that overflows,
// integer division or modulo by zero are errors; `=` compares numbers by value (1 = 1.0); ORDER BY puts
// nulls last ascending; aggregates skip nulls (count(*) counts rows); the non-aggregate items of a
// projection are its grouping keys; with no grouping keys an aggregation over no rows gives one row
// (count 0, sum 0, collect [], others null). Relationships are unique within one MATCH. `=~` is refused.
// With a year window (Limits::time), the query sees only the relations the window keeps.
//
// Operators pull rows from their input one at a time, so memory stays bounded except where a clause
// needs every row (ORDER BY, DISTINCT, aggregation, UNION: at most kMaxMaterializedRows; ORDER BY with
// LIMIT keeps only the top rows). Every loop polls Limits: the time budget and the cancel callback
// every 1024 steps; the row cap on the result. Lists are capped at kMaxListSize, the query text at
// kMaxQueryBytes, nesting at kMaxNesting/kMaxHeight, variable length at Limits::max_var_length.
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
  // The year window the query sees the graph through: relations it does not keep are invisible to
  // every pattern, variable-length and shortest path, pattern predicate and procedure (which take it
  // as their own years/as_of unless their config says otherwise). Entities stay visible.
  YearsRequest time;
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
