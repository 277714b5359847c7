// timeline: one entity's dates and its relations' dates as events in order.
#include "hallyu/query/timeline.hpp"

#include <algorithm>

#include "hallyu/explain.hpp"

namespace hallyu::query {
namespace {

using What = TimelineEvent::What;

std::string mention(const Graph& g, VertexId v) {
  const Entity& e = g.entity(v);
  return e.kind == Kind::ost ? "'" + e.name + "'" : e.name;
}

std::string interval_text(const Graph& g, RelationId r, bool start) {
  const Relation& rel = g.relation(r);
  std::string who = mention(g, rel.from), what = mention(g, rel.to);
  if (rel.type == RelationType::member_of) return who + (start ? " joined " : " left ") + what;
  return who + (start ? " signed with " : " left ") + what;
}

}  // namespace

std::string_view to_string(TimelineEvent::What what) {
  switch (what) {
    case What::born:
      return "born";
    case What::debuted:
      return "debuted";
    case What::first_aired:
      return "first_aired";
    case What::released:
      return "released";
    case What::started:
      return "started";
    case What::ended:
      return "ended";
    case What::happened:
      return "happened";
    case What::disbanded:
      return "disbanded";
  }
  return "happened";
}

const OperationSpec& timeline_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "timeline",
      "An entity's events in order: debut, groups and agencies joined and left, dramas, OSTs, collaborations",
      {{"id", T::text, "Id, name or alias (any case; Hangul works)", true, ""}},
      "Undated relations come last (and go with strict_years). With years or as_of, only events in the window."});
  return spec;
}

TimelineRequest timeline_request(const Parameters& parameters) {
  return {parameters.required("id"), filter_request(parameters)};
}

TimelineResult timeline(const Engine& engine, const TimelineRequest& request) {
  const Graph& g = engine.graph();
  TimelineResult result;
  result.entity = engine.resolve(request.id);
  algo::TraversalFilter filter = engine.filter(request.filter);
  algo::YearWindow window = year_window(request.filter.time);
  const std::vector<algo::YearSpan>& spans = engine.relation_years();
  auto in_window = [&](std::optional<int> year) {
    if (!year) return !window.strict;
    algo::YearSpan at;
    at.first = at.last = static_cast<std::int16_t>(*year);
    at.dated = true;
    return window.allows(at);
  };
  auto add = [&](std::optional<int> year, What what, std::optional<RelationId> r, std::string text) {
    if (in_window(year)) result.events.push_back({year, what, r, std::move(text)});
  };

  const Entity& e = g.entity(result.entity);
  auto own = [&](const char* key) { return algo::year_attribute(e.attributes, key); };
  if (auto y = own("birth_year")) add(y, What::born, std::nullopt, e.name + " was born");
  if (auto y = own("debut_year")) add(y, What::debuted, std::nullopt, e.name + " debuted");
  if (auto y = own("year")) {
    if (e.kind == Kind::drama) add(y, What::first_aired, std::nullopt, e.name + " first aired");
    if (e.kind == Kind::ost) add(y, What::released, std::nullopt, mention(g, result.entity) + " was released");
  }
  if (auto y = own("disbanded_year")) add(y, What::disbanded, std::nullopt, e.name + " disbanded");

  std::vector<RelationId> seen;
  for (Graph::Arc arc : g.arcs(result.entity)) {
    RelationId r = arc.relation;
    if (std::find(seen.begin(), seen.end(), r) != seen.end()) continue;  // a relation has one arc per end
    seen.push_back(r);
    if (!filter.allows(g, arc)) continue;
    const algo::YearSpan& span = spans[r];
    if (!span.dated) {
      add(std::nullopt, What::happened, r, describe_relation(g, r));
    } else if (span.interval) {
      if (span.first != algo::kEarliestYear) add(int{span.first}, What::started, r, interval_text(g, r, true));
      if (span.last != algo::kLatestYear) add(int{span.last}, What::ended, r, interval_text(g, r, false));
    } else {
      add(int{span.first}, What::happened, r, describe_relation(g, r));
    }
  }
  std::stable_sort(result.events.begin(), result.events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    if (a.year.has_value() != b.year.has_value()) return a.year.has_value();
    if (a.year != b.year) return *a.year < *b.year;
    if (a.what != b.what) return a.what < b.what;
    return a.text < b.text;
  });
  return result;
}

}  // namespace hallyu::query
