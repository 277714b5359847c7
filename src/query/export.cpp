// export: resolve the format, select through the one filter builder, write each file atomically.
#include "hallyu/query/export.hpp"

#include <filesystem>

#include "hallyu/error.hpp"
#include "hallyu/format/csv_tables.hpp"
#include "hallyu/format/cypher_script.hpp"
#include "hallyu/format/gexf.hpp"
#include "hallyu/format/graphml.hpp"
#include "hallyu/format/hallyu_json.hpp"
#include "hallyu/format/kuzu.hpp"
#include "hallyu/format/neo4j_csv.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {
namespace {

constexpr std::array<std::pair<ExportFormat, std::string_view>, 7> kFormats = {{{ExportFormat::graphml, "graphml"},
                                                                                {ExportFormat::gexf, "gexf"},
                                                                                {ExportFormat::neo4j, "neo4j"},
                                                                                {ExportFormat::cypher, "cypher"},
                                                                                {ExportFormat::kuzu, "kuzu"},
                                                                                {ExportFormat::csv, "csv"},
                                                                                {ExportFormat::hallyu, "hallyu"}}};

}  // namespace

std::string_view to_string(ExportFormat format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "hallyu";
}

ExportFormat parse_export_format(std::string_view word) {
  std::vector<std::string_view> names;
  for (const auto& [f, name] : kFormats) {
    if (name == word) return f;
    names.push_back(name);
  }
  throw UsageError("unknown export format " + text::quote(word) + text::did_you_mean(text::nearest(word, names)) +
                   "; formats are graphml, gexf, neo4j, cypher, kuzu, csv, hallyu");
}

bool is_folder_format(ExportFormat format) {
  return format == ExportFormat::neo4j || format == ExportFormat::kuzu || format == ExportFormat::csv;
}

const OperationSpec& export_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = with_filter_parameters(
      OperationSpec{
          "export",
          "Write the graph (or the filtered part) for Gephi, Neo4j, Kuzu, Spark, NetworkX/igraph or hallyu",
          {{"format", T::text,
            "graphml, gexf, neo4j, cypher, kuzu, csv or hallyu (default: from the output's extension)", false, "-f"},
           {"output", T::text, "File to write, or folder for neo4j, kuzu and csv", false, "-o"},
           {"kinds", T::list, "Only entities of these kinds, e.g. idol,group,agency", false, ""}},
          "Files are written atomically. neo4j, kuzu and csv write a folder of files with a README.md that "
          "gives the command to load them."},
      "--type");
  return spec;
}

ExportRequest export_request(const Parameters& parameters) {
  ExportRequest request;
  if (auto v = parameters.text("format")) request.format = *v;
  request.output = parameters.required("output");
  request.kinds = parameters.list("kinds");
  request.filter = filter_request(parameters);
  return request;
}

format::ExportSelection export_selection(const Engine& engine, const ExportRequest& request) {
  const Graph& graph = engine.graph();
  algo::TraversalFilter filter = engine.filter(request.filter);
  KindSet kinds = engine.kinds(request.kinds);
  format::ExportSelection s;
  s.graph = &graph;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    if ((kinds & bit(graph.kind(v))) && filter.allows_vertex(graph, v)) s.entities.push_back(v);
  }
  format::index_selection(s);
  for (RelationId r = 0; r < graph.relation_count(); ++r) {
    const Relation& relation = graph.relation(r);
    if (filter.allows_relation(graph, r) && s.position[relation.from] != format::ExportSelection::kNotSelected &&
        s.position[relation.to] != format::ExportSelection::kNotSelected) {
      s.relations.push_back(r);
    }
  }
  return s;
}

namespace {

ExportFormat format_for(const ExportRequest& request) {
  if (!request.format.empty()) return parse_export_format(request.format);
  std::string extension = std::filesystem::path(request.output).extension().string();
  if (extension == ".graphml") return ExportFormat::graphml;
  if (extension == ".gexf") return ExportFormat::gexf;
  if (extension == ".cypher" || extension == ".cql") return ExportFormat::cypher;
  if (extension == ".json") return ExportFormat::hallyu;
  throw UsageError("format is needed: output " + text::quote(request.output) +
                   " has no extension that names one (.graphml, .gexf, .cypher, .json)");
}

}  // namespace

ExportResult export_graph(const Engine& engine, const ExportRequest& request) {
  ExportResult result;
  result.format = format_for(request);
  result.output = request.output;
  if (request.output.empty()) throw UsageError("missing parameter 'output'");
  format::ExportSelection s = export_selection(engine, request);
  result.entities = s.entities.size();
  result.relations = s.relations.size();
  std::filesystem::path output(request.output);
  if (is_folder_format(result.format)) {
    std::error_code ec;
    if (std::filesystem::exists(output, ec) && !std::filesystem::is_directory(output, ec)) {
      throw OutputError(request.output + ": exists and is not a folder (" + std::string(to_string(result.format)) +
                        " writes a folder of files)");
    }
    std::filesystem::create_directories(output, ec);
    if (ec) throw OutputError(request.output + ": cannot create the folder: " + ec.message());
    format::FileSink sink = [&](const std::string& name, const std::function<void(std::ostream&)>& write) {
      io::write_file_atomically(output / name, write);
      result.files.push_back((output / name).string());
    };
    switch (result.format) {
      case ExportFormat::neo4j:
        format::write_neo4j_csv(s, sink);
        break;
      case ExportFormat::kuzu:
        format::write_kuzu(s, sink);
        break;
      default:
        format::write_csv_tables(s, sink);
        break;
    }
    return result;
  }
  io::write_file_atomically(output, [&](std::ostream& out) {
    switch (result.format) {
      case ExportFormat::graphml:
        format::write_graphml(s, out);
        break;
      case ExportFormat::gexf:
        format::write_gexf(s, out);
        break;
      case ExportFormat::cypher:
        format::write_cypher_script(s, out);
        break;
      default:
        format::write_hallyu_json(s, out);
        break;
    }
  });
  result.files.push_back(request.output);
  return result;
}

}  // namespace hallyu::query
