// The JSON loader's merge phase: records of several sources merged by id, relations resolved, and the
// same fact stated by several records (same ends, type and identity attributes) kept once with every source.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <optional>
#include <tuple>

#include "hallyu/error.hpp"
#include "hallyu/id_table.hpp"
#include "hallyu/text.hpp"
#include "loader_detail.hpp"

namespace hallyu::io::detail {
namespace {

const std::string* value_of(const Attributes& attributes, std::string_view key) {
  for (const Attribute& a : attributes) {
    if (a.key == key) return &a.json;
  }
  return nullptr;
}

bool same_attributes(const Attributes& a, const Attributes& b) {
  if (a.size() != b.size()) return false;
  for (const Attribute& x : a) {
    const std::string* y = value_of(b, x.key);
    if (y == nullptr || *y != x.json) return false;
  }
  return true;
}

// A relation's identity is its ends, its type and the type's identity attributes (identity_keys()):
// the same fact stated in several records is one relation, whatever else the records say.
struct RelationKey {
  VertexId a, b;
  RelationType type;
  std::size_t identity_hash;
  bool operator==(const RelationKey&) const = default;
};

std::size_t hash_identity(RelationType type, const Attributes& attributes) {
  std::size_t h = 0;
  for (std::string_view key : identity_keys(type)) {
    const std::string* value = value_of(attributes, key);
    h = h * 1000003u ^ (value ? std::hash<std::string>()(*value) : 0x9e3779b9u);
  }
  return h;
}

bool same_identity(RelationType type, const Attributes& a, const Attributes& b) {
  for (std::string_view key : identity_keys(type)) {
    const std::string* x = value_of(a, key);
    const std::string* y = value_of(b, key);
    if ((x == nullptr) != (y == nullptr) || (x && *x != *y)) return false;
  }
  return true;
}

// "source" as a list of strings: a string is a list of one; an array of strings is itself; any other
// value is no list (and then merges like any other attribute).
std::optional<std::vector<std::string>> source_list(const std::string& json) {
  rapidjson::Document value;
  value.Parse(json.c_str(), json.size());
  if (value.HasParseError()) return std::nullopt;
  std::vector<std::string> out;
  if (value.IsString()) {
    out.emplace_back(value.GetString(), value.GetStringLength());
    return out;
  }
  if (!value.IsArray()) return std::nullopt;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString()) return std::nullopt;
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

// Compact JSON as the parser stores it, so that the record checks accept it (snapshots re-check it).
std::string source_json(const std::vector<std::string>& sources) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const std::string& s : sources) writer.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  writer.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

// Folds `later`'s attributes into `kept` (the same fact): sources are united, new keys added. Returns
// the key whose values disagree, if any (`kept` is then left as it was).
std::optional<std::string> fold_into(Attributes& kept, const Attributes& later) {
  for (const Attribute& attribute : later) {
    const std::string* mine = value_of(kept, attribute.key);
    if (mine == nullptr || *mine == attribute.json) continue;
    if (attribute.key == "source" && source_list(*mine) && source_list(attribute.json)) continue;
    return attribute.key;
  }
  for (const Attribute& attribute : later) {
    auto same_key = std::find_if(kept.begin(), kept.end(), [&](const Attribute& a) { return a.key == attribute.key; });
    if (same_key == kept.end()) {
      kept.push_back(attribute);
    } else if (same_key->json != attribute.json) {  // two source lists
      std::vector<std::string> sources = *source_list(same_key->json);
      std::vector<std::string> more = *source_list(attribute.json);
      for (std::string& s : more) {
        if (std::find(sources.begin(), sources.end(), s) == sources.end()) sources.push_back(std::move(s));
      }
      same_key->json = sources.size() == 1 ? text::json_string(sources[0]) : source_json(sources);
    }
  }
  return std::nullopt;
}

std::string identity_words(RelationType type) {
  std::string out;
  for (std::string_view key : identity_keys(type)) out += (out.empty() ? "" : ", ") + std::string(key);
  return out.empty() ? "no distinguishing attribute" : out;
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
    // A random slot per id misses the cache: fetch the one 16 entities ahead while this one is placed.
    if (i + 16 < raw_entities.size()) ids.prefetch_slot(raw_entities[i + 16].entity.id);
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

  // Relations resolve against the merged entities only: the raw ones (about 240 bytes each plus their
  // strings) go before the relation phase, which is the peak of the load.
  std::vector<RawEntity>().swap(raw_entities);
  std::vector<std::size_t>().swap(first_raw);

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
  constexpr std::size_t kSlotsAhead = 16, kEntitiesAhead = 8;
  for (std::size_t i = 0; i < raw_relations.size(); ++i) {
    if (i + kSlotsAhead < raw_relations.size()) {
      ids.prefetch_slot(raw_relations[i + kSlotsAhead].from);
      ids.prefetch_slot(raw_relations[i + kSlotsAhead].to);
    }
    if (i + kEntitiesAhead < raw_relations.size()) {
      ids.prefetch_entity(raw_relations[i + kEntitiesAhead].from, dataset.entities);
      ids.prefetch_entity(raw_relations[i + kEntitiesAhead].to, dataset.entities);
    }
    RawRelation& raw = raw_relations[i];
    auto label = [&] {
      return "relations[" + std::to_string(raw.index) + "] (" + std::string(to_string(raw.type)) + ")";
    };
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
    RelationKey key{from, to, raw.type, hash_identity(raw.type, raw.attributes)};
    if (is_symmetric(raw.type) && key.a > key.b) std::swap(key.a, key.b);
    keyed.push_back({key, static_cast<std::uint32_t>(i)});
  }
  auto order = [](const Keyed& x, const Keyed& y) {
    return std::tie(x.key.a, x.key.b, x.key.type, x.key.identity_hash, x.raw) <
           std::tie(y.key.a, y.key.b, y.key.type, y.key.identity_hash, y.raw);
  };
  std::sort(keyed.begin(), keyed.end(), order);
  std::vector<bool> dropped(raw_relations.size(), false);
  // The problem with the lowest record index is reported, whatever order the groups come in.
  std::optional<std::pair<std::size_t, std::string>> problem;
  auto report = [&](std::size_t raw, std::string message) {
    if (!problem || raw < problem->first) problem = std::make_pair(raw, std::move(message));
  };
  auto label = [&](const RawRelation& r) {
    return "relations[" + std::to_string(r.index) + "] (" + std::string(to_string(r.type)) + ")";
  };
  for (std::size_t begin = 0; begin < keyed.size();) {
    std::size_t end = begin + 1;
    while (end < keyed.size() && keyed[end].key == keyed[begin].key) ++end;
    for (std::size_t j = begin + 1; j < end; ++j) {  // ascending raw index within a group
      const RawRelation& later = raw_relations[keyed[j].raw];
      for (std::size_t k = begin; k < j; ++k) {
        RawRelation& kept = raw_relations[keyed[k].raw];
        if (dropped[keyed[k].raw] || !same_identity(later.type, kept.attributes, later.attributes)) continue;
        dropped[keyed[j].raw] = true;  // the same fact stated again: one relation, every source kept
        if (kept.at.source == later.at.source && same_attributes(kept.attributes, later.attributes)) {
          report(keyed[j].raw, places(later.at) + ": " + label(later) + ": duplicate relation (same as relations[" +
                                   std::to_string(kept.index) + "] at " + places(kept.at) + ")");
        } else if (auto key = fold_into(kept.attributes, later.attributes)) {
          // Name the record that brought the other value (the kept one, or one merged into it).
          const RawRelation* other = &kept;
          for (std::size_t m = begin; m < j; ++m) {
            const RawRelation& r = raw_relations[keyed[m].raw];
            const std::string* v = value_of(r.attributes, *key);
            if (same_identity(later.type, kept.attributes, r.attributes) && v &&
                *v == *value_of(kept.attributes, *key)) {
              other = &r;
              break;
            }
          }
          report(keyed[j].raw, places(later.at) + ": " + label(later) + ": attribute " + text::quote(*key) + " is " +
                                   text::quote(*value_of(later.attributes, *key)) + " here but " +
                                   text::quote(*value_of(kept.attributes, *key)) + " at " + places(other->at) +
                                   " for the same fact (same ends, type and " + identity_words(later.type) + ")");
        }
        break;
      }
    }
    begin = end;
  }
  if (problem) throw DataError(problem->second);
  dataset.relations.reserve(raw_relations.size());
  for (std::size_t i = 0; i < raw_relations.size(); ++i) {
    if (!dropped[i])
      dataset.relations.push_back(
          {ends[i].first, ends[i].second, raw_relations[i].type, std::move(raw_relations[i].attributes)});
  }
  dataset.ids = std::make_shared<IdTable>(std::move(ids));
  return dataset;
}

}  // namespace hallyu::io::detail
