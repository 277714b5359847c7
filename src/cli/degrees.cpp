// hallyu degrees NAME: the "Bacon number" table: how far everyone is from one entity.
#include <map>

#include "common.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_degrees(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string name;
    std::size_t farthest = 10;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("degrees", "Distance from one entity to everyone: counts per distance, the farthest");
  command->add_option("name", options->name, "Id, name or alias")->required();
  command->add_option("--farthest", options->farthest, "How many of the farthest entities to list");
  add_filter_options(*command, options->filter, "--via");
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    VertexId center = names.resolve_one(options->name);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    algo::PathFinder finder(graph);
    algo::DistanceTable table = finder.distances_from(center, filter);
    std::map<std::uint32_t, std::size_t> counts;
    std::size_t unreachable = 0, excluded = 0;
    std::uint32_t max_distance = 0;
    double sum = 0;
    for (VertexId v = 0; v < graph.entity_count(); ++v) {
      std::uint32_t d = table.distance[v];
      if (d == algo::DistanceTable::kUnreachable) {
        (v != center && !filter.allows_vertex(graph, v) ? excluded : unreachable) += 1;
        continue;
      }
      ++counts[d];
      sum += d;
      max_distance = std::max(max_distance, d);
    }
    std::vector<VertexId> far;
    for (VertexId v = 0; v < graph.entity_count(); ++v) {
      if (table.distance[v] == max_distance && v != center) far.push_back(v);
    }
    std::sort(far.begin(), far.end(), [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
    std::size_t reachable = 0;
    for (auto& [d, c] : counts) reachable += c;
    double average = reachable > 1 ? sum / static_cast<double>(reachable - 1) : 0.0;
    if (options->json) {
      io::JsonWriter out;
      out.start_object();
      out.key("from"), out.entity_ref(graph, center);
      out.key("distances"), out.start_array();
      for (auto& [d, c] : counts) {
        out.start_object();
        out.key("distance"), out.integer(d);
        out.key("count"), out.integer(static_cast<long long>(c));
        out.end_object();
      }
      out.end_array();
      out.key("reachable"), out.integer(static_cast<long long>(reachable - 1));
      out.key("unreachable"), out.integer(static_cast<long long>(unreachable));
      out.key("excluded"), out.integer(static_cast<long long>(excluded));
      out.key("average_distance"), out.number(average);
      out.key("farthest"), out.start_object();
      out.key("distance"), out.integer(max_distance);
      out.key("count"), out.integer(static_cast<long long>(far.size()));
      out.key("entities"), out.start_array();
      for (std::size_t i = 0; i < far.size() && i < options->farthest; ++i) out.entity_ref(graph, far[i]);
      out.end_array();
      out.end_object();
      out.end_object();
      print_line(out.str());
      return 0;
    }
    print_line("Distances from " + names.label(center) + (filter.is_unfiltered() ? "" : " (filtered)") + ":");
    for (auto& [d, c] : counts) {
      if (d == 0) continue;
      print_line("  " + text::pad(std::to_string(d), 4) + std::to_string(c));
    }
    char avg[32];
    std::snprintf(avg, sizeof avg, "%.2f", average);
    print_line("reachable: " + std::to_string(reachable - 1) + ", unreachable: " + std::to_string(unreachable) +
               (excluded ? ", excluded by filters: " + std::to_string(excluded) : "") + ", average distance: " + avg);
    if (!far.empty()) {
      std::string list;
      for (std::size_t i = 0; i < far.size() && i < options->farthest; ++i) list += (i ? ", " : "") + graph.entity(far[i]).name;
      if (far.size() > options->farthest) list += ", and " + std::to_string(far.size() - options->farthest) + " more";
      print_line("farthest (" + std::to_string(max_distance) + " hops): " + list);
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
