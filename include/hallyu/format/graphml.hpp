// GraphML export, as NetworkX (read_graphml), igraph (Read_GraphML) and Gephi read it: a directed
// multigraph (collaborated_with keeps its stored direction), `kind` and `name` on nodes, `type` on
// edges, and every attribute as a typed <key>: whole numbers `long`, other numbers `double`, booleans,
// strings; aliases, lists and objects as their JSON text in a `string` key marked <desc>json</desc>, so
// that `hallyu import --format graphml` restores them exactly.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_graphml(const ExportSelection& selection, std::ostream& out);

}  // namespace hallyu::format
