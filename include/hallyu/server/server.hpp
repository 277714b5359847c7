// `hallyu serve`: the Api over HTTP (Boost.Beast, event-driven) with the embedded page, request size
// and time limits, a Host check against DNS rebinding, and headers that keep the page from running
// anything it did not ship with.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/server/api.hpp"

namespace hallyu::server {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port
  // Host names accepted besides localhost, 127.0.0.1, [::1], `bind` and the address connected to
  // ("*": any, for a server reached by other names on a trusted network).
  std::vector<std::string> allowed_hosts = {};
  // From connecting (or the previous response) to a complete request: idle and trickling clients
  // are disconnected after this.
  std::chrono::milliseconds request_timeout{5000};
  std::chrono::milliseconds write_timeout{10000};  // to send one response
  std::size_t max_connections = 512;               // more are closed at once
  unsigned workers = 0;  // threads for cheap API requests; 0: max(4, cores). Centrality, clusters,
                         // crossovers and render.svg have their own max(2, cores) threads.
};

// A request target ("/api/path?from=iu&to=d-o") as an Api request: path and parameters
// percent-decoded ('+' is a space in parameters); a broken escape stays as written.
Request parse_target(std::string_view target);

// Whether a Host header value names this server: see ServeOptions::allowed_hosts; a port, when
// given, must be `port`; without one, `port` must be 80. `local_address`: where the client connected.
bool host_allowed(std::string_view host, const ServeOptions& options, int port, const std::string& local_address);

// Serves until stop() is called from another thread or the process ends. Calls on_listening with
// the bound port once the socket is open. Throws hallyu::Error if it cannot bind.
class Server {
 public:
  Server(const Graph& graph, ServeOptions options);
  ~Server();
  void run(const std::function<void(int port)>& on_listening);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hallyu::server
