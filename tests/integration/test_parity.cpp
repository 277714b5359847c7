// The CLI's --json and the API say the same thing: for every operation and several parameter sets,
// the binary's output and Api::handle's body parse to equal JSON.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "cli_runner.hpp"
#include "hallyu/server/api.hpp"

using namespace hallyu;

namespace {

struct Case {
  std::string route;                                        // API path
  std::vector<std::string> cli;                             // command and positionals
  std::vector<std::pair<std::string, std::string>> params;  // name -> value, both sides
  std::vector<std::string> positional_params;               // params given positionally on the CLI
};

}  // namespace

TEST_CASE("CLI --json and API responses are equal for every operation", "[parity]") {
  std::string data = test::fixture("generated_120.json");
  Graph g(io::load_dataset_files({data}));
  server::Api api(g);
  const std::vector<Case> cases = {
      {"/api/stats", {"stats"}, {}, {}},
      {"/api/search", {"search"}, {{"q", "idol 1"}, {"limit", "5"}}, {"q"}},
      {"/api/search", {"search"}, {{"q", "drama"}, {"kind", "drama"}}, {"q"}},
      {"/api/entity", {"show"}, {{"id", "idol-1"}}, {"id"}},
      {"/api/neighbors",
       {"neighbors"},
       {{"id", "idol-1"}, {"radius", "2"}, {"exclude_kinds", "agency,network"}},
       {"id"}},
      {"/api/neighbors", {"neighbors"}, {{"id", "idol-1"}, {"kind", "drama"}, {"via", "acted_in"}}, {"id"}},
      {"/api/path", {"path"}, {{"from", "idol-1"}, {"to", "idol-2"}, {"k", "3"}}, {"from", "to"}},
      {"/api/path",
       {"path"},
       {{"from", "idol-1"}, {"to", "idol-2"}, {"all_shortest", "true"}, {"limit", "5"}},
       {"from", "to"}},
      {"/api/path",
       {"path"},
       {{"from", "idol-1"}, {"to", "idol-2"}, {"exclude_kinds", "agency,network"}, {"avoid", "idol-3"}},
       {"from", "to"}},
      {"/api/degrees", {"degrees"}, {{"id", "idol-1"}, {"farthest", "3"}, {"via", "member_of,acted_in"}}, {"id"}},
      {"/api/centrality", {"centrality"}, {{"metric", "pagerank"}, {"top", "5"}}, {}},
      {"/api/centrality",
       {"centrality"},
       {{"metric", "betweenness"}, {"approx", "0.1"}, {"seed", "4"}, {"kind", "idol"}},
       {}},
      {"/api/centrality", {"centrality"}, {{"metric", "harmonic"}, {"projection", "people"}, {"top", "3"}}, {}},
      {"/api/clusters", {"clusters"}, {{"method", "leiden"}, {"seed", "7"}, {"exclude_kinds", "agency,network"}}, {}},
      {"/api/clusters", {"clusters"}, {{"method", "kcore"}}, {}},
      {"/api/clusters", {"clusters"}, {}, {}},  // the defaults agree
      {"/api/crossovers", {"crossovers"}, {{"pattern", "idol-actors,self-osts"}, {"top", "3"}}, {}},
      {"/api/crossovers", {"crossovers"}, {}, {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.cli;
    std::multimap<std::string, std::string> params;
    for (const auto& [name, value] : c.params) {
      params.emplace(name, value);
      if (std::find(c.positional_params.begin(), c.positional_params.end(), name) != c.positional_params.end()) {
        args.push_back(value);
        continue;
      }
      std::string flag = "--" + name;
      std::replace(flag.begin(), flag.end(), '_', '-');
      args.push_back(flag);
      if (value != "true") args.push_back(value);
    }
    args.insert(args.end(), {"--json", "--data", data});
    auto cli = test::run_hallyu(args);
    auto response = api.handle({c.route, params});
    INFO(c.route << " " << cli.err << " " << response.body);
    REQUIRE(cli.exit_code == 0);
    REQUIRE(response.status == 200);
    rapidjson::Document from_cli, from_api;
    from_cli.Parse(cli.out.c_str());
    from_api.Parse(response.body.c_str());
    REQUIRE_FALSE(from_cli.HasParseError());
    REQUIRE_FALSE(from_api.HasParseError());
    // stats names its sources by path on both sides; everything else must be equal as it is.
    CHECK(from_cli == from_api);
  }
}
