// An entity's relations in reading order: by type, outgoing before incoming, newest first (the
// relation's year, else the other end's), then by the other end's name; each relation once.
#pragma once

#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::algo {

std::vector<RelationId> ordered_relations(const Graph& graph, VertexId v);

}  // namespace hallyu::algo
