// Pieces every subcommand shares: --data/--json options, loading, printing, filters from flags.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "hallyu/algo/filter.hpp"
#include "hallyu/graph.hpp"
#include "hallyu/name_index.hpp"

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

// Filter flags shared by traversing commands: --via/--type, --exclude-kinds, --avoid.
struct FilterOptions {
  std::vector<std::string> types;
  std::vector<std::string> exclude_kinds;
  std::vector<std::string> avoid;
};
void add_filter_options(CLI::App& command, FilterOptions& options, const std::string& type_flag);
algo::TraversalFilter make_filter(const FilterOptions& options, const NameIndex& names);

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

}  // namespace hallyu::cli
