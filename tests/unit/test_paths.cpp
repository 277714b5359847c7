// Paths against NetworkX 2.8 references recorded in tests/fixtures/reference/paths_*.json (each file
// names the command that made it), plus hand-checked cases on the mini fixture.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <set>

#include "../support.hpp"
#include "hallyu/algo/paths.hpp"

using namespace hallyu;

namespace {

using test::read_json;

std::vector<std::string> strings(const rapidjson::Value& array) {
  std::vector<std::string> out;
  for (const auto& v : array.GetArray()) out.push_back(v.GetString());
  return out;
}

algo::TraversalFilter filter_of(const Graph& g, const rapidjson::Value& q) {
  algo::TraversalFilter f;
  auto via = strings(q["via"]);
  if (!via.empty()) {
    f.relation_types = 0;
    for (auto& t : via) f.relation_types |= bit(*parse_relation_type(t));
  }
  for (auto& k : strings(q["exclude_kinds"])) f.excluded_kinds |= bit(*parse_kind(k));
  for (auto& a : strings(q["avoid"])) f.avoid(test::id(g, a));
  return f;
}

// A path is valid when it starts and ends right, is simple, each hop's relation joins its two
// entities, and every relation and inner entity passes the filter.
void check_valid(const Graph& g, const algo::Path& p, VertexId from, VertexId to, const algo::TraversalFilter& f) {
  REQUIRE(p.vertices.size() == p.relations.size() + 1);
  CHECK(p.vertices.front() == from);
  CHECK(p.vertices.back() == to);
  CHECK(std::set<VertexId>(p.vertices.begin(), p.vertices.end()).size() == p.vertices.size());
  for (std::size_t i = 0; i < p.relations.size(); ++i) {
    const Relation& r = g.relation(p.relations[i]);
    CHECK(((r.from == p.vertices[i] && r.to == p.vertices[i + 1]) || (r.to == p.vertices[i] && r.from == p.vertices[i + 1])));
    CHECK(f.allows_relation(g, p.relations[i]));
    if (i > 0) CHECK(f.allows_vertex(g, p.vertices[i]));
  }
}

void compare_with_networkx(const std::string& dataset_path, const std::string& reference) {
  Graph g(io::load_dataset_files({dataset_path}));
  auto ref = read_json(std::string(HALLYU_FIXTURES) + "/reference/" + reference);
  algo::PathFinder finder(g);
  std::size_t checked = 0;
  for (const auto& q : ref["queries"].GetArray()) {
    VertexId from = test::id(g, q["from"].GetString()), to = test::id(g, q["to"].GetString());
    auto f = filter_of(g, q);
    INFO(q["from"].GetString() << " -> " << q["to"].GetString());
    auto path = finder.shortest_path(from, to, f);
    if (q["shortest"].IsNull()) {
      CHECK_FALSE(path.has_value());
      CHECK(finder.k_shortest_paths(from, to, 5, f).empty());
      CHECK(finder.all_shortest_paths(from, to, 10, f).total == 0);
      continue;
    }
    REQUIRE(path.has_value());
    CHECK(path->length() == q["shortest"].GetUint());
    check_valid(g, *path, from, to, f);

    auto k_paths = finder.k_shortest_paths(from, to, 5, f);
    std::vector<unsigned> lengths, expected;
    for (auto& p : k_paths) {
      lengths.push_back(static_cast<unsigned>(p.length()));
      check_valid(g, p, from, to, f);
    }
    for (const auto& l : q["k_lengths"].GetArray()) expected.push_back(l.GetUint());
    CHECK(lengths == expected);
    std::set<std::vector<VertexId>> distinct;
    for (auto& p : k_paths) distinct.insert(p.vertices);
    CHECK(distinct.size() == k_paths.size());

    auto all = finder.all_shortest_paths(from, to, 1000, f);
    CHECK(all.total == q["all_count"].GetUint64());
    CHECK(all.paths.size() == std::min<std::uint64_t>(all.total, 1000));
    for (auto& p : all.paths) {
      CHECK(p.length() == q["shortest"].GetUint());
      check_valid(g, p, from, to, f);
    }
    ++checked;
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("paths match NetworkX on a generated graph of 120 idols", "[paths][reference]") {
  compare_with_networkx(std::string(HALLYU_FIXTURES) + "/generated_120.json", "paths_generated_120.json");
}

TEST_CASE("paths match NetworkX on a generated graph of 400 idols", "[paths][reference]") {
  compare_with_networkx(std::string(HALLYU_FIXTURES) + "/generated_400.json", "paths_generated_400.json");
}

TEST_CASE("paths match NetworkX on the mini fixture", "[paths][reference]") {
  compare_with_networkx(std::string(HALLYU_FIXTURES) + "/mini.json", "paths_mini.json");
}

// When datasets/hallyu.json changes, regenerate the reference with the command recorded in it.
TEST_CASE("paths match NetworkX on the bundled dataset", "[paths][reference]") {
  compare_with_networkx(std::string(HALLYU_SOURCE_DIR) + "/datasets/hallyu.json", "paths_hallyu.json");
}

TEST_CASE("IU to D.O. on the mini fixture, by hand", "[paths]") {
  Graph g = test::mini_graph();
  algo::PathFinder finder(g);
  VertexId iu = test::id(g, "iu"), d_o = test::id(g, "d-o");
  auto p = finder.shortest_path(iu, d_o);
  REQUIRE(p);
  std::vector<std::string> ids;
  for (VertexId v : p->vertices) ids.push_back(g.entity(v).id);
  CHECK(ids == std::vector<std::string>{"iu", "hotel-del-luna", "all-about-you-hotel-del-luna", "taeyeon",
                                        "girls-generation", "sm-entertainment", "exo", "d-o"});
  auto k = finder.k_shortest_paths(iu, d_o, 5);
  REQUIRE(k.size() == 2);  // the only other simple path goes round through tvN
  CHECK(k[1].length() == 9);
}

TEST_CASE("each path filter changes the answer when it should", "[paths][filter]") {
  Graph g = test::mini_graph();
  algo::PathFinder finder(g);
  VertexId iu = test::id(g, "iu"), d_o = test::id(g, "d-o"), tvn = test::id(g, "tvn");
  algo::TraversalFilter no_agencies;
  no_agencies.excluded_kinds = bit(Kind::agency);
  CHECK_FALSE(finder.shortest_path(iu, d_o, no_agencies));  // SM is the only bridge to EXO
  algo::TraversalFilter avoid_sm;
  avoid_sm.avoid(test::id(g, "sm-entertainment"));
  CHECK_FALSE(finder.shortest_path(iu, d_o, avoid_sm));
  // IU to tvN: 2 hops through either drama; avoiding Hotel Del Luna leaves My Mister.
  CHECK(finder.all_shortest_paths(iu, tvn, 10).total == 2);
  algo::TraversalFilter avoid_luna;
  avoid_luna.avoid(test::id(g, "hotel-del-luna"));
  auto p = finder.shortest_path(iu, tvn, avoid_luna);
  REQUIRE(p);
  CHECK(g.entity(p->vertices[1]).id == "my-mister");
  algo::TraversalFilter acting_only;
  acting_only.relation_types = bit(RelationType::acted_in);
  CHECK_FALSE(finder.shortest_path(iu, tvn, acting_only));
  // Excluded kinds never block the endpoints themselves.
  algo::TraversalFilter no_networks;
  no_networks.excluded_kinds = bit(Kind::network);
  CHECK(finder.shortest_path(iu, tvn, no_networks).has_value());
}

TEST_CASE("repeated queries on one finder give the same answers", "[paths]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  algo::PathFinder finder(g), fresh_each_time(g);
  for (VertexId s = 0; s < 60; s += 7) {
    for (VertexId t = 1; t < 600; t += 53) {
      auto a = finder.shortest_path(s, t);
      auto b = algo::PathFinder(g).shortest_path(s, t);
      REQUIRE(a.has_value() == b.has_value());
      if (a) CHECK(a->vertices == b->vertices);
    }
  }
}

TEST_CASE("distances agree with shortest paths", "[paths]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_120.json"}));
  algo::PathFinder finder(g);
  auto table = finder.distances_from(0);
  for (VertexId t = 0; t < g.entity_count(); t += 5) {
    auto p = finder.shortest_path(0, t);
    if (table.distance[t] == algo::DistanceTable::kUnreachable) {
      CHECK_FALSE(p);
    } else {
      REQUIRE(p);
      CHECK(p->length() == table.distance[t]);
    }
  }
}

// Callers use k_shortest_paths for k = 1 too; it must give shortest_path's answer.
TEST_CASE("one shortest simple path is the shortest path", "[paths]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  algo::PathFinder finder(g);
  algo::TraversalFilter no_hubs;
  no_hubs.excluded_kinds = bit(Kind::agency) | bit(Kind::network);
  std::size_t compared = 0;
  for (const algo::TraversalFilter& f : {algo::TraversalFilter{}, no_hubs}) {
    for (VertexId s = 0; s < 400; s += 37) {
      for (VertexId t = 5; t < g.entity_count(); t += 91) {
        auto one = finder.k_shortest_paths(s, t, 1, f);
        auto shortest = finder.shortest_path(s, t, f);
        REQUIRE(one.size() == (shortest ? 1u : 0u));
        if (shortest) {
          CHECK(one[0].vertices == shortest->vertices);
          CHECK(one[0].relations == shortest->relations);
          ++compared;
        }
      }
    }
  }
  CHECK(compared > 100);
}
