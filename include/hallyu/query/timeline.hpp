// timeline: an entity's story in years: birth and debut, joining and leaving groups and agencies,
// dramas with roles, OSTs and collaborations, oldest first, undated ones last.
#pragma once

#include <optional>

#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct TimelineRequest {
  std::string id;        // id, name or alias
  FilterRequest filter;  // relations the filter drops are left out; with a year window, so are events outside it
};

struct TimelineEvent {
  enum class What { born, debuted, first_aired, released, started, happened, ended, disbanded };
  std::optional<int> year;  // none: the data gives no date
  What what = What::happened;
  std::optional<RelationId> relation;  // none for the entity's own dates
  std::string text;
};
std::string_view to_string(TimelineEvent::What what);

struct TimelineResult {
  VertexId entity = 0;
  std::vector<TimelineEvent> events;  // by year (undated last), then birth, debut, starts, events, ends
};
const OperationSpec& timeline_spec();
TimelineRequest timeline_request(const Parameters& parameters);
TimelineResult timeline(const Engine& engine, const TimelineRequest& request);

}  // namespace hallyu::query
