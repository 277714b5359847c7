// Traversal filters and the parsing of kind and relation-type lists.
#include "hallyu/algo/filter.hpp"

#include <algorithm>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::algo {
namespace {

template <typename Value, std::size_t N, typename Parse>
std::uint8_t parse_set(const std::vector<std::string>& parts, const std::array<Value, N>& all, Parse parse, const char* what) {
  std::uint8_t set = 0;
  if (parts.empty()) throw UsageError(std::string("expected a comma-separated list of ") + what + "s");
  for (const std::string& part : parts) {
    std::string word(part);
    std::replace(word.begin(), word.end(), '-', '_');  // accept "acted-in" as well as "acted_in"
    if (auto value = parse(word)) {
      set |= bit(*value);
      continue;
    }
    std::string options;
    std::vector<std::string_view> names;
    for (Value v : all) {
      names.push_back(to_string(v));
      options += (options.empty() ? "" : ", ") + std::string(to_string(v));
    }
    throw UsageError(std::string("unknown ") + what + " " + text::quote(part) + text::did_you_mean(text::nearest(word, names)) +
                     "; " + what + "s are " + options);
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

RelationTypeSet parse_relation_types(const std::vector<std::string>& words) {
  return parse_set(words, kAllRelationTypes, parse_relation_type, "relation type");
}

KindSet parse_kinds(const std::vector<std::string>& words) {
  return parse_set(words, kAllKinds, parse_kind, "kind");
}

}  // namespace hallyu::algo
