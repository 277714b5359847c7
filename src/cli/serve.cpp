// hallyu serve: the web explorer, served by this binary alone (page and data are compiled in).
#include <csignal>
#include <cstdio>

#include "common.hpp"
#include "hallyu/server/server.hpp"

namespace hallyu::cli {

void register_serve(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    server::ServeOptions serve;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("serve", "Serve the web explorer and its JSON API (local by default)");
  command->add_option("--port,-p", options->serve.port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  command->add_option("--bind", options->serve.bind,
                      "Address to listen on; 0.0.0.0 exposes the explorer to the network");
  repeatable(command->add_option("--data", options->data, "Dataset file (repeatable); default: the bundled dataset"));
  repeatable(command->add_option("--allow-host", options->serve.allowed_hosts,
                                 "Also answer requests for this Host name (repeatable; '*': any). Loopback names and "
                                 "the --bind address are always allowed"));
  registry.push_back({command, [options] {
                        Graph graph = load_graph(*options);
                        server::Server server(graph, options->serve);
                        server.run([&](int port) {
                          // The first line is for people and scripts alike (tests read the port from it).
                          std::printf("hallyu: serving %zu entities at http://%s:%d/ (Ctrl-C to stop)\n",
                                      graph.entity_count(), options->serve.bind.c_str(), port);
                          std::fflush(stdout);
                        });
                        return 0;
                      }});
}

}  // namespace hallyu::cli
