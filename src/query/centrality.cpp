// centrality: validate, build the (projected) simple graph, run the metric, check convergence, rank.
#include "hallyu/query/centrality.hpp"

#include <cmath>

#include "hallyu/algo/ranking.hpp"
#include "hallyu/error.hpp"

namespace hallyu::query {

const OperationSpec& centrality_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "centrality",
      "Rank entities by degree, betweenness, closeness, harmonic, pagerank or eigenvector",
      {{"metric", T::text, "degree, betweenness, closeness, harmonic, pagerank, eigenvector", false, "-m"},
       {"kind", T::list, "List only these kinds (computed on the whole filtered graph)", false, ""},
       {"top", T::integer, "How many to list (0: all)", false, ""},
       {"threads", T::integer, "Threads for betweenness, closeness, harmonic (0: all cores)", false, ""},
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
       {"tol", T::real, "Tolerance for pagerank and eigenvector (NetworkX's stopping rule)", false, ""},
       {"max_iter", T::integer, "Iteration limit for pagerank and eigenvector", false, ""}},
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
  check_range("tol", request.tolerance, 1e-15, 1.0);
  check_range("max_iter", request.max_iterations, 1, 1'000'000);
  check_range("threads", request.threads, 0, 1024);
  check_range("top", request.top, 0, 100'000'000);
  algo::TraversalFilter filter = engine.filter(request.filter);
  KindSet listed = engine.kinds(request.kinds);
  result.simple = request.projection.empty() ? algo::simple_graph(graph, filter)
                                             : algo::project(graph, algo::parse_projection(request.projection), filter);
  const std::size_t n = result.simple.size();
  bool path_based = result.metric == algo::Metric::betweenness || result.metric == algo::Metric::closeness ||
                    result.metric == algo::Metric::harmonic;
  if (path_based && !sampled && limits.max_exact_centrality_entities != 0 && n > limits.max_exact_centrality_entities) {
    throw LimitError(std::string(algo::to_string(result.metric)) + " on " + std::to_string(n) +
                     " entities is too slow to compute per request; filter the graph" +
                     (result.metric == algo::Metric::betweenness ? " or use approx=0.02" : ""));
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
  if (interrupt.deadline != std::chrono::steady_clock::time_point::max() || interrupt.client_gone) cancelled = interrupt;
  algo::CentralityOptions options;
  options.alpha = request.alpha;
  options.power = {request.tolerance, request.max_iterations, cancelled};
  options.approx = request.approx;
  options.delta = request.delta;
  options.seed = request.seed;
  options.parallel = {request.threads, request.progress, cancelled};
  algo::CentralityResult computed = algo::centrality(result.simple, result.metric, options);
  if (!computed.converged) {
    throw UsageError(std::string(algo::to_string(result.metric)) + " did not converge in " +
                     std::to_string(request.max_iterations) + " iterations (tolerance " +
                     std::to_string(request.tolerance) + "); raise max_iter");
  }
  result.scores = std::move(computed.scores);
  result.samples = computed.samples;
  result.listed = algo::ranked(graph, result.simple, result.scores, listed, request.top);
  return result;
}

}  // namespace hallyu::query
