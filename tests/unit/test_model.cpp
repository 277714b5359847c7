#include <catch2/catch.hpp>

#include "hallyu/error.hpp"
#include "hallyu/algo/filter.hpp"
#include "hallyu/model.hpp"
#include "hallyu/text.hpp"

using namespace hallyu;

TEST_CASE("kinds and relation types round-trip through their names", "[model]") {
  for (Kind k : kAllKinds) CHECK(parse_kind(to_string(k)) == k);
  for (RelationType t : kAllRelationTypes) CHECK(parse_relation_type(to_string(t)) == t);
  CHECK_FALSE(parse_kind("Idol").has_value());
  CHECK_FALSE(parse_relation_type("acted-in").has_value());
}

TEST_CASE("allowed endpoints follow the schema", "[model]") {
  CHECK(allowed_endpoints(RelationType::member_of).from == bit(Kind::idol));
  CHECK((allowed_endpoints(RelationType::performed).from & bit(Kind::group)) != 0);
  CHECK((allowed_endpoints(RelationType::acted_in).from & bit(Kind::group)) == 0);
  CHECK(allowed_endpoints(RelationType::aired_on).to == bit(Kind::network));
  CHECK(describe_kinds(bit(Kind::idol) | bit(Kind::actor) | bit(Kind::group)) == "idol, actor or group");
  CHECK(is_symmetric(RelationType::collaborated_with));
  CHECK_FALSE(is_symmetric(RelationType::acted_in));
}

TEST_CASE("attribute accessors read strings and integers", "[model]") {
  Attributes attributes{{"role", "\"Jang Man-wol\""}, {"year", "2019"}, {"tags", "[1]"}};
  CHECK(attribute_text(attributes, "role") == "Jang Man-wol");
  CHECK(attribute_text(attributes, "year") == "2019");
  CHECK(attribute_integer(attributes, "year") == 2019);
  CHECK_FALSE(attribute_integer(attributes, "role").has_value());
  CHECK_FALSE(attribute_text(attributes, "tags").has_value());
  CHECK_FALSE(attribute_text(attributes, "missing").has_value());
}

TEST_CASE("filter lists parse with suggestions", "[model][filter]") {
  CHECK(algo::parse_relation_types(text::split_list("acted_in, performed")) == (bit(RelationType::acted_in) | bit(RelationType::performed)));
  CHECK(algo::parse_relation_types({"acted-in"}) == bit(RelationType::acted_in));
  CHECK(algo::parse_kinds({"agency", "network"}) == (bit(Kind::agency) | bit(Kind::network)));
  CHECK_THROWS_WITH(algo::parse_kinds({"agencies"}), Catch::Matchers::Contains("did you mean 'agency'?"));
  CHECK_THROWS_AS(algo::parse_relation_types(text::split_list("")), UsageError);
}
