#include <catch2/catch.hpp>
#include <cmath>

#include "cypher_support.hpp"
#include "hallyu/query/cypher/value.hpp"

using namespace hallyu::query::cypher;

TEST_CASE("values: equality is null-propagating and numeric across int and float", "[cypher]") {
  CHECK(equals(Value(1), Value(1.0)) == std::optional<bool>(true));
  CHECK(equals(Value(), Value()) == std::nullopt);
  CHECK(equals(Value("a"), Value(1)) == std::optional<bool>(false));
  CHECK(equals(Value(List{Value(1), Value()}), Value(List{Value(2), Value()})) == std::optional<bool>(false));
  CHECK(equals(Value(List{Value(1), Value()}), Value(List{Value(1), Value()})) == std::nullopt);
  CHECK(equals(Value(Map{{"a", Value(1)}}), Value(Map{{"a", Value(1.0)}})) == std::optional<bool>(true));
  CHECK(equals(Value(std::nan("")), Value(std::nan(""))) == std::optional<bool>(false));
  // Exact across the int/double boundary: 2^53 + 1 is not 2^53.
  CHECK(equals(Value(9007199254740993LL), Value(9007199254740992.0)) == std::optional<bool>(false));
  CHECK(equals(Value(Node{1}), Value(Node{1})) == std::optional<bool>(true));
  CHECK(equals(Value(Relationship{3, true}), Value(Relationship{3, false})) == std::optional<bool>(true));
}

TEST_CASE("values: comparison is null between types, the total order ranks types", "[cypher]") {
  CHECK(compare(Value(1), Value("a")) == std::nullopt);
  CHECK(compare(Value("b"), Value("a")) == std::optional<int>(1));
  CHECK(compare(Value(List{Value(1)}), Value(List{Value(1), Value(2)})) == std::optional<int>(-1));
  CHECK(compare(Value(Node{1}), Value(Node{2})) == std::nullopt);
  std::vector<Value> mixed{Value(), Value(1), Value(true), Value("s"), Value(List{}), Value(Node{0}), Value(Map{}), Value(0.5)};
  std::sort(mixed.begin(), mixed.end(), [](const Value& a, const Value& b) { return order(a, b) < 0; });
  std::vector<Value::Type> types;
  for (const Value& v : mixed) types.push_back(v.type());
  CHECK(types == std::vector<Value::Type>{Value::Type::map, Value::Type::node, Value::Type::list, Value::Type::string,
                                          Value::Type::boolean, Value::Type::floating, Value::Type::integer, Value::Type::null});
  CHECK(equivalent(Value(2), Value(2.0)));
  CHECK(hash(Value(2)) == hash(Value(2.0)));
  CHECK_FALSE(equivalent(Value("2"), Value(2)));
}

TEST_CASE("values: maps keep one value per key, sorted, doubles print with a point", "[cypher]") {
  Value m(Map{{"b", Value(1)}, {"a", Value(2)}, {"b", Value(3)}});
  REQUIRE(m.as_map().size() == 2);
  CHECK(m.as_map()[0].first == "a");
  CHECK(m.find("b")->as_int() == 3);
  CHECK(m.find("c") == nullptr);
  CHECK(format_double(2.0) == "2.0");
  CHECK(format_double(0.1) == "0.1");
  CHECK(format_double(1e300) == "1e+300");
  CHECK(format_double(-0.5) == "-0.5");
  CHECK(format_double(std::nan("")) == "NaN");
  CHECK(to_display(hallyu::test::mini(), Value(List{Value("it's"), Value(1.5), Value(), Value(Node{0})})) == "['it\\'s', 1.5, null, (iu)]");
}
