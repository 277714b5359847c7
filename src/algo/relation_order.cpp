// An entity's relations in reading order, as `show` and the explorer's panel list them.
#include "hallyu/algo/relation_order.hpp"

#include <algorithm>

namespace hallyu::algo {

std::vector<RelationId> ordered_relations(const Graph& graph, VertexId v) {
  std::vector<RelationId> rels;
  for (Graph::Arc arc : graph.arcs(v)) rels.push_back(arc.relation);
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  auto year = [&](RelationId r) {
    const Relation& rel = graph.relation(r);
    if (auto y = attribute_integer(rel.attributes, "year")) return *y;
    VertexId other = rel.from == v ? rel.to : rel.from;
    return attribute_integer(graph.entity(other).attributes, "year").value_or(0);
  };
  // By type, outgoing first, newest first, then by the other end's name.
  std::stable_sort(rels.begin(), rels.end(), [&](RelationId a, RelationId b) {
    const Relation& x = graph.relation(a);
    const Relation& y = graph.relation(b);
    bool x_out = x.from == v, y_out = y.from == v;
    if (x.type != y.type) return x.type < y.type;
    if (x_out != y_out) return x_out;
    if (year(a) != year(b)) return year(a) > year(b);
    return graph.entity(x_out ? x.to : x.from).name < graph.entity(y_out ? y.to : y.from).name;
  });
  return rels;
}

}  // namespace hallyu::algo
