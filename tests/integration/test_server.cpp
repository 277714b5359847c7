// The HTTP API end to end: a real server on a free loopback port, a real HTTP client. Every
// endpoint, bad input (400 with a JSON error), unknown routes (404), hostile names, and the server
// staying up through all of it.
#include <httplib.h>
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "../support.hpp"
#include "hallyu/server/server.hpp"

using namespace hallyu;

namespace {

// One server for the whole file, on the mini fixture plus hostile names.
class Fixture {
 public:
  Fixture()
      : graph_(io::load_dataset({{"mini", io::read_file(std::string(HALLYU_FIXTURES) + "/mini.json")},
                                 {"hostile", R"({"format": "hallyu/1", "entities": [
          {"id": "xss", "kind": "idol", "name": "<script>alert(1)</script>", "aliases": ["\"quoted\" & <b>bold</b>"]}],
          "relations": [{"from": "xss", "to": "exo", "type": "member_of"}]})"}})),
        server_(graph_, {"127.0.0.1", 0}) {
    std::promise<int> bound;
    auto ready = bound.get_future();
    thread_ = std::thread([&] { server_.run([&](int port) { bound.set_value(port); }); });
    port_ = ready.get();
  }
  ~Fixture() {
    server_.stop();
    thread_.join();
  }
  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(20, 0);
    return client.Get(path.c_str());
  }

 private:
  Graph graph_;
  server::Server server_;
  std::thread thread_;
  int port_ = 0;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

rapidjson::Document json(const httplib::Result& r) {
  REQUIRE(r);
  rapidjson::Document d;
  d.Parse(r->body.c_str());
  INFO(r->body);
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

void expect_error(const std::string& path, int status, const std::string& contains) {
  auto r = fixture().get(path);
  INFO(path);
  REQUIRE(r);
  CHECK(r->status == status);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  auto d = json(r);
  REQUIRE(d.HasMember("error"));
  CHECK_THAT(std::string(d["error"].GetString()), Catch::Matchers::Contains(contains));
}

}  // namespace

TEST_CASE("api: stats, search and entity", "[server]") {
  auto stats = json(fixture().get("/api/stats"));
  CHECK(stats["entities"].GetInt() == 17);
  auto search = json(fixture().get("/api/search?q=%EC%9D%B4%EC%A7%80%EC%9D%80"));  // 이지은
  CHECK(std::string(search["results"][0]["id"].GetString()) == "iu");
  auto entity = json(fixture().get("/api/entity?id=IU"));
  CHECK(std::string(entity["id"].GetString()) == "iu");
  CHECK(entity["relations"].Size() == 3);
}

TEST_CASE("api: neighbors, path and degrees of separation with filters", "[server]") {
  auto n = json(fixture().get("/api/neighbors?id=iu&radius=2"));
  CHECK(n["nodes"].Size() == 7);
  auto filtered = json(fixture().get("/api/neighbors?id=iu&radius=2&via=acted_in"));
  CHECK(filtered["nodes"].Size() == 4);
  auto path = json(fixture().get("/api/path?from=iu&to=d.o."));
  CHECK(path["paths"][0]["length"].GetInt() == 7);
  auto k = json(fixture().get("/api/path?from=iu&to=d-o&k=5"));
  CHECK(k["paths"].Size() == 2);
  auto none = json(fixture().get("/api/path?from=iu&to=d-o&exclude_kinds=agency"));
  CHECK(none["paths"].Size() == 0);
  auto avoided = json(fixture().get("/api/path?from=iu&to=tvn&avoid=hotel-del-luna"));
  CHECK(std::string(avoided["paths"][0]["nodes"][1]["id"].GetString()) == "my-mister");
  auto all = json(fixture().get("/api/path?from=iu&to=tvn&all_shortest=1"));
  CHECK(all["total"].GetInt() == 2);
}

TEST_CASE("api: centrality, clusters, crossovers", "[server]") {
  auto c = json(fixture().get("/api/centrality?metric=betweenness&top=3"));
  CHECK(c["scores"].Size() == 3);
  auto no_hubs = json(fixture().get("/api/centrality?metric=degree&exclude_kinds=agency,network&top=0"));
  CHECK(no_hubs["entities"].GetInt() == 13);
  auto approx = json(fixture().get("/api/centrality?metric=betweenness&approx=0.1&seed=2"));
  CHECK(approx["approximate"]["samples"].GetInt() > 0);
  auto clusters = json(fixture().get("/api/clusters?method=components&exclude_kinds=agency,network"));
  CHECK(clusters["clusters"][0]["size"].GetInt() == 8);
  auto x = json(fixture().get("/api/crossovers?pattern=idol-actors"));
  CHECK(x["idol_actors"].Size() == 2);  // IU and D.O.
}

TEST_CASE("api: render.svg for an ego network, an expansion and a path", "[server]") {
  for (const char* path : {"/api/render.svg?ego=iu", "/api/render.svg?expand=iu,d-o", "/api/render.svg?from=iu&to=d-o&k=2"}) {
    auto r = fixture().get(path);
    INFO(path);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "image/svg+xml");
    CHECK(r->body.find("<svg") != std::string::npos);
  }
}

TEST_CASE("api: bad input is a 4xx with a JSON error", "[server][errors]") {
  expect_error("/api/entity", 400, "missing parameter 'id'");
  expect_error("/api/entity?id=nobody-at-all", 404, "no entity matches");
  expect_error("/api/neighbors?id=iu&radius=99", 400, "radius must be from 1 to 3 (got 99)");
  expect_error("/api/neighbors?id=iu&radius=abc", 400, "radius must be a whole number, not 'abc'");
  expect_error("/api/neighbors?id=iu&via=sang", 400, "unknown relation type 'sang'");
  expect_error("/api/path?from=iu&to=tvn&avoid=tvn", 400, "cannot avoid");
  expect_error("/api/centrality?metric=fame", 400, "unknown metric 'fame'");
  expect_error("/api/centrality?metric=betweenness&approx=2", 400, "approx must be from 0.0001 to 0.5 (got 2)");
  expect_error("/api/clusters?method=magic", 400, "unknown method 'magic'");
  expect_error("/api/crossovers?pattern=duets", 400, "unknown pattern 'duets'");
  expect_error("/api/render.svg?expand=nope", 404, "no entity with id 'nope'");
  expect_error("/api/search?q=" + std::string(2000, 'a'), 400, "too long");
  expect_error("/api/nothing-here", 404, "no such endpoint");
  auto page = fixture().get("/no/such/page");
  REQUIRE(page);
  CHECK(page->status == 404);
}

TEST_CASE("api: hostile names come back as data, escaped", "[server][escaping]") {
  auto r = fixture().get("/api/entity?id=xss");
  auto d = json(r);
  CHECK(std::string(d["name"].GetString()) == "<script>alert(1)</script>");
  CHECK(r->body.find("<script>alert(1)</script>") != std::string::npos);  // JSON carries it as text
  CHECK(r->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  auto svg = fixture().get("/api/render.svg?ego=xss");
  REQUIRE(svg);
  CHECK(svg->status == 200);
  CHECK(svg->body.find("<script>") == std::string::npos);
  CHECK(svg->body.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("server serves the embedded page and stays up after bad requests", "[server]") {
  auto page = fixture().get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->body.find("<script src=\"/app.js\"") != std::string::npos);
  auto script = fixture().get("/app.js");
  REQUIRE(script);
  CHECK(script->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
  for (int i = 0; i < 20; ++i) fixture().get("/api/entity?id=%00%ff" + std::to_string(i));
  CHECK(json(fixture().get("/api/stats"))["entities"].GetInt() == 17);
}

TEST_CASE("api: invalid UTF-8 in a query comes back as U+FFFD, never raw", "[server][escaping]") {
  for (const char* path : {"/api/search?q=%ff%fe", "/api/entity?id=%ff%fe", "/api/search?q=a%e2%80%aeb"}) {
    auto r = fixture().get(path);
    INFO(path);
    REQUIRE(r);
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(r->body.c_str(), r->body.size());
    INFO(r->body);
    CHECK_FALSE(d.HasParseError());
    CHECK(r->body.find("\xff") == std::string::npos);
    CHECK(r->body.find("\xe2\x80\xae") == std::string::npos);  // U+202E goes out escaped
  }
}
