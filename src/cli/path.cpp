// hallyu path FROM TO: how two entities are connected, hop by hop.
#include "hallyu/query/path.hpp"

#include "common.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/format/json_results.hpp"

namespace hallyu::cli {
namespace {

// "acted_in->  <-acted_in  member_of->": the relation sequence with the direction of travel.
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

void print_path(const Graph& graph, const NameIndex& names, const algo::Path& path, std::size_t number,
                std::size_t count) {
  std::string line;
  for (VertexId v : path.vertices) line += (line.empty() ? "" : " -> ") + names.display_name(v);
  std::string heading = count > 1 ? "Path " + std::to_string(number) + " (" : "(";
  print_line(heading + std::to_string(path.length()) + (path.length() == 1 ? " hop): " : " hops): ") + line);
  for (std::size_t hop = 0; hop < path.length(); ++hop) {
    print_line("  " + std::to_string(hop + 1) + ". " + describe_relation(graph, path.relations[hop]));
  }
  print_line("  relations: " + relation_sequence(graph, path));
}

}  // namespace

void register_path(CLI::App& app, Registry& registry) {
  add_operation(app, registry, query::path_spec(), [](Invocation& in) {
    query::PathRequest request = query::path_request(in.parameters);
    query::PathResult r = query::path(in.engine, request);
    if (in.json) return print_line(format::to_json(in.graph, r)), 0;
    const NameIndex& names = in.engine.names();
    std::string ends = names.label(r.from) + " and " + names.label(r.to);
    if (r.paths.empty()) return print_line("no path between " + ends + (r.filtered ? " with these filters" : "")), 0;
    if (r.total) {
      print_line(std::to_string(*r.total) + " shortest path" + (*r.total == 1 ? "" : "s") + " of length " +
                 std::to_string(r.paths.front().length()) + " between " + ends +
                 (*r.total > r.paths.size()
                      ? " (showing the first " + std::to_string(r.paths.size()) + "; raise --limit)"
                      : ""));
    } else if (request.k > 1 && r.paths.size() < request.k) {
      print_line("only " + std::to_string(r.paths.size()) + " simple path" + (r.paths.size() == 1 ? "" : "s") +
                 " between " + ends);
    }
    for (std::size_t i = 0; i < r.paths.size(); ++i) print_path(in.graph, names, r.paths[i], i + 1, r.paths.size());
    return 0;
  });
}

}  // namespace hallyu::cli
