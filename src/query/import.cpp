// import: pick the importer, apply the mapping, link, write hallyu/1 and the report.
#include "hallyu/query/import.hpp"

#include <filesystem>

#include "hallyu/error.hpp"
#include "hallyu/format/export.hpp"
#include "hallyu/format/hallyu_json.hpp"
#include "hallyu/format/import_report.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/io/import_csv.hpp"
#include "hallyu/io/import_graphml.hpp"
#include "hallyu/io/import_kpopnet.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {

const OperationSpec& import_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec{
      "import",
      "Convert CSV, GraphML or kpopnet.json to hallyu/1, optionally linked to an existing dataset",
      {{"files", T::names, "Input files (for csv also folders: every .csv in them)", true, ""},
       {"format", T::text, "csv, graphml or kpopnet", false, "-f"},
       {"output", T::text, "hallyu/1 file to write (atomically)", false, "-o"},
       {"dry_run", T::flag, "Check and summarise without writing", false, ""},
       {"map", T::text,
        "Mapping file: {\"kinds\": {...}, \"types\": {...}, \"columns\": {...}, \"kind\", \"type\", \"id_prefix\"}",
        false, ""},
       {"kind", T::text, "Kind of records without a label", false, ""},
       {"type", T::text, "Relation type of relations without one", false, ""},
       {"id_prefix", T::text, "Put before every incoming id (kpopnet: kpopnet-)", false, ""},
       {"array_delimiter", T::text, "Separator of CSV list cells (default ;)", false, ""},
       {"skip_bad", T::flag, "Leave bad records out and list them, instead of stopping at the first", false, ""},
       {"link_to", T::names, "Link to this dataset: reuse its ids for the same entities (repeatable)", false, ""},
       {"link_bundled", T::flag, "Link to the bundled dataset", false, ""},
       {"same_as", T::names,
        "INCOMING=EXISTING: link these two, audited by hand (a renamed agency, a year one side has wrong; repeatable)",
        false, ""},
       {"report", T::text, "Write the report (skipped records, linked, new, ambiguous) as JSON to this file", false,
        ""}},
      "Linking never joins on a bare name: a name, alias or Hangul name must be confirmed by a birth, debut or drama "
      "year or by a neighbour already linked; a different year rules a candidate out, and so do groups none of which "
      "can be the other side's. Load the result next to the dataset it was linked to: --data that.json --data "
      "output.json."};
  return spec;
}

ImportRequest import_request(const Parameters& parameters) {
  ImportRequest request;
  request.files = parameters.all("files");
  if (request.files.empty()) throw UsageError("missing parameter 'files'");
  request.format = parameters.required("format");
  if (auto v = parameters.text("output")) request.output = *v;
  request.dry_run = parameters.flag("dry_run");
  if (auto v = parameters.text("map")) request.map = *v;
  if (auto v = parameters.text("kind")) request.kind = *v;
  if (auto v = parameters.text("type")) request.type = *v;
  if (auto v = parameters.text("id_prefix")) request.id_prefix = *v;
  if (auto v = parameters.text("array_delimiter")) request.array_delimiter = *v;
  request.skip_bad = parameters.flag("skip_bad");
  request.link_to = parameters.all("link_to");
  request.link_bundled = parameters.flag("link_bundled");
  for (const std::string& pair : parameters.all("same_as")) {
    std::size_t at = pair.find('=');
    if (at == std::string::npos || at == 0 || at + 1 == pair.size())
      throw UsageError("same_as " + text::quote(pair) + " must be INCOMING=EXISTING (two ids)");
    request.same_as.emplace_back(pair.substr(0, at), pair.substr(at + 1));
  }
  if (auto v = parameters.text("report")) request.report = *v;
  return request;
}

ImportResult import_files(const ImportRequest& request) {
  static const std::vector<std::string_view> kFormats = {"csv", "graphml", "kpopnet"};
  if (std::find(kFormats.begin(), kFormats.end(), request.format) == kFormats.end()) {
    throw UsageError("unknown import format " + text::quote(request.format) +
                     text::did_you_mean(text::nearest(request.format, kFormats)) +
                     "; formats are csv, graphml, kpopnet");
  }
  if (request.output.empty() && !request.dry_run) throw UsageError("output is needed (or dry_run)");
  io::ImportOptions options;
  if (!request.map.empty()) options.mapping = io::read_mapping(request.map);
  if (!request.kind.empty()) {
    if (!parse_kind(request.kind)) throw UsageError("kind " + text::quote(request.kind) + " is not a kind");
    options.mapping.kind = request.kind;
  }
  if (!request.type.empty()) {
    if (!parse_relation_type(request.type))
      throw UsageError("type " + text::quote(request.type) + " is not a relation type");
    options.mapping.type = request.type;
  }
  if (!request.id_prefix.empty()) options.mapping.id_prefix = request.id_prefix;
  if (!request.array_delimiter.empty()) options.mapping.array_delimiter = request.array_delimiter;
  options.skip_bad = request.skip_bad;

  ImportResult result;
  result.format = request.format;
  std::vector<io::SourceText> sources;
  for (const std::string& name : request.files) {
    std::filesystem::path path(name);
    std::error_code ec;
    if (request.format == "csv" && std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> inside;
      for (const auto& entry : std::filesystem::directory_iterator(path)) {
        if (entry.path().extension() == ".csv") inside.push_back(entry.path());
      }
      std::sort(inside.begin(), inside.end());
      if (inside.empty()) throw DataError(name + ": a folder without .csv files");
      for (const auto& p : inside) sources.push_back({p.string(), io::read_file(p)});
      continue;
    }
    sources.push_back({name, io::read_file(path)});
  }
  for (const io::SourceText& s : sources) result.files.push_back(s.name);

  std::optional<Graph> existing;
  if (!request.link_to.empty() || request.link_bundled) {
    std::vector<std::filesystem::path> files(request.link_to.begin(), request.link_to.end());
    if (request.link_bundled && files.empty()) {
      existing.emplace(io::load_dataset({io::bundled_dataset()}));
      result.linked_to = "the bundled dataset";
    } else {
      if (request.link_bundled) throw UsageError("link to the bundled dataset or to files, not both");
      existing.emplace(io::load_dataset_files(files));
      for (const std::string& f : request.link_to) result.linked_to += (result.linked_to.empty() ? "" : ", ") + f;
    }
    options.existing = &*existing;
  }

  io::Imported imported = request.format == "csv"       ? io::import_csv(sources, options)
                          : request.format == "graphml" ? io::import_graphml(sources, options)
                                                        : io::import_kpopnet(sources, options);
  result.skipped = std::move(imported.skipped);
  Dataset dataset = std::move(imported.dataset);
  if (!request.same_as.empty() && !existing) throw UsageError("same_as needs a dataset to link to");
  if (existing) {
    io::LinkResult linked = io::link_dataset(std::move(dataset), *existing, {request.same_as});
    dataset = std::move(linked.dataset);
    result.link = std::move(linked.report);
  }
  dataset.sources = result.files;
  Graph graph(std::move(dataset));
  result.entities = graph.entity_count();
  result.relations = graph.relation_count();
  for (const Entity& e : graph.entities()) ++result.by_kind[static_cast<std::size_t>(e.kind)];
  for (const Relation& r : graph.relations()) ++result.by_type[static_cast<std::size_t>(r.type)];
  if (!request.dry_run) {
    format::ExportSelection all = format::select_all(graph);
    io::write_file_atomically(request.output, [&](std::ostream& out) { format::write_hallyu_json(all, out); });
    result.output = request.output;
  }
  if (!request.report.empty()) {
    std::string json = format::import_report_json(result);
    io::write_file_atomically(request.report, [&](std::ostream& out) { out << json << '\n'; });
  }
  return result;
}

}  // namespace hallyu::query
