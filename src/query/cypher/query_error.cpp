// QueryError: messages with the query line and a caret.
#include "hallyu/query/cypher/query_error.hpp"

#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

std::string place(Position at) {
  return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": ";
}

// The query line holding `at`, cut around the column when very long, and the caret under it.
std::string caret_lines(Position at, std::string_view query) {
  std::size_t start = std::min(at.offset, query.size());
  while (start > 0 && query[start - 1] != '\n') --start;
  std::size_t end = query.find('\n', start);
  if (end == std::string_view::npos) end = query.size();
  std::vector<char32_t> line = text::decode(query.substr(start, end - start));
  std::size_t column = at.column == 0 ? 0 : at.column - 1;
  std::size_t from = column > 60 ? column - 60 : 0;
  std::size_t to = std::min(line.size(), column + 60);
  std::string shown = from > 0 ? "..." : "";
  std::size_t caret = shown.size();
  for (std::size_t i = from; i < to; ++i) {
    char32_t c = line[i] == U'\t' ? U' ' : line[i];
    if (c < 0x20) c = U' ';
    text::append_utf8(shown, c);
  }
  for (std::size_t i = from; i < column && i < line.size(); ++i) {
    std::string one;
    text::append_utf8(one, line[i]);
    caret += text::display_width(one);
  }
  if (column > line.size()) caret += column - line.size();
  if (to < line.size()) shown += "...";
  return shown + "\n" + std::string(caret, ' ') + "^";
}

}  // namespace

QueryError::QueryError(const std::string& message, ErrorCategory category) : UsageError(message, category) {}

QueryError::QueryError(const std::string& message, Position at, std::string_view query, ErrorCategory category)
    : UsageError(place(at) + message, category), caret_(caret_lines(at, query)), position_(at), has_position_(true) {}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string folded = text::fold(word), best;
  // One-letter words are too short to guess at (except for case: 'A' and 'a').
  std::size_t budget = folded.size() <= 1 ? 0 : folded.size() <= 3 ? 1 : folded.size() <= 7 ? 2 : 3;
  std::size_t best_distance = budget + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = text::edit_distance(folded, text::fold(candidate), budget);
    if (d < best_distance) best_distance = d, best = candidate;
  }
  return best.empty() ? std::string() : " (did you mean " + text::quote(best) + "?)";
}

}  // namespace hallyu::query::cypher
