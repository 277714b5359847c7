// Which relations and entities a traversal may use. One filter type serves paths, neighbourhoods,
// centrality, clusters, crossovers and renderings, so "--via", "--exclude-kinds", "--avoid" and the
// year window ("--years", "--as-of") mean the same thing everywhere (and are tested to change answers
// everywhere).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hallyu/algo/relation_years.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct TraversalFilter {
  RelationTypeSet relation_types = kAnyRelationType;  // only relations of these types
  KindSet excluded_kinds = 0;                         // never enter entities of these kinds
  std::vector<VertexId> avoided;                      // never enter these entities (kept sorted)

  // Traversals ask allows_relation millions of times: the year window is decided once per filter
  // into one byte per relation, so the question stays an array lookup.
  bool allows_relation(const Graph& graph, RelationId r) const {
    return (relation_types & bit(graph.relation(r).type)) != 0 && (kept_in_years_ == nullptr || kept_in_years_[r] != 0);
  }
  bool allows_vertex(const Graph& graph, VertexId v) const;
  // May a traversal step along `arc` (relation allowed, neighbour enterable)?
  bool allows(const Graph& graph, Graph::Arc arc) const {
    return allows_relation(graph, arc.relation) && allows_vertex(graph, arc.neighbor);
  }
  void avoid(VertexId v);
  // Keep only relations whose span (relation_years(graph), indexed by RelationId) `window` allows.
  void keep_years(const std::vector<YearSpan>& spans, const YearWindow& window);
  bool has_year_window() const { return kept_in_years_ != nullptr; }
  bool is_unfiltered() const {
    return relation_types == kAnyRelationType && excluded_kinds == 0 && avoided.empty() && !has_year_window();
  }

 private:
  std::shared_ptr<const std::vector<std::uint8_t>> years_;  // shared: filters are copied freely
  const std::uint8_t* kept_in_years_ = nullptr;
};

// {"acted_in", "performed"} -> set ("acted-in" works too); throws UsageError naming the unknown word
// and the nearest valid one, or for an empty list. Comma lists are split by text::split_list first.
RelationTypeSet parse_relation_types(const std::vector<std::string>& words);
// {"agency", "network"} -> set; throws UsageError likewise.
KindSet parse_kinds(const std::vector<std::string>& words);

}  // namespace hallyu::algo
