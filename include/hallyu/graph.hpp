// The property graph: entities and relations in contiguous vectors indexed by 32-bit ids, with a
// Boost.Graph compressed sparse row adjacency that holds every relation as two arcs (one each way),
// so traversals see the undirected graph while each arc still names its relation (and so its
// direction and attributes).
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <optional>
#include <string_view>

#include "hallyu/id_table.hpp"
#include "hallyu/model.hpp"

namespace hallyu {

class Graph {
 public:
  struct ArcProperty {
    RelationId relation;
  };
  // Read-mostly and built once: CSR keeps an arc in 8 bytes (target + relation id), contiguous per
  // vertex, which is what BFS-heavy algorithms (paths, betweenness) want.
  using Adjacency = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, ArcProperty,
                                                       boost::no_property, VertexId, std::uint32_t>;

  struct Arc {
    VertexId neighbor;
    RelationId relation;
  };
  class ArcRange;

  explicit Graph(Dataset dataset);
  // Graphs are big: moved, never copied by accident.
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;

  std::size_t entity_count() const { return entities_.size(); }
  std::size_t relation_count() const { return relations_.size(); }
  const Entity& entity(VertexId v) const { return entities_[v]; }
  const Relation& relation(RelationId r) const { return relations_[r]; }
  const std::vector<Entity>& entities() const { return entities_; }
  const std::vector<Relation>& relations() const { return relations_; }
  Kind kind(VertexId v) const { return kinds_[v]; }
  const std::vector<std::string>& sources() const { return sources_; }

  // Exact id lookup (ids decide identity; names go through NameIndex).
  std::optional<VertexId> find_id(std::string_view id) const;

  // Arcs out of v in the undirected view, sorted by (neighbor, relation) so traversals are deterministic.
  ArcRange arcs(VertexId v) const;
  std::size_t degree(VertexId v) const;  // number of relations touching v
  const Adjacency& adjacency() const { return adjacency_; }

 private:
  std::vector<Entity> entities_;
  std::vector<Relation> relations_;
  std::vector<Kind> kinds_;  // hot copy of entities_[v].kind for filters
  std::vector<std::string> sources_;
  IdTable ids_;
  Adjacency adjacency_;
};

class Graph::ArcRange {
 public:
  using EdgeIterator = boost::graph_traits<Adjacency>::out_edge_iterator;
  class iterator {
   public:
    iterator(EdgeIterator it, const Adjacency* g) : it_(it), g_(g) {}
    Arc operator*() const { return {boost::target(*it_, *g_), (*g_)[*it_].relation}; }
    iterator& operator++() {
      ++it_;
      return *this;
    }
    bool operator==(const iterator& other) const { return it_ == other.it_; }
    bool operator!=(const iterator& other) const { return it_ != other.it_; }

   private:
    EdgeIterator it_;
    const Adjacency* g_;
  };
  ArcRange(std::pair<EdgeIterator, EdgeIterator> range, const Adjacency* g) : range_(range), g_(g) {}
  iterator begin() const { return {range_.first, g_}; }
  iterator end() const { return {range_.second, g_}; }

 private:
  std::pair<EdgeIterator, EdgeIterator> range_;
  const Adjacency* g_;
};

inline Graph::ArcRange Graph::arcs(VertexId v) const { return {boost::out_edges(v, adjacency_), &adjacency_}; }
inline std::size_t Graph::degree(VertexId v) const { return boost::out_degree(v, adjacency_); }

}  // namespace hallyu
