// The diagrams people ask for, as Diagram values: ego, paths, clusters, expansions, the whole graph.
#include "hallyu/render/diagrams.hpp"

#include <algorithm>

#include "hallyu/algo/ego_network.hpp"
#include "hallyu/error.hpp"

namespace hallyu::render {
namespace {

void refuse_if_too_big(std::size_t n, std::size_t max_nodes, const std::string& what) {
  if (max_nodes != 0 && n > max_nodes) {
    throw LimitError(what + " has " + std::to_string(n) + " entities, more than max_nodes " + std::to_string(max_nodes) +
                     " (unreadable as a drawing); draw an ego network or a path, add filters such as exclude_kinds "
                     "agency,network or via acted_in, or pass force");
  }
}

}  // namespace

std::vector<RelationId> relations_among(const Graph& graph, const std::vector<VertexId>& vertices,
                                        const algo::TraversalFilter& filter) {
  std::vector<bool> in(graph.entity_count(), false);
  for (VertexId v : vertices) in[v] = true;
  std::vector<RelationId> out;
  for (VertexId v : vertices) {
    for (Graph::Arc arc : graph.arcs(v)) {
      if (in[arc.neighbor] && graph.relation(arc.relation).from == v && filter.allows_relation(graph, arc.relation)) {
        out.push_back(arc.relation);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Diagram ego_diagram(const Graph& graph, VertexId center, unsigned radius, const algo::TraversalFilter& filter,
                    std::size_t max_nodes) {
  auto ego = algo::ego_network(graph, center, radius, filter, max_nodes == 0 ? 0 : max_nodes + 1);
  if (ego.truncated) {
    refuse_if_too_big(max_nodes + 1, max_nodes, "the " + std::to_string(radius) + "-hop neighbourhood of " + graph.entity(center).name);
  }
  Diagram d;
  d.vertices = ego.vertices;
  d.relations = ego.relations;
  d.highlighted_vertices = {center};
  d.title = graph.entity(center).name + ": " + std::to_string(radius) + "-hop network";
  return d;
}

Diagram path_diagram(const Graph& graph, const std::vector<algo::Path>& paths, const algo::TraversalFilter& filter,
                     std::size_t context) {
  Diagram d;
  std::vector<bool> in(graph.entity_count(), false);
  auto add = [&](VertexId v) {
    if (!in[v]) in[v] = true, d.vertices.push_back(v);
  };
  for (const auto& p : paths) {
    for (VertexId v : p.vertices) add(v), d.highlighted_vertices.push_back(v);
    d.highlighted_relations.insert(d.highlighted_relations.end(), p.relations.begin(), p.relations.end());
  }
  std::vector<VertexId> on_path = d.vertices;
  for (VertexId v : on_path) {
    std::size_t added = 0;
    for (Graph::Arc arc : graph.arcs(v)) {
      if (added >= context) break;
      if (in[arc.neighbor] || !filter.allows(graph, arc)) continue;
      add(arc.neighbor);
      ++added;
    }
  }
  d.relations = relations_among(graph, d.vertices, filter);
  d.dim_others = true;
  d.left_to_right = true;
  if (!paths.empty()) {
    const auto& first = paths.front();
    d.title = graph.entity(first.vertices.front()).name + " to " + graph.entity(first.vertices.back()).name +
              (paths.size() > 1 ? ": " + std::to_string(paths.size()) + " shortest paths" : "");
  }
  return d;
}

Diagram cluster_diagram(const Graph& graph, std::vector<VertexId> members, const std::string& label,
                        const algo::TraversalFilter& filter, std::size_t max_nodes) {
  refuse_if_too_big(members.size(), max_nodes, label);
  Diagram d;
  d.vertices = members;
  d.relations = relations_among(graph, d.vertices, filter);
  d.boxes.push_back({label + " (" + std::to_string(members.size()) + " entities)", std::move(members)});
  d.title = label;
  return d;
}

Diagram expansion_diagram(const Graph& graph, const std::vector<VertexId>& expanded, const algo::TraversalFilter& filter,
                          std::size_t max_nodes) {
  Diagram d;
  std::vector<bool> in(graph.entity_count(), false);
  auto add = [&](VertexId v) {
    if (!in[v]) in[v] = true, d.vertices.push_back(v);
  };
  for (VertexId v : expanded) add(v);
  for (VertexId v : expanded) {
    for (Graph::Arc arc : graph.arcs(v)) {
      if (filter.allows(graph, arc)) add(arc.neighbor);
    }
  }
  refuse_if_too_big(d.vertices.size(), max_nodes, "this view");
  d.relations = relations_among(graph, d.vertices, filter);
  d.highlighted_vertices = expanded;
  d.title = expanded.size() == 1 ? graph.entity(expanded.front()).name : std::to_string(expanded.size()) + " expanded entities";
  return d;
}

Diagram whole_graph_diagram(const Graph& graph, const algo::TraversalFilter& filter, std::size_t max_nodes) {
  Diagram d;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    if (filter.allows_vertex(graph, v)) d.vertices.push_back(v);
  }
  refuse_if_too_big(d.vertices.size(), max_nodes, "the whole graph");
  d.relations = relations_among(graph, d.vertices, filter);
  d.title = "hallyu: " + std::to_string(d.vertices.size()) + " entities";
  return d;
}

}  // namespace hallyu::render
