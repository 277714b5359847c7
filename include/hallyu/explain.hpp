// Relations in words, read in their natural direction whichever way a path walks them:
// "IU starred in Hotel Del Luna (2019) as Jang Man-wol",
// "Paul Kim performed 'Every Day, Every Moment', an OST of Should We Kiss First?".
#pragma once

#include <string>

#include "hallyu/graph.hpp"

namespace hallyu {

// Control and bidi characters of names and attributes come out escaped (text::printable).
std::string describe_relation(const Graph& graph, RelationId r);

// The verb phrase alone, as seen from `from` ("starred in", "is a member of"): for grouped listings.
std::string relation_verb(const Graph& graph, RelationId r);

// The verb phrase as seen from the `to` end ("starring", "with member"): for grouped listings.
std::string relation_inverse_verb(RelationType type);

// The attributes of a relation worth saying after its target: " (2019) as Jang Man-wol".
std::string relation_details(const Graph& graph, RelationId r);

}  // namespace hallyu
