// hallyu render: diagrams of ego networks, paths, clusters or the whole graph, drawn by Graphviz.
#include <iostream>

#include "common.hpp"
#include "hallyu/algo/communities.hpp"
#include "hallyu/algo/ego_network.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/io/json_writer.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/render/graphviz.hpp"
#include "hallyu/text.hpp"

namespace hallyu::cli {
void register_render(CLI::App& app, Registry& registry) {
  struct Options : CommonOptions {
    std::string output, format, layout = "auto";
    std::string ego;
    unsigned radius = 1;
    std::vector<std::string> path;
    std::size_t k = 1;
    std::size_t context = 6;
    long long cluster = -1;
    std::string method = "leiden";
    std::uint64_t seed = 1;
    bool all = false, force = false, edge_labels = false, no_legend = false;
    std::size_t max_nodes = 500;
    std::vector<std::string> highlight;
    FilterOptions filter;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("render", "Draw an ego network, paths, a cluster or the whole graph (SVG, PNG, PDF, DOT)");
  command->add_option("-o,--output", options->output, "File to write (format from its extension), or - for standard output")->required();
  command->add_option("--format", options->format, "svg, png, pdf or dot (default: from the file extension)");
  command->add_option("--layout", options->layout, "auto, dot, neato, fdp, sfdp, circo, twopi");
  command->add_option("--ego", options->ego, "Draw the neighbourhood of this entity");
  command->add_option("--radius,-r", options->radius, "Hops around --ego")->check(CLI::Range(1, 4));
  command->add_option("--path", options->path, "Draw the paths between two entities (FROM TO), highlighted over their dimmed context")
      ->expected(2);
  command->add_option("--k,-k", options->k, "With --path: the k shortest paths")->check(CLI::Range(1, 50));
  command->add_option("--context", options->context, "With --path: neighbours shown (dimmed) around each path entity");
  command->add_option("--cluster", options->cluster, "Draw cluster ID of --method (0 is the largest)");
  command->add_option("--method,-m", options->method, "Clustering for --cluster: components, louvain, leiden, label-propagation");
  command->add_option("--seed", options->seed, "Seed for --cluster");
  command->add_flag("--all", options->all, "Draw the whole (filtered) graph");
  command->add_flag("--force", options->force, "Draw even above --max-nodes");
  command->add_option("--max-nodes", options->max_nodes, "Refuse diagrams larger than this unless --force");
  command->add_option("--highlight", options->highlight, "Emphasise this entity (repeatable)");
  command->add_flag("--edge-labels", options->edge_labels, "Label every relation with its type and role");
  command->add_flag("--no-legend", options->no_legend, "Leave the legend out");
  add_filter_options(*command, options->filter, "--via");
  add_common_options(*command, *options);
  registry.push_back({command, [options] {
    int subjects = !options->ego.empty() + !options->path.empty() + (options->cluster >= 0) + options->all;
    if (subjects != 1) throw UsageError("choose exactly one of --ego NAME, --path FROM TO, --cluster ID, --all");
    render::Format format = options->format.empty()
                                ? (options->output == "-" ? throw UsageError("writing to standard output needs --format")
                                                          : render::format_from_path(options->output))
                                : render::parse_format(options->format);
    Graph graph = load_graph(*options);
    NameIndex names(graph);
    algo::TraversalFilter filter = make_filter(options->filter, names);
    render::Diagram diagram;
    std::size_t max_nodes = options->force ? 0 : options->max_nodes;
    if (!options->ego.empty()) {
      diagram = render::ego_diagram(graph, names.resolve_one(options->ego), options->radius, filter, max_nodes);
    } else if (!options->path.empty()) {
      VertexId from = names.resolve_one(options->path[0]), to = names.resolve_one(options->path[1]);
      algo::PathFinder finder(graph);
      std::vector<algo::Path> paths = finder.k_shortest_paths(from, to, options->k, filter);
      if (paths.empty()) throw UsageError("no path between " + names.label(from) + " and " + names.label(to) + " to draw");
      diagram = render::path_diagram(graph, paths, filter, options->context);
    } else if (options->cluster >= 0) {
      auto simple = algo::simple_graph(graph, filter);
      algo::ClusterMethod method = algo::parse_cluster_method(options->method);
      algo::CommunityOptions community{options->seed, 1.0, 50};
      if (method == algo::ClusterMethod::kcore) throw UsageError("--cluster draws components, louvain, leiden or label-propagation clusters");
      algo::Partition partition = algo::cluster(simple, method, community).partition;
      if (options->cluster >= partition.count) {
        throw UsageError("there is no cluster " + std::to_string(options->cluster) + "; " + options->method + " found " +
                         std::to_string(partition.count) + " (0 to " + std::to_string(partition.count - 1) + ")");
      }
      std::vector<VertexId> members;
      for (std::uint32_t i = 0; i < simple.size(); ++i) {
        if (partition.community[i] == static_cast<std::uint32_t>(options->cluster)) members.push_back(simple.original(i));
      }
      diagram = render::cluster_diagram(graph, std::move(members),
                                        options->method + " cluster #" + std::to_string(options->cluster) + " (seed " +
                                            std::to_string(options->seed) + ")",
                                        filter, max_nodes);
    } else {
      diagram = render::whole_graph_diagram(graph, filter, max_nodes);
    }
    for (const std::string& name : options->highlight) diagram.highlighted_vertices.push_back(names.resolve_one(name));
    render::RenderOptions render_options;
    render_options.layout = options->layout;
    render_options.edge_labels = options->edge_labels;
    render_options.legend = !options->no_legend;
    std::string layout = options->layout == "auto" ? render::automatic_layout(diagram) : options->layout;
    std::string bytes = render::render(graph, diagram, format, render_options);
    if (options->output == "-") {
      std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      std::cout.flush();
      return 0;
    }
    io::write_file_atomically(options->output, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    if (options->json) {
      io::JsonWriter out;
      out.start_object();
      out.key("file"), out.string(options->output);
      out.key("format"), out.string(render::to_string(format));
      out.key("layout"), out.string(layout);
      out.key("entities"), out.integer(static_cast<long long>(diagram.vertices.size()));
      out.key("relations"), out.integer(static_cast<long long>(diagram.relations.size()));
      out.key("bytes"), out.integer(static_cast<long long>(bytes.size()));
      out.end_object();
      print_line(out.str());
    } else {
      print_line("wrote " + options->output + " (" + std::string(render::to_string(format)) + ", " + layout + " layout, " +
                 std::to_string(diagram.vertices.size()) + " entities, " + std::to_string(diagram.relations.size()) + " relations)");
    }
    return 0;
  }});
}

}  // namespace hallyu::cli
