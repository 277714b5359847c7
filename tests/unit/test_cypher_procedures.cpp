// CALL hallyu.*: the same answers as the request layer the commands use, with its parameter checks.
#include <catch2/catch.hpp>

#include "cypher_support.hpp"
#include "hallyu/query/centrality.hpp"
#include "hallyu/query/clusters.hpp"
#include "hallyu/query/cypher/procedures.hpp"

using namespace hallyu;
using namespace hallyu::query::cypher;
using hallyu::test::cypher;
using hallyu::test::error_of;

TEST_CASE("hallyu.pagerank and the other metrics yield every entity with the request layer's scores", "[cypher]") {
  query::Engine engine(test::mini());
  for (const char* metric : {"pagerank", "degree", "betweenness", "closeness", "harmonic", "eigenvector"}) {
    INFO(metric);
    QueryResult r = run(engine, std::string("CALL hallyu.") + metric + "({exclude_kinds: ['agency']}) YIELD node, score RETURN node, score");
    query::CentralityRequest request;
    request.metric = metric;
    request.top = 0;
    request.filter.exclude_kinds = {"agency"};
    query::CentralityResult expected = query::centrality(engine, request);
    REQUIRE(r.rows.size() == expected.listed.size());
    CHECK(r.rows.size() == 14);  // 16 entities without the 2 agencies
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      CHECK(r.rows[i][0].as_node().id == expected.simple.original(expected.listed[i]));
      CHECK(r.rows[i][1].as_double() == expected.scores[expected.listed[i]]);
    }
  }
}

TEST_CASE("procedure options change answers and are checked like the commands' parameters", "[cypher]") {
  // Degree on acted_in relations only: iu (2 dramas) ties with the dramas that have two actors.
  auto top = test::rows("CALL hallyu.degree({via: 'acted_in', kind: ['idol', 'actor']}) YIELD node, score RETURN node.id, score LIMIT 2");
  CHECK(top.front().rfind("'iu' | ", 0) == 0);
  CHECK(test::scalar("CALL hallyu.degree({top: 3}) YIELD node RETURN count(*)") == "3");
  CHECK(test::scalar("CALL hallyu.degree() YIELD node RETURN count(*)") == "16");
  CHECK_THAT(error_of("CALL hallyu.pagerank({alpah: 0.9}) YIELD node RETURN node"), Catch::Contains("alpah") && Catch::Contains("alpha"));
  CHECK(error_of("CALL hallyu.pagerank({alpha: 2}) YIELD node RETURN node") == "hallyu.pagerank: alpha must be from 0 to 1 (got 2)");
  CHECK(error_of("CALL hallyu.pagerank({metric: 'degree'}) YIELD node RETURN node") == "hallyu.pagerank: metric is given by the procedure's name");
  CHECK(error_of("CALL hallyu.pagerank(1) YIELD node RETURN node") == "hallyu.pagerank expects a map of options, got a integer");
  CHECK(error_of("CALL hallyu.pagernk() YIELD node RETURN node") == "line 1, column 1: unknown procedure 'hallyu.pagernk' (did you mean 'hallyu.pagerank'?)");
  CHECK(error_of("CALL hallyu.degree() YIELD nod RETURN nod") ==
        "line 1, column 28: hallyu.degree has no output 'nod' (did you mean 'node'?); it yields [node, score]");
}

TEST_CASE("hallyu.clusters yields every member of every cluster, as the clusters request finds them", "[cypher]") {
  query::Engine engine(test::mini());
  QueryResult r = run(engine, "CALL hallyu.clusters({method: 'leiden', seed: 7}) YIELD node, cluster RETURN node, cluster");
  query::ClustersRequest request;
  request.method = "leiden";
  request.seed = 7;
  request.top = 0;
  query::ClustersResult expected = query::clusters(engine, request);
  std::size_t members = 0;
  for (std::size_t s : expected.shown) members += expected.profiles[s].members.size();
  CHECK(r.rows.size() == members);
  CHECK(members == 16);
  for (const auto& row : r.rows) {
    auto cluster = static_cast<std::size_t>(row[1].as_int());
    const auto& profile = expected.profiles[cluster];
    CHECK(std::find(profile.members.begin(), profile.members.end(), row[0].as_node().id) != profile.members.end());
  }
  // Components: the mini fixture is one connected graph.
  CHECK(test::rows("CALL hallyu.clusters({method: 'components'}) YIELD cluster RETURN DISTINCT cluster") == std::vector<std::string>{"0"});
  // A standalone CALL returns every output.
  CHECK(cypher("CALL hallyu.clusters({method: 'components'})").columns == std::vector<std::string>{"node", "cluster"});
  CHECK_THAT(error_of("CALL hallyu.clusters({method: 'lieden'}) YIELD node RETURN node"),
             Catch::StartsWith("hallyu.clusters: unknown method 'lieden'"));
}

TEST_CASE("procedure results combine with the rest of a query", "[cypher]") {
  // The most central drama by pagerank, with its network.
  CHECK(test::rows("CALL hallyu.pagerank({}) YIELD node, score MATCH (node:Drama)-[:AIRED_ON]->(n) "
                   "RETURN node.id, n.id ORDER BY score DESC LIMIT 1") == std::vector<std::string>{"'hotel-del-luna' | 'tvn'"});
  CHECK(find_procedure("HALLYU.PageRank") == find_procedure("hallyu.pagerank"));
}
