// Every built-in function with answers worked out by hand (mini fixture for the graph ones).
#include <catch2/catch.hpp>

#include "cypher_support.hpp"
#include "hallyu/query/cypher/functions.hpp"

using namespace hallyu::query::cypher;
using hallyu::test::error_of;
using hallyu::test::rows;
using hallyu::test::scalar;
using Rows = std::vector<std::string>;

TEST_CASE("graph functions: id, labels, type, properties, keys, startNode, endNode", "[cypher]") {
  CHECK(rows("MATCH (n {id: 'iu'})-[r:SIGNED_TO]->(a) RETURN id(n), labels(n), labels(a), type(r), startNode(r).id, endNode(r).id") ==
        Rows{"'iu' | ['idol'] | ['agency'] | 'signed_to' | 'iu' | 'edam-entertainment'"});
  CHECK(scalar("MATCH (n {id: 'iu'}) RETURN properties(n)") ==
        "{aliases: ['Lee Ji-eun', '이지은', '아이유'], birth_year: 1993, id: 'iu', kind: 'idol', name: 'IU'}");
  CHECK(scalar("MATCH (n {id: 'tvn'}) RETURN keys(n)") == "['aliases', 'id', 'kind', 'name']");
  CHECK(scalar("MATCH ({id: 'd-o'})-[r:ACTED_IN]->() RETURN properties(r)") ==
        "{billing: 'support', role: 'Han Kang-woo', source: 'https://en.wikipedia.org/wiki/It%27s_Okay,_That%27s_Love', year: 2014}");
  CHECK(scalar("MATCH ({id: 'd-o'})-[r:ACTED_IN]->() RETURN keys(r)") == "['billing', 'role', 'source', 'year']");
  // Relationships found against their stored direction still start where the relation starts.
  CHECK(rows("MATCH (d {id: 'my-mister'})-[r:ACTED_IN]-(p {id: 'iu'}) RETURN startNode(r).id, endNode(r).id") ==
        Rows{"'iu' | 'my-mister'"});
  CHECK(scalar("MATCH (n {id: 'tvn'}) RETURN n.aliases") == "[]");
  CHECK(rows("RETURN id(null), labels(null), type(null), properties(null), keys({b: 1, a: null})") ==
        Rows{"null | null | null | null | ['b']"});
  CHECK(error_of("RETURN labels(1)") == "line 1, column 8: labels() expects a node, got integer (in 'labels(1)')");
}

TEST_CASE("path and list functions", "[cypher]") {
  CHECK(rows("MATCH p = ({id: 'iu'})-[:SIGNED_TO]->() RETURN length(p), size(nodes(p)), size(relationships(p))") == Rows{"1 | 2 | 1"});
  CHECK(rows("RETURN size([1, 2, 3]), size('héllo'), head([1, 2]), last([1, 2]), tail([1, 2, 3]), head([]), tail([])") ==
        Rows{"3 | 5 | 1 | 2 | [2, 3] | null | []"});
  CHECK(rows("RETURN coalesce(null, null, 3, 4), coalesce(null), range(1, 4), range(10, 0, -3), range(1, 0), reverse([1, 2, 3])") ==
        Rows{"3 | null | [1, 2, 3, 4] | [10, 7, 4, 1] | [] | [3, 2, 1]"});
  CHECK(error_of("RETURN range(1, 5, 0)") == "line 1, column 8: range() step must not be 0 (in 'range(1, 5, 0)')");
  CHECK(error_of("RETURN range(1, 'x')") == "line 1, column 8: range() expects an integer, got string (in 'range(1, 'x')')");
  CHECK(error_of("RETURN size(1)") == "line 1, column 8: size() expects a list or a string, got integer (in 'size(1)')");
  CHECK(error_of("RETURN head(1, 2)") == "line 1, column 8: head() takes 1 argument, not 2");
}

TEST_CASE("string functions", "[cypher]") {
  CHECK(rows("RETURN toLower('IU Ä'), toUpper('d.o. é'), trim('  a b  '), ltrim('  a '), rtrim(' a  ')") ==
        Rows{"'iu Ä' | 'D.O. é' | 'a b' | 'a ' | ' a'"});
  CHECK(rows("RETURN substring('이지은 IU', 1, 2), substring('hello', 3), left('hello', 2), right('hello', 2), "
             "replace('a-b-c', '-', '+'), split('a,b,,c', ','), reverse('이지은')") ==
        Rows{"'지은' | 'lo' | 'he' | 'lo' | 'a+b+c' | ['a', 'b', '', 'c'] | '은지이'"});
  CHECK(rows("RETURN toLower(null), trim(null), substring(null, 1), split(null, ',')") == Rows{"null | null | null | null"});
  CHECK(error_of("RETURN substring('abc', -1)") == "line 1, column 8: substring() start must not be negative (in 'substring('abc', -1)')");
}

TEST_CASE("conversion and number functions", "[cypher]") {
  CHECK(rows("RETURN toString(1), toString(1.5), toString(true), toString('x'), toString(null)") ==
        Rows{"'1' | '1.5' | 'true' | 'x' | null"});
  CHECK(rows("RETURN toInteger('42'), toInteger(' 7 '), toInteger('4.9'), toInteger(-4.9), toInteger('x'), toInteger(true)") ==
        Rows{"42 | 7 | 4 | -4 | null | 1"});
  CHECK(rows("RETURN toFloat('1.5'), toFloat(2), toFloat('nope'), toBoolean('TRUE'), toBoolean('no'), toBoolean(0)") ==
        Rows{"1.5 | 2.0 | null | true | null | false"});
  CHECK(rows("RETURN abs(-3), abs(-2.5), sign(-7), sign(0.5), ceil(1.2), floor(-1.2), round(2.5), sqrt(16)") ==
        Rows{"3 | 2.5 | -1 | 1 | 2.0 | -2.0 | 3.0 | 4.0"});
  CHECK(error_of("RETURN toInteger(1e30)") == "line 1, column 8: toInteger(): 1e+30 is out of the integer range (in 'toInteger(1e30)')");
  CHECK(error_of("RETURN abs(-9223372036854775808)") == "line 1, column 8: integer overflow in abs() (in 'abs(-9223372036854775808)')");
  CHECK(error_of("RETURN toString([1])") == "line 1, column 8: toString() expects a string, number or boolean, got list (in 'toString([1])')");
}

TEST_CASE("attribute JSON becomes values: whole numbers are integers", "[cypher]") {
  CHECK(json_value("2019").type() == Value::Type::integer);
  CHECK(json_value("-3").as_int() == -3);
  CHECK(json_value("2.5").as_double() == 2.5);
  CHECK(json_value("1e3").type() == Value::Type::floating);
  CHECK(json_value("99999999999999999999").type() == Value::Type::floating);
  CHECK(json_value("\"a\\\"b\"").as_string() == "a\"b");
  CHECK(json_value("true").as_bool());
  CHECK(json_value("null").is_null());
  Value nested = json_value("{\"a\": [1, \"x\"]}");
  CHECK(to_display(hallyu::test::mini(), nested) == "{a: [1, 'x']}");
  CHECK(find_function("TOLOWER") == find_function("toLower"));
  CHECK(find_function("nope") == -1);
}
