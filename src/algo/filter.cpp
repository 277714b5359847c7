#include "hallyu/algo/filter.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::algo {
namespace {

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return parts;
}

template <typename Value, std::size_t N, typename Parse>
std::uint8_t parse_set(std::string_view text, const std::array<Value, N>& all, Parse parse, const char* what) {
  std::uint8_t set = 0;
  std::vector<std::string_view> parts = split_commas(text);
  if (parts.empty()) throw UsageError(std::string("expected a comma-separated list of ") + what + "s");
  for (std::string_view part : parts) {
    std::string word(part);
    std::replace(word.begin(), word.end(), '-', '_');  // accept "acted-in" as well as "acted_in"
    if (auto value = parse(word)) {
      set |= bit(*value);
      continue;
    }
    std::string options, suggestion;
    std::size_t best = 4;
    for (Value v : all) {
      std::string_view name = to_string(v);
      options += (options.empty() ? "" : ", ") + std::string(name);
      std::size_t d = text::edit_distance(word, name, 3);
      if (d < best) best = d, suggestion = std::string(name);
    }
    throw UsageError(std::string("unknown ") + what + " " + text::quote(part) +
                     (suggestion.empty() ? "" : " (did you mean " + text::quote(suggestion) + "?)") + "; " + what +
                     "s are " + options);
  }
  return set;
}

}  // namespace

bool TraversalFilter::allows_vertex(const Graph& graph, VertexId v) const {
  if (excluded_kinds & bit(graph.kind(v))) return false;
  return avoided.empty() || !std::binary_search(avoided.begin(), avoided.end(), v);
}

void TraversalFilter::avoid(VertexId v) {
  auto at = std::lower_bound(avoided.begin(), avoided.end(), v);
  if (at == avoided.end() || *at != v) avoided.insert(at, v);
}

RelationTypeSet parse_relation_types(std::string_view comma_separated) {
  return parse_set(comma_separated, kAllRelationTypes, parse_relation_type, "relation type");
}

KindSet parse_kinds(std::string_view comma_separated) {
  return parse_set(comma_separated, kAllKinds, parse_kind, "kind");
}

}  // namespace hallyu::algo
