// Cluster profiles: central members, kinds, agencies, networks and years of each community.
#include "hallyu/algo/cluster_profile.hpp"

#include <algorithm>
#include <map>

namespace hallyu::algo {
namespace {

std::vector<Tally> ranked(const Graph& graph, const std::map<VertexId, std::size_t>& counts) {
  std::vector<Tally> out;
  for (auto [v, c] : counts) out.push_back({v, c});
  std::sort(out.begin(), out.end(), [&](const Tally& a, const Tally& b) {
    return a.count != b.count ? a.count > b.count : graph.entity(a.vertex).id < graph.entity(b.vertex).id;
  });
  return out;
}

}  // namespace

std::vector<ClusterProfile> profile_clusters(const Graph& graph, const SimpleGraph& simple, const Partition& partition) {
  std::vector<ClusterProfile> profiles(partition.count);
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> members(partition.count);  // (local, internal degree)
  for (std::uint32_t v = 0; v < simple.size(); ++v) {
    std::uint32_t c = partition.community[v];
    if (c == kNoCommunity) continue;
    std::uint32_t internal = 0;
    for (std::uint32_t u : simple.neighbors(v)) internal += partition.community[u] == c;
    members[c].emplace_back(v, internal);
  }
  for (std::uint32_t c = 0; c < partition.count; ++c) {
    ClusterProfile& p = profiles[c];
    p.community = c;
    auto& list = members[c];
    std::sort(list.begin(), list.end(), [&](auto a, auto b) {
      if (a.second != b.second) return a.second > b.second;
      return graph.entity(simple.original(a.first)).id < graph.entity(simple.original(b.first)).id;
    });
    std::map<VertexId, std::size_t> agencies, networks;
    std::vector<long long> years;
    for (auto [local, internal] : list) {
      VertexId v = simple.original(local);
      p.members.push_back(v);
      p.internal_degree.push_back(internal);
      Kind kind = graph.kind(v);
      ++p.kinds[static_cast<std::size_t>(kind)];
      if (kind == Kind::drama || kind == Kind::ost) {
        if (auto year = attribute_integer(graph.entity(v).attributes, "year")) years.push_back(*year);
      }
      // Context from the whole graph, even where the clustering left agencies and networks out.
      for (Graph::Arc arc : graph.arcs(v)) {
        const Relation& rel = graph.relation(arc.relation);
        if (rel.type == RelationType::signed_to && rel.from == v) ++agencies[rel.to];
        if (rel.type == RelationType::aired_on && rel.from == v) ++networks[rel.to];
      }
    }
    p.agencies = ranked(graph, agencies);
    p.networks = ranked(graph, networks);
    if (!years.empty()) {
      std::sort(years.begin(), years.end());
      p.first_year = years.front();
      p.last_year = years.back();
      p.median_year = years[years.size() / 2];
    }
  }
  return profiles;
}

}  // namespace hallyu::algo
