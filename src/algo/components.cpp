// Connected components: union-find over the property graph, BFS over a simple graph.
#include "hallyu/algo/components.hpp"

#include <algorithm>
#include <numeric>

namespace hallyu::algo {
namespace {

// Union-find with path halving and union by size: near-linear over the relation list, no recursion.
class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(std::uint32_t a, std::uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

}  // namespace

Components connected_components(const Graph& graph, const TraversalFilter& filter) {
  const std::size_t n = graph.entity_count();
  DisjointSets sets(n);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const Relation& rel = graph.relation(r);
    if (filter.allows_relation(graph, r) && filter.allows_vertex(graph, rel.from) && filter.allows_vertex(graph, rel.to)) {
      sets.unite(rel.from, rel.to);
    }
  }
  // Number roots in order of first appearance, then renumber by size (stable, so ties keep that order).
  std::vector<std::uint32_t> root_number(n, Components::kExcluded);
  std::vector<std::size_t> sizes;
  Components result;
  result.component_of.assign(n, Components::kExcluded);
  for (VertexId v = 0; v < n; ++v) {
    if (!filter.allows_vertex(graph, v)) continue;
    std::uint32_t root = sets.find(v);
    if (root_number[root] == Components::kExcluded) {
      root_number[root] = static_cast<std::uint32_t>(sizes.size());
      sizes.push_back(0);
    }
    result.component_of[v] = root_number[root];
    ++sizes[root_number[root]];
  }
  std::vector<std::uint32_t> order(sizes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return sizes[a] > sizes[b]; });
  std::vector<std::uint32_t> renumber(sizes.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    renumber[order[i]] = i;
    result.sizes.push_back(sizes[order[i]]);
  }
  for (auto& c : result.component_of) {
    if (c != Components::kExcluded) c = renumber[c];
  }
  return result;
}

Partition component_partition(const SimpleGraph& g) {
  std::vector<std::uint32_t> label(g.size(), kNoCommunity);
  std::vector<std::uint32_t> queue;
  for (std::uint32_t s = 0; s < g.size(); ++s) {
    if (label[s] != kNoCommunity) continue;
    label[s] = s;
    queue.assign(1, s);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (std::uint32_t u : g.neighbors(queue[head])) {
        if (label[u] == kNoCommunity) label[u] = s, queue.push_back(u);
      }
    }
  }
  return canonical_partition(label);
}

}  // namespace hallyu::algo
