// hallyu timeline NAME: an entity's events year by year, in words and JSON.
#include "hallyu/query/timeline.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {

void register_timeline(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::timeline_spec(), [](Invocation& in) {
    query::TimelineResult r = query::timeline(in.engine, query::timeline_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const Entity& e = in.graph.entity(r.entity);
    print_line(e.name + "  (" + std::string(to_string(e.kind)) + ", id " + e.id +
               "): " + std::to_string(r.events.size()) + (r.events.size() == 1 ? " event" : " events"));
    for (const query::TimelineEvent& event : r.events) {
      print_line("  " + (event.year ? std::to_string(*event.year) : std::string("----")) + "  " + event.text);
    }
    return 0;
  });
}

}  // namespace hallyu::cli
