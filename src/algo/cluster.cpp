// The cluster dispatcher: one method name to one algorithm, with modularity where it applies.
#include "hallyu/algo/cluster.hpp"

#include <algorithm>

#include "hallyu/algo/components.hpp"
#include "hallyu/algo/kcore.hpp"
#include "hallyu/algo/label_propagation.hpp"
#include "hallyu/algo/louvain_leiden.hpp"
#include "hallyu/algo/modularity.hpp"
#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::algo {

ClusterMethod parse_cluster_method(std::string_view name) {
  for (ClusterMethod m : {ClusterMethod::components, ClusterMethod::kcore, ClusterMethod::louvain,
                          ClusterMethod::leiden, ClusterMethod::label_propagation}) {
    if (to_string(m) == name) return m;
  }
  throw UsageError("unknown method " + text::quote(name) +
                   "; methods are components, kcore, louvain, leiden, label-propagation");
}

std::string_view to_string(ClusterMethod method) {
  switch (method) {
    case ClusterMethod::components:
      return "components";
    case ClusterMethod::kcore:
      return "kcore";
    case ClusterMethod::louvain:
      return "louvain";
    case ClusterMethod::leiden:
      return "leiden";
    case ClusterMethod::label_propagation:
      return "label-propagation";
  }
  return "?";
}

Clustering cluster(const SimpleGraph& g, ClusterMethod method, const CommunityOptions& options, std::uint32_t k) {
  Clustering result;
  switch (method) {
    case ClusterMethod::components:
      result.partition = component_partition(g);
      break;
    case ClusterMethod::kcore: {
      if (k == 0) {
        auto core = core_numbers(g);
        k = core.empty() ? 0 : *std::max_element(core.begin(), core.end());
      }
      result.k = k;
      result.partition = kcore_components(g, k);
      return result;  // not a partition of every vertex: no modularity
    }
    case ClusterMethod::louvain:
      result.partition = louvain(g, options);
      break;
    case ClusterMethod::leiden:
      result.partition = leiden(g, options);
      break;
    case ClusterMethod::label_propagation:
      result.partition = label_propagation(g, options);
      break;
  }
  result.modularity = modularity(g, result.partition.community, options.resolution);
  return result;
}

}  // namespace hallyu::algo
