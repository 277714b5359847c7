// hallyu centrality --metric M: who bridges music and drama.
#include "hallyu/query/centrality.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/text.hpp"
#include "progress.hpp"

namespace hallyu::cli {

void register_centrality(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::centrality_spec(), [](Invocation& in) {
    query::CentralityRequest request = query::centrality_request(in.parameters);
    ProgressLine progress(request.metric);
    request.progress = [&](std::size_t done, std::size_t total) { progress(done, total); };
    query::CentralityResult r = query::centrality(in.engine, request);
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    std::string header = std::string(algo::to_string(r.metric)) + " centrality over " +
                         std::to_string(r.simple.size()) + " entities and " + std::to_string(r.simple.edge_count()) +
                         " links";
    if (!request.projection.empty()) header += " (" + request.projection + " projection)";
    if (r.samples) {
      char guarantee[160];
      std::snprintf(guarantee, sizeof guarantee, "; sampled: %llu samples, error <= %g with probability %g",
                    static_cast<unsigned long long>(*r.samples), request.approx, 1 - request.delta);
      header += guarantee;
    }
    print_line(header);
    const NameIndex& names = in.engine.names();
    std::size_t name_width = 0;
    for (std::uint32_t i : r.listed)
      name_width = std::max(name_width, text::display_width(names.display_name(r.simple.original(i))));
    for (std::size_t rank = 0; rank < r.listed.size(); ++rank) {
      VertexId v = r.simple.original(r.listed[rank]);
      const Entity& e = in.graph.entity(v);
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", r.scores[r.listed[rank]]);
      print_line(text::pad(std::to_string(rank + 1) + ".", 5) + score + "  " +
                 text::pad(names.display_name(v), name_width) + "  " + text::pad(to_string(e.kind), 8) + e.id);
    }
    return 0;
  });
}

}  // namespace hallyu::cli
