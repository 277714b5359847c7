// Entity linking (io/link.cpp) on the namesake fixture: ids first, names only with evidence, and a
// different birth year keeps two people with one Hangul name apart.
#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/io/import_csv.hpp"
#include "hallyu/io/import_kpopnet.hpp"
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
  // The importer's id index held the incoming ids; the graph of the linked file finds the new ones.
  std::vector<std::string> ids;
  for (const Entity& e : d.entities) ids.push_back(e.id);
  Graph linked_graph(std::move(result.dataset));
  for (std::size_t v = 0; v < ids.size(); ++v) CHECK(linked_graph.find_id(ids[v]) == static_cast<VertexId>(v));
  CHECK_FALSE(linked_graph.find_id("in-p1"));
}

namespace {

// Invented records in kpopnet.json's shape (not real facts) for the rules below.
const char* kKpopnetIncoming = R"({"idols": [
 {"id": "h1", "name": "Hyunjin", "name_original": "현진", "birth_date": "2000-11-15", "urls": ["https://example.org/h1"]},
 {"id": "b1", "name": "Yoon Bora", "name_original": "윤보라", "birth_date": "1989-12-30", "urls": ["https://example.org/b1"]}],
 "groups": [
 {"id": "g1", "name": "LOONA", "name_original": "이달의 소녀", "debut_date": "2018-08-20", "agency_name": null,
  "members": [{"idol_id": "h1", "current": true}], "urls": ["https://example.org/g1"]},
 {"id": "g2", "name": "Sistar", "debut_date": "2010-06-04", "disband_date": "2017-06-04", "agency_name": null,
  "members": [{"idol_id": "b1", "current": true}], "urls": ["https://example.org/g2"]},
 {"id": "g3", "name": "Red Velvet", "debut_date": "2014-08-01", "agency_name": "SM", "members": [], "urls": []},
 {"id": "g4", "name": "aespa", "debut_date": "2020-11-17", "agency_name": "SM Entertainment", "members": [], "urls": []}]})";

const char* kKpopnetExisting = R"({"format": "hallyu/1", "entities": [
 {"id": "hyunjin-skz", "kind": "idol", "name": "Hyunjin", "aliases": ["현진"], "birth_year": 2000},
 {"id": "stray-kids", "kind": "group", "name": "Stray Kids", "debut_year": 2018},
 {"id": "bora", "kind": "idol", "name": "Bora", "aliases": ["윤보라"], "birth_year": 1990},
 {"id": "sistar", "kind": "group", "name": "SISTAR", "debut_year": 2010},
 {"id": "red-velvet", "kind": "group", "name": "Red Velvet", "debut_year": 2014},
 {"id": "aespa", "kind": "group", "name": "aespa", "debut_year": 2020},
 {"id": "sm", "kind": "agency", "name": "SM Entertainment", "aliases": ["SM"]}],
 "relations": [
 {"from": "hyunjin-skz", "to": "stray-kids", "type": "member_of"},
 {"from": "bora", "to": "sistar", "type": "member_of"},
 {"from": "red-velvet", "to": "sm", "type": "signed_to", "since": 2014},
 {"from": "aespa", "to": "sm", "type": "signed_to", "since": 2020}]})";

io::LinkResult link_kpopnet(const Graph& existing, const io::LinkOptions& options) {
  io::ImportOptions import_options;
  import_options.existing = &existing;
  io::Imported imported = io::import_kpopnet({{"kpopnet.json", kKpopnetIncoming}}, import_options);
  return io::link_dataset(std::move(imported.dataset), existing, options);
}

const Entity* entity(const Dataset& d, const std::string& id) {
  for (const Entity& e : d.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

bool has_attribute(const Entity& e, const std::string& key) {
  return std::any_of(e.attributes.begin(), e.attributes.end(), [&](const Attribute& a) { return a.key == key; });
}

}  // namespace

TEST_CASE("a name and a birth year do not link people whose groups differ", "[link]") {
  Graph existing = test::graph_from(kKpopnetExisting);
  io::LinkResult result = link_kpopnet(existing, {});
  // Hyunjin, 현진, born 2000 on both sides, but a member of LOONA here and of Stray Kids there.
  CHECK_FALSE(linked(result.report, "kpopnet-h1"));
  bool reported = false;
  for (const auto& a : result.report.ambiguous) {
    if (a.incoming_id != "kpopnet-h1") continue;
    reported = true;
    CHECK(a.reason == "ruled out: member_of LOONA here, stray-kids in hyunjin-skz");
  }
  CHECK(reported);
  // A shared group is no contradiction: the Sistar member is ruled out only by her birth year.
  CHECK_FALSE(linked(result.report, "kpopnet-b1"));
  REQUIRE(linked(result.report, "kpopnet-g2"));
  CHECK(linked(result.report, "kpopnet-g2")->existing_id == "sistar");
  // kpopnet's disband_date is read as the schema's disbanded_year.
  const Entity* sistar = entity(result.dataset, "sistar");
  REQUIRE(sistar);
  CHECK(has_attribute(*sistar, "disbanded_year"));
  CHECK_FALSE(has_attribute(*sistar, "disband_year"));
}

TEST_CASE("links confirmed by hand come first, and several incoming entities of one existing become one",
          "[link]") {
  Graph existing = test::graph_from(kKpopnetExisting);
  io::LinkResult result = link_kpopnet(
      existing, {{{"kpopnet-b1", "bora"}, {"kpopnet-agency-sm", "sm"}, {"kpopnet-agency-sm-entertainment", "sm"}}});
  const io::LinkReport& report = result.report;
  REQUIRE(linked(report, "kpopnet-b1"));
  CHECK(linked(report, "kpopnet-b1")->existing_id == "bora");
  CHECK(linked(report, "kpopnet-b1")->evidence == std::vector<std::string>{"confirmed by hand"});
  // Her birth year disagrees: left out, and the date it came from with it.
  const Entity* bora = entity(result.dataset, "bora");
  REQUIRE(bora);
  CHECK_FALSE(has_attribute(*bora, "birth_year"));
  CHECK_FALSE(has_attribute(*bora, "birth_date"));
  CHECK(std::count_if(report.dropped.begin(), report.dropped.end(),
                      [](const std::string& d) { return d.rfind("bora: birth_", 0) == 0; }) == 2);
  // "SM" and "SM Entertainment" are one agency, with both groups' contracts.
  REQUIRE(linked(report, "kpopnet-agency-sm-entertainment"));
  CHECK(linked(report, "kpopnet-agency-sm-entertainment")->existing_id == "sm");
  CHECK(std::count_if(result.dataset.entities.begin(), result.dataset.entities.end(),
                      [](const Entity& e) { return e.id == "sm"; }) == 1);
  Graph linked_graph(Dataset(result.dataset));
  VertexId sm = test::id(linked_graph, "sm");
  std::vector<std::string> contracts;
  for (Graph::Arc arc : linked_graph.arcs(sm)) contracts.push_back(linked_graph.entity(arc.neighbor).id);
  std::sort(contracts.begin(), contracts.end());
  CHECK(contracts == std::vector<std::string>{"aespa", "red-velvet"});
  // An entity linked by hand is taken: "SM Entertainment", which aespa would confirm, stays new unless
  // it is listed too (a second link to one entity is a decision for the audit, not for the rules).
  io::LinkResult one = link_kpopnet(existing, {{{"kpopnet-agency-sm", "sm"}}});
  CHECK_FALSE(linked(one.report, "kpopnet-agency-sm-entertainment"));
  // Pairs that name no entity, or two kinds that cannot be one, are refused.
  CHECK_THROWS_WITH(link_kpopnet(existing, {{{"kpopnet-nobody", "bora"}}}),
                    Catch::Matchers::Contains("no incoming entity 'kpopnet-nobody'"));
  CHECK_THROWS_WITH(link_kpopnet(existing, {{{"kpopnet-b1", "sm"}}}),
                    Catch::Matchers::Contains("kinds idol and agency cannot be one entity"));
}
