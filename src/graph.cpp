#include "hallyu/graph.hpp"

#include <algorithm>
#include <tuple>

namespace hallyu {
namespace {

struct ArcRecord {
  VertexId source;
  VertexId target;
  RelationId relation;
};

}  // namespace

Graph::Graph(Dataset dataset)
    : entities_(std::move(dataset.entities)),
      relations_(std::move(dataset.relations)),
      sources_(std::move(dataset.sources)) {
  kinds_.reserve(entities_.size());
  id_index_.reserve(entities_.size());
  for (VertexId v = 0; v < entities_.size(); ++v) {
    kinds_.push_back(entities_[v].kind);
    id_index_.emplace(entities_[v].id, v);
  }
  std::vector<ArcRecord> arcs;
  arcs.reserve(relations_.size() * 2);
  for (RelationId r = 0; r < relations_.size(); ++r) {
    arcs.push_back({relations_[r].from, relations_[r].to, r});
    arcs.push_back({relations_[r].to, relations_[r].from, r});
  }
  std::sort(arcs.begin(), arcs.end(), [](const ArcRecord& a, const ArcRecord& b) {
    return std::tie(a.source, a.target, a.relation) < std::tie(b.source, b.target, b.relation);
  });
  std::vector<std::pair<VertexId, VertexId>> ends;
  std::vector<ArcProperty> properties;
  ends.reserve(arcs.size());
  properties.reserve(arcs.size());
  for (const ArcRecord& arc : arcs) {
    ends.emplace_back(arc.source, arc.target);
    properties.push_back({arc.relation});
  }
  adjacency_ = Adjacency(boost::edges_are_sorted, ends.begin(), ends.end(), properties.begin(),
                         static_cast<VertexId>(entities_.size()));
}

std::optional<VertexId> Graph::find_id(std::string_view id) const {
  auto it = id_index_.find(id);
  if (it == id_index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace hallyu
