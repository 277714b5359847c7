#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/explain.hpp"

using namespace hallyu;

namespace {

std::string describe(const Graph& g, const std::string& from, const std::string& to) {
  for (RelationId r = 0; r < g.relation_count(); ++r) {
    const Relation& rel = g.relation(r);
    if (g.entity(rel.from).id == from && g.entity(rel.to).id == to) return describe_relation(g, r);
  }
  FAIL("no relation " << from << " -> " << to);
  return {};
}

}  // namespace

TEST_CASE("relations read as sentences with their attributes", "[explain]") {
  Graph g = test::mini_graph();
  CHECK(describe(g, "iu", "hotel-del-luna") == "IU starred in Hotel Del Luna (2019) as Jang Man-wol");
  CHECK(describe(g, "d-o", "its-okay-thats-love") == "D.O. acted in It's Okay, That's Love (2014) as Han Kang-woo");
  CHECK(describe(g, "taeyeon", "all-about-you-hotel-del-luna") ==
        "Taeyeon performed 'All About You', an OST of Hotel Del Luna");
  CHECK(describe(g, "all-about-you-hotel-del-luna", "hotel-del-luna") == "'All About You' is an OST of Hotel Del Luna");
  CHECK(describe(g, "d-o", "exo") == "D.O. is a member of EXO");
  CHECK(describe(g, "hotel-del-luna", "tvn") == "Hotel Del Luna aired on tvN (2019)");
  CHECK(describe(g, "iu", "edam-entertainment") == "IU is signed to EDAM Entertainment");
}

TEST_CASE("attributes change the wording", "[explain]") {
  Graph g = test::graph_from(R"({"format": "hallyu/1", "entities": [
    {"id": "a", "kind": "idol", "name": "A"}, {"id": "g", "kind": "group", "name": "G"},
    {"id": "b", "kind": "idol", "name": "B"}, {"id": "d", "kind": "drama", "name": "D"},
    {"id": "ag", "kind": "agency", "name": "Ag"}],
    "relations": [
    {"from": "a", "to": "g", "type": "member_of", "status": "former", "years": "2010-2015"},
    {"from": "a", "to": "b", "type": "collaborated_with", "work": "Song"},
    {"from": "b", "to": "d", "type": "acted_in", "billing": "cameo", "year": 2020},
    {"from": "b", "to": "ag", "type": "signed_to", "since": 2015, "until": 2020}]})");
  CHECK(describe_relation(g, 0) == "A was a member of G (2010-2015)");
  CHECK(describe_relation(g, 1) == "A collaborated with B on 'Song'");
  CHECK(describe_relation(g, 2) == "B made a cameo in D (2020)");
  CHECK(describe_relation(g, 3) == "B was signed to Ag (2015-2020)");
}
