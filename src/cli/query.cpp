// hallyu query 'MATCH ...': openCypher over the loaded graph, as a table, JSON, CSV or a diagram.
#include <unistd.h>

#include <iostream>
#include <iterator>

#include "common.hpp"
#include "hallyu/error.hpp"
#include "hallyu/format/json_results.hpp"
#include "hallyu/format/query_result.hpp"
#include "hallyu/io/atomic_file.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/query/run_query.hpp"

namespace hallyu::cli {
namespace {

constexpr std::size_t kMaxStdinBytes = 1 << 20;

std::string read_stdin() {
  std::string text;
  char buffer[4096];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (text.size() > kMaxStdinBytes) throw UsageError("the query on standard input is longer than 1 MiB");
  }
  return text;
}

}  // namespace

void register_query(CLI::App& app, Registry& registry) {
  struct Input {
    std::string text, file, render;
    bool csv = false;
  };
  auto input = std::make_shared<Input>();
  auto [command, raw] = add_operation(app, registry, query::query_spec(), [input](Invocation& in) {
    int sources = !input->text.empty() + !input->file.empty();
    if (sources > 1) throw UsageError("give the query as text or with -f FILE, not both");
    if (!in.parameters.has("q")) {
      if (!input->text.empty()) {
        in.parameters.add("q", input->text);
      } else if (!input->file.empty()) {
        in.parameters.add("q", io::read_file(input->file));
      } else if (::isatty(STDIN_FILENO) != 1) {
        in.parameters.add("q", read_stdin());
      } else {
        throw UsageError("no query: give it as text, with -f FILE, or on standard input");
      }
    }
    if (input->csv && in.json) throw UsageError("--csv and --json do not go together");
    query::QueryRequest request = query::query_request(in.parameters);
    query::cypher::QueryResult result = query::run_query(in.engine, request);
    if (!input->render.empty()) {
      render::Diagram diagram = query::result_diagram(in.graph, result);
      render::RenderOptions options;
      std::string bytes = render::render(in.graph, diagram, render::format_from_path(input->render), options);
      io::write_file_atomically(input->render, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
    }
    if (in.json) return print_line(format::query_result_json(in.graph, result)), 0;
    std::string out = input->csv ? format::query_result_csv(in.graph, result) : format::query_result_table(in.graph, result);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (!out.empty() && out.back() != '\n') std::fputc('\n', stdout);
    return 0;
  });
  command->add_option("text", input->text, "The query, e.g. \"MATCH (i:Idol)-[:ACTED_IN]->(d:Drama) RETURN i.name, count(d)\"");
  command->add_option("-f,--file", input->file, "Read the query from FILE");
  command->add_flag("--csv", input->csv, "Print CSV (RFC 4180) instead of a table");
  command->add_option("--render", input->render, "Also draw the nodes, relations and paths returned (svg, png, pdf, dot by extension)");
}

}  // namespace hallyu::cli
