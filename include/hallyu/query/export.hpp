// export: the loaded graph, or the part the filters keep, written for another tool: GraphML, GEXF
// (Gephi), Neo4j admin-import CSV, an openCypher script, Kuzu (DDL + COPY + CSV), GraphFrames CSV or
// hallyu/1. Every filter goes through Engine::filter, so export keeps exactly what a traversal may use.
#pragma once

#include "hallyu/format/export.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::query {

enum class ExportFormat { graphml, gexf, neo4j, cypher, kuzu, csv, hallyu };
std::string_view to_string(ExportFormat format);
// "graphml", ...; a UsageError naming the nearest format otherwise.
ExportFormat parse_export_format(std::string_view word);
// Formats that are a folder of files (neo4j, kuzu, csv) rather than one file.
bool is_folder_format(ExportFormat format);

struct ExportRequest {
  std::string format;              // "" : from the output's extension (.graphml, .gexf, .cypher/.cql, .json)
  std::string output;              // a file, or a folder for the folder formats (created if missing)
  std::vector<std::string> kinds;  // only entities of these kinds (empty: all)
  FilterRequest filter;            // relation types, excluded kinds, avoided entities (and what else it gains)
};
struct ExportResult {
  ExportFormat format = ExportFormat::hallyu;
  std::string output;
  std::vector<std::string> files;  // as written, in order
  std::size_t entities = 0, relations = 0;
};
const OperationSpec& export_spec();
ExportRequest export_request(const Parameters& parameters);
// The part of the graph the request keeps: entities the filter may enter (of `kinds`), relations it may
// use between them.
format::ExportSelection export_selection(const Engine& engine, const ExportRequest& request);
// Writes the files (each atomically: a reader never sees half a file).
ExportResult export_graph(const Engine& engine, const ExportRequest& request);

}  // namespace hallyu::query
