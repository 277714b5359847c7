// Every clause, pattern form and expression on tests/fixtures/mini.json, with answers worked out by
// hand from the fixture (16 entities, 16 relations; see the comments for the reasoning).
#include <catch2/catch.hpp>
#include <chrono>

#include "cypher_support.hpp"

using namespace hallyu;
using namespace hallyu::query::cypher;
using hallyu::test::cypher;
using hallyu::test::error_of;
using hallyu::test::rows;
using hallyu::test::scalar;
using hallyu::test::sorted_rows;
using Rows = std::vector<std::string>;

TEST_CASE("MATCH with labels, types and directions, case-insensitively", "[cypher]") {
  // acted_in: iu->hotel-del-luna, iu->my-mister, d-o->its-okay-thats-love are the idols' roles.
  CHECK(sorted_rows("MATCH (i:Idol)-[:ACTED_IN]->(d:Drama) RETURN i.id, d.id") ==
        Rows{"'d-o' | 'its-okay-thats-love'", "'iu' | 'hotel-del-luna'", "'iu' | 'my-mister'"});
  CHECK(sorted_rows("MATCH (d:drama)<-[:acted_in]-(i:idol) RETURN i.id, d.id") ==
        sorted_rows("MATCH (i:Idol)-[:ACTED_IN]->(d:Drama) RETURN i.id, d.id"));
  // Against the stored direction nothing matches.
  CHECK(rows("MATCH (i:Idol)<-[:ACTED_IN]-(d:Drama) RETURN i").empty());
  // Undirected: each relation once from each side.
  CHECK(scalar("MATCH (a)-[:AIRED_ON]-(b) RETURN count(*)") == "6");
  CHECK(scalar("MATCH (a)-[:AIRED_ON]->(b) RETURN count(*)") == "3");
  // Alternatives: iu's acted_in (2) and signed_to (1).
  CHECK(scalar("MATCH ({id: 'iu'})-[r:ACTED_IN|SIGNED_TO]->() RETURN count(r)") == "3");
  CHECK(scalar("MATCH (n:Idol|Actor) RETURN count(n)") == "6");
  CHECK(scalar("MATCH (n:Idol:Actor) RETURN count(n)") == "0");
  CHECK(scalar("MATCH (n) RETURN count(n)") == "16");
}

TEST_CASE("property maps and parameters select nodes and relationships", "[cypher]") {
  CHECK(rows("MATCH (n {name: 'IU'}) RETURN n.id") == Rows{"'iu'"});
  CHECK(rows("MATCH (n {name: $who}) RETURN n.id", {{"who", Value("Taeyeon")}}) == Rows{"'taeyeon'"});
  CHECK(rows("MATCH (n $props) RETURN n.id", {{"props", Value(Map{{"kind", Value("network")}, {"name", Value("SBS")}})}}) ==
        Rows{"'sbs'"});
  CHECK(sorted_rows("MATCH (a)-[:ACTED_IN {billing: 'lead'}]->(d {year: 2019}) RETURN a.id") == Rows{"'iu'", "'yeo-jin-goo'"});
  // Names are exact: the name index's folding does not apply to `=`.
  CHECK(rows("MATCH (n {name: 'iu'}) RETURN n").empty());
  CHECK(error_of("MATCH (n {name: $missing}) RETURN n") == "line 1, column 17: missing parameter $missing");
}

TEST_CASE("WHERE: comparisons, string predicates, IN, IS NULL, labels", "[cypher]") {
  CHECK(sorted_rows("MATCH (d:Drama) WHERE d.year >= 2018 RETURN d.id") == Rows{"'hotel-del-luna'", "'my-mister'"});
  CHECK(sorted_rows("MATCH (n) WHERE n.name STARTS WITH 'Hotel' OR n.name ENDS WITH 'Love' RETURN n.id") ==
        Rows{"'hotel-del-luna'", "'its-okay-thats-love'"});
  CHECK(rows("MATCH (n) WHERE n.name CONTAINS 'Mist' RETURN n.id") == Rows{"'my-mister'"});
  CHECK(sorted_rows("MATCH (n) WHERE n.id IN ['iu', 'sbs', 'nobody'] RETURN n.id") == Rows{"'iu'", "'sbs'"});
  // birth_year is set on iu only; debut_year on the two groups.
  CHECK(scalar("MATCH (n) WHERE n.birth_year IS NOT NULL RETURN count(*)") == "1");
  CHECK(scalar("MATCH (n) WHERE n.debut_year IS NULL RETURN count(*)") == "14");
  CHECK(sorted_rows("MATCH (n) WHERE n:Network OR n:Agency AND n.name STARTS WITH 'S' RETURN n.id") ==
        Rows{"'sbs'", "'sm-entertainment'", "'tvn'"});
  CHECK(scalar("MATCH (n) WHERE 'ost' IN labels(n) RETURN n.name") == "'All About You'");
}

TEST_CASE("three-valued logic follows openCypher", "[cypher]") {
  CHECK(rows("RETURN null AND false, null AND true, null OR true, null OR false, NOT null, null XOR true") ==
        Rows{"false | null | true | null | null | null"});
  CHECK(rows("RETURN null = null, null <> 1, 1 = 1.0, [1, null] = [1, null], [1, 2] = [1, null], [1, 2] = [3, null], 2 IN [1, null], "
             "1 IN [1, null]") == Rows{"null | null | true | null | null | false | null | true"});
  CHECK(rows("RETURN 1 < 'a', 'a' < 'b', [1, 2] < [1, 3], true > false") == Rows{"null | true | true | true"});
  // WHERE keeps true rows only: null is not true, and NOT null is not true either.
  CHECK(scalar("MATCH (n) WHERE n.birth_year > 1990 RETURN count(*)") == "1");
  CHECK(scalar("MATCH (n) WHERE NOT n.birth_year > 1990 RETURN count(*)") == "0");
  CHECK(error_of("RETURN 1 AND true") == "line 1, column 8: AND expects a boolean, got integer (in '1')");
}

TEST_CASE("comma patterns share variables without a Cartesian product and keep relationships unique", "[cypher]") {
  // iu's neighbours (hotel-del-luna, my-mister, edam) and their other relations: 3 + 2 + 0.
  CHECK(scalar("MATCH ({id: 'iu'})-[r1]-(x), (x)-[r2]-(y) RETURN count(*)") == "5");
  // In two MATCH clauses relationships may repeat: 4 + 3 + 1.
  CHECK(scalar("MATCH ({id: 'iu'})-[r1]-(x) MATCH (x)-[r2]-(y) RETURN count(*)") == "8");
  // Disconnected parts are a product: 2 networks x 2 agencies.
  CHECK(scalar("MATCH (a:Network), (b:Agency) RETURN count(*)") == "4");
  // A node repeated closes a cycle: dramas aired on tvN that iu acted in.
  CHECK(sorted_rows("MATCH (i {id: 'iu'})-[:ACTED_IN]->(d)-[:AIRED_ON]->(n {id: 'tvn'}), (i)-[:SIGNED_TO]->(a) RETURN d.id, a.id") ==
        Rows{"'hotel-del-luna' | 'edam-entertainment'", "'my-mister' | 'edam-entertainment'"});
}

TEST_CASE("variable-length patterns: bounds, relationship uniqueness, lists of relationships", "[cypher]") {
  // From iu: 3 paths of length 1, 5 of length 2, 3 of length 3 (see the fixture's adjacency).
  CHECK(scalar("MATCH ({id: 'iu'})-[*1]-(b) RETURN count(*)") == "3");
  CHECK(scalar("MATCH ({id: 'iu'})-[*2]-(b) RETURN count(*)") == "5");
  CHECK(scalar("MATCH ({id: 'iu'})-[*1..3]-(b) RETURN count(*)") == "11");
  CHECK(scalar("MATCH ({id: 'iu'})-[*..3]-(b) RETURN count(DISTINCT b)") == "8");
  CHECK(scalar("MATCH ({id: 'iu'})-[*0..1]-(b) RETURN count(*)") == "4");
  // A relationship is never walked twice in one path, so iu is not two hops from itself.
  CHECK(scalar("MATCH (a {id: 'iu'})-[*2]-(b) WHERE b = a RETURN count(*)") == "0");
  // But around the hotel-del-luna / tvN / my-mister square it comes back in four.
  CHECK(rows("MATCH (a {id: 'iu'})-[rs*4]-(a) RETURN [r IN rs | type(r)]") ==
        Rows{"['acted_in', 'aired_on', 'aired_on', 'acted_in']", "['acted_in', 'aired_on', 'aired_on', 'acted_in']"});
  // Directed and typed: taeyeon -performed-> ost -ost_of-> drama.
  CHECK(rows("MATCH ({id: 'taeyeon'})-[rs:PERFORMED|OST_OF*2]->(d) RETURN d.id, size(rs)") == Rows{"'hotel-del-luna' | 2"});
  CHECK(rows("MATCH ({id: 'hotel-del-luna'})-[:PERFORMED|OST_OF*2]->(d) RETURN d").empty());
  // A property map applies to every step.
  CHECK(scalar("MATCH ({id: 'iu'})-[:ACTED_IN*1..2 {billing: 'lead'}]-(b) RETURN count(*)") == "4");
  // Read right to left, the list is still in pattern order with each direction as walked.
  CHECK(rows("MATCH (d {id: 'hotel-del-luna'})<-[rs*2]-(t {id: 'taeyeon'}) RETURN [r IN rs | type(r)], [r IN rs | startNode(r).id]") ==
        Rows{"['ost_of', 'performed'] | ['all-about-you-hotel-del-luna', 'taeyeon']"});
}

TEST_CASE("unbounded variable length stops at the cap, explicit bounds above it are refused", "[cypher]") {
  Limits small;
  small.max_var_length = 2;
  CHECK(query::cypher::to_display(test::mini(), cypher("MATCH ({id: 'iu'})-[*]-(b) RETURN count(*)", {}, small).rows[0][0]) == "8");
  CHECK(error_of("MATCH (a)-[*1..1000000]-(b) RETURN count(*)") ==
        "line 1, column 10: variable-length upper bound 1000000 is above the limit of 15 hops");
  CHECK_THAT(cypher("EXPLAIN MATCH (a)-[*]-(b) RETURN count(*)").plan, Catch::Contains("capped at 15 hops"));
  // The whole fixture, every path up to 15 hops: finishes (bounded by relationship uniqueness).
  CHECK_NOTHROW(cypher("MATCH (a)-[*]-(b) RETURN count(*)"));
}

TEST_CASE("path variables, nodes(), relationships(), length()", "[cypher]") {
  CHECK(rows("MATCH p = ({id: 'taeyeon'})-[:PERFORMED]->()-[:OST_OF]->(d) RETURN length(p), [n IN nodes(p) | n.id], "
             "[r IN relationships(p) | type(r)]") ==
        Rows{"2 | ['taeyeon', 'all-about-you-hotel-del-luna', 'hotel-del-luna'] | ['performed', 'ost_of']"});
  CHECK(rows("MATCH p = (d {id: 'hotel-del-luna'})<-[*2]-({id: 'taeyeon'}) RETURN p") ==
        Rows{"(hotel-del-luna)<-[:ost_of]-(all-about-you-hotel-del-luna)<-[:performed]-(taeyeon)"});
}

TEST_CASE("shortestPath uses the relationship types, directions and WHERE on the path's nodes", "[cypher]") {
  // taeyeon to lee-sun-kyun: performed, ost_of, acted_in (iu), acted_in, acted_in: 5 hops.
  CHECK(rows("MATCH p = shortestPath(({id: 'taeyeon'})-[*]-({id: 'lee-sun-kyun'})) RETURN length(p)") == Rows{"5"});
  // hotel-del-luna to my-mister: two 2-hop paths, through iu and through tvN.
  CHECK(sorted_rows("MATCH p = allShortestPaths(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) RETURN nodes(p)[1].id") ==
        Rows{"'iu'", "'tvn'"});
  // Each filter changes the answer.
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[:ACTED_IN*]-({id: 'my-mister'})) RETURN nodes(p)[1].id") ==
        Rows{"'iu'"});
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[:AIRED_ON*]-({id: 'my-mister'})) RETURN nodes(p)[1].id") ==
        Rows{"'tvn'"});
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) WHERE none(x IN nodes(p) WHERE x:Network) "
             "RETURN nodes(p)[1].id") == Rows{"'iu'"});
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) WHERE all(x IN nodes(p) WHERE NOT x:Idol) "
             "RETURN nodes(p)[1].id") == Rows{"'tvn'"});
  // A condition on a property is not a kind filter: the engine's own BFS checks it on every node.
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) WHERE all(x IN nodes(p) WHERE x.id <> 'tvn') "
             "RETURN nodes(p)[1].id") == Rows{"'iu'"});
  // ... and it holds for the ends too: hotel-del-luna (2019) fails year < 2019.
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) "
             "WHERE all(x IN nodes(p) WHERE coalesce(x.year, 0) < 2019) RETURN p").empty());
  // Conditions on relationships: without acted_in the only way is through tvN.
  CHECK(rows("MATCH p = shortestPath(({id: 'hotel-del-luna'})-[*]-({id: 'my-mister'})) "
             "WHERE none(r IN relationships(p) WHERE type(r) = 'acted_in') RETURN nodes(p)[1].id") == Rows{"'tvn'"});
  // Direction: iu reaches tvN along stored directions, tvN does not reach iu.
  CHECK(rows("MATCH p = shortestPath(({id: 'iu'})-[*]->({id: 'tvn'})) RETURN length(p)") == Rows{"2"});
  CHECK(rows("MATCH p = shortestPath(({id: 'tvn'})-[*]->({id: 'iu'})) RETURN length(p)").empty());
  CHECK(rows("MATCH p = shortestPath(({id: 'tvn'})-[*]-({id: 'iu'})) RETURN length(p)") == Rows{"2"});
  // An upper bound below the distance: no path.
  CHECK(rows("MATCH p = shortestPath(({id: 'taeyeon'})-[*..4]-({id: 'lee-sun-kyun'})) RETURN p").empty());
  // Same start and end: only with a minimum of 0.
  CHECK(rows("MATCH p = shortestPath((a {id: 'iu'})-[*0..]-(a)) RETURN length(p)") == Rows{"0"});
  CHECK(error_of("MATCH p = shortestPath((a)-->()-->(b)) RETURN p") ==
        "line 1, column 7: shortestPath and allShortestPaths need a pattern with exactly one relationship");
}

TEST_CASE("EXPLAIN says how shortest paths are searched", "[cypher]") {
  std::string pushed = cypher("EXPLAIN MATCH p = shortestPath(({id: 'iu'})-[*]-({id: 'sbs'})) WHERE none(x IN nodes(p) WHERE x:Agency) RETURN p").plan;
  CHECK_THAT(pushed, Catch::Contains("bidirectional BFS (PathFinder), kinds pushed into its filter"));
  std::string own = cypher("EXPLAIN MATCH p = shortestPath(({id: 'iu'})-[*]-({id: 'sbs'})) WHERE all(x IN nodes(p) WHERE x.year > 2000) RETURN p").plan;
  CHECK_THAT(own, Catch::Contains("BFS checking every step"));
  std::string directed = cypher("EXPLAIN MATCH p = shortestPath(({id: 'iu'})-[*]->({id: 'sbs'})) RETURN p").plan;
  CHECK_THAT(directed, Catch::Contains("BFS checking every step"));
}

TEST_CASE("pattern predicates in WHERE", "[cypher]") {
  CHECK(rows("MATCH (i:Idol) WHERE (i)-[:PERFORMED]->(:Ost) RETURN i.id") == Rows{"'taeyeon'"});
  CHECK(sorted_rows("MATCH (i:Idol) WHERE NOT (i)-[:PERFORMED]->(:Ost) RETURN i.id") == Rows{"'d-o'", "'iu'"});
  CHECK(sorted_rows("MATCH (i:Idol) WHERE exists((i)-[:MEMBER_OF]->()) RETURN i.id") == Rows{"'d-o'", "'taeyeon'"});
  // Idols who sang an OST of a drama they acted in: none in the fixture; taeyeon sang for one she did not act in.
  CHECK(rows("MATCH (i:Idol)-[:PERFORMED]->(:Ost)-[:OST_OF]->(d) WHERE (i)-[:ACTED_IN]->(d) RETURN i").empty());
}

TEST_CASE("OPTIONAL MATCH keeps rows with nulls", "[cypher]") {
  CHECK(rows("MATCH (i:Idol) OPTIONAL MATCH (i)-[:MEMBER_OF]->(g) RETURN i.id, g.id ORDER BY i.id") ==
        Rows{"'d-o' | 'exo'", "'iu' | null", "'taeyeon' | 'girls-generation'"});
  // WHERE belongs to the OPTIONAL MATCH: it empties the match, not the row.
  CHECK(rows("MATCH (i:Idol) OPTIONAL MATCH (i)-[:MEMBER_OF]->(g) WHERE g.debut_year > 2010 RETURN i.id, g.id ORDER BY i.id") ==
        Rows{"'d-o' | 'exo'", "'iu' | null", "'taeyeon' | null"});
  // A later MATCH on a null node matches nothing.
  CHECK(rows("OPTIONAL MATCH (x {id: 'nobody'}) MATCH (x)--(y) RETURN y").empty());
  CHECK(rows("OPTIONAL MATCH (x {id: 'nobody'}) RETURN x") == Rows{"null"});
}

TEST_CASE("WITH: projection, WHERE, DISTINCT, aggregation, scope", "[cypher]") {
  CHECK(rows("MATCH (n) WITH n.kind AS k, count(*) AS c WHERE c > 2 RETURN k, c ORDER BY k") ==
        Rows{"'actor' | 3", "'drama' | 3", "'idol' | 3"});
  CHECK(rows("MATCH (d:Drama)-[:AIRED_ON]->(n) WITH DISTINCT n RETURN count(*)") == Rows{"2"});
  CHECK(error_of("MATCH (a) WITH a.name AS x RETURN a") == "line 1, column 35: variable 'a' is not defined");
  CHECK(error_of("MATCH (a) WITH a.name RETURN 1") == "line 1, column 16: expressions in WITH need an alias (AS name)");
  CHECK(error_of("MATCH (abc) RETURN abd") == "line 1, column 20: variable 'abd' is not defined (did you mean 'abc'?)");
}

TEST_CASE("aggregation: implicit grouping keys, DISTINCT, nulls, empty input", "[cypher]") {
  // Dramas per network: tvN 2 (hotel-del-luna, my-mister), SBS 1.
  CHECK(rows("MATCH (d:Drama)-[:AIRED_ON]->(n) RETURN n.name, count(d) AS c, collect(d.year) ORDER BY c DESC") ==
        Rows{"'tvN' | 2 | [2019, 2018]", "'SBS' | 1 | [2014]"});
  CHECK(rows("UNWIND [3, 1, null, 2, 2] AS x RETURN sum(x), avg(x), min(x), max(x), count(x), count(*), count(DISTINCT x), "
             "collect(DISTINCT x), sum(DISTINCT x)") == Rows{"8 | 2.0 | 1 | 3 | 4 | 5 | 3 | [3, 1, 2] | 6"});
  CHECK(rows("UNWIND [1, 2.5] AS x RETURN sum(x), avg(x)") == Rows{"3.5 | 1.75"});
  // No rows and no keys: one row of neutral values; with keys: no rows.
  CHECK(rows("MATCH (n:Idol) WHERE n.name = 'nobody' RETURN count(*), sum(n.year), collect(n), avg(n.year), max(n.year)") ==
        Rows{"0 | 0 | [] | null | null"});
  CHECK(rows("MATCH (n:Idol) WHERE n.name = 'nobody' RETURN n.kind, count(*)").empty());
  // Grouping by a node, an expression with an aggregate inside, ordering by the aggregate.
  CHECK(rows("MATCH (p)-[:ACTED_IN]->(d) RETURN p.name, count(*) * 10 AS score ORDER BY score DESC, p.name LIMIT 2") ==
        Rows{"'IU' | 20", "'D.O.' | 10"});
  CHECK(rows("MATCH (p)-[:ACTED_IN]->(d) RETURN p.name, count(*) ORDER BY count(*) DESC, p.name LIMIT 1") == Rows{"'IU' | 2"});
  // min/max over mixed types use the total order: numbers after strings.
  CHECK(rows("UNWIND [1, 'a', 2] AS x RETURN min(x), max(x)") == Rows{"'a' | 2"});
  CHECK(error_of("UNWIND ['a'] AS x RETURN sum(x)") == "line 1, column 30: sum() expects numbers, got string (in 'x')");
  CHECK(error_of("MATCH (n) WHERE count(n) > 1 RETURN n") == "line 1, column 17: aggregate functions are not allowed in WHERE");
  CHECK(error_of("RETURN count(count(*))") == "line 1, column 8: aggregate functions cannot be nested");
}

TEST_CASE("RETURN: aliases, DISTINCT, *, ORDER BY, SKIP, LIMIT", "[cypher]") {
  CHECK(rows("MATCH (n:Network) RETURN n.name AS network ORDER BY network") == Rows{"'SBS'", "'tvN'"});
  CHECK(cypher("MATCH (n:Network) RETURN n.name AS network").columns == std::vector<std::string>{"network"});
  CHECK(rows("MATCH (a:Agency)<-[:SIGNED_TO]-(x) RETURN DISTINCT a.id ORDER BY a.id") ==
        Rows{"'edam-entertainment'", "'sm-entertainment'"});
  CHECK(cypher("MATCH (b:Network), (a:Agency) RETURN * LIMIT 1").columns == std::vector<std::string>{"a", "b"});
  CHECK(rows("MATCH (n) RETURN n.id ORDER BY n.debut_year DESC, n.id SKIP 1 LIMIT 2") == Rows{"'d-o'", "'edam-entertainment'"});
  // Nulls sort last ascending, first descending.
  CHECK(rows("UNWIND [2, null, 1] AS x RETURN x ORDER BY x") == Rows{"1", "2", "null"});
  CHECK(rows("UNWIND [2, null, 1] AS x RETURN x ORDER BY x DESC") == Rows{"null", "2", "1"});
  // ORDER BY may use a variable that is not returned.
  CHECK(rows("MATCH (d:Drama) RETURN d.name ORDER BY d.year") == Rows{"'It\\'s Okay, That\\'s Love'", "'My Mister'", "'Hotel Del Luna'"});
  CHECK(rows("UNWIND range(1, 5) AS x RETURN x SKIP $s LIMIT $l", {{"s", Value(1)}, {"l", Value(2)}}) == Rows{"2", "3"});
  CHECK(error_of("RETURN 1 LIMIT -1") == "line 1, column 16: LIMIT expects a non-negative integer, got -1 (in '-1')");
  CHECK(error_of("RETURN 1 AS a, 2 AS a") == "line 1, column 1: column 'a' appears twice");
}

TEST_CASE("UNWIND and UNION", "[cypher]") {
  CHECK(rows("UNWIND [1, [2, 3], null] AS x RETURN x") == Rows{"1", "[2, 3]", "null"});
  CHECK(rows("UNWIND null AS x RETURN x").empty());
  CHECK(rows("UNWIND 5 AS x RETURN x") == Rows{"5"});
  CHECK(rows("RETURN 1 AS x UNION RETURN 1 AS x UNION RETURN 2 AS x") == Rows{"1", "2"});
  CHECK(rows("RETURN 1 AS x UNION ALL RETURN 1 AS x") == Rows{"1", "1"});
  CHECK(error_of("RETURN 1 AS x UNION RETURN 1 AS y") == "every part of a UNION must return the same columns: [x] vs [y]");
  CHECK(error_of("RETURN 1 AS x UNION RETURN 1 AS x UNION ALL RETURN 1 AS x") == "UNION and UNION ALL cannot be mixed in one query");
}

TEST_CASE("expressions: arithmetic, CASE, lists, maps, strings", "[cypher]") {
  CHECK(rows("RETURN 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7.0 / 2, 2 ^ 10, 1 + 2.5, 'a' + 'b', 'n' + 1, [1] + [2, 3], [1] + 2") ==
        Rows{"3 | -3 | 1 | -1 | 3.5 | 1024.0 | 3.5 | 'ab' | 'n1' | [1, 2, 3] | [1, 2]"});
  CHECK(rows("RETURN 1.0 / 0, 0.0 / 0 = 0.0 / 0") == Rows{"Infinity | false"});
  CHECK(rows("RETURN CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END, CASE WHEN 1 > 2 THEN 'x' END, "
             "CASE null WHEN null THEN 'same' ELSE 'unknown' END") == Rows{"'b' | null | 'unknown'"});
  CHECK(rows("RETURN [1, 2, 3, 4][1..3], [1, 2, 3][-1], [1, 2, 3][5], [1, 2, 3][..-1], [1, 2, 3][2..], [1, 2][null]") ==
        Rows{"[2, 3] | 3 | null | [1, 2] | [3] | null"});
  CHECK(rows("RETURN {a: 1, b: [2]}.b, {a: 1}['a'], {a: 1}.missing") == Rows{"[2] | 1 | null"});
  CHECK(rows("RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * x], [x IN [1, 2]], all(x IN [1, 2] WHERE x > 0), "
             "any(x IN [1, 2] WHERE x > 1), none(x IN [1, 2] WHERE x > 1), single(x IN [1, 2] WHERE x > 1)") ==
        Rows{"[4, 16, 36] | [1, 2] | true | true | false | true"});
  CHECK(rows("RETURN all(x IN [1, null] WHERE x > 0), any(x IN [null] WHERE x > 0), all(x IN [] WHERE false)") ==
        Rows{"null | null | true"});
  CHECK(rows("MATCH (n {id: 'iu'}) RETURN n.aliases[1], size(n.aliases), n['name'], n.birth_year + 1") ==
        Rows{"'이지은' | 3 | 'IU' | 1994"});
}

TEST_CASE("integer overflow and division by zero are errors, type errors name the expression", "[cypher]") {
  CHECK(error_of("RETURN 9223372036854775807 + 1") == "line 1, column 8: integer overflow (in '9223372036854775807 + 1')");
  CHECK(error_of("RETURN -9223372036854775808 - 1") == "line 1, column 8: integer overflow (in '-9223372036854775808 - 1')");
  CHECK(error_of("RETURN 4611686018427387904 * 2") == "line 1, column 8: integer overflow (in '4611686018427387904 * 2')");
  CHECK(error_of("RETURN -(-9223372036854775808)") == "line 1, column 8: integer overflow (in '-(-9223372036854775808)')");
  CHECK(error_of("RETURN -9223372036854775808 / -1") == "line 1, column 8: integer overflow (in '-9223372036854775808 / -1')");
  CHECK(scalar("RETURN -9223372036854775808 % -1") == "0");
  CHECK(error_of("WITH 0 AS z RETURN 10 / z") == "line 1, column 20: division by zero (in '10 / z')");
  CHECK(error_of("RETURN 10 % 0") == "line 1, column 8: modulo by zero (in '10 % 0')");
  CHECK(error_of("UNWIND [1] AS x RETURN x - 'a'") == "line 1, column 24: cannot subtract integer and string (in 'x - 'a'')");
  CHECK(error_of("MATCH (n {id: 'iu'}) RETURN n + 1") == "line 1, column 29: cannot add node and integer (in 'n + 1')");
  CHECK(error_of("RETURN 'abc' =~ 'a.*'") == "line 1, column 8: regular expressions (=~) are not supported; use STARTS WITH, ENDS WITH or CONTAINS (in ''abc' =~ 'a.*'')");
  CHECK(error_of("RETURN [1][0.5]") == "line 1, column 8: a list index must be an integer, got float (in '[1][0.5]')");
}

TEST_CASE("unknown labels, relationship types, properties and functions get did you mean", "[cypher]") {
  CHECK(error_of("MATCH (n:Idl) RETURN n") ==
        "line 1, column 7: unknown label 'Idl' (did you mean 'idol'?); labels are idol, actor, group, drama, ost, agency, network");
  CHECK(error_of("MATCH ()-[:ACTD_IN]->() RETURN 1") ==
        "line 1, column 9: unknown relationship type 'ACTD_IN' (did you mean 'acted_in'?); types are member_of, acted_in, "
        "performed, ost_of, signed_to, aired_on, collaborated_with");
  CHECK(error_of("MATCH (n) RETURN n.nmae") == "line 1, column 18: unknown node property 'nmae' (did you mean 'name'?)");
  CHECK(error_of("MATCH ()-[r]->() RETURN r.rloe") == "line 1, column 25: unknown relationship property 'rloe' (did you mean 'role'?)");
  CHECK(error_of("MATCH (n {birth_yr: 1993}) RETURN n") == "line 1, column 10: unknown node property 'birth_yr' (did you mean 'birth_year'?)");
  CHECK(error_of("RETURN toLowr('A')") == "line 1, column 8: unknown function 'toLowr' (did you mean 'toLower'?)");
  CHECK(error_of("MATCH (n) WHERE n:Dram RETURN n") ==
        "line 1, column 17: unknown label 'Dram' (did you mean 'drama'?); labels are idol, actor, group, drama, ost, agency, network");
  // Properties of maps are not checked: a missing key is null.
  CHECK(scalar("WITH {a: 1} AS m RETURN m.nmae") == "null");
}

TEST_CASE("EXPLAIN plans without running, PROFILE runs and counts rows per operator", "[cypher]") {
  QueryResult explained = cypher("EXPLAIN MATCH (i:Idol)-[:ACTED_IN]->(d) RETURN i.name, count(d) AS n ORDER BY n DESC LIMIT 1");
  CHECK(explained.rows.empty());
  CHECK(explained.columns == std::vector<std::string>{"i.name", "n"});
  CHECK(explained.plan ==
        "ProduceResults [i.name, n]\n"
        "Limit 1\n"
        "Sort n DESC (top 1)\n"
        "Projection count(d) AS n\n"
        "Aggregate keys [i.name] aggregates [count(d)] (counted from the adjacency lists)\n"
        "Expand (i:idol)-[:acted_in]->(d)\n"
        "NodeByLabelScan (i:idol)\n"
        "Once\n");
  QueryResult profiled = cypher("PROFILE MATCH (i:Idol)-[:ACTED_IN]->(d) RETURN i.name, count(d) AS n ORDER BY n DESC LIMIT 1");
  CHECK(test::rows_of(profiled) == Rows{"'IU' | 2"});
  CHECK_THAT(profiled.plan, Catch::Contains("NodeByLabelScan (i:idol)  (rows 3, "));
  CHECK_THAT(profiled.plan, Catch::Contains("Expand (i:idol)-[:acted_in]->(d)  (rows 3, "));
  CHECK_THAT(profiled.plan, Catch::Contains("aggregates [count(d)] (counted from the adjacency lists)  (rows 2, "));
  CHECK_THAT(profiled.plan, Catch::Contains("ms)"));
  CHECK_THAT(profiled.plan, Catch::Contains("total "));
}

TEST_CASE("timeouts, cancellation and the row cap stop work cleanly", "[cypher]") {
  Limits limits;
  limits.timeout = std::chrono::milliseconds(100);
  auto start = std::chrono::steady_clock::now();
  CHECK(error_of("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)", limits) ==
        "the query ran out of time (limit 100 ms)");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  // Skipping rows is work too.
  CHECK(error_of("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN x SKIP 999999999999", limits) ==
        "the query ran out of time (limit 100 ms)");

  Limits cancel;
  int polls = 0;
  cancel.cancelled = [&polls] { return ++polls > 3; };
  CHECK(error_of("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)", cancel) == "the query was cancelled");

  Limits capped;
  capped.max_rows = 2;
  QueryResult r = cypher("MATCH (n) RETURN n.id ORDER BY n.id", {}, capped);
  CHECK(r.rows.size() == 2);
  CHECK(r.truncated);
  CHECK_FALSE(cypher("MATCH (n:Network) RETURN n", {}, capped).truncated);
}

TEST_CASE("hostile inputs give clean errors or bounded results", "[cypher]") {
  CHECK_THAT(error_of("RETURN " + std::string(10000, '(') + "1" + std::string(10000, ')')), Catch::Contains("levels deep"));
  CHECK_THAT(error_of("RETURN '" + std::string(10 * 1024 * 1024, 'x') + "'"), Catch::Contains("bytes long; the limit is"));
  CHECK(error_of("RETURN size(range(1, 100000000))") ==
        "line 1, column 13: range() would make a list of more than 1000000 elements (in 'range(1, 100000000)')");
  CHECK(error_of("RETURN range(-9223372036854775808, 9223372036854775807, 1)") ==
        "line 1, column 8: range() would make a list of more than 1000000 elements (in 'range(-9223372036854775808, 9223372036854775807, 1)')");
  CHECK(error_of("WITH range(1, 1000000) AS a RETURN size(a + a)") ==
        "line 1, column 41: the list would have more than 1000000 elements (in 'a + a')");
  CHECK(error_of("WITH range(1, 1000000) AS r RETURN size([r, r, r, r, r])") ==
        "line 1, column 41: the value would hold more than 4000000 elements (nested lists counted) (in '[r, r, r, r, r]')");
  CHECK_THAT(error_of("RETURN size([x IN range(1, 1000) | [y IN range(1, 1000) | [y, y, y, y, y]]])"),
             Catch::StartsWith("line 1, column 13: the value would hold more than 4000000 elements (nested lists counted)"));
  CHECK_THAT(error_of("UNWIND range(1, 10) AS i WITH range(1, 1000000) AS r, i RETURN size(collect(r))"),
             Catch::StartsWith("collect() would make a list of more than 1000000 elements"));
  CHECK(scalar("RETURN size(range(9223372036854775806, 9223372036854775807))") == "2");
  CHECK(scalar("RETURN range(0, -9223372036854775807, -9223372036854775807)") == "[0, -9223372036854775807]");
}

TEST_CASE("counting aggregations over one expand give what row-by-row counting gives", "[cypher]") {
  // count(*) and count(x) of the expanded node or relationship are counted from the adjacency lists;
  // sum(1) counts the same rows one at a time, so both must agree, for every direction, type, kind,
  // uniqueness constraint and year window.
  // The planner starts the first four from d; in the others it may start from p, and then the keys
  // read the expanded node and rows are counted one by one: the answers must agree either way.
  const std::pair<const char*, bool> patterns[] = {
      {"MATCH (p)-[:ACTED_IN]->(d:Drama)", true},
      {"MATCH (d:Drama)<-[:ACTED_IN]-(p)", true},
      {"MATCH (d:Drama)-[r]-(p)", true},
      {"MATCH (a:Idol)-[x:ACTED_IN]->(d:Drama)-[r]-(p)", true},  // r must differ from x
      {"MATCH (d)-[r:ACTED_IN|OST_OF]-(p:Idol)", false},
      {"MATCH (d:Drama)<-[r]-(p:Ost)", false},
      {"MATCH (d:Idol)-[r:MEMBER_OF]->(p)", false},
  };
  for (const auto& [pattern, counted_from_lists] : patterns) {
    for (const char* counted : {"count(*)", "count(p)"}) {
      std::string fast = std::string(pattern) + " RETURN d.id AS d, " + counted + " AS n ORDER BY d";
      std::string slow = std::string(pattern) + " RETURN d.id AS d, sum(1) AS n ORDER BY d";
      INFO(fast);
      if (counted_from_lists) {
        CHECK_THAT(test::cypher("EXPLAIN " + fast).plan, Catch::Contains("counted from the adjacency lists"));
        // PROFILE still counts the expand's matches, not the rows it stood them for.
        std::string plan = test::cypher("PROFILE " + fast).plan;
        std::size_t expand = plan.find("\nExpand ");  // the topmost expand: the counted one
        REQUIRE(expand != std::string::npos);
        std::string line = plan.substr(expand + 1, plan.find('\n', expand + 1) - expand - 1);
        std::size_t matches = rows(std::string(pattern) + " RETURN 1").size();
        CHECK_THAT(line, Catch::Contains("(rows " + std::to_string(matches) + ","));
      }
      CHECK_THAT(test::cypher("EXPLAIN " + slow).plan, !Catch::Contains("counted from the adjacency lists"));
      auto expected = rows(slow);
      CHECK_FALSE(expected.empty());
      CHECK(rows(fast) == expected);
      query::cypher::Limits windowed;
      windowed.time.years = "2016-2019";
      CHECK(test::rows_of(test::cypher(fast, {}, windowed)) == test::rows_of(test::cypher(slow, {}, windowed)));
    }
  }
  // Not counted from the lists: DISTINCT, keys that read the expanded node, other aggregates alongside.
  for (const char* q : {"MATCH (d:Drama)<-[:ACTED_IN]-(p) RETURN d.id, count(DISTINCT p)",
                        "MATCH (d:Drama)<-[:ACTED_IN]-(p) RETURN p.kind, count(*)",
                        "MATCH (d:Drama)<-[:ACTED_IN]-(p) RETURN d.id, count(*), collect(p.id)"}) {
    INFO(q);
    CHECK_THAT(test::cypher(std::string("EXPLAIN ") + q).plan, !Catch::Contains("counted from the adjacency lists"));
  }
}
