// The "Bacon number" table of one entity: how many entities lie at each distance, how many cannot be
// reached (or are left out by the filter), the average distance and the farthest entities.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/algo/paths.hpp"

namespace hallyu::algo {

struct DistanceSummary {
  VertexId center = 0;
  std::vector<std::pair<std::uint32_t, std::size_t>> counts;  // (distance, entities), ascending, distance 0 included
  std::size_t reachable = 0;                                  // other entities within reach
  std::size_t unreachable = 0;                                // allowed by the filter but not connected
  std::size_t excluded = 0;                                   // left out by the filter
  double average_distance = 0;                                // over the reachable others
  std::uint32_t max_distance = 0;
  std::vector<VertexId> farthest;  // every entity at max_distance (not the center), by id
};

DistanceSummary summarize_distances(const Graph& graph, VertexId center, const DistanceTable& table,
                                    const TraversalFilter& filter);

}  // namespace hallyu::algo
