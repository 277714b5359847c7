// Recursive-descent parser for the read-only openCypher subset. Nesting is bounded (kMaxNesting
// brackets, kMaxHeight levels of expression tree), so hostile input gets a QueryError, never a stack
// overflow. Write clauses are refused with one line. Syntax errors say "line L, column C: expected X,
// found Y" and show the query line with a caret.
#pragma once

#include <string_view>

#include "hallyu/query/cypher/ast.hpp"

namespace hallyu::query::cypher {

inline constexpr int kMaxNesting = 100;  // brackets, sub-patterns, CASEs inside each other
inline constexpr int kMaxHeight = 400;   // levels of one expression tree (a+a+a+... counts each +)

Query parse(std::string_view text);
// One expression alone (tests, and `--param` values written as Cypher literals).
ExprPtr parse_expression(std::string_view text);

// The message clauses that would change data get.
std::string read_only_message(std::string_view keyword);

}  // namespace hallyu::query::cypher
