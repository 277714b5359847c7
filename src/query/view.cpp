// view: choose the subject, select its entities and relations under the filters and bounds, and
// attach clusters and scores from the whole filtered graph.
#include "hallyu/query/view.hpp"

#include <algorithm>

#include "hallyu/algo/partition.hpp"
#include "hallyu/error.hpp"
#include "subject.hpp"
#include "hallyu/query/centrality.hpp"
#include "hallyu/query/clusters.hpp"
#include "hallyu/query/crossovers.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {

const OperationSpec& view_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "view",
      "The entities and relations of an ego network, paths, a cluster or expanded entities, as data",
      {{"ego", T::text, "The neighbourhood of this entity", false, ""},
       {"radius", T::integer, "Hops around ego", false, "-r"},
       {"from", T::text, "The paths from this entity (with to)", false, ""},
       {"to", T::text, "The paths to this entity (with from)", false, ""},
       {"k", T::integer, "With from/to: the k shortest paths", false, "-k"},
       {"context", T::integer, "With from/to: neighbours shown around each path entity", false, ""},
       {"cluster", T::integer, "This cluster of method (0 is the largest)", false, ""},
       {"method", T::text, "Clustering for cluster: components, louvain, leiden, label-propagation", false, "-m"},
       {"seed", T::integer, "Seed for cluster and color_by", false, ""},
       {"expand", T::list, "These entities (ids) with their direct neighbours", false, ""},
       {"shown", T::list, "With expand: entities (ids) already expanded; send only what expand adds", false, ""},
       {"all", T::flag, "The whole (filtered) graph", false, ""},
       {"career", T::text, "This entity's groups, agencies, dramas, OSTs and collaborators by year", false, ""},
       {"crossovers", T::flag, "The cross-promotion map: agencies and networks (or dramas) by their artists' credits", false, ""},
       {"crossovers_with", T::text, "With crossovers: networks or dramas", false, ""},
       {"top", T::integer, "With crossovers: the strongest ties (0: all)", false, ""},
       {"max_nodes", T::integer, "Refuse views larger than this", false, ""},
       {"highlight", T::names, "Emphasise this entity (repeatable)", false, ""},
       {"color_by", T::text, "Each entity's cluster: components, louvain, leiden, label-propagation", false, ""},
       {"size_by", T::text, "Each entity's centrality: degree, betweenness, closeness, harmonic, pagerank, eigenvector",
        false, ""}},
      ""});
  return spec;
}

ViewRequest view_request(const Parameters& parameters) {
  ViewRequest request;
  detail::read_subject(parameters, request);
  request.shown = parameters.list("shown");
  if (auto v = parameters.text("color_by")) request.color_by = *v;
  if (auto v = parameters.text("size_by")) request.size_by = *v;
  request.filter = filter_request(parameters);
  return request;
}

ViewResult view(const Engine& engine, const ViewRequest& request, const Interrupt& interrupt) {
  const Graph& graph = engine.graph();
  const Limits& limits = engine.limits();
  bool path = !request.from.empty() || !request.to.empty();
  int subjects = !request.ego.empty() + path + request.cluster.has_value() + !request.expand.empty() + request.all +
                 !request.career.empty() + request.crossovers;
  if (subjects != 1) throw UsageError("choose exactly one of ego, from and to, cluster, expand, all, career, crossovers");
  if (request.crossovers_with != "networks" && request.crossovers_with != "dramas")
    throw UsageError("crossovers_with is networks or dramas, not " + text::quote(request.crossovers_with));
  check_range("radius", request.radius, 1, std::min(4u, limits.max_radius));
  check_range("k", request.k, 1, limits.max_drawn_paths);
  check_range("context", request.context, 0, 100);
  std::size_t max_nodes = request.max_nodes;
  if (limits.max_view_entities != 0)
    max_nodes = max_nodes == 0 ? limits.max_view_entities : std::min(max_nodes, limits.max_view_entities);
  algo::TraversalFilter filter = engine.filter(request.filter);
  ViewResult result;
  result.request = request;
  render::Diagram& diagram = result.diagram;
  if (!request.ego.empty()) {
    diagram = render::ego_diagram(graph, engine.resolve(request.ego), request.radius, filter, max_nodes);
  } else if (path) {
    if (request.from.empty() || request.to.empty()) throw UsageError("a path needs both from and to");
    VertexId from = engine.resolve(request.from), to = engine.resolve(request.to);
    algo::PathFinder finder(graph);
    result.paths = finder.k_shortest_paths(from, to, request.k, filter);
    if (result.paths.empty()) {
      // Nothing connects them under these filters: the two ends alone, and no paths.
      diagram.vertices = from == to ? std::vector<VertexId>{from} : std::vector<VertexId>{from, to};
      diagram.highlighted_vertices = diagram.vertices;
      diagram.title = "no path between " + engine.names().label(from) + " and " + engine.names().label(to);
    } else {
      diagram = render::path_diagram(graph, result.paths, filter, request.context);
    }
  } else if (request.cluster) {
    if (algo::parse_cluster_method(request.method) == algo::ClusterMethod::kcore) {
      throw UsageError("cluster shows components, louvain, leiden or label-propagation clusters");
    }
    ClustersRequest clusters_request;
    clusters_request.method = request.method;
    clusters_request.seed = request.seed;
    clusters_request.filter = request.filter;
    ClustersResult found = clusters(engine, clusters_request);
    diagram = render::cluster_diagram(graph, cluster_members(found, *request.cluster),
                                      request.method + " cluster #" + std::to_string(*request.cluster) + " (seed " +
                                          std::to_string(request.seed) + ")",
                                      filter, max_nodes, request.fold_leaves);
  } else if (!request.career.empty()) {
    diagram = render::career_diagram(graph, engine.resolve(request.career), filter, engine.relation_years(), max_nodes);
  } else if (request.crossovers) {
    // The counts are the crossovers operation's (credits within contracts), not recounted here.
    CrossoversRequest crossovers_request;
    crossovers_request.patterns = {request.crossovers_with == "dramas" ? "agency-pipelines" : "agency-networks"};
    crossovers_request.top = 0;
    crossovers_request.filter = request.filter;
    CrossoversResult found = crossovers(engine, crossovers_request);
    diagram = render::crossover_diagram(found.found, request.crossovers_with == "dramas", request.top, max_nodes);
  } else if (!request.expand.empty()) {
    if (request.expand.size() > 50) throw UsageError("expand takes 1 to 50 ids");
    if (request.shown.size() > 200) throw UsageError("shown takes at most 200 ids");
    auto vertices_of = [&](const std::vector<std::string>& ids) {
      std::vector<VertexId> out;
      for (const std::string& id : ids) {
        auto v = graph.find_id(id);
        if (!v) throw NameError("no entity with id " + text::quote(id), ErrorCategory::not_found, {});
        out.push_back(*v);
      }
      return out;
    };
    std::vector<VertexId> expanded = vertices_of(request.expand);
    if (request.shown.empty()) {
      diagram = render::expansion_diagram(graph, expanded, filter, max_nodes);
    } else {
      // The difference between the page's expansion and the one it asks for.
      std::vector<VertexId> shown = vertices_of(request.shown);
      std::vector<bool> on_page(graph.entity_count(), false), sent(graph.entity_count(), false);
      for (VertexId v : render::expansion_diagram(graph, shown, filter, 0).vertices) on_page[v] = true;
      std::vector<VertexId> all = shown;
      all.insert(all.end(), expanded.begin(), expanded.end());
      render::Diagram whole = render::expansion_diagram(graph, all, filter, max_nodes);
      for (VertexId v : expanded) sent[v] = true;
      for (VertexId v : whole.vertices) {
        if (!on_page[v]) sent[v] = true;
      }
      diagram.title = whole.title;
      for (VertexId v : whole.vertices) {
        if (sent[v]) diagram.vertices.push_back(v);
      }
      for (RelationId r : whole.relations) {
        if (sent[graph.relation(r).from] || sent[graph.relation(r).to]) diagram.relations.push_back(r);
      }
      diagram.highlighted_vertices = expanded;
    }
  } else {
    diagram = render::whole_graph_diagram(graph, filter, max_nodes);
  }
  for (const std::string& name : request.highlight) diagram.highlighted_vertices.push_back(engine.resolve(name));

  if (!request.color_by.empty()) {
    if (algo::parse_cluster_method(request.color_by) == algo::ClusterMethod::kcore)
      throw UsageError("color_by takes components, louvain, leiden or label-propagation");
    ClustersRequest clusters_request;
    clusters_request.method = request.color_by;
    clusters_request.seed = request.seed;
    clusters_request.filter = request.filter;
    ClustersResult found = clusters(engine, clusters_request);
    std::vector<std::uint32_t> of(graph.entity_count(), algo::kNoCommunity);
    for (std::uint32_t i = 0; i < found.simple.size(); ++i)
      of[found.simple.original(i)] = found.clustering.partition.community[i];
    for (VertexId v : diagram.vertices) result.cluster.push_back(of[v]);
  }
  if (!request.size_by.empty()) {
    CentralityRequest centrality_request;
    centrality_request.metric = request.size_by;
    centrality_request.top = 0;
    centrality_request.filter = request.filter;
    CentralityResult scored = centrality(engine, centrality_request, interrupt);
    std::vector<double> of(graph.entity_count(), 0.0);
    for (std::uint32_t i = 0; i < scored.simple.size(); ++i) of[scored.simple.original(i)] = scored.scores[i];
    for (VertexId v : diagram.vertices) result.score.push_back(of[v]);
  }
  return result;
}

}  // namespace hallyu::query
