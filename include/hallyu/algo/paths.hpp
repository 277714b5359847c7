// Crossover paths: how is A connected to B? Shortest paths by bidirectional BFS over the undirected
// graph, the k shortest simple paths (Yen), every shortest path, and distances from one entity.
// Paths are node sequences of the simple graph: two relations between the same pair (two roles in one
// drama) do not make two paths; each hop names one relation, the lowest-numbered one the filter allows.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"

namespace hallyu::algo {

struct Path {
  std::vector<VertexId> vertices;    // from ... to
  std::vector<RelationId> relations; // relations[i] joins vertices[i] and vertices[i + 1]
  std::size_t length() const { return relations.size(); }
};

struct AllShortestPaths {
  std::vector<Path> paths;    // in canonical order, at most `limit`
  std::uint64_t total = 0;    // how many shortest paths exist (saturates at UINT64_MAX)
};

struct DistanceTable {
  std::vector<std::uint32_t> distance;  // kUnreachable where no path
  static constexpr std::uint32_t kUnreachable = UINT32_MAX;
};

// Reusable search state: queries on one graph share O(N) buffers stamped with a query number, so a
// query costs what it visits, not what the graph holds. Not thread-safe; use one per thread.
class PathFinder {
 public:
  explicit PathFinder(const Graph& graph);

  // The endpoints are always allowed, even if the filter excludes their kind; avoided endpoints are
  // the caller's error. Among equally short paths the result is deterministic.
  std::optional<Path> shortest_path(VertexId from, VertexId to, const TraversalFilter& filter = {});

  // Up to k simple paths in order of length; ties ordered by the sequence of entity ids. With k = 1 this
  // is shortest_path's answer, so callers need no special case.
  std::vector<Path> k_shortest_paths(VertexId from, VertexId to, std::size_t k, const TraversalFilter& filter = {});

  // Every shortest path (as node sequences), the first `limit` in canonical order, and their count.
  AllShortestPaths all_shortest_paths(VertexId from, VertexId to, std::size_t limit, const TraversalFilter& filter = {});

  // BFS distances from `from` to every entity under the filter.
  DistanceTable distances_from(VertexId from, const TraversalFilter& filter = {});

  // The relation a hop u-v uses: the lowest-numbered one between them that the filter allows.
  std::optional<RelationId> hop_relation(VertexId u, VertexId v, const TraversalFilter& filter) const;

 private:
  // Everything a search reads about one vertex, for both directions, in one half cache line: a BFS
  // step costs one miss per neighbour instead of one per array (at 1M relations the visited state no
  // longer fits in cache, and the misses were the search's time).
  struct alignas(32) Visit {
    std::uint32_t stamp[2] = {0, 0};  // == visit_epoch_ when seen by the forward (0) / backward (1) side
    VertexId parent[2] = {0, 0};
    std::uint32_t depth[2] = {0, 0};
    std::uint32_t blocked = 0;  // == epoch_ when blocked in this query
  };
  struct Side {
    int index;  // into Visit's arrays
    std::vector<VertexId> frontier, next;
  };
  // Bidirectional BFS that may not enter `blocked` vertices (Visit::blocked == epoch_) nor take the hops from
  // `from` to any vertex in `blocked_first_hops`.
  std::optional<std::vector<VertexId>> search(VertexId from, VertexId to, const TraversalFilter& filter,
                                              const std::vector<VertexId>& blocked_first_hops);
  bool may_enter(VertexId v, VertexId target, const TraversalFilter& filter) const;
  bool may_step(Graph::Arc arc, VertexId target, const TraversalFilter& filter) const;
  void new_epoch();
  Path to_path(const std::vector<VertexId>& vertices, const TraversalFilter& filter) const;

  const Graph& graph_;
  std::uint32_t epoch_ = 0;        // stamps blocked_ for one query
  std::uint32_t visit_epoch_ = 0;  // stamps Side::stamp for one search
  std::vector<Visit> visits_;
  Side forward_{0, {}, {}}, backward_{1, {}, {}};
};

// A path's relation types in travel order, with direction: "acted_in -> <- acted_in" style words are
// built by the callers from this.
bool travels_forward(const Graph& graph, const Path& path, std::size_t hop);

}  // namespace hallyu::algo
