// Plausibility of a loaded dataset's dates: facts that load fine but cannot all be true, usually a
// typo in a year or a relation linked to the wrong namesake. `hallyu check` prints them with the
// records' places.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hallyu/algo/relation_years.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct PlausibilityOptions {
  int min_age_at_first_credit = 6;     // acting or singing before birth_year + this is implausible
  int max_drama_year_gap = 1;          // an acted_in year this far from its drama's years is implausible
  std::size_t max_leads_per_year = 3;  // more leading roles in dramas of one year suggests a namesake
};

// The warning classes, by name (stable: tests and scripts use them).
inline constexpr const char* kCreditBeforeAge = "credit-before-age";
inline constexpr const char* kCreditOutsideDrama = "credit-outside-drama-years";
inline constexpr const char* kMemberBeforeDebut = "member-before-debut";
inline constexpr const char* kUntilBeforeSince = "until-before-since";
inline constexpr const char* kStatusDisagrees = "status-disagrees-with-until";
inline constexpr const char* kCurrentOfDisbanded = "current-member-of-disbanded";
inline constexpr const char* kManyLeads = "many-leads-in-one-year";

struct Finding {
  std::string check;                   // one of the k... names above
  std::optional<RelationId> relation;  // the relation at fault, when one is
  std::optional<VertexId> entity;      // else the entity at fault
  std::string message;                 // one line, without the place
};

// Every finding, in relation order then entity order. `spans` is relation_years(graph).
std::vector<Finding> plausibility_findings(const Graph& graph, const std::vector<YearSpan>& spans,
                                           const PlausibilityOptions& options = {});

}  // namespace hallyu::algo
