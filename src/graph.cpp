// Building the CSR property graph from a dataset.
#include "hallyu/graph.hpp"

#include <algorithm>

#include "hallyu/error.hpp"

namespace hallyu {
Graph::Graph(Dataset dataset)
    : entities_(std::move(dataset.entities)),
      relations_(std::move(dataset.relations)),
      sources_(std::move(dataset.sources)) {
  kinds_.reserve(entities_.size());
  for (const Entity& e : entities_) kinds_.push_back(e.kind);
  if (dataset.ids && dataset.ids->size() == entities_.size()) {
    ids_ = std::move(*dataset.ids);  // built by the loader, which refused repeated ids
  } else {
    ids_.reserve(entities_.size());
    for (VertexId v = 0; v < entities_.size(); ++v) {
      if (v + 16 < entities_.size()) ids_.prefetch_slot(entities_[v + 16].id);
      // Datasets built in code may repeat an id; ids must stay unique.
      if (ids_.find(entities_[v].id, entities_)) throw DataError("duplicate id '" + entities_[v].id + "' in the dataset");
      ids_.insert(v, entities_);
    }
  }
  // Arcs grouped by source with a counting pass, then each (short) row sorted by (neighbor, relation):
  // cheaper than sorting all 2m arcs globally, and the same order.
  const std::size_t n = entities_.size();
  std::vector<std::uint32_t> row_start(n + 1, 0);
  for (const Relation& r : relations_) ++row_start[r.from + 1], ++row_start[r.to + 1];
  for (std::size_t v = 0; v < n; ++v) row_start[v + 1] += row_start[v];
  std::vector<std::pair<VertexId, RelationId>> row_items(row_start[n]);
  std::vector<std::uint32_t> fill(row_start.begin(), row_start.end() - 1);
  for (RelationId r = 0; r < relations_.size(); ++r) {
    row_items[fill[relations_[r].from]++] = {relations_[r].to, r};
    row_items[fill[relations_[r].to]++] = {relations_[r].from, r};
  }
  // The sorted rows go straight into Boost's CSR arrays (public members, as SimpleGraph reads them):
  // building it from an edge list copied 2m arcs twice more.
  adjacency_ = Adjacency(static_cast<VertexId>(n));
  auto& forward = adjacency_.m_forward;
  forward.m_rowstart = std::move(row_start);
  forward.m_column.resize(row_items.size());
  forward.m_edge_properties.resize(row_items.size());
  for (VertexId v = 0; v < n; ++v) {
    auto first = row_items.begin() + forward.m_rowstart[v], last = row_items.begin() + forward.m_rowstart[v + 1];
    std::sort(first, last);
    for (auto it = first; it != last; ++it) {
      auto arc = static_cast<std::size_t>(it - row_items.begin());
      forward.m_column[arc] = it->first;
      forward.m_edge_properties[arc] = {it->second};
    }
  }
}

std::optional<VertexId> Graph::find_id(std::string_view id) const { return ids_.find(id, entities_); }

}  // namespace hallyu
