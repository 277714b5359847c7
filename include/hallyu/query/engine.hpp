// The front door of the engine: one Engine over a loaded graph, and one request struct plus one
// function per operation (query/stats.hpp, path.hpp, centrality.hpp, ...), each doing
// resolve -> filter -> validate -> run -> select. The CLI, the HTTP API and the query language's
// procedures build requests and format results; none of them chooses algorithms, checks bounds or
// builds filters itself, so they cannot disagree.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/query/parameters.hpp"

namespace hallyu::query {

// What a front end allows beyond the operations' own ranges. A command line runs what it is asked
// (batch); a server shares one process among clients and keeps each request small (interactive).
struct Limits {
  unsigned max_radius = 6;                        // neighbors, render ego
  std::size_t max_k = 1000;                       // k shortest paths
  std::size_t max_paths = 100000;                 // all shortest paths listed
  std::size_t max_neighbors = 0;                  // entities listed by neighbors (0: no bound)
  std::size_t max_drawn_entities = 0;             // render (0: the request's max_nodes and force decide)
  std::size_t max_drawn_paths = 50;               // render paths: k
  std::size_t max_view_entities = 0;              // view: entities sent to a page that draws them (0: no bound)
  std::size_t max_exact_centrality_entities = 0;  // exact betweenness, closeness, harmonic (0: no bound)
  std::size_t max_approx_samples = 0;             // sampled betweenness (0: no bound)
  std::size_t max_top_closeness = 0;  // closeness, harmonic past max_exact_centrality_entities: top at most (0: any)
  std::chrono::milliseconds time_budget{0};  // per request, for work that can stop early (0: none)
  static Limits batch() { return {}; }
  static Limits interactive();
};

// When long work must stop: past the front end's time budget, or when the client went away. Cheap to
// call and thread-safe (client_gone must be too): algorithms poll it from their worker threads.
struct Interrupt {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::function<bool()> client_gone;  // may be empty
  bool operator()() const;
  // A deadline `budget` from now (none when budget is 0).
  static Interrupt within(std::chrono::milliseconds budget, std::function<bool()> client_gone = {});
};

// The year window as requested: years "2016-2019", "2016-", "-2010" or "2016"; as_of a year;
// strict_years drops undated relations. See algo::YearWindow for what each keeps.
struct YearsRequest {
  std::string years;
  std::optional<long long> as_of;
  bool strict_years = false;
};
YearsRequest years_request(const Parameters& parameters);
// The year window's specs (years, as_of, strict_years): part of filter_parameters(), and alone for
// operations that count rather than traverse (stats).
std::vector<ParameterSpec> years_parameters();
// "2016-2019" -> the window; UsageError naming `years` or `as_of` for anything else.
algo::YearWindow year_window(const YearsRequest& request);

// --via/--type, --exclude-kinds, --avoid and the year window: as requested (words and names), before
// resolution.
struct FilterRequest {
  std::vector<std::string> via;            // relation types
  std::vector<std::string> exclude_kinds;  // kinds
  std::vector<std::string> avoid;          // ids or names
  YearsRequest time;
};
FilterRequest filter_request(const Parameters& parameters);
// The filter parameters' specs; `via_cli_names` are the CLI spellings of via ("--via" or "--type,--via").
std::vector<ParameterSpec> filter_parameters(const std::string& via_cli_names = "");
// `spec` with the filter parameters appended: for every operation that traverses.
OperationSpec with_filter_parameters(OperationSpec spec, const std::string& via_cli_names = "");

class Engine {
 public:
  explicit Engine(const Graph& graph, Limits limits = Limits::batch());
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const Graph& graph() const { return graph_; }
  const NameIndex& names() const { return names_; }
  const Limits& limits() const { return limits_; }

  // An id, name or alias to one entity, or a NameError (not_found / ambiguous) with candidates.
  VertexId resolve(std::string_view name) const { return names_.resolve_one(name); }
  // The one filter builder: relation types, excluded kinds, avoided entities and the year window.
  algo::TraversalFilter filter(const FilterRequest& request) const;
  // When each relation holds (algo::relation_years), computed on first use and kept.
  const std::vector<algo::YearSpan>& relation_years() const;
  // A list of kinds ("idol,actor"); empty means every kind.
  KindSet kinds(const std::vector<std::string>& words) const;

 private:
  const Graph& graph_;
  NameIndex names_;
  Limits limits_;
  mutable std::once_flag years_once_;
  mutable std::vector<algo::YearSpan> years_;
};

}  // namespace hallyu::query
