// query: a read-only openCypher query (query/cypher/) run through the front door, with the same
// parameters, bounds and time budget in the CLI (`hallyu query`) and the API (/api/query).
#pragma once

#include <string>
#include <vector>

#include "hallyu/query/cypher/executor.hpp"
#include "hallyu/query/engine.hpp"
#include "hallyu/render/graphviz.hpp"

namespace hallyu::query {

struct QueryRequest {
  std::string q;                    // the query text
  std::vector<std::string> params;  // "name=value": the value as a Cypher literal (2016, 'IU', [1,2]) or plain text
  std::size_t max_rows = 100000;    // rows kept (0: all the front end allows); more is reported as truncated
  std::size_t timeout_ms = 0;       // 0: the front end's time budget (none on the command line)
  YearsRequest time;                // the year window the query sees the graph through
};
const OperationSpec& query_spec();
QueryRequest query_request(const Parameters& parameters);
cypher::QueryResult run_query(const Engine& engine, const QueryRequest& request, const Interrupt& interrupt = {});

// "name=value" -> (name, value): the value is read as a Cypher literal when it is one (numbers,
// quoted strings, true/false/null, lists and maps of literals), otherwise kept as text.
std::pair<std::string, cypher::Value> query_parameter(std::string_view assignment);

// The nodes, relationships and paths a result holds, as a diagram (paths highlighted, the rest
// plain); a LimitError past max_nodes (0: no bound). The default is what Graphviz still lays out readably.
inline constexpr std::size_t kMaxResultDiagramEntities = 2000;
render::Diagram result_diagram(const Graph& graph, const cypher::QueryResult& result,
                               std::size_t max_nodes = kMaxResultDiagramEntities);

}  // namespace hallyu::query
