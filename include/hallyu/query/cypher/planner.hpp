// The planner: a parsed query -> a tree of logical operators over rows of slots.
//
// Every operator reads rows from its input and writes rows with more slots filled, so a plan is a
// chain from a leaf (Once: one empty row; Argument: the row a sub-plan is run for) up to
// ProduceResults. OPTIONAL MATCH and pattern predicates run a sub-plan per row; UNION runs branches.
//
// Pattern planning, per MATCH clause: variables already bound come first; then every node with an
// `id` equality (property map or WHERE `n.id = expr`, expr not depending on the pattern) is looked up
// by Graph::find_id, and every node with a `name` equality by an exact name scan; then the pattern
// grows along relationships from bound nodes (Expand over Graph::arcs, ExpandInto when both ends are
// bound), and only a part sharing no variable with what is bound starts a new scan: by label, the
// rarest first, or, when that is cheaper (relations of the wanted types against the label's entities
// times the mean degree), a sequential scan of the relations of a type binding both ends at once. WHERE is split at AND and each condition is placed right after the operator that
// binds its last variable. Relationships are unique within one MATCH (openCypher's relationship
// isomorphism). A `*` without an upper bound stops at PlanOptions::max_var_length (said in EXPLAIN);
// an explicit bound above it is an error.
//
// shortestPath / allShortestPaths bind both ends first, then search: Graph-wide bidirectional BFS
// (algo::PathFinder) with the relationship types, and with conditions `all(x IN nodes(p) WHERE c)` /
// `none(...)` that only test x's kind pushed into its TraversalFilter; a direction, a relationship
// property map, a condition on relationships or on other node properties makes it a BFS of its own
// that checks them on every node and relationship it visits. Other conditions on the path filter the
// paths found. PathFinder's paths hop between entities: of two relations joining the same pair it
// uses the lowest-numbered, so allShortestPaths lists node sequences, not relation sequences.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/query/cypher/ast.hpp"

namespace hallyu::query::cypher {

enum class OpKind {
  once, argument, node_scan, relationship_scan, expand, var_expand, shortest_path, build_path, filter, optional, projection,
  aggregate, distinct, sort, skip, limit, unwind, procedure_call, produce_results, union_
};

enum class ScanMode { all, label, id, name };
enum class ExpandDirection { out, in, both };  // out: from is the stored `from`

struct AggregateSpec {
  int function = -1;  // index into functions(); -1 for count(*)
  bool distinct = false;
  ExprPtr argument;   // null for count(*)
  int slot = -1;
  std::string text;
};

struct SortKey {
  ExprPtr expr;
  bool descending = false;
};

struct PlanOp {
  OpKind kind = OpKind::once;
  std::unique_ptr<PlanOp> input;
  std::vector<std::unique_ptr<PlanOp>> branches;  // optional: the sub-plan; union: the queries
  std::string detail;                             // what EXPLAIN says about it

  // node_scan
  int node = -1;
  ScanMode mode = ScanMode::all;
  KindSet kinds = kAnyKind;
  ExprPtr key;  // id or name: a string, or a list of them (key_is_list)
  bool key_is_list = false;
  // expand, var_expand, shortest_path, relationship_scan (from: the left node, kinds: the right one's)
  int from = -1, rel = -1, to = -1;
  KindSet from_kinds = kAnyKind;
  RelationTypeSet types = kAnyRelationType;
  ExpandDirection direction = ExpandDirection::both;
  bool into = false;       // `to` is bound already: check it
  bool count_only = false; // expand under an aggregate that only counts: one row per input row, weighted
  bool from_left = true;   // `from` is the pattern's left node (for path order and relationship direction)
  std::vector<int> unique_with;  // relationship slots (single or lists) this one must differ from
  std::int64_t min = 1, max = 1;
  bool bind_list = true;   // var_expand: the list of relationships is used (named, in a path, or checked for uniqueness)
  ExprPtr rel_properties;  // var_expand / shortest: a map every relationship must match
  // shortest_path
  bool all_paths = false;
  int path = -1;
  int node_local = -1, rel_local = -1;  // slots of the condition variables
  ExprPtr node_condition, rel_condition;
  bool kind_only = false;  // node_condition tests only the kind: pushed into the filter
  // build_path: slots in pattern order: node, relationship (single or list), node, ...
  std::vector<int> elements;
  std::vector<bool> element_is_list;
  // filter
  ExprPtr predicate;
  // optional: slots set to null when the sub-plan has no row
  std::vector<int> slots;
  // projection (expr -> slot), aggregate (keys: expr -> slot)
  std::vector<std::pair<ExprPtr, int>> items;
  std::vector<AggregateSpec> aggregates;
  // distinct: slots compared; produce_results: column slots
  std::vector<int> columns;
  std::vector<std::string> names;
  // sort (with an optional top-k bound), skip, limit
  std::vector<SortKey> sort_keys;
  ExprPtr count;       // skip / limit / sort's top-k
  ExprPtr top_offset;  // sort: a SKIP below the LIMIT (top-k keeps skip + limit)
  // unwind
  ExprPtr list;
  int slot = -1;
  // procedure_call
  int procedure = -1;
  std::vector<ExprPtr> arguments;
  std::vector<std::pair<int, int>> yields;  // output column -> slot
  // union
  bool union_all = false;
};

struct Plan {
  std::unique_ptr<PlanOp> root;
  std::vector<std::unique_ptr<PlanOp>> subplans;  // pattern predicates, by Expr::subplan
  int slot_count = 0;
  std::vector<std::string> columns;
  Mode mode = Mode::run;
  std::string text;  // the query, for messages
};

struct PlanOptions {
  std::size_t max_var_length = 15;
  const std::map<std::string, Value>* parameters = nullptr;
};

Plan plan_query(Query query, const Graph& graph, const PlanOptions& options);

// The plan as indented text, one operator a line; `annotate(op)` may add " rows=..." (PROFILE).
std::string explain(const Plan& plan, const std::function<std::string(const PlanOp&)>& annotate = {});

}  // namespace hallyu::query::cypher
