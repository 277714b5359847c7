// hallyu crossovers: cross-promotion patterns, in words and JSON.
#include <set>

#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/crossovers.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

template <typename Row>
void print_section(const std::string& title, const std::vector<Row>& rows, std::size_t top) {
  print_line(title + " (" + std::to_string(rows.size()) + ")");
  for (std::size_t i = 0; i < rows.size() && (top == 0 || i < top); ++i) print_line("  " + rows[i].text);
  if (top != 0 && rows.size() > top) print_line("  ... and " + std::to_string(rows.size() - top) + " more (--top 0 lists all)");
}

}  // namespace

void register_crossovers(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::vector<std::string> patterns;
    std::size_t top = 10;
    algo::CrossoverOptions thresholds;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("crossovers", "Cross-promotion patterns between music and drama, explained");
  command->add_option("--pattern", options->patterns,
                      "Only these: idol-actors, self-osts, group-synergy, co-starring, agency-pipelines, agency-networks, ost-specialists")
      ->delimiter(',');
  command->add_option("--top", options->top, "Rows per pattern (0: all)");
  command->add_option("--min-agency-artists", options->thresholds.min_agency_artists, "Agency pipelines: artists of the agency in one drama");
  command->add_option("--min-specialist-dramas", options->thresholds.min_specialist_dramas, "OST specialists: dramas sung for");
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    std::set<std::string> wanted(options->patterns.begin(), options->patterns.end());
    for (const auto& p : wanted) {
      if (std::find(io::kCrossoverPatterns.begin(), io::kCrossoverPatterns.end(), p) == io::kCrossoverPatterns.end()) {
        throw UsageError("unknown pattern " + text::quote(p) + "; patterns are " + join(io::kCrossoverPatterns, ", "));
      }
    }
    auto wants = [&](const std::string& p) { return wanted.empty() || wanted.count(p) > 0; };
    Graph graph = load_graph(*options);
    algo::Crossovers found = algo::find_crossovers(graph, options->thresholds);
    std::size_t top = options->top;
    if (options->json) {
      io::JsonWriter out;
      io::write_crossovers(out, graph, found, wanted, top);
      print_line(out.str());
      return 0;
    }
    bool first = true;
    auto gap = [&] {
      if (!first) print_line("");
      first = false;
    };
    if (wants("idol-actors")) gap(), print_section("Idols who act", found.idol_actors, top);
    if (wants("self-osts")) gap(), print_section("Performers who sang an OST of their own drama", found.self_osts, top);
    if (wants("group-synergy")) gap(), print_section("Groups singing for their members' dramas", found.group_synergy, top);
    if (wants("co-starring")) gap(), print_section("Members of one group co-starring", found.co_starring, top);
    if (wants("agency-pipelines")) gap(), print_section("Agency pipelines: dramas where an agency's artists gather", found.agency_dramas, top);
    if (wants("agency-networks")) gap(), print_section("Agency pipelines: each agency's leading network", found.agency_networks, top);
    if (wants("ost-specialists")) gap(), print_section("OST specialists", found.ost_specialists, top);
    return 0;
  }});
}

}  // namespace hallyu::cli
