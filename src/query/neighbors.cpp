// neighbors: the ego network of one entity under the filters, listed by kind.
#include "hallyu/query/neighbors.hpp"

#include <algorithm>

namespace hallyu::query {

const OperationSpec& neighbors_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(
      OperationSpec{"neighbors",
                    "List the entities within radius hops of one entity",
                    {{"id", T::text, "Id, name or alias", true, ""},
                     {"radius", T::integer, "How many hops (1-6)", false, "-r"},
                     {"kind", T::list, "List only entities of these kinds (traversal is not restricted)", false, ""},
                     {"limit", T::integer, "Stop after this many entities (0: no limit)", false, ""}},
                    ""},
      "--type");
  return spec;
}

NeighborsRequest neighbors_request(const Parameters& parameters) {
  NeighborsRequest request;
  request.id = parameters.required("id");
  if (auto v = parameters.count("radius")) request.radius = static_cast<unsigned>(std::min<std::uint64_t>(*v, 1000));
  request.kinds = parameters.list("kind");
  if (auto v = parameters.count("limit")) request.limit = *v;
  request.filter = filter_request(parameters);
  return request;
}

NeighborsResult neighbors(const Engine& engine, const NeighborsRequest& request) {
  const Graph& graph = engine.graph();
  check_range("radius", request.radius, 1, std::min(6u, engine.limits().max_radius));
  NeighborsResult result;
  VertexId center = engine.resolve(request.id);
  algo::TraversalFilter filter = engine.filter(request.filter);
  result.listed = engine.kinds(request.kinds);
  result.radius = request.radius;
  std::size_t limit = request.limit;
  std::size_t bound = engine.limits().max_neighbors;
  if (bound != 0 && (limit == 0 || limit > bound)) limit = bound;
  std::size_t cap = limit == 0 ? 0 : limit + 1;  // +1: the center
  result.ego = algo::ego_network(graph, center, request.radius, filter, cap);
  for (std::size_t i = 1; i < result.ego.vertices.size(); ++i) {
    if (result.listed & bit(graph.kind(result.ego.vertices[i]))) result.shown.push_back(i);
  }
  return result;
}

}  // namespace hallyu::query
