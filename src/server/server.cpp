// The HTTP adapter: the Api and the embedded page over cpp-httplib, with limits and safe headers.
#include "hallyu/server/server.hpp"

#include <httplib.h>

#include "hallyu/error.hpp"

namespace hallyu::server {
namespace {

constexpr std::size_t kMaxRequestBytes = 16 * 1024;

// The page may load only what it shipped with: no inline scripts, no other origins.
void secure(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                 "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

}  // namespace

struct Server::Impl {
  Api api;
  ServeOptions options;
  httplib::Server http;
  Impl(const Graph& graph, ServeOptions o) : api(graph), options(std::move(o)) {}
};

Server::Server(const Graph& graph, ServeOptions options) : impl_(std::make_unique<Impl>(graph, std::move(options))) {
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(kMaxRequestBytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(10, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(100);
  Api& api = impl_->api;
  http.Get(R"(/api/.*)", [&api](const httplib::Request& req, httplib::Response& res) {
    Request request(req.path);
    for (const auto& [name, value] : req.params) request.params.emplace(name, value);
    Response response = api.handle(request);
    res.status = response.status;
    res.set_content(response.body, response.content_type.c_str());
    secure(res);
  });
  http.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    if (const Asset* asset = find_asset(req.path)) {
      res.set_content(std::string(asset->body), asset->content_type);
    } else {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
    }
    secure(res);
  });
  // Anything else (POST, PUT, ...) is not part of the explorer.
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_content("{\"error\":\"only GET is supported\"}", "application/json");
    secure(res);
  };
  http.Post(R"(/.*)", refuse);
  http.Put(R"(/.*)", refuse);
  http.Delete(R"(/.*)", refuse);
  http.Patch(R"(/.*)", refuse);
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("{\"error\":\"internal error\"}", "application/json");
  });
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content("{\"error\":\"" + std::to_string(res.status) + "\"}", "application/json");
    }
  });
}

Server::~Server() = default;

void Server::run(const std::function<void(int port)>& on_listening) {
  httplib::Server& http = impl_->http;
  int port = impl_->options.port;
  if (port == 0) {
    port = http.bind_to_any_port(impl_->options.bind.c_str());
  } else if (!http.bind_to_port(impl_->options.bind.c_str(), port)) {
    port = -1;
  }
  if (port < 0) throw UsageError("cannot listen on " + impl_->options.bind + ":" + std::to_string(impl_->options.port) + " (in use, or not an address of this machine?)");
  on_listening(port);
  http.listen_after_bind();
}

void Server::stop() { impl_->http.stop(); }

}  // namespace hallyu::server
