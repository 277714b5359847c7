// degrees: the distance from one entity to everyone ("Bacon numbers") and the farthest entities.
#pragma once

#include "hallyu/algo/distance_summary.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct DegreesRequest {
  std::string id;
  std::size_t farthest = 10;  // how many of the farthest to list
  FilterRequest filter;
};
struct DegreesResult {
  algo::DistanceSummary summary;
  std::size_t farthest = 10;
  bool filtered = false;
};
const OperationSpec& degrees_spec();
DegreesRequest degrees_request(const Parameters& parameters);
DegreesResult degrees(const Engine& engine, const DegreesRequest& request);

}  // namespace hallyu::query
