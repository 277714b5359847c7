// Entity linking: ids first, then names confirmed by years and by neighbours already linked.
#include "hallyu/io/link.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::io {
namespace {

bool is_person(Kind k) { return k == Kind::idol || k == Kind::actor; }
bool compatible(Kind a, Kind b) { return a == b || (is_person(a) && is_person(b)); }

const std::string* value_of(const Attributes& attributes, std::string_view key) {
  for (const Attribute& a : attributes) {
    if (a.key == key) return &a.json;
  }
  return nullptr;
}

// Years that confirm or rule out a match when both sides know them.
constexpr std::string_view kYearKeys[] = {"birth_year", "debut_year", "year"};

std::vector<std::string> name_keys(const Entity& e) {
  std::vector<std::string> keys;
  auto add = [&](const std::string& name) {
    std::string key = text::compact(name);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  };
  add(e.name);
  for (const std::string& a : e.aliases) add(a);
  return keys;
}

}  // namespace

LinkResult link_dataset(Dataset in, const Graph& ex, const LinkOptions& options) {
  const std::size_t n = in.entities.size();
  std::vector<std::optional<VertexId>> link(n);
  std::vector<std::vector<std::string>> evidence(n);
  std::vector<bool> claimed(ex.entity_count(), false);
  for (std::size_t i = 0; i < n; ++i) {
    auto v = ex.find_id(in.entities[i].id);
    if (v && compatible(ex.kind(*v), in.entities[i].kind)) {
      link[i] = v;
      claimed[*v] = true;
      evidence[i].push_back("same id");
    }
  }
  for (const auto& same : options.same) {
    const std::string& incoming = same.first;  // not a structured binding: the lambda captures it (clang 14)
    const std::string& existing = same.second;
    auto at = std::find_if(in.entities.begin(), in.entities.end(), [&](const Entity& e) { return e.id == incoming; });
    if (at == in.entities.end())
      throw UsageError("link " + text::quote(incoming) + " = " + text::quote(existing) + ": no incoming entity " +
                       text::quote(incoming));
    auto v = ex.find_id(existing);
    if (!v)
      throw UsageError("link " + text::quote(incoming) + " = " + text::quote(existing) + ": no existing entity " +
                       text::quote(existing));
    if (!compatible(ex.kind(*v), at->kind))
      throw UsageError("link " + text::quote(incoming) + " = " + text::quote(existing) + ": kinds " +
                       std::string(to_string(at->kind)) + " and " + std::string(to_string(ex.kind(*v))) +
                       " cannot be one entity");
    std::size_t i = static_cast<std::size_t>(at - in.entities.begin());
    link[i] = v;
    claimed[*v] = true;
    evidence[i] = {"confirmed by hand"};
  }
  std::unordered_map<std::string, std::vector<VertexId>> by_key;
  for (VertexId v = 0; v < ex.entity_count(); ++v) {
    for (std::string& key : name_keys(ex.entity(v))) by_key[std::move(key)].push_back(v);
  }
  std::vector<std::vector<VertexId>> candidates(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (link[i]) continue;
    for (const std::string& key : name_keys(in.entities[i])) {
      auto it = by_key.find(key);
      if (it == by_key.end()) continue;
      for (VertexId v : it->second) {
        if (compatible(ex.kind(v), in.entities[i].kind) &&
            std::find(candidates[i].begin(), candidates[i].end(), v) == candidates[i].end()) {
          candidates[i].push_back(v);
        }
      }
    }
    std::sort(candidates[i].begin(), candidates[i].end());
  }
  // Incoming neighbours with the relation type, both ways.
  std::vector<std::vector<std::pair<VertexId, RelationType>>> neighbours(n);
  for (const Relation& r : in.relations) {
    neighbours[r.from].emplace_back(r.to, r.type);
    neighbours[r.to].emplace_back(r.from, r.type);
  }
  auto connected = [&](VertexId a, VertexId b, RelationType type) {
    for (Graph::Arc arc : ex.arcs(a)) {
      if (arc.neighbor == b && ex.relation(arc.relation).type == type) return true;
    }
    return false;
  };
  struct Verdict {
    std::vector<std::string> evidence;
    std::string contradiction;
  };
  // A person in groups on both sides, none of which can be one of the other side's: a namesake. An
  // incoming group can be an existing one when it is linked to it or, not linked yet, shares a name.
  auto groups_disagree = [&](std::size_t i, VertexId c) -> std::string {
    if (!is_person(ex.kind(c))) return {};
    std::vector<VertexId> theirs;
    for (Graph::Arc arc : ex.arcs(c)) {
      const Relation& r = ex.relation(arc.relation);
      if (r.type == RelationType::member_of && r.from == c) theirs.push_back(arc.neighbor);
    }
    std::vector<std::size_t> mine;
    for (const auto& [j, type] : neighbours[i]) {
      if (type == RelationType::member_of && in.entities[j].kind == Kind::group) mine.push_back(j);
    }
    if (theirs.empty() || mine.empty()) return {};
    for (std::size_t j : mine) {
      if (link[j]) {
        if (std::find(theirs.begin(), theirs.end(), *link[j]) != theirs.end()) return {};
        continue;
      }
      std::vector<std::string> keys = name_keys(in.entities[j]);
      for (VertexId g : theirs) {
        for (const std::string& key : name_keys(ex.entity(g))) {
          if (std::find(keys.begin(), keys.end(), key) != keys.end()) return {};
        }
      }
    }
    std::string here, there;
    for (std::size_t j : mine) here += (here.empty() ? "" : ", ") + in.entities[j].name;
    for (VertexId g : theirs) there += (there.empty() ? "" : ", ") + ex.entity(g).id;
    return "member_of " + here + " here, " + there + " in " + ex.entity(c).id;
  };
  auto judge = [&](std::size_t i, VertexId c) {
    Verdict verdict;
    const Entity& mine = in.entities[i];
    const Entity& theirs = ex.entity(c);
    for (std::string_view key : kYearKeys) {
      const std::string* a = value_of(mine.attributes, key);
      const std::string* b = value_of(theirs.attributes, key);
      if (!a || !b) continue;
      if (*a == *b) {
        verdict.evidence.push_back(std::string(key) + " " + *a);
      } else if (verdict.contradiction.empty()) {
        verdict.contradiction = std::string(key) + " " + *a + " here, " + *b + " in " + theirs.id;
      }
    }
    if (verdict.contradiction.empty()) verdict.contradiction = groups_disagree(i, c);
    for (const auto& [j, type] : neighbours[i]) {
      if (link[j] && connected(c, *link[j], type)) {
        std::string e = std::string(to_string(type)) + " " + ex.entity(*link[j]).id;
        if (std::find(verdict.evidence.begin(), verdict.evidence.end(), e) == verdict.evidence.end())
          verdict.evidence.push_back(e);
      }
    }
    return verdict;
  };
  LinkReport report;
  // Each round links the pairs that choose each other: an incoming entity with exactly one confirmed
  // candidate, and that candidate confirmed by no other incoming entity with as much evidence (two
  // incoming 제니 born in 1996 both confirm BLACKPINK's Jennie by year; the one that is also a member
  // of the linked BLACKPINK wins the next round, the other stays new).
  for (bool changed = true; changed;) {
    changed = false;
    std::vector<std::optional<std::pair<VertexId, Verdict>>> choice(n);
    std::unordered_map<VertexId, std::vector<std::pair<std::size_t, std::size_t>>>
        suitors;  // candidate -> (i, strength)
    for (std::size_t i = 0; i < n; ++i) {
      if (link[i] || candidates[i].empty()) continue;
      std::vector<std::pair<VertexId, Verdict>> confirmed;
      for (VertexId c : candidates[i]) {
        if (claimed[c]) continue;
        Verdict verdict = judge(i, c);
        if (verdict.contradiction.empty() && !verdict.evidence.empty()) confirmed.emplace_back(c, std::move(verdict));
      }
      for (const auto& [c, verdict] : confirmed) suitors[c].emplace_back(i, verdict.evidence.size());
      if (confirmed.size() == 1) choice[i] = std::move(confirmed[0]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!choice[i]) continue;
      VertexId c = choice[i]->first;
      std::size_t strength = choice[i]->second.evidence.size();
      bool strongest = true;
      for (const auto& [j, other] : suitors[c]) strongest = strongest && (j == i || other < strength);
      if (!strongest) continue;
      link[i] = c;
      claimed[c] = true;
      evidence[i] = std::move(choice[i]->second.evidence);
      changed = true;
    }
  }
  // The report, and the dataset rewritten onto existing ids (so the loader's id index no longer holds).
  in.ids.reset();
  for (std::size_t i = 0; i < n; ++i) {
    Entity& e = in.entities[i];
    if (link[i]) {
      const Entity& theirs = ex.entity(*link[i]);
      report.linked.push_back({e.id, theirs.id, e.name, evidence[i]});
      std::vector<std::string> spellings;
      if (e.name != theirs.name) spellings.push_back(e.name);
      for (std::string& a : e.aliases) spellings.push_back(std::move(a));
      e.aliases.clear();
      std::size_t room = theirs.aliases.size() < 64 ? 64 - theirs.aliases.size() : 0;
      // Spellings that differ only in case, spacing or punctuation ("JISOO", "Ji-soo") add nothing.
      std::vector<std::string> known = name_keys(theirs);
      for (std::string& s : spellings) {
        std::string key = text::compact(s);
        if (key.empty() || std::find(known.begin(), known.end(), key) != known.end() || e.aliases.size() >= room)
          continue;
        known.push_back(std::move(key));
        e.aliases.push_back(std::move(s));
      }
      // A date whose year disagrees goes with it ("birth_date" with "birth_year"): kept, it would tell
      // the other year.
      std::vector<std::string> disagreeing;
      for (const Attribute& a : e.attributes) {
        const std::string* theirs_value = value_of(theirs.attributes, a.key);
        if (theirs_value && *theirs_value != a.json) disagreeing.push_back(a.key);
      }
      auto left_out = [&](const std::string& key) {
        if (std::find(disagreeing.begin(), disagreeing.end(), key) != disagreeing.end()) return true;
        constexpr std::string_view kDate = "_date";
        return key.size() > kDate.size() && key.compare(key.size() - kDate.size(), kDate.size(), kDate) == 0 &&
               std::find(disagreeing.begin(), disagreeing.end(),
                         key.substr(0, key.size() - kDate.size()) + "_year") != disagreeing.end();
      };
      Attributes kept;
      for (Attribute& a : e.attributes) {
        if (left_out(a.key)) {
          const std::string* theirs_value = value_of(theirs.attributes, a.key);
          report.dropped.push_back(theirs.id + ": " + a.key + " " + a.json + " (from " + e.id + ") left out; " +
                                   (theirs_value ? "the existing value is " + *theirs_value
                                                 : "its year disagrees with the existing one"));
          continue;
        }
        kept.push_back(std::move(a));
      }
      e.attributes = std::move(kept);
      e.id = theirs.id;
      e.kind = theirs.kind;
      e.name = theirs.name;
      continue;
    }
    report.created.push_back(e.id);
    if (!candidates[i].empty()) {
      LinkReport::Ambiguous a{e.id, e.name, {}, ""};
      std::size_t confirmed = 0;
      std::string ruled_out;
      for (VertexId c : candidates[i]) {
        a.candidates.push_back(ex.entity(c).id);
        Verdict verdict = judge(i, c);
        if (!verdict.contradiction.empty()) {
          ruled_out += (ruled_out.empty() ? "" : "; ") + verdict.contradiction;
        } else if (!verdict.evidence.empty()) {
          ++confirmed;
        }
      }
      a.reason = confirmed > 1 ? "several candidates confirmed"
                 : confirmed == 1
                     ? "its candidate is confirmed as strongly by another incoming entity, or linked to one"
                 : ruled_out.empty() ? "name only, no evidence"
                                     : "ruled out: " + ruled_out;
      report.ambiguous.push_back(std::move(a));
    }
    // An incoming id that an existing entity of another kind holds would clash in the merge.
    if (auto v = ex.find_id(e.id); v && !compatible(ex.kind(*v), e.kind)) e.id += "-imported";
  }
  // Relations between linked entities meet the existing relations of the same fact: a record that
  // leaves an identity attribute out (kpopnet's signed_to has no `since`) is the one existing relation
  // of those ends and type that agrees on the rest, when there is exactly one; attributes that
  // disagree with the existing relation are left out, so the merge keeps one relation with both sources.
  for (Relation& r : in.relations) {
    if (!link[r.from] || !link[r.to]) continue;
    std::optional<RelationId> match;
    std::size_t matches = 0;
    for (Graph::Arc arc : ex.arcs(*link[r.from])) {
      const Relation& theirs = ex.relation(arc.relation);
      if (arc.neighbor != *link[r.to] || theirs.type != r.type) continue;
      bool fits = true;
      for (std::string_view key : identity_keys(r.type)) {
        const std::string* a = value_of(r.attributes, key);
        const std::string* b = value_of(theirs.attributes, key);
        fits = fits && (a == nullptr || (b != nullptr && *a == *b));
      }
      if (fits) match = arc.relation, ++matches;
    }
    if (matches != 1) continue;
    const Relation& theirs = ex.relation(*match);
    for (std::string_view key : identity_keys(r.type)) {
      const std::string* b = value_of(theirs.attributes, key);
      if (b && !value_of(r.attributes, key)) r.attributes.push_back({std::string(key), *b});
    }
    Attributes kept;
    for (Attribute& a : r.attributes) {
      const std::string* b = value_of(theirs.attributes, a.key);
      if (b && *b != a.json && a.key != "source") {
        report.dropped.push_back(std::string(to_string(r.type)) + " " + ex.entity(theirs.from).id + " -> " +
                                 ex.entity(theirs.to).id + ": " + a.key + " " + a.json +
                                 " left out; the existing value is " + *b);
        continue;
      }
      kept.push_back(std::move(a));
    }
    r.attributes = std::move(kept);
  }
  // Incoming entities linked to one existing entity become one, so the linked file has each id once.
  std::unordered_map<std::string, std::size_t> first;
  std::vector<std::size_t> moved(n);
  std::vector<Entity> entities;
  for (std::size_t i = 0; i < n; ++i) {
    Entity& e = in.entities[i];
    auto [it, fresh] = first.emplace(e.id, entities.size());
    moved[i] = it->second;
    if (fresh) {
      entities.push_back(std::move(e));
      continue;
    }
    Entity& into = entities[it->second];
    for (std::string& alias : e.aliases) {
      if (alias != into.name && into.aliases.size() < 64 &&
          std::find(into.aliases.begin(), into.aliases.end(), alias) == into.aliases.end())
        into.aliases.push_back(std::move(alias));
    }
    for (Attribute& a : e.attributes) {
      const std::string* have = value_of(into.attributes, a.key);
      if (!have) {
        into.attributes.push_back(std::move(a));
      } else if (*have != a.json) {
        report.dropped.push_back(into.id + ": " + a.key + " " + a.json + " left out; another incoming record of it says " +
                                 *have);
      }
    }
  }
  if (entities.size() < n) {
    std::vector<Relation> relations;
    for (Relation& r : in.relations) {
      r.from = static_cast<decltype(r.from)>(moved[r.from]);
      r.to = static_cast<decltype(r.to)>(moved[r.to]);
      bool repeated = std::any_of(relations.begin(), relations.end(), [&](const Relation& o) {
        return o.from == r.from && o.to == r.to && o.type == r.type &&
               std::equal(o.attributes.begin(), o.attributes.end(), r.attributes.begin(), r.attributes.end(),
                          [](const Attribute& x, const Attribute& y) { return x.key == y.key && x.json == y.json; });
      });
      if (r.from != r.to && !repeated) relations.push_back(std::move(r));
    }
    in.relations = std::move(relations);
  }
  in.entities = std::move(entities);
  return {std::move(in), std::move(report)};
}

}  // namespace hallyu::io
