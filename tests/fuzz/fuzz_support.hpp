// What the fuzz harnesses share: crash-on-failure checks that output is valid JSON.
#pragma once

#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "hallyu/format/json_writer.hpp"
#include "hallyu/graph.hpp"
#include "hallyu/io/json_loader.hpp"

namespace hallyu::fuzz {

// One input as one file, or as two when it holds a "\n---\n" line (the split point comes from the
// input), so the fuzzer also reaches the code that merges or joins files.
inline std::vector<io::SourceText> one_or_two_files(const std::string& text, const char* only, const char* first,
                                                    const char* second) {
  std::size_t split = text.find("\n---\n");
  if (split == std::string::npos) return {{only, text}};
  return {{first, text.substr(0, split)}, {second, text.substr(split + 5)}};
}

// Aborts (a finding) when `text` is not one JSON document of valid UTF-8.
inline void require_valid_json(const std::string& text, const char* what) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
  if (d.HasParseError()) {
    std::fprintf(stderr, "invalid JSON from %s: %.400s\n", what, text.c_str());
    std::abort();
  }
}

// Aborts when any entity or relation of `graph` does not describe itself as valid JSON.
inline void require_graph_json(const Graph& graph) {
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    format::JsonWriter out;
    out.entity_full(graph, v);
    require_valid_json(out.str(), "entity_full");
  }
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    format::JsonWriter out;
    out.relation(graph, r);
    require_valid_json(out.str(), "relation");
  }
}

}  // namespace hallyu::fuzz
