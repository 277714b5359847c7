// hallyu generate: a synthetic dataset for scale tests and benchmarks.
#include "common.hpp"
#include "hallyu/format/json_writer.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/io/synthetic.hpp"

namespace hallyu::cli {

void register_generate(CLI::App& app, Registry& registry) {
  struct Options {
    io::SyntheticOptions synthetic;
    std::string output;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "generate", "Write a synthetic hallyu/1 dataset (about 10 relations per idol), deterministic per seed");
  command->add_option("--idols", options->synthetic.idols, "Number of idols (100000 gives about 1M relations)")
      ->check(CLI::Range(std::uint64_t{5}, std::uint64_t{50'000'000}));
  command->add_option("--seed", options->synthetic.seed, "Random seed");
  command->add_option("-o,--output", options->output, "File to write (atomically)")->required();
  command->add_flag("--json", options->json, "Print the counts as JSON");
  registry.push_back({command, [options] {
                        io::SyntheticCounts counts;
                        io::write_file_atomically(options->output, [&](std::ostream& out) {
                          counts = io::write_synthetic_dataset(out, options->synthetic);
                        });
                        if (options->json) {
                          format::JsonWriter out;
                          out.start_object();
                          out.key("file"), out.string(options->output);
                          out.key("entities"), out.integer(static_cast<long long>(counts.entities));
                          out.key("relations"), out.integer(static_cast<long long>(counts.relations));
                          out.end_object();
                          print_line(out.str());
                        } else {
                          print_line(options->output + ": " + std::to_string(counts.entities) + " entities, " +
                                     std::to_string(counts.relations) + " relations");
                        }
                        return 0;
                      }});
}

}  // namespace hallyu::cli
