// The data model of hallyu/1: entity kinds, relation types, which kinds each relation type
// may connect, and the attributes records carry.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hallyu {

enum class Kind : std::uint8_t { idol, actor, group, drama, ost, agency, network };
inline constexpr std::size_t kKindCount = 7;
inline constexpr std::array<Kind, kKindCount> kAllKinds = {Kind::idol,  Kind::actor,  Kind::group,  Kind::drama,
                                                           Kind::ost,   Kind::agency, Kind::network};

enum class RelationType : std::uint8_t {
  member_of,
  acted_in,
  performed,
  ost_of,
  signed_to,
  aired_on,
  collaborated_with
};
inline constexpr std::size_t kRelationTypeCount = 7;
inline constexpr std::array<RelationType, kRelationTypeCount> kAllRelationTypes = {
    RelationType::member_of, RelationType::acted_in, RelationType::performed,        RelationType::ost_of,
    RelationType::signed_to, RelationType::aired_on, RelationType::collaborated_with};

std::string_view to_string(Kind kind);
std::string_view to_string(RelationType type);
std::optional<Kind> parse_kind(std::string_view text);
std::optional<RelationType> parse_relation_type(std::string_view text);

// Bit sets over kinds and relation types, used by filters everywhere.
using KindSet = std::uint8_t;
using RelationTypeSet = std::uint8_t;
constexpr KindSet bit(Kind kind) { return static_cast<KindSet>(1u << static_cast<unsigned>(kind)); }
constexpr RelationTypeSet bit(RelationType type) { return static_cast<RelationTypeSet>(1u << static_cast<unsigned>(type)); }
inline constexpr KindSet kAnyKind = 0x7f;
inline constexpr RelationTypeSet kAnyRelationType = 0x7f;

// Which kinds a relation type may start and end at.
struct Endpoints {
  KindSet from;
  KindSet to;
};
Endpoints allowed_endpoints(RelationType type);
// "idol or actor", "drama": for messages.
std::string describe_kinds(KindSet kinds);
// collaborated_with has no direction; the others read from -> to.
bool is_symmetric(RelationType type);
// The attributes that, with the ends and the type, make a relation's identity: two records that agree
// on them state one fact (two roles in one drama are two facts; the same role from two sources is one).
// acted_in: role, year; ost_of: part; signed_to: since; collaborated_with: work; the others: none.
// `source` never is: merging keeps every source of a fact (see datasets/SCHEMA.md).
std::span<const std::string_view> identity_keys(RelationType type);

// An extra attribute: its key and its value as compact JSON text (kept exactly as loaded).
struct Attribute {
  std::string key;
  std::string json;
};
using Attributes = std::vector<Attribute>;

// The value of attribute `key` when it is a JSON string or number, as display text.
std::optional<std::string> attribute_text(const Attributes& attributes, std::string_view key);
std::optional<long long> attribute_integer(const Attributes& attributes, std::string_view key);

using VertexId = std::uint32_t;
using RelationId = std::uint32_t;

// An entity as loaded: ids decide identity; names and aliases are for people and may repeat.
struct Entity {
  std::string id;
  Kind kind = Kind::idol;
  std::string name;
  std::vector<std::string> aliases;
  Attributes attributes;
};

// A relation between two entities, read from -> to (see is_symmetric()).
struct Relation {
  VertexId from = 0;
  VertexId to = 0;
  RelationType type = RelationType::member_of;
  Attributes attributes;
};

class IdTable;

// What the loader produces and the graph is built from.
struct Dataset {
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::vector<std::string> sources;  // the files (or bundled data) it came from, in load order
  // The index of `entities` by id that a loader built while checking ids are unique; the graph adopts
  // it instead of hashing every id again (a tenth of a snapshot's load at 1M relations). Code that
  // changes `entities` afterwards resets it; the graph builds its own when it is absent or incomplete.
  std::shared_ptr<IdTable> ids;
};

}  // namespace hallyu
