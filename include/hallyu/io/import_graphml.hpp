// GraphML import, as NetworkX, igraph, Gephi and hallyu's own export write it: nodes and edges with
// <data> per declared <key>. The kind comes from a `kind` (or `label`, `type`) node attribute through the
// mapping, the name from `name` or `label` (else the node id), the relation type from an edge's `type` or
// `label`; every other attribute keeps its declared type (int/long/float/double/boolean/string), and a
// key marked <desc>json</desc> (hallyu's export) holds JSON text restored as it was. igraph's numeric
// attributes come as doubles: whole values are written back as whole numbers. External entities and DTDs
// are never loaded. Errors name the GraphML element by line:column.
#pragma once

#include "hallyu/io/import.hpp"

namespace hallyu::io {

Imported import_graphml(const std::vector<SourceText>& files, const ImportOptions& options);

}  // namespace hallyu::io
