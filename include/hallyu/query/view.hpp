// view: the entities and relations of an explorer view (an ego network, paths, a cluster, expanded
// entities, the whole graph) as data, for a page that lays them out and draws them itself; with each
// entity's cluster and centrality score on the whole filtered graph when asked, to colour and size it.
// render draws the same selection with Graphviz.
#pragma once

#include <optional>

#include "hallyu/algo/paths.hpp"
#include "hallyu/query/engine.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::query {

struct ViewRequest {
  // Exactly one subject: ego, from + to (paths), cluster, expand, all, career or crossovers.
  std::string ego;
  unsigned radius = 1;
  std::string from, to;
  std::size_t k = 1;
  std::size_t context = 0;  // from/to: neighbours of each path entity shown around the paths
  std::optional<long long> cluster;
  std::string method = "leiden";    // cluster's method
  std::uint64_t seed = 1;           // cluster's and color_by's seed
  std::vector<std::string> expand;  // ids
  // With expand: ids the page has already expanded. Only what expanding adds is sent: the entities
  // not yet on the page, the expanded ones, and the relations that touch them.
  std::vector<std::string> shown;
  bool all = false;
  std::string career;                     // this entity's ties by year
  bool crossovers = false;                // the cross-promotion map of agencies and ...
  std::string crossovers_with = "networks";  // ... networks or dramas
  std::size_t top = 40;                   // crossovers: the strongest ties (0: all)
  bool fold_leaves = false;               // cluster: entities with one tie drawn as a count on it
  std::size_t max_nodes = 2000;  // refuse larger views (0: no bound but the front end's)
  std::vector<std::string> highlight;
  std::string color_by;  // "" or a cluster method: each entity's cluster
  std::string size_by;   // "" or a centrality metric: each entity's score
  FilterRequest filter;
};

struct ViewResult {
  render::Diagram diagram;
  std::vector<algo::Path> paths;       // from + to: the k shortest (empty when there is none)
  std::vector<std::uint32_t> cluster;  // color_by: per diagram vertex (algo::kNoCommunity: in none)
  std::vector<double> score;           // size_by: per diagram vertex (0 outside the scored graph)
  ViewRequest request;
};

const OperationSpec& view_spec();
ViewRequest view_request(const Parameters& parameters);
ViewResult view(const Engine& engine, const ViewRequest& request, const Interrupt& interrupt = {});

}  // namespace hallyu::query
