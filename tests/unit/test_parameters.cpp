// Reading request parameters: strict numbers, flags, comma lists, unknown names, ranges.
#include <catch2/catch.hpp>

#include "hallyu/error.hpp"
#include "hallyu/query/path.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;

TEST_CASE("parameters: numbers are whole, finite and in range", "[parameters]") {
  query::Parameters p({{"k", "3"},
                       {"neg", "-2"},
                       {"junk", "3x"},
                       {"big", "99999999999999999999"},
                       {"r", "0.5"},
                       {"nan", "nan"},
                       {"inf", "1e999"},
                       {"hex", "0x10"},
                       {"plus", "+4"},
                       {"empty", ""}});
  CHECK(p.integer("k") == 3);
  CHECK(p.count("plus") == 4u);
  CHECK(p.integer("neg") == -2);
  CHECK_THROWS_WITH(p.count("neg"), "neg must not be negative (got -2)");
  CHECK_THROWS_WITH(p.integer("junk"), "junk must be a whole number, not '3x'");
  CHECK_THROWS_WITH(p.integer("big"), "big '99999999999999999999' is out of range");
  CHECK(p.real("r") == 0.5);
  CHECK_THROWS_WITH(p.real("nan"), "nan must be a number, not 'nan'");
  CHECK_THROWS_WITH(p.real("inf"), "inf '1e999' is out of range");
  CHECK_THROWS_WITH(p.real("hex"), "hex must be a number, not '0x10'");
  CHECK_FALSE(p.integer("missing").has_value());
  CHECK_FALSE(p.integer("empty").has_value());  // an empty value counts as not given
  CHECK_THROWS_WITH(query::check_range("radius", 7, 1, 6), "radius must be from 1 to 6 (got 7)");
  CHECK_THROWS_WITH(query::check_range("resolution", 0.0, 0.001, 100.0),
                    Contains("resolution must be from 0.001 to 100"));
  CHECK_NOTHROW(query::check_range("k", std::size_t{5}, 1, std::size_t{50}));
  CHECK_THROWS(query::check_range("k", SIZE_MAX, 1, std::size_t{50}));  // no wrap to a negative number
}

TEST_CASE("parameters: flags, lists and names", "[parameters]") {
  query::Parameters p({{"a", ""},
                       {"b", "false"},
                       {"c", "maybe"},
                       {"kinds", "idol, actor"},
                       {"kinds", "group,,"},
                       {"avoid", "Love, Lies"},
                       {"avoid", "iu"}});
  CHECK(p.flag("a"));
  CHECK_FALSE(p.flag("b"));
  CHECK_FALSE(p.flag("absent"));
  CHECK_THROWS_WITH(p.flag("c"), "c must be true or false, not 'maybe'");
  CHECK(p.list("kinds") == std::vector<std::string>{"idol", "actor", "group"});
  // Names keep their commas: an entity may be called "Love, Lies".
  CHECK(p.all("avoid") == std::vector<std::string>{"Love, Lies", "iu"});
}

TEST_CASE("parameters: an operation refuses parameters it does not take", "[parameters]") {
  query::Parameters p({{"from", "iu"}, {"to", "d-o"}, {"exclude_kind", "agency"}});
  CHECK_THROWS_WITH(p.check_known(query::path_spec()),
                    "path takes no parameter 'exclude_kind' (did you mean 'exclude_kinds'?)");
  query::Parameters ok({{"from", "iu"}, {"to", "d-o"}, {"via", "acted_in"}, {"avoid", "x"}, {"k", "2"}});
  CHECK_NOTHROW(ok.check_known(query::path_spec()));
}
