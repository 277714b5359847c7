// Ranking scored entities: by score, ties by id, so listings are stable.
#include "hallyu/algo/ranking.hpp"

#include <algorithm>

namespace hallyu::algo {

std::vector<std::uint32_t> ranked(const Graph& graph, const algo::SimpleGraph& simple,
                                  const std::vector<double>& scores, KindSet kinds, std::size_t top) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < simple.size(); ++i) {
    if (kinds & bit(graph.kind(simple.original(i)))) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return graph.entity(simple.original(a)).id < graph.entity(simple.original(b)).id;
  });
  if (top != 0 && order.size() > top) order.resize(top);
  return order;
}

}  // namespace hallyu::algo
