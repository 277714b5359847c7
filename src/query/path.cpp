// path: shortest, k shortest simple, or all shortest paths between two entities.
#include "hallyu/query/path.hpp"

#include <algorithm>

#include "hallyu/error.hpp"

namespace hallyu::query {

const OperationSpec& path_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(OperationSpec{
      "path",
      "How are two entities connected? Shortest, k shortest or all shortest paths",
      {{"from", T::text, "Id, name or alias", true, ""},
       {"to", T::text, "Id, name or alias", true, ""},
       {"k", T::integer, "The k shortest simple paths, shortest first", false, "-k"},
       {"all_shortest", T::flag, "Every shortest path (up to limit)", false, ""},
       {"limit", T::integer, "Most paths all_shortest lists", false, ""}},
      "Filters: --via acted_in,performed keeps only those relation types; --exclude-kinds agency,network keeps\n"
      "paths away from hubs that connect everything; --avoid NAME (repeatable) keeps paths away from NAME."});
  return spec;
}

PathRequest path_request(const Parameters& parameters) {
  PathRequest request;
  request.from = parameters.required("from");
  request.to = parameters.required("to");
  if (auto v = parameters.count("k")) request.k = *v;
  request.all_shortest = parameters.flag("all_shortest");
  if (auto v = parameters.count("limit")) request.limit = *v;
  request.filter = filter_request(parameters);
  return request;
}

PathResult path(const Engine& engine, const PathRequest& request) {
  const Limits& limits = engine.limits();
  check_range("k", request.k, 1, limits.max_k);
  check_range("limit", request.limit, 1, limits.max_paths);
  if (request.all_shortest && request.k != 1) throw UsageError("k and all_shortest do not go together");
  PathResult result;
  result.from = engine.resolve(request.from);
  result.to = engine.resolve(request.to);
  algo::TraversalFilter filter = engine.filter(request.filter);
  for (VertexId end : {result.from, result.to}) {
    if (std::binary_search(filter.avoided.begin(), filter.avoided.end(), end)) {
      throw UsageError("cannot avoid " + engine.names().label(end) + ": it is an end of the path");
    }
  }
  result.filtered = !filter.is_unfiltered();
  algo::PathFinder finder(engine.graph());
  if (request.all_shortest) {
    algo::AllShortestPaths all = finder.all_shortest_paths(result.from, result.to, request.limit, filter);
    result.paths = std::move(all.paths);
    result.total = all.total;
  } else {
    result.paths = finder.k_shortest_paths(result.from, result.to, request.k, filter);
  }
  return result;
}

}  // namespace hallyu::query
