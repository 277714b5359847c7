// The HTTP API end to end: a real server on a free loopback port, a real HTTP client. Every
// endpoint, bad input (400 with a JSON error), unknown routes (404), hostile names, and the server
// staying up through all of it.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <rapidjson/document.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "../support.hpp"
#include "hallyu/server/server.hpp"

using namespace hallyu;

namespace {

// One server for the whole file, on the mini fixture plus hostile names.
class Fixture {
 public:
  explicit Fixture(server::ServeOptions options = {"127.0.0.1", 0})
      : graph_(io::load_dataset({{"mini", io::read_file(std::string(HALLYU_FIXTURES) + "/mini.json")},
                                 {"hostile", R"({"format": "hallyu/1", "entities": [
          {"id": "xss", "kind": "idol", "name": "<script>alert(1)</script>", "aliases": ["\"quoted\" & <b>bold</b>"]}],
          "relations": [{"from": "xss", "to": "exo", "type": "member_of"}]})"}})),
        server_(graph_, std::move(options)) {
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
  int port() const { return port_; }

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

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A raw loopback TCP connection, for what an HTTP client library would not send.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool connected() const { return connected_; }
  bool send(std::string_view data) {
    return ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size());
  }
  // What arrives until the server closes the connection or `timeout` passes; `closed` says which.
  std::string receive(milliseconds timeout, bool* closed = nullptr) {
    std::string out;
    auto deadline = Clock::now() + timeout;
    if (closed != nullptr) *closed = false;
    while (Clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
      if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 1))) <= 0) continue;
      char buffer[65536];
      ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        if (closed != nullptr) *closed = true;
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// A one-shot request over a raw connection: the whole response, until the server closes.
std::string raw_request(int port, const std::string& request) {
  RawConnection c(port);
  REQUIRE(c.connected());
  REQUIRE(c.send(request));
  return c.receive(milliseconds(10000));
}

int status_of(const std::string& response) {
  return response.rfind("HTTP/1.", 0) == 0 && response.size() > 12 ? std::atoi(response.c_str() + 9) : -1;
}

std::string header_of(const std::string& response, const std::string& name) {
  std::size_t end = response.find("\r\n\r\n");
  std::string head = response.substr(0, end);
  for (std::size_t at = head.find("\r\n"); at != std::string::npos; at = head.find("\r\n", at + 2)) {
    std::size_t colon = head.find(':', at + 2);
    std::size_t next = head.find("\r\n", at + 2);
    if (colon == std::string::npos || colon > next) continue;
    std::string key = head.substr(at + 2, colon - at - 2);
    if (Catch::toLower(key) != Catch::toLower(name)) continue;
    std::size_t value = head.find_first_not_of(' ', colon + 1);
    return head.substr(value, (next == std::string::npos ? head.size() : next) - value);
  }
  return "";
}

std::string body_of(const std::string& response) {
  std::size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? "" : response.substr(end + 4);
}

std::string get_request(const std::string& path, const std::string& host, const std::string& extra = "") {
  return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "Connection: close\r\n\r\n";
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

TEST_CASE("server: slow and idle clients do not stall a fast request", "[server][slow]") {
  int port = fixture().port();
  constexpr int kSlow = 24, kIdle = 24;
  std::vector<std::unique_ptr<RawConnection>> idle, slow;
  for (int i = 0; i < kIdle; ++i) idle.push_back(std::make_unique<RawConnection>(port));
  for (int i = 0; i < kSlow; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port));
    slow.back()->send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  }
  // One header line every 300 ms from each slow client, for about 3 s.
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    for (int round = 0; round < 10 && !done; ++round) {
      std::this_thread::sleep_for(milliseconds(300));
      for (auto& c : slow) c->send("X-Slow: " + std::to_string(round) + "\r\n");
    }
  });
  std::this_thread::sleep_for(milliseconds(200));
  long long worst = 0;
  for (int i = 0; i < 5; ++i) {
    auto start = Clock::now();
    auto r = fixture().get("/api/stats");
    worst = std::max<long long>(worst, std::chrono::duration_cast<milliseconds>(Clock::now() - start).count());
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  done = true;
  trickle.join();
  INFO("slowest /api/stats with " << kSlow << " slow and " << kIdle << " idle connections: " << worst << " ms");
  CHECK(worst < 1000);  // it takes a few ms; cpp-httplib's 8 workers took over 5 s here
}

TEST_CASE("server: slow requests and idle connections are cut off", "[server][slow]") {
  server::ServeOptions options{"127.0.0.1", 0};
  options.request_timeout = milliseconds(800);
  Fixture quick(options);
  RawConnection idle(quick.port()), trickling(quick.port());
  REQUIRE(trickling.send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
  auto start = Clock::now();
  bool closed = false;
  for (int i = 0; i < 12 && !closed; ++i) {  // a header line every 250 ms would keep it open forever
    std::this_thread::sleep_for(milliseconds(250));
    trickling.send("X-Slow: 1\r\n");
    trickling.receive(milliseconds(1), &closed);
  }
  if (!closed) trickling.receive(milliseconds(1500), &closed);
  CHECK(closed);
  CHECK(Clock::now() - start < milliseconds(2500));
  idle.receive(milliseconds(2000), &closed);
  CHECK(closed);
  // A keep-alive connection that goes quiet after a response is closed too.
  RawConnection kept(quick.port());
  REQUIRE(kept.send("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(quick.port()) + "\r\n\r\n"));
  std::string response = kept.receive(milliseconds(3000), &closed);
  CHECK(status_of(response) == 200);
  CHECK(closed);
}

TEST_CASE("server: connections over the limit are closed at once, and the limit frees up", "[server][slow]") {
  server::ServeOptions options{"127.0.0.1", 0};
  options.max_connections = 4;
  Fixture small(options);
  std::string request = get_request("/api/stats", "127.0.0.1:" + std::to_string(small.port()));
  {
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 4; ++i) held.push_back(std::make_unique<RawConnection>(small.port()));
    std::this_thread::sleep_for(milliseconds(200));
    RawConnection extra(small.port());
    bool closed = false;
    extra.send(request);
    CHECK(extra.receive(milliseconds(3000), &closed).empty());
    CHECK(closed);
  }
  std::this_thread::sleep_for(milliseconds(200));
  CHECK(status_of(raw_request(small.port(), request)) == 200);
}

TEST_CASE("server: multi-range requests cannot amplify a response; errors are never ranged", "[server][range]") {
  int port = fixture().port();
  std::string host = "127.0.0.1:" + std::to_string(port);
  std::string plain = body_of(raw_request(port, get_request("/app.js", host)));
  REQUIRE(plain.size() > 1000);
  std::string ranges = "Range: bytes=0-";
  for (int i = 1; i < 1500; ++i) ranges += ",0-";
  std::string response = raw_request(port, get_request("/app.js", host, ranges + "\r\n"));
  INFO(response.substr(0, 400));
  CHECK((status_of(response) == 200 || status_of(response) == 416));
  CHECK(response.size() < plain.size() + 2000);
  std::string svg = raw_request(port, get_request("/api/render.svg?ego=iu&radius=2", host, ranges + "\r\n"));
  CHECK(svg.size() < 200000);
  std::string error = raw_request(port, get_request("/api/entity?id=nobody", host, "Range: bytes=0-3\r\n"));
  CHECK(status_of(error) == 404);
  CHECK_THAT(body_of(error), Catch::Matchers::StartsWith("{\"error\":"));
}

TEST_CASE("server: the HTTP layer's own errors carry the security headers", "[server][headers]") {
  int port = fixture().port();
  std::string host = "127.0.0.1:" + std::to_string(port);
  for (std::string request : {std::string("BLAH\r\n\r\n"), "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
                              "OPTIONS / HTTP/1.1\r\nHost: " + host + "\r\n\r\n", "POST /api/stats HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n",
                              std::string("GET / HTTP/9.9\r\n\r\n")}) {
    std::string response = raw_request(port, request);
    INFO(request.substr(0, 60) << " -> " << response.substr(0, 300));
    CHECK(status_of(response) >= 400);
    CHECK(header_of(response, "Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    CHECK(header_of(response, "X-Content-Type-Options") == "nosniff");
  }
}

TEST_CASE("server: the Host header must name this server", "[server][host]") {
  int port = fixture().port();
  std::string p = std::to_string(port);
  CHECK(status_of(raw_request(port, get_request("/api/stats", "127.0.0.1:" + p))) == 200);
  CHECK(status_of(raw_request(port, get_request("/api/stats", "localhost:" + p))) == 200);
  CHECK(status_of(raw_request(port, get_request("/api/stats", "LocalHost:" + p))) == 200);
  // DNS rebinding: another name that resolves here, or another port.
  std::string evil = raw_request(port, get_request("/api/stats", "evil.example:" + p));
  CHECK(status_of(evil) == 403);
  CHECK(header_of(evil, "X-Content-Type-Options") == "nosniff");
  CHECK(status_of(raw_request(port, get_request("/api/stats", "evil.example"))) == 403);
  CHECK(status_of(raw_request(port, get_request("/", "127.0.0.1:" + std::to_string(port + 1)))) == 403);
  CHECK(status_of(raw_request(port, get_request("/", "localhost.evil.example:" + p))) == 403);
  CHECK(status_of(raw_request(port, "GET /api/stats HTTP/1.1\r\nConnection: close\r\n\r\n")) == 400);
  // An option allows more names.
  server::ServeOptions options{"127.0.0.1", 0};
  options.allowed_hosts = {"hallyu.lan"};
  Fixture wider(options);
  std::string wp = std::to_string(wider.port());
  CHECK(status_of(raw_request(wider.port(), get_request("/api/stats", "hallyu.lan:" + wp))) == 200);
  CHECK(status_of(raw_request(wider.port(), get_request("/api/stats", "evil.example:" + wp))) == 403);
}
