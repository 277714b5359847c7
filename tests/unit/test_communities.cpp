// Clusters against NetworkX 2.8 and igraph 0.10 (tests/fixtures/reference/clusters_*.json, each with
// the command that made it): core numbers and components exactly, our modularity against NetworkX's
// on our own partitions, Louvain and Leiden at least igraph's multilevel median over 11 seeds.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "../support.hpp"
#include "hallyu/algo/cluster.hpp"
#include "hallyu/algo/components.hpp"
#include "hallyu/algo/kcore.hpp"
#include "hallyu/algo/label_propagation.hpp"
#include "hallyu/algo/louvain_leiden.hpp"
#include "hallyu/algo/modularity.hpp"

using namespace hallyu;

namespace {

using test::read_json;

struct Case {
  std::string dataset;
  std::string reference;
  KindSet excluded;
};

std::vector<Case> cases() {
  std::string f = HALLYU_FIXTURES, src = std::string(HALLYU_SOURCE_DIR) + "/datasets/";
  KindSet hubs = bit(Kind::agency) | bit(Kind::network);
  // When datasets/hallyu.json changes, regenerate its references with the commands recorded in them.
  return {{f + "/mini.json", "clusters_mini.json", 0},
          {f + "/generated_400.json", "clusters_generated_400.json", 0},
          {f + "/generated_400.json", "clusters_generated_400_no_hubs.json", hubs},
          {src + "hallyu.json", "clusters_hallyu.json", 0},
          {src + "hallyu.json", "clusters_hallyu_no_hubs.json", hubs}};
}

std::vector<std::uint32_t> labels_from(const Graph& g, const algo::SimpleGraph& s, const rapidjson::Value& clusters) {
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
bool communities_connected(const algo::SimpleGraph& s, const algo::Partition& p) {
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

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

TEST_CASE("core numbers and components equal NetworkX's", "[clusters][reference]") {
  for (const Case& c : cases()) {
    INFO(c.reference);
    Graph g(io::load_dataset_files({c.dataset}));
    algo::TraversalFilter filter;
    filter.excluded_kinds = c.excluded;
    auto s = algo::simple_graph(g, filter);
    auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + c.reference);
    auto core = algo::core_numbers(s);
    std::size_t mismatches = 0;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
      mismatches += core[v] != ref["core_number"][g.entity(s.original(v)).id.c_str()].GetUint();
    }
    CHECK(mismatches == 0);
    auto components = algo::component_partition(s);
    std::set<std::vector<std::string>> ours, theirs;
    std::vector<std::vector<std::string>> grouped(components.count);
    for (std::uint32_t v = 0; v < s.size(); ++v) grouped[components.community[v]].push_back(g.entity(s.original(v)).id);
    for (auto& group : grouped) {
      std::sort(group.begin(), group.end());
      ours.insert(group);
    }
    for (const auto& comp : ref["components"].GetArray()) {
      std::vector<std::string> ids;
      for (const auto& id : comp.GetArray()) ids.push_back(id.GetString());
      theirs.insert(ids);
    }
    CHECK(ours == theirs);
    // Components come largest first.
    for (std::uint32_t i = 1; i < grouped.size(); ++i) CHECK(grouped[i - 1].size() >= grouped[i].size());
  }
}

TEST_CASE("modularity agrees with NetworkX on hallyu's own partitions", "[clusters][reference]") {
  for (const Case& c : cases()) {
    INFO(c.reference);
    Graph g(io::load_dataset_files({c.dataset}));
    algo::TraversalFilter filter;
    filter.excluded_kinds = c.excluded;
    auto s = algo::simple_graph(g, filter);
    auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + c.reference);
    for (const char* method : {"hallyu_leiden_seed1", "hallyu_louvain_seed1"}) {
      auto labels = labels_from(g, s, ref[method]["clusters"]);
      CHECK(algo::modularity(s, labels) == Approx(ref[method]["networkx_modularity"].GetDouble()).epsilon(1e-12));
    }
  }
}

TEST_CASE("Louvain and Leiden reach igraph's multilevel modularity; Leiden communities are connected", "[clusters][reference]") {
  for (const Case& c : cases()) {
    INFO(c.reference);
    Graph g(io::load_dataset_files({c.dataset}));
    algo::TraversalFilter filter;
    filter.excluded_kinds = c.excluded;
    auto s = algo::simple_graph(g, filter);
    auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + c.reference);
    double igraph_median = ref["igraph_multilevel_median"].GetDouble();
    std::vector<double> louvain_q, leiden_q;
    for (std::uint64_t seed = 1; seed <= 11; ++seed) {
      auto lv = algo::louvain(s, {seed, 1.0, 50});
      auto ld = algo::leiden(s, {seed, 1.0, 50});
      louvain_q.push_back(algo::modularity(s, lv.community));
      leiden_q.push_back(algo::modularity(s, ld.community));
      CHECK(communities_connected(s, ld));
    }
    CHECK(median(louvain_q) >= igraph_median - 1e-12);
    CHECK(median(leiden_q) >= igraph_median - 1e-12);
  }
}

TEST_CASE("randomised methods are deterministic per seed", "[clusters]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  auto s = algo::simple_graph(g);
  for (auto method : {algo::louvain, algo::leiden, algo::label_propagation}) {
    auto a = method(s, {7, 1.0, 50});
    auto b = method(s, {7, 1.0, 50});
    auto other = method(s, {8, 1.0, 50});
    CHECK(a.community == b.community);
    CHECK(a.community != other.community);
  }
}

TEST_CASE("two triangles joined by one edge, by hand", "[clusters]") {
  // Triangles {a,b,c} and {d,e,f} joined by c-d: 7 edges. Two communities: internal 3 + 3 edges,
  // degree sums 7 and 7: Q = 2 * (3/7 - (7/14)^2) = 6/7 - 1/2 = 0.357142...
  Graph g = test::graph_from(R"({"format": "hallyu/1", "entities": [
    {"id": "a", "kind": "idol", "name": "A"}, {"id": "b", "kind": "idol", "name": "B"}, {"id": "c", "kind": "idol", "name": "C"},
    {"id": "d", "kind": "idol", "name": "D"}, {"id": "e", "kind": "idol", "name": "E"}, {"id": "f", "kind": "idol", "name": "F"}],
    "relations": [
    {"from": "a", "to": "b", "type": "collaborated_with"}, {"from": "b", "to": "c", "type": "collaborated_with"},
    {"from": "a", "to": "c", "type": "collaborated_with"}, {"from": "d", "to": "e", "type": "collaborated_with"},
    {"from": "e", "to": "f", "type": "collaborated_with"}, {"from": "d", "to": "f", "type": "collaborated_with"},
    {"from": "c", "to": "d", "type": "collaborated_with"}]})");
  auto s = algo::simple_graph(g);
  for (auto method : {algo::louvain, algo::leiden, algo::label_propagation}) {
    auto p = method(s, {1, 1.0, 50});
    CHECK(p.count == 2);
    CHECK(p.community[0] == p.community[1]);
    CHECK(p.community[3] != p.community[2]);
    CHECK(algo::modularity(s, p.community) == Approx(6.0 / 7.0 - 0.5));
  }
  CHECK(algo::core_numbers(s) == std::vector<std::uint32_t>{2, 2, 2, 2, 2, 2});
  CHECK(algo::kcore_components(s, 2).count == 1);
  CHECK(algo::kcore_components(s, 3).count == 0);
  // Higher resolution splits more: every vertex alone would be optimal only at very high gamma.
  CHECK(algo::louvain(s, {1, 10.0, 50}).count > 2);
}
