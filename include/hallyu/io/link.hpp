// Entity linking: matches incoming entities (an import) to the entities of an existing graph, so that
// one person, group or company is one entity after the two are merged. Rules, in order:
// 1. the same id (and a compatible kind: idol and actor are both people) links;
// 2. otherwise candidates are existing entities of a compatible kind sharing a name, an alias or a
//    Hangul name with the incoming one (compared ignoring case, spacing and punctuation), and a
//    candidate is linked only when evidence confirms it and nothing contradicts it: the same birth
//    year, debut year or drama year, or a neighbour already linked (the same group, agency, member,
//    drama or song on both sides). A different birth, debut or drama year rules a candidate out, and so
//    do memberships: a person who is a member of groups on both sides, none of which can be the same
//    group (linked to it, or sharing a name with it), is a namesake (LOONA's Hyunjin is not Stray Kids').
//    Evidence through neighbours grows as links are made, so linking repeats until nothing changes.
// A bare name match is never linked: with no confirmed candidate the entity stays new, and it is
// reported as ambiguous with the candidates' ids when names matched.
// Links confirmed by hand (LinkOptions::same) come before the rules, for what they cannot see: a
// renamed agency, a birth year one side has wrong. Several incoming entities linked to one existing
// entity (kpopnet's "SM" and "SM Entertainment", each listed) become one entity in the linked dataset;
// an existing entity linked by hand takes no link by the rules.
// The linked dataset reuses existing ids, keeps the existing name (other spellings become aliases),
// and leaves out incoming attributes that disagree with existing ones (each reported), so that loading
// it next to the existing data merges without conflicts. A relation between two linked entities that
// leaves out an identity attribute (a signed_to without `since`) takes it from the one existing
// relation of those ends and type that agrees on the rest, so the same fact is not stated twice.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::io {

struct LinkReport {
  struct Linked {
    std::string incoming_id, existing_id, name;
    std::vector<std::string> evidence;  // "same id", "birth_year 1996", "member_of blackpink", ...
  };
  struct Ambiguous {
    std::string incoming_id, name;
    std::vector<std::string> candidates;  // existing ids
    std::string reason;                   // "name only, no evidence", "several confirmed", "ruled out: birth_year ..."
  };
  std::vector<Linked> linked;
  std::vector<std::string> created;  // incoming ids kept as new entities (ambiguous ones included)
  std::vector<Ambiguous> ambiguous;
  std::vector<std::string> dropped;  // attributes left out because the existing data says otherwise
};

struct LinkOptions {
  // (incoming id, existing id) pairs audited by hand; each is linked with the evidence "confirmed by hand".
  std::vector<std::pair<std::string, std::string>> same;
};

struct LinkResult {
  Dataset dataset;
  LinkReport report;
};

LinkResult link_dataset(Dataset incoming, const Graph& existing, const LinkOptions& options = {});

}  // namespace hallyu::io
