// hallyu crossovers: cross-promotion patterns, in words and JSON.
#include "hallyu/query/crossovers.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {
namespace {

template <typename Row>
void print_section(const std::string& title, const std::vector<Row>& rows, std::size_t top) {
  print_line(title + " (" + std::to_string(rows.size()) + ")");
  for (std::size_t i = 0; i < rows.size() && (top == 0 || i < top); ++i) print_line("  " + rows[i].text);
  if (top != 0 && rows.size() > top)
    print_line("  ... and " + std::to_string(rows.size() - top) + " more (--top 0 lists all)");
}

}  // namespace

void register_crossovers(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::crossovers_spec(), [](Invocation& in) {
    query::CrossoversResult r = query::crossovers(in.engine, query::crossovers_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const algo::Crossovers& found = r.found;
    std::size_t top = r.top;
    bool first = true;
    auto gap = [&] {
      if (!first) print_line("");
      first = false;
    };
    if (r.wants("idol-actors")) gap(), print_section("Idols who act", found.idol_actors, top);
    if (r.wants("self-osts"))
      gap(), print_section("Performers who sang an OST of their own drama", found.self_osts, top);
    if (r.wants("group-synergy"))
      gap(), print_section("Groups singing for their members' dramas", found.group_synergy, top);
    if (r.wants("co-starring")) gap(), print_section("Members of one group co-starring", found.co_starring, top);
    if (r.wants("agency-pipelines"))
      gap(), print_section("Agency pipelines: dramas where an agency's artists gather", found.agency_dramas, top);
    if (r.wants("agency-networks"))
      gap(), print_section("Agency pipelines: each agency's leading network", found.agency_networks, top);
    if (r.wants("ost-specialists")) gap(), print_section("OST specialists", found.ost_specialists, top);
    return 0;
  });
}

}  // namespace hallyu::cli
