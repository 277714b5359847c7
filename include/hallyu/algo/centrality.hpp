// Centrality on a SimpleGraph, with NetworkX 2.8's definitions and defaults so results can be
// checked against it to 1e-9: degree, betweenness (normalised; exact in parallel, or sampled with a
// guarantee), closeness (Wasserman-Faust improved), harmonic, PageRank and eigenvector (the same
// power iterations, start vectors and stopping rules as NetworkX).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::algo {

enum class Metric { degree, betweenness, closeness, harmonic, pagerank, eigenvector };
Metric parse_metric(std::string_view name);  // throws UsageError with the valid names
std::string_view to_string(Metric metric);

// Called now and then with (work done, total work) from the computing threads, one call at a time.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Polled now and then (from any thread, so it must be thread-safe); true stops the computation with
// an error of category `interrupted` (a time budget ran out, the client went away).
using Cancelled = std::function<bool()>;

struct ParallelOptions {
  unsigned threads = 0;  // 0: all hardware threads
  Progress progress;     // may be empty
  Cancelled cancelled;   // may be empty
};

std::vector<double> degree_centrality(const SimpleGraph& g);
// Exact (Brandes). The result does not depend on the thread count: sources are processed in fixed
// blocks whose partial sums are added in block order.
std::vector<double> betweenness_centrality(const SimpleGraph& g, const ParallelOptions& options = {});
std::vector<double> closeness_centrality(const SimpleGraph& g, const ParallelOptions& options = {});
std::vector<double> harmonic_centrality(const SimpleGraph& g, const ParallelOptions& options = {});

// Stops when one iteration changes the scores by less than tolerance x n in sum (NetworkX's rule).
// For PageRank each iteration shrinks the L1 distance to the exact solution by alpha, so what is left
// is at most alpha / (1 - alpha) times the last change.
struct PowerIterationOptions {
  double tolerance = 1e-6;
  unsigned max_iterations = 100;
  Cancelled cancelled;  // polled once per iteration; may be empty
  unsigned threads = 1;  // 0 for all hardware threads; the scores do not depend on it
};
struct PowerIterationResult {
  std::vector<double> scores;
  unsigned iterations = 0;
  bool converged = false;
};
PowerIterationResult pagerank(const SimpleGraph& g, double alpha = 0.85, const PowerIterationOptions& options = {});
PowerIterationResult eigenvector_centrality(const SimpleGraph& g, const PowerIterationOptions& options = {});

// Riondato-Kornaropoulos sampling: with probability at least 1 - delta, every score is within
// epsilon of the exact normalised betweenness. Deterministic for a seed, whatever the thread count
// (sample i draws from its own stream; sums are integer counts).
struct ApproximateBetweenness {
  std::vector<double> scores;
  std::uint64_t samples = 0;
  std::uint32_t vertex_diameter_bound = 0;
};
ApproximateBetweenness approximate_betweenness(const SimpleGraph& g, double epsilon, double delta, std::uint64_t seed,
                                               const ParallelOptions& options = {});

struct CentralityOptions {
  double alpha = 0.85;             // pagerank
  PowerIterationOptions power;     // pagerank, eigenvector
  double approx = 0;               // betweenness: 0 exact, otherwise sampled with this epsilon
  double delta = 0.1;              // betweenness when sampled
  std::uint64_t seed = 1;          // betweenness when sampled
  ParallelOptions parallel;        // betweenness, closeness, harmonic
};
struct CentralityResult {
  std::vector<double> scores;
  bool converged = true;                 // false when pagerank or eigenvector hit their iteration limit
  std::optional<std::uint64_t> samples;  // sampled betweenness: how many samples
};
// Runs `metric`; callers decide what non-convergence means for them (the scores are the last iterate).
CentralityResult centrality(const SimpleGraph& g, Metric metric, const CentralityOptions& options = {});

}  // namespace hallyu::algo
