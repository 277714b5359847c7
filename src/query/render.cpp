// render: the view's selection (query/view) under the filters and bounds, laid out and drawn by Graphviz.
#include "hallyu/query/render.hpp"

#include <algorithm>
#include <map>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"
#include "subject.hpp"
#include "hallyu/query/view.hpp"

namespace hallyu::query {

namespace {

// Each entity's agency: its own current contract (else its latest), or for a member its group's; the
// eleven agencies with the most entities drawn get a colour each, the rest share one.
void color_by_agency(const Engine& engine, const FilterRequest& filter_request, render::Diagram& diagram) {
  const Graph& graph = engine.graph();
  algo::TraversalFilter filter = engine.filter(filter_request);
  const auto& spans = engine.relation_years();
  auto own_agency = [&](VertexId v) -> std::optional<VertexId> {
    std::optional<VertexId> best;
    std::pair<bool, int> best_key{false, 0};
    for (Graph::Arc arc : graph.arcs(v)) {
      const Relation& rel = graph.relation(arc.relation);
      if (rel.type != RelationType::signed_to || rel.from != v || !filter.allows(graph, arc)) continue;
      std::pair<bool, int> key{!render::has_ended(rel), spans[arc.relation].first};
      if (!best || key > best_key) best = rel.to, best_key = key;
    }
    return best;
  };
  std::vector<std::optional<VertexId>> agency;
  std::map<VertexId, std::size_t> count;
  for (VertexId v : diagram.vertices) {
    std::optional<VertexId> a = graph.entity(v).kind == Kind::agency ? std::optional<VertexId>(v) : own_agency(v);
    for (Graph::Arc arc : graph.arcs(v)) {
      if (a) break;
      const Relation& rel = graph.relation(arc.relation);
      if (rel.type == RelationType::member_of && rel.from == v && !render::has_ended(rel) && filter.allows(graph, arc))
        a = own_agency(rel.to);
    }
    agency.push_back(a);
    if (a) ++count[*a];
  }
  std::vector<VertexId> ranked;
  for (const auto& [a, n] : count) ranked.push_back(a);
  std::stable_sort(ranked.begin(), ranked.end(), [&](VertexId a, VertexId b) { return count[a] > count[b]; });
  constexpr std::size_t kNamed = 11;
  std::map<VertexId, std::uint32_t> index;
  for (std::size_t i = 0; i < ranked.size(); ++i) index[ranked[i]] = static_cast<std::uint32_t>(std::min(i, kNamed));
  for (std::size_t i = 0; i < ranked.size() && i < kNamed; ++i) diagram.group_names.push_back(graph.entity(ranked[i]).name);
  if (ranked.size() > kNamed) diagram.group_names.push_back("other agencies");
  diagram.groups.clear();
  for (const auto& a : agency) diagram.groups.push_back(a ? index[*a] : render::Diagram::kNoGroup);
  diagram.group_legend = "agency (grey: none known)";
}

}  // namespace

const OperationSpec& render_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "render",
      "Draw an ego network, paths, a cluster, the whole graph, a career or the cross-promotion map (SVG, PNG, PDF, DOT)",
      {{"ego", T::text, "Draw the neighbourhood of this entity", false, ""},
       {"radius", T::integer, "Hops around ego", false, "-r"},
       {"from", T::text, "Draw the paths from this entity (with to)", false, ""},
       {"to", T::text, "Draw the paths to this entity (with from)", false, ""},
       {"k", T::integer, "With from/to: the k shortest paths", false, "-k"},
       {"context", T::integer, "With from/to: neighbours shown (dimmed) around each path entity (default 0)", false, ""},
       {"cluster", T::integer, "Draw this cluster of method (0 is the largest)", false, ""},
       {"method", T::text, "Clustering for cluster: components, louvain, leiden, label-propagation", false, "-m"},
       {"seed", T::integer, "Seed for cluster", false, ""},
       {"expand", T::list, "Draw these entities (ids) with their direct neighbours", false, ""},
       {"all", T::flag, "Draw the whole (filtered) graph; entities left without relations are left out", false, ""},
       {"career", T::text, "Draw this entity's groups, agencies, dramas, OSTs and collaborators on a year axis", false, ""},
       {"crossovers", T::flag, "Draw the cross-promotion map: agencies and networks (or dramas), as wide as their artists' credits", false, ""},
       {"crossovers_with", T::text, "With crossovers: networks (default) or dramas", false, ""},
       {"top", T::integer, "With crossovers: the strongest ties drawn (0: all; default 40)", false, ""},
       {"expand_leaves", T::flag, "With cluster: draw entities with a single tie instead of a count on their neighbour", false, ""},
       {"force", T::flag, "Draw even above max_nodes", false, ""},
       {"max_nodes", T::integer, "Refuse diagrams larger than this unless force", false, ""},
       {"highlight", T::names, "Emphasise this entity (repeatable)", false, ""},
       {"format", T::text, "svg, png, pdf or dot", false, ""},
       {"layout", T::text, "auto, dot, neato, fdp, sfdp, circo, twopi", false, ""},
       {"edge_labels", T::flag, "Label every relation with its type and role", false, ""},
       {"no_legend", T::flag, "Leave the legend out", false, ""},
       {"size_by", T::text, "Node size by centrality: degree, betweenness, closeness, harmonic, pagerank, eigenvector (clusters: degree)", false, ""},
       {"color_by", T::text, "Node colour: kind (default), cluster (of method) or agency", false, ""}},
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
  request.expand_leaves = parameters.flag("expand_leaves");
  if (auto v = parameters.text("size_by")) request.size_by = *v;
  if (auto v = parameters.text("color_by")) request.color_by = *v;
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
  subject.career = request.career;
  subject.crossovers = request.crossovers;
  subject.crossovers_with = request.crossovers_with;
  subject.top = request.top;
  subject.fold_leaves = !request.expand_leaves;
  subject.max_nodes = max_nodes;
  subject.highlight = request.highlight;
  subject.filter = request.filter;
  std::string color_by = request.color_by.empty() ? "kind" : request.color_by;
  if (color_by != "kind" && color_by != "cluster" && color_by != "agency")
    throw UsageError("color_by is kind, cluster or agency, not " + text::quote(color_by));
  if (color_by == "cluster") subject.color_by = request.method;
  // A cluster's central members stand out by default; other diagrams are sized only when asked.
  subject.size_by = request.size_by.empty() && request.cluster ? "degree" : request.size_by;
  ViewResult selected = view(engine, subject);
  if ((!request.from.empty() || !request.to.empty()) && selected.paths.empty()) {
    throw UsageError("no path between " + engine.names().label(engine.resolve(request.from)) + " and " +
                         engine.names().label(engine.resolve(request.to)) + " to draw",
                     ErrorCategory::not_found);
  }
  render::Diagram& diagram = result.diagram;
  diagram = std::move(selected.diagram);
  if (!selected.score.empty()) {
    diagram.scores = std::move(selected.score);
    diagram.score_legend = subject.size_by + " (outlined: the top tenth)";
  }
  if (!selected.cluster.empty()) {
    diagram.groups = std::move(selected.cluster);
    diagram.group_legend = request.method + " cluster";
  } else if (color_by == "agency") {
    color_by_agency(engine, request.filter, diagram);
  }
  render::RenderOptions options;
  options.layout = request.layout;
  options.edge_labels = request.edge_labels;
  options.legend = request.legend;
  result.layout = request.layout == "auto" ? render::automatic_layout(diagram) : request.layout;
  result.bytes = render::render(graph, diagram, result.format, options);
  return result;
}

}  // namespace hallyu::query
