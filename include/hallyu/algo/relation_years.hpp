// When each relation holds, in whole years, and the year window a request keeps. One reading of the
// dataset's dates serves the time filter, the agency statistics, timelines and the plausibility check:
//   acted_in            its `year`, else the drama's `year`                       (a point)
//   performed, ost_of   its `year`, else the OST's `year`, else its drama's year  (a point)
//   aired_on            its `year`, else the drama's `year` (the year it first aired) through its
//                       `last_year` when it ran for several seasons (a point or a range)
//   member_of, signed_to `since`..`until` (or the older `years: "2008-2017"`); a missing end is open
//   anything else       its `year` when it has one
// A relation none of these dates is undated.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::algo {

inline constexpr int kEarliestYear = 1800;  // the years the schema allows
inline constexpr int kLatestYear = 2200;

struct YearSpan {
  std::int16_t first = kEarliestYear;  // inclusive; kEarliestYear when the start is open
  std::int16_t last = kLatestYear;     // inclusive; kLatestYear when the end is open
  bool dated = false;                  // false: nothing in the data places it in time
  bool interval = false;               // member_of, signed_to: since..until rather than one year
  bool contains(int year) const { return first <= year && year <= last; }
};

// The span of every relation, indexed by RelationId. O(relations); computed once per graph.
std::vector<YearSpan> relation_years(const Graph& graph);
// The span of one relation (as relation_years()[r]).
YearSpan relation_year_span(const Graph& graph, RelationId r);

// A whole-number year attribute: a JSON number or a string of digits ("2016"); nullopt otherwise.
std::optional<int> year_attribute(const Attributes& attributes, std::string_view key);
// The interval of a member_of or signed_to relation from its attributes (since/until, else years).
YearSpan interval_of(const Attributes& attributes);

// The years a request keeps (see datasets/SCHEMA.md, "Time"):
//   years first..last: a dated relation is kept when its year is in the range, an interval when it
//                      overlaps the range;
//   as_of Y:           the world as it stood in Y: events of Y or before, intervals in force in Y;
//   undated relations are kept (nothing says they did not hold) unless `strict`.
struct YearWindow {
  int first = kEarliestYear, last = kLatestYear;
  std::optional<int> as_of;
  bool strict = false;
  bool active() const { return first != kEarliestYear || last != kLatestYear || as_of.has_value() || strict; }
  bool allows(const YearSpan& span) const {
    if (!span.dated) return !strict;
    if (span.last < first || span.first > last) return false;
    if (as_of) {
      if (span.first > *as_of) return false;
      if (span.interval && span.last < *as_of) return false;
    }
    return true;
  }
};

}  // namespace hallyu::algo
