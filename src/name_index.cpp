// Name resolution and ranked search over ids, names and aliases.
#include "hallyu/name_index.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu {
namespace {

bool has_word_prefix(std::string_view folded, std::string_view prefix) {
  for (std::size_t at = folded.find(prefix); at != std::string_view::npos; at = folded.find(prefix, at + 1)) {
    char before = at == 0 ? ' ' : folded[at - 1];
    if (before == ' ' || before == '-' || before == '(' || before == '.' || before == '\'' || before == '/') return true;
  }
  return false;
}

// How many typos a query of this length may carry and still be suggested.
std::size_t typo_budget(std::size_t length) { return length <= 3 ? 1 : length <= 7 ? 2 : 3; }

}  // namespace

NameIndex::NameIndex(const Graph& graph) : graph_(graph) {}

const std::vector<NameIndex::Key>& NameIndex::keys() const {
  std::call_once(keys_once_, [this] {
    // Offsets first (key_text_ moves while it grows), views once it is complete.
    struct Offsets {
      std::size_t folded, folded_size, compact, compact_size, initials, initials_size;
    };
    std::vector<Offsets> offsets;
    auto add = [&](std::string_view original, VertexId v, bool is_id, bool is_alias) {
      std::string folded = text::fold(original), compact = text::compact(original);
      std::string initials = text::hangul_initials(original);
      Offsets at{key_text_.size(), folded.size(), key_text_.size(), compact.size(), 0, initials.size()};
      key_text_ += folded;
      if (compact != folded) at.compact = key_text_.size(), key_text_ += compact;
      at.initials = key_text_.size();
      key_text_ += initials;
      offsets.push_back(at);
      keys_.push_back({{}, {}, {}, original, v, is_id, is_alias});
    };
    for (VertexId v = 0; v < graph_.entity_count(); ++v) {
      const Entity& e = graph_.entity(v);
      add(e.id, v, true, false);
      add(e.name, v, false, false);
      for (const std::string& alias : e.aliases) add(alias, v, false, true);
    }
    key_text_.shrink_to_fit();
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      const Offsets& at = offsets[k];
      keys_[k].folded = std::string_view(key_text_).substr(at.folded, at.folded_size);
      keys_[k].compact = std::string_view(key_text_).substr(at.compact, at.compact_size);
      keys_[k].initials = std::string_view(key_text_).substr(at.initials, at.initials_size);
    }
  });
  return keys_;
}

bool NameIndex::shares_name(VertexId v) const {
  std::call_once(shared_once_, [this] {
    // A name is shared when its folded form is another entity's folded name or alias. Forms are
    // grouped by sorting 64-bit hashes, not strings; a group of one hash whose forms are not all equal
    // (a collision) is sorted by the forms themselves, so a collision cannot mark a name.
    struct Form {
      std::uint64_t hash;
      VertexId vertex;
      std::uint32_t text;  // index into `folded`
      bool is_name;
    };
    std::vector<std::string> folded;
    std::vector<Form> forms;
    std::hash<std::string_view> hash;
    auto add = [&](std::string_view original, VertexId u, bool is_name) {
      folded.push_back(text::fold(original));
      forms.push_back({hash(folded.back()), u, static_cast<std::uint32_t>(folded.size() - 1), is_name});
    };
    for (VertexId u = 0; u < graph_.entity_count(); ++u) {
      const Entity& e = graph_.entity(u);
      add(e.name, u, true);
      for (const std::string& alias : e.aliases) add(alias, u, false);
    }
    shared_name_.assign(graph_.entity_count(), false);
    // Marks the names among forms[a, b), all of one folded text, when two entities or more hold it.
    auto mark = [&](std::size_t a, std::size_t b) {
      bool several = false;
      for (std::size_t k = a + 1; k < b && !several; ++k) several = forms[k].vertex != forms[a].vertex;
      if (!several) return;
      for (std::size_t k = a; k < b; ++k) {
        if (forms[k].is_name) shared_name_[forms[k].vertex] = true;
      }
    };
    std::sort(forms.begin(), forms.end(), [](const Form& x, const Form& y) {
      return x.hash != y.hash ? x.hash < y.hash : x.vertex < y.vertex;
    });
    for (std::size_t i = 0; i < forms.size();) {
      std::size_t j = i + 1;
      while (j < forms.size() && forms[j].hash == forms[i].hash) ++j;
      bool one_text = true;
      for (std::size_t k = i + 1; k < j && one_text; ++k) one_text = folded[forms[k].text] == folded[forms[i].text];
      if (one_text) {
        mark(i, j);
      } else {
        std::sort(forms.begin() + static_cast<std::ptrdiff_t>(i), forms.begin() + static_cast<std::ptrdiff_t>(j),
                  [&](const Form& x, const Form& y) { return folded[x.text] < folded[y.text]; });
        for (std::size_t a = i; a < j;) {
          std::size_t b = a + 1;
          while (b < j && folded[forms[b].text] == folded[forms[a].text]) ++b;
          mark(a, b);
          a = b;
        }
      }
      i = j;
    }
  });
  return shared_name_[v];
}

std::vector<VertexId> NameIndex::named(std::string_view name) const {
  constexpr std::size_t kScannedLookups = 4;
  std::vector<VertexId> out;
  if (name_lookups_.fetch_add(1, std::memory_order_relaxed) < kScannedLookups) {
    for (VertexId v = 0; v < graph_.entity_count(); ++v) {
      if (graph_.entity(v).name == name) out.push_back(v);
    }
    return out;
  }
  std::call_once(by_name_once_, [this] {
    by_name_.reserve(graph_.entity_count());
    for (VertexId v = 0; v < graph_.entity_count(); ++v) by_name_.emplace_back(graph_.entity(v).name, v);
    std::sort(by_name_.begin(), by_name_.end());
  });
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), std::pair<std::string_view, VertexId>{name, 0});
  for (; it != by_name_.end() && it->first == name; ++it) out.push_back(it->second);
  return out;
}

std::vector<VertexId> NameIndex::distinct_sorted(std::vector<VertexId> vertices) const {
  std::sort(vertices.begin(), vertices.end());
  vertices.erase(std::unique(vertices.begin(), vertices.end()), vertices.end());
  std::stable_sort(vertices.begin(), vertices.end(), [&](VertexId a, VertexId b) {
    if (graph_.degree(a) != graph_.degree(b)) return graph_.degree(a) > graph_.degree(b);
    return graph_.entity(a).id < graph_.entity(b).id;
  });
  return vertices;
}

Resolution NameIndex::resolve(std::string_view query) const {
  Resolution result;
  if (auto v = graph_.find_id(query)) {
    result.status = Resolution::Status::found;
    result.matches = {*v};
    return result;
  }
  // Tiers, best first: a name or id as typed (folded), an alias as typed, then the same two ignoring
  // spacing and punctuation. The first tier with a match decides; ambiguity is only within a tier, so
  // an entity's own name wins over another entity's alias.
  std::string folded = text::fold(query), compact = text::compact(query);
  for (int tier = 0; tier < 4 && result.matches.empty(); ++tier) {
    bool want_alias = tier % 2 == 1;
    for (const Key& key : keys()) {
      if (key.is_alias != want_alias) continue;
      bool match = tier < 2 ? key.folded == folded : (!compact.empty() && key.compact == compact);
      if (match) result.matches.push_back(key.vertex);
    }
  }
  result.matches = distinct_sorted(std::move(result.matches));
  if (result.matches.size() == 1) {
    result.status = Resolution::Status::found;
  } else if (result.matches.size() > 1) {
    result.status = Resolution::Status::ambiguous;
  } else {
    result.suggestions = near_misses(query, 5);
  }
  return result;
}

std::vector<VertexId> NameIndex::near_misses(std::string_view query, std::size_t limit) const {
  std::vector<VertexId> out;
  for (const SearchHit& hit : search(query, limit)) out.push_back(hit.vertex);
  return out;
}

std::string_view NameIndex::match_kind(int rank) {
  switch (rank) {
    case 0: return "id";
    case 1: return "exact";
    case 2: return "exact-ignoring-punctuation";
    case 3: return "prefix";
    case 4: return "word-prefix";
    case 5: return "substring";
    case 6: return "hangul-initials";
    default: return "similar";
  }
}

std::string NameIndex::display_name(VertexId v) const {
  const Entity& e = graph_.entity(v);
  return shares_name(v) ? e.name + " [" + e.id + "]" : e.name;
}

std::string NameIndex::label(VertexId v) const {
  const Entity& e = graph_.entity(v);
  return text::one_line(e.name, 60) + " [" + text::one_line(e.id, 60) + ", " + std::string(to_string(e.kind)) + "]";
}

VertexId NameIndex::resolve_one(std::string_view query) const {
  Resolution r = resolve(query);
  auto list = [&](const std::vector<VertexId>& vs) {
    std::string out;
    for (std::size_t i = 0; i < vs.size() && i < 8; ++i) out += (i ? ", " : "") + label(vs[i]);
    if (vs.size() > 8) out += ", and " + std::to_string(vs.size() - 8) + " more";
    return out;
  };
  switch (r.status) {
    case Resolution::Status::found:
      return r.matches.front();
    case Resolution::Status::ambiguous:
      throw NameError(text::quote(query) + " is ambiguous: it could be " + list(r.matches) + "; use an id",
                      ErrorCategory::ambiguous, r.matches);
    case Resolution::Status::not_found:
      break;
  }
  std::string message = "no entity matches " + text::quote(query);
  if (!r.suggestions.empty()) message += "; did you mean " + list(r.suggestions) + "?";
  throw NameError(message, ErrorCategory::not_found, r.suggestions);
}

std::vector<SearchHit> NameIndex::search(std::string_view query, std::size_t limit, KindSet kinds) const {
  std::string folded = text::fold(query), compact = text::compact(query);
  if (folded.empty()) return {};
  bool initials = text::is_initials_query(query);
  std::size_t budget = typo_budget(text::decode(compact).size());
  std::map<VertexId, SearchHit> best;
  for (const Key& key : keys()) {
    if (!(kinds & bit(graph_.kind(key.vertex)))) continue;
    int rank = -1;
    if (key.is_id && key.original == query) {
      rank = 0;
    } else if (key.folded == folded) {
      rank = 1;
    } else if (!compact.empty() && key.compact == compact) {
      rank = 2;
    } else if (key.folded.rfind(folded, 0) == 0) {
      rank = 3;
    } else if (has_word_prefix(key.folded, folded)) {
      rank = 4;
    } else if (key.folded.find(folded) != std::string_view::npos ||
               (compact.size() >= 2 && key.compact.find(compact) != std::string_view::npos)) {
      rank = 5;
    } else if (initials && key.initials.find(folded) != std::string_view::npos) {
      rank = 6;
    } else if (!compact.empty() && !initials) {
      std::size_t d = text::edit_distance(key.compact, compact, budget);
      if (d <= budget) rank = 7 + static_cast<int>(d);
    }
    if (rank < 0) continue;
    auto it = best.find(key.vertex);
    if (it == best.end() || rank < it->second.rank) best[key.vertex] = {key.vertex, std::string(key.original), rank};
  }
  std::vector<SearchHit> hits;
  hits.reserve(best.size());
  for (auto& [v, hit] : best) hits.push_back(std::move(hit));
  std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (graph_.degree(a.vertex) != graph_.degree(b.vertex)) return graph_.degree(a.vertex) > graph_.degree(b.vertex);
    return graph_.entity(a.vertex).id < graph_.entity(b.vertex).id;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace hallyu
