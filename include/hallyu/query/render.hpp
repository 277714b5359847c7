// render: Graphviz diagrams of an ego network, paths, a cluster, expanded entities, the whole graph, a
// career on a year axis or the cross-promotion map of agencies.
#pragma once

#include <optional>

#include "hallyu/query/engine.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::query {

struct RenderRequest {
  // Exactly one subject: ego, from + to (paths), cluster, expand, all, career or crossovers.
  std::string ego;
  unsigned radius = 1;
  std::string from, to;
  std::size_t k = 1;
  std::size_t context = 0;  // paths read best alone; context adds dimmed neighbours
  std::optional<long long> cluster;
  std::string method = "leiden";
  std::uint64_t seed = 1;
  std::vector<std::string> expand;  // ids
  bool all = false;
  std::string career;
  bool crossovers = false;
  std::string crossovers_with = "networks";
  std::size_t top = 40;
  bool expand_leaves = false;  // cluster: draw entities with one tie rather than a count on their neighbour
  bool force = false;
  std::size_t max_nodes = 500;
  std::vector<std::string> highlight;
  std::string format;  // svg, png, pdf, dot ("" : the front end decides)
  std::string layout = "auto";
  bool edge_labels = false;
  bool legend = true;
  std::string size_by;   // "" (clusters: degree) or a centrality metric
  std::string color_by;  // kind (default), cluster (of method) or agency
  FilterRequest filter;
};
struct RenderResult {
  render::Diagram diagram;
  render::Format format = render::Format::svg;
  std::string layout;  // the layout used
  std::string bytes;
};
const OperationSpec& render_spec();
RenderRequest render_request(const Parameters& parameters);
RenderResult render_diagram(const Engine& engine, const RenderRequest& request);

}  // namespace hallyu::query
