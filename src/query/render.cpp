// render: the view's selection (query/view) under the filters and bounds, laid out and drawn by Graphviz.
#include "hallyu/query/render.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "subject.hpp"
#include "hallyu/query/view.hpp"

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
  detail::read_subject(parameters, request);
  request.force = parameters.flag("force");
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
  RenderResult result;
  result.format = render::parse_format(request.format.empty() ? "svg" : request.format);
  // The interactive bound cannot be lifted by force; a batch run may draw anything it is asked to.
  std::size_t max_nodes = request.force ? 0 : request.max_nodes;
  if (limits.max_drawn_entities != 0)
    max_nodes = max_nodes == 0 ? limits.max_drawn_entities : std::min(max_nodes, limits.max_drawn_entities);
  // The selection is the explorer's view of the same subject; only the drawing differs.
  ViewRequest subject;
  subject.ego = request.ego;
  subject.radius = request.radius;
  subject.from = request.from;
  subject.to = request.to;
  subject.k = request.k;
  subject.context = request.context;
  subject.cluster = request.cluster;
  subject.method = request.method;
  subject.seed = request.seed;
  subject.expand = request.expand;
  subject.all = request.all;
  subject.max_nodes = max_nodes;
  subject.highlight = request.highlight;
  subject.filter = request.filter;
  ViewResult selected = view(engine, subject);
  if ((!request.from.empty() || !request.to.empty()) && selected.paths.empty()) {
    throw UsageError("no path between " + engine.names().label(engine.resolve(request.from)) + " and " +
                         engine.names().label(engine.resolve(request.to)) + " to draw",
                     ErrorCategory::not_found);
  }
  render::Diagram& diagram = result.diagram;
  diagram = std::move(selected.diagram);
  render::RenderOptions options;
  options.layout = request.layout;
  options.edge_labels = request.edge_labels;
  options.legend = request.legend;
  result.layout = request.layout == "auto" ? render::automatic_layout(diagram) : request.layout;
  result.bytes = render::render(graph, diagram, result.format, options);
  return result;
}

}  // namespace hallyu::query
