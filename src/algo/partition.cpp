// Partitions in canonical numbering: by size, ties by smallest member.
#include "hallyu/algo/partition.hpp"

#include <algorithm>
#include <numeric>

namespace hallyu::algo {

Partition canonical_partition(const std::vector<std::uint32_t>& labels) {
  std::uint32_t max_label = 0;
  for (std::uint32_t l : labels) {
    if (l != kNoCommunity) max_label = std::max(max_label, l + 1);
  }
  std::vector<std::uint32_t> size(max_label, 0), first(max_label, kNoCommunity);
  for (std::uint32_t v = 0; v < labels.size(); ++v) {
    if (labels[v] == kNoCommunity) continue;
    ++size[labels[v]];
    if (first[labels[v]] == kNoCommunity) first[labels[v]] = v;
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t l = 0; l < max_label; ++l) {
    if (size[l] > 0) order.push_back(l);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return size[a] != size[b] ? size[a] > size[b] : first[a] < first[b];
  });
  std::vector<std::uint32_t> renumber(max_label, kNoCommunity);
  for (std::uint32_t i = 0; i < order.size(); ++i) renumber[order[i]] = i;
  Partition p;
  p.count = static_cast<std::uint32_t>(order.size());
  p.community.resize(labels.size());
  for (std::size_t v = 0; v < labels.size(); ++v)
    p.community[v] = labels[v] == kNoCommunity ? kNoCommunity : renumber[labels[v]];
  return p;
}

}  // namespace hallyu::algo
