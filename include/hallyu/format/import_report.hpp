// The import's summary and report as JSON: counts by kind and type, skipped records, and the linking
// report (linked with the evidence used, new, ambiguous with the candidates' ids, attributes left out).
#pragma once

#include <string>

#include "hallyu/query/import.hpp"

namespace hallyu::format {

std::string import_report_json(const query::ImportResult& result);

}  // namespace hallyu::format
