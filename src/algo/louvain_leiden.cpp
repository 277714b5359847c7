// Louvain and Leiden modularity communities: local moving, Leiden's refinement, aggregation, rounds.
#include "hallyu/algo/louvain_leiden.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "hallyu/algo/components.hpp"
#include "hallyu/algo/modularity.hpp"
#include "hallyu/random.hpp"

namespace hallyu::algo {
namespace {

// A weighted graph for the levels of Louvain and Leiden. adjacency holds no self-loops; a node's
// self-loop weight (A_ii, i.e. twice its internal edge weight) is kept apart, since it does not
// change with the node's community. strength[i] = sum_j A_ij including A_ii.
struct WeightedGraph {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> targets;
  std::vector<double> weights;
  std::vector<double> self_loop;
  std::vector<double> strength;
  double total = 0;  // 2m

  std::uint32_t size() const { return static_cast<std::uint32_t>(self_loop.size()); }
};

WeightedGraph weighted_from(const SimpleGraph& g) {
  WeightedGraph w;
  const std::uint32_t n = g.size();
  w.offsets.assign(n + 1, 0);
  w.self_loop.assign(n, 0.0);
  w.strength.assign(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) {
    auto nbrs = g.neighbors(v);
    w.offsets[v + 1] = w.offsets[v] + static_cast<std::uint32_t>(nbrs.size());
    w.targets.insert(w.targets.end(), nbrs.begin(), nbrs.end());
    w.strength[v] = static_cast<double>(nbrs.size());
    w.total += w.strength[v];
  }
  w.weights.assign(w.targets.size(), 1.0);
  return w;
}

// The nodes of each community, in increasing order, as one array cut by offsets (a counting sort:
// a vector per community cost more in allocation than the rest of a level at 1M relations).
struct Members {
  std::vector<std::uint32_t> offsets, nodes;
  std::span<const std::uint32_t> of(std::uint32_t c) const { return {nodes.data() + offsets[c], nodes.data() + offsets[c + 1]}; }
};

Members members_of(const std::vector<std::uint32_t>& membership, std::uint32_t count) {
  Members m;
  m.offsets.assign(count + 1, 0);
  for (std::uint32_t c : membership) ++m.offsets[c + 1];
  for (std::uint32_t c = 0; c < count; ++c) m.offsets[c + 1] += m.offsets[c];
  m.nodes.resize(membership.size());
  std::vector<std::uint32_t> fill(m.offsets.begin(), m.offsets.end() - 1);
  for (std::uint32_t v = 0; v < membership.size(); ++v) m.nodes[fill[membership[v]]++] = v;
  return m;
}

// Collapses each community of `membership` (0..count-1) into one node.
WeightedGraph aggregate(const WeightedGraph& g, const std::vector<std::uint32_t>& membership, std::uint32_t count) {
  WeightedGraph a;
  a.self_loop.assign(count, 0.0);
  a.strength.assign(count, 0.0);
  a.total = g.total;
  const Members members = members_of(membership, count);
  std::vector<double> weight_to(count, 0.0);
  std::vector<std::uint32_t> touched;
  a.offsets.reserve(count + 1);
  a.targets.reserve(g.targets.size());
  a.weights.reserve(g.targets.size());
  a.offsets.push_back(0);
  for (std::uint32_t c = 0; c < count; ++c) {
    for (std::uint32_t v : members.of(c)) {
      a.self_loop[c] += g.self_loop[v];
      a.strength[c] += g.strength[v];
      for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        std::uint32_t d = membership[g.targets[e]];
        if (d == c) {
          a.self_loop[c] += g.weights[e];
          continue;
        }
        if (weight_to[d] == 0.0) touched.push_back(d);
        weight_to[d] += g.weights[e];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (std::uint32_t d : touched) {
      a.targets.push_back(d);
      a.weights.push_back(weight_to[d]);
      weight_to[d] = 0.0;
    }
    touched.clear();
    a.offsets.push_back(static_cast<std::uint32_t>(a.targets.size()));
  }
  return a;
}

// Weights from node v to each neighbouring community, gathered without clearing a whole array.
class NeighborWeights {
 public:
  explicit NeighborWeights(std::size_t n) : weight_(n, 0.0), seen_(n, false) {}
  void gather(const WeightedGraph& g, std::uint32_t v, const std::vector<std::uint32_t>& community) {
    clear();
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      std::uint32_t c = community[g.targets[e]];
      if (!seen_[c]) seen_[c] = true, order_.push_back(c);
      weight_[c] += g.weights[e];
    }
  }
  void clear() {
    for (std::uint32_t c : order_) weight_[c] = 0.0, seen_[c] = false;
    order_.clear();
  }
  double weight(std::uint32_t c) const { return weight_[c]; }
  const std::vector<std::uint32_t>& communities() const { return order_; }

 private:
  std::vector<double> weight_;
  std::vector<bool> seen_;
  std::vector<std::uint32_t> order_;
};

// Renumbers labels 0..k-1 in order of first appearance; returns k.
std::uint32_t compact_labels(std::vector<std::uint32_t>& labels) {
  std::vector<std::uint32_t> renumber(labels.size() + 1, kNoCommunity);
  std::uint32_t next = 0;
  for (auto& l : labels) {
    if (renumber[l] == kNoCommunity) renumber[l] = next++;
    l = renumber[l];
  }
  return next;
}

// The neighbouring community whose modularity gain for v is largest (v's own, `from`, unless another
// beats it by more than rounding), and that gain. `total` must already leave v out of `from`.
std::pair<std::uint32_t, double> best_move(const WeightedGraph& g, std::uint32_t v, std::uint32_t from,
                                           const NeighborWeights& weights, const std::vector<double>& total,
                                           double gamma) {
  const double k = g.strength[v] * gamma / g.total;
  std::uint32_t best = from;
  double best_gain = weights.weight(from) - k * total[from];
  for (std::uint32_t c : weights.communities()) {
    double gain = weights.weight(c) - k * total[c];
    if (gain > best_gain + 1e-12) best_gain = gain, best = c;
  }
  return {best, best_gain};
}

// Louvain's local moving phase, in passes over the nodes in one shuffled order. Returns whether any
// node moved. After the first pass a node is visited again only when a neighbour has moved since its
// last visit (the pruning of Ozaki, Tezuka and Inaba, 2016): a node whose neighbourhood kept its
// communities almost never has a better move, and on the 1M-relation benchmark the later passes of
// the first level moved a few hundred of 451,575 nodes each, for 77 passes.
bool move_nodes(const WeightedGraph& g, std::vector<std::uint32_t>& community, std::vector<double>& total, double gamma,
                SplitMix64& random) {
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  random.shuffle(order);
  std::vector<std::uint8_t> stale(n, 1);  // 1: visit in this pass
  NeighborWeights weights(n);
  bool any = false;
  for (int pass = 0; pass < 1000; ++pass) {
    bool moved = false;
    for (std::uint32_t v : order) {
      if (!stale[v]) continue;
      stale[v] = 0;
      std::uint32_t from = community[v];
      weights.gather(g, v, community);
      total[from] -= g.strength[v];
      std::uint32_t best = best_move(g, v, from, weights, total, gamma).first;
      total[best] += g.strength[v];
      if (best == from) continue;
      community[v] = best, moved = true, any = true;
      for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) stale[g.targets[e]] = 1;
    }
    if (!moved) break;
  }
  return any;
}

// Leiden's fast local moving: a queue of nodes to visit, refilled with neighbours of moved nodes.
void move_nodes_fast(const WeightedGraph& g, std::vector<std::uint32_t>& community, std::vector<double>& total,
                     std::vector<std::uint32_t>& size, double gamma, SplitMix64& random) {
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  random.shuffle(queue);
  std::vector<bool> queued(n, true);
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (size[c] == 0) empty.push_back(c);
  }
  NeighborWeights weights(n);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    std::uint32_t v = queue[head];
    queued[v] = false;
    std::uint32_t from = community[v];
    weights.gather(g, v, community);
    total[from] -= g.strength[v];
    --size[from];
    if (size[from] == 0) empty.push_back(from);
    auto [best, best_gain] = best_move(g, v, from, weights, total, gamma);
    if (best_gain < -1e-12 && !empty.empty()) best = empty.back();  // alone beats every neighbour
    // An empty best is always the last one listed: v's own community, emptied just now, or the spare
    // picked above (a neighbour's community holds the neighbour). So no search through `empty`,
    // which at the first level lists most of the graph.
    if (size[best] == 0) empty.pop_back();
    total[best] += g.strength[v];
    ++size[best];
    community[v] = best;
    if (best == from) continue;
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      std::uint32_t u = g.targets[e];
      if (!queued[u] && community[u] != best) queued[u] = true, queue.push_back(u);
    }
  }
}

// Leiden's refinement: inside each community, start from singletons and merge well-connected nodes
// into well-connected sub-communities, choosing randomly with weights exp(gain / theta).
std::vector<std::uint32_t> refine(const WeightedGraph& g, const std::vector<std::uint32_t>& community, double gamma,
                                  SplitMix64& random) {
  constexpr double kTheta = 0.01;
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  std::vector<double> refined_total(g.strength), external(n, 0.0), inside(n, 0.0);
  std::vector<std::uint32_t> refined_size(n, 1);
  const Members members = members_of(community, n);
  std::vector<double> community_total(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v) community_total[community[v]] += g.strength[v];
  // inside[v]: weight from v to the rest of its community; a singleton's external weight is that.
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      if (community[g.targets[e]] == community[v]) inside[v] += g.weights[e];
    }
    external[v] = inside[v];
  }
  NeighborWeights weights(n);
  std::vector<std::uint32_t> candidates;
  std::vector<double> chances;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (members.of(s).size() < 2) continue;
    const double total_s = community_total[s];
    std::vector<std::uint32_t> order(members.of(s).begin(), members.of(s).end());
    random.shuffle(order);
    for (std::uint32_t v : order) {
      const double k = g.strength[v];
      if (refined_size[refined[v]] != 1) continue;                    // only singletons move
      if (inside[v] < gamma * k * (total_s - k) / g.total) continue;  // v not well connected to S
      weights.gather(g, v, refined);
      candidates.clear();
      chances.clear();
      double best = 0;
      for (std::uint32_t c : weights.communities()) {
        if (c == refined[v]) continue;
        // c is a refined community; it lies in S when the node that named it does (labels are node ids).
        if (community[c] != s) continue;
        if (external[c] < gamma * refined_total[c] * (total_s - refined_total[c]) / g.total) continue;
        double gain = (weights.weight(c) - gamma * k * refined_total[c] / g.total) / (g.total / 2);
        if (gain < 0) continue;
        candidates.push_back(c);
        chances.push_back(gain);
        best = std::max(best, gain);
      }
      if (candidates.empty()) continue;
      // Staying alone is a choice with gain 0.
      double sum = std::exp((0 - best) / kTheta);
      for (double& chance : chances) sum += (chance = std::exp((chance - best) / kTheta));
      double pick = random.unit() * sum - std::exp((0 - best) / kTheta);
      if (pick < 0) continue;
      std::uint32_t target = candidates.back();
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        pick -= chances[i];
        if (pick < 0) {
          target = candidates[i];
          break;
        }
      }
      std::uint32_t from = refined[v];
      refined_total[from] -= k, --refined_size[from];
      external[target] += inside[v] - 2 * weights.weight(target);
      refined_total[target] += k, ++refined_size[target];
      refined[v] = target;
    }
  }
  return refined;
}

std::vector<std::uint32_t> flatten(const std::vector<std::vector<std::uint32_t>>& levels, std::uint32_t n) {
  std::vector<std::uint32_t> out(n);
  for (std::uint32_t v = 0; v < n; ++v) {
    std::uint32_t c = v;
    for (const auto& level : levels) c = level[c];
    out[v] = c;
  }
  return out;
}

// One run of Louvain whose first level starts from `initial` instead of singletons.
std::vector<std::uint32_t> louvain_round(const WeightedGraph& base, const std::vector<std::uint32_t>& initial,
                                         const CommunityOptions& options, SplitMix64& random) {
  WeightedGraph level = base;
  std::vector<std::vector<std::uint32_t>> levels;
  std::vector<std::uint32_t> community = initial;
  for (unsigned depth = 0; depth < options.max_levels; ++depth) {
    std::vector<double> total(level.size(), 0.0);
    for (std::uint32_t v = 0; v < level.size(); ++v) total[community[v]] += level.strength[v];
    bool moved = move_nodes(level, community, total, options.resolution, random);
    std::uint32_t count = compact_labels(community);
    levels.push_back(community);
    if ((!moved && depth > 0) || count == level.size()) break;
    level = aggregate(level, community, count);
    community.resize(level.size());
    std::iota(community.begin(), community.end(), 0u);
  }
  return flatten(levels, base.size());
}

// One run of Leiden from `initial`.
std::vector<std::uint32_t> leiden_round(const WeightedGraph& base, const std::vector<std::uint32_t>& initial,
                                        const CommunityOptions& options, SplitMix64& random) {
  WeightedGraph level = base;
  std::vector<std::vector<std::uint32_t>> levels;  // node of level i -> node of level i+1
  std::vector<std::uint32_t> community = initial;
  for (unsigned depth = 0; depth < options.max_levels; ++depth) {
    std::vector<double> total(level.size(), 0.0);
    std::vector<std::uint32_t> size(level.size(), 0);
    for (std::uint32_t v = 0; v < level.size(); ++v) total[community[v]] += level.strength[v], ++size[community[v]];
    move_nodes_fast(level, community, total, size, options.resolution, random);
    std::vector<std::uint32_t> labels = community;
    std::uint32_t count = compact_labels(labels);
    if (count == level.size()) break;  // every community is one node: done
    std::vector<std::uint32_t> refined = refine(level, labels, options.resolution, random);
    std::uint32_t refined_count = compact_labels(refined);
    if (refined_count == level.size()) {
      // Refinement merged nothing, so aggregating would not shrink the graph: stop here. (Every
      // community is then a set of refined nodes that were connected when they were formed.)
      levels.push_back(labels);
      return flatten(levels, base.size());
    }
    // The next level starts from the unrefined communities of the refined nodes.
    std::vector<std::uint32_t> next(refined_count);
    for (std::uint32_t v = 0; v < level.size(); ++v) next[refined[v]] = labels[v];
    levels.push_back(refined);
    level = aggregate(level, refined, refined_count);
    community = next;
  }
  levels.push_back(community);
  return flatten(levels, base.size());
}

// Repeats `round` from its own result while modularity improves (as leidenalg's n_iterations=-1),
// at most options.max_rounds times.
template <typename Round>
Partition iterate_rounds(const SimpleGraph& g, const CommunityOptions& options, Round round) {
  WeightedGraph base = weighted_from(g);
  if (base.total == 0) return component_partition(g);
  SplitMix64 random = seeded_stream(options.seed);
  std::vector<std::uint32_t> best(g.size());
  std::iota(best.begin(), best.end(), 0u);
  double best_q = modularity(g, best, options.resolution);
  for (unsigned r = 0; r < options.max_rounds; ++r) {
    std::vector<std::uint32_t> next = round(base, best, options, random);
    double q = modularity(g, next, options.resolution);
    if (q <= best_q + 1e-12) break;
    best = std::move(next), best_q = q;
  }
  return canonical_partition(best);
}

}  // namespace

Partition louvain(const SimpleGraph& g, const CommunityOptions& options) {
  return iterate_rounds(g, options, louvain_round);
}

Partition leiden(const SimpleGraph& g, const CommunityOptions& options) {
  return iterate_rounds(g, options, leiden_round);
}

}  // namespace hallyu::algo
