// Core numbers (Batagelj-Zaversnik) and the components of a k-core.
#include "hallyu/algo/kcore.hpp"

#include <algorithm>

#include "hallyu/algo/components.hpp"

namespace hallyu::algo {

std::vector<std::uint32_t> core_numbers(const SimpleGraph& g) {
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> degree(n), position(n), order(n);
  std::uint32_t max_degree = 0;
  for (std::uint32_t v = 0; v < n; ++v) degree[v] = g.degree(v), max_degree = std::max(max_degree, degree[v]);
  // Bucket sort by degree; bin[d] is where degree d starts in `order`.
  std::vector<std::uint32_t> bin(max_degree + 2, 0);
  for (std::uint32_t v = 0; v < n; ++v) ++bin[degree[v] + 1];
  for (std::uint32_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
  std::vector<std::uint32_t> fill(bin.begin(), bin.end() - 1);
  for (std::uint32_t v = 0; v < n; ++v) position[v] = fill[degree[v]]++, order[position[v]] = v;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t v = order[i];
    for (std::uint32_t u : g.neighbors(v)) {
      if (degree[u] <= degree[v]) continue;
      // Move u to the front of its bucket, then shrink its degree by one.
      std::uint32_t du = degree[u], pu = position[u], pw = bin[du], w = order[pw];
      if (u != w) std::swap(order[pu], order[pw]), position[u] = pw, position[w] = pu;
      ++bin[du];
      --degree[u];
    }
  }
  return degree;
}

Partition kcore_components(const SimpleGraph& g, std::uint32_t k) {
  std::vector<std::uint32_t> core = core_numbers(g);
  std::vector<std::uint32_t> label(g.size(), kNoCommunity);
  std::vector<std::uint32_t> queue;
  for (std::uint32_t s = 0; s < g.size(); ++s) {
    if (core[s] < k || label[s] != kNoCommunity) continue;
    label[s] = s;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (std::uint32_t u : g.neighbors(queue[head])) {
        if (core[u] >= k && label[u] == kNoCommunity) label[u] = s, queue.push_back(u);
      }
    }
  }
  return canonical_partition(label);
}

}  // namespace hallyu::algo
