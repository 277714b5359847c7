// centrality: rank entities by degree, betweenness, closeness, harmonic, PageRank or eigenvector on
// the filtered simple graph or a people projection.
#pragma once

#include <optional>

#include "hallyu/algo/centrality.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct CentralityRequest {
  std::string metric = "degree";
  std::vector<std::string> kinds;  // list only these kinds (computed on the whole filtered graph)
  std::size_t top = 20;            // 0: all
  unsigned threads = 0;            // 0: all cores
  double approx = 0;               // betweenness: 0 exact, otherwise sampled with this epsilon
  double delta = 0.1;
  std::uint64_t seed = 1;
  std::string projection;  // "", "people" or "costars"
  double alpha = 0.85;
  // Unset: pagerank 1e-12 (converged, within 1e-9 of the exact solution), eigenvector 1e-6 (NetworkX's).
  std::optional<double> tolerance;
  unsigned max_iterations = 0;  // 0: 100, or for pagerank as many as the tolerance needs
  FilterRequest filter;
  algo::Progress progress;  // may be empty
};
struct CentralityResult {
  algo::Metric metric = algo::Metric::degree;
  algo::SimpleGraph simple;
  // Per local vertex of `simple`. Closeness and harmonic with a top: exact for the listed entities (and
  // any the pruned search completed), -infinity for the others.
  std::vector<double> scores;
  std::vector<std::uint32_t> listed;     // local vertices, ranked, at most top
  std::optional<std::uint64_t> samples;  // sampled betweenness
  CentralityRequest request;             // as run (progress dropped)
};
const OperationSpec& centrality_spec();
CentralityRequest centrality_request(const Parameters& parameters);
CentralityResult centrality(const Engine& engine, const CentralityRequest& request, const Interrupt& interrupt = {});

}  // namespace hallyu::query
