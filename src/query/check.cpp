// check: load, audit the dates, place each warning at its record.
#include "hallyu/query/check.hpp"

#include "hallyu/error.hpp"
#include "hallyu/io/record_places.hpp"
#include "hallyu/io/snapshot.hpp"

namespace hallyu::query {

const OperationSpec& check_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec{
      "check",
      "Audit the input files for implausible dates, with file:line:col places",
      {{"strict", T::flag, "Warnings are errors (exit status 2)", false, ""},
       {"min_age", T::integer, "Credits before birth_year + this are implausible (default 6)", false, ""},
       {"max_year_gap", T::integer, "An acted_in year this far outside its drama's years is implausible (default 1)",
        false, ""},
       {"max_leads", T::integer, "More leading roles than this in dramas of one year are suspicious (default 3)", false,
        ""}},
      "Warnings: credit-before-age, credit-outside-drama-years, member-before-debut, until-before-since, "
      "status-disagrees-with-until, current-member-of-disbanded, many-leads-in-one-year."};
  return spec;
}

CheckRequest check_request(const Parameters& parameters) {
  CheckRequest request;
  request.strict = parameters.flag("strict");
  if (auto v = parameters.integer("min_age")) {
    check_range("min_age", *v, 0, 100);
    request.thresholds.min_age_at_first_credit = static_cast<int>(*v);
  }
  if (auto v = parameters.integer("max_year_gap")) {
    check_range("max_year_gap", *v, 0, 100);
    request.thresholds.max_drama_year_gap = static_cast<int>(*v);
  }
  if (auto v = parameters.count("max_leads")) {
    check_range("max_leads", *v, 1, 1000);
    request.thresholds.max_leads_per_year = *v;
  }
  return request;
}

CheckResult check(const std::vector<io::SourceText>& sources, const CheckRequest& request) {
  Dataset dataset;
  if (sources.size() == 1 && io::is_snapshot(sources.front().text)) {
    dataset = io::read_snapshot(sources.front().name, sources.front().text);
  } else {
    for (const io::SourceText& s : sources) {
      if (io::is_snapshot(s.text)) throw DataError(s.name + ": a snapshot loads on its own; check it alone");
    }
    dataset = io::load_dataset(sources);
  }
  Graph graph(std::move(dataset));
  io::RecordPlaces places(sources);
  CheckResult result;
  result.sources = graph.sources();
  result.entities = graph.entity_count();
  result.relations = graph.relation_count();
  result.strict = request.strict;
  for (algo::Finding& f : algo::plausibility_findings(graph, algo::relation_years(graph), request.thresholds)) {
    std::string place = f.relation ? places.relation(graph, *f.relation) : places.entity(graph, *f.entity);
    result.warnings.push_back({f.check, std::move(place), std::move(f.message)});
  }
  return result;
}

void check_verdict(const CheckResult& result) {
  if (!result.strict || result.warnings.empty()) return;
  throw DataError(std::to_string(result.warnings.size()) + (result.warnings.size() == 1 ? " warning" : " warnings") +
                  " (strict: warnings are errors)");
}

}  // namespace hallyu::query
