// hallyu crossovers: cross-promotion patterns, in words and JSON.
#include <set>

#include "common.hpp"
#include "hallyu/algo/crossovers.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

const std::vector<std::string> kPatterns = {"idol-actors", "self-osts", "group-synergy", "co-starring",
                                            "agency-pipelines", "agency-networks", "ost-specialists"};

void refs(io::JsonWriter& out, const Graph& g, const std::vector<VertexId>& vs) {
  out.start_array();
  for (VertexId v : vs) out.entity_ref(g, v);
  out.end_array();
}

template <typename Row, typename Fields>
void section(io::JsonWriter& out, const char* key, const std::vector<Row>& rows, std::size_t top, Fields fields) {
  out.key(key), out.start_array();
  for (std::size_t i = 0; i < rows.size() && (top == 0 || i < top); ++i) {
    out.start_object();
    fields(rows[i]);
    out.key("text"), out.string(rows[i].text);
    out.end_object();
  }
  out.end_array();
}

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
      if (std::find(kPatterns.begin(), kPatterns.end(), p) == kPatterns.end()) {
        throw UsageError("unknown pattern " + text::quote(p) + "; patterns are " + join(kPatterns, ", "));
      }
    }
    auto wants = [&](const std::string& p) { return wanted.empty() || wanted.count(p) > 0; };
    Graph graph = load_graph(*options);
    algo::Crossovers found = algo::find_crossovers(graph, options->thresholds);
    const Graph& g = graph;
    std::size_t top = options->top;
    if (options->json) {
      io::JsonWriter out;
      out.start_object();
      if (wants("idol-actors")) {
        section(out, "idol_actors", found.idol_actors, top, [&](const algo::IdolActor& r) {
          out.key("idol"), out.entity_ref(g, r.idol);
          out.key("credits"), out.integer(static_cast<long long>(r.dramas.size()));
          out.key("dramas"), refs(out, g, r.dramas);
        });
      }
      if (wants("self-osts")) {
        section(out, "self_osts", found.self_osts, top, [&](const algo::SelfOst& r) {
          out.key("performer"), out.entity_ref(g, r.performer);
          out.key("ost"), out.entity_ref(g, r.ost);
          out.key("drama"), out.entity_ref(g, r.drama);
        });
      }
      if (wants("group-synergy")) {
        section(out, "group_synergy", found.group_synergy, top, [&](const algo::GroupSynergy& r) {
          out.key("group"), out.entity_ref(g, r.group);
          out.key("ost"), out.entity_ref(g, r.ost);
          out.key("drama"), out.entity_ref(g, r.drama);
          out.key("members"), refs(out, g, r.members);
        });
      }
      if (wants("co-starring")) {
        section(out, "co_starring", found.co_starring, top, [&](const algo::CoStarring& r) {
          out.key("group"), out.entity_ref(g, r.group);
          out.key("drama"), out.entity_ref(g, r.drama);
          out.key("members"), refs(out, g, r.members);
        });
      }
      if (wants("agency-pipelines")) {
        section(out, "agency_pipelines", found.agency_dramas, top, [&](const algo::AgencyDrama& r) {
          out.key("agency"), out.entity_ref(g, r.agency);
          out.key("drama"), out.entity_ref(g, r.drama);
          out.key("artists"), refs(out, g, r.artists);
          out.key("count"), out.integer(static_cast<long long>(r.artists.size()));
          out.key("involved"), out.integer(static_cast<long long>(r.involved));
          out.key("share"), out.number(r.share);
        });
      }
      if (wants("agency-networks")) {
        section(out, "agency_networks", found.agency_networks, top, [&](const algo::AgencyNetwork& r) {
          out.key("agency"), out.entity_ref(g, r.agency);
          out.key("network"), out.entity_ref(g, r.network);
          out.key("count"), out.integer(static_cast<long long>(r.credits));
          out.key("total"), out.integer(static_cast<long long>(r.total_credits));
          out.key("share"), out.number(r.share);
        });
      }
      if (wants("ost-specialists")) {
        section(out, "ost_specialists", found.ost_specialists, top, [&](const algo::OstSpecialist& r) {
          out.key("singer"), out.entity_ref(g, r.singer);
          out.key("osts"), out.integer(static_cast<long long>(r.osts));
          out.key("dramas"), refs(out, g, r.dramas);
        });
      }
      out.end_object();
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
