// Newman-Girvan modularity with a resolution, as NetworkX computes it.
#include "hallyu/algo/modularity.hpp"

namespace hallyu::algo {

double modularity(const SimpleGraph& g, const std::vector<std::uint32_t>& community, double resolution) {
  const double two_m = 2.0 * static_cast<double>(g.edge_count());
  if (two_m == 0) return 0.0;
  std::uint32_t count = 0;
  for (std::uint32_t c : community) {
    if (c != kNoCommunity) count = std::max(count, c + 1);
  }
  std::vector<double> internal(count, 0.0), degree(count, 0.0);
  for (std::uint32_t v = 0; v < g.size(); ++v) {
    if (community[v] == kNoCommunity) continue;
    degree[community[v]] += g.degree(v);
    for (std::uint32_t u : g.neighbors(v)) {
      if (community[u] == community[v]) internal[community[v]] += 1.0;  // each internal edge twice
    }
  }
  double q = 0;
  for (std::uint32_t c = 0; c < count; ++c)
    q += internal[c] / two_m - resolution * (degree[c] / two_m) * (degree[c] / two_m);
  return q;
}

}  // namespace hallyu::algo
