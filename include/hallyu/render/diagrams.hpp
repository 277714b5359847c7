// The diagrams people ask for, as render::Diagram values: an ego network, paths over their dimmed
// context, a cluster in its box, the neighbourhoods of a set of expanded entities (the explorer's
// graph view), or the whole graph. Each refuses (UsageError) past max_nodes unless max_nodes is 0.
#pragma once

#include "hallyu/algo/filter.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::render {

Diagram ego_diagram(const Graph& graph, VertexId center, unsigned radius, const algo::TraversalFilter& filter,
                    std::size_t max_nodes);
// `context`: how many neighbours of each path entity are drawn, faint, around the paths.
Diagram path_diagram(const Graph& graph, const std::vector<algo::Path>& paths, const algo::TraversalFilter& filter,
                     std::size_t context);
Diagram cluster_diagram(const Graph& graph, std::vector<VertexId> members, const std::string& label,
                        const algo::TraversalFilter& filter, std::size_t max_nodes);
// Every expanded entity with its direct neighbours (filtered), expanded ones highlighted.
Diagram expansion_diagram(const Graph& graph, const std::vector<VertexId>& expanded, const algo::TraversalFilter& filter,
                          std::size_t max_nodes);
Diagram whole_graph_diagram(const Graph& graph, const algo::TraversalFilter& filter, std::size_t max_nodes);

// Relations the filter allows between the given entities, each once, ascending.
std::vector<RelationId> relations_among(const Graph& graph, const std::vector<VertexId>& vertices,
                                        const algo::TraversalFilter& filter);

}  // namespace hallyu::render
