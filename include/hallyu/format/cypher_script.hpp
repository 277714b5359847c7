// An openCypher CREATE script for Neo4j (cypher-shell -f) and Memgraph: a uniqueness constraint on id
// per kind, then nodes and relationships in UNWIND batches of 1,000 (one statement per line), so a
// million relations load in minutes rather than hours. Properties as in the Neo4j CSV export.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_cypher_script(const ExportSelection& selection, std::ostream& out);

}  // namespace hallyu::format
