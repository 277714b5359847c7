// Clusters on a SimpleGraph: connected components, k-cores, and modularity communities (Louvain,
// Leiden, label propagation). Randomised methods are deterministic for a seed. Partitions are
// numbered by size (0 is the largest), ties by their smallest member, so output is stable.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

struct Partition {
  std::vector<std::uint32_t> community;  // local vertex -> community, 0 the largest
  std::uint32_t count = 0;
};

enum class ClusterMethod { components, kcore, louvain, leiden, label_propagation };
ClusterMethod parse_cluster_method(std::string_view name);  // throws UsageError
std::string_view to_string(ClusterMethod method);

// Newman-Girvan modularity with resolution gamma, as NetworkX's modularity() computes it.
double modularity(const SimpleGraph& g, const std::vector<std::uint32_t>& community, double resolution = 1.0);

Partition connected_components(const SimpleGraph& g);

// Core number of every vertex (Batagelj-Zaversnik bucket algorithm), as NetworkX's core_number.
std::vector<std::uint32_t> core_numbers(const SimpleGraph& g);
// Components of the k-core; vertices outside it get kNoCommunity.
inline constexpr std::uint32_t kNoCommunity = UINT32_MAX;
Partition kcore_components(const SimpleGraph& g, std::uint32_t k);

struct CommunityOptions {
  std::uint64_t seed = 1;
  double resolution = 1.0;
  unsigned max_levels = 50;
};
// Louvain: local moving in seeded random order, then aggregation, until nothing moves.
Partition louvain(const SimpleGraph& g, const CommunityOptions& options = {});
// Leiden (Traag, Waltman and van Eck 2019): fast local moving, refinement within communities
// (randomness 0.01), aggregation of the refined partition. Every community is connected.
Partition leiden(const SimpleGraph& g, const CommunityOptions& options = {});
// Asynchronous label propagation in seeded random order, ties broken by the seeded stream.
Partition label_propagation(const SimpleGraph& g, const CommunityOptions& options = {});

struct Clustering {
  Partition partition;
  std::optional<double> modularity;  // for partitions of every vertex (not k-cores)
  std::optional<std::uint32_t> k;    // the k of a k-core
};
// Runs `method`; for kcore, k = 0 means the largest k with a non-empty core.
Clustering cluster(const SimpleGraph& g, ClusterMethod method, const CommunityOptions& options, std::uint32_t k = 0);

// Renumbers any labelling (kNoCommunity kept) by size, ties by smallest member.
Partition canonical_partition(const std::vector<std::uint32_t>& labels);

}  // namespace hallyu::algo
