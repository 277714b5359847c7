#include "common.hpp"

#include <unistd.h>

#include <cstdio>

#include "hallyu/io/json_loader.hpp"
#include "progress.hpp"

namespace hallyu::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--data", options.data,
                     "Dataset file in hallyu/1 JSON (repeatable; files merge by id). Default: the bundled dataset");
  command.add_flag("--json", options.json, "Print machine-readable JSON instead of text");
}

Graph load_graph(const CommonOptions& options) {
  std::vector<std::filesystem::path> files(options.data.begin(), options.data.end());
  ProgressLine progress("loading", " MiB");
  return io::load_graph(files, [&](std::size_t done, std::size_t total) { progress(done >> 20, total >> 20); });
}

void add_filter_options(CLI::App& command, FilterOptions& options, const std::string& type_flag) {
  command.add_option(type_flag, options.types, "Only follow these relation types (comma-separated or repeated)")
      ->delimiter(',');
  command.add_option("--exclude-kinds", options.exclude_kinds,
                     "Never pass through entities of these kinds, e.g. agency,network")
      ->delimiter(',');
  command.add_option("--avoid", options.avoid, "Never pass through this entity (id or name; repeatable)");
}

algo::TraversalFilter make_filter(const FilterOptions& options, const NameIndex& names) {
  algo::TraversalFilter filter;
  if (!options.types.empty()) filter.relation_types = algo::parse_relation_types(join(options.types, ","));
  if (!options.exclude_kinds.empty()) filter.excluded_kinds = algo::parse_kinds(join(options.exclude_kinds, ","));
  for (const std::string& name : options.avoid) filter.avoid(names.resolve_one(name));
  return filter;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

void print_line(const std::string& line) {
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace hallyu::cli
