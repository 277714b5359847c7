// The API handler called directly (no sockets): routes, statuses per error category, candidates,
// unknown parameters, the interactive limits, and the cache.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include "../support.hpp"
#include "hallyu/server/api.hpp"

using namespace hallyu;

namespace {

server::Response get(const server::Api& api, const std::string& path,
                     std::multimap<std::string, std::string> params = {}) {
  return api.handle({path, std::move(params)});
}

rapidjson::Document body(const server::Response& r) {
  rapidjson::Document d;
  d.Parse(r.body.c_str(), r.body.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

}  // namespace

TEST_CASE("api handler: every route answers with the operation's JSON", "[api]") {
  Graph g = test::mini_graph();
  server::Api api(g);
  CHECK(body(get(api, "/api/stats"))["entities"].GetInt() == 16);
  CHECK(std::string(body(get(api, "/api/entity", {{"id", "아이유"}}))["id"].GetString()) == "iu");
  CHECK(body(get(api, "/api/path", {{"from", "iu"}, {"to", "d-o"}}))["paths"][0]["length"].GetInt() >= 1);
  auto degrees = body(get(api, "/api/degrees", {{"id", "iu"}}));
  CHECK(degrees["reachable"].GetInt() == 15);  // mini.json is one component of 16
  auto svg = get(api, "/api/render.svg", {{"ego", "iu"}});
  CHECK(svg.status == 200);
  CHECK(svg.content_type == "image/svg+xml");
  CHECK(svg.body.find("<svg") != std::string::npos);
}

TEST_CASE("api handler: error categories decide the status", "[api][errors]") {
  Graph g = test::graph_from(R"({"format": "hallyu/1", "entities": [
    {"id": "jin-bts", "kind": "idol", "name": "Jin"}, {"id": "jin-lovelyz", "kind": "idol", "name": "Jin"}]})");
  server::Api api(g);
  auto ambiguous = get(api, "/api/entity", {{"id", "jin"}});
  CHECK(ambiguous.status == 400);
  CHECK(body(ambiguous)["candidates"].Size() == 2);
  auto missing = get(api, "/api/entity", {{"id", "jimin"}});
  CHECK(missing.status == 404);
  CHECK(body(missing).HasMember("candidates"));  // the near misses
  CHECK(get(api, "/api/nowhere").status == 404);
  auto unknown = get(api, "/api/stats", {{"cache_buster", "1"}});
  CHECK(unknown.status == 400);
  CHECK(std::string(body(unknown)["error"].GetString()) == "stats takes no parameter 'cache_buster'");
  auto typo = get(api, "/api/search", {{"q", "jin"}, {"limt", "3"}});
  CHECK(std::string(body(typo)["error"].GetString()) == "search takes no parameter 'limt' (did you mean 'limit'?)");
}

TEST_CASE("api handler: interactive limits are tighter than the CLI's", "[api][limits]") {
  Graph g = test::mini_graph();
  server::Api api(g);
  CHECK(get(api, "/api/neighbors", {{"id", "iu"}, {"radius", "4"}}).status == 400);          // the CLI allows 6
  CHECK(get(api, "/api/path", {{"from", "iu"}, {"to", "d-o"}, {"k", "51"}}).status == 400);  // the CLI allows 1000
  auto forced = get(api, "/api/render.svg", {{"all", "1"}, {"force", "1"}, {"max_nodes", "5"}});
  CHECK(forced.status == 200);  // 16 entities: under the server's 300, whatever max_nodes says when forced
  CHECK(get(api, "/api/render.svg", {{"ego", "iu"}, {"format", "png"}}).status == 400);
  auto negative = get(api, "/api/centrality", {{"top", "-1"}});
  CHECK(negative.status == 400);
  CHECK(std::string(body(negative)["error"].GetString()) == "top must not be negative (got -1)");
}

TEST_CASE("api handler: cached answers equal fresh ones", "[api]") {
  Graph g = test::mini_graph();
  server::Api api(g);
  auto first = get(api, "/api/clusters", {{"method", "louvain"}, {"seed", "3"}});
  auto second = get(api, "/api/clusters", {{"method", "louvain"}, {"seed", "3"}});
  CHECK(first.body == second.body);
  server::Api fresh(g);
  CHECK(get(fresh, "/api/clusters", {{"method", "louvain"}, {"seed", "3"}}).body == first.body);

  // What the server may answer from its I/O thread: only kept answers, to exactly the same request.
  server::Request stats{"/api/stats", {{"by_year", "true"}}};
  CHECK_FALSE(fresh.cached(stats).has_value());  // not asked yet
  server::Response computed = fresh.handle(stats);
  REQUIRE(computed.status == 200);
  auto kept = fresh.cached(stats);
  REQUIRE(kept.has_value());
  CHECK(kept->body == computed.body);
  CHECK(kept->content_type == computed.content_type);
  CHECK_FALSE(fresh.cached({"/api/stats", {}}).has_value());  // other parameters, other answer
  server::Request search{"/api/search", {{"q", "iu"}}};        // not a cached route
  CHECK(fresh.handle(search).status == 200);
  CHECK_FALSE(fresh.cached(search).has_value());
  server::Request bad{"/api/stats", {{"nonsense", "1"}}};  // refused answers are never kept
  CHECK(fresh.handle(bad).status == 400);
  CHECK_FALSE(fresh.cached(bad).has_value());
}

TEST_CASE("api handler: long work stops at the time budget or when the client goes away", "[api][limits]") {
  Graph g(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/generated_400.json"}));
  query::Limits tight = query::Limits::interactive();
  tight.time_budget = std::chrono::milliseconds(1);
  server::Api slow(g, tight);
  // Exact closeness on ~1,000 entities takes far longer than 1 ms: stopped, 503, nothing cached.
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto r = get(slow, "/api/centrality", {{"metric", "closeness"}});
    CHECK(r.status == 503);
    CHECK_THAT(r.body, Catch::Matchers::Contains("stopped before the end"));
  }
  server::Api api(g);
  server::Request gone{"/api/centrality", {{"metric", "betweenness"}}, [] { return true; }};
  CHECK(api.handle(gone).status == 503);
  server::Request present{"/api/centrality", {{"metric", "betweenness"}}, [] { return false; }};
  CHECK(api.handle(present).status == 200);
}

TEST_CASE("api handler: /api/query answers like the CLI and places errors", "[api][query]") {
  Graph g = test::mini_graph();
  server::Api api(g);
  auto ok = get(api, "/api/query", {{"q", "MATCH (n:Drama) WHERE n.year >= $y RETURN n.id AS id ORDER BY id"}, {"param", "y=2018"}});
  REQUIRE(ok.status == 200);
  auto d = body(ok);
  CHECK(std::string(d["columns"][0].GetString()) == "id");
  CHECK(d["rows"].Size() == 2);  // Hotel Del Luna (2019) and My Mister (2018)
  auto bad = get(api, "/api/query", {{"q", "MATCH (n:Idol RETURN n"}});
  CHECK(bad.status == 400);
  auto e = body(bad);
  CHECK(e["line"].GetInt() == 1);
  CHECK(e["column"].GetInt() == 15);
  CHECK_THAT(std::string(e["caret"].GetString()), Catch::Matchers::EndsWith("^"));
  CHECK(get(api, "/api/query", {{"q", "MATCH (n) DETACH DELETE n"}}).status == 400);
  // The server caps rows at 10,000.
  auto capped = body(get(api, "/api/query", {{"q", "UNWIND range(1, 20000) AS x RETURN x"}}));
  CHECK(capped["rows"].Size() == 10000);
  CHECK(capped["truncated"].GetBool());
}

TEST_CASE("api handler: /api/view sends the view's entities, relations, paths, clusters and scores", "[api][view]") {
  Graph g = test::mini_graph();
  server::Api api(g, query::Limits::interactive());
  auto ego = body(get(api, "/api/view", {{"expand", "iu"}, {"color_by", "leiden"}, {"size_by", "degree"}}));
  REQUIRE(ego["nodes"].Size() >= 2);
  bool iu_highlighted = false;
  for (const auto& n : ego["nodes"].GetArray()) {
    CHECK(n.HasMember("cluster"));
    CHECK(n["score"].IsNumber());
    if (std::string(n["id"].GetString()) == "iu") iu_highlighted = n["highlighted"].GetBool();
  }
  CHECK(iu_highlighted);
  for (const auto& e : ego["edges"].GetArray()) CHECK(std::string(e["text"].GetString()).size() > 0);
  auto path = body(get(api, "/api/view", {{"from", "iu"}, {"to", "d-o"}, {"k", "2"}}));
  REQUIRE(path["paths"].Size() >= 1);
  CHECK(path["paths"][0]["edges"].Size() == path["paths"][0]["length"].GetUint());
  // No path under the filters: the two ends and an empty list, not an error.
  auto none = get(api, "/api/view", {{"from", "iu"}, {"to", "d-o"}, {"via", "collaborated_with"}});
  CHECK(none.status == 200);
  CHECK(body(none)["paths"].Size() == 0);
  CHECK(get(api, "/api/view", {{"ego", "iu"}, {"expand", "iu"}}).status == 400);
  CHECK(get(api, "/api/view", {{"expand", "iu"}, {"color_by", "kcore"}}).status == 400);
}

TEST_CASE("api handler: render.svg takes the career and crossovers subjects from the render spec", "[api][render]") {
  Graph g = test::mini_graph();
  server::Api api(g);
  auto career = get(api, "/api/render.svg", {{"career", "iu"}, {"years", "2018-"}});
  CHECK(career.status == 200);
  CHECK(career.body.find("IU&#39;s career") != std::string::npos);
  CHECK(career.body.find("Hotel Del Luna") != std::string::npos);  // 2019
  CHECK(career.body.find("My Mister") != std::string::npos);       // 2018
  auto map = get(api, "/api/render.svg", {{"crossovers", "1"}, {"crossovers_with", "dramas"}});
  CHECK(map.status == 200);
  CHECK(map.body.find("<svg") != std::string::npos);
  CHECK(get(api, "/api/render.svg", {{"career", "iu"}, {"ego", "iu"}}).status == 400);  // one subject
}
