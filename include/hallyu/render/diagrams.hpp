// The diagrams people ask for, as render::Diagram values: an ego network, paths over their dimmed
// context, a cluster in its box, the neighbourhoods of a set of expanded entities (the explorer's
// graph view), or the whole graph. Each refuses (UsageError) past max_nodes unless max_nodes is 0.
#pragma once

#include "hallyu/algo/crossovers.hpp"
#include "hallyu/algo/filter.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::render {

Diagram ego_diagram(const Graph& graph, VertexId center, unsigned radius, const algo::TraversalFilter& filter,
                    std::size_t max_nodes);
// `context`: how many neighbours of each path entity are drawn, faint, around the paths.
Diagram path_diagram(const Graph& graph, const std::vector<algo::Path>& paths, const algo::TraversalFilter& filter,
                     std::size_t context);
// With fold, entities tied to only one other entity of the cluster are drawn as a count on it ("+3 OSTs").
Diagram cluster_diagram(const Graph& graph, std::vector<VertexId> members, const std::string& label,
                        const algo::TraversalFilter& filter, std::size_t max_nodes, bool fold = false);
// Every expanded entity with its direct neighbours (filtered), expanded ones highlighted.
Diagram expansion_diagram(const Graph& graph, const std::vector<VertexId>& expanded, const algo::TraversalFilter& filter,
                          std::size_t max_nodes);
// Entities left without a relation by the filter are dropped (counted in dropped_isolated and the
// note); the bound applies to what is left.
Diagram whole_graph_diagram(const Graph& graph, const algo::TraversalFilter& filter, std::size_t max_nodes);
// An entity's groups, agencies, dramas, OSTs and collaborators in year columns (the earliest year of
// each tie; undated ones last), music above drama in each column; ended ties dashed. `spans` is
// relation_years(graph).
Diagram career_diagram(const Graph& graph, VertexId subject, const algo::TraversalFilter& filter,
                       const std::vector<algo::YearSpan>& spans, std::size_t max_nodes);
// Agencies (left) tied to networks, or with dramas to dramas (right), by links as wide as the
// agency's credits there: the agency_networks or agency_dramas rows of find_crossovers, strongest
// `top` (0: all).
Diagram crossover_diagram(const algo::Crossovers& found, bool dramas, std::size_t top,
                          std::size_t max_nodes);

// Relations the filter allows between the given entities, each once, ascending.
std::vector<RelationId> relations_among(const Graph& graph, const std::vector<VertexId>& vertices,
                                        const algo::TraversalFilter& filter);

}  // namespace hallyu::render
