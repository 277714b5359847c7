// Asynchronous label propagation in seeded random order, ties broken by the seeded stream.
#pragma once

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

Partition label_propagation(const SimpleGraph& g, const CommunityOptions& options = {});

}  // namespace hallyu::algo
