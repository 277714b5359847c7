// GraphML import with libxml2's streaming reader (no DTD, no external entities, no network).
#include "hallyu/io/import_graphml.hpp"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>

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

struct Key {
  std::string name;
  std::string type;  // boolean, int, long, float, double, string
  bool json = false;
  std::string default_value;
  bool has_default = false;
};

struct ReaderCloser {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};

std::string attribute(xmlTextReaderPtr reader, const char* name) {
  xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool has_attribute(xmlTextReaderPtr reader, const char* name) {
  xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return false;
  xmlFree(value);
  return true;
}

std::string local_name(xmlTextReaderPtr reader) {
  const xmlChar* name = xmlTextReaderConstLocalName(reader);
  return name ? reinterpret_cast<const char*>(name) : "";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A <data> value as the JSON the loader would store; nullopt: absent (igraph writes NaN and "" for
// attributes a vertex lacks).
std::optional<std::string> value_json(const Key& key, const std::string& text, std::string& problem) {
  if (key.json) {
    if (auto json = detail::compact_json(text)) return json;
    return detail::json_string_value(text);
  }
  std::string t = lower(key.type);
  if (t == "boolean") {
    std::string l = lower(text);
    if (l == "true" || l == "1") return "true";
    if (l == "false" || l == "0") return "false";
    if (l.empty()) return std::nullopt;
    problem = "not a boolean: " + text::quote(text);
    return std::nullopt;
  }
  if (t == "int" || t == "long" || t == "float" || t == "double") {
    std::string l = lower(text);
    if (l.empty() || l == "nan") return std::nullopt;
    auto json = detail::compact_json(text);
    if (!json || !(std::isdigit(static_cast<unsigned char>(json->front())) || json->front() == '-')) {
      problem = "not a number: " + text::quote(text);
      return std::nullopt;
    }
    // Whole numbers written as doubles (igraph: "1993.0") are whole numbers again.
    if (json->size() > 2 && json->compare(json->size() - 2, 2, ".0") == 0 &&
        json->find_first_of("eE") == std::string::npos) {
      json->resize(json->size() - 2);
    }
    return json;
  }
  if (text.empty()) return std::nullopt;
  return detail::json_string_value(text);
}

}  // namespace

Imported import_graphml(const std::vector<SourceText>& files, const ImportOptions& options) {
  const ImportMapping& mapping = options.mapping;
  Places places(files);
  ImportRecords records;
  std::vector<std::string> skipped;
  std::size_t entity_index = 0, relation_index = 0;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    const SourceText& source = files[f];
    std::vector<std::size_t> line_starts = {0};
    for (std::size_t i = 0; i < source.text.size(); ++i) {
      if (source.text[i] == '\n') line_starts.push_back(i + 1);
    }
    std::unique_ptr<xmlTextReader, ReaderCloser> owner(xmlReaderForMemory(
        source.text.data(), static_cast<int>(std::min<std::size_t>(source.text.size(), INT32_MAX)), nullptr, nullptr,
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES));
    if (!owner) throw DataError(source.name + ": cannot read as XML");
    xmlTextReaderPtr reader = owner.get();
    // Where the parser is (for errors outside a node or edge; it runs ahead by a buffer), and where
    // each <node> and <edge> starts: the next such tag after the previous one, as the reader meets
    // them in document order (libxml2's per-element line numbers cost a walk of the tree past 65,535 lines).
    auto here = [&]() {
      int line = xmlTextReaderGetParserLineNumber(reader);
      std::size_t l = static_cast<std::size_t>(std::max(line, 1)) - 1;
      return Site{f, l < line_starts.size() ? line_starts[l] : source.text.size()};
    };
    std::size_t cursor = 0;
    auto element_start = [&](const std::string& name) {
      std::string tag = "<" + name;
      for (std::size_t at = source.text.find(tag, cursor); at != std::string::npos;
           at = source.text.find(tag, at + 1)) {
        char next = at + tag.size() < source.text.size() ? source.text[at + tag.size()] : '>';
        if (next == ' ' || next == '>' || next == '/' || next == '\t' || next == '\n' || next == '\r') {
          cursor = at + 1;
          return Site{f, at};
        }
      }
      return here();
    };
    std::map<std::string, Key> keys;  // by key id
    // igraph names nodes n0, n1, ... and keeps the real ids in an "id" attribute: node id -> entity id
    // where they differ, to translate this file's edges at its end.
    std::map<std::string, std::string> node_ids;
    std::size_t first_relation = records.relations.size();
    std::optional<std::string> open_key;  // inside <key id=...>
    // The element being read: a node or an edge with its data so far.
    enum class Open { none, node, edge } open = Open::none;
    Site open_at{};
    std::string open_id, source_id, target_id;
    std::map<std::string, std::string> data;  // attr.name -> text
    bool saw_graphml = false;
    int status;
    auto finish = [&]() {
      auto element_name = [&] {
        return open == Open::node ? "<node id=" + text::quote(open_id) + ">" : std::string("<edge>");
      };
      // Places are counted from the file's start: made only for a message.
      auto where = [&] { return places(open_at) + ": GraphML " + element_name() + ": "; };
      Attributes attributes;
      std::string kind_label, name, type_label, id = open_id;
      std::vector<std::string> aliases;
      for (const auto& [key_id, text] : data) {
        const Key& key = keys[key_id];
        auto renamed = mapping.columns.find(key.name);
        std::string name_of = renamed == mapping.columns.end() ? key.name : renamed->second;
        if (open == Open::node && name_of == "kind") {
          kind_label = text;
          continue;
        }
        if (open == Open::node && (name_of == "name" || (name_of == "label" && !data.count("name")))) {
          if (name.empty() || name_of == "name") name = text;
          continue;
        }
        if (open == Open::node && name_of == "id") {
          if (!text.empty()) id = text;
          continue;
        }
        if (open == Open::node && name_of == "aliases") {
          if (auto json = detail::compact_json(text); json && json->front() == '[') {
            for (const std::string& a : detail::string_items(*json)) aliases.push_back(a);
          } else if (!text.empty()) {
            aliases.push_back(text);
          }
          continue;
        }
        if (open == Open::edge && (name_of == "type" || (name_of == "label" && type_label.empty()))) {
          type_label = text;
          continue;
        }
        if (open == Open::edge && name_of == "id") continue;
        std::string problem;
        auto json = value_json(key, text, problem);
        if (!problem.empty())
          return bad_record(options, skipped, where() + "attribute " + text::quote(key.name) + ": " + problem);
        if (json) detail::set_attribute(attributes, name_of, std::move(*json));
      }
      if (open == Open::node) {
        RawEntity e;
        e.index = entity_index++;
        e.at = e.id_at = e.kind_at = e.name_at = open_at;
        e.has_id = e.has_kind = e.has_name = true;
        e.entity.id = mapping.id_prefix + id;
        if (id != open_id) node_ids[open_id] = e.entity.id;
        auto kind = map_kind(mapping, kind_label);
        if (!kind) {
          return bad_record(
              options, skipped,
              where() +
                  (kind_label.empty() ? std::string("no kind (a 'kind' attribute, or a default kind)")
                                      : "kind " + text::quote(kind_label) + " maps to no kind") +
                  "; kinds are idol, actor, group, drama, ost, agency, network (map others with a mapping file)");
        }
        e.entity.kind = *kind;
        e.kind_text = std::string(to_string(*kind));
        e.entity.name = name.empty() ? id : name;
        e.entity.aliases = std::move(aliases);
        e.entity.attributes = std::move(attributes);
        records.entities.push_back(std::move(e));
        return true;
      }
      RawRelation r;
      r.index = relation_index++;
      r.at = r.from_at = r.to_at = r.type_at = open_at;
      r.has_from = r.has_to = r.has_type = true;
      r.from = mapping.id_prefix + source_id;
      r.to = mapping.id_prefix + target_id;
      auto type = map_type(mapping, type_label);
      if (!type) {
        return bad_record(
            options, skipped,
            where() +
                (type_label.empty() ? std::string("no relation type (a 'type' attribute, or a default type)")
                                    : "relation type " + text::quote(type_label) + " maps to no type") +
                "; types are member_of, acted_in, performed, ost_of, signed_to, aired_on, collaborated_with");
      }
      r.type = *type;
      r.type_text = std::string(to_string(*type));
      r.attributes = std::move(attributes);
      records.relations.push_back(std::move(r));
      return true;
    };
    while ((status = xmlTextReaderRead(reader)) == 1) {
      int type = xmlTextReaderNodeType(reader);
      if (type == XML_READER_TYPE_ELEMENT) {
        std::string name = local_name(reader);
        bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
        if (name == "graphml") {
          saw_graphml = true;
        } else if (name == "key") {
          Key key;
          key.name = attribute(reader, "attr.name");
          key.type = has_attribute(reader, "attr.type") ? attribute(reader, "attr.type") : "string";
          std::string id = attribute(reader, "id");
          if (key.name.empty()) key.name = id;
          keys[id] = key;
          if (!empty) open_key = id;
        } else if (name == "desc" && open_key) {
          xmlChar* s = xmlTextReaderReadString(reader);
          if (s) {
            keys[*open_key].json = std::string(reinterpret_cast<const char*>(s)) == "json";
            xmlFree(s);
          }
        } else if (name == "default" && open_key) {
          xmlChar* s = xmlTextReaderReadString(reader);
          keys[*open_key].has_default = true;
          keys[*open_key].default_value = s ? reinterpret_cast<const char*>(s) : "";
          if (s) xmlFree(s);
        } else if (name == "node" || name == "edge") {
          open = name == "node" ? Open::node : Open::edge;
          open_at = element_start(name);
          open_id = attribute(reader, "id");
          source_id = attribute(reader, "source");
          target_id = attribute(reader, "target");
          data.clear();
          for (const auto& [id, key] : keys) {
            if (key.has_default) data[id] = key.default_value;
          }
          if (open == Open::node && open_id.empty())
            throw DataError(places(open_at) + ": GraphML <node> without an id");
          if (open == Open::edge && (source_id.empty() || target_id.empty())) {
            throw DataError(places(open_at) + ": GraphML <edge> without a source and a target");
          }
          if (empty) {
            finish();
            open = Open::none;
          }
        } else if (name == "data" && open != Open::none) {
          std::string key = attribute(reader, "key");
          if (!keys.count(key))
            throw DataError(places(here()) + ": GraphML <data key=" + text::quote(key) + ">: no <key> declares it");
          xmlChar* s = xmlTextReaderReadString(reader);
          data[key] = s ? reinterpret_cast<const char*>(s) : "";
          if (s) xmlFree(s);
        } else if (name == "hyperedge") {
          throw DataError(places(here()) + ": GraphML <hyperedge> has no counterpart in hallyu/1");
        }
      } else if (type == XML_READER_TYPE_END_ELEMENT) {
        std::string name = local_name(reader);
        if (name == "key") open_key.reset();
        if ((name == "node" || name == "edge") && open != Open::none) {
          finish();
          open = Open::none;
        }
      }
    }
    if (status != 0) {
      const xmlError* error = xmlGetLastError();
      std::string message = error && error->message ? error->message : "malformed XML";
      while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
      throw DataError(places(here()) + ": malformed GraphML: " + message);
    }
    if (!saw_graphml) throw DataError(source.name + ": not GraphML (no <graphml> element)");
    if (!node_ids.empty()) {
      for (std::size_t i = first_relation; i < records.relations.size(); ++i) {
        RawRelation& r = records.relations[i];
        for (std::string* end : {&r.from, &r.to}) {
          auto it = node_ids.find(end->substr(mapping.id_prefix.size()));
          if (it != node_ids.end()) *end = it->second;
        }
      }
    }
  }
  return detail::finish_import(files, std::move(records), options, std::move(skipped));
}

}  // namespace hallyu::io
