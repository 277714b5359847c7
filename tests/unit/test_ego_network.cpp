// Hand-computed on tests/fixtures/mini.json (drawn in tests/fixtures/README.md).
#include <catch2/catch.hpp>
#include <set>

#include "../support.hpp"
#include "hallyu/algo/ego_network.hpp"

using namespace hallyu;

namespace {

std::set<std::string> at_distance(const Graph& g, const algo::EgoNetwork& ego, unsigned d) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < ego.vertices.size(); ++i) {
    if (ego.distances[i] == d) out.insert(g.entity(ego.vertices[i]).id);
  }
  return out;
}

}  // namespace

TEST_CASE("ego network by distance", "[ego]") {
  Graph g = test::mini_graph();
  auto ego = algo::ego_network(g, test::id(g, "iu"), 2);
  CHECK(at_distance(g, ego, 0) == std::set<std::string>{"iu"});
  CHECK(at_distance(g, ego, 1) == std::set<std::string>{"hotel-del-luna", "my-mister", "edam-entertainment"});
  CHECK(at_distance(g, ego, 2) ==
        std::set<std::string>{"yeo-jin-goo", "all-about-you-hotel-del-luna", "tvn", "lee-sun-kyun"});
  // Induced relations: 3 from IU, 3 more from Hotel Del Luna, 2 more from My Mister.
  CHECK(ego.relations.size() == 8);
  for (std::size_t i = 1; i < ego.vertices.size(); ++i) {
    const Relation& via = g.relation(ego.via[i]);
    CHECK((via.from == ego.vertices[i] || via.to == ego.vertices[i]));
  }
}

TEST_CASE("every ego filter changes the answer", "[ego][filter]") {
  Graph g = test::mini_graph();
  VertexId iu = test::id(g, "iu");
  algo::TraversalFilter via_acting;
  via_acting.relation_types = bit(RelationType::acted_in);
  auto ego = algo::ego_network(g, iu, 2, via_acting);
  CHECK(at_distance(g, ego, 1) == std::set<std::string>{"hotel-del-luna", "my-mister"});
  CHECK(at_distance(g, ego, 2) == std::set<std::string>{"yeo-jin-goo", "lee-sun-kyun"});
  CHECK(ego.relations.size() == 4);

  algo::TraversalFilter no_dramas;
  no_dramas.excluded_kinds = bit(Kind::drama);
  ego = algo::ego_network(g, iu, 2, no_dramas);
  CHECK(at_distance(g, ego, 1) == std::set<std::string>{"edam-entertainment"});
  CHECK(at_distance(g, ego, 2).empty());

  algo::TraversalFilter avoid_luna;
  avoid_luna.avoid(test::id(g, "hotel-del-luna"));
  ego = algo::ego_network(g, iu, 2, avoid_luna);
  CHECK(at_distance(g, ego, 1) == std::set<std::string>{"my-mister", "edam-entertainment"});
  CHECK(at_distance(g, ego, 2) == std::set<std::string>{"lee-sun-kyun", "tvn"});
}

TEST_CASE("ego network stops at the vertex cap", "[ego]") {
  Graph g = test::mini_graph();
  auto ego = algo::ego_network(g, test::id(g, "iu"), 3, {}, 4);
  CHECK(ego.vertices.size() == 4);
  CHECK(ego.truncated);
  CHECK_FALSE(algo::ego_network(g, test::id(g, "iu"), 1, {}, 4).truncated);
}
