// Error types thrown by the engine. Messages are one line and say where the problem is
// (file:line:col, or the entity/relation), so the CLI can print them as they are.
#pragma once

#include <stdexcept>
#include <string>

namespace hallyu {

// Base of every error the engine throws on purpose.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message);
};

// The input data is at fault (malformed JSON, unknown kinds, dangling references, ...).
class DataError : public Error {
 public:
  using Error::Error;
};

// The request is at fault (unknown or ambiguous entity, bad option value).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace hallyu
