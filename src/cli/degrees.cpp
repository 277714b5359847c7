// hallyu degrees NAME: the "Bacon number" table: how far everyone is from one entity.
#include "hallyu/query/degrees.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_degrees(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::degrees_spec(), [](Invocation& in) {
    query::DegreesResult r = query::degrees(in.engine, query::degrees_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const algo::DistanceSummary& s = r.summary;
    const NameIndex& names = in.engine.names();
    print_line("Distances from " + names.label(s.center) + (r.filtered ? " (filtered)" : "") + ":");
    for (const auto& [d, c] : s.counts) {
      if (d != 0) print_line("  " + text::pad(std::to_string(d), 4) + std::to_string(c));
    }
    char average[32];
    std::snprintf(average, sizeof average, "%.2f", s.average_distance);
    print_line("reachable: " + std::to_string(s.reachable) + ", unreachable: " + std::to_string(s.unreachable) +
               (s.excluded ? ", excluded by filters: " + std::to_string(s.excluded) : "") +
               ", average distance: " + average);
    if (!s.farthest.empty()) {
      std::string list;
      for (std::size_t i = 0; i < s.farthest.size() && i < r.farthest; ++i)
        list += (i ? ", " : "") + names.display_name(s.farthest[i]);
      if (s.farthest.size() > r.farthest) list += ", and " + std::to_string(s.farthest.size() - r.farthest) + " more";
      print_line("farthest (" + std::to_string(s.max_distance) + " hops): " + list);
    }
    return 0;
  });
}

}  // namespace hallyu::cli
