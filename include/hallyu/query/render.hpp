// render: Graphviz diagrams of an ego network, paths, a cluster, expanded entities or the whole graph.
#pragma once

#include <optional>

#include "hallyu/query/engine.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::query {

struct RenderRequest {
  // Exactly one subject: ego, from + to (paths), cluster, expand, or all.
  std::string ego;
  unsigned radius = 1;
  std::string from, to;
  std::size_t k = 1;
  std::size_t context = 6;
  std::optional<long long> cluster;
  std::string method = "leiden";
  std::uint64_t seed = 1;
  std::vector<std::string> expand;  // ids
  bool all = false;
  bool force = false;
  std::size_t max_nodes = 500;
  std::vector<std::string> highlight;
  std::string format;  // svg, png, pdf, dot ("" : the front end decides)
  std::string layout = "auto";
  bool edge_labels = false;
  bool legend = true;
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
