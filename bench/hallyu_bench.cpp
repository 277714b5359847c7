// Times hallyu's engine on one dataset, for bench/compare.sh. Prints one JSON object per operation:
// {"tool":"hallyu","op":...,"median_ms":...,"runs":N,"check":...}; "check" is a result summary
// (e.g. the sum of path lengths) that compare.sh matches against the peers' to be sure all tools
// answered the same question.
//
// Usage: hallyu_bench DATASET.json PAIRS.txt [--repeat R] [--ops load,path]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "hallyu/algo/paths.hpp"
#include "hallyu/io/json_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void report(const std::string& op, const std::vector<double>& samples_ms, const std::string& check, const std::string& extra = "") {
  std::printf("{\"tool\":\"hallyu\",\"op\":\"%s\",\"median_ms\":%.6f,\"runs\":%zu,\"check\":\"%s\"%s}\n", op.c_str(),
              median(samples_ms), samples_ms.size(), check.c_str(), extra.c_str());
  std::fflush(stdout);
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: hallyu_bench DATASET.json PAIRS.txt [--repeat R] [--ops load,path]\n");
    return 2;
  }
  std::string dataset = argv[1], pairs_file = argv[2], ops = "load,path";
  int repeat = 5;
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--repeat") repeat = std::stoi(argv[i + 1]);
    if (flag == "--ops") ops = argv[i + 1];
  }
  auto wants = [&](const std::string& op) { return ("," + ops + ",").find("," + op + ",") != std::string::npos; };
  try {
    // Load: file read + parse + validation + graph build, as `hallyu --data` does.
    std::vector<double> load_ms;
    std::optional<hallyu::Graph> graph;
    for (int r = 0; r < (wants("load") ? repeat : 1); ++r) {
      graph.reset();
      auto start = Clock::now();
      graph.emplace(hallyu::io::load_graph({dataset}));
      load_ms.push_back(milliseconds_since(start));
    }
    if (wants("load")) {
      report("load", load_ms, std::to_string(graph->relation_count()),
             ",\"peak_rss_mb\":" + std::to_string(peak_rss_kb() / 1024));
    }
    if (wants("path")) {
      std::ifstream in(pairs_file);
      std::vector<std::pair<hallyu::VertexId, hallyu::VertexId>> pairs;
      std::string from, to;
      while (in >> from >> to) pairs.emplace_back(graph->find_id(from).value(), graph->find_id(to).value());
      hallyu::algo::PathFinder finder(*graph);
      std::vector<double> per_query_ms;
      long long length_sum = 0;
      for (int r = 0; r < repeat; ++r) {
        length_sum = 0;
        for (auto [s, t] : pairs) {
          auto start = Clock::now();
          auto path = finder.shortest_path(s, t);
          per_query_ms.push_back(milliseconds_since(start));
          length_sum += path ? static_cast<long long>(path->length()) : -1;
        }
      }
      report("path", per_query_ms, std::to_string(length_sum));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hallyu_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
