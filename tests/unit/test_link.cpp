// Entity linking (io/link.cpp) on the namesake fixture: ids first, names only with evidence, and a
// different birth year keeps two people with one Hangul name apart.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/io/import_csv.hpp"
#include "hallyu/io/link.hpp"

using namespace hallyu;

namespace {

std::string fixture(const std::string& name) { return std::string(HALLYU_FIXTURES) + "/link/" + name; }

io::LinkResult link_fixture(const Graph& existing) {
  io::ImportOptions options;
  options.mapping = io::read_mapping(fixture("mapping.json"));
  options.existing = &existing;
  io::Imported imported = io::import_csv({{"incoming_nodes.csv", io::read_file(fixture("incoming_nodes.csv"))},
                                          {"incoming_relations.csv", io::read_file(fixture("incoming_relations.csv"))}},
                                         options);
  return io::link_dataset(std::move(imported.dataset), existing);
}

const io::LinkReport::Linked* linked(const io::LinkReport& report, const std::string& incoming) {
  for (const auto& l : report.linked) {
    if (l.incoming_id == incoming) return &l;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("namesakes with one Hangul name stay apart, evidence links the rest", "[link]") {
  Graph existing(io::load_dataset_files({fixture("existing.json")}));
  io::LinkResult result = link_fixture(existing);
  const io::LinkReport& report = result.report;
  // 김지수 born 1992 is the actor, 김지수 born 2003 the idol: each linked to the one born that year.
  REQUIRE(linked(report, "in-p1"));
  CHECK(linked(report, "in-p1")->existing_id == "kim-jisoo-1992");
  CHECK(linked(report, "in-p1")->evidence == std::vector<std::string>{"birth_year 1992"});
  REQUIRE(linked(report, "in-p2"));
  CHECK(linked(report, "in-p2")->existing_id == "jisoo-starlight");
  // 김지수 born 1981 is neither: new, reported with both candidates ruled out.
  CHECK_FALSE(linked(report, "in-p3"));
  bool reported = false;
  for (const auto& a : report.ambiguous) {
    if (a.incoming_id == "in-p3") {
      reported = true;
      CHECK(a.candidates == std::vector<std::string>{"kim-jisoo-1992", "jisoo-starlight"});
      CHECK_THAT(a.reason, Catch::Matchers::StartsWith("ruled out: birth_year 1981 here, 1992 in kim-jisoo-1992"));
    }
  }
  CHECK(reported);
  // The group through its linked member and debut year, the agency (by its old name) through the group.
  CHECK(linked(report, "in-g1")->existing_id == "starlight");
  CHECK(linked(report, "in-a1")->existing_id == "moon-agency");
  CHECK(linked(report, "in-a1")->evidence == std::vector<std::string>{"signed_to starlight"});
  // A bare name (Yuri, 한유리, no year, no neighbour) is never linked.
  CHECK_FALSE(linked(report, "in-p4"));
  // The linked file reuses ids and names, other spellings become aliases, and it merges without
  // duplicating the membership both sides state.
  const Dataset& d = result.dataset;
  CHECK(d.entities[0].id == "kim-jisoo-1992");
  CHECK(d.entities[0].name == "Kim Ji-soo");
  CHECK(d.entities[0].aliases == std::vector<std::string>{"Ji-soo Kim"});
}
