// The syntax tree of a query, as the parser builds it and the planner annotates it (variable slots,
// function ids, pattern sub-plans). to_cypher() prints a tree back as canonical query text, so that
// parse(to_cypher(parse(q))) == parse(q) can be tested.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/query/cypher/value.hpp"

namespace hallyu::query::cypher {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct PatternPart;

enum class ExprKind {
  literal,          // value
  parameter,        // name
  variable,         // name (slot after planning)
  property,         // children[0].name
  has_labels,       // children[0]:labels (any of each group; groups all required)
  list,             // children
  map,              // keys[i] -> children[i]
  index,            // children[0][children[1]]
  slice,            // children[0][children[1]..children[2]] (null children allowed: open ends)
  unary,            // op children[0]
  binary,           // children[0] op children[1]
  is_null,          // children[0] IS NULL (negated: IS NOT NULL)
  function,         // name(children), distinct for aggregates
  count_star,       // count(*)
  case_,            // [subject] (when then)* [else]
  list_comprehension,  // [name IN children[0] WHERE children[1] | children[2]] (missing parts null)
  list_predicate,   // keys[0] (all/any/none/single) (name IN children[0] WHERE children[1])
  pattern,          // a pattern predicate: true when the pattern matches from the row
  slot_ref,         // planner: a value already computed into slot (aggregates)
};

enum class Op {
  none,
  // unary
  not_, negate, plus,
  // binary
  or_, xor_, and_, add, subtract, multiply, divide, modulo, power,
  eq, ne, lt, le, gt, ge, in, starts_with, ends_with, contains, regex,
};

struct Expr {
  ExprKind kind = ExprKind::literal;
  Op op = Op::none;
  Value value;                                    // literal
  std::string name;                               // variable, parameter, property key, function, local name
  std::vector<std::vector<std::string>> labels;   // has_labels: groups of alternatives
  std::vector<std::string> keys;                  // map keys
  std::vector<ExprPtr> children;
  bool distinct = false;                          // function: aggregate DISTINCT
  bool negated = false;                           // is_null: IS NOT NULL
  bool has_subject = false, has_else = false;     // case_
  std::unique_ptr<PatternPart> pattern;           // pattern
  Position at;
  std::size_t begin = 0, end = 0;                 // the source text is query[begin, end)
  std::string text;                               // slot_ref only: the text it stands for
  int height = 1;                                 // depth of this subtree

  // Planner annotations.
  int slot = -1;      // variable / local / slot_ref
  int function = -1;  // index into the function table
  int subplan = -1;   // pattern predicate's plan

  Expr();
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
};

ExprPtr clone(const Expr& e);

enum class Direction { right, left, both };  // ->, <-, -

struct NodePattern {
  std::string variable;                          // empty: anonymous
  std::vector<std::vector<std::string>> labels;  // :A|B:C = (A or B) and C
  ExprPtr properties;                            // map literal or parameter, may be null
  Position at;
};

struct RelPattern {
  std::string variable;
  std::vector<std::string> types;  // alternatives; empty: any
  Direction direction = Direction::both;
  bool variable_length = false;
  std::optional<std::int64_t> min, max;  // of a variable-length relationship
  ExprPtr properties;
  Position at;
};

enum class Shortest { none, one, all };

struct PatternPart {
  std::string path_variable;
  Shortest shortest = Shortest::none;
  std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
  std::vector<RelPattern> rels;
  Position at;
};

struct ProjectionItem {
  ExprPtr expr;
  std::string alias;  // the column name: the AS name, or the expression's text
  bool aliased = false;
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct Projection {
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order;
  ExprPtr skip, limit;
  ExprPtr where;  // WITH ... WHERE
};

struct YieldItem {
  std::string field;
  std::string alias;
  Position at;
};

enum class ClauseKind { match, unwind, with, return_, call };

struct Clause {
  ClauseKind kind = ClauseKind::match;
  Position at;
  // match
  bool optional = false;
  std::vector<PatternPart> patterns;
  ExprPtr where;  // match, call
  // with, return
  Projection projection;
  // unwind
  ExprPtr expr;
  std::string variable;
  // call
  std::string procedure;  // "hallyu.pagerank"
  std::vector<ExprPtr> arguments;
  bool has_yield = false;
  std::vector<YieldItem> yields;
};

struct SingleQuery {
  std::vector<Clause> clauses;
};

enum class Mode { run, explain, profile };

struct Query {
  Mode mode = Mode::run;
  std::vector<SingleQuery> parts;  // joined by UNION
  std::vector<bool> union_all;     // union_all[i] joins parts[i] and parts[i + 1]
  std::string text;                // the source
};

// Canonical text: keywords upper case, one space between tokens, every operator parenthesised.
std::string to_cypher(const Expr& e);
std::string to_cypher(const PatternPart& p);
std::string to_cypher(const Query& q);

std::string_view op_text(Op op);

// The source text of `e` (kept as a span, so deep trees over a long literal stay linear).
std::string_view source_text(const Expr& e, std::string_view query);

}  // namespace hallyu::query::cypher
