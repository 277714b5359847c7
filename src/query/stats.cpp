// stats: counts by kind and relation type, components and sources.
#include "hallyu/query/stats.hpp"

#include "hallyu/algo/components.hpp"

namespace hallyu::query {

const OperationSpec& stats_spec() {
  static const OperationSpec spec{"stats", "Count entities and relations by kind and type, and components", {}, ""};
  return spec;
}

StatsResult stats(const Engine& engine) {
  const Graph& graph = engine.graph();
  StatsResult result;
  result.entities = graph.entity_count();
  result.relations = graph.relation_count();
  for (const Entity& e : graph.entities()) ++result.by_kind[static_cast<std::size_t>(e.kind)];
  for (const Relation& r : graph.relations()) ++result.by_type[static_cast<std::size_t>(r.type)];
  algo::Components components = algo::connected_components(graph);
  result.components = components.sizes.size();
  result.largest_component = components.sizes.empty() ? 0 : components.sizes.front();
  result.sources = graph.sources();
  return result;
}

}  // namespace hallyu::query
