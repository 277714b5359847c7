// hallyu stats: what the loaded dataset holds.
#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/components.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {

void register_stats(CLI::App& app, Registry& registry) {
  auto options = std::make_shared<CommonOptions>();
  CLI::App* command = app.add_subcommand("stats", "Count entities and relations by kind and type, and components");
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    Graph graph = load_graph(*options);
    std::array<std::size_t, kKindCount> by_kind{};
    std::array<std::size_t, kRelationTypeCount> by_type{};
    for (const Entity& e : graph.entities()) ++by_kind[static_cast<std::size_t>(e.kind)];
    for (const Relation& r : graph.relations()) ++by_type[static_cast<std::size_t>(r.type)];
    algo::Components components = algo::connected_components(graph);
    std::size_t largest = components.sizes.empty() ? 0 : components.sizes.front();
    if (options->json) {
      io::JsonWriter out;
      io::write_stats(out, graph);
      print_line(out.str());
      return 0;
    }
    print_line("dataset: " + join(graph.sources(), ", "));
    print_line("entities:   " + std::to_string(graph.entity_count()));
    for (Kind k : kAllKinds) {
      print_line("  " + text::pad(to_string(k), 20) + std::to_string(by_kind[static_cast<std::size_t>(k)]));
    }
    print_line("relations:  " + std::to_string(graph.relation_count()));
    for (RelationType t : kAllRelationTypes) {
      print_line("  " + text::pad(to_string(t), 20) + std::to_string(by_type[static_cast<std::size_t>(t)]));
    }
    print_line("components: " + std::to_string(components.sizes.size()) + " (largest has " + std::to_string(largest) +
               " entities)");
    return 0;
  }});
}

}  // namespace hallyu::cli
