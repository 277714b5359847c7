// hallyu export: the graph, or the filtered part, as files for Gephi, Neo4j, Kuzu, Spark and others.
#include "hallyu/query/export.hpp"

#include "common.hpp"
#include "hallyu/format/json_writer.hpp"

namespace hallyu::cli {

void register_export(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::export_spec(), [](Invocation& in) {
    query::ExportResult r = query::export_graph(in.engine, query::export_request(in.parameters));
    if (in.json) {
      format::JsonWriter out;
      out.start_object();
      out.key("format"), out.string(query::to_string(r.format));
      out.key("output"), out.string(r.output);
      out.key("entities"), out.integer(static_cast<long long>(r.entities));
      out.key("relations"), out.integer(static_cast<long long>(r.relations));
      out.key("files");
      out.start_array();
      for (const std::string& f : r.files) out.string(f);
      out.end_array();
      out.end_object();
      print_line(out.str());
      return 0;
    }
    print_line("wrote " + r.output + " (" + std::string(query::to_string(r.format)) + ", " +
               std::to_string(r.entities) + " entities, " + std::to_string(r.relations) + " relations" +
               (r.files.size() > 1 ? ", " + std::to_string(r.files.size()) + " files" : "") + ")");
    return 0;
  });
}

}  // namespace hallyu::cli
