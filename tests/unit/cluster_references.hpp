// Shared by the cluster tests: the reference cases (tests/fixtures/reference/clusters_*.json, each with
// the command that made it), reading reference partitions, and checks on communities.
#pragma once

#include <rapidjson/document.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "../support.hpp"
#include "hallyu/algo/partition.hpp"
#include "hallyu/algo/simple_graph.hpp"

namespace hallyu::test::clusters {


struct Case {
  std::string dataset;
  std::string reference;
  KindSet excluded;
};

inline std::vector<Case> cases() {
  std::string f = HALLYU_FIXTURES, src = std::string(HALLYU_SOURCE_DIR) + "/datasets/";
  KindSet hubs = bit(Kind::agency) | bit(Kind::network);
  // When datasets/hallyu.json changes, regenerate its references with the commands recorded in them.
  return {{f + "/mini.json", "clusters_mini.json", 0},
          {f + "/generated_400.json", "clusters_generated_400.json", 0},
          {f + "/generated_400.json", "clusters_generated_400_no_hubs.json", hubs},
          {src + "hallyu.json", "clusters_hallyu.json", 0},
          {src + "hallyu.json", "clusters_hallyu_no_hubs.json", hubs}};
}

inline std::vector<std::uint32_t> labels_from(const Graph& g, const algo::SimpleGraph& s, const rapidjson::Value& clusters) {
  std::map<std::string, std::uint32_t> label;
  std::uint32_t c = 0;
  for (const auto& cluster : clusters.GetArray()) {
    for (const auto& id : cluster.GetArray()) label[id.GetString()] = c;
    ++c;
  }
  std::vector<std::uint32_t> out(s.size());
  for (std::uint32_t v = 0; v < s.size(); ++v) out[v] = label.at(g.entity(s.original(v)).id);
  return out;
}

// Every community induces a connected subgraph.
inline bool communities_connected(const algo::SimpleGraph& s, const algo::Partition& p) {
  std::vector<bool> seen(s.size(), false);
  std::vector<bool> community_done(p.count, false);
  for (std::uint32_t v = 0; v < s.size(); ++v) {
    std::uint32_t c = p.community[v];
    if (community_done[c]) {
      if (!seen[v]) return false;  // a second piece of an already explored community
      continue;
    }
    community_done[c] = true;
    std::vector<std::uint32_t> queue = {v};
    seen[v] = true;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (std::uint32_t u : s.neighbors(queue[head])) {
        if (!seen[u] && p.community[u] == c) seen[u] = true, queue.push_back(u);
      }
    }
  }
  return true;
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace hallyu::test::clusters
