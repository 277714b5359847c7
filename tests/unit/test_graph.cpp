#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "../support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_loader.hpp"

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

TEST_CASE("every relation is one arc in each end's row, rows sorted by (neighbour, relation)", "[graph]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  REQUIRE(g.relation_count() > 1000);
  CHECK(boost::num_edges(g.adjacency()) == 2 * g.relation_count());
  std::vector<int> seen_from(g.relation_count(), 0), seen_to(g.relation_count(), 0);
  std::size_t arcs = 0;
  for (VertexId v = 0; v < g.entity_count(); ++v) {
    std::pair<VertexId, RelationId> previous{0, 0};
    bool first = true;
    std::size_t row = 0;
    for (Graph::Arc arc : g.arcs(v)) {
      std::pair<VertexId, RelationId> here{arc.neighbor, arc.relation};
      if (!first) CHECK(previous < here);
      previous = here, first = false, ++row;
      const Relation& r = g.relation(arc.relation);
      if (r.from == v && r.to == arc.neighbor) ++seen_from[arc.relation];
      if (r.to == v && r.from == arc.neighbor) ++seen_to[arc.relation];
    }
    CHECK(row == g.degree(v));
    arcs += row;
  }
  CHECK(arcs == 2 * g.relation_count());
  CHECK(std::all_of(seen_from.begin(), seen_from.end(), [](int k) { return k == 1; }));
  CHECK(std::all_of(seen_to.begin(), seen_to.end(), [](int k) { return k == 1; }));
}

TEST_CASE("ids are exact and case-sensitive", "[graph]") {
  Graph g = test::mini_graph();
  CHECK(g.find_id("iu").has_value());
  CHECK_FALSE(g.find_id("IU").has_value());
  CHECK_FALSE(g.find_id("").has_value());
}

TEST_CASE("id table finds every id through many rehashes and nothing else", "[graph]") {
  std::vector<Entity> entities;
  IdTable table;
  CHECK_FALSE(table.find("anything", entities).has_value());  // empty table
  for (VertexId v = 0; v < 5000; ++v) {
    entities.push_back({"id-" + std::to_string(v), Kind::idol, "N", {}, {}});
    table.insert(v, entities);
  }
  CHECK(table.size() == 5000);
  for (VertexId v = 0; v < 5000; v += 7) CHECK(table.find("id-" + std::to_string(v), entities) == v);
  CHECK_FALSE(table.find("id-5000", entities).has_value());
  CHECK_FALSE(table.find("", entities).has_value());
}

TEST_CASE("a graph refuses a repeated id", "[graph]") {
  Dataset d;
  d.entities = {{"a", Kind::idol, "A", {}, {}}, {"a", Kind::actor, "Other A", {}, {}}};
  CHECK_THROWS_WITH(Graph(std::move(d)), "duplicate id 'a' in the dataset");
}
