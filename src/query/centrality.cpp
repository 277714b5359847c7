// centrality: validate, build the (projected) simple graph, run the metric, check convergence, rank.
#include "hallyu/query/centrality.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "hallyu/algo/ranking.hpp"
#include "hallyu/algo/top_closeness.hpp"
#include "hallyu/error.hpp"

namespace hallyu::query {
namespace {

constexpr unsigned kDefaultIterations = 100;  // NetworkX's default

// PageRank's power iteration shrinks the L1 change by alpha each step from at most 2, so reaching
// tol x n takes log(tol n / 2) / log(alpha) iterations: a tight tol needs no max_iter of its own.
// Eigenvector centrality has no such bound (and NetworkX gives up at 100), nor does alpha = 1.
unsigned iteration_limit(algo::Metric metric, const CentralityRequest& request, double tolerance, std::size_t n) {
  if (request.max_iterations != 0) return request.max_iterations;
  if (metric != algo::Metric::pagerank || request.alpha >= 1 || request.alpha <= 0 || n == 0) return kDefaultIterations;
  double needed = std::log(tolerance * static_cast<double>(n) / 2) / std::log(request.alpha);
  return static_cast<unsigned>(std::clamp(std::ceil(needed) + 10, double{kDefaultIterations}, 1'000'000.0));
}

}  // namespace

const OperationSpec& centrality_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "centrality",
      "Rank entities by degree, betweenness, closeness, harmonic, pagerank or eigenvector",
      {{"metric", T::text, "degree, betweenness, closeness, harmonic, pagerank, eigenvector", false, "-m"},
       {"kind", T::list, "List only these kinds (computed on the whole filtered graph)", false, ""},
       {"top", T::integer, "How many to list (0: all)", false, ""},
       {"threads", T::integer, "Threads for betweenness, closeness, harmonic, pagerank, eigenvector (0: all cores)", false, ""},
       {"approx", T::real, "Sampled betweenness: every score within EPS of exact with probability 1 - delta", false,
        ""},
       {"delta", T::real, "Failure probability for approx", false, ""},
       {"seed", T::integer, "Seed for approx (same seed, same result, any thread count)", false, ""},
       {"projection", T::text,
        "Rank people on a projection: 'people' (linked by a shared drama, a shared OST, or an OST of the other's "
        "drama) "
        "or 'costars' (a shared drama)",
        false, ""},
       {"alpha", T::real, "PageRank damping factor", false, ""},
       {"tol", T::real,
        "Tolerance for pagerank and eigenvector: stop when an iteration changes the scores by less than tol x "
        "entities in sum (NetworkX's rule). Default for pagerank 1e-12: converged, within 1e-9 of igraph's exact "
        "PRPACK scores as measured (NetworkX's 1e-6 stops early on large graphs: 50% off on a million "
        "entities); for eigenvector 1e-6, NetworkX's",
        false, ""},
       {"max_iter", T::integer,
        "Iteration limit for pagerank and eigenvector (default 100, or for pagerank as many as tol needs)", false, ""}},
      "Computed on the simple undirected graph (parallel relations collapsed). exclude_kinds and via compute on\n"
      "the induced subgraph without those entities or relations; kind only filters what is listed."});
  return spec;
}

CentralityRequest centrality_request(const Parameters& parameters) {
  CentralityRequest request;
  if (auto v = parameters.text("metric")) request.metric = *v;
  request.kinds = parameters.list("kind");
  if (auto v = parameters.count("top")) request.top = *v;
  if (auto v = parameters.count("threads"))
    request.threads = static_cast<unsigned>(std::min<std::uint64_t>(*v, 100000));
  if (auto v = parameters.real("approx")) request.approx = *v;
  if (auto v = parameters.real("delta")) request.delta = *v;
  if (auto v = parameters.count("seed")) request.seed = *v;
  if (auto v = parameters.text("projection")) request.projection = *v;
  if (auto v = parameters.real("alpha")) request.alpha = *v;
  if (auto v = parameters.real("tol")) request.tolerance = *v;
  if (auto v = parameters.count("max_iter"))
    request.max_iterations = static_cast<unsigned>(std::min<std::uint64_t>(*v, 10'000'000));
  request.filter = filter_request(parameters);
  return request;
}

CentralityResult centrality(const Engine& engine, const CentralityRequest& request, const Interrupt& interrupt) {
  const Graph& graph = engine.graph();
  const Limits& limits = engine.limits();
  CentralityResult result{algo::parse_metric(request.metric), algo::SimpleGraph({}, {}), {}, {}, {}, request};
  result.request.progress = nullptr;
  bool sampled = request.approx != 0;
  if (sampled && result.metric != algo::Metric::betweenness)
    throw UsageError("approx applies to metric betweenness only");
  if (sampled) check_range("approx", request.approx, 1e-4, 0.5);
  check_range("delta", request.delta, 1e-9, 0.5);
  check_range("alpha", request.alpha, 0.0, 1.0);
  // PageRank converges by default: NetworkX's 1e-6 stops after about 3 iterations on a million
  // entities, up to 50% off the exact scores there. Eigenvector keeps NetworkX's (it may not converge).
  const double tolerance = request.tolerance.value_or(result.metric == algo::Metric::pagerank ? 1e-12 : 1e-6);
  check_range("tol", tolerance, 1e-15, 1.0);
  check_range("max_iter", request.max_iterations, 0, 1'000'000);
  check_range("threads", request.threads, 0, 1024);
  check_range("top", request.top, 0, 100'000'000);
  algo::TraversalFilter filter = engine.filter(request.filter);
  KindSet listed = engine.kinds(request.kinds);
  result.simple = request.projection.empty() ? algo::simple_graph(graph, filter)
                                             : algo::project(graph, algo::parse_projection(request.projection), filter);
  const std::size_t n = result.simple.size();
  bool path_based = result.metric == algo::Metric::betweenness || result.metric == algo::Metric::closeness ||
                    result.metric == algo::Metric::harmonic;
  // Closeness and harmonic need only the top entities' scores: a pruned search finds them exactly,
  // and stops within the time budget like any other computation.
  const bool top_k = (result.metric == algo::Metric::closeness || result.metric == algo::Metric::harmonic) &&
                     request.top != 0 && (limits.max_top_closeness == 0 || request.top <= limits.max_top_closeness);
  if (path_based && !sampled && !top_k && limits.max_exact_centrality_entities != 0 &&
      n > limits.max_exact_centrality_entities) {
    throw LimitError(std::string(algo::to_string(result.metric)) + " on " + std::to_string(n) +
                     " entities is too slow to compute per request; filter the graph" +
                     (result.metric == algo::Metric::betweenness
                          ? " or use approx=0.02"
                          : " or ask for the top " + std::to_string(limits.max_top_closeness) + " or fewer"));
  }
  if (sampled && limits.max_approx_samples != 0 && n > 2) {
    // Riondato-Kornaropoulos needs at most 0.5/eps^2 (log2(n) + 1 + ln(1/delta)) samples (vertex diameter <= n).
    double bound =
        0.5 / (request.approx * request.approx) * (std::log2(static_cast<double>(n)) + 1 + std::log(1 / request.delta));
    if (bound > static_cast<double>(limits.max_approx_samples)) {
      throw LimitError("approx " + std::to_string(request.approx) + " needs up to " +
                       std::to_string(static_cast<long long>(bound)) + " samples on this graph, more than " +
                       std::to_string(limits.max_approx_samples) + " per request; raise approx");
    }
  }
  algo::Cancelled cancelled;
  if (interrupt.deadline != std::chrono::steady_clock::time_point::max() || interrupt.client_gone)
    cancelled = interrupt;
  algo::CentralityOptions options;
  options.alpha = request.alpha;
  const unsigned max_iterations = iteration_limit(result.metric, request, tolerance, n);
  options.power = {tolerance, max_iterations, cancelled, static_cast<unsigned>(request.threads)};
  options.approx = request.approx;
  options.delta = request.delta;
  options.seed = request.seed;
  options.parallel = {request.threads, request.progress, cancelled};
  if (top_k) {
    std::vector<bool> candidate(n);
    for (std::uint32_t i = 0; i < n; ++i) candidate[i] = (listed & bit(graph.kind(result.simple.original(i)))) != 0;
    result.scores = algo::top_closeness(result.simple, result.metric, request.top, candidate, options.parallel).scores;
    result.listed = algo::ranked(graph, result.simple, result.scores, listed, request.top);
    return result;
  }
  algo::CentralityResult computed = algo::centrality(result.simple, result.metric, options);
  if (!computed.converged) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", tolerance);  // std::to_string prints 1e-12 as 0.000000
    throw UsageError(std::string(algo::to_string(result.metric)) + " did not converge in " +
                     std::to_string(max_iterations) + " iterations (tolerance " + text + "); raise max_iter");
  }
  result.scores = std::move(computed.scores);
  result.samples = computed.samples;
  result.listed = algo::ranked(graph, result.simple, result.scores, listed, request.top);
  return result;
}

}  // namespace hallyu::query
