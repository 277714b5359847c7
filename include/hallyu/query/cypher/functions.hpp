// Built-in functions of the query language and the properties of nodes and relationships.
//
// Node properties: `id` (the hallyu id), `name`, `kind`, `aliases` (a list, empty when there are
// none), then every attribute of the entity as loaded (JSON numbers become integers when whole and in
// range, otherwise floats; arrays lists; objects maps). Relationship properties are the relation's
// attributes (role, billing, year, since, until, status, work, source, ...). A missing property is null.
//
// Scalar functions: id, labels, type, properties, keys, length, nodes, relationships, startNode,
// endNode, size, head, last, tail, coalesce, toLower, toUpper, trim, ltrim, rtrim, toString,
// toInteger, toFloat, toBoolean, range, abs, sign, ceil, floor, round, sqrt, substring, replace,
// split, left, right, reverse, exists. Aggregates: count, collect, sum, avg, min, max.
// toLower/toUpper change ASCII letters only; string lengths and positions count code points.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/query/cypher/value.hpp"

namespace hallyu::query::cypher {

// The largest list a query may build (range(), collect(), list arithmetic): hostile queries stop here.
inline constexpr std::size_t kMaxListSize = 1'000'000;
// The most elements one value may hold counting nested lists and maps ([r, r, r] with r a long list).
inline constexpr std::size_t kMaxValueElements = 4'000'000;
// Elements of `v` counted through nested lists and maps (a scalar is 1); stops counting past `limit`.
std::size_t value_weight(const Value& v, std::size_t limit = kMaxValueElements + 1);

// Where a call sits, so errors can name it.
struct CallSite {
  const Graph& graph;
  std::string_view query;  // the whole query text
  std::string_view text;   // the call's own text
  Position at;
};

[[noreturn]] void fail_at(const CallSite& site, const std::string& message,
                          ErrorCategory category = ErrorCategory::bad_request);

using ScalarFunction = Value (*)(const CallSite& site, std::vector<Value>& args);

struct FunctionInfo {
  std::string_view name;  // as documented (camelCase); lookup ignores case
  int min_args, max_args;
  ScalarFunction function;  // null for aggregates
  bool aggregate;
};

// Index into functions() of `name` (case-insensitive), or -1.
int find_function(std::string_view name);
const std::vector<FunctionInfo>& functions();
std::vector<std::string> function_names();

// Attribute JSON text (as stored) as a value.
Value json_value(std::string_view json);
Value node_property(const Graph& graph, VertexId v, std::string_view key);
Value relationship_property(const Graph& graph, RelationId r, std::string_view key);
Map node_properties(const Graph& graph, VertexId v);
Map relationship_properties(const Graph& graph, RelationId r);

// The other end of relation `r` from `v`.
inline VertexId other_end(const Graph& graph, RelationId r, VertexId v) {
  const Relation& rel = graph.relation(r);
  return rel.from == v ? rel.to : rel.from;
}

}  // namespace hallyu::query::cypher
