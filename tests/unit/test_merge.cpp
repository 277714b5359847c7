// The merge rules of datasets/SCHEMA.md: a relation's identity is its ends, type and identity
// attributes; the same fact from several files is one relation with every source.
#include <catch2/catch.hpp>

#include "hallyu/error.hpp"
#include "hallyu/io/json_loader.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using hallyu::Dataset;
using hallyu::io::load_dataset;

namespace {

std::string file(const std::string& relations) {
  return R"({"format": "hallyu/1", "entities": [
{"id": "jennie", "kind": "idol", "name": "Jennie"},
{"id": "blackpink", "kind": "group", "name": "BLACKPINK"},
{"id": "blue", "kind": "drama", "name": "Blue"}],
"relations": [)" +
         relations + "]}";
}

const std::string* attribute(const hallyu::Relation& r, const std::string& key) {
  for (const auto& a : r.attributes) {
    if (a.key == key) return &a.json;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the same fact from two files is one relation with both sources", "[merge]") {
  std::string a = file(R"({"from": "jennie", "to": "blackpink", "type": "member_of", "source": "https://a"})");
  std::string b =
      file(R"({"from": "jennie", "to": "blackpink", "type": "member_of", "source": "https://b", "years": "2016-"})");
  Dataset d = load_dataset({{"a.json", a}, {"b.json", b}});
  REQUIRE(d.relations.size() == 1);
  CHECK(*attribute(d.relations[0], "source") == R"(["https://a","https://b"])");
  CHECK(*attribute(d.relations[0], "years") == R"("2016-")");  // what only one file says is kept
  // Merging the result with either file again changes nothing; a list of sources loads.
  std::string merged = file(
      R"({"from": "jennie", "to": "blackpink", "type": "member_of", "source": ["https://a", "https://b"], "years": "2016-"})");
  Dataset again = load_dataset({{"m.json", merged}, {"a.json", a}, {"b.json", b}});
  REQUIRE(again.relations.size() == 1);
  CHECK(*attribute(again.relations[0], "source") == R"(["https://a","https://b"])");
  // The same file twice is the file once.
  Dataset twice = load_dataset({{"a.json", a}, {"a2.json", a}});
  REQUIRE(twice.relations.size() == 1);
  CHECK(*attribute(twice.relations[0], "source") == R"("https://a")");
}

TEST_CASE("identity attributes tell facts apart, other attributes must agree", "[merge]") {
  std::string role1 =
      R"({"from": "jennie", "to": "blue", "type": "acted_in", "role": "A", "year": 2020, "billing": "lead", "source": "s1"})";
  std::string role1_again =
      R"({"from": "jennie", "to": "blue", "type": "acted_in", "role": "A", "year": 2020, "source": "s2"})";
  std::string role2 =
      R"({"from": "jennie", "to": "blue", "type": "acted_in", "role": "B", "year": 2020, "source": "s1"})";
  // Within one file: the same role from two sources is one relation; another role is another.
  Dataset d = load_dataset({{"t.json", file(role1 + "," + role1_again + "," + role2)}});
  REQUIRE(d.relations.size() == 2);
  CHECK(*attribute(d.relations[0], "source") == R"(["s1","s2"])");
  CHECK(*attribute(d.relations[0], "billing") == R"("lead")");
  // A disagreement about a non-identity attribute names both places.
  std::string support =
      R"({"from": "jennie", "to": "blue", "type": "acted_in", "role": "A", "year": 2020, "billing": "support"})";
  try {
    load_dataset({{"a.json", file(role1)}, {"b.json", file(support)}});
    FAIL("conflict not reported");
  } catch (const hallyu::DataError& e) {
    CHECK_THAT(e.what(), StartsWith("b.json:5:") &&
                             Contains("attribute 'billing' is '\"support\"' here but '\"lead\"' at a.json:5:") &&
                             Contains("same ends, type and role, year"));
  }
  // An exact repeat within one file stays an error.
  CHECK_THROWS_WITH(load_dataset({{"t.json", file(role1 + "," + role1)}}), Contains("duplicate relation"));
}
