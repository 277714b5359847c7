#include <catch2/catch.hpp>

#include "hallyu/query/cypher/parser.hpp"

using namespace hallyu::query::cypher;

namespace {
std::string canonical(const std::string& q) { return to_cypher(parse(q)); }

QueryError error_of(const std::string& q) {
  try {
    parse(q);
  } catch (const QueryError& e) {
    return e;
  }
  FAIL("no error for " << q);
  throw;
}
}  // namespace

TEST_CASE("parser round trips: printing a parse and parsing it again changes nothing", "[cypher]") {
  const char* queries[] = {
      "MATCH (i:Idol {name: 'IU'})-[r:ACTED_IN]->(d:Drama) WHERE d.year >= 2018 RETURN i.name AS idol, d.name ORDER BY d.year DESC SKIP 1 LIMIT 5",
      "OPTIONAL MATCH (a)<-[:MEMBER_OF|SIGNED_TO]-(b), (b)--(c) RETURN DISTINCT *",
      "MATCH p = shortestPath((a {id: 'iu'})-[*..5]-(b)) WHERE none(x IN nodes(p) WHERE x:Agency) RETURN p",
      "MATCH p = allShortestPaths((a)-[:acted_in*]->(b)) RETURN length(p)",
      "MATCH (a)-[*2]-(b), (c)-[*1..3]-(d), (e)-[*2..]-(f) RETURN count(*)",
      "UNWIND [1, 2.5, 'x', null, true, [1], {k: 'v'}] AS x WITH x, count(*) AS c WHERE c > 1 RETURN x",
      "RETURN CASE WHEN 1 < 2 < 3 THEN 'a' ELSE 'b' END, CASE 1 WHEN 1 THEN 2 END, [x IN range(1, 5) WHERE x % 2 = 0 | x * x]",
      "RETURN $p, $`odd name`, -(1), NOT true XOR false, 'a' STARTS WITH 'b', 'a' ENDS WITH 'b', 'a' CONTAINS 'b', null IS NOT NULL, [1, 2][0..1], [1][..1]",
      "MATCH (n) WHERE (n)-[:PERFORMED]->(:Ost) AND NOT exists((n)-->()) RETURN count(DISTINCT n)",
      "MATCH (n) RETURN n UNION ALL MATCH (n) RETURN n",
      "CALL hallyu.pagerank({alpha: 0.85}) YIELD node, score AS s WHERE s > 0 RETURN node, s",
      "EXPLAIN MATCH (n:`Idol`) RETURN n.`name`",
  };
  for (const char* q : queries) {
    INFO(q);
    std::string once = canonical(q);
    CHECK(canonical(once) == once);
  }
}

TEST_CASE("parser precedence: AND binds tighter than OR, comparisons chain, unary minus", "[cypher]") {
  CHECK(to_cypher(*parse_expression("a OR b AND NOT c")) == "(a OR (b AND (NOT c)))");
  CHECK(to_cypher(*parse_expression("1 + 2 * 3 ^ 2")) == "(1 + (2 * (3 ^ 2)))");
  CHECK(to_cypher(*parse_expression("1 < x <= 3")) == "((1 < x) AND (x <= 3))");
  CHECK(to_cypher(*parse_expression("-x.y[0]")) == "(-x.y[0])");
  CHECK(to_cypher(*parse_expression("x IN [1] = true")) == "((x IN [1]) = true)");
  CHECK(to_cypher(*parse_expression("-9223372036854775808")) == "-9223372036854775808");
  CHECK(to_cypher(*parse_expression("n:Idol:Actor|Group")) == "n:Idol:Actor|Group");
}

TEST_CASE("parser tells a pattern predicate from a parenthesised expression", "[cypher]") {
  CHECK(parse_expression("(a)-->(b)")->kind == ExprKind::pattern);
  CHECK(parse_expression("(a)<-[:X]-()")->kind == ExprKind::pattern);
  CHECK(to_cypher(*parse_expression("(a) - (b)")) == "(a - b)");
  CHECK(to_cypher(*parse_expression("(a)")) == "a");
}

TEST_CASE("parser keeps the source text of projections as column names", "[cypher]") {
  Query q = parse("RETURN  count( * ) , n.name AS x, (1 + 2)");
  const auto& items = q.parts[0].clauses[0].projection.items;
  CHECK(items[0].alias == "count( * )");
  CHECK(items[1].alias == "x");
  CHECK(items[2].alias == "(1 + 2)");
}

TEST_CASE("parser reads variable-length bounds as written", "[cypher]") {
  auto rel = [](const std::string& q) {
    Query parsed = parse("MATCH " + q + " RETURN 1");
    return std::move(parsed.parts[0].clauses[0].patterns[0].rels[0]);
  };
  CHECK((rel("()-[*]-()").min == std::nullopt && rel("()-[*]-()").max == std::nullopt));
  CHECK((rel("()-[*2]-()").min == 2 && rel("()-[*2]-()").max == 2));
  CHECK((rel("()-[*1..3]-()").min == 1 && rel("()-[*1..3]-()").max == 3));
  CHECK((rel("()-[*..3]-()").min == std::nullopt && rel("()-[*..3]-()").max == 3));
  CHECK((rel("()-[*2..]-()").min == 2 && rel("()-[*2..]-()").max == std::nullopt));
  CHECK(rel("()<-[]-()").direction == Direction::left);
  CHECK(rel("()-->()").direction == Direction::right);
  CHECK(rel("()--()").direction == Direction::both);
}

TEST_CASE("syntax errors say line, column, what was expected and what was found, with a caret", "[cypher]") {
  QueryError e = error_of("MATCH (n) RETRUN n");
  CHECK(std::string(e.what()) == "line 1, column 11: expected MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL, found 'RETRUN'");
  CHECK(e.caret() == "MATCH (n) RETRUN n\n          ^");
  CHECK(e.detailed() == std::string(e.what()) + "\n" + e.caret());

  e = error_of("MATCH (n:Idol\nWHERE n.name = 'IU'\nRETURN n");
  CHECK(std::string(e.what()) == "line 2, column 1: expected ')', found 'WHERE'");
  CHECK(e.caret() == "WHERE n.name = 'IU'\n^");

  e = error_of("MATCH (n)\nWHERE n.name = 'x' AND\nRETURN n");
  CHECK(std::string(e.what()) == "line 3, column 1: expected an expression, found 'RETURN'");

  e = error_of("RETURN [1, 2");
  CHECK(std::string(e.what()) == "line 1, column 13: expected ']', found end of input");
  CHECK(e.caret() == "RETURN [1, 2\n            ^");

  CHECK(std::string(error_of("MATCH (a)<-->(b) RETURN a").what()) == "line 1, column 10: a relationship cannot point both ways; use - for either direction");
  CHECK(std::string(error_of("MATCH (n)").what()) == "line 1, column 10: a query must end with RETURN (or be a single CALL)");
  CHECK(std::string(error_of("RETURN 99999999999999999999").what()) == "line 1, column 8: integer 99999999999999999999 is too large (the limit is 9223372036854775807)");
}

TEST_CASE("write clauses are refused with one line saying the graph is read-only", "[cypher]") {
  for (const char* q : {"CREATE (n:Idol {name: 'x'})", "MATCH (n) SET n.x = 1 RETURN n", "MATCH (n) DETACH DELETE n",
                        "MERGE (n {id: 'x'}) RETURN n", "MATCH (n) REMOVE n.x RETURN n", "LOAD CSV FROM 'f' AS l RETURN l"}) {
    INFO(q);
    QueryError e = error_of(q);
    std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("is not supported: the graph is read-only; change data by editing the data files or importing them"));
    CHECK(message.find('\n') == std::string::npos);
    CHECK(e.caret().empty());
  }
}

TEST_CASE("hostile nesting is refused, not recursed into", "[cypher]") {
  std::string deep = "RETURN " + std::string(10000, '(') + "1" + std::string(10000, ')');
  CHECK_THAT(std::string(error_of(deep).what()), Catch::Contains("nests more than 100 levels deep"));
  std::string lists = "RETURN " + std::string(10000, '[') + std::string(10000, ']');
  CHECK_THAT(std::string(error_of(lists).what()), Catch::Contains("nests more than 100 levels deep"));
  std::string sum = "RETURN 1";
  for (int i = 0; i < 5000; ++i) sum += "+1";
  CHECK_THAT(std::string(error_of(sum).what()), Catch::Contains("nests more than 400 levels deep"));
  std::string nots = "RETURN ";
  for (int i = 0; i < 5000; ++i) nots += "NOT ";
  CHECK_THAT(std::string(error_of(nots + "true").what()), Catch::Contains("nests more than 400 levels deep"));
  std::string maps = "RETURN ";
  for (int i = 0; i < 3000; ++i) maps += "({a: ";
  CHECK_THAT(std::string(error_of(maps).what()), Catch::Contains("levels deep"));
  // Just inside the limits parses.
  CHECK_NOTHROW(parse("RETURN " + std::string(50, '(') + "1" + std::string(50, ')')));
}
