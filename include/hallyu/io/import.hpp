// What every importer shares: how foreign labels, relation types and column names map onto hallyu/1
// (options, or a small JSON mapping file), and what an import gives back: a dataset checked like a
// hallyu/1 file (ids, names, attributes, relation ends and kinds, the merge rules of datasets/SCHEMA.md)
// plus, with skip_bad, the records left out and why. One importer per format: import_csv.hpp,
// import_graphml.hpp, import_kpopnet.hpp.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"

namespace hallyu::io {

struct ImportMapping {
  std::map<std::string, std::string> kinds;  // foreign label -> kind ("Person" -> "actor")
  std::map<std::string, std::string> types;  // foreign relation type -> type ("ACTED_IN" -> "acted_in")
  std::map<std::string, std::string>
      columns;                        // foreign column or attribute -> hallyu's ("title" -> "name", "pid" -> ":ID")
  std::string kind;                   // kind of records that carry no label
  std::string type;                   // type of relations that carry none
  std::string id_prefix;              // put before every incoming id (keeps two sources' ids apart)
  std::string array_delimiter = ";";  // CSV lists (Neo4j's default)
};

// Reads a mapping file: {"kinds": {...}, "types": {...}, "columns": {...}, "kind": "...", "type": "...",
// "id_prefix": "...", "array_delimiter": "..."}; a DataError naming the file and the key otherwise.
ImportMapping read_mapping(const std::filesystem::path& file);

struct ImportOptions {
  ImportMapping mapping;
  bool skip_bad = false;  // leave bad records out (listed in Imported::skipped) instead of stopping
  LoadLimits limits;
  // Entities that relations may also point at (the dataset being linked to): a relation end found
  // there and not among the imported entities is brought in as that entity's id, kind and name.
  const Graph* existing = nullptr;
};

struct Imported {
  Dataset dataset;
  std::vector<std::string> skipped;  // "file:line:col: message", one per record left out
};

// The kind or relation type a foreign word maps to: the mapping first, then hallyu's own word
// (case-insensitive, "ACTED_IN" is acted_in), then the mapping's default; nullopt when none applies.
std::optional<Kind> map_kind(const ImportMapping& mapping, std::string_view label);
std::optional<RelationType> map_type(const ImportMapping& mapping, std::string_view label);

}  // namespace hallyu::io
