// The CLI's shared pieces: options from parameter specs, loading, printing.
#include "common.hpp"

#include <unistd.h>

#include <cstdio>

#include "hallyu/io/json_loader.hpp"
#include "hallyu/text.hpp"
#include "progress.hpp"

namespace hallyu::cli {

CLI::Option* repeatable(CLI::Option* option) { return option->allow_extra_args(false); }

void add_common_options(CLI::App& command, CommonOptions& options) {
  repeatable(command.add_option("--data", options.data,
                                "Dataset file in hallyu/1 JSON or a .hsnap snapshot (repeatable; files merge by id). "
                                "Default: the bundled dataset"));
  command.add_flag("--json", options.json, "Print machine-readable JSON instead of text");
}

Graph load_graph(const CommonOptions& options) {
  std::vector<std::filesystem::path> files(options.data.begin(), options.data.end());
  ProgressLine progress("loading", " MiB");
  return io::load_graph(files, [&](std::size_t done, std::size_t total) { progress(done >> 20, total >> 20); });
}

query::Parameters RawOptions::parameters() const {
  query::Parameters out;
  for (const auto& [name, value] : single) {
    if (!value.empty()) out.add(name, value);
  }
  for (const auto& [name, values] : repeated) {
    for (const std::string& value : values) out.add(name, value);
  }
  for (const auto& [name, on] : flags) {
    if (on) out.add(name, "true");
  }
  return out;
}

void add_spec_options(CLI::App& command, const query::OperationSpec& spec, RawOptions& raw) {
  using T = query::ParameterSpec::Type;
  for (const query::ParameterSpec& p : spec.parameters) {
    if (p.positional) {
      if (p.type == T::names || p.type == T::list) {
        command.add_option(p.name, raw.repeated[p.name], p.help)->required();
      } else {
        command.add_option(p.name, raw.single[p.name], p.help)->required();
      }
      continue;
    }
    std::string dashed = p.name;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    std::string names = (p.cli_names.empty() ? "" : p.cli_names + ",") + "--" + dashed;
    if (p.type == T::flag) {
      command.add_flag(names, raw.flags[p.name], p.help);
    } else if (p.type == T::list || p.type == T::names) {
      repeatable(command.add_option(names, raw.repeated[p.name], p.help));
    } else {
      command.add_option(names, raw.single[p.name], p.help)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    }
  }
  if (!spec.footer.empty()) command.footer(spec.footer);
}

std::pair<CLI::App*, std::shared_ptr<RawOptions>> add_operation(CLI::App& app, Registry& registry,
                                                                const query::OperationSpec& spec, Handler handler) {
  auto raw = std::make_shared<RawOptions>();
  CLI::App* command = app.add_subcommand(spec.name, spec.summary);
  add_spec_options(*command, spec, *raw);
  add_common_options(*command, raw->common);
  registry.push_back({command, [raw, handler] {
                        Graph graph = load_graph(raw->common);
                        query::Engine engine(graph, query::Limits::batch());
                        Invocation invocation{graph, engine, raw->parameters(), raw->common.json};
                        return handler(invocation);
                      }});
  return {command, raw};
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
  return out;
}

void print_line(const std::string& line) {
  // Names and attribute values are data: control characters and bidi overrides never reach the terminal raw.
  std::string shown = text::printable(line);
  std::fwrite(shown.data(), 1, shown.size(), stdout);
  std::fputc('\n', stdout);
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace hallyu::cli
