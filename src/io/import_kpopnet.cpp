// kpopnet.json import: idols, groups, memberships and agencies as hallyu/1 records.
#include "hallyu/io/import_kpopnet.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <unordered_map>

#include "hallyu/error.hpp"
#include "hallyu/text.hpp"
#include "import_detail.hpp"

namespace hallyu::io {
namespace {

using detail::bad_record;
using detail::ImportRecords;
using detail::Places;
using detail::RawEntity;
using detail::RawRelation;
using detail::Site;
using Value = rapidjson::Value;

std::string compact(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string text_of(const Value& record, const char* key) {
  auto it = record.FindMember(key);
  if (it == record.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

// Where each record's "id" value is, found by scanning the text once (the DOM keeps no offsets).
std::unordered_map<std::string, std::size_t> id_offsets(const std::string& t) {
  std::unordered_map<std::string, std::size_t> out;
  for (std::size_t at = t.find("\"id\""); at != std::string::npos; at = t.find("\"id\"", at + 4)) {
    std::size_t i = at + 4;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t' || t[i] == ':')) ++i;
    if (i >= t.size() || t[i] != '"') continue;
    std::size_t end = t.find('"', i + 1);
    if (end == std::string::npos) break;
    out.emplace(t.substr(i + 1, end - i - 1), i);
  }
  return out;
}

std::string slug(std::string_view name) {
  std::string out;
  for (char c : text::fold(name)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  for (std::string& part : text::split_list(s)) out.push_back(std::move(part));
  return out;
}

}  // namespace

Imported import_kpopnet(const std::vector<SourceText>& files, const ImportOptions& options) {
  ImportMapping mapping = options.mapping;
  std::string prefix = mapping.id_prefix.empty() ? std::string(kKpopnetIdPrefix) : mapping.id_prefix;
  Places places(files);
  ImportRecords records;
  std::vector<std::string> skipped;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    const SourceText& source = files[f];
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(source.text.data(), source.text.size());
    if (doc.HasParseError()) {
      throw DataError(places(Site{f, doc.GetErrorOffset()}) +
                      ": malformed JSON: " + rapidjson::GetParseError_En(doc.GetParseError()));
    }
    if (!doc.IsObject() || !doc.HasMember("idols") || !doc.HasMember("groups") || !doc["idols"].IsArray() ||
        !doc["groups"].IsArray()) {
      throw DataError(source.name + ":1:1: not kpopnet.json (an object with \"idols\" and \"groups\" arrays)");
    }
    auto offsets = id_offsets(source.text);
    auto site_of = [&](const std::string& id) {
      auto it = offsets.find(id);
      return Site{f, it == offsets.end() ? 0 : it->second};
    };
    // Dates "YYYY-MM-DD" -> the year attribute too; a malformed date is a bad record.
    auto date = [&](const Value& record, const char* key, const char* year_key, Attributes& attributes,
                    std::string& problem) {
      auto it = record.FindMember(key);
      if (it == record.MemberEnd() || it->value.IsNull()) return;
      if (!it->value.IsString()) {
        problem = std::string(key) + " must be a date string";
        return;
      }
      std::string d(it->value.GetString(), it->value.GetStringLength());
      long long year = 0;
      auto [end, ec] = std::from_chars(d.data(), d.data() + std::min<std::size_t>(4, d.size()), year);
      if (d.size() < 4 || ec != std::errc() || end != d.data() + 4 || year < 1800 || year > 2200 ||
          (d.size() > 4 && d[4] != '-')) {
        problem = std::string(key) + " " + text::quote(d) + " is not a date (YYYY-MM-DD)";
        return;
      }
      detail::set_attribute(attributes, key, detail::json_string_value(d));
      detail::set_attribute(attributes, year_key, std::to_string(year));
    };
    auto urls = [&](const Value& record) {
      std::vector<std::string> out;
      auto it = record.FindMember("urls");
      if (it != record.MemberEnd() && it->value.IsArray()) {
        for (const Value& u : it->value.GetArray()) {
          if (u.IsString()) out.emplace_back(u.GetString(), u.GetStringLength());
        }
      }
      return out;
    };
    auto entity = [&](const Value& record, const std::string& list, std::size_t index,
                      Kind kind) -> std::optional<RawEntity> {
      RawEntity e;
      std::string id = text_of(record, "id");
      e.index = index;
      e.at = e.id_at = e.kind_at = e.name_at = site_of(id);
      e.has_id = e.has_kind = e.has_name = true;
      std::string label = list + "[" + std::to_string(index) + "] (id " + text::quote(id) + ")";
      if (id.empty()) {
        bad_record(options, skipped, places(e.at) + ": " + label + ": missing \"id\"");
        return std::nullopt;
      }
      e.entity.id = prefix + id;
      e.entity.kind = kind;
      e.kind_text = std::string(to_string(kind));
      e.entity.name = text_of(record, "name");
      if (e.entity.name.empty()) e.entity.name = text_of(record, "name_original");
      std::vector<std::string> names = {text_of(record, "name_original"), text_of(record, "real_name"),
                                        text_of(record, "real_name_original")};
      for (std::string& n : split_names(text_of(record, "name_alias"))) names.push_back(std::move(n));
      for (std::string& n : names) {
        if (!n.empty() && n != e.entity.name &&
            std::find(e.entity.aliases.begin(), e.entity.aliases.end(), n) == e.entity.aliases.end()) {
          e.entity.aliases.push_back(std::move(n));
        }
      }
      std::string problem;
      date(record, "birth_date", "birth_year", e.entity.attributes, problem);
      date(record, "debut_date", "debut_year", e.entity.attributes, problem);
      // The schema's name for the year a group ended (plausibility checks and timelines read it).
      date(record, "disband_date", "disbanded_year", e.entity.attributes, problem);
      for (const char* key : {"height", "weight"}) {
        auto it = record.FindMember(key);
        if (it != record.MemberEnd() && it->value.IsNumber())
          detail::set_attribute(e.entity.attributes, key, compact(it->value));
      }
      std::vector<std::string> links = urls(record);
      if (!links.empty()) detail::set_attribute(e.entity.attributes, "urls", detail::json_string_list(links, "urls"));
      if (!problem.empty()) {
        bad_record(options, skipped, places(e.at) + ": " + label + ": " + problem);
        return std::nullopt;
      }
      return e;
    };
    const Value& idols = doc["idols"];
    for (rapidjson::SizeType i = 0; i < idols.Size(); ++i) {
      if (!idols[i].IsObject()) throw DataError(source.name + ": idols[" + std::to_string(i) + "] must be an object");
      if (auto e = entity(idols[i], "idols", i, Kind::idol)) records.entities.push_back(std::move(*e));
    }
    std::unordered_map<std::string, bool> agencies;
    std::size_t relation_index = 0;
    const Value& groups = doc["groups"];
    for (rapidjson::SizeType i = 0; i < groups.Size(); ++i) {
      const Value& g = groups[i];
      if (!g.IsObject()) throw DataError(source.name + ": groups[" + std::to_string(i) + "] must be an object");
      auto e = entity(g, "groups", i, Kind::group);
      if (!e) continue;
      std::string parent = text_of(g, "parent_id");
      if (!parent.empty())
        detail::set_attribute(e->entity.attributes, "parent_group", detail::json_string_value(prefix + parent));
      std::string group_id = e->entity.id;
      Site at = e->at;
      std::vector<std::string> links = urls(g);
      std::string source_json = links.empty() ? std::string() : detail::json_string_list(links, "source");
      records.entities.push_back(std::move(*e));
      auto relation = [&](std::string from, std::string to, RelationType type, Attributes attributes) {
        RawRelation r;
        r.index = relation_index++;
        r.at = r.from_at = r.to_at = r.type_at = at;
        r.has_from = r.has_to = r.has_type = true;
        r.from = std::move(from);
        r.to = std::move(to);
        r.type = type;
        r.type_text = std::string(to_string(type));
        if (!source_json.empty()) detail::set_attribute(attributes, "source", source_json);
        r.attributes = std::move(attributes);
        records.relations.push_back(std::move(r));
      };
      auto members = g.FindMember("members");
      if (members != g.MemberEnd() && members->value.IsArray()) {
        for (const Value& m : members->value.GetArray()) {
          if (!m.IsObject()) continue;
          Attributes attributes;
          auto current = m.FindMember("current");
          if (current != m.MemberEnd() && current->value.IsBool() && !current->value.GetBool()) {
            detail::set_attribute(attributes, "status", "\"former\"");
          }
          std::string roles = text_of(m, "roles");
          if (!roles.empty()) detail::set_attribute(attributes, "roles", detail::json_string_value(roles));
          relation(prefix + text_of(m, "idol_id"), group_id, RelationType::member_of, std::move(attributes));
        }
      }
      for (const std::string& agency : split_names(text_of(g, "agency_name"))) {
        std::string s = slug(agency);
        std::string agency_id = prefix + "agency-" + (s.empty() ? std::to_string(agencies.size()) : s);
        if (agencies.emplace(agency_id, true).second) {
          RawEntity a;
          a.index = records.entities.size();
          a.at = a.id_at = a.kind_at = a.name_at = at;
          a.has_id = a.has_kind = a.has_name = true;
          a.entity = {agency_id, Kind::agency, agency, {}, {}};
          a.kind_text = "agency";
          records.entities.push_back(std::move(a));
        }
        relation(group_id, agency_id, RelationType::signed_to, {});
      }
    }
  }
  return detail::finish_import(files, std::move(records), options, std::move(skipped));
}

}  // namespace hallyu::io
