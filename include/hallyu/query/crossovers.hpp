// crossovers: cross-promotion patterns between music and drama, in words.
#pragma once

#include <set>

#include "hallyu/algo/crossovers.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

inline const std::vector<std::string> kCrossoverPatterns = {"idol-actors",    "self-osts",        "group-synergy",
                                                            "co-starring",    "agency-pipelines", "agency-networks",
                                                            "ost-specialists"};
struct CrossoversRequest {
  std::vector<std::string> patterns;  // empty: all
  std::size_t top = 10;               // rows per pattern (0: all)
  algo::CrossoverOptions thresholds;
};
struct CrossoversResult {
  algo::Crossovers found;
  std::set<std::string> wanted;  // empty: all
  std::size_t top = 10;
  bool wants(const std::string& pattern) const { return wanted.empty() || wanted.count(pattern) > 0; }
};
const OperationSpec& crossovers_spec();
CrossoversRequest crossovers_request(const Parameters& parameters);
CrossoversResult crossovers(const Engine& engine, const CrossoversRequest& request);

}  // namespace hallyu::query
