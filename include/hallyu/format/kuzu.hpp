// Kuzu: schema.cypher (a node table per kind with id as primary key, name, aliases STRING[] and one
// typed column per attribute; a rel table per relation type with one FROM/TO pair per kind pair),
// copy.cypher (COPY ... FROM the CSV files, lists split on U+241F), node_<kind>.csv and
// rel_<type>_<from>_<to>.csv, and a README.md. The same mapping as tests/fixtures/cypher/kuzu_load.mjs.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_kuzu(const ExportSelection& selection, const FileSink& sink);

}  // namespace hallyu::format
