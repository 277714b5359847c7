#include <catch2/catch.hpp>

#include "hallyu/query/cypher/lexer.hpp"

using namespace hallyu::query::cypher;

namespace {
std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.type == TokenType::end ? "<end>" : t.text);
  return out;
}
}  // namespace

TEST_CASE("lexer splits symbols so arrows and comparisons both parse", "[cypher]") {
  auto t = tokenize("(a)<-[r:X]->(b) WHERE a.x <= 3 <> 4");
  CHECK(texts(t) == std::vector<std::string>{"(", "a", ")", "<", "-", "[", "r", ":", "X", "]", "-", ">", "(", "b", ")",
                                             "WHERE", "a", ".", "x", "<=", "3", "<>", "4", "<end>"});
}

TEST_CASE("lexer reads 1..3 as a range, not as floats", "[cypher]") {
  auto t = tokenize("*1..3 1.5 .5 2e3 7");
  REQUIRE(t.size() == 9);
  CHECK(t[1].type == TokenType::integer);
  CHECK(t[2].text == "..");
  CHECK(t[3].type == TokenType::integer);
  CHECK(t[4].type == TokenType::floating);
  CHECK(t[5].type == TokenType::floating);
  CHECK(t[6].type == TokenType::floating);
  CHECK(t[6].text == "2e3");
  CHECK(t[7].type == TokenType::integer);
}

TEST_CASE("lexer decodes string escapes and keeps quoted names apart from keywords", "[cypher]") {
  auto t = tokenize(R"('It\'s' "a\tb" '\u00e9' `weird name` `MATCH` $p $`odd p`)");
  CHECK(t[0].text == "It's");
  CHECK(t[1].text == "a\tb");
  CHECK(t[2].text == "\xc3\xa9");
  CHECK(t[3].type == TokenType::quoted_identifier);
  CHECK(t[3].text == "weird name");
  CHECK(t[4].type == TokenType::quoted_identifier);
  CHECK(t[5].type == TokenType::parameter);
  CHECK(t[5].text == "p");
  CHECK(t[6].text == "odd p");
}

TEST_CASE("lexer skips comments and counts lines and code-point columns", "[cypher]") {
  auto t = tokenize("// first\nRETURN '이지은', /* x */ y");
  CHECK(t[0].text == "RETURN");
  CHECK(t[0].at.line == 2);
  CHECK(t[0].at.column == 1);
  CHECK(t[2].text == ",");
  CHECK(t[2].at.column == 13);  // R=1 ... ' is 8, three Hangul syllables 9-11, ' 12
  CHECK(t[3].text == "y");
  CHECK(t[3].at.column == 23);
}

TEST_CASE("lexer errors name the place", "[cypher]") {
  try {
    tokenize("RETURN 1,\n  'open");
    FAIL("no error");
  } catch (const QueryError& e) {
    CHECK(std::string(e.what()) == "line 2, column 3: unterminated string");
    CHECK(e.caret() == "  'open\n  ^");
  }
  CHECK_THROWS_WITH(tokenize("RETURN #"), Catch::Contains("column 8: unexpected character '#'"));
  CHECK_THROWS_WITH(tokenize("RETURN '\\q'"), Catch::Contains("unknown escape \\q"));
  CHECK_THROWS_WITH(tokenize("RETURN 12abc"), Catch::Contains("a number may not run into a name"));
}

TEST_CASE("lexer refuses a query over the size limit before reading it", "[cypher]") {
  std::string huge = "RETURN '" + std::string(10 * 1024 * 1024, 'x') + "'";
  CHECK_THROWS_WITH(tokenize(huge), Catch::Contains("the limit is 1048576"));
  // Just under the limit a long literal is one token, read in linear time.
  std::string big = "RETURN '" + std::string(1000000, 'x') + "'";
  auto t = tokenize(big);
  CHECK(t[1].text.size() == 1000000);
}
