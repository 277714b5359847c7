// show: resolve one entity and order its relations for reading.
#include "hallyu/query/show.hpp"

#include "hallyu/algo/relation_order.hpp"

namespace hallyu::query {

const OperationSpec& show_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec{"show",
                                  "Show one entity: aliases, attributes and relations",
                                  {{"id", T::text, "Id, name or alias (any case; Hangul works)", true, ""}},
                                  ""};
  return spec;
}

ShowRequest show_request(const Parameters& parameters) { return {parameters.required("id")}; }

ShowResult show(const Engine& engine, const ShowRequest& request) {
  ShowResult result;
  result.entity = engine.resolve(request.id);
  result.relations = algo::ordered_relations(engine.graph(), result.entity);
  return result;
}

}  // namespace hallyu::query
