// Acceptance: `hallyu crossovers --pattern agency-networks --json` on the bundled data counts no credit
// outside a contract interval. The expected table is recomputed from datasets/hallyu.json by
// scripts/make_agency_reference.py (the json module only, none of hallyu's code), recorded in
// tests/fixtures/reference/agency_networks_hallyu.json with the command that made it.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "cli_runner.hpp"

TEST_CASE("agency-networks on the bundled data equals the independent recomputation", "[crossovers][acceptance]") {
  auto run = hallyu::test::run_hallyu({"crossovers", "--pattern", "agency-networks", "--top", "0", "--json"});
  REQUIRE(run.exit_code == 0);
  rapidjson::Document got;
  got.Parse(run.out.c_str());
  REQUIRE_FALSE(got.HasParseError());
  rapidjson::Document want =
      hallyu::test::read_json(std::string(HALLYU_FIXTURES) + "/reference/agency_networks_hallyu.json");
  const auto& rows = got["agency_networks"];
  const auto& expected = want["agency_networks"];
  REQUIRE(rows.Size() == expected.Size());
  REQUIRE(rows.Size() > 10);
  for (rapidjson::SizeType i = 0; i < rows.Size(); ++i) {
    INFO("row " << i);
    CHECK(std::string(rows[i]["agency"]["id"].GetString()) == expected[i]["agency"].GetString());
    CHECK(std::string(rows[i]["network"]["id"].GetString()) == expected[i]["network"].GetString());
    CHECK(rows[i]["count"].GetInt() == expected[i]["count"].GetInt());
    CHECK(rows[i]["artists"].GetInt() == expected[i]["artists"].GetInt());
    CHECK(rows[i]["total"].GetInt() == expected[i]["total"].GetInt());
    CHECK(rows[i]["share"].GetDouble() == Approx(expected[i]["count"].GetDouble() / expected[i]["total"].GetDouble()));
  }
}
