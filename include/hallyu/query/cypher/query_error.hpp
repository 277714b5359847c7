// The one error type of the query language. A user error (UsageError), so the CLI exits 2 and the API
// answers 400. what() is one line, as every hallyu error ("line 2, column 7: expected ')', found
// 'RETURN'"); errors tied to a place in the query also carry the query line with a caret under the
// place: detailed() is the message, a newline, that line, a newline and the caret line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/error.hpp"

namespace hallyu::query::cypher {

// Where a token starts: 1-based line and column (columns count code points), and the byte offset.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t offset = 0;
};

class QueryError : public UsageError {
 public:
  // A message with no place in the text (a limit, a timeout: ErrorCategory::interrupted).
  explicit QueryError(const std::string& message, ErrorCategory category = ErrorCategory::bad_request);
  // "line L, column C: message", then the query line and a caret line under the column.
  QueryError(const std::string& message, Position at, std::string_view query,
             ErrorCategory category = ErrorCategory::bad_request);

  // what(), then (when the error has a place) the query line and the caret line.
  std::string detailed() const { return caret_.empty() ? std::string(what()) : std::string(what()) + "\n" + caret_; }
  const std::string& caret() const { return caret_; }  // "MATCH (n:Idl) ...\n      ^", or empty
  bool has_position() const { return has_position_; }
  Position position() const { return position_; }

 private:
  std::string caret_;
  Position position_;
  bool has_position_ = false;
};

// " (did you mean 'x'?)" for the nearest of `candidates` within a small edit distance; empty otherwise.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hallyu::query::cypher
