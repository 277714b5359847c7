// The explorer's JSON API as a plain function of a request: no sockets here, so every endpoint is
// testable directly, and the HTTP layer (server.hpp) stays a thin adapter. Every response to bad
// input is a 4xx with {"error": "..."}; nothing a request holds can make it throw past handle().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::server {

struct Request {
  Request() = default;
  Request(std::string path_, std::multimap<std::string, std::string> params_ = {}, std::function<bool()> client_gone_ = {})
      : path(std::move(path_)), params(std::move(params_)), client_gone(std::move(client_gone_)) {}
  std::string path;                                // e.g. "/api/path"
  std::multimap<std::string, std::string> params;  // query parameters, decoded
  std::function<bool()> client_gone;               // true once the client has disconnected (may be empty)
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

class Api {
 public:
  explicit Api(const Graph& graph, query::Limits limits = query::Limits::interactive());
  Response handle(const Request& request) const;
  // The kept answer to exactly this request when a cached route answered it before, without computing
  // or locking for long: the server sends it from its I/O thread, so a cached answer (stats, whole-graph
  // centrality) never queues behind computed ones.
  std::optional<Response> cached(const Request& request) const;

  // The route table: path, the operation's parameters (anything else is refused), whether answers are
  // cached, and parse -> request -> format.
  struct Route {
    std::string path;
    const query::OperationSpec& spec;
    bool cached;
    std::function<Response(const query::Engine&, const query::Parameters&, const query::Interrupt&)> run;
  };
  static const std::vector<Route>& routes();

 private:
  Response error_response(int status, const std::string& message, const std::vector<VertexId>& candidates) const;
  static std::string cache_key(const Request& request);

  query::Engine engine_;
  // Centrality and clusters of the whole graph are the same for the same query: keep recent answers.
  mutable std::mutex cache_lock_;
  mutable std::map<std::string, Response> cache_;
};

// Static assets compiled into the binary (web/), by path ("/" is index.html); null when unknown.
struct Asset {
  std::string_view body;
  const char* content_type;
};
const Asset* find_asset(const std::string& path);

}  // namespace hallyu::server
