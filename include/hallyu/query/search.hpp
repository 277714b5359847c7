// search: ranked matches on ids, names and aliases.
#pragma once

#include "hallyu/query/engine.hpp"

namespace hallyu::query {

struct SearchRequest {
  std::string q;
  std::vector<std::string> kinds;
  std::size_t limit = 20;
};
struct SearchResult {
  std::string query;
  std::vector<SearchHit> hits;
};
const OperationSpec& search_spec();
SearchRequest search_request(const Parameters& parameters);
SearchResult search(const Engine& engine, const SearchRequest& request);

}  // namespace hallyu::query
