// clusters: validate, build the (projected) simple graph, run the method, profile, select.
#include "hallyu/query/clusters.hpp"

#include "hallyu/error.hpp"

namespace hallyu::query {

const OperationSpec& clusters_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "clusters",
      "Find clusters: components, kcore, louvain, leiden, label-propagation",
      {{"method", T::text, "components, kcore, louvain, leiden (default), label-propagation", false, "-m"},
       {"min_size", T::integer, "List only clusters of at least this many entities", false, ""},
       {"top", T::integer, "How many clusters to list (0: all)", false, ""},
       {"central", T::integer, "How many central members to name per cluster", false, ""},
       {"seed", T::integer, "Seed for louvain, leiden and label-propagation (same seed, same clusters)", false, ""},
       {"resolution", T::real, "Modularity resolution for louvain and leiden", false, ""},
       {"rounds", T::integer,
        "louvain and leiden: at most this many rounds, each from the last one's result; fewer when a round does not "
        "raise modularity (default 20; leidenalg's default is 2)",
        false, ""},
       {"k", T::integer, "kcore: the k of the k-core (default: the largest k with a non-empty core)", false, ""},
       {"projection", T::text, "Cluster people on a projection: people or costars", false, ""}},
      "exclude_kinds agency,network clusters without the hubs that join everything; via keeps relation types."});
  return spec;
}

ClustersRequest clusters_request(const Parameters& parameters) {
  ClustersRequest request;
  if (auto v = parameters.text("method")) request.method = *v;
  if (auto v = parameters.count("min_size")) request.min_size = *v;
  if (auto v = parameters.count("top")) request.top = *v;
  if (auto v = parameters.count("central")) request.central = *v;
  if (auto v = parameters.count("seed")) request.seed = *v;
  if (auto v = parameters.real("resolution")) request.resolution = *v;
  if (auto v = parameters.count("rounds")) request.rounds = *v;
  if (auto v = parameters.count("k")) request.k = static_cast<std::uint32_t>(std::min<std::uint64_t>(*v, UINT32_MAX));
  if (auto v = parameters.text("projection")) request.projection = *v;
  request.filter = filter_request(parameters);
  return request;
}

ClustersResult clusters(const Engine& engine, const ClustersRequest& request) {
  const Graph& graph = engine.graph();
  ClustersResult result{algo::parse_cluster_method(request.method), algo::SimpleGraph({}, {}), {}, {}, {}, 0, request};
  // Modularity's resolution: 0 makes every merge a gain and large values split everything; beyond
  // 100 no dataset here has a meaningful answer.
  check_range("resolution", request.resolution, 0.001, 100.0);
  check_range("central", request.central, 0, 1000);
  check_range("rounds", request.rounds, 1, 100);
  algo::TraversalFilter filter = engine.filter(request.filter);
  result.simple = request.projection.empty() ? algo::simple_graph(graph, filter)
                                             : algo::project(graph, algo::parse_projection(request.projection), filter);
  algo::CommunityOptions options{request.seed, request.resolution, 50, static_cast<unsigned>(request.rounds)};
  result.clustering = algo::cluster(result.simple, result.method, options, request.k);
  result.profiles = algo::profile_clusters(graph, result.simple, result.clustering.partition);
  for (std::size_t i = 0; i < result.profiles.size(); ++i) {
    if (result.profiles[i].members.size() < request.min_size) continue;
    ++result.eligible;
    if (request.top == 0 || result.shown.size() < request.top) result.shown.push_back(i);
  }
  return result;
}

std::vector<VertexId> cluster_members(const ClustersResult& result, long long id) {
  const algo::Partition& partition = result.clustering.partition;
  if (id < 0 || id >= partition.count) {
    throw UsageError("there is no cluster " + std::to_string(id) + "; " + std::string(algo::to_string(result.method)) +
                     " found " + std::to_string(partition.count) + " (0 to " +
                     std::to_string(static_cast<long long>(partition.count) - 1) + ")");
  }
  std::vector<VertexId> members;
  for (std::uint32_t i = 0; i < result.simple.size(); ++i) {
    if (partition.community[i] == static_cast<std::uint32_t>(id)) members.push_back(result.simple.original(i));
  }
  return members;
}

}  // namespace hallyu::query
