// hallyu import: CSV, GraphML or kpopnet.json to hallyu/1, optionally linked to an existing dataset.
#include "hallyu/query/import.hpp"

#include "common.hpp"
#include "hallyu/format/import_report.hpp"

namespace hallyu::cli {

void register_import(CLI::App& app, Registry& registry) {
  auto raw = std::make_shared<RawOptions>();
  const query::OperationSpec& spec = query::import_spec();
  CLI::App* command = app.add_subcommand(spec.name, spec.summary);
  add_spec_options(*command, spec, *raw);
  command->add_flag("--json", raw->common.json, "Print the summary and report as JSON");
  registry.push_back(
      {command, [raw] {
         query::ImportResult r = query::import_files(query::import_request(raw->parameters()));
         if (raw->common.json) return print_line(format::import_report_json(r)), 0;
         print_line((r.output.empty() ? "checked " : "wrote " + r.output + " from ") + join(r.files, ", ") + " (" +
                    r.format + "): " + std::to_string(r.entities) + " entities, " + std::to_string(r.relations) +
                    " relations");
         std::string kinds, types;
         for (Kind k : kAllKinds) {
           if (std::size_t n = r.by_kind[static_cast<std::size_t>(k)])
             kinds += (kinds.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(k));
         }
         for (RelationType t : kAllRelationTypes) {
           if (std::size_t n = r.by_type[static_cast<std::size_t>(t)])
             types += (types.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(t));
         }
         print_line("  entities:  " + kinds);
         print_line("  relations: " + types);
         if (!r.skipped.empty()) {
           print_line("  skipped " + std::to_string(r.skipped.size()) + " bad records:");
           for (std::size_t i = 0; i < r.skipped.size() && i < 10; ++i) print_line("    " + r.skipped[i]);
           if (r.skipped.size() > 10) print_line("    ...");
         }
         if (r.link) {
           const io::LinkReport& link = *r.link;
           print_line("  linked to " + r.linked_to + ": " + std::to_string(link.linked.size()) + " linked, " +
                      std::to_string(link.created.size()) + " new (" + std::to_string(link.ambiguous.size()) +
                      " of them ambiguous), " + std::to_string(link.dropped.size()) + " attributes left out");
           for (std::size_t i = 0; i < link.linked.size() && i < 5; ++i) {
             const auto& l = link.linked[i];
             print_line("    " + l.incoming_id + " -> " + l.existing_id + " (" + join(l.evidence, ", ") + ")");
           }
           for (std::size_t i = 0; i < link.ambiguous.size() && i < 5; ++i) {
             const auto& a = link.ambiguous[i];
             print_line("    ambiguous " + a.incoming_id + " '" + a.name + "': " + join(a.candidates, ", ") + " (" +
                        a.reason + ")");
           }
         }
         return 0;
       }});
}

}  // namespace hallyu::cli
