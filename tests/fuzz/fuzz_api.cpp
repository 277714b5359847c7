// Fuzzes the HTTP API below the sockets: the input is a request target ("/api/path?from=iu&to=d-o")
// parsed as the server parses it, then handled; the Api never throws, answers 2xx-5xx, and its
// JSON answers are valid JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/server/api.hpp"
#include "hallyu/server/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hallyu;
  static const Graph graph = io::load_graph({std::string(HALLYU_FIXTURES) + "/mini.json"});
  static const server::Api api(graph);
  std::string target(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 8192));
  server::Request request = server::parse_target(target);
  server::Response response = api.handle(request);
  if (response.status < 200 || response.status > 599) std::abort();
  if (response.content_type == "application/json") fuzz::require_valid_json(response.body, request.path.c_str());
  return 0;
}
