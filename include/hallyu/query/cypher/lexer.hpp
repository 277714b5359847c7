// Splits query text into tokens: identifiers (keywords are identifiers the parser recognises,
// case-insensitively; `back-quoted` names are never keywords), integer and float literals, strings
// with their escapes decoded, $parameters and symbols. Comments (// and /* */) are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hallyu/query/cypher/query_error.hpp"

namespace hallyu::query::cypher {

enum class TokenType { identifier, quoted_identifier, integer, floating, string, parameter, symbol, end };

struct Token {
  TokenType type = TokenType::end;
  std::string text;  // identifier or parameter name, decoded string, literal digits, or the symbol
  Position at;
  std::size_t length = 0;  // bytes of source the token spans
};

// The longest query accepted, in bytes: hostile input stops here, before any work.
inline constexpr std::size_t kMaxQueryBytes = 1 << 20;

// Throws QueryError with the place of the first bad character (an unterminated string, a stray '#').
std::vector<Token> tokenize(std::string_view query);

// How a token reads in messages: 'MATCH', "string 'abc'", "end of input".
std::string describe(const Token& token);

}  // namespace hallyu::query::cypher
