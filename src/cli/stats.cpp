// hallyu stats: what the loaded dataset holds, and with --by-year what happened each year.
#include "hallyu/query/stats.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

std::string network_list(const Graph& graph, const std::vector<std::pair<VertexId, std::size_t>>& counts) {
  std::vector<std::string> parts;
  for (const auto& [network, count] : counts) parts.push_back(graph.entity(network).name + " " + std::to_string(count));
  return join(parts, ", ");
}

std::string right(std::size_t n, std::size_t width) {
  std::string s = std::to_string(n);
  return std::string(s.size() < width ? width - s.size() : 0, ' ') + s;
}

}  // namespace

void register_stats(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::stats_spec(), [](Invocation& in) {
    query::StatsResult r = query::stats(in.engine, query::stats_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    print_line("dataset: " + join(r.sources, ", "));
    print_line("entities:   " + std::to_string(r.entities));
    for (Kind k : kAllKinds)
      print_line("  " + text::pad(to_string(k), 20) + std::to_string(r.by_kind[static_cast<std::size_t>(k)]));
    print_line("relations:  " + std::to_string(r.relations) + (r.windowed ? " (in the years asked)" : ""));
    for (RelationType t : kAllRelationTypes) {
      print_line("  " + text::pad(to_string(t), 20) + std::to_string(r.by_type[static_cast<std::size_t>(t)]));
    }
    print_line("components: " + std::to_string(r.components) + " (largest has " + std::to_string(r.largest_component) +
               " entities)");
    if (!r.by_year_requested) return 0;
    print_line("");
    print_line("year  dramas  OSTs  idol castings  actor castings  dramas by network");
    for (const query::YearCounts& y : r.by_year) {
      print_line(std::to_string(y.year) + right(y.dramas, 8) + right(y.osts, 6) + right(y.idol_castings, 15) +
                 right(y.actor_castings, 16) + "  " + network_list(in.graph, y.networks));
    }
    print_line("");
    print_line("dramas by network" +
               (r.by_year.empty()
                    ? std::string()
                    : ", " + std::to_string(r.by_year.front().year) + "-" + std::to_string(r.by_year.back().year)) +
               ":");
    for (const auto& [network, count] : r.networks)
      print_line("  " + text::pad(in.graph.entity(network).name, 20) + std::to_string(count));
    return 0;
  });
}

}  // namespace hallyu::cli
