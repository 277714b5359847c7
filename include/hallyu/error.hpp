// Error types thrown by the engine. Messages are one line and say where the problem is
// (file:line:col, the entity, or the parameter by its neutral name: "approx", never "--approx"),
// so every front end can show them as they are. Each error carries a category; the category alone
// decides the CLI's exit code and the HTTP status (exit_code() and http_status(), written once).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "hallyu/model.hpp"

namespace hallyu {

enum class ErrorCategory {
  bad_data,     // an input file is at fault
  bad_request,  // a parameter or query is at fault
  not_found,    // a name or id matches nothing
  ambiguous,    // a name matches several entities equally well
  too_costly,   // the request is valid but beyond a limit of this front end (size, time budget)
  interrupted,  // stopped by a timeout or a client that went away
  output,       // an output could not be written
  internal,     // a bug or an exhausted resource
};

// The one mapping from category to exit code (2 user errors, 1 internal) and to HTTP status.
int exit_code(ErrorCategory category);
int http_status(ErrorCategory category);

// Base of every error the engine throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, ErrorCategory category = ErrorCategory::internal);
  ErrorCategory category() const { return category_; }

 private:
  ErrorCategory category_;
};

// The input data is at fault (malformed JSON, unknown kinds, dangling references, ...).
class DataError : public Error {
 public:
  explicit DataError(const std::string& message) : Error(message, ErrorCategory::bad_data) {}
};

// The request is at fault (bad option value, unknown word, impossible combination).
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message, ErrorCategory category = ErrorCategory::bad_request)
      : Error(message, category) {}
};

// A name that resolves to no entity or to several: the candidates (ambiguous) or near misses (not
// found) travel with it so a front end can list or link them.
class NameError : public UsageError {
 public:
  NameError(const std::string& message, ErrorCategory category, std::vector<VertexId> candidates)
      : UsageError(message, category), candidates_(std::move(candidates)) {}
  const std::vector<VertexId>& candidates() const { return candidates_; }

 private:
  std::vector<VertexId> candidates_;
};

// Valid, but more than this front end allows (an interactive server has tighter bounds than a batch
// command line), or stopped by a time budget.
class LimitError : public UsageError {
 public:
  explicit LimitError(const std::string& message, ErrorCategory category = ErrorCategory::too_costly)
      : UsageError(message, category) {}
};

// Writing an output (standard output, a file) failed.
class OutputError : public Error {
 public:
  explicit OutputError(const std::string& message) : Error(message, ErrorCategory::output) {}
};

}  // namespace hallyu
