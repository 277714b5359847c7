// show: one entity with its relations in reading order.
#pragma once

#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct ShowRequest {
  std::string id;  // id, name or alias
};
struct ShowResult {
  VertexId entity = 0;
  std::vector<RelationId> relations;  // algo::ordered_relations
};
const OperationSpec& show_spec();
ShowRequest show_request(const Parameters& parameters);
ShowResult show(const Engine& engine, const ShowRequest& request);

}  // namespace hallyu::query
