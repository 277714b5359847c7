// The neighbourhood of one entity: everything within `radius` hops under a filter, with the
// relations among those entities (what `neighbors` lists and `render --ego` draws).
#pragma once

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct EgoNetwork {
  VertexId center = 0;
  std::vector<VertexId> vertices;   // BFS order: center first, then by distance
  std::vector<unsigned> distances;  // parallel to vertices
  std::vector<RelationId> via;      // parallel to vertices: the relation that reached it (center: unused)
  std::vector<RelationId> relations;  // allowed relations with both ends in `vertices`, ascending
  bool truncated = false;             // stopped at max_vertices
};

// The center is always included, even when the filter would exclude its kind.
// max_vertices = 0 means no limit.
EgoNetwork ego_network(const Graph& graph, VertexId center, unsigned radius, const TraversalFilter& filter = {},
                       std::size_t max_vertices = 0);

}  // namespace hallyu::algo
