// Crossover patterns on tests/fixtures/crossovers.json, a hand-built fictional graph whose answers
// are worked out below.
//   Group One (Agency One): Idol One, Idol Two, and former member Idol Three.
//   Drama One (2020, Network One): Idol One, Idol Two, Actor One (Agency One), Actor Two; OSTs Song One
//     (Group One) and Song Three (Singer One).
//   Drama Two (2021, Network One): Idol One; OSTs Song Two (Idol One) and Song Four (Singer One).
//   Drama Three (2019, Network Two): Idol Three; OST Song Five (Singer One, Agency Two).
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/algo/crossovers.hpp"

using namespace hallyu;

namespace {

std::vector<std::string> ids(const Graph& g, const std::vector<VertexId>& vs) {
  std::vector<std::string> out;
  for (VertexId v : vs) out.push_back(g.entity(v).id);
  return out;
}

Graph fixture() { return Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/crossovers.json"})); }

}  // namespace

TEST_CASE("idol-actors ranked by credits, newest drama first", "[crossovers]") {
  Graph g = fixture();
  auto c = algo::find_crossovers(g);
  REQUIRE(c.idol_actors.size() == 3);
  CHECK(g.entity(c.idol_actors[0].idol).id == "i1");
  CHECK(ids(g, c.idol_actors[0].dramas) == std::vector<std::string>{"d2", "d1"});
  CHECK(g.entity(c.idol_actors[1].idol).id == "i2");  // one credit each: by id
  CHECK(g.entity(c.idol_actors[2].idol).id == "i3");
  CHECK(c.idol_actors[0].text == "Idol One acted in 2 dramas: Drama Two and Drama One");
}

TEST_CASE("self-OSTs: a performer singing for their own drama", "[crossovers]") {
  Graph g = fixture();
  auto c = algo::find_crossovers(g);
  REQUIRE(c.self_osts.size() == 1);
  CHECK(g.entity(c.self_osts[0].performer).id == "i1");
  CHECK(g.entity(c.self_osts[0].ost).id == "o2");
  CHECK(g.entity(c.self_osts[0].drama).id == "d2");
  CHECK(c.self_osts[0].text == "Idol One sang 'Song Two' for Drama Two, a drama they acted in");
}

TEST_CASE("group synergy and co-starring members, former members do not count", "[crossovers]") {
  Graph g = fixture();
  auto c = algo::find_crossovers(g);
  REQUIRE(c.group_synergy.size() == 1);
  CHECK(g.entity(c.group_synergy[0].ost).id == "o1");
  CHECK(ids(g, c.group_synergy[0].members) == std::vector<std::string>{"i1", "i2"});
  CHECK(c.group_synergy[0].text == "Group One sang 'Song One' for Drama One, starring its members Idol One and Idol Two");
  REQUIRE(c.co_starring.size() == 1);
  CHECK(g.entity(c.co_starring[0].drama).id == "d1");
  CHECK(ids(g, c.co_starring[0].members) == std::vector<std::string>{"i1", "i2"});
}

TEST_CASE("agency pipelines: count and share", "[crossovers]") {
  Graph g = fixture();
  auto c = algo::find_crossovers(g);
  // Agency One's artists: Group One, Actor One, and current members Idol One and Idol Two.
  // In Drama One: Idol One, Idol Two, Actor One (cast) and Group One (OST) = 4 of the 6 involved
  // (4 cast + Group One + Singer One).
  REQUIRE(c.agency_dramas.size() == 1);
  const auto& pipeline = c.agency_dramas[0];
  CHECK(g.entity(pipeline.agency).id == "ag1");
  CHECK(g.entity(pipeline.drama).id == "d1");
  CHECK(ids(g, pipeline.artists) == std::vector<std::string>{"a1", "g1", "i1", "i2"});
  CHECK(pipeline.involved == 6);
  CHECK(pipeline.share == Approx(4.0 / 6.0));
  // Acting credits of Agency One's artists: i1 (d1, d2), i2 (d1), a1 (d1) = 4, all on Network One.
  // (Idol Three's Drama Three does not count: a former member.) Agency Two has no acting credits.
  REQUIRE(c.agency_networks.size() == 1);
  CHECK(g.entity(c.agency_networks[0].network).id == "n1");
  CHECK(c.agency_networks[0].credits == 4);
  CHECK(c.agency_networks[0].share == Approx(1.0));
  algo::CrossoverOptions strict;
  strict.min_agency_artists = 5;
  CHECK(algo::find_crossovers(g, strict).agency_dramas.empty());
}

TEST_CASE("OST specialists by dramas sung for", "[crossovers]") {
  Graph g = fixture();
  auto c = algo::find_crossovers(g);
  // Singer One: 3 OSTs for 3 dramas; Idol One: 1 drama; Group One: 1 drama (below the threshold of 2).
  REQUIRE(c.ost_specialists.size() == 1);
  CHECK(g.entity(c.ost_specialists[0].singer).id == "s1");
  CHECK(ids(g, c.ost_specialists[0].dramas) == std::vector<std::string>{"d2", "d1", "d3"});
  algo::CrossoverOptions loose;
  loose.min_specialist_dramas = 1;
  CHECK(algo::find_crossovers(g, loose).ost_specialists.size() == 3);
}
