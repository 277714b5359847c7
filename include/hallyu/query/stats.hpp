// stats: what the loaded dataset holds (counts by kind and relation type, components, sources), and,
// with by_year, what happened each year: dramas, OSTs, castings, and dramas per network.
#pragma once

#include <array>
#include <utility>

#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct StatsRequest {
  bool by_year = false;
  YearsRequest time;  // relation counts, components and years within this window
};

// One year's activity. Dramas and OSTs count by their `year` (an OST without one takes its drama's);
// castings are distinct (person, drama) acting credits in dramas of that year.
struct YearCounts {
  int year = 0;
  std::size_t dramas = 0, osts = 0, idol_castings = 0, actor_castings = 0;
  std::vector<std::pair<VertexId, std::size_t>> networks;  // dramas of the year per network, most first
};

struct StatsResult {
  std::size_t entities = 0, relations = 0;
  std::array<std::size_t, kKindCount> by_kind{};
  std::array<std::size_t, kRelationTypeCount> by_type{};
  std::size_t components = 0, largest_component = 0;
  std::vector<std::string> sources;
  bool windowed = false;  // relations and components count only the window's
  bool by_year_requested = false;
  std::vector<YearCounts> by_year;                         // oldest first; only years with something in them
  std::vector<std::pair<VertexId, std::size_t>> networks;  // dramas per network over those years, most first
};
const OperationSpec& stats_spec();
StatsRequest stats_request(const Parameters& parameters);
StatsResult stats(const Engine& engine, const StatsRequest& request = {});

}  // namespace hallyu::query
