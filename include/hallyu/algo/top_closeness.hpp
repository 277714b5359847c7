// The k entities of highest closeness or harmonic centrality, exactly, without a full BFS from every
// entity: searches stop as soon as a bound shows they cannot reach the k-th best score found so far
// (Bergamini, Borassi, Crescenzi, Marino, Meyerhenke, "Computing top-k closeness centrality faster
// in unweighted graphs", 2016; NetworKit's TopCloseness and TopHarmonicCloseness).
#pragma once

#include <cstdint>
#include <vector>

#include "hallyu/algo/centrality.hpp"

namespace hallyu::algo {

struct TopClosenessResult {
  // Per local vertex: the exact score (bit for bit what closeness_centrality or harmonic_centrality
  // gives) for every vertex whose search ran to the end, which includes every candidate scoring at
  // least the k-th best; -infinity for vertices pruned or not candidates.
  std::vector<double> scores;
  std::size_t completed = 0;  // searches run to the end
  std::size_t pruned = 0;     // searches cut short by the bound
};

// metric is closeness (NetworkX's wf_improved) or harmonic. Only vertices with candidate[v] compete
// (empty: all). The k best candidates and their scores do not depend on the thread count, though which
// other vertices end up scored may.
TopClosenessResult top_closeness(const SimpleGraph& g, Metric metric, std::size_t k,
                                 const std::vector<bool>& candidate = {}, const ParallelOptions& options = {});

}  // namespace hallyu::algo
