// Neo4j admin-import CSV: nodes_<kind>.csv (id:ID, name, aliases:string[], typed attribute columns,
// :LABEL) and relations_<type>.csv (:START_ID, :END_ID, typed attribute columns, :TYPE), plus a
// README.md with the exact `neo4j-admin database import full` command. Lists are joined by U+241F (the
// command passes --array-delimiter) so that no name or URL can split; objects and mixed-type values,
// which Neo4j cannot store, become their JSON text.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

inline constexpr std::string_view kListSeparator = "\u241F";

void write_neo4j_csv(const ExportSelection& selection, const FileSink& sink);
// The import command for the files written (run from their folder).
std::string neo4j_import_command(const ExportSelection& selection);

}  // namespace hallyu::format
