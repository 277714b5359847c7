// render: choose the subject, build the diagram under the filters and bounds, lay out and render.
#include "hallyu/query/render.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "hallyu/query/clusters.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {

const OperationSpec& render_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "render",
      "Draw an ego network, paths, a cluster or the whole graph (SVG, PNG, PDF, DOT)",
      {{"ego", T::text, "Draw the neighbourhood of this entity", false, ""},
       {"radius", T::integer, "Hops around ego", false, "-r"},
       {"from", T::text, "Draw the paths from this entity (with to)", false, ""},
       {"to", T::text, "Draw the paths to this entity (with from)", false, ""},
       {"k", T::integer, "With from/to: the k shortest paths", false, "-k"},
       {"context", T::integer, "With from/to: neighbours shown (dimmed) around each path entity", false, ""},
       {"cluster", T::integer, "Draw this cluster of method (0 is the largest)", false, ""},
       {"method", T::text, "Clustering for cluster: components, louvain, leiden, label-propagation", false, "-m"},
       {"seed", T::integer, "Seed for cluster", false, ""},
       {"expand", T::list, "Draw these entities (ids) with their direct neighbours", false, ""},
       {"all", T::flag, "Draw the whole (filtered) graph", false, ""},
       {"force", T::flag, "Draw even above max_nodes", false, ""},
       {"max_nodes", T::integer, "Refuse diagrams larger than this unless force", false, ""},
       {"highlight", T::names, "Emphasise this entity (repeatable)", false, ""},
       {"format", T::text, "svg, png, pdf or dot", false, ""},
       {"layout", T::text, "auto, dot, neato, fdp, sfdp, circo, twopi", false, ""},
       {"edge_labels", T::flag, "Label every relation with its type and role", false, ""},
       {"no_legend", T::flag, "Leave the legend out", false, ""}},
      ""});
  return spec;
}

RenderRequest render_request(const Parameters& parameters) {
  RenderRequest request;
  if (auto v = parameters.text("ego")) request.ego = *v;
  if (auto v = parameters.count("radius"))
    request.radius = static_cast<unsigned>(std::min<std::uint64_t>(*v, UINT32_MAX));
  if (auto v = parameters.text("from")) request.from = *v;
  if (auto v = parameters.text("to")) request.to = *v;
  if (auto v = parameters.count("k")) request.k = *v;
  if (auto v = parameters.count("context")) request.context = *v;
  if (auto v = parameters.integer("cluster")) request.cluster = *v;
  if (auto v = parameters.text("method")) request.method = *v;
  if (auto v = parameters.count("seed")) request.seed = *v;
  request.expand = parameters.list("expand");
  request.all = parameters.flag("all");
  request.force = parameters.flag("force");
  if (auto v = parameters.count("max_nodes")) request.max_nodes = *v;
  request.highlight = parameters.all("highlight");
  if (auto v = parameters.text("format")) request.format = *v;
  if (auto v = parameters.text("layout")) request.layout = *v;
  request.edge_labels = parameters.flag("edge_labels");
  request.legend = !parameters.flag("no_legend");
  request.filter = filter_request(parameters);
  return request;
}

RenderResult render_diagram(const Engine& engine, const RenderRequest& request) {
  const Graph& graph = engine.graph();
  const Limits& limits = engine.limits();
  bool path = !request.from.empty() || !request.to.empty();
  int subjects = !request.ego.empty() + path + request.cluster.has_value() + !request.expand.empty() + request.all;
  if (subjects != 1) throw UsageError("choose exactly one of ego, from and to, cluster, expand, all");
  RenderResult result;
  result.format = render::parse_format(request.format.empty() ? "svg" : request.format);
  check_range("radius", request.radius, 1, std::min(4u, limits.max_radius));
  check_range("k", request.k, 1, limits.max_drawn_paths);
  check_range("context", request.context, 0, 100);
  // The interactive bound cannot be lifted by force; a batch run may draw anything it is asked to.
  std::size_t max_nodes = request.force ? 0 : request.max_nodes;
  if (limits.max_drawn_entities != 0)
    max_nodes = max_nodes == 0 ? limits.max_drawn_entities : std::min(max_nodes, limits.max_drawn_entities);
  algo::TraversalFilter filter = engine.filter(request.filter);
  render::Diagram& diagram = result.diagram;
  if (!request.ego.empty()) {
    diagram = render::ego_diagram(graph, engine.resolve(request.ego), request.radius, filter, max_nodes);
  } else if (path) {
    if (request.from.empty() || request.to.empty()) throw UsageError("a path needs both from and to");
    VertexId from = engine.resolve(request.from), to = engine.resolve(request.to);
    algo::PathFinder finder(graph);
    std::vector<algo::Path> paths = finder.k_shortest_paths(from, to, request.k, filter);
    if (paths.empty()) {
      throw UsageError(
          "no path between " + engine.names().label(from) + " and " + engine.names().label(to) + " to draw",
          ErrorCategory::not_found);
    }
    diagram = render::path_diagram(graph, paths, filter, request.context);
  } else if (request.cluster) {
    if (algo::parse_cluster_method(request.method) == algo::ClusterMethod::kcore) {
      throw UsageError("cluster draws components, louvain, leiden or label-propagation clusters");
    }
    ClustersRequest clusters_request;
    clusters_request.method = request.method;
    clusters_request.seed = request.seed;
    clusters_request.filter = request.filter;
    ClustersResult found = clusters(engine, clusters_request);
    diagram = render::cluster_diagram(graph, cluster_members(found, *request.cluster),
                                      request.method + " cluster #" + std::to_string(*request.cluster) + " (seed " +
                                          std::to_string(request.seed) + ")",
                                      filter, max_nodes);
  } else if (!request.expand.empty()) {
    if (request.expand.size() > 50) throw UsageError("expand takes 1 to 50 ids");
    std::vector<VertexId> expanded;
    for (const std::string& id : request.expand) {
      auto v = graph.find_id(id);
      if (!v) throw NameError("no entity with id " + text::quote(id), ErrorCategory::not_found, {});
      expanded.push_back(*v);
    }
    diagram = render::expansion_diagram(graph, expanded, filter, max_nodes);
  } else {
    diagram = render::whole_graph_diagram(graph, filter, max_nodes);
  }
  for (const std::string& name : request.highlight) diagram.highlighted_vertices.push_back(engine.resolve(name));
  render::RenderOptions options;
  options.layout = request.layout;
  options.edge_labels = request.edge_labels;
  options.legend = request.legend;
  result.layout = request.layout == "auto" ? render::automatic_layout(diagram) : request.layout;
  result.bytes = render::render(graph, diagram, result.format, options);
  return result;
}

}  // namespace hallyu::query
