// Kinds, relation types, allowed endpoints and attribute access.
#include "hallyu/model.hpp"

#include <rapidjson/document.h>

namespace hallyu {
namespace {

constexpr std::array<std::string_view, kKindCount> kKindNames = {"idol", "actor", "group", "drama",
                                                                 "ost",  "agency", "network"};
constexpr std::array<std::string_view, kRelationTypeCount> kTypeNames = {
    "member_of", "acted_in", "performed", "ost_of", "signed_to", "aired_on", "collaborated_with"};

constexpr KindSet kPeople = bit(Kind::idol) | bit(Kind::actor);
constexpr KindSet kArtists = kPeople | bit(Kind::group);

const Attribute* find_attribute(const Attributes& attributes, std::string_view key) {
  for (const auto& attribute : attributes) {
    if (attribute.key == key) return &attribute;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(Kind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::string_view to_string(RelationType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<Kind> parse_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

std::optional<RelationType> parse_relation_type(std::string_view text) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == text) return static_cast<RelationType>(i);
  }
  return std::nullopt;
}

Endpoints allowed_endpoints(RelationType type) {
  switch (type) {
    case RelationType::member_of: return {bit(Kind::idol), bit(Kind::group)};
    case RelationType::acted_in: return {kPeople, bit(Kind::drama)};
    case RelationType::performed: return {kArtists, bit(Kind::ost)};
    case RelationType::ost_of: return {bit(Kind::ost), bit(Kind::drama)};
    case RelationType::signed_to: return {kArtists, bit(Kind::agency)};
    case RelationType::aired_on: return {bit(Kind::drama), bit(Kind::network)};
    case RelationType::collaborated_with: return {kArtists, kArtists};
  }
  return {0, 0};
}

std::string describe_kinds(KindSet kinds) {
  std::vector<std::string_view> names;
  for (Kind kind : kAllKinds) {
    if (kinds & bit(kind)) names.push_back(to_string(kind));
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

bool is_symmetric(RelationType type) { return type == RelationType::collaborated_with; }

std::span<const std::string_view> identity_keys(RelationType type) {
  static constexpr std::string_view kActedIn[] = {"role", "year"};
  static constexpr std::string_view kOstOf[] = {"part"};
  static constexpr std::string_view kSignedTo[] = {"since"};
  static constexpr std::string_view kCollaboratedWith[] = {"work"};
  switch (type) {
    case RelationType::acted_in: return kActedIn;
    case RelationType::ost_of: return kOstOf;
    case RelationType::signed_to: return kSignedTo;
    case RelationType::collaborated_with: return kCollaboratedWith;
    case RelationType::member_of:
    case RelationType::performed:
    case RelationType::aired_on: return {};
  }
  return {};
}

std::optional<std::string> attribute_text(const Attributes& attributes, std::string_view key) {
  const Attribute* attribute = find_attribute(attributes, key);
  if (attribute == nullptr) return std::nullopt;
  rapidjson::Document value;
  value.Parse(attribute->json.c_str(), attribute->json.size());
  if (value.HasParseError()) return std::nullopt;
  if (value.IsString()) return std::string(value.GetString(), value.GetStringLength());
  if (value.IsNumber() || value.IsBool()) return attribute->json;
  return std::nullopt;
}

std::optional<long long> attribute_integer(const Attributes& attributes, std::string_view key) {
  const Attribute* attribute = find_attribute(attributes, key);
  if (attribute == nullptr) return std::nullopt;
  rapidjson::Document value;
  value.Parse(attribute->json.c_str(), attribute->json.size());
  if (value.HasParseError() || !value.IsInt64()) return std::nullopt;
  return value.GetInt64();
}

}  // namespace hallyu
