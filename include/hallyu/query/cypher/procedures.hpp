// Procedures callable with CALL name(args) YIELD ...: a table from name to outputs and a function of
// the graph and the evaluated arguments. The hallyu.* procedures run the same algorithms as the
// `centrality` and `clusters` commands, with the same options, given as one map:
//   CALL hallyu.pagerank({alpha: 0.85, via: ['acted_in'], exclude_kinds: ['agency']}) YIELD node, score
//   CALL hallyu.clusters({method: 'leiden', seed: 7, resolution: 1.0}) YIELD node, cluster
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/query/cypher/value.hpp"

namespace hallyu::query::cypher {

struct ProcedureContext {
  const Graph& graph;
  const NameIndex& names;
  std::function<void()> check;  // throws when the query is out of time or cancelled
};

struct Procedure {
  std::string name;                  // "hallyu.pagerank"
  std::string signature;             // for messages: "hallyu.pagerank(config :: MAP)"
  std::vector<std::string> outputs;  // YIELD names, in order
  std::function<std::vector<std::vector<Value>>(const ProcedureContext&, const std::vector<Value>& args)> run;
};

const std::vector<Procedure>& procedures();
int find_procedure(std::string_view name);  // case-insensitive; -1 when unknown

}  // namespace hallyu::query::cypher
