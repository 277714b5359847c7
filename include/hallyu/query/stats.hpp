// stats: what the loaded dataset holds (counts by kind and relation type, components, sources).
#pragma once

#include <array>

#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct StatsResult {
  std::size_t entities = 0, relations = 0;
  std::array<std::size_t, kKindCount> by_kind{};
  std::array<std::size_t, kRelationTypeCount> by_type{};
  std::size_t components = 0, largest_component = 0;
  std::vector<std::string> sources;
};
const OperationSpec& stats_spec();
StatsResult stats(const Engine& engine);

}  // namespace hallyu::query
