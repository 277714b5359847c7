#include <catch2/catch.hpp>
#include <set>

#include "../support.hpp"

using namespace hallyu;

TEST_CASE("graph holds every relation as two arcs with its relation id", "[graph]") {
  Graph g = test::mini_graph();
  CHECK(g.entity_count() == 16);
  CHECK(g.relation_count() == 16);
  CHECK(boost::num_edges(g.adjacency()) == 32);
  VertexId iu = test::id(g, "iu");
  std::set<std::string> neighbors;
  for (Graph::Arc arc : g.arcs(iu)) {
    const Relation& r = g.relation(arc.relation);
    CHECK((r.from == iu || r.to == iu));
    CHECK((r.from == arc.neighbor || r.to == arc.neighbor));
    neighbors.insert(g.entity(arc.neighbor).id);
  }
  CHECK(neighbors == std::set<std::string>{"hotel-del-luna", "my-mister", "edam-entertainment"});
  CHECK(g.degree(iu) == 3);
  CHECK(g.kind(iu) == Kind::idol);
}

TEST_CASE("arcs are sorted by neighbour for deterministic traversal", "[graph]") {
  Graph g = test::mini_graph();
  for (VertexId v = 0; v < g.entity_count(); ++v) {
    VertexId previous = 0;
    bool first = true;
    for (Graph::Arc arc : g.arcs(v)) {
      if (!first) CHECK(previous <= arc.neighbor);
      previous = arc.neighbor;
      first = false;
    }
  }
}

TEST_CASE("ids are exact and case-sensitive", "[graph]") {
  Graph g = test::mini_graph();
  CHECK(g.find_id("iu").has_value());
  CHECK_FALSE(g.find_id("IU").has_value());
  CHECK_FALSE(g.find_id("").has_value());
}
