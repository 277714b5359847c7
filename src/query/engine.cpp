// The engine's front door: limits per front end, name resolution and the one filter builder.
#include "hallyu/query/engine.hpp"

#include <charconv>

#include "hallyu/error.hpp"
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
  limits.max_top_closeness = 100;  // a pruned search for a short list: the bar rises fast
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

YearsRequest years_request(const Parameters& parameters) {
  YearsRequest request;
  request.years = parameters.text("years").value_or("");
  request.as_of = parameters.integer("as_of");
  request.strict_years = parameters.flag("strict_years");
  return request;
}

std::vector<ParameterSpec> years_parameters() {
  using T = ParameterSpec::Type;
  return {
      {"years", T::text,
       "Only relations of these years: 2016-2019, 2016-, -2010 or 2016 (dated ones by year, memberships and "
       "contracts by overlap)",
       false, ""},
      {"as_of", T::integer, "The graph as it stood in this year: events up to it, memberships and contracts in force",
       false, ""},
      {"strict_years", T::flag, "Drop relations the data gives no date (kept by default)", false, ""},
  };
}

namespace {

std::optional<int> year_in(std::string_view text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return year;
}

}  // namespace

algo::YearWindow year_window(const YearsRequest& request) {
  algo::YearWindow window;
  window.strict = request.strict_years;
  if (!request.years.empty()) {
    std::string_view text = request.years;
    std::size_t dash = text.find('-');
    std::optional<int> first, last;
    bool ok = true;
    if (dash == std::string_view::npos) {
      first = last = year_in(text);
      ok = first.has_value();
    } else {
      std::string_view a = text.substr(0, dash), b = text.substr(dash + 1);
      if (!a.empty()) ok = ok && (first = year_in(a)).has_value();
      if (!b.empty()) ok = ok && (last = year_in(b)).has_value();
      ok = ok && (first || last);
    }
    if (!ok) {
      throw UsageError("years must be a year or a range such as 2016-2019, 2016- or -2010, not " +
                       text::quote(request.years, 40));
    }
    if (first) check_range("years", *first, algo::kEarliestYear, algo::kLatestYear);
    if (last) check_range("years", *last, algo::kEarliestYear, algo::kLatestYear);
    if (first && last && *first > *last) {
      throw UsageError("years must run forwards: " + std::to_string(*first) + " is after " + std::to_string(*last));
    }
    if (first) window.first = *first;
    if (last) window.last = *last;
  }
  if (request.as_of) {
    check_range("as_of", *request.as_of, algo::kEarliestYear, algo::kLatestYear);
    window.as_of = static_cast<int>(*request.as_of);
  }
  return window;
}

FilterRequest filter_request(const Parameters& parameters) {
  return {parameters.list("via"), parameters.list("exclude_kinds"), parameters.all("avoid"), years_request(parameters)};
}

std::vector<ParameterSpec> filter_parameters(const std::string& via_cli_names) {
  using T = ParameterSpec::Type;
  std::vector<ParameterSpec> specs = {
      {"via", T::list, "Only follow these relation types (comma-separated or repeated)", false, via_cli_names},
      {"exclude_kinds", T::list, "Never pass through entities of these kinds, e.g. agency,network", false, ""},
      {"avoid", T::names, "Never pass through this entity (id or name; repeatable)", false, ""},
  };
  for (ParameterSpec& p : years_parameters()) specs.push_back(std::move(p));
  return specs;
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
  algo::YearWindow window = year_window(request.time);
  if (window.active()) filter.keep_years(relation_years(), window);
  return filter;
}

const std::vector<algo::YearSpan>& Engine::relation_years() const {
  std::call_once(years_once_, [this] { years_ = algo::relation_years(graph_); });
  return years_;
}

KindSet Engine::kinds(const std::vector<std::string>& words) const {
  return words.empty() ? kAnyKind : algo::parse_kinds(words);
}

}  // namespace hallyu::query
