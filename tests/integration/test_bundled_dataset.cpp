// Completeness and consistency of the bundled dataset (issue "Data 2"): every drama has its Hangul
// title, every group an agency, and a membership's status tells the same story as its years.
// The records are read with rapidjson straight from the text compiled into the binary, so these
// checks do not rest on the loader they would otherwise be testing.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "hallyu/io/json_loader.hpp"

namespace {

const rapidjson::Document& bundled() {
  static rapidjson::Document doc = [] {
    rapidjson::Document d;
    auto source = hallyu::io::bundled_dataset();
    d.Parse(source.text.c_str(), source.text.size());
    return d;
  }();
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  return doc;
}

// A Hangul syllable (U+AC00..U+D7A3) is three bytes in UTF-8, lead byte 0xEA..0xED.
bool has_hangul(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
         b2 = static_cast<unsigned char>(s[i + 2]);
    unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if ((b0 & 0xF0u) == 0xE0u && (b1 & 0xC0u) == 0x80u && (b2 & 0xC0u) == 0x80u && cp >= 0xAC00 && cp <= 0xD7A3)
      return true;
  }
  return false;
}

std::string str(const rapidjson::Value& v, const char* key) {
  return v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "";
}

// True when every source of the relation is kpopnet.json's (its net.kpop.re or kastden addresses).
bool kpopnet_only(const rapidjson::Value& r) {
  auto theirs = [](const std::string& url) {
    return url.rfind("https://net.kpop.re/", 0) == 0 || url.rfind("https://selca.kastden.org/", 0) == 0;
  };
  if (!r.HasMember("source")) return false;
  const auto& s = r["source"];
  if (s.IsString()) return theirs(s.GetString());
  if (!s.IsArray() || s.Empty()) return false;
  for (const auto& url : s.GetArray())
    if (!url.IsString() || !theirs(url.GetString())) return false;
  return true;
}

}  // namespace

TEST_CASE("the Hangul test recognises Hangul and nothing else", "[data]") {
  CHECK(has_hangul("도깨비"));
  CHECK(has_hangul("D.P. 디피"));
  CHECK_FALSE(has_hangul("Goblin"));
  CHECK_FALSE(has_hangul("本田仁美"));  // CJK ideographs are not Hangul
  CHECK_FALSE(has_hangul("ㄱ"));        // a lone jamo is not a title
}

TEST_CASE("every drama of the bundled data has its Hangul title as an alias", "[data]") {
  int dramas = 0;
  for (const auto& e : bundled()["entities"].GetArray()) {
    if (str(e, "kind") != "drama") continue;
    ++dramas;
    bool found = false;
    for (const auto& a : e["aliases"].GetArray()) found = found || has_hangul(a.GetString());
    INFO("drama " << str(e, "id"));
    CHECK(found);
  }
  CHECK(dramas > 300);
}

TEST_CASE("every group of the bundled data has an agency relation", "[data]") {
  // OST bands and duos whose articles name no agency; the list may only shrink: a group that gains
  // an agency must leave it, and no other group may lack one.
  const std::set<std::string> no_agency_documented = {
      "busker-busker", "izi",     "melomance",    "monday-kiz", "savina-and-drones",
      "sg-wannabe",    "someday", "standing-egg", "t-max"};
  std::set<std::string> groups, signed_groups;
  for (const auto& e : bundled()["entities"].GetArray())
    if (str(e, "kind") == "group") groups.insert(str(e, "id"));
  for (const auto& r : bundled()["relations"].GetArray())
    if (str(r, "type") == "signed_to" && groups.count(str(r, "from"))) signed_groups.insert(str(r, "from"));
  std::set<std::string> without;
  for (const auto& g : groups)
    if (!signed_groups.count(g)) without.insert(g);
  CHECK(without == no_agency_documented);
  CHECK(signed_groups.size() > 70);
}

TEST_CASE("membership status agrees with until everywhere in the bundled data", "[data]") {
  std::map<std::string, int> disbanded;
  for (const auto& e : bundled()["entities"].GetArray())
    if (str(e, "kind") == "group" && e.HasMember("disbanded_year"))
      disbanded[str(e, "id")] = e["disbanded_year"].GetInt();
  int memberships = 0, ended = 0, kpopnet_only_ended = 0;
  for (const auto& r : bundled()["relations"].GetArray()) {
    auto type = str(r, "type");
    if (type != "member_of" && type != "signed_to") continue;
    INFO(type << " " << str(r, "from") << " -> " << str(r, "to"));
    bool has_until = r.HasMember("until");
    if (r.HasMember("since") && has_until) CHECK(r["since"].GetInt() <= r["until"].GetInt());
    if (type == "signed_to") continue;
    ++memberships;
    // "former" is the only status written; no status means current.
    if (r.HasMember("status")) CHECK(str(r, "status") == "former");
    // An end year means the membership ended: it must say so.
    if (has_until) {
      ++ended;
      CHECK(str(r, "status") == "former");
    }
    // A group that disbanded ended every membership, by its disbanding year at the latest. kpopnet.json
    // records no years of membership, so a membership resting on it alone is "former" without `until`
    // (setting the disbanding year would be wrong for members who left earlier).
    auto d = disbanded.find(str(r, "to"));
    if (d != disbanded.end()) {
      CHECK(str(r, "status") == "former");
      if (!has_until) {
        ++kpopnet_only_ended;
        CHECK(kpopnet_only(r));
        continue;
      }
      CHECK(r["until"].GetInt() <= d->second);
    }
  }
  CHECK(memberships > 400);
  CHECK(ended > 100);
  CHECK(kpopnet_only_ended < memberships / 4);
}

TEST_CASE("no attribute of the bundled data is null", "[data]") {
  // A null says nothing (an unknown role is left out), and the Neo4j CSV round trip cannot keep it.
  int checked = 0;
  for (const char* array : {"entities", "relations"}) {
    for (const auto& record : bundled()[array].GetArray()) {
      for (const auto& member : record.GetObject()) {
        INFO(array << ": " << str(record, "id") << str(record, "from") << " " << member.name.GetString());
        CHECK_FALSE(member.value.IsNull());
        ++checked;
      }
    }
  }
  CHECK(checked > 10000);
}
