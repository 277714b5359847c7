// Asynchronous label propagation in seeded random order.
#include "hallyu/algo/label_propagation.hpp"

#include <algorithm>
#include <numeric>

#include "hallyu/random.hpp"

namespace hallyu::algo {

Partition label_propagation(const SimpleGraph& g, const CommunityOptions& options) {
  SplitMix64 random = seeded_stream(options.seed);
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> label(n);
  std::iota(label.begin(), label.end(), 0u);
  std::vector<std::uint32_t> order(n), count(n, 0), best;
  std::iota(order.begin(), order.end(), 0u);
  std::vector<std::uint32_t> seen;
  for (int round = 0; round < 1000; ++round) {
    random.shuffle(order);
    bool stable = true;
    for (std::uint32_t v : order) {
      auto nbrs = g.neighbors(v);
      if (nbrs.empty()) continue;
      std::uint32_t top = 0;
      for (std::uint32_t u : nbrs) {
        if (count[label[u]]++ == 0) seen.push_back(label[u]);
        top = std::max(top, count[label[u]]);
      }
      best.clear();
      for (std::uint32_t l : seen) {
        if (count[l] == top) best.push_back(l);
      }
      std::sort(best.begin(), best.end());  // seen's order depends on adjacency; choices must not
      if (count[label[v]] != top) stable = false;
      std::uint32_t chosen = best[random.below(best.size())];
      label[v] = chosen;
      for (std::uint32_t l : seen) count[l] = 0;
      seen.clear();
    }
    if (stable) break;
  }
  return canonical_partition(label);
}

}  // namespace hallyu::algo
