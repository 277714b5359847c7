// Query results as JSON, an aligned table and CSV.
#include <catch2/catch.hpp>

#include "cypher_support.hpp"
#include "hallyu/format/query_result.hpp"

using namespace hallyu;
using hallyu::test::cypher;

TEST_CASE("query results as JSON: columns and rows, nodes, relationships and paths in the shared shapes", "[cypher]") {
  auto r = cypher("MATCH p = (n {id: 'iu'})-[r:SIGNED_TO]->(a) RETURN n, r, p, 1.5 AS x, [null, true] AS l, {k: 'v'} AS m");
  std::string json = format::query_result_json(test::mini(), r);
  CHECK(json ==
        R"j({"columns":["n","r","p","x","l","m"],"rows":[[{"id":"iu","name":"IU","kind":"idol"},)j"
        R"j({"from":"iu","to":"edam-entertainment","type":"signed_to","attributes":{"source":"https://en.wikipedia.org/wiki/IU_(singer)"},"text":"IU is signed to EDAM Entertainment"},)j"
        R"j({"length":1,"nodes":[{"id":"iu","name":"IU","kind":"idol"},{"id":"edam-entertainment","name":"EDAM Entertainment","kind":"agency"}],)j"
        R"j("edges":[{"from":"iu","to":"edam-entertainment","type":"signed_to","attributes":{"source":"https://en.wikipedia.org/wiki/IU_(singer)"},"text":"IU is signed to EDAM Entertainment"}]},)j"
        R"j(1.5,[null,true],{"k":"v"}]],"truncated":false})j");
  auto explained = cypher("EXPLAIN RETURN 1 AS one");
  CHECK_THAT(format::query_result_json(test::mini(), explained), Catch::Contains(R"("rows":[],"truncated":false,"plan":"ProduceResults [one]\n)"));
}

TEST_CASE("query results as a table: aligned by display width, nodes by name and id, paths hop by hop", "[cypher]") {
  auto r = cypher("MATCH (n) WHERE n.id IN ['iu', 'sbs'] RETURN n, n.aliases AS aka ORDER BY n.id");
  CHECK(format::query_result_table(test::mini(), r) ==
        "n         | aka\n"
        "----------+-" + std::string(34, '-') + "\n"
        "IU [iu]   | ['Lee Ji-eun', '이지은', '아이유']\n"
        "SBS [sbs] | []\n"
        "2 rows\n");
  auto p = cypher("MATCH p = ({id: 'taeyeon'})-[:PERFORMED]->()-[:OST_OF]->(d) RETURN d.name AS drama, p");
  std::string hop1 = "1. Taeyeon performed 'All About You', an OST of Hotel Del Luna";
  CHECK(format::query_result_table(test::mini(), p) ==
        "drama          | p\n"
        "---------------+-" + std::string(hop1.size(), '-') + "\n"
        "Hotel Del Luna | " + hop1 + "\n"
        "               | 2. 'All About You' is an OST of Hotel Del Luna\n"
        "1 row\n");
  query::cypher::Limits capped;
  capped.max_rows = 1;
  CHECK_THAT(format::query_result_table(test::mini(), cypher("MATCH (n:Network) RETURN n.name", {}, capped)),
             Catch::EndsWith("1 row (truncated: more rows matched)\n"));
}

TEST_CASE("query results as CSV follow RFC 4180", "[cypher]") {
  auto r = cypher("MATCH (d:Drama) RETURN d.name AS `name, quoted`, d.year AS year, null AS nothing ORDER BY year");
  CHECK(format::query_result_csv(test::mini(), r) ==
        "\"name, quoted\",year,nothing\r\n"
        "\"It's Okay, That's Love\",2014,\r\n"
        "My Mister,2018,\r\n"
        "Hotel Del Luna,2019,\r\n");
  auto q = cypher("RETURN 'say \"hi\"' AS a, 'two\nlines' AS b");
  CHECK(format::query_result_csv(test::mini(), q) == "a,b\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
}
