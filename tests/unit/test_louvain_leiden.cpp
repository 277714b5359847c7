// Louvain and Leiden against igraph 0.10's multilevel modularity, and a case worked by hand.
#include <catch2/catch.hpp>

#include "cluster_references.hpp"
#include "hallyu/algo/kcore.hpp"
#include "hallyu/algo/label_propagation.hpp"
#include "hallyu/algo/louvain_leiden.hpp"
#include "hallyu/algo/modularity.hpp"

using namespace hallyu;
using namespace hallyu::test::clusters;
using test::read_json;

TEST_CASE("Louvain and Leiden reach igraph's multilevel modularity, Leiden communities are connected", "[clusters][reference]") {
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

TEST_CASE("rounds bound Louvain and Leiden, and more rounds never lose modularity", "[clusters]") {
  // On the bundled data later rounds keep raising modularity, so the bound must change the answer.
  Graph g(io::load_dataset_files({std::string(HALLYU_SOURCE_DIR) + "/datasets/hallyu.json"}));
  auto s = algo::simple_graph(g);
  for (auto method : {algo::louvain, algo::leiden}) {
    bool fewer_rounds_changed_something = false;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      double q1 = algo::modularity(s, method(s, {seed, 1.0, 50, 1}).community);
      double q2 = algo::modularity(s, method(s, {seed, 1.0, 50, 2}).community);
      double q20 = algo::modularity(s, method(s, {seed, 1.0, 50, 20}).community);
      CHECK(q1 <= q2);
      CHECK(q2 <= q20);
      CHECK(algo::modularity(s, method(s, {seed, 1.0, 50}).community) == q20);  // 20 is the default
      fewer_rounds_changed_something = fewer_rounds_changed_something || q1 < q20;
    }
    CHECK(fewer_rounds_changed_something);
  }
}
