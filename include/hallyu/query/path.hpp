// path: how two entities are connected: the shortest, the k shortest simple, or all shortest paths.
#pragma once

#include <optional>

#include "hallyu/algo/paths.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct PathRequest {
  std::string from, to;
  std::size_t k = 1;
  bool all_shortest = false;
  std::size_t limit = 100;  // all_shortest: paths listed
  FilterRequest filter;
};
struct PathResult {
  VertexId from = 0, to = 0;
  std::vector<algo::Path> paths;
  std::optional<std::uint64_t> total;  // all_shortest: how many exist
  bool filtered = false;
};
const OperationSpec& path_spec();
PathRequest path_request(const Parameters& parameters);
PathResult path(const Engine& engine, const PathRequest& request);

}  // namespace hallyu::query
