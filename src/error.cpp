// Error categories and the single table that maps them to exit codes and HTTP statuses.
#include "hallyu/error.hpp"

#include "hallyu/text.hpp"

namespace hallyu {

// Messages may quote user data; keep them on one line whatever that data holds.
Error::Error(const std::string& message, ErrorCategory category)
    : std::runtime_error(text::one_line(message)), category_(category) {}

int exit_code(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::bad_data:
    case ErrorCategory::bad_request:
    case ErrorCategory::not_found:
    case ErrorCategory::ambiguous:
    case ErrorCategory::too_costly:
    case ErrorCategory::interrupted:
      return 2;
    case ErrorCategory::output:
    case ErrorCategory::internal:
      return 1;
  }
  return 1;
}

int http_status(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::bad_data:
      return 422;  // a file the request named is unusable
    case ErrorCategory::bad_request:
      return 400;
    case ErrorCategory::not_found:
      return 404;
    case ErrorCategory::ambiguous:
      return 400;  // the client must choose an id among the candidates
    case ErrorCategory::too_costly:
      return 400;  // the client can narrow the request
    case ErrorCategory::interrupted:
      return 503;  // the server's time budget ran out
    case ErrorCategory::output:
      return 500;
    case ErrorCategory::internal:
      return 500;
  }
  return 500;
}

}  // namespace hallyu
