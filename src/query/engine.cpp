// The engine's front door: limits per front end, name resolution and the one filter builder.
#include "hallyu/query/engine.hpp"

#include "hallyu/text.hpp"

namespace hallyu::query {

Limits Limits::interactive() {
  Limits limits;
  limits.max_radius = 3;
  limits.max_k = 50;
  limits.max_paths = 1000;
  limits.max_neighbors = 5000;
  limits.max_drawn_entities = 300;
  limits.max_drawn_paths = 10;
  limits.max_view_entities = 2000;  // no Graphviz layout: a page draws thousands of entities quickly
  limits.max_exact_centrality_entities = 20000;
  limits.max_approx_samples = 200'000;
  limits.time_budget = std::chrono::seconds(10);
  return limits;
}

bool Interrupt::operator()() const {
  if (deadline != std::chrono::steady_clock::time_point::max() && std::chrono::steady_clock::now() > deadline) return true;
  return client_gone && client_gone();
}

Interrupt Interrupt::within(std::chrono::milliseconds budget, std::function<bool()> client_gone) {
  Interrupt interrupt;
  if (budget.count() > 0) interrupt.deadline = std::chrono::steady_clock::now() + budget;
  interrupt.client_gone = std::move(client_gone);
  return interrupt;
}

FilterRequest filter_request(const Parameters& parameters) {
  return {parameters.list("via"), parameters.list("exclude_kinds"), parameters.all("avoid")};
}

std::vector<ParameterSpec> filter_parameters(const std::string& via_cli_names) {
  using T = ParameterSpec::Type;
  return {
      {"via", T::list, "Only follow these relation types (comma-separated or repeated)", false, via_cli_names},
      {"exclude_kinds", T::list, "Never pass through entities of these kinds, e.g. agency,network", false, ""},
      {"avoid", T::names, "Never pass through this entity (id or name; repeatable)", false, ""},
  };
}

OperationSpec with_filter_parameters(OperationSpec spec, const std::string& via_cli_names) {
  for (ParameterSpec& p : filter_parameters(via_cli_names)) spec.parameters.push_back(std::move(p));
  return spec;
}

Engine::Engine(const Graph& graph, Limits limits) : graph_(graph), names_(graph), limits_(limits) {}

algo::TraversalFilter Engine::filter(const FilterRequest& request) const {
  algo::TraversalFilter filter;
  if (!request.via.empty()) filter.relation_types = algo::parse_relation_types(request.via);
  if (!request.exclude_kinds.empty()) filter.excluded_kinds = algo::parse_kinds(request.exclude_kinds);
  for (const std::string& name : request.avoid) filter.avoid(resolve(name));
  return filter;
}

KindSet Engine::kinds(const std::vector<std::string>& words) const {
  return words.empty() ? kAnyKind : algo::parse_kinds(words);
}

}  // namespace hallyu::query
