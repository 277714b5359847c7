// clusters: components, k-cores and modularity communities, each profiled.
#pragma once

#include "hallyu/algo/cluster.hpp"
#include "hallyu/algo/cluster_profile.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct ClustersRequest {
  std::string method = "leiden";
  std::size_t min_size = 1;
  std::size_t top = 10;     // clusters listed (0: all)
  std::size_t central = 5;  // central members named per cluster
  std::uint64_t seed = 1;
  double resolution = 1.0;
  std::uint64_t rounds = 20;  // louvain, leiden: see algo::CommunityOptions::max_rounds
  std::uint32_t k = 0;  // kcore (0: the largest k with a non-empty core)
  std::string projection;
  FilterRequest filter;
};
struct ClustersResult {
  algo::ClusterMethod method = algo::ClusterMethod::leiden;
  algo::SimpleGraph simple;
  algo::Clustering clustering;
  std::vector<algo::ClusterProfile> profiles;  // every cluster, in partition order
  std::vector<std::size_t> shown;              // indices into profiles: at least min_size, at most top
  std::size_t eligible = 0;                    // clusters of at least min_size
  ClustersRequest request;
};
const OperationSpec& clusters_spec();
ClustersRequest clusters_request(const Parameters& parameters);
ClustersResult clusters(const Engine& engine, const ClustersRequest& request);
// The members (graph vertices) of cluster `id` of a result, or a UsageError naming the valid range.
std::vector<VertexId> cluster_members(const ClustersResult& result, long long id);

}  // namespace hallyu::query
