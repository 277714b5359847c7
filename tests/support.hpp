// Helpers shared by the unit tests: the hand-made fixtures as graphs.
#pragma once

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"

namespace hallyu::test {

// tests/fixtures/mini.json: 16 real entities around IU, D.O. and Taeyeon (see fixtures/README.md).
inline Graph mini_graph() { return Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/mini.json"})); }

inline Graph graph_from(const std::string& json) { return Graph(io::load_dataset({{"test.json", json}})); }

// A reference file of tests/fixtures/reference (or any JSON file), parsed.
inline rapidjson::Document read_json(const std::string& path) {
  rapidjson::Document d;
  std::string body = io::read_file(path);
  d.Parse(body.c_str(), body.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

inline VertexId id(const Graph& g, const std::string& entity_id) { return g.find_id(entity_id).value(); }

}  // namespace hallyu::test
