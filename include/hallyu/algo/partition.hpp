// A partition of a SimpleGraph's vertices into numbered communities, in canonical numbering (0 the
// largest, ties by smallest member, so output is stable), and the options community methods share.
#pragma once

#include <cstdint>
#include <vector>

namespace hallyu::algo {

struct Partition {
  std::vector<std::uint32_t> community;  // local vertex -> community, 0 the largest
  std::uint32_t count = 0;
};

// Vertices outside every community (outside a k-core).
inline constexpr std::uint32_t kNoCommunity = UINT32_MAX;

// Renumbers any labelling (kNoCommunity kept) by size, ties by smallest member.
Partition canonical_partition(const std::vector<std::uint32_t>& labels);

// Options of the randomised community methods (Louvain, Leiden, label propagation).
struct CommunityOptions {
  std::uint64_t seed = 1;
  double resolution = 1.0;
  unsigned max_levels = 50;
  // Louvain and Leiden: rounds, each starting from the last one's result; they stop sooner when a
  // round does not raise modularity (leidenalg's n_iterations; its default is 2, "until no
  // improvement" is -1).
  unsigned max_rounds = 20;
};

}  // namespace hallyu::algo
