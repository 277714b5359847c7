// hallyu centrality --metric M: who bridges music and drama.
#include <cmath>

#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/centrality.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/text.hpp"
#include "progress.hpp"

namespace hallyu::cli {

void register_centrality(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string metric = "degree";
    std::vector<std::string> kinds;
    std::size_t top = 20;
    unsigned threads = 0;
    double approx = 0;
    double delta = 0.1;
    std::uint64_t seed = 1;
    std::string projection;
    double alpha = 0.85;
    double tolerance = 1e-6;
    unsigned max_iterations = 100;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("centrality", "Rank entities by degree, betweenness, closeness, harmonic, pagerank or eigenvector");
  command->add_option("--metric,-m", options->metric, "degree, betweenness, closeness, harmonic, pagerank, eigenvector");
  command->add_option("--kind", options->kinds, "List only these kinds (computed on the whole filtered graph)")->delimiter(',');
  command->add_option("--top", options->top, "How many to list (0: all)");
  command->add_option("--threads", options->threads, "Threads for betweenness, closeness, harmonic (0: all cores)");
  command->add_option("--approx", options->approx,
                      "Sampled betweenness: every score within EPS of exact with probability 1 - delta");
  command->add_option("--delta", options->delta, "Failure probability for --approx");
  command->add_option("--seed", options->seed, "Seed for --approx (same seed, same result, any thread count)");
  command->add_option("--projection", options->projection,
                      "Rank people on a projection: 'people' (linked by a shared drama, a shared OST, or an OST of "
                      "the other's drama) or 'costars' (a shared drama)");
  command->add_option("--alpha", options->alpha, "PageRank damping factor");
  command->add_option("--tol", options->tolerance, "Tolerance for pagerank and eigenvector (NetworkX's stopping rule)");
  command->add_option("--max-iter", options->max_iterations, "Iteration limit for pagerank and eigenvector");
  add_filter_options(*command, options->filter, "--via");
  add_common_options(*command, *options);
  command->footer(
      "Computed on the simple undirected graph (parallel relations collapsed). --exclude-kinds and --via compute on\n"
      "the induced subgraph without those entities or relations; --kind only filters what is listed.");
  registry.push_back({command, [options] {
    algo::Metric metric = algo::parse_metric(options->metric);
    if (options->approx != 0 && metric != algo::Metric::betweenness) throw UsageError("--approx applies to --metric betweenness only");
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    KindSet listed = options->kinds.empty() ? kAnyKind : algo::parse_kinds(join(options->kinds, ","));
    algo::SimpleGraph simple = options->projection.empty()
                                   ? algo::simple_graph(graph, filter)
                                   : algo::project(graph, algo::parse_projection(options->projection), filter);
    ProgressLine progress(std::string(algo::to_string(metric)));
    algo::ParallelOptions parallel{options->threads, [&](std::size_t done, std::size_t total) { progress(done, total); }};
    algo::CentralityOptions centrality_options{options->alpha, {options->tolerance, options->max_iterations}, options->approx,
                                               options->delta, options->seed, parallel};
    algo::CentralityResult result = algo::centrality(simple, metric, centrality_options);
    if (!result.converged) {
      throw UsageError(std::string(algo::to_string(metric)) + " did not converge in " + std::to_string(options->max_iterations) +
                       " iterations (tolerance " + std::to_string(options->tolerance) + "); raise --max-iter");
    }
    const std::vector<double>& scores = result.scores;
    std::vector<std::uint32_t> order = io::ranked(graph, simple, scores, listed, options->top);
    if (options->json) {
      io::JsonWriter out;
      std::optional<io::ApproximationInfo> info;
      if (result.samples) info = io::ApproximationInfo{options->approx, options->delta, *result.samples, options->seed};
      io::write_centrality(out, graph, simple, algo::to_string(metric), scores, order, info);
      print_line(out.str());
      return 0;
    }
    std::string header = std::string(algo::to_string(metric)) + " centrality over " + std::to_string(simple.size()) +
                         " entities and " + std::to_string(simple.edge_count()) + " links";
    if (!options->projection.empty()) header += " (" + options->projection + " projection)";
    if (result.samples) {
      char guarantee[160];
      std::snprintf(guarantee, sizeof guarantee, "; sampled: %llu samples, error <= %g with probability %g",
                    static_cast<unsigned long long>(*result.samples), options->approx, 1 - options->delta);
      header += guarantee;
    }
    print_line(header);
    std::size_t name_width = 0;
    for (std::uint32_t i : order) name_width = std::max(name_width, text::display_width(graph.entity(simple.original(i)).name));
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      const Entity& e = graph.entity(simple.original(order[rank]));
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", scores[order[rank]]);
      print_line(text::pad(std::to_string(rank + 1) + ".", 5) + score + "  " + text::pad(e.name, name_width) + "  " +
                 text::pad(to_string(e.kind), 8) + e.id);
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
