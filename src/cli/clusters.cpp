// hallyu clusters --method M: communities and what characterises them.
#include "hallyu/query/clusters.hpp"

#include "common.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {
namespace {

std::string tallies(const NameIndex& names, const std::vector<algo::Tally>& list, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) {
    out += (i ? ", " : "") + names.display_name(list[i].vertex) + " (" + std::to_string(list[i].count) + ")";
  }
  return out;
}

}  // namespace

void register_clusters(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::clusters_spec(), [](Invocation& in) {
    query::ClustersResult r = query::clusters(in.engine, query::clusters_request(in.parameters));
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const NameIndex& names = in.engine.names();
    const algo::Clustering& c = r.clustering;
    std::string header =
        std::string(algo::to_string(r.method)) + ": " + std::to_string(c.partition.count) + " clusters";
    if (c.k) header += " in the " + std::to_string(*c.k) + "-core";
    if (c.modularity) {
      char q[64];
      std::snprintf(q, sizeof q, ", modularity %.4f", *c.modularity);
      header += q;
    }
    if (r.method == algo::ClusterMethod::louvain || r.method == algo::ClusterMethod::leiden ||
        r.method == algo::ClusterMethod::label_propagation) {
      header += " (seed " + std::to_string(r.request.seed) + ")";
    }
    if (r.eligible > r.shown.size())
      header += "; showing " + std::to_string(r.shown.size()) + " of " + std::to_string(r.eligible);
    print_line(header);
    for (std::size_t index : r.shown) {
      const algo::ClusterProfile& p = r.profiles[index];
      std::string kinds;
      for (Kind kind : kAllKinds) {
        std::size_t count = p.kinds[static_cast<std::size_t>(kind)];
        if (count) kinds += (kinds.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(to_string(kind));
      }
      print_line("#" + std::to_string(p.community) + "  " + std::to_string(p.members.size()) + " entities: " + kinds);
      std::string central;
      for (std::size_t m = 0; m < p.members.size() && m < r.request.central; ++m)
        central += (m ? ", " : "") + names.display_name(p.members[m]);
      print_line("    central:  " + central);
      if (!p.agencies.empty()) print_line("    agencies: " + tallies(names, p.agencies, 3));
      if (!p.networks.empty()) print_line("    networks: " + tallies(names, p.networks, 3));
      if (p.first_year) {
        print_line("    years:    " + std::to_string(*p.first_year) + "-" + std::to_string(*p.last_year) + " (median " +
                   std::to_string(*p.median_year) + ")");
      }
    }
    return 0;
  });
}

}  // namespace hallyu::cli
