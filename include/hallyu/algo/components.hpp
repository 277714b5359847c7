// Connected components of the undirected graph (optionally under a traversal filter).
#pragma once

#include <limits>

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct Components {
  static constexpr std::uint32_t kExcluded = std::numeric_limits<std::uint32_t>::max();
  // Component of each entity, numbered by size (0 is the largest; ties by smallest member id
  // order); kExcluded for entities the filter leaves out.
  std::vector<std::uint32_t> component_of;
  std::vector<std::size_t> sizes;  // sizes[c], descending
};

Components connected_components(const Graph& graph, const TraversalFilter& filter = {});

}  // namespace hallyu::algo
