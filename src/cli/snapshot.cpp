// hallyu snapshot: the loaded data as a binary file that loads without parsing JSON (--data x.hsnap).
#include "hallyu/io/snapshot.hpp"

#include "common.hpp"
#include "hallyu/format/json_writer.hpp"

namespace hallyu::cli {

void register_snapshot(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("snapshot", "Save the loaded data as a binary snapshot for fast loading (--data FILE.hsnap)");
  command->add_option("-o,--output", options->output, "Snapshot file to write (atomically)")->required();
  add_common_options(*command, *options);
  registry.push_back(
      {command, [options] {
         Graph graph = load_graph(*options);
         io::write_snapshot(graph, options->output);
         auto bytes = std::filesystem::file_size(options->output);
         if (options->json) {
           format::JsonWriter out;
           out.start_object();
           out.key("file"), out.string(options->output);
           out.key("version"), out.integer(io::kSnapshotVersion);
           out.key("entities"), out.integer(static_cast<long long>(graph.entity_count()));
           out.key("relations"), out.integer(static_cast<long long>(graph.relation_count()));
           out.key("bytes"), out.integer(static_cast<long long>(bytes));
           out.end_object();
           print_line(out.str());
         } else {
           print_line("wrote " + options->output + " (snapshot version " + std::to_string(io::kSnapshotVersion) + ", " +
                      std::to_string(graph.entity_count()) + " entities, " + std::to_string(graph.relation_count()) +
                      " relations, " + std::to_string(bytes >> 20) + " MiB)");
         }
         return 0;
       }});
}

}  // namespace hallyu::cli
