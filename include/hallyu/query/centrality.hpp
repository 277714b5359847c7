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
  double tolerance = 1e-6;
  unsigned max_iterations = 100;
  FilterRequest filter;
  algo::Progress progress;  // may be empty
};
struct CentralityResult {
  algo::Metric metric = algo::Metric::degree;
  algo::SimpleGraph simple;
  std::vector<double> scores;            // per local vertex of `simple`
  std::vector<std::uint32_t> listed;     // local vertices, ranked, at most top
  std::optional<std::uint64_t> samples;  // sampled betweenness
  CentralityRequest request;             // as run (progress dropped)
};
const OperationSpec& centrality_spec();
CentralityRequest centrality_request(const Parameters& parameters);
CentralityResult centrality(const Engine& engine, const CentralityRequest& request, const Interrupt& interrupt = {});

}  // namespace hallyu::query
