// Procedures callable with CALL name(args) YIELD ...: a table from name to outputs and a function of
// the engine and the evaluated arguments. The hallyu.* procedures go through the request layer
// (query::centrality, query::clusters) exactly as the `centrality` and `clusters` commands and their
// API routes do, so they take the same parameters, by the same names, with the same checks, given as
// one map (lists for list parameters):
//   CALL hallyu.pagerank({alpha: 0.85, via: ['acted_in'], exclude_kinds: ['agency']}) YIELD node, score
//   CALL hallyu.betweenness({approx: 0.05, seed: 3, kind: ['idol']}) YIELD node, score
//   CALL hallyu.clusters({method: 'leiden', seed: 7, resolution: 1.0}) YIELD node, cluster
// Centrality yields every entity listed (top defaults to 0: all), by score then id; clusters yield
// every member of every cluster shown (top defaults to 0: all; min_size applies), by cluster.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/query/cypher/value.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query::cypher {

struct ProcedureContext {
  const Engine& engine;
  std::function<void()> check;  // throws when the query is out of time or cancelled
  Interrupt interrupt;          // the same deadline and cancel callback, for algorithms to poll
  YearsRequest time;            // the query's year window: the default of the config's years/as_of
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
