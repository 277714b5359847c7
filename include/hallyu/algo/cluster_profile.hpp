// What characterises a cluster: its most central members, the kinds it is made of, the agencies its
// artists are signed to, the networks its dramas aired on, and the years of its works.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct Tally {
  VertexId vertex;
  std::size_t count;
};

struct ClusterProfile {
  std::uint32_t community = 0;
  std::vector<VertexId> members;          // all, by internal degree (desc), then id
  std::vector<std::uint32_t> internal_degree;  // parallel to members
  std::array<std::size_t, kKindCount> kinds{};
  std::vector<Tally> agencies;            // agencies of member artists (signed_to), most first
  std::vector<Tally> networks;            // networks of member dramas (aired_on), most first
  std::optional<long long> first_year, last_year, median_year;  // of member dramas and OSTs
};

// Profiles of every community of `partition` over `simple` (whose vertices map to `graph`).
std::vector<ClusterProfile> profile_clusters(const Graph& graph, const SimpleGraph& simple, const Partition& partition);

}  // namespace hallyu::algo
