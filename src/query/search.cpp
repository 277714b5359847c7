// search: ranked name matches, optionally of some kinds only.
#include "hallyu/query/search.hpp"

#include "hallyu/error.hpp"

namespace hallyu::query {

const OperationSpec& search_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec{
      "search",
      "Find entities by id, name or alias: case-insensitive, Hangul and initial consonants (ㅇㅇㅇ), typos",
      {{"q", T::text, "What to look for", true, ""},
       {"kind", T::list, "Only these kinds (comma-separated or repeated)", false, ""},
       {"limit", T::integer, "At most this many results (1-10000)", false, ""}},
      ""};
  return spec;
}

SearchRequest search_request(const Parameters& parameters) {
  SearchRequest request;
  request.q = parameters.required("q");
  request.kinds = parameters.list("kind");
  if (auto v = parameters.count("limit")) request.limit = *v;
  return request;
}

SearchResult search(const Engine& engine, const SearchRequest& request) {
  check_range("limit", request.limit, 1, 10000);
  if (request.q.size() > 1000) throw UsageError("q is too long (at most 1000 bytes)");
  return {request.q, engine.names().search(request.q, request.limit, engine.kinds(request.kinds))};
}

}  // namespace hallyu::query
