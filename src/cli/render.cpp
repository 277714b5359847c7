// hallyu render: diagrams of ego networks, paths, clusters or the whole graph, drawn by Graphviz.
#include "hallyu/query/render.hpp"

#include <iostream>

#include "common.hpp"
#include "hallyu/error.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/io/atomic_file.hpp"

namespace hallyu::cli {

void register_render(CLI::App& app, Registry& registry) {
  struct Output {
    std::string file;
    std::vector<std::string> path;
  };
  auto output = std::make_shared<Output>();
  auto [command, raw] = add_operation(app, registry, query::render_spec(), [output](Invocation& in) {
    query::Parameters& parameters = in.parameters;
    if (!output->path.empty()) parameters.add("from", output->path[0]), parameters.add("to", output->path[1]);
    if (!parameters.has("format")) {
      if (output->file == "-") throw UsageError("writing to standard output needs --format");
      parameters.add("format", std::string(render::to_string(render::format_from_path(output->file))));
    }
    query::RenderResult r = query::render_diagram(in.engine, query::render_request(parameters));
    if (output->file == "-") {
      std::cout.write(r.bytes.data(), static_cast<std::streamsize>(r.bytes.size()));
      std::cout.flush();
      return 0;
    }
    io::write_file_atomically(output->file, [&](std::ostream& out) {
      out.write(r.bytes.data(), static_cast<std::streamsize>(r.bytes.size()));
    });
    if (in.json) return print_line(format::to_json(in.graph, r, output->file)), 0;
    print_line("wrote " + output->file + " (" + std::string(render::to_string(r.format)) + ", " + r.layout +
               " layout, " + std::to_string(r.diagram.vertices.size()) + " entities, " +
               std::to_string(r.diagram.relations.size()) + " relations" +
               (r.diagram.note.empty() ? "" : "; " + r.diagram.note) + ")");
    return 0;
  });
  command
      ->add_option("-o,--output", output->file, "File to write (format from its extension), or - for standard output")
      ->required();
  command
      ->add_option("--path", output->path,
                   "Draw the paths between two entities (FROM TO), highlighted over their dimmed context")
      ->expected(2);
}

}  // namespace hallyu::cli
