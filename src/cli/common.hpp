// Pieces every subcommand shares: the registry, --data/--json, loading, printing, and the one adapter
// that turns an operation's parameter specs (query/) into CLI options and back into Parameters, so a
// command file only formats the result of its request.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "hallyu/graph.hpp"
#include "hallyu/query/engine.hpp"

namespace hallyu::cli {

struct Command {
  CLI::App* app;
  std::function<int()> run;
};
using Registry = std::vector<Command>;

struct CommonOptions {
  std::vector<std::string> data;
  bool json = false;
};

// --data FILE (repeatable) and --json on `command`.
void add_common_options(CLI::App& command, CommonOptions& options);
Graph load_graph(const CommonOptions& options);

// What an operation's command is run with: its parameters, read as the engine reads the API's.
struct Invocation {
  const Graph& graph;
  const query::Engine& engine;
  query::Parameters parameters;
  bool json;
};
using Handler = std::function<int(Invocation&)>;

// The raw option values of one command, by parameter name (std::map: references stay valid).
struct RawOptions {
  CommonOptions common;
  std::map<std::string, std::string> single;
  std::map<std::string, std::vector<std::string>> repeated;
  std::map<std::string, bool> flags;
  query::Parameters parameters() const;
};

// A subcommand for `spec`: every parameter becomes an option (--exclude-kinds for exclude_kinds, plus
// the spec's extra spellings) or a positional, options work before, between and after positionals.
// `handler` runs with the loaded graph. Returns the subcommand and its raw options, for extra CLI-only
// options (render's -o).
std::pair<CLI::App*, std::shared_ptr<RawOptions>> add_operation(CLI::App& app, Registry& registry,
                                                                const query::OperationSpec& spec, Handler handler);

// Every parameter of `spec` as an option or positional of `command` (what add_operation does, for
// commands that load no graph, such as import).
void add_spec_options(CLI::App& command, const query::OperationSpec& spec, RawOptions& raw);

// A repeatable option must not swallow the positionals after it ("--avoid X IU D.O.").
CLI::Option* repeatable(CLI::Option* option);

std::string join(const std::vector<std::string>& parts, const std::string& separator);
void print_line(const std::string& line);  // stdout, newline-terminated
bool stderr_is_terminal();

void register_stats(CLI::App& app, Registry& registry);
void register_show(CLI::App& app, Registry& registry);
void register_search(CLI::App& app, Registry& registry);
void register_neighbors(CLI::App& app, Registry& registry);
void register_path(CLI::App& app, Registry& registry);
void register_degrees(CLI::App& app, Registry& registry);
void register_generate(CLI::App& app, Registry& registry);
void register_centrality(CLI::App& app, Registry& registry);
void register_clusters(CLI::App& app, Registry& registry);
void register_crossovers(CLI::App& app, Registry& registry);
void register_render(CLI::App& app, Registry& registry);
void register_serve(CLI::App& app, Registry& registry);
void register_snapshot(CLI::App& app, Registry& registry);
void register_query(CLI::App& app, Registry& registry);
void register_timeline(CLI::App& app, Registry& registry);
void register_check(CLI::App& app, Registry& registry);
void register_export(CLI::App& app, Registry& registry);
void register_import(CLI::App& app, Registry& registry);

}  // namespace hallyu::cli
