// GEXF 1.2 export for Gephi (also read by NetworkX read_gexf): a directed multigraph with `kind` and
// `type` as attributes (plus every other attribute, typed as in GraphML), node colour by kind (the
// render palette), node size by degree in the exported part, and start/end years as time intervals
// where known (drama year, idol and group debut_year, member_of years, signed_to since/until,
// acted_in year); the graph is then "dynamic" so Gephi's timeline can filter by year.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_gexf(const ExportSelection& selection, std::ostream& out);

}  // namespace hallyu::format
