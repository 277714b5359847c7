// The simple undirected graph (filtered, renumbered) and the people projections.
#include "hallyu/algo/simple_graph.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::algo {

SimpleGraph::SimpleGraph(std::vector<VertexId> original, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges)
    : original_(std::move(original)) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  arcs.reserve(edges.size() * 2);
  for (auto [u, v] : edges) {
    if (u == v) continue;
    arcs.emplace_back(u, v);
    arcs.emplace_back(v, u);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  csr_ = Csr(boost::edges_are_sorted, arcs.begin(), arcs.end(), static_cast<std::uint32_t>(original_.size()));
}

SimpleGraph simple_graph(const Graph& graph, const TraversalFilter& filter) {
  constexpr std::uint32_t kOut = UINT32_MAX;
  std::vector<std::uint32_t> local(graph.entity_count(), kOut);
  std::vector<VertexId> original;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    if (!filter.allows_vertex(graph, v)) continue;
    local[v] = static_cast<std::uint32_t>(original.size());
    original.push_back(v);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(graph.relation_count());
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const Relation& rel = graph.relation(r);
    if (!filter.allows_relation(graph, r) || local[rel.from] == kOut || local[rel.to] == kOut) continue;
    edges.emplace_back(local[rel.from], local[rel.to]);
  }
  return SimpleGraph(std::move(original), std::move(edges));
}

SimpleGraph project(const Graph& graph, Projection projection, const TraversalFilter& filter) {
  constexpr std::uint32_t kOut = UINT32_MAX;
  std::vector<std::uint32_t> local(graph.entity_count(), kOut);
  std::vector<VertexId> original;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    Kind k = graph.kind(v);
    if ((k != Kind::idol && k != Kind::actor) || !filter.allows_vertex(graph, v)) continue;
    local[v] = static_cast<std::uint32_t>(original.size());
    original.push_back(v);
  }
  // For each drama, the people in it: its cast and (for `people`) the singers of its OSTs. For each
  // OST (people only), its singers. Everyone in one such set is linked to everyone else.
  auto people_around = [&](VertexId work) {
    std::vector<std::uint32_t> members;
    for (Graph::Arc arc : graph.arcs(work)) {
      if (!filter.allows_relation(graph, arc.relation)) continue;
      const Relation& rel = graph.relation(arc.relation);
      if (local[arc.neighbor] != kOut && (rel.type == RelationType::acted_in || rel.type == RelationType::performed)) {
        members.push_back(local[arc.neighbor]);
      }
      if (projection == Projection::people && rel.type == RelationType::ost_of && graph.kind(work) == Kind::drama &&
          filter.allows_vertex(graph, arc.neighbor)) {
        for (Graph::Arc sung : graph.arcs(arc.neighbor)) {
          const Relation& s = graph.relation(sung.relation);
          if (s.type == RelationType::performed && local[sung.neighbor] != kOut && filter.allows_relation(graph, sung.relation)) {
            members.push_back(local[sung.neighbor]);
          }
        }
      }
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    return members;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (VertexId w = 0; w < graph.entity_count(); ++w) {
    Kind k = graph.kind(w);
    if (!(k == Kind::drama || (projection == Projection::people && k == Kind::ost)) || !filter.allows_vertex(graph, w)) continue;
    std::vector<std::uint32_t> members = people_around(w);
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) edges.emplace_back(members[i], members[j]);
    }
  }
  return SimpleGraph(std::move(original), std::move(edges));
}

Projection parse_projection(std::string_view name) {
  if (name == "people") return Projection::people;
  if (name == "costars") return Projection::costars;
  throw UsageError("unknown projection " + text::quote(name) + "; projections are people, costars");
}

}  // namespace hallyu::algo
