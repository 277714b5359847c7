// The JSON loader's merge phase: records of several sources merged by id, relations resolved and de-duplicated.
#include <algorithm>
#include <optional>
#include <tuple>

#include "hallyu/error.hpp"
#include "hallyu/id_table.hpp"
#include "hallyu/text.hpp"
#include "loader_detail.hpp"

namespace hallyu::io::detail {
namespace {

bool same_attributes(const Attributes& a, const Attributes& b) {
  if (a.size() != b.size()) return false;
  for (const Attribute& x : a) {
    auto it = std::find_if(b.begin(), b.end(), [&](const Attribute& y) { return y.key == x.key; });
    if (it == b.end() || it->json != x.json) return false;
  }
  return true;
}

// Relations are a multiset (two roles in one drama are two relations) but an exact repeat is an error
// within a file and merged away across files, like entities.
struct RelationKey {
  VertexId a, b;
  RelationType type;
  std::size_t attributes_hash;
  bool operator==(const RelationKey&) const = default;
};

std::size_t hash_attributes(const Attributes& attributes) {
  std::size_t h = 0;
  for (const Attribute& a : attributes) {  // order-independent: records may list keys in any order
    h += std::hash<std::string>()(a.key) * 31 + std::hash<std::string>()(a.json);
  }
  return h;
}
}  // namespace

Dataset merge(const std::vector<SourceText>& sources, std::vector<RawEntity>& raw_entities,
              std::vector<RawRelation>& raw_relations, const Places& places, const LoadLimits& limits) {
  Dataset dataset;
  for (const SourceText& s : sources) dataset.sources.push_back(s.name);
  IdTable ids;
  std::vector<std::size_t> first_raw;  // raw entity that defined each vertex
  ids.reserve(raw_entities.size());
  dataset.entities.reserve(raw_entities.size());
  for (std::size_t i = 0; i < raw_entities.size(); ++i) {
    RawEntity& raw = raw_entities[i];
    std::optional<VertexId> existing = ids.find(raw.entity.id, dataset.entities);
    if (!existing) {
      dataset.entities.push_back(std::move(raw.entity));
      ids.insert(static_cast<VertexId>(dataset.entities.size() - 1), dataset.entities);
      first_raw.push_back(i);
      continue;
    }
    const RawEntity& first = raw_entities[first_raw[*existing]];
    Entity& merged = dataset.entities[*existing];
    std::string label = "entities[" + std::to_string(raw.index) + "]";
    if (first.at.source == raw.at.source) {
      throw DataError(places(raw.id_at) + ": " + label + ": duplicate id " + text::quote(raw.entity.id) +
                      " (first defined at " + places(first.id_at) + ")");
    }
    if (merged.kind != raw.entity.kind) {
      throw DataError(places(raw.kind_at) + ": " + label + ": " + text::quote(raw.entity.id) + " is " +
                      with_article(to_string(raw.entity.kind)) + " here but " + with_article(to_string(merged.kind)) +
                      " at " + places(first.kind_at) + "; entities merged by id must agree on kind");
    }
    if (merged.name != raw.entity.name) {
      throw DataError(places(raw.name_at) + ": " + label + ": " + text::quote(raw.entity.id) + " is named " +
                      text::quote(raw.entity.name) + " here but " + text::quote(merged.name) + " at " +
                      places(first.name_at) + "; put other names in aliases");
    }
    for (std::string& alias : raw.entity.aliases) {
      if (std::find(merged.aliases.begin(), merged.aliases.end(), alias) == merged.aliases.end()) {
        if (merged.aliases.size() == limits.max_aliases) {
          throw DataError(places(raw.at) + ": " + label + ": " + text::quote(raw.entity.id) + " has more than " +
                          std::to_string(limits.max_aliases) + " aliases once merged with " + places(first.at));
        }
        merged.aliases.push_back(std::move(alias));
      }
    }
    for (Attribute& attribute : raw.entity.attributes) {
      auto same_key = std::find_if(merged.attributes.begin(), merged.attributes.end(),
                                   [&](const Attribute& a) { return a.key == attribute.key; });
      if (same_key == merged.attributes.end()) {
        merged.attributes.push_back(std::move(attribute));
      } else if (same_key->json != attribute.json) {
        throw DataError(places(raw.at) + ": " + label + ": attribute " + text::quote(attribute.key) + " of " +
                        text::quote(raw.entity.id) + " is " + text::quote(attribute.json) + " here but " +
                        text::quote(same_key->json) + " at " + places(first.at));
      }
    }
  }

  std::vector<std::string_view> all_ids;
  auto suggest_id = [&](const std::string& missing) {
    if (all_ids.empty()) {
      for (const Entity& e : dataset.entities) all_ids.push_back(e.id);
    }
    return did_you_mean(nearest(missing, all_ids, 3));
  };
  // Resolve and check every relation in file order, then find exact repeats by sorting keys (a hash
  // map of 1M keys allocated a node each).
  struct Keyed {
    RelationKey key;
    std::uint32_t raw;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(raw_relations.size());
  std::vector<std::pair<VertexId, VertexId>> ends(raw_relations.size());
  for (std::size_t i = 0; i < raw_relations.size(); ++i) {
    RawRelation& raw = raw_relations[i];
    auto label = [&] { return "relations[" + std::to_string(raw.index) + "] (" + std::string(to_string(raw.type)) + ")"; };
    auto resolve = [&](const std::string& id, Site at) {
      auto v = ids.find(id, dataset.entities);
      if (!v) throw DataError(places(at) + ": " + label() + ": unknown entity " + text::quote(id) + suggest_id(id));
      return *v;
    };
    VertexId from = resolve(raw.from, raw.from_at);
    VertexId to = resolve(raw.to, raw.to_at);
    Endpoints allowed = allowed_endpoints(raw.type);
    auto check_end = [&](VertexId v, KindSet kinds, Site at, const char* end_name) {
      Kind kind = dataset.entities[v].kind;
      if (!(kinds & bit(kind))) {
        throw DataError(places(at) + ": " + label() + ": " + text::quote(dataset.entities[v].id) + " is " +
                        with_article(to_string(kind)) + ", but the '" + end_name + "' of " +
                        std::string(to_string(raw.type)) + " must be " + with_article(describe_kinds(kinds)));
      }
    };
    check_end(from, allowed.from, raw.from_at, "from");
    check_end(to, allowed.to, raw.to_at, "to");
    ends[i] = {from, to};
    RelationKey key{from, to, raw.type, hash_attributes(raw.attributes)};
    if (is_symmetric(raw.type) && key.a > key.b) std::swap(key.a, key.b);
    keyed.push_back({key, static_cast<std::uint32_t>(i)});
  }
  auto order = [](const Keyed& x, const Keyed& y) {
    return std::tie(x.key.a, x.key.b, x.key.type, x.key.attributes_hash, x.raw) <
           std::tie(y.key.a, y.key.b, y.key.type, y.key.attributes_hash, y.raw);
  };
  std::sort(keyed.begin(), keyed.end(), order);
  std::vector<bool> dropped(raw_relations.size(), false);
  std::optional<std::pair<std::size_t, std::size_t>> repeat_in_file;  // (repeat, first), lowest repeat first
  for (std::size_t begin = 0; begin < keyed.size();) {
    std::size_t end = begin + 1;
    while (end < keyed.size() && keyed[end].key == keyed[begin].key) ++end;
    for (std::size_t j = begin + 1; j < end; ++j) {  // ascending raw index within a group
      const RawRelation& later = raw_relations[keyed[j].raw];
      for (std::size_t k = begin; k < j; ++k) {
        if (dropped[keyed[k].raw] || !same_attributes(raw_relations[keyed[k].raw].attributes, later.attributes)) continue;
        dropped[keyed[j].raw] = true;  // the same fact stated again: keep the first
        if (raw_relations[keyed[k].raw].at.source == later.at.source && (!repeat_in_file || keyed[j].raw < repeat_in_file->first)) {
          repeat_in_file = std::make_pair(keyed[j].raw, keyed[k].raw);
        }
        break;
      }
    }
    begin = end;
  }
  if (repeat_in_file) {
    const RawRelation& later = raw_relations[repeat_in_file->first];
    const RawRelation& first = raw_relations[repeat_in_file->second];
    throw DataError(places(later.at) + ": relations[" + std::to_string(later.index) + "] (" + std::string(to_string(later.type)) +
                    "): duplicate relation (same as relations[" + std::to_string(first.index) + "] at " + places(first.at) + ")");
  }
  dataset.relations.reserve(raw_relations.size());
  for (std::size_t i = 0; i < raw_relations.size(); ++i) {
    if (!dropped[i]) dataset.relations.push_back({ends[i].first, ends[i].second, raw_relations[i].type, std::move(raw_relations[i].attributes)});
  }
  return dataset;
}

}  // namespace hallyu::io::detail
