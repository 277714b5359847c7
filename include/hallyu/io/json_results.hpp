// The JSON shapes of results, shared by the CLI's --json and the HTTP API so both say the same thing.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "hallyu/algo/cluster_profile.hpp"
#include "hallyu/algo/crossovers.hpp"
#include "hallyu/algo/ego_network.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/algo/simple_graph.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"

namespace hallyu::io {

// {"entities","relations","by_kind","by_type","components","largest_component","sources"}
void write_stats(JsonWriter& out, const Graph& graph);
// {"id","name","kind","aliases","attributes","degree","relations":[...]}, relations in reading order
void write_entity_detail(JsonWriter& out, const Graph& graph, VertexId v);
std::vector<RelationId> ordered_relations(const Graph& graph, VertexId v);
// {"query","results":[{"id","name","kind","matched","match"}]}
void write_search(JsonWriter& out, const Graph& graph, std::string_view query, const std::vector<SearchHit>& hits);
std::string_view match_name(int rank);
// {"center","radius","truncated","nodes":[{"id","name","kind","distance","via"}],"relations":[{"from","to","type"}]}
void write_neighbors(JsonWriter& out, const Graph& graph, const algo::EgoNetwork& ego, unsigned radius, KindSet listed);
// {"from","to",["total"],"paths":[{"length","nodes":[...],"edges":[...]}]}
void write_paths(JsonWriter& out, const Graph& graph, VertexId from, VertexId to, const std::vector<algo::Path>& paths,
                 std::optional<std::uint64_t> total);
struct ApproximationInfo {
  double epsilon, delta;
  std::uint64_t samples, seed;
};
// {"metric","entities","relations",["approximate"],"scores":[{"id","name","kind","score"}]}
void write_centrality(JsonWriter& out, const Graph& graph, const algo::SimpleGraph& simple, std::string_view metric,
                      const std::vector<double>& scores, const std::vector<std::uint32_t>& listed,
                      const std::optional<ApproximationInfo>& approximate);
// Local vertices of `simple` whose kind is in `kinds`, by score (desc) then id; at most `top` (0: all).
std::vector<std::uint32_t> ranked(const Graph& graph, const algo::SimpleGraph& simple, const std::vector<double>& scores,
                                  KindSet kinds, std::size_t top);
struct ClusterSummary {
  std::string_view method;
  std::optional<double> modularity;
  std::optional<std::uint32_t> k;
  std::uint64_t seed;
  std::uint32_t total;
};
// {"method","modularity",["k"],"seed","total_clusters","clusters":[{"id","size","members","central","kinds","agencies","networks",["years"]}]}
void write_clusters(JsonWriter& out, const Graph& graph, const ClusterSummary& summary,
                    const std::vector<const algo::ClusterProfile*>& clusters, std::size_t central);
// {"idol_actors":[...],"self_osts":[...],...}: only the wanted patterns (empty: all), `top` rows each (0: all)
void write_crossovers(JsonWriter& out, const Graph& graph, const algo::Crossovers& found, const std::set<std::string>& wanted,
                      std::size_t top);
inline const std::vector<std::string> kCrossoverPatterns = {"idol-actors", "self-osts", "group-synergy", "co-starring",
                                                            "agency-pipelines", "agency-networks", "ost-specialists"};

}  // namespace hallyu::io
