// kpopnet.json import (github.com/kpopnet/kpopnet.json, CC0; npm `kpopnet.json` 2.0.5): idols and girl
// groups with memberships (current or former), agencies (the groups' `agency_name`, split on commas),
// birth and debut dates. Idols become `idol`, groups `group`, agencies `agency`; ids are kpopnet's under
// the mapping's id_prefix (default "kpopnet-"); Hangul and real names become aliases; birth_year,
// debut_year, disbanded_year are derived from the dates (kept too); each relation's `source` is the
// record's kpopnet URLs. Errors name the record ("idols[12] (id 'x')") at its file:line:column.
#pragma once

#include "hallyu/io/import.hpp"

namespace hallyu::io {

inline constexpr std::string_view kKpopnetIdPrefix = "kpopnet-";

Imported import_kpopnet(const std::vector<SourceText>& files, const ImportOptions& options);

}  // namespace hallyu::io
