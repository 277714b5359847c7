// Cross-promotion patterns the K-culture industry talks about, each found in the graph and said in
// words: idols who act, performers who sing an OST of their own drama, groups whose OSTs accompany
// their members' dramas, members of one group co-starring, agencies whose artists cluster on
// particular dramas and networks, and singers who specialise in OSTs.
#pragma once

#include <string>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/algo/relation_years.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct IdolActor {
  VertexId idol;
  std::vector<VertexId> dramas;  // distinct, newest first
  std::string text;
};
struct SelfOst {
  VertexId performer, ost, drama;
  std::string text;
};
struct GroupSynergy {
  VertexId group, ost, drama;
  std::vector<VertexId> members;  // current members who acted in the drama
  std::string text;
};
struct CoStarring {
  VertexId group, drama;
  std::vector<VertexId> members;  // at least two
  std::string text;
};
struct AgencyDrama {
  VertexId agency, drama;
  std::vector<VertexId> artists;  // the agency's artists in the drama (cast or OST singers)
  std::size_t involved = 0;       // everyone in the drama (cast and OST singers)
  double share = 0;               // artists.size() / involved
  std::string text;
};
struct AgencyNetwork {
  VertexId agency, network;
  std::size_t credits = 0;        // acting credits of the agency's artists on that network, under contract
  std::size_t artists = 0;        // distinct artists behind those credits
  std::size_t total_credits = 0;  // all their acting credits under contract with the agency
  double share = 0;               // credits / total_credits
  std::string text;
};
struct OstSpecialist {
  VertexId singer;
  std::vector<VertexId> dramas;  // distinct dramas whose OSTs they sang
  std::size_t osts = 0;
  std::string text;
};

struct Crossovers {
  std::vector<IdolActor> idol_actors;        // by number of dramas, then id
  std::vector<SelfOst> self_osts;
  std::vector<GroupSynergy> group_synergy;
  std::vector<CoStarring> co_starring;
  std::vector<AgencyDrama> agency_dramas;    // by artists, then share
  std::vector<AgencyNetwork> agency_networks;  // every agency x network with enough credits, by credits
  std::vector<OstSpecialist> ost_specialists;  // by dramas, then OSTs
};

struct CrossoverOptions {
  std::size_t min_agency_artists = 2;   // an agency-drama pipeline needs this many of its artists
  std::size_t min_agency_credits = 3;   // an agency x network row needs this many credits
  std::size_t min_specialist_dramas = 2;
};

// Only relations and entities `filter` allows take part. An agency's credits respect time: a drama
// (acting credit or OST) counts for an agency only when its year falls within a contract of the
// artist with the agency, or, for a member of a group signed to it, within both the group's contract
// and the membership. A former member whose leaving year is unknown counts for no agency through the
// group (we cannot say when they were in it); a missing `since` or `until` is an open end. `spans`
// is relation_years(graph).
Crossovers find_crossovers(const Graph& graph, const TraversalFilter& filter, const std::vector<YearSpan>& spans,
                           const CrossoverOptions& options = {});
// Unfiltered.
Crossovers find_crossovers(const Graph& graph, const CrossoverOptions& options = {});

}  // namespace hallyu::algo
