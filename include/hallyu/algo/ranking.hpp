// Ranking scored entities of a SimpleGraph: the order every centrality listing uses.
#pragma once

#include <cstdint>
#include <vector>

#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

// Local vertices of `simple` whose kind is in `kinds`, by score (desc) then id; at most `top` (0: all).
std::vector<std::uint32_t> ranked(const Graph& graph, const SimpleGraph& simple, const std::vector<double>& scores,
                                  KindSet kinds, std::size_t top);

}  // namespace hallyu::algo
