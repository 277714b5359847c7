// CSV import. Two layouts, told apart by the header:
// - Neo4j admin-import: node files with an `:ID` column (`id:ID`, `pid:ID(Person)`), relationship files
//   with `:START_ID` and `:END_ID`; `:LABEL` and `:TYPE` give kind and type (or the mapping's defaults);
//   typed columns `year:int`, `height:double`, `current:boolean`, `aliases:string[]` (lists split on the
//   array delimiter); untyped columns are strings; `:IGNORE` columns are skipped.
// - Plain tables (GraphFrames, spreadsheets, hallyu's own csv export): `id`/`kind`/`name`/`aliases` for
//   nodes, `src`/`dst`/`type` for edges; a cell that is JSON (2019, true, ["a","b"], "quoted") is that
//   value, anything else a string.
// The mapping's `columns` renames foreign headers first ("person" -> ":START_ID"). Bad cells are
// DataErrors at file:line:column.
#pragma once

#include "hallyu/io/import.hpp"

namespace hallyu::io {

Imported import_csv(const std::vector<SourceText>& files, const ImportOptions& options);

}  // namespace hallyu::io
