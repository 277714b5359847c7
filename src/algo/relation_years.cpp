// When each relation holds: the dataset's dates read once, by relation type.
#include "hallyu/algo/relation_years.hpp"

#include <algorithm>
#include <charconv>

namespace hallyu::algo {
namespace {

std::optional<int> parse_year(std::string_view text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || year < kEarliestYear || year > kLatestYear) {
    return std::nullopt;
  }
  return year;
}

YearSpan point(int year) {
  YearSpan span;
  span.first = span.last = static_cast<std::int16_t>(year);
  span.dated = true;
  return span;
}

std::optional<int> entity_year(const Graph& g, VertexId v) { return year_attribute(g.entity(v).attributes, "year"); }

// The first year among the dramas an OST belongs to.
std::optional<int> ost_drama_year(const Graph& g, VertexId ost) {
  std::optional<int> best;
  for (Graph::Arc arc : g.arcs(ost)) {
    const Relation& rel = g.relation(arc.relation);
    if (rel.type != RelationType::ost_of || rel.from != ost) continue;
    if (auto y = entity_year(g, rel.to); y && (!best || *y < *best)) best = y;
  }
  return best;
}

}  // namespace

std::optional<int> year_attribute(const Attributes& attributes, std::string_view key) {
  for (const Attribute& a : attributes) {
    if (a.key != key) continue;
    std::string_view text = a.json;
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    return parse_year(text);
  }
  return std::nullopt;
}

YearSpan interval_of(const Attributes& attributes) {
  YearSpan span;
  span.interval = true;
  std::optional<int> since = year_attribute(attributes, "since"), until = year_attribute(attributes, "until");
  if (!since && !until) {
    // The older spelling: "years": "2008-2017" (or "2008-" for an open end).
    for (const Attribute& a : attributes) {
      if (a.key != "years" || a.json.size() < 2 || a.json.front() != '"') continue;
      std::string_view text = std::string_view(a.json).substr(1, a.json.size() - 2);
      std::size_t dash = text.find('-');
      if (dash == std::string_view::npos) {
        since = until = parse_year(text);
      } else {
        since = parse_year(text.substr(0, dash));
        until = parse_year(text.substr(dash + 1));
      }
    }
  }
  if (since) span.first = static_cast<std::int16_t>(*since);
  if (until) span.last = static_cast<std::int16_t>(*until);
  span.dated = since || until;
  return span;
}

YearSpan relation_year_span(const Graph& g, RelationId r) {
  const Relation& rel = g.relation(r);
  if (rel.type == RelationType::member_of || rel.type == RelationType::signed_to) return interval_of(rel.attributes);
  if (auto own = year_attribute(rel.attributes, "year")) return point(*own);
  std::optional<int> year;
  switch (rel.type) {
    case RelationType::acted_in:
      year = entity_year(g, rel.to);
      break;
    case RelationType::aired_on: {
      // A drama that ran for several seasons airs through its last_year.
      year = entity_year(g, rel.from);
      auto last = year_attribute(g.entity(rel.from).attributes, "last_year");
      if (year && last && *last > *year) {
        YearSpan span = point(*year);
        span.last = static_cast<std::int16_t>(*last);
        return span;
      }
      break;
    }
    case RelationType::performed:
      year = entity_year(g, rel.to);
      if (!year) year = ost_drama_year(g, rel.to);
      break;
    case RelationType::ost_of:
      year = entity_year(g, rel.from);
      if (!year) year = entity_year(g, rel.to);
      break;
    default:
      break;
  }
  return year ? point(*year) : YearSpan{};
}

std::vector<YearSpan> relation_years(const Graph& g) {
  std::vector<YearSpan> spans(g.relation_count());
  for (RelationId r = 0; r < spans.size(); ++r) spans[r] = relation_year_span(g, r);
  return spans;
}

}  // namespace hallyu::algo
