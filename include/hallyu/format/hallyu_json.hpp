// hallyu/1 JSON, the loader's own format: one record per line, attributes exactly as loaded, so that
// loading the output gives the same entities, relations and attributes.
#pragma once

#include "hallyu/format/export.hpp"

namespace hallyu::format {

void write_hallyu_json(const ExportSelection& selection, std::ostream& out);

}  // namespace hallyu::format
