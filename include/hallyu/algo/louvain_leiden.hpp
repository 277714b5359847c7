// Modularity communities by Louvain and Leiden, which share local moving and aggregation. Both are
// deterministic for a seed and re-run from their own result while modularity improves.
#pragma once

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

// Louvain: local moving in seeded random order, then aggregation, until nothing moves.
Partition louvain(const SimpleGraph& g, const CommunityOptions& options = {});
// Leiden (Traag, Waltman and van Eck 2019): fast local moving, refinement within communities
// (randomness 0.01), aggregation of the refined partition. Every community is connected.
Partition leiden(const SimpleGraph& g, const CommunityOptions& options = {});

}  // namespace hallyu::algo
