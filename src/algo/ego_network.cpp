// Ego networks: a filtered BFS around one entity, with the relations among what it reaches.
#include "hallyu/algo/ego_network.hpp"

#include <algorithm>
#include <limits>

namespace hallyu::algo {

EgoNetwork ego_network(const Graph& graph, VertexId center, unsigned radius, const TraversalFilter& filter,
                       std::size_t max_vertices) {
  constexpr unsigned kUnseen = std::numeric_limits<unsigned>::max();
  std::vector<unsigned> distance(graph.entity_count(), kUnseen);
  EgoNetwork ego;
  ego.center = center;
  distance[center] = 0;
  ego.vertices.push_back(center);
  ego.distances.push_back(0);
  ego.via.push_back(0);
  for (std::size_t head = 0; head < ego.vertices.size() && !ego.truncated; ++head) {
    VertexId v = ego.vertices[head];
    if (distance[v] == radius) break;  // BFS order: everything after is at radius too
    for (Graph::Arc arc : graph.arcs(v)) {
      if (distance[arc.neighbor] != kUnseen || !filter.allows(graph, arc)) continue;
      if (max_vertices != 0 && ego.vertices.size() == max_vertices) {
        ego.truncated = true;
        break;
      }
      distance[arc.neighbor] = distance[v] + 1;
      ego.vertices.push_back(arc.neighbor);
      ego.distances.push_back(distance[arc.neighbor]);
      ego.via.push_back(arc.relation);
    }
  }
  for (VertexId v : ego.vertices) {
    for (Graph::Arc arc : graph.arcs(v)) {
      // Each relation is seen from both ends; keep it once, from its `from` end.
      if (distance[arc.neighbor] == kUnseen || graph.relation(arc.relation).from != v) continue;
      if (filter.allows_relation(graph, arc.relation)) ego.relations.push_back(arc.relation);
    }
  }
  std::sort(ego.relations.begin(), ego.relations.end());
  ego.relations.erase(std::unique(ego.relations.begin(), ego.relations.end()), ego.relations.end());
  return ego;
}

}  // namespace hallyu::algo
