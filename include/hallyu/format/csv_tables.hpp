// Two CSV tables as Spark GraphFrames (and pandas, spreadsheets) expect: nodes.csv with `id`, `kind`,
// `name`, `aliases` and one column per attribute; edges.csv with `src`, `dst`, `type` and one column per
// attribute. A cell holds a string as plain text and any other value (numbers, lists, objects, and
// strings that would read as one) as JSON, so `hallyu import --format csv` reads it back exactly; an
// empty cell is an absent attribute.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_csv_tables(const ExportSelection& selection, const FileSink& sink);
// A value as a cell of these tables (also used for aliases, as a JSON list).
std::string plain_cell(std::string_view json);

}  // namespace hallyu::format
