// The JSON shapes of results, shared by the CLI's --json and the HTTP API so both say the same thing:
// one write_json per operation's result (query/), plus the error shape.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hallyu/format/json_writer.hpp"
#include "hallyu/query/centrality.hpp"
#include "hallyu/query/check.hpp"
#include "hallyu/query/clusters.hpp"
#include "hallyu/query/crossovers.hpp"
#include "hallyu/query/degrees.hpp"
#include "hallyu/query/neighbors.hpp"
#include "hallyu/query/path.hpp"
#include "hallyu/query/render.hpp"
#include "hallyu/query/search.hpp"
#include "hallyu/query/show.hpp"
#include "hallyu/query/stats.hpp"
#include "hallyu/query/timeline.hpp"
#include "hallyu/query/view.hpp"

namespace hallyu::format {

// {"entities","relations","by_kind","by_type","components","largest_component","sources",
//  ["by_year":[{"year","dramas","osts","idol_castings","actor_castings","networks":[{"id","name","dramas"}]}],
//   "networks":[{"id","name","dramas"}]]}
void write_json(JsonWriter& out, const Graph& graph, const query::StatsResult& result);
// {"id","name","kind","aliases","attributes","degree","relations":[...]}, relations in reading order
void write_json(JsonWriter& out, const Graph& graph, const query::ShowResult& result);
// {"query","results":[{"id","name","kind","matched","match"}]}
void write_json(JsonWriter& out, const Graph& graph, const query::SearchResult& result);
// {"center","radius","truncated","nodes":[{"id","name","kind","distance","via"}],"relations":[{"from","to","type"}]}
void write_json(JsonWriter& out, const Graph& graph, const query::NeighborsResult& result);
// {"from","to",["total"],"paths":[{"length","nodes":[...],"edges":[...]}]}
void write_json(JsonWriter& out, const Graph& graph, const query::PathResult& result);
// {"from","distances":[{"distance","count"}],"reachable","unreachable","excluded","average_distance","farthest":{...}}
void write_json(JsonWriter& out, const Graph& graph, const query::DegreesResult& result);
// {"metric","entities","relations",["approximate"],"scores":[{"id","name","kind","score"}]}
void write_json(JsonWriter& out, const Graph& graph, const query::CentralityResult& result);
// {"method","modularity",["k"],"seed","total_clusters","clusters":[{"id","size","members","central","kinds","agencies","networks",["years"]}]}
void write_json(JsonWriter& out, const Graph& graph, const query::ClustersResult& result);
// {"idol_actors":[...],"self_osts":[...],...}: only the wanted patterns, `top` rows each (0: all)
void write_json(JsonWriter& out, const Graph& graph, const query::CrossoversResult& result);
// {"entity":{"id","name","kind"},"events":[{"year" (null when undated),"event","text",["relation":{...}]}]}
void write_json(JsonWriter& out, const Graph& graph, const query::TimelineResult& result);
// {"sources","entities","relations","warnings":[{"check","place","message"}]}
void write_json(JsonWriter& out, const query::CheckResult& result);
// {["file"],"format","layout","entities","relations","bytes"}
void write_json(JsonWriter& out, const Graph& graph, const query::RenderResult& result, std::string_view file);
// {"title","nodes":[{"id","name","kind","highlighted",["cluster"],["score"]}],
//  "edges":[{"from","to","type","attributes","text","highlighted"}],"paths":[path as in PathResult],
//  ["color_by"],["size_by"]}
void write_json(JsonWriter& out, const Graph& graph, const query::ViewResult& result);
// {"error": message, ["candidates": [{"id","name","kind"}]]}
void write_error(JsonWriter& out, const Graph& graph, const std::string& message,
                 const std::vector<VertexId>& candidates);

// The whole JSON text of a result.
template <typename Result, typename... Extra>
std::string to_json(const Graph& graph, const Result& result, const Extra&... extra) {
  JsonWriter out;
  write_json(out, graph, result, extra...);
  return out.str();
}

}  // namespace hallyu::format
