// hallyu path FROM TO: how two entities are connected, hop by hop.
#include "common.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/error.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/name_index.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
namespace {

// "acted_in -> <- acted_in -> member_of": the relation sequence with the direction of travel.
std::string relation_sequence(const Graph& graph, const algo::Path& path) {
  std::string out;
  for (std::size_t hop = 0; hop < path.length(); ++hop) {
    RelationType type = graph.relation(path.relations[hop]).type;
    bool forward = algo::travels_forward(graph, path, hop);
    out += (hop ? "  " : "") + std::string(is_symmetric(type) || forward ? "" : "<-") + std::string(to_string(type)) +
           (is_symmetric(type) || !forward ? "" : "->");
  }
  return out;
}

void print_path(const Graph& graph, const algo::Path& path, std::size_t number, std::size_t count) {
  std::string names;
  for (VertexId v : path.vertices) names += (names.empty() ? "" : " -> ") + graph.entity(v).name;
  std::string heading = count > 1 ? "Path " + std::to_string(number) + " (" : "(";
  print_line(heading + std::to_string(path.length()) + (path.length() == 1 ? " hop): " : " hops): ") + names);
  for (std::size_t hop = 0; hop < path.length(); ++hop) {
    print_line("  " + std::to_string(hop + 1) + ". " + describe_relation(graph, path.relations[hop]));
  }
  print_line("  relations: " + relation_sequence(graph, path));
}

}  // namespace

void register_path(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string from, to;
    std::size_t k = 1;
    bool all_shortest = false;
    std::size_t limit = 100;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("path", "How are two entities connected? Shortest, k shortest or all shortest paths");
  command->add_option("from", options->from, "Id, name or alias")->required();
  command->add_option("to", options->to, "Id, name or alias")->required();
  command->add_option("--k,-k", options->k, "The k shortest simple paths, shortest first")->check(CLI::Range(1, 1000));
  command->add_flag("--all-shortest", options->all_shortest, "Every shortest path (up to --limit)");
  command->add_option("--limit", options->limit, "Most paths --all-shortest prints")->check(CLI::Range(1, 100000));
  add_filter_options(*command, options->filter, "--via");
  add_common_options(*command, *options);
  command->footer(
      "Filters: --via acted_in,performed keeps only those relation types; --exclude-kinds agency,network keeps\n"
      "paths away from hubs that connect everything; --avoid NAME (repeatable) keeps paths away from NAME.");
  registry.push_back({command, [options] {
    if (options->all_shortest && options->k != 1) throw UsageError("--k and --all-shortest do not go together");
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    VertexId from = names.resolve_one(options->from);
    VertexId to = names.resolve_one(options->to);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    for (VertexId end : {from, to}) {
      if (!filter.avoided.empty() && std::binary_search(filter.avoided.begin(), filter.avoided.end(), end)) {
        throw UsageError("cannot --avoid " + names.label(end) + ": it is an end of the path");
      }
    }
    algo::PathFinder finder(graph);
    std::vector<algo::Path> paths;
    std::uint64_t total = 0;
    if (options->all_shortest) {
      algo::AllShortestPaths all = finder.all_shortest_paths(from, to, options->limit, filter);
      paths = std::move(all.paths);
      total = all.total;
    } else {
      paths = finder.k_shortest_paths(from, to, options->k, filter);
      total = paths.size();
    }
    if (options->json) {
      io::JsonWriter out;
      io::write_paths(out, graph, from, to, paths, options->all_shortest ? std::optional<std::uint64_t>(total) : std::nullopt);
      print_line(out.str());
      return 0;
    }
    std::string ends = names.label(from) + " and " + names.label(to);
    if (paths.empty()) {
      print_line("no path between " + ends + (filter.is_unfiltered() ? "" : " with these filters"));
      return 0;
    }
    if (options->all_shortest) {
      print_line(std::to_string(total) + " shortest path" + (total == 1 ? "" : "s") + " of length " +
                 std::to_string(paths.front().length()) + " between " + ends +
                 (total > paths.size() ? " (showing the first " + std::to_string(paths.size()) + "; raise --limit)" : ""));
    } else if (options->k > 1 && paths.size() < options->k) {
      print_line("only " + std::to_string(paths.size()) + " simple path" + (paths.size() == 1 ? "" : "s") + " between " + ends);
    }
    for (std::size_t i = 0; i < paths.size(); ++i) print_path(graph, paths[i], i + 1, paths.size());
    return 0;
  }});
}

}  // namespace hallyu::cli
