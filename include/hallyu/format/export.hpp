// What every exporter writes from: a part of a graph (the request's filters already applied) and, for
// the formats that are a folder of files, a sink that names each file. Exporters only write streams;
// where the bytes go (atomically, to which folder) is the caller's business (query/export).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::format {

struct ExportSelection {
  const Graph* graph = nullptr;
  std::vector<VertexId> entities;     // ascending
  std::vector<RelationId> relations;  // ascending; both ends are among `entities`
  // Position of each selected entity in `entities`, or kNotSelected (size graph->entity_count()).
  std::vector<std::uint32_t> position;
  static constexpr std::uint32_t kNotSelected = UINT32_MAX;
};

// A whole graph, nothing left out.
ExportSelection select_all(const Graph& graph);
// Fills `position` from `entities`.
void index_selection(ExportSelection& selection);

// Called once per file of a multi-file format with the file's name (no directory) and its writer.
using FileSink = std::function<void(const std::string& name, const std::function<void(std::ostream&)>& write)>;

}  // namespace hallyu::format
