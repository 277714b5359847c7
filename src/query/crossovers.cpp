// crossovers: validate the patterns, find them all, select.
#include "hallyu/query/crossovers.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {

const OperationSpec& crossovers_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec{
      "crossovers",
      "Cross-promotion patterns between music and drama, explained",
      {{"pattern", T::list,
        "Only these: idol-actors, self-osts, group-synergy, co-starring, agency-pipelines, agency-networks, "
        "ost-specialists",
        false, ""},
       {"top", T::integer, "Rows per pattern (0: all)", false, ""},
       {"min_agency_artists", T::integer, "Agency pipelines: artists of the agency in one drama", false, ""},
       {"min_specialist_dramas", T::integer, "OST specialists: dramas sung for", false, ""}},
      ""};
  return spec;
}

CrossoversRequest crossovers_request(const Parameters& parameters) {
  CrossoversRequest request;
  request.patterns = parameters.list("pattern");
  if (auto v = parameters.count("top")) request.top = *v;
  if (auto v = parameters.count("min_agency_artists")) request.thresholds.min_agency_artists = *v;
  if (auto v = parameters.count("min_specialist_dramas")) request.thresholds.min_specialist_dramas = *v;
  return request;
}

CrossoversResult crossovers(const Engine& engine, const CrossoversRequest& request) {
  CrossoversResult result;
  for (const std::string& p : request.patterns) {
    if (std::find(kCrossoverPatterns.begin(), kCrossoverPatterns.end(), p) == kCrossoverPatterns.end()) {
      std::vector<std::string_view> names(kCrossoverPatterns.begin(), kCrossoverPatterns.end());
      std::string all;
      for (const std::string& name : kCrossoverPatterns) all += (all.empty() ? "" : ", ") + name;
      throw UsageError("unknown pattern " + text::quote(p) + text::did_you_mean(text::nearest(p, names)) +
                       "; patterns are " + all);
    }
    result.wanted.insert(p);
  }
  result.top = request.top;
  result.found = algo::find_crossovers(engine.graph(), request.thresholds);
  return result;
}

}  // namespace hallyu::query
