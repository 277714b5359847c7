// check: a plausibility audit of input files (algo/plausibility.hpp), each warning placed at the
// record it concerns. Unlike the other operations it reads the sources themselves (for the places),
// so it runs where the files are: the CLI, not the API.
#pragma once

#include "hallyu/algo/plausibility.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/query/parameters.hpp"

namespace hallyu::query {

struct CheckRequest {
  bool strict = false;  // warnings are errors: check_verdict() throws
  algo::PlausibilityOptions thresholds;
};
struct CheckWarning {
  std::string check;    // the class, e.g. "member-before-debut"
  std::string place;    // "file:line:col", or "" when the record has none (a snapshot)
  std::string message;  // without the place
  std::string line() const { return (place.empty() ? "" : place + ": ") + "warning [" + check + "]: " + message; }
};
struct CheckResult {
  std::vector<std::string> sources;
  std::size_t entities = 0, relations = 0;
  std::vector<CheckWarning> warnings;
  bool strict = false;
};
const OperationSpec& check_spec();
CheckRequest check_request(const Parameters& parameters);
// Loads `sources` (errors in them are DataErrors as for any command) and audits them.
CheckResult check(const std::vector<io::SourceText>& sources, const CheckRequest& request);
// Strict and warned: a DataError saying how many (after the front end has shown them).
void check_verdict(const CheckResult& result);

}  // namespace hallyu::query
