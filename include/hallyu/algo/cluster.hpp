// The cluster methods by name (components, kcore, louvain, leiden, label-propagation) and one
// dispatcher that runs a method and reports modularity where the result partitions every vertex.
#pragma once

#include <optional>
#include <string_view>

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

enum class ClusterMethod { components, kcore, louvain, leiden, label_propagation };
ClusterMethod parse_cluster_method(std::string_view name);  // throws UsageError
std::string_view to_string(ClusterMethod method);

struct Clustering {
  Partition partition;
  std::optional<double> modularity;  // for partitions of every vertex (not k-cores)
  std::optional<std::uint32_t> k;    // the k of a k-core
};
// Runs `method`; for kcore, k = 0 means the largest k with a non-empty core.
Clustering cluster(const SimpleGraph& g, ClusterMethod method, const CommunityOptions& options, std::uint32_t k = 0);

}  // namespace hallyu::algo
