// Plausibility checks over a loaded graph's dates: one pass over relations, one over people's leads.
#include "hallyu/algo/plausibility.hpp"

#include <algorithm>
#include <map>

namespace hallyu::algo {
namespace {

std::string label(const Graph& g, VertexId v) { return g.entity(v).name + " ('" + g.entity(v).id + "')"; }

bool is_person(Kind kind) { return kind == Kind::idol || kind == Kind::actor; }

}  // namespace

std::vector<Finding> plausibility_findings(const Graph& g, const std::vector<YearSpan>& spans,
                                           const PlausibilityOptions& options) {
  std::vector<Finding> found;
  auto year_of = [&](VertexId v, const char* key) { return year_attribute(g.entity(v).attributes, key); };
  auto add = [&](const char* check, RelationId r, std::string message) {
    found.push_back({check, r, std::nullopt, std::move(message)});
  };
  // person -> year -> dramas led that year
  std::map<VertexId, std::map<int, std::vector<VertexId>>> leads;

  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const Relation& rel = g.relation(r);
    const YearSpan& span = spans[r];
    switch (rel.type) {
      case RelationType::acted_in:
      case RelationType::performed: {
        auto born = year_of(rel.from, "birth_year");
        if (span.dated && born && is_person(g.kind(rel.from)) && span.first < *born + options.min_age_at_first_credit) {
          add(kCreditBeforeAge, r,
              label(g, rel.from) + " was born in " + std::to_string(*born) + " but has a credit of " +
                  std::to_string(span.first) + " (" + std::string(to_string(rel.type)) + " " + label(g, rel.to) + ")");
        }
        if (rel.type != RelationType::acted_in) break;
        auto first = year_of(rel.to, "year");
        auto last = year_of(rel.to, "last_year");
        auto own = year_attribute(rel.attributes, "year");
        if (own && first) {
          int low = *first - options.max_drama_year_gap, high = last.value_or(*first) + options.max_drama_year_gap;
          if (*own < low || *own > high) {
            add(kCreditOutsideDrama, r,
                "acted_in year " + std::to_string(*own) + " is more than " +
                    std::to_string(options.max_drama_year_gap) + " year from the years of " + label(g, rel.to) + " (" +
                    std::to_string(*first) + (last ? "-" + std::to_string(*last) : "") + ")");
          }
        }
        auto billing = attribute_text(rel.attributes, "billing");
        if (billing && *billing == "lead" && span.dated) {
          auto& dramas = leads[rel.from][span.first];
          if (std::find(dramas.begin(), dramas.end(), rel.to) == dramas.end()) dramas.push_back(rel.to);
        }
        break;
      }
      case RelationType::member_of:
      case RelationType::signed_to: {
        auto since = year_attribute(rel.attributes, "since");
        auto until = year_attribute(rel.attributes, "until");
        auto status = attribute_text(rel.attributes, "status");
        if (since && until && *until < *since) {
          add(kUntilBeforeSince, r,
              "until " + std::to_string(*until) + " is before since " + std::to_string(*since) + " (" +
                  label(g, rel.from) + " " + std::string(to_string(rel.type)) + " " + label(g, rel.to) + ")");
        }
        bool ended = span.last != kLatestYear;
        if (ended &&
            ((status && *status == "current") || (rel.type == RelationType::member_of && status != "former"))) {
          add(kStatusDisagrees, r,
              label(g, rel.from) + " " + std::string(to_string(rel.type)) + " " + label(g, rel.to) + " has until " +
                  std::to_string(span.last) + " but status " + (status ? "'" + *status + "'" : "current (none given)"));
        }
        if (rel.type != RelationType::member_of) break;
        auto debut = year_of(rel.to, "debut_year");
        if (span.first != kEarliestYear && debut && span.first < *debut) {
          add(kMemberBeforeDebut, r,
              label(g, rel.from) + " joined " + label(g, rel.to) + " in " + std::to_string(span.first) +
                  ", before its debut in " + std::to_string(*debut));
        }
        auto disbanded = year_of(rel.to, "disbanded_year");
        if (disbanded && !ended && status != "former") {
          add(kCurrentOfDisbanded, r,
              label(g, rel.from) + " is listed as a current member of " + label(g, rel.to) + ", which disbanded in " +
                  std::to_string(*disbanded));
        }
        break;
      }
      default:
        break;
    }
  }
  for (const auto& [person, by_year] : leads) {
    for (const auto& [year, dramas] : by_year) {
      if (dramas.size() <= options.max_leads_per_year) continue;
      std::string list;
      for (VertexId d : dramas) list += (list.empty() ? "" : ", ") + g.entity(d).name;
      found.push_back({kManyLeads, std::nullopt, person,
                       label(g, person) + " has leading roles in " + std::to_string(dramas.size()) + " dramas of " +
                           std::to_string(year) + " (more than " + std::to_string(options.max_leads_per_year) +
                           "; a namesake linked by mistake?): " + list});
    }
  }
  return found;
}

}  // namespace hallyu::algo
