// Statistics of a distance table: counts per distance, reach, average, the farthest entities.
#include "hallyu/algo/distance_summary.hpp"

#include <algorithm>
#include <map>

namespace hallyu::algo {

DistanceSummary summarize_distances(const Graph& graph, VertexId center, const DistanceTable& table,
                                    const TraversalFilter& filter) {
  DistanceSummary summary;
  summary.center = center;
  std::map<std::uint32_t, std::size_t> counts;
  double sum = 0;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    std::uint32_t d = table.distance[v];
    if (d == DistanceTable::kUnreachable) {
      // The center is always allowed, whatever the filter says about its kind.
      (v != center && !filter.allows_vertex(graph, v) ? summary.excluded : summary.unreachable) += 1;
      continue;
    }
    ++counts[d];
    sum += d;
    summary.max_distance = std::max(summary.max_distance, d);
  }
  std::size_t reached = 0;
  for (const auto& [d, c] : counts) {
    summary.counts.emplace_back(d, c);
    reached += c;
  }
  summary.reachable = reached > 0 ? reached - 1 : 0;
  summary.average_distance = summary.reachable > 0 ? sum / static_cast<double>(summary.reachable) : 0.0;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    if (table.distance[v] == summary.max_distance && v != center) summary.farthest.push_back(v);
  }
  std::sort(summary.farthest.begin(), summary.farthest.end(),
            [&](VertexId a, VertexId b) { return graph.entity(a).id < graph.entity(b).id; });
  return summary;
}

}  // namespace hallyu::algo
