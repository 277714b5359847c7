// Plans, read through EXPLAIN: the most selective start, growth along relationships, early filters.
#include <catch2/catch.hpp>

#include "cypher_support.hpp"
#include "hallyu/query/cypher/parser.hpp"
#include "hallyu/query/cypher/planner.hpp"

using namespace hallyu;
using namespace hallyu::query::cypher;
using hallyu::test::cypher;

namespace {
std::string plan_of(const std::string& q) { return cypher("EXPLAIN " + q).plan; }
std::size_t count_of(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("planner starts from an id lookup, then a name lookup, then the rarest label", "[cypher]") {
  // The id is on the right-hand node: the plan seeks it and expands leftwards.
  CHECK(plan_of("MATCH (d:Drama)<-[:ACTED_IN]-(i {id: 'iu'}) RETURN d") ==
        "ProduceResults [d]\n"
        "Projection d\n"
        "Expand (i)-[:acted_in]->(d:drama)\n"
        "NodeByIdSeek (i) id = 'iu'\n"
        "Once\n");
  // WHERE equalities are seeks too, by name as well as by id.
  CHECK_THAT(plan_of("MATCH (a)-[:ACTED_IN]->(d) WHERE d.name = 'My Mister' RETURN a"), Catch::Contains("NodeByNameSeek (d) name = 'My Mister'"));
  CHECK_THAT(plan_of("MATCH (a)-[:ACTED_IN]->(d) WHERE d.id IN ['my-mister', 'x'] RETURN a"),
             Catch::Contains("NodeByIdSeek (d) id IN ['my-mister', 'x']"));
  // Two networks against three idols: the scan starts at the networks.
  CHECK_THAT(plan_of("MATCH (i:Idol)-[*2]-(n:Network) RETURN i"), Catch::Contains("NodeByLabelScan (n:network)"));
  CHECK_THAT(plan_of("MATCH (n:Network)-[*2]-(i:Idol) RETURN i"), Catch::Contains("NodeByLabelScan (n:network)"));
  // A seek that depends on the pattern itself cannot be a seek.
  CHECK_THAT(plan_of("MATCH (a {id: 'iu'})-->(b) WHERE b.name = a.name RETURN b"), Catch::Contains("Filter b.name = a.name"));
}

TEST_CASE("planner scans relations of a type when both ends are free and that is cheaper", "[cypher]") {
  // 6 acted_in relations against 16 entities times a mean degree of 2.
  CHECK(plan_of("MATCH (p)-[:ACTED_IN]->(d) RETURN count(*)") ==
        "ProduceResults [count(*)]\n"
        "Projection count(*)\n"
        "Aggregate keys [] aggregates [count(*)]\n"
        "RelationshipScan (p)-[:acted_in]->(d)\n"
        "Once\n");
  CHECK(test::scalar("MATCH (p)-[:ACTED_IN]->(d) RETURN count(*)") == "6");
  CHECK(test::scalar("MATCH (p:Idol)<-[:ACTED_IN]-(d) RETURN count(*)") == "0");
  CHECK(test::scalar("MATCH (p:Drama)<-[:ACTED_IN]-(d) RETURN count(*)") == "6");
  CHECK(test::scalar("MATCH (p:Idol)-[:ACTED_IN]-(d) RETURN count(*)") == "3");
  CHECK(test::sorted_rows("MATCH (a)-[r:AIRED_ON|OST_OF]-(b:Network) RETURN a.id, startNode(r).id, b.id") ==
        std::vector<std::string>{"'hotel-del-luna' | 'hotel-del-luna' | 'tvn'", "'its-okay-thats-love' | 'its-okay-thats-love' | 'sbs'",
                                 "'my-mister' | 'my-mister' | 'tvn'"});
  CHECK_THAT(plan_of("MATCH (a)-[r:AIRED_ON]-(b) RETURN a"), Catch::Contains("RelationshipScan (a)-[r:aired_on]-(b)"));
  CHECK(test::rows("MATCH p = (a)<-[r:OST_OF]-(b) RETURN p") == std::vector<std::string>{"(hotel-del-luna)<-[:ost_of]-(all-about-you-hotel-del-luna)"});
}

TEST_CASE("planner never builds a Cartesian product when patterns share variables", "[cypher]") {
  std::string shared = plan_of("MATCH (a {id: 'iu'})-->(d), (d)-->(n:Network) RETURN n");
  CHECK(count_of(shared, "Scan") + count_of(shared, "Seek") == 1);
  CHECK(count_of(shared, "Expand") == 2);
  // Disconnected parts are scanned twice: there is no other way.
  std::string apart = plan_of("MATCH (a:Network), (b:Agency) RETURN a, b");
  CHECK(count_of(apart, "NodeByLabelScan") == 2);
  // A cycle closes with ExpandInto rather than a second scan.
  std::string cycle = plan_of("MATCH (i {id: 'iu'})-[:ACTED_IN]->(d)-[:AIRED_ON]->(n), (i)-[:SIGNED_TO]->(a) RETURN d");
  CHECK(count_of(cycle, "Seek") + count_of(cycle, "Scan") == 1);
  std::string into = plan_of("MATCH (a {id: 'iu'})-->(d)<--(b {id: 'yeo-jin-goo'}) RETURN d");
  CHECK_THAT(into, Catch::Contains("ExpandInto"));
  CHECK(count_of(into, "NodeByIdSeek") == 2);
}

TEST_CASE("planner places each WHERE condition right after its variables are bound", "[cypher]") {
  std::string plan = plan_of("MATCH (a:Idol)-[:ACTED_IN]->(d)-[:AIRED_ON]->(n) WHERE a.birth_year > 1990 AND n.name = 'tvN' AND d.year > 2000 RETURN d");
  // n is looked up by name; a's condition comes right after the expansion that binds a, before the next one.
  CHECK_THAT(plan, Catch::Contains("NodeByNameSeek (n) name = 'tvN'"));
  std::size_t a_filter = plan.find("Filter a.birth_year > 1990");
  std::size_t d_filter = plan.find("Filter d.year > 2000");
  std::size_t expand_a = plan.find("Expand (d)<-[:acted_in]-(a:idol)");
  std::size_t expand_d = plan.find("Expand (n)<-[:aired_on]-(d)");
  REQUIRE(a_filter != std::string::npos);
  REQUIRE(d_filter != std::string::npos);
  REQUIRE(expand_a != std::string::npos);
  REQUIRE(expand_d != std::string::npos);
  // The plan reads top (last operator) to bottom (first): filters sit directly above their expansions.
  CHECK(d_filter < expand_d);
  CHECK(d_filter > expand_a);
  CHECK(a_filter < expand_a);
}

TEST_CASE("plans show OPTIONAL MATCH and pattern predicates as sub-plans, and top-k sorts", "[cypher]") {
  std::string optional = plan_of("MATCH (i:Idol) OPTIONAL MATCH (i)-[:MEMBER_OF]->(g) RETURN i, g");
  CHECK_THAT(optional, Catch::Contains("Optional\n    Expand (i)-[:member_of]->(g)\n    Argument\n"));
  std::string predicate = plan_of("MATCH (i:Idol) WHERE (i)-[:PERFORMED]->(:Ost) RETURN i");
  CHECK_THAT(predicate, Catch::Contains("pattern predicate #1:\n    Expand (i)-[:performed]->(:ost)\n    Argument\n"));
  CHECK_THAT(plan_of("MATCH (n) RETURN n.name ORDER BY n.name SKIP 2 LIMIT 3"), Catch::Contains("Sort n.name (top 3 after skipping 2)"));
}

TEST_CASE("plan_query can be used on its own and explain() prints it", "[cypher]") {
  std::map<std::string, Value> params{{"who", Value("IU")}};
  PlanOptions options;
  options.parameters = &params;
  Plan plan = plan_query(parse("MATCH (n {name: $who}) RETURN n.id AS id"), test::mini(), options);
  CHECK(plan.columns == std::vector<std::string>{"id"});
  CHECK_THAT(explain(plan), Catch::Contains("NodeByNameSeek (n) name = $who"));
  QueryResult r = execute(plan, test::mini(), test::mini_names(), nullptr, params, {});
  CHECK(test::rows_of(r) == std::vector<std::string>{"'iu'"});
}
