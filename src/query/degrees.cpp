// degrees: distances from one entity to everyone, summarised.
#include "hallyu/query/degrees.hpp"

namespace hallyu::query {

const OperationSpec& degrees_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(
      OperationSpec{"degrees",
                    "Distance from one entity to everyone: counts per distance, the farthest",
                    {{"id", T::text, "Id, name or alias", true, ""},
                     {"farthest", T::integer, "How many of the farthest entities to list", false, ""}},
                    ""});
  return spec;
}

DegreesRequest degrees_request(const Parameters& parameters) {
  DegreesRequest request;
  request.id = parameters.required("id");
  if (auto v = parameters.count("farthest")) request.farthest = *v;
  request.filter = filter_request(parameters);
  return request;
}

DegreesResult degrees(const Engine& engine, const DegreesRequest& request) {
  check_range("farthest", request.farthest, 0, 100000);
  VertexId center = engine.resolve(request.id);
  algo::TraversalFilter filter = engine.filter(request.filter);
  algo::PathFinder finder(engine.graph());
  algo::DistanceTable table = finder.distances_from(center, filter);
  return {algo::summarize_distances(engine.graph(), center, table, filter), request.farthest, !filter.is_unfiltered()};
}

}  // namespace hallyu::query
