// The simple undirected graph that centrality and clustering work on: parallel relations collapsed,
// no self-loops, only the entities and relations a filter allows (an induced subgraph), renumbered
// 0..n-1. Also the "people" projection researchers ask for: idols and actors linked when their work
// meets (same drama, same OST, or one sings an OST of the other's drama).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <span>
#include <utility>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

class SimpleGraph {
 public:
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                 boost::no_property, std::uint32_t, std::uint32_t>;

  // `original[i]` is the Graph vertex of local vertex i; `edges` are local pairs in any order, with
  // repeats and either direction allowed (they are made symmetric and unique here).
  SimpleGraph(std::vector<VertexId> original, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges);

  std::uint32_t size() const { return static_cast<std::uint32_t>(original_.size()); }
  std::size_t edge_count() const { return csr_.m_forward.m_column.size() / 2; }
  VertexId original(std::uint32_t local) const { return original_[local]; }
  const std::vector<VertexId>& originals() const { return original_; }
  // Sorted, unique neighbours. Reads Boost's CSR arrays directly (public members) because the
  // centrality kernels iterate them billions of times.
  std::span<const std::uint32_t> neighbors(std::uint32_t u) const {
    const auto& rows = csr_.m_forward.m_rowstart;
    return {csr_.m_forward.m_column.data() + rows[u], rows[u + 1] - rows[u]};
  }
  std::uint32_t degree(std::uint32_t u) const {
    const auto& rows = csr_.m_forward.m_rowstart;
    return rows[u + 1] - rows[u];
  }
  const Csr& csr() const { return csr_; }

 private:
  std::vector<VertexId> original_;
  Csr csr_;
};

// Entities the filter allows, joined by the relations it allows.
SimpleGraph simple_graph(const Graph& graph, const TraversalFilter& filter = {});

enum class Projection { people, costars };
// Idols and actors the filter allows; joined when they acted in the same drama (costars), and for
// `people` also when they performed the same OST or one performed an OST of a drama the other acted in.
SimpleGraph project(const Graph& graph, Projection projection, const TraversalFilter& filter = {});
Projection parse_projection(std::string_view name);  // throws UsageError

}  // namespace hallyu::algo
