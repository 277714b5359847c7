// Connected components: of the property graph (optionally under a traversal filter), and of a simple graph.
#pragma once

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

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

// Components of the property graph (union-find over the relation list): what `stats` reports.
Components connected_components(const Graph& graph, const TraversalFilter& filter = {});

// Components of a simple graph as a canonical Partition: the `components` cluster method.
Partition component_partition(const SimpleGraph& g);

}  // namespace hallyu::algo
