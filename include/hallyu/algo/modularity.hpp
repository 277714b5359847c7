// Newman-Girvan modularity with resolution gamma, as NetworkX's modularity() computes it.
#pragma once

#include <vector>

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

double modularity(const SimpleGraph& g, const std::vector<std::uint32_t>& community, double resolution = 1.0);

}  // namespace hallyu::algo
