// The subject of a diagram or an explorer view (ego, from + to, cluster, expand, all, career or
// crossovers, with radius, k, context, method, seed, crossovers_with, top, max_nodes and highlight): render and view requests share these fields, and
// both read them from parameters here, once.
#pragma once

#include <algorithm>
#include <cstdint>

#include "hallyu/query/parameters.hpp"

namespace hallyu::query::detail {

template <typename Request>
void read_subject(const Parameters& parameters, Request& request) {
  if (auto v = parameters.text("ego")) request.ego = *v;
  if (auto v = parameters.count("radius"))
    request.radius = static_cast<unsigned>(std::min<std::uint64_t>(*v, UINT32_MAX));
  if (auto v = parameters.text("from")) request.from = *v;
  if (auto v = parameters.text("to")) request.to = *v;
  if (auto v = parameters.count("k")) request.k = *v;
  if (auto v = parameters.count("context")) request.context = *v;
  if (auto v = parameters.integer("cluster")) request.cluster = *v;
  if (auto v = parameters.text("method")) request.method = *v;
  if (auto v = parameters.count("seed")) request.seed = *v;
  request.expand = parameters.list("expand");
  request.all = parameters.flag("all");
  if (auto v = parameters.text("career")) request.career = *v;
  request.crossovers = parameters.flag("crossovers");
  if (auto v = parameters.text("crossovers_with")) request.crossovers_with = *v;
  if (auto v = parameters.count("top")) request.top = *v;
  if (auto v = parameters.count("max_nodes")) request.max_nodes = *v;
  request.highlight = parameters.all("highlight");
}

}  // namespace hallyu::query::detail
