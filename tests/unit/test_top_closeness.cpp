// Top-k closeness and harmonic: the same leaders and scores as NetworkX on a generated graph of 4,372
// entities (tests/fixtures/reference/top_closeness_generated_1000.json, with its command), the same
// scores bit for bit as the full computation, and the request layer's interactive bound lifted for top.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "../support.hpp"
#include "hallyu/algo/ranking.hpp"
#include "hallyu/algo/top_closeness.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/synthetic.hpp"
#include "hallyu/query/centrality.hpp"

using namespace hallyu;

namespace {

// The reference's dataset: `hallyu generate --idols 1000 --seed 1`.
const Graph& generated() {
  static const Graph graph = [] {
    std::ostringstream out;
    io::write_synthetic_dataset(out, {1000, 1});
    return test::graph_from(out.str());
  }();
  return graph;
}

}  // namespace

TEST_CASE("top-k closeness and harmonic match NetworkX's leaders", "[centrality][top_closeness][reference]") {
  const Graph& g = generated();
  auto ref = test::read_json(std::string(HALLYU_FIXTURES) + "/reference/top_closeness_generated_1000.json");
  auto simple = algo::simple_graph(g);
  REQUIRE(simple.size() == ref["nodes"].GetUint());
  REQUIRE(simple.edge_count() == ref["edges"].GetUint());
  for (auto [metric, name] :
       {std::pair{algo::Metric::closeness, "closeness"}, std::pair{algo::Metric::harmonic, "harmonic"}}) {
    for (bool idols_only : {false, true}) {
      const auto& theirs = ref[(std::string(name) + (idols_only ? "_idols" : "")).c_str()];
      std::map<std::string, double> their_score;
      for (const auto& row : theirs.GetArray()) their_score[row[0].GetString()] = row[1].GetDouble();
      KindSet kinds = idols_only ? bit(Kind::idol) : kAnyKind;
      std::vector<bool> candidate(simple.size());
      for (std::uint32_t i = 0; i < simple.size(); ++i) candidate[i] = (kinds & bit(g.kind(simple.original(i)))) != 0;
      for (std::size_t k : {1, 10, 25}) {
        INFO(name << (idols_only ? " idols" : "") << " top " << k);
        auto top = algo::top_closeness(simple, metric, k, candidate, {2, {}, {}});
        CHECK(top.pruned > 0);  // the bound did cut searches short
        auto listed = algo::ranked(g, simple, top.scores, kinds, k);
        REQUIRE(listed.size() == k);
        for (std::size_t rank = 0; rank < k; ++rank) {
          const std::string& id = g.entity(simple.original(listed[rank])).id;
          double ours = top.scores[listed[rank]];
          // Rank by rank the same score, and the entity listed is one NetworkX scores the same (ties
          // between equal harmonic sums may be ordered differently by rounding).
          CHECK(std::abs(ours - theirs[static_cast<unsigned>(rank)][1].GetDouble()) <= 1e-9 * ours);
          REQUIRE(their_score.count(id) == 1);
          CHECK(std::abs(ours - their_score[id]) <= 1e-9 * ours);
        }
      }
    }
  }
}

TEST_CASE("top-k closeness scores are the full computation's, whatever the thread count",
          "[centrality][top_closeness]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  algo::TraversalFilter no_hubs;  // several components: closeness normalises by component size
  no_hubs.excluded_kinds = bit(Kind::agency) | bit(Kind::network);
  for (const auto& simple : {algo::simple_graph(g), algo::simple_graph(g, no_hubs)}) {
    auto full_closeness = algo::closeness_centrality(simple);
    auto full_harmonic = algo::harmonic_centrality(simple);
    for (unsigned threads : {1u, 2u, 8u}) {
      for (auto [metric, full] :
           {std::pair{algo::Metric::closeness, &full_closeness}, std::pair{algo::Metric::harmonic, &full_harmonic}}) {
        auto top = algo::top_closeness(simple, metric, 12, {}, {threads, {}, {}});
        auto expected = algo::ranked(g, simple, *full, kAnyKind, 12);
        CHECK(algo::ranked(g, simple, top.scores, kAnyKind, 12) == expected);
        for (std::uint32_t v : expected) CHECK(top.scores[v] == (*full)[v]);  // bit for bit
        CHECK(top.completed + top.pruned == simple.size());
      }
    }
  }
  CHECK_THROWS(algo::top_closeness(algo::simple_graph(g), algo::Metric::pagerank, 3));
}

TEST_CASE("closeness past the interactive bound answers a top request", "[centrality][top_closeness]") {
  query::Limits limits = query::Limits::interactive();
  limits.max_exact_centrality_entities = 1000;  // below generated_400's 1,045 entities
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  query::Engine engine(g, limits);
  query::CentralityRequest request;
  request.metric = "harmonic";
  request.top = 10;
  auto top = query::centrality(engine, request);
  REQUIRE(top.listed.size() == 10);
  auto full = algo::harmonic_centrality(top.simple);
  CHECK(top.listed == algo::ranked(g, top.simple, full, kAnyKind, 10));
  request.top = 0;  // everything: still refused, with the way out named
  CHECK_THROWS_WITH(query::centrality(engine, request),
                    "harmonic on 1045 entities is too slow to compute per request; filter the graph or ask for the "
                    "top 100 or fewer");
  request.metric = "betweenness";
  CHECK_THROWS_WITH(query::centrality(engine, request), Catch::EndsWith("or use approx=0.02"));
}
