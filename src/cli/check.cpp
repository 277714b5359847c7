// hallyu check [--data FILE...] [--strict]: the plausibility audit of input files, warnings with places.
#include "hallyu/query/check.hpp"

#include <algorithm>

#include "common.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {

void register_check(CLI::App& app, Registry& registry) {
  // The audit needs the files' text for its places, so it reads them itself rather than through the
  // loaded-graph handler every other operation uses; its options still come from its spec.
  auto raw = std::make_shared<RawOptions>();
  const query::OperationSpec& spec = query::check_spec();
  CLI::App* command = app.add_subcommand(spec.name, spec.summary);
  for (const query::ParameterSpec& p : spec.parameters) {
    std::string dashed = p.name;
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (p.type == query::ParameterSpec::Type::flag) {
      command->add_flag("--" + dashed, raw->flags[p.name], p.help);
    } else {
      command->add_option("--" + dashed, raw->single[p.name], p.help);
    }
  }
  add_common_options(*command, raw->common);
  command->footer(spec.footer);
  registry.push_back({command, [raw] {
                        query::CheckRequest request = query::check_request(raw->parameters());
                        std::vector<io::SourceText> sources;
                        for (const std::string& file : raw->common.data) sources.push_back({file, io::read_file(file)});
                        if (sources.empty()) sources.push_back(io::bundled_dataset());
                        query::CheckResult result = query::check(sources, request);
                        if (raw->common.json) {
                          format::JsonWriter out;
                          format::write_json(out, result);
                          print_line(out.str());
                        } else {
                          for (const query::CheckWarning& w : result.warnings) print_line(w.line());
                          print_line("checked " + join(result.sources, ", ") + ": " + std::to_string(result.entities) +
                                     " entities, " + std::to_string(result.relations) + " relations, " +
                                     std::to_string(result.warnings.size()) +
                                     (result.warnings.size() == 1 ? " warning" : " warnings"));
                        }
                        std::fflush(stdout);
                        query::check_verdict(result);
                        return 0;
                      }});
}

}  // namespace hallyu::cli
