// neighbors: everything within `radius` hops of one entity, each with the relation that reaches it.
#pragma once

#include "hallyu/algo/ego_network.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct NeighborsRequest {
  std::string id;
  unsigned radius = 1;
  std::vector<std::string> kinds;  // list only these kinds (the traversal is not restricted)
  std::size_t limit = 0;           // stop after this many entities (0: no limit but the front end's)
  FilterRequest filter;
};
struct NeighborsResult {
  algo::EgoNetwork ego;
  unsigned radius = 1;
  KindSet listed = kAnyKind;
  std::vector<std::size_t> shown;  // indices into ego.vertices (not the center) whose kind is listed
};
const OperationSpec& neighbors_spec();
NeighborsRequest neighbors_request(const Parameters& parameters);
NeighborsResult neighbors(const Engine& engine, const NeighborsRequest& request);

}  // namespace hallyu::query
