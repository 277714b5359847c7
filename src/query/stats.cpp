// stats: counts by kind and relation type, components and sources; per-year activity on request.
#include "hallyu/query/stats.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "hallyu/algo/components.hpp"

namespace hallyu::query {
namespace {

std::vector<std::pair<VertexId, std::size_t>> ranked(const Graph& graph,
                                                     const std::map<VertexId, std::size_t>& counts) {
  std::vector<std::pair<VertexId, std::size_t>> out(counts.begin(), counts.end());
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : graph.entity(a.first).id < graph.entity(b.first).id;
  });
  return out;
}

algo::YearSpan at(int year) {
  algo::YearSpan span;
  span.first = span.last = static_cast<std::int16_t>(year);
  span.dated = true;
  return span;
}

void count_by_year(const Engine& engine, const algo::YearWindow& window, StatsResult& result) {
  const Graph& g = engine.graph();
  const std::vector<algo::YearSpan>& spans = engine.relation_years();
  std::map<int, YearCounts> years;
  std::map<int, std::map<VertexId, std::size_t>> per_network;
  std::map<VertexId, std::size_t> networks;
  auto entity_year = [&](VertexId v) { return algo::year_attribute(g.entity(v).attributes, "year"); };
  auto row = [&](int year) -> YearCounts& {
    YearCounts& r = years[year];
    r.year = year;
    return r;
  };
  for (VertexId v = 0; v < g.entity_count(); ++v) {
    if (g.kind(v) == Kind::drama) {
      auto year = entity_year(v);
      if (!year || !window.allows(at(*year))) continue;
      ++row(*year).dramas;
      std::set<VertexId> aired;
      for (Graph::Arc arc : g.arcs(v)) {
        const Relation& rel = g.relation(arc.relation);
        if (rel.type == RelationType::aired_on && rel.from == v) aired.insert(rel.to);
      }
      for (VertexId network : aired) ++per_network[*year][network], ++networks[network];
    } else if (g.kind(v) == Kind::ost) {
      auto year = entity_year(v);
      for (Graph::Arc arc : g.arcs(v)) {
        const Relation& rel = g.relation(arc.relation);
        if (!year && rel.type == RelationType::ost_of && rel.from == v && spans[arc.relation].dated) {
          year = spans[arc.relation].first;
        }
      }
      if (year && window.allows(at(*year))) ++row(*year).osts;
    }
  }
  std::set<std::pair<VertexId, VertexId>> castings;
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const Relation& rel = g.relation(r);
    if (rel.type != RelationType::acted_in || !spans[r].dated || !window.allows(spans[r])) continue;
    if (!castings.insert({rel.from, rel.to}).second) continue;  // two roles in one drama: one casting
    YearCounts& counts = row(spans[r].first);
    ++(g.kind(rel.from) == Kind::idol ? counts.idol_castings : counts.actor_castings);
  }
  for (auto& [year, counts] : years) {
    counts.networks = ranked(g, per_network[year]);
    result.by_year.push_back(std::move(counts));
  }
  result.networks = ranked(g, networks);
}

}  // namespace

const OperationSpec& stats_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = [] {
    OperationSpec s{
        "stats",
        "Count entities and relations by kind and type, and components; by_year: activity per year",
        {{"by_year", T::flag, "Per year: dramas, OSTs, idol and actor castings, dramas per network", false, ""}},
        "With years or as_of, relations and components count only those the window keeps, and by_year "
        "lists only its years."};
    for (ParameterSpec& p : years_parameters()) s.parameters.push_back(std::move(p));
    return s;
  }();
  return spec;
}

StatsRequest stats_request(const Parameters& parameters) {
  StatsRequest request;
  request.by_year = parameters.flag("by_year");
  request.time = years_request(parameters);
  return request;
}

StatsResult stats(const Engine& engine, const StatsRequest& request) {
  const Graph& graph = engine.graph();
  algo::YearWindow window = year_window(request.time);
  FilterRequest only_time;
  only_time.time = request.time;
  algo::TraversalFilter filter = engine.filter(only_time);
  StatsResult result;
  result.windowed = window.active();
  result.entities = graph.entity_count();
  for (const Entity& e : graph.entities()) ++result.by_kind[static_cast<std::size_t>(e.kind)];
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    if (!filter.allows_relation(graph, r)) continue;
    ++result.relations;
    ++result.by_type[static_cast<std::size_t>(graph.relation(r).type)];
  }
  algo::Components components = algo::connected_components(graph, filter);
  result.components = components.sizes.size();
  result.largest_component = components.sizes.empty() ? 0 : components.sizes.front();
  result.sources = graph.sources();
  result.by_year_requested = request.by_year;
  if (request.by_year) count_by_year(engine, window, result);
  return result;
}

}  // namespace hallyu::query
