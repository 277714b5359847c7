// Helpers shared by the unit tests: the hand-made fixtures as graphs.
#pragma once

#include <string>

#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"

namespace hallyu::test {

// tests/fixtures/mini.json: 16 real entities around IU, D.O. and Taeyeon (see fixtures/README.md).
inline Graph mini_graph() { return Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/mini.json"})); }

inline Graph graph_from(const std::string& json) { return Graph(io::load_dataset({{"test.json", json}})); }

inline VertexId id(const Graph& g, const std::string& entity_id) { return g.find_id(entity_id).value(); }

}  // namespace hallyu::test
