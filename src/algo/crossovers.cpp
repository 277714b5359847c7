// Crossover patterns between music and drama, found in one pass over the relations.
#include "hallyu/algo/crossovers.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace hallyu::algo {
namespace {

std::string name(const Graph& g, VertexId v) { return g.entity(v).name; }
std::string song(const Graph& g, VertexId v) { return "'" + g.entity(v).name + "'"; }

std::string names(const Graph& g, const std::vector<VertexId>& vs, std::size_t limit = 6) {
  std::string out;
  for (std::size_t i = 0; i < vs.size() && i < limit; ++i) {
    out += i == 0 ? "" : (i + 1 == vs.size() ? " and " : ", ");
    out += g.entity(vs[i]).name;
  }
  if (vs.size() > limit) out += " and " + std::to_string(vs.size() - limit) + " more";
  return out;
}

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

bool by_id(const Graph& g, VertexId a, VertexId b) { return g.entity(a).id < g.entity(b).id; }

// The graph's relations of one type, indexed both ways.
struct Index {
  std::vector<std::vector<VertexId>> out, in;
  Index(const Graph& g, RelationType type, bool skip_former = false) : out(g.entity_count()), in(g.entity_count()) {
    for (const Relation& r : g.relations()) {
      if (r.type != type) continue;
      if (skip_former) {
        auto status = attribute_text(r.attributes, "status");
        if (status && *status == "former") continue;
      }
      out[r.from].push_back(r.to);
      in[r.to].push_back(r.from);
    }
    for (auto& list : out) std::sort(list.begin(), list.end()), list.erase(std::unique(list.begin(), list.end()), list.end());
    for (auto& list : in) std::sort(list.begin(), list.end()), list.erase(std::unique(list.begin(), list.end()), list.end());
  }
};

bool contains(const std::vector<VertexId>& sorted, VertexId v) { return std::binary_search(sorted.begin(), sorted.end(), v); }

}  // namespace

Crossovers find_crossovers(const Graph& g, const CrossoverOptions& options) {
  Crossovers result;
  Index acted(g, RelationType::acted_in), performed(g, RelationType::performed), ost_of(g, RelationType::ost_of);
  Index members_now(g, RelationType::member_of, true), signed_to(g, RelationType::signed_to), aired(g, RelationType::aired_on);
  auto year = [&](VertexId drama) { return attribute_integer(g.entity(drama).attributes, "year").value_or(0); };

  for (VertexId v = 0; v < g.entity_count(); ++v) {
    if (g.kind(v) != Kind::idol || acted.out[v].empty()) continue;
    IdolActor row{v, acted.out[v], {}};
    std::sort(row.dramas.begin(), row.dramas.end(), [&](VertexId a, VertexId b) {
      return year(a) != year(b) ? year(a) > year(b) : by_id(g, a, b);
    });
    row.text = name(g, v) + " acted in " + std::to_string(row.dramas.size()) + (row.dramas.size() == 1 ? " drama: " : " dramas: ") +
               names(g, row.dramas);
    result.idol_actors.push_back(std::move(row));
  }
  std::sort(result.idol_actors.begin(), result.idol_actors.end(), [&](const IdolActor& a, const IdolActor& b) {
    return a.dramas.size() != b.dramas.size() ? a.dramas.size() > b.dramas.size() : by_id(g, a.idol, b.idol);
  });

  // OST -> performers and dramas drive the next three patterns.
  for (VertexId ost = 0; ost < g.entity_count(); ++ost) {
    if (g.kind(ost) != Kind::ost) continue;
    for (VertexId drama : ost_of.out[ost]) {
      for (VertexId performer : performed.in[ost]) {
        if (contains(acted.in[drama], performer)) {
          result.self_osts.push_back({performer, ost, drama,
                                      name(g, performer) + " sang " + song(g, ost) + " for " + name(g, drama) +
                                          ", a drama they acted in"});
        }
        if (g.kind(performer) == Kind::group) {
          std::vector<VertexId> in_cast;
          for (VertexId member : members_now.in[performer]) {
            if (contains(acted.in[drama], member)) in_cast.push_back(member);
          }
          if (!in_cast.empty()) {
            result.group_synergy.push_back({performer, ost, drama, in_cast,
                                            name(g, performer) + " sang " + song(g, ost) + " for " + name(g, drama) +
                                                ", starring " + (in_cast.size() == 1 ? "its member " : "its members ") +
                                                names(g, in_cast)});
          }
        }
      }
    }
  }
  for (VertexId group = 0; group < g.entity_count(); ++group) {
    if (g.kind(group) != Kind::group) continue;
    std::map<VertexId, std::vector<VertexId>> by_drama;
    for (VertexId member : members_now.in[group]) {
      for (VertexId drama : acted.out[member]) by_drama[drama].push_back(member);
    }
    for (auto& [drama, cast] : by_drama) {
      if (cast.size() < 2) continue;
      result.co_starring.push_back({group, drama, cast,
                                    names(g, cast) + " of " + name(g, group) + " co-starred in " + name(g, drama)});
    }
  }

  // Agencies: their artists, then where those artists meet.
  for (VertexId agency = 0; agency < g.entity_count(); ++agency) {
    if (g.kind(agency) != Kind::agency) continue;
    std::set<VertexId> artists;
    for (VertexId a : signed_to.in[agency]) {
      artists.insert(a);
      if (g.kind(a) == Kind::group) artists.insert(members_now.in[a].begin(), members_now.in[a].end());
    }
    std::map<VertexId, std::set<VertexId>> in_drama;  // drama -> the agency's artists in it
    std::map<VertexId, std::size_t> network_credits;
    std::size_t credits = 0;
    for (VertexId artist : artists) {
      for (VertexId drama : acted.out[artist]) {
        in_drama[drama].insert(artist);
        ++credits;
        for (VertexId network : aired.out[drama]) ++network_credits[network];
      }
      for (VertexId ost : performed.out[artist]) {
        for (VertexId drama : ost_of.out[ost]) in_drama[drama].insert(artist);
      }
    }
    for (auto& [drama, involved_artists] : in_drama) {
      if (involved_artists.size() < options.min_agency_artists) continue;
      std::set<VertexId> everyone(acted.in[drama].begin(), acted.in[drama].end());
      for (VertexId ost : ost_of.in[drama]) everyone.insert(performed.in[ost].begin(), performed.in[ost].end());
      AgencyDrama row{agency, drama, {involved_artists.begin(), involved_artists.end()}, everyone.size(), 0, {}};
      std::sort(row.artists.begin(), row.artists.end(), [&](VertexId a, VertexId b) { return by_id(g, a, b); });
      row.share = static_cast<double>(row.artists.size()) / static_cast<double>(std::max<std::size_t>(1, row.involved));
      row.text = name(g, agency) + " had " + std::to_string(row.artists.size()) + " of the " + std::to_string(row.involved) +
                 " artists in " + name(g, drama) + " (" + percent(row.share) + "): " + names(g, row.artists);
      result.agency_dramas.push_back(std::move(row));
    }
    if (credits >= options.min_agency_credits && !network_credits.empty()) {
      auto top = std::max_element(network_credits.begin(), network_credits.end(), [&](const auto& a, const auto& b) {
        return a.second != b.second ? a.second < b.second : by_id(g, b.first, a.first);
      });
      AgencyNetwork row{agency, top->first, top->second, credits, static_cast<double>(top->second) / static_cast<double>(credits), {}};
      row.text = percent(row.share) + " of the acting credits of " + name(g, agency) + "'s artists (" + std::to_string(row.credits) +
                 " of " + std::to_string(credits) + ") are dramas that aired on " + name(g, row.network);
      result.agency_networks.push_back(std::move(row));
    }
  }
  std::sort(result.agency_dramas.begin(), result.agency_dramas.end(), [&](const AgencyDrama& a, const AgencyDrama& b) {
    if (a.artists.size() != b.artists.size()) return a.artists.size() > b.artists.size();
    if (a.share != b.share) return a.share > b.share;
    return std::make_pair(g.entity(a.agency).id, g.entity(a.drama).id) < std::make_pair(g.entity(b.agency).id, g.entity(b.drama).id);
  });
  std::sort(result.agency_networks.begin(), result.agency_networks.end(), [&](const AgencyNetwork& a, const AgencyNetwork& b) {
    if (a.share != b.share) return a.share > b.share;
    if (a.credits != b.credits) return a.credits > b.credits;
    return by_id(g, a.agency, b.agency);
  });

  for (VertexId singer = 0; singer < g.entity_count(); ++singer) {
    if (performed.out[singer].empty()) continue;
    std::set<VertexId> dramas;
    for (VertexId ost : performed.out[singer]) dramas.insert(ost_of.out[ost].begin(), ost_of.out[ost].end());
    if (dramas.size() < options.min_specialist_dramas) continue;
    OstSpecialist row{singer, {dramas.begin(), dramas.end()}, performed.out[singer].size(), {}};
    std::sort(row.dramas.begin(), row.dramas.end(), [&](VertexId a, VertexId b) {
      return year(a) != year(b) ? year(a) > year(b) : by_id(g, a, b);
    });
    row.text = name(g, singer) + " sang " + std::to_string(row.osts) + " OSTs for " + std::to_string(row.dramas.size()) +
               " dramas: " + names(g, row.dramas);
    result.ost_specialists.push_back(std::move(row));
  }
  std::sort(result.ost_specialists.begin(), result.ost_specialists.end(), [&](const OstSpecialist& a, const OstSpecialist& b) {
    if (a.dramas.size() != b.dramas.size()) return a.dramas.size() > b.dramas.size();
    if (a.osts != b.osts) return a.osts > b.osts;
    return by_id(g, a.singer, b.singer);
  });
  return result;
}

}  // namespace hallyu::algo
