// Finds entities by what people type: ids, names and aliases, case-insensitively, ignoring spacing
// and punctuation ("cha eunwoo", "D.O"), in Hangul (also by initial consonants: "ㅇㅇㅇ"), with
// ambiguity reported (same name, different people: ids decide) and near misses suggested.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu {

struct Resolution {
  enum class Status { found, ambiguous, not_found };
  Status status = Status::not_found;
  std::vector<VertexId> matches;      // one when found, several when ambiguous
  std::vector<VertexId> suggestions;  // near misses when not found
};

struct SearchHit {
  VertexId vertex;
  std::string matched;  // the id, name or alias that matched
  int rank;             // lower is better: see NameIndex::search
};

class NameIndex {
 public:
  explicit NameIndex(const Graph& graph);

  // Exact id first; then names/aliases folded; then compact keys. Never guesses between entities.
  Resolution resolve(std::string_view query) const;
  // resolve(), or a NameError (not_found or ambiguous) that lists the candidates or suggestions.
  VertexId resolve_one(std::string_view query) const;

  // Ranked matches: 0 id, 1 exact name/alias, 2 exact ignoring punctuation, 3 prefix, 4 word prefix,
  // 5 substring, 6 Hangul initials, 7+ typo distance. Ties: more relations first, then id.
  std::vector<SearchHit> search(std::string_view query, std::size_t limit, KindSet kinds = kAnyKind) const;

  // Entities whose name is exactly `name` (the query language's {name: ...}), ascending. The first few
  // lookups scan; later ones, in any query of the index's lifetime, use a sorted index built once
  // (thread-safe): a one-off command does not pay for sorting every name, a server or a batch does once.
  std::vector<VertexId> named(std::string_view name) const;

  // What a search rank means: "id", "exact", "prefix", ... "similar".
  static std::string_view match_kind(int rank);

  // "IU [iu, idol]": how an entity is named in messages.
  std::string label(VertexId v) const;
  // The name for people's output: "Jin", or "Jin [jin-lovelyz]" when another entity goes by that name too.
  std::string display_name(VertexId v) const;

 private:
  // The folded, compact and initials forms are views into key_text_ (one allocation for all keys, not
  // three strings each: 190 -> about 100 MB at a million names); compact shares folded's bytes when equal.
  struct Key {
    std::string_view folded;
    std::string_view compact;
    std::string_view initials;
    std::string_view original;
    VertexId vertex;
    bool is_id;
    bool is_alias;
  };
  std::vector<VertexId> distinct_sorted(std::vector<VertexId> vertices) const;
  std::vector<VertexId> near_misses(std::string_view query, std::size_t limit) const;
  // Built on first use (thread-safe), not with the index: a command that names entities by id and
  // prints a top 10 should not fold, compact and keep three keys for each of a million names first.
  const std::vector<Key>& keys() const;
  bool shares_name(VertexId v) const;

  const Graph& graph_;
  mutable std::once_flag keys_once_;
  mutable std::vector<Key> keys_;
  mutable std::string key_text_;
  mutable std::once_flag shared_once_;
  mutable std::vector<bool> shared_name_;  // per entity: its name is also another entity's name or alias
  mutable std::atomic<std::size_t> name_lookups_{0};
  mutable std::once_flag by_name_once_;
  mutable std::vector<std::pair<std::string_view, VertexId>> by_name_;  // (name, entity), sorted
};

}  // namespace hallyu
