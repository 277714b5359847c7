// hallyu clusters --method M: communities and what characterises them.
#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/cluster_profile.hpp"
#include "hallyu/algo/communities.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

std::string tallies(const Graph& graph, const std::vector<algo::Tally>& list, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) {
    out += (i ? ", " : "") + graph.entity(list[i].vertex).name + " (" + std::to_string(list[i].count) + ")";
  }
  return out;
}

}  // namespace

void register_clusters(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string method = "louvain";
    std::size_t min_size = 1;
    std::size_t top = 10;
    std::size_t central = 5;
    std::uint64_t seed = 1;
    double resolution = 1.0;
    std::uint32_t k = 0;
    std::string projection;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("clusters", "Find clusters: components, kcore, louvain, leiden, label-propagation");
  command->add_option("--method,-m", options->method, "components, kcore, louvain, leiden, label-propagation");
  command->add_option("--min-size", options->min_size, "List only clusters of at least this many entities");
  command->add_option("--top", options->top, "How many clusters to list (0: all)");
  command->add_option("--central", options->central, "How many central members to name per cluster");
  command->add_option("--seed", options->seed, "Seed for louvain, leiden and label-propagation (same seed, same clusters)");
  command->add_option("--resolution", options->resolution, "Modularity resolution for louvain and leiden");
  command->add_option("--k", options->k, "kcore: the k of the k-core (default: the largest k with a non-empty core)");
  command->add_option("--projection", options->projection, "Cluster people on a projection: people or costars");
  add_filter_options(*command, options->filter, "--via");
  add_common_options(*command, *options);
  command->footer("--exclude-kinds agency,network clusters without the hubs that join everything; --via keeps relation types.");
  registry.push_back({command, [options] {
    algo::ClusterMethod method = algo::parse_cluster_method(options->method);
    if (options->resolution <= 0) throw UsageError("--resolution must be positive");
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    algo::SimpleGraph simple = options->projection.empty()
                                   ? algo::simple_graph(graph, filter)
                                   : algo::project(graph, algo::parse_projection(options->projection), filter);
    algo::CommunityOptions community_options{options->seed, options->resolution, 50};
    algo::Clustering clustering = algo::cluster(simple, method, community_options, options->k);
    const algo::Partition& partition = clustering.partition;
    bool is_partition = clustering.modularity.has_value();
    double q = clustering.modularity.value_or(0.0);
    std::uint32_t k = clustering.k.value_or(0);
    auto profiles = algo::profile_clusters(graph, simple, partition);
    std::vector<const algo::ClusterProfile*> shown;
    for (const auto& p : profiles) {
      if (p.members.size() >= options->min_size) shown.push_back(&p);
    }
    std::size_t listed = options->top == 0 ? shown.size() : std::min(shown.size(), options->top);
    if (options->json) {
      io::JsonWriter out;
      io::ClusterSummary summary{algo::to_string(method), clustering.modularity, clustering.k, options->seed, partition.count};
      io::write_clusters(out, graph, summary, std::vector<const algo::ClusterProfile*>(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(listed)), options->central);
      print_line(out.str());
      return 0;
    }
    std::string header = std::string(algo::to_string(method)) + ": " + std::to_string(partition.count) + " clusters";
    if (method == algo::ClusterMethod::kcore) header += " in the " + std::to_string(k) + "-core";
    if (is_partition) {
      char text_q[64];
      std::snprintf(text_q, sizeof text_q, ", modularity %.4f", q);
      header += text_q;
    }
    if (method == algo::ClusterMethod::louvain || method == algo::ClusterMethod::leiden ||
        method == algo::ClusterMethod::label_propagation) {
      header += " (seed " + std::to_string(options->seed) + ")";
    }
    if (shown.size() > listed) header += "; showing " + std::to_string(listed) + " of " + std::to_string(shown.size());
    print_line(header);
    for (std::size_t i = 0; i < listed; ++i) {
      const algo::ClusterProfile& p = *shown[i];
      std::string kinds;
      for (Kind kind : kAllKinds) {
        std::size_t c = p.kinds[static_cast<std::size_t>(kind)];
        if (c) kinds += (kinds.empty() ? "" : ", ") + std::to_string(c) + " " + std::string(to_string(kind));
      }
      print_line("#" + std::to_string(p.community) + "  " + std::to_string(p.members.size()) + " entities: " + kinds);
      std::string central;
      for (std::size_t m = 0; m < p.members.size() && m < options->central; ++m) {
        central += (m ? ", " : "") + graph.entity(p.members[m]).name;
      }
      print_line("    central:  " + central);
      if (!p.agencies.empty()) print_line("    agencies: " + tallies(graph, p.agencies, 3));
      if (!p.networks.empty()) print_line("    networks: " + tallies(graph, p.networks, 3));
      if (p.first_year) {
        print_line("    years:    " + std::to_string(*p.first_year) + "-" + std::to_string(*p.last_year) + " (median " +
                   std::to_string(*p.median_year) + ")");
      }
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
