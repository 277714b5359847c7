// k-cores: the core number of every vertex (Batagelj-Zaversnik bucket algorithm, as NetworkX's
// core_number) and the connected components of one k-core.
#pragma once

#include <vector>

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

std::vector<std::uint32_t> core_numbers(const SimpleGraph& g);
// Components of the k-core; vertices outside it get kNoCommunity.
Partition kcore_components(const SimpleGraph& g, std::uint32_t k);

}  // namespace hallyu::algo
