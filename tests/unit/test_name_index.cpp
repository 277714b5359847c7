#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/error.hpp"
#include "hallyu/name_index.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// Two different people share a name; one also has it as an alias. Ids decide.
const char* kSameName = R"({"format": "hallyu/1", "entities": [
 {"id": "kim-min-jung-actor", "kind": "actor", "name": "Kim Min-jung"},
 {"id": "idol-x", "kind": "idol", "name": "Idol X", "aliases": ["Kim Min-jung"]},
 {"id": "drama-a", "kind": "drama", "name": "Drama A"},
 {"id": "jin-bts", "kind": "idol", "name": "Jin", "aliases": ["Kim Seok-jin"]},
 {"id": "jin-lovelyz", "kind": "idol", "name": "Jin", "aliases": ["Park Myung-eun"]},
 {"id": "seokjin-actor", "kind": "actor", "name": "Seok Jin", "aliases": ["Kim Seok-jin"]}],
 "relations": [{"from": "kim-min-jung-actor", "to": "drama-a", "type": "acted_in"}]})";

}  // namespace

TEST_CASE("a shared name is one another entity has as its name or alias, in any case", "[names]") {
  Graph g = test::graph_from(R"({"format": "hallyu/1", "entities": [
   {"id": "rose", "kind": "idol", "name": "Ros\u00e9"},
   {"id": "chaeyoung", "kind": "actor", "name": "Park Chae-young", "aliases": ["ROS\u00c9"]},
   {"id": "solo", "kind": "idol", "name": "Solo", "aliases": ["solo", "SOLO"]},
   {"id": "nfc", "kind": "idol", "name": "\uc774\uc9c0\uc740"},
   {"id": "nfd", "kind": "actor", "name": "Other", "aliases": ["\u110B\u1175\u110C\u1175\u110B\u1173\u11AB"]},
   {"id": "a1", "kind": "idol", "name": "Same"}, {"id": "a2", "kind": "idol", "name": "same"},
   {"id": "a3", "kind": "idol", "name": "SAME"}], "relations": []})");
  NameIndex names(g);
  // A name equal (folded) to another entity's alias is shared; the alias holder's own name is not.
  CHECK(names.display_name(test::id(g, "rose")) == "Ros\u00e9 [rose]");
  CHECK(names.display_name(test::id(g, "chaeyoung")) == "Park Chae-young");
  // An entity's own aliases never make its name shared.
  CHECK(names.display_name(test::id(g, "solo")) == "Solo");
  // Decomposed Hangul folds to the same name.
  CHECK(names.display_name(test::id(g, "nfc")) == "\uc774\uc9c0\uc740 [nfc]");
  CHECK(names.display_name(test::id(g, "nfd")) == "Other");
  for (const char* id : {"a1", "a2", "a3"}) CHECK(names.display_name(test::id(g, id)) == g.entity(test::id(g, id)).name + " [" + id + "]");
}

TEST_CASE("resolve finds ids, names and aliases in any case and in Hangul", "[names]") {
  Graph g = test::mini_graph();
  NameIndex names(g);
  VertexId iu = test::id(g, "iu");
  for (const char* q : {"iu", "IU", "Iu", "lee ji-eun", "LEE JI EUN", "leejieun", "이지은", "아이유"}) {
    INFO(q);
    Resolution r = names.resolve(q);
    REQUIRE(r.status == Resolution::Status::found);
    CHECK(r.matches == std::vector<VertexId>{iu});
  }
  CHECK(names.resolve_one("d.o") == test::id(g, "d-o"));
  CHECK(names.resolve_one("Doh Kyungsoo") == test::id(g, "d-o"));
  CHECK(names.resolve_one("snsd") == test::id(g, "girls-generation"));
  CHECK(names.resolve_one("it's okay that's love") == test::id(g, "its-okay-thats-love"));
}

TEST_CASE("same name, different people: ambiguity is reported, never merged", "[names]") {
  Graph g = test::graph_from(kSameName);
  NameIndex names(g);
  // An entity's own name outranks another entity's alias: not ambiguous.
  Resolution r = names.resolve("kim min-jung");
  REQUIRE(r.status == Resolution::Status::found);
  CHECK(r.matches == std::vector<VertexId>{test::id(g, "kim-min-jung-actor")});
  // Two primary names are equal-rank matches: ambiguous, with both ids.
  Resolution jin = names.resolve("jin");
  REQUIRE(jin.status == Resolution::Status::ambiguous);
  CHECK(jin.matches.size() == 2);
  CHECK_THROWS_WITH(names.resolve_one("Jin"),
                    StartsWith("'Jin' is ambiguous: it could be Jin [jin-bts, idol], Jin [jin-lovelyz, idol]; use an id"));
  // Two aliases are equal-rank too.
  Resolution alias = names.resolve("Kim Seok-jin");
  REQUIRE(alias.status == Resolution::Status::ambiguous);
  CHECK(alias.matches.size() == 2);
  try {
    names.resolve_one("Kim Seok-jin");
    FAIL("expected a NameError");
  } catch (const NameError& e) {
    CHECK(e.category() == ErrorCategory::ambiguous);
    CHECK(e.candidates().size() == 2);
  }
  // People's output marks a shared name with the id; a name nobody else uses stays bare.
  CHECK(names.display_name(test::id(g, "jin-bts")) == "Jin [jin-bts]");
  CHECK(names.display_name(test::id(g, "kim-min-jung-actor")) == "Kim Min-jung [kim-min-jung-actor]");
  CHECK(names.display_name(test::id(g, "drama-a")) == "Drama A");
  // The id always decides.
  CHECK(names.resolve_one("idol-x") == test::id(g, "idol-x"));
  CHECK(names.resolve_one("kim-min-jung-actor") == test::id(g, "kim-min-jung-actor"));
}

TEST_CASE("near misses are suggested, not guessed", "[names]") {
  Graph g = test::mini_graph();
  NameIndex names(g);
  Resolution r = names.resolve("taeyon");
  CHECK(r.status == Resolution::Status::not_found);
  REQUIRE_FALSE(r.suggestions.empty());
  CHECK(g.entity(r.suggestions.front()).id == "taeyeon");
  CHECK_THROWS_AS(names.resolve_one("taeyon"), UsageError);
  CHECK_THROWS_WITH(names.resolve_one("taeyon"), Contains("did you mean Taeyeon [taeyeon, idol]?"));
  CHECK_THROWS_WITH(names.resolve_one("zzzzqqq"), Catch::Matchers::Equals("no entity matches 'zzzzqqq'"));
}

TEST_CASE("search ranks exact, prefix, substring, initials and typos", "[names][search]") {
  Graph g = test::mini_graph();
  NameIndex names(g);
  auto first = [&](const char* q) {
    auto hits = names.search(q, 10);
    REQUIRE_FALSE(hits.empty());
    return g.entity(hits.front().vertex).id;
  };
  CHECK(first("hotel") == "hotel-del-luna");
  CHECK(first("델루나") == "hotel-del-luna");        // Hangul substring
  CHECK(first("ㄷㄱㅅ") == "d-o");                   // initial consonants of 도경수
  CHECK(first("mister") == "my-mister");            // word prefix
  CHECK(first("Taeyon") == "taeyeon");              // typo
  auto hits = names.search("lee", 10);
  std::vector<std::string> ids;
  for (auto& h : hits) ids.push_back(g.entity(h.vertex).id);
  CHECK(std::find(ids.begin(), ids.end(), "lee-sun-kyun") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "iu") != ids.end());  // via alias Lee Ji-eun
  CHECK(names.search("lee", 10, bit(Kind::actor)).size() == 1);  // kind filter applies
  CHECK(names.search("   ", 10).empty());
}

TEST_CASE("named: exact names only, the same answer before and after the sorted index is built", "[names]") {
  Graph g = test::graph_from(kSameName);
  NameIndex names(g);
  auto ids = [&](std::string_view name) {
    std::vector<std::string> out;
    for (VertexId v : names.named(name)) out.push_back(g.entity(v).id);
    return out;
  };
  // The first lookups scan, later ones use the index: ask each question on both sides of the switch.
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    CHECK(ids("Jin") == std::vector<std::string>{"jin-bts", "jin-lovelyz"});
    CHECK(ids("Kim Min-jung") == std::vector<std::string>{"kim-min-jung-actor"});  // an alias is not a name
    CHECK(ids("jin").empty());                                                      // exact, not folded
    CHECK(ids("Seok Jin") == std::vector<std::string>{"seokjin-actor"});
    CHECK(ids("").empty());
  }
}
