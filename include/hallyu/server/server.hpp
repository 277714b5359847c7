// `hallyu serve`: the Api over HTTP (cpp-httplib) with the embedded page, request size and time
// limits, and headers that keep the page from running anything it did not ship with.
#pragma once

#include <functional>
#include <string>

#include "hallyu/server/api.hpp"

namespace hallyu::server {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port
};

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
