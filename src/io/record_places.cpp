// Places of records: each JSON source parsed once more (the loader's own parser), sites kept by key.
#include "hallyu/io/record_places.hpp"

#include <algorithm>

#include "hallyu/io/snapshot.hpp"
#include "loader_detail.hpp"

namespace hallyu::io {
namespace {

std::string relation_key(std::string_view from, std::string_view to, RelationType type, Attributes attributes) {
  std::sort(attributes.begin(), attributes.end(),
            [](const Attribute& a, const Attribute& b) { return std::tie(a.key, a.json) < std::tie(b.key, b.json); });
  std::string key = std::string(from) + '\0' + std::string(to) + '\0' + std::string(to_string(type));
  for (const Attribute& a : attributes) key += '\0' + a.key + '\x1f' + a.json;
  return key;
}

}  // namespace

RecordPlaces::RecordPlaces(const std::vector<SourceText>& sources) : sources_(sources) {
  detail::Places places(sources);
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    if (is_snapshot(sources[i].text)) continue;  // binary: no lines to point at
    std::vector<detail::RawEntity> entities;
    std::vector<detail::RawRelation> relations;
    detail::parse_source(i, sources[i], LoadLimits{}, places, entities, relations, {}, 0, sources[i].text.size());
    for (const detail::RawEntity& e : entities) entities_.emplace(e.entity.id, Site{e.at.source, e.at.offset});
    for (const detail::RawRelation& r : relations) {
      relations_.emplace(relation_key(r.from, r.to, r.type, r.attributes), Site{r.at.source, r.at.offset});
    }
  }
}

std::string RecordPlaces::place(Site site) const {
  return detail::Places(sources_)(detail::Site{site.source, site.offset});
}

std::string RecordPlaces::entity(const Graph& graph, VertexId v) const {
  auto it = entities_.find(graph.entity(v).id);
  return it == entities_.end() ? "" : place(it->second);
}

std::string RecordPlaces::relation(const Graph& graph, RelationId r) const {
  const Relation& rel = graph.relation(r);
  auto it = relations_.find(relation_key(graph.entity(rel.from).id, graph.entity(rel.to).id, rel.type, rel.attributes));
  return it == relations_.end() ? "" : place(it->second);
}

}  // namespace hallyu::io
