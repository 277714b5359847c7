// import: foreign files (CSV, GraphML, kpopnet.json) to one hallyu/1 file, optionally linked to an
// existing dataset (its ids reused; see io/link.hpp), with a summary and a report. It reads files, not a
// loaded graph, so it takes no Engine; the decisions (which importer, the mapping, linking, where the
// output goes) are made here for every front end.
#pragma once

#include <optional>

#include "hallyu/io/import.hpp"
#include "hallyu/io/link.hpp"
#include "hallyu/query/parameters.hpp"

namespace hallyu::query {

struct ImportRequest {
  std::string format;              // csv, graphml, kpopnet
  std::vector<std::string> files;  // the inputs (a folder: every .csv in it, for csv)
  std::string output;              // the hallyu/1 file to write (atomically)
  bool dry_run = false;            // check and summarise, write nothing
  std::string map;                 // mapping file (io::read_mapping)
  std::string kind, type;          // defaults for records without a label or type
  std::string id_prefix;           // overrides the mapping's
  std::string array_delimiter;     // overrides the mapping's
  bool skip_bad = false;
  std::vector<std::string> link_to;  // existing datasets to link to (hallyu/1 or snapshots)
  bool link_bundled = false;         // link to the bundled dataset
  std::vector<std::pair<std::string, std::string>> same_as;  // (incoming, existing) links audited by hand
  std::string report;                // file for the report as JSON
};

struct ImportResult {
  std::string format;
  std::vector<std::string> files;
  std::string output;  // empty on a dry run
  std::size_t entities = 0, relations = 0;
  std::array<std::size_t, kKindCount> by_kind{};
  std::array<std::size_t, kRelationTypeCount> by_type{};
  std::vector<std::string> skipped;
  std::optional<io::LinkReport> link;  // when linked
  std::string linked_to;               // what it was linked to, in words
};

const OperationSpec& import_spec();
ImportRequest import_request(const Parameters& parameters);
ImportResult import_files(const ImportRequest& request);

}  // namespace hallyu::query
