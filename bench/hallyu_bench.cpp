// Times hallyu's engine on one dataset, for bench/compare.sh. Prints one JSON object per operation:
// {"tool":"hallyu","op":...,"median_ms":...,"runs":N,"check":...}; "check" is a result summary
// (e.g. the sum of path lengths) that compare.sh matches against the peers' to be sure all tools
// answered the same question.
//
// Usage: hallyu_bench DATASET.json PAIRS.txt [--repeat R] [--ops load,snapshot-load,path,betweenness,pagerank,leiden,
//                                              pagerank-converged,closeness-top10,harmonic-top10,approx,louvain,kcore,render,render-diagrams,
//                                              q-lookup,q-one-hop,q-co-stars,q-top10,q-shortest,q-expand]
// The q-* ops run the Cypher queries of bench/kuzu_queries.json through query::run_query (parsed and
// planned on every execution: hallyu has no prepared statements), with the checks kuzu_peer.mjs computes.
// `approx` also runs exact betweenness and reports the largest error and the speedup, per --epsilon
// (comma-separated).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "hallyu/algo/centrality.hpp"
#include "hallyu/algo/cluster.hpp"
#include "hallyu/algo/components.hpp"
#include "hallyu/algo/kcore.hpp"
#include "hallyu/algo/label_propagation.hpp"
#include "hallyu/algo/louvain_leiden.hpp"
#include "hallyu/algo/modularity.hpp"
#include "hallyu/algo/ego_network.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/algo/ranking.hpp"
#include "hallyu/algo/top_closeness.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/render/graphviz.hpp"
#include "hallyu/io/json_loader.hpp"
#include "hallyu/io/snapshot.hpp"
#include "hallyu/format/query_result.hpp"
#include "hallyu/query/run_query.hpp"

#include <rapidjson/document.h>

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

long resident_now_bytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: hallyu_bench DATASET.json PAIRS.txt [--repeat R] [--ops load,path]\n");
    return 2;
  }
  std::string dataset = argv[1], pairs_file = argv[2], ops = "load,path";
  int repeat = 5;
  std::string epsilons = "0.05,0.02,0.01";
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--repeat") repeat = std::stoi(argv[i + 1]);
    if (flag == "--ops") ops = argv[i + 1];
    if (flag == "--epsilon") epsilons = argv[i + 1];
  }
  auto wants = [&](const std::string& op) { return ("," + ops + ",").find("," + op + ",") != std::string::npos; };
  try {
    // Load: file read + parse + validation + graph build, as `hallyu --data` does.
    std::vector<double> load_ms;
    std::optional<hallyu::Graph> graph;
    long first_load_peak_kb = 0;
    for (int r = 0; r < (wants("load") ? repeat : 1); ++r) {
      graph.reset();
      auto start = Clock::now();
      graph.emplace(hallyu::io::load_graph({dataset}));
      load_ms.push_back(milliseconds_since(start));
      // The peak of one load, as a command sees it: later loads in this process reuse (and fragment)
      // the heap the first one left, which moves the peak by tens of MB either way.
      if (r == 0) first_load_peak_kb = peak_rss_kb();
    }
    if (wants("load")) {
      report("load", load_ms, std::to_string(graph->relation_count()),
             ",\"peak_rss_mb\":" + std::to_string(first_load_peak_kb / 1024));
    }
    if (wants("snapshot-load")) {
      // The same graph from a binary snapshot (hallyu snapshot), written next to the dataset.
      std::string snapshot = dataset + ".hsnap";
      hallyu::io::write_snapshot(*graph, snapshot);
      std::vector<double> samples;
      std::size_t relations = 0;
      long resident_bytes = 0;
      for (int r = 0; r < repeat; ++r) {
        // What a loaded snapshot keeps resident: the process's resident size with the graph, minus
        // without it (freed memory handed back first, so earlier loads do not hide the growth).
        malloc_trim(0);
        long before = resident_now_bytes();
        auto start = Clock::now();
        hallyu::Graph loaded = hallyu::io::load_graph({snapshot});
        samples.push_back(milliseconds_since(start));
        if (r == 0) resident_bytes = resident_now_bytes() - before;
        relations = loaded.relation_count();
      }
      report("snapshot-load", samples, std::to_string(relations),
             ",\"resident_bytes_per_relation\":" + std::to_string(relations ? resident_bytes / static_cast<long>(relations) : 0));
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
    // Centrality on the simple graph, like the peers after simplify().
    auto simple = hallyu::algo::simple_graph(*graph);
    auto time_it = [&](int runs, const std::function<void()>& body) {
      std::vector<double> samples;
      for (int r = 0; r < runs; ++r) {
        auto start = Clock::now();
        body();
        samples.push_back(milliseconds_since(start));
      }
      return samples;
    };
    auto max_check = [](const std::vector<double>& scores) {
      char text[32];
      std::snprintf(text, sizeof text, "%.6g", *std::max_element(scores.begin(), scores.end()));
      return std::string(text);
    };
    auto argmax = [&](const std::vector<double>& scores) {
      return std::to_string(simple.original(static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin())));
    };
    std::vector<double> exact;
    if (wants("betweenness") || wants("approx")) {
      auto samples = time_it(wants("betweenness") ? std::max(1, repeat / 2) : 1,
                             [&] { exact = hallyu::algo::betweenness_centrality(simple); });
      if (wants("betweenness")) report("betweenness", samples, max_check(exact), ",\"threads\":" + std::to_string(std::thread::hardware_concurrency()));
      if (wants("approx")) {
        double exact_ms = median(samples);
        std::stringstream list(epsilons);
        std::string item;
        while (std::getline(list, item, ',')) {
          double epsilon = std::stod(item);
          hallyu::algo::ApproximateBetweenness approx;
          auto approx_samples = time_it(1, [&] { approx = hallyu::algo::approximate_betweenness(simple, epsilon, 0.1, 1); });
          double max_error = 0;
          for (std::size_t v = 0; v < exact.size(); ++v) max_error = std::max(max_error, std::abs(approx.scores[v] - exact[v]));
          char extra[256];
          std::snprintf(extra, sizeof extra,
                        ",\"epsilon\":%g,\"delta\":0.1,\"samples\":%llu,\"max_error\":%.6g,\"exact_ms\":%.3f,\"speedup\":%.2f,\"entities\":%u",
                        epsilon, static_cast<unsigned long long>(approx.samples), max_error, exact_ms,
                        exact_ms / median(approx_samples), simple.size());
          report("approx-betweenness-" + item, approx_samples, max_error < epsilon ? "within-epsilon" : "OUTSIDE-EPSILON", extra);
        }
      }
    }
    // louvain and leiden: rounds until modularity stops rising (at most 20, the default); leiden-2:
    // two rounds, leidenalg's and igraph's default.
    using Method = hallyu::algo::Partition (*)(const hallyu::algo::SimpleGraph&, const hallyu::algo::CommunityOptions&);
    struct Community {
      const char* op;
      Method method;
      unsigned rounds;
    };
    for (const Community& c : {Community{"louvain", hallyu::algo::louvain, 20}, Community{"leiden", hallyu::algo::leiden, 20},
                               Community{"leiden-2", hallyu::algo::leiden, 2}}) {
      if (!wants(c.op)) continue;
      hallyu::algo::Partition partition;
      auto samples = time_it(repeat, [&] { partition = c.method(simple, {1, 1.0, 50, c.rounds}); });
      double q = hallyu::algo::modularity(simple, partition.community);
      char extra[96];
      std::snprintf(extra, sizeof extra, ",\"modularity\":%.6f,\"communities\":%u", q, partition.count);
      report(c.op, samples, "", extra);
    }
    if (wants("kcore")) {
      std::vector<std::uint32_t> core;
      auto samples = time_it(repeat, [&] { core = hallyu::algo::core_numbers(simple); });
      report("kcore", samples, std::to_string(*std::max_element(core.begin(), core.end())));
    }
    if (wants("render")) {
      // Ego networks of 50, 300 and 1,000 entities around the best-connected entity (BFS cut at the
      // size), rendered to SVG by each layout engine.
      hallyu::VertexId center = 0;
      for (hallyu::VertexId v = 0; v < graph->entity_count(); ++v) {
        if (graph->degree(v) > graph->degree(center)) center = v;
      }
      {  // warm-up: the first render loads Graphviz's plugins, which is not what is being measured
        hallyu::render::Diagram warm;
        warm.vertices = {center};
        hallyu::render::render(*graph, warm, hallyu::render::Format::svg);
      }
      for (std::size_t size : {50, 300, 1000}) {
        auto ego = hallyu::algo::ego_network(*graph, center, 10, {}, size);
        hallyu::render::Diagram diagram;
        diagram.vertices = ego.vertices;
        diagram.relations = ego.relations;
        diagram.title = "ego " + std::to_string(size);
        for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"}) {
          hallyu::render::RenderOptions render_options;
          render_options.layout = layout;
          std::size_t bytes = 0;
          int runs = size >= 1000 ? 1 : std::max(1, repeat / 2);
          auto samples = time_it(runs, [&] { bytes = hallyu::render::render(*graph, diagram, hallyu::render::Format::svg, render_options).size(); });
          report("render-" + std::string(layout) + "-" + std::to_string(ego.vertices.size()), samples, "",
                 ",\"relations\":" + std::to_string(ego.relations.size()) + ",\"svg_bytes\":" + std::to_string(bytes));
        }
      }
    }
    if (wants("render-diagrams")) {
      // The readable diagrams at 50, 300 and 1,000 entities: a cluster with its leaves folded and nodes
      // sized by degree, and the same entities on ordered ranks with a visible axis (the career
      // layout: rank=same columns chained by an axis), each with the layout `auto` picks.
      hallyu::VertexId center = 0;
      for (hallyu::VertexId v = 0; v < graph->entity_count(); ++v) {
        if (graph->degree(v) > graph->degree(center)) center = v;
      }
      hallyu::VertexId typical = 0;  // an entity of median degree
      {
        std::vector<std::pair<std::size_t, hallyu::VertexId>> by_degree;
        for (hallyu::VertexId v = 0; v < graph->entity_count(); ++v) by_degree.emplace_back(graph->degree(v), v);
        std::nth_element(by_degree.begin(), by_degree.begin() + by_degree.size() / 2, by_degree.end());
        typical = by_degree[by_degree.size() / 2].second;
      }
      {  // warm-up: the first render loads Graphviz's plugins
        hallyu::render::Diagram warm;
        warm.vertices = {center};
        hallyu::render::render(*graph, warm, hallyu::render::Format::svg);
      }
      for (std::size_t size : {50, 300, 1000}) {
        auto ego = hallyu::algo::ego_network(*graph, center, 10, {}, size);
        int runs = size >= 1000 ? 3 : std::max(3, repeat);
        auto timed = [&](const std::string& name, const hallyu::render::Diagram& diagram) {
          std::size_t bytes = 0;
          auto samples = time_it(runs, [&] { bytes = hallyu::render::render(*graph, diagram, hallyu::render::Format::svg).size(); });
          report("render-" + name + "-" + std::to_string(size), samples, "",
                 ",\"drawn\":" + std::to_string(diagram.vertices.size()) + ",\"layout\":\"" +
                     hallyu::render::automatic_layout(diagram) + "\",\"svg_bytes\":" + std::to_string(bytes));
        };
        // Folding a hub's star leaves the hub alone, so the cluster is the ball around a typical entity.
        auto ball = hallyu::algo::ego_network(*graph, typical, 10, {}, size);
        hallyu::render::Diagram cluster = hallyu::render::cluster_diagram(*graph, ball.vertices, "cluster", {}, 0, true);
        for (hallyu::VertexId v : cluster.vertices) cluster.scores.push_back(static_cast<double>(graph->degree(v)));
        cluster.score_legend = "degree";
        timed("cluster-folded", cluster);
        // Ranks by hop distance from the centre (a career's columns are years; the machinery is the same).
        hallyu::render::Diagram ranked;
        ranked.vertices = ego.vertices;
        ranked.relations = ego.relations;
        std::vector<int> hop(graph->entity_count(), -1);
        hop[center] = 0;
        std::vector<hallyu::VertexId> queue = {center};
        for (std::size_t i = 0; i < queue.size(); ++i) {
          for (auto arc : graph->arcs(queue[i])) {
            if (hop[arc.neighbor] < 0) hop[arc.neighbor] = hop[queue[i]] + 1, queue.push_back(arc.neighbor);
          }
        }
        for (hallyu::VertexId v : ego.vertices) {
          if (ranked.ranks.size() <= static_cast<std::size_t>(hop[v])) ranked.ranks.resize(hop[v] + 1);
          ranked.ranks[hop[v]].vertices.push_back(v);
        }
        for (std::size_t i = 0; i < ranked.ranks.size(); ++i) ranked.ranks[i].label = std::to_string(2000 + i);
        ranked.rank_axis = true;
        ranked.left_to_right = true;
        timed("ranked", ranked);
      }
    }
    if (wants("pagerank")) {
      std::vector<double> scores;
      // Both cores, as the engine runs it by default (threads 0); the scores do not depend on it.
      auto samples = time_it(repeat, [&] { scores = hallyu::algo::pagerank(simple, 0.85, {1e-6, 100, {}, 0}).scores; });
      report("pagerank", samples, argmax(scores));
    }
    if (wants("pagerank-converged")) {
      // tol 1e-12 (NetworkX's rule): the converged answer the peers' exact solvers give. The scores go
      // next to the dataset so peers.py can report its largest difference from each peer's.
      hallyu::algo::PowerIterationResult converged;
      auto samples = time_it(repeat, [&] { converged = hallyu::algo::pagerank(simple, 0.85, {1e-12, 100000, {}, 0}); });
      std::vector<double> by_entity(graph->entity_count(), 0.0);
      for (std::uint32_t i = 0; i < simple.size(); ++i) by_entity[simple.original(i)] = converged.scores[i];
      std::FILE* out = std::fopen((dataset + ".pagerank").c_str(), "w");
      if (!out) throw std::runtime_error("cannot write " + dataset + ".pagerank");
      for (double score : by_entity) std::fprintf(out, "%.17g\n", score);
      std::fclose(out);
      report("pagerank-converged", samples, argmax(converged.scores), ",\"iterations\":" + std::to_string(converged.iterations));
    }
    for (auto [op, metric] : {std::pair{"closeness-top10", hallyu::algo::Metric::closeness},
                              std::pair{"harmonic-top10", hallyu::algo::Metric::harmonic}}) {
      if (!wants(op)) continue;
      hallyu::algo::TopClosenessResult top;
      auto samples = time_it(repeat, [&] { top = hallyu::algo::top_closeness(simple, metric, 10); });
      auto listed = hallyu::algo::ranked(*graph, simple, top.scores, hallyu::kAnyKind, 10);
      std::string extra = ",\"completed\":" + std::to_string(top.completed) + ",\"pruned\":" + std::to_string(top.pruned);
      // Below 200,000 entities, also the full computation (every BFS to the end) for the speedup and
      // to confirm the same ten.
      std::string check = std::to_string(simple.original(listed.at(0)));
      if (simple.size() <= 200000) {
        std::vector<double> full;
        auto full_samples = time_it(1, [&] {
          full = metric == hallyu::algo::Metric::closeness ? hallyu::algo::closeness_centrality(simple)
                                                           : hallyu::algo::harmonic_centrality(simple);
        });
        bool same = hallyu::algo::ranked(*graph, simple, full, hallyu::kAnyKind, 10) == listed;
        char text[96];
        std::snprintf(text, sizeof text, ",\"full_ms\":%.3f,\"same_as_full\":%s", median(full_samples), same ? "true" : "false");
        extra += text;
      }
      report(op, samples, check, extra);
    }
    // The query-language benchmark: the same queries, parameters and answer checks as bench/kuzu_peer.mjs.
    bool any_query = false;
    for (const char* op : {"q-lookup", "q-one-hop", "q-co-stars", "q-top10", "q-shortest", "q-expand"}) any_query |= wants(op);
    if (any_query) {
      std::ifstream spec_file(std::string(HALLYU_BENCH_DIR) + "/kuzu_queries.json");
      std::stringstream spec_text;
      spec_text << spec_file.rdbuf();
      rapidjson::Document spec;
      spec.Parse(spec_text.str().c_str());
      if (spec.HasParseError()) throw std::runtime_error("bench/kuzu_queries.json is not JSON");
      hallyu::query::Engine engine(*graph);
      std::vector<std::vector<std::string>> ids, names, none = {{}}, pair_params;
      for (const auto& id : spec["params"]["ids"].GetArray()) {
        std::string text = id.GetString();
        ids.push_back({"id='" + text + "'"});
        names.push_back({"name='" + graph->entity(graph->find_id(text).value()).name + "'"});
      }
      std::ifstream in(pairs_file);
      std::string from, to;
      while (in >> from >> to) pair_params.push_back({"from='" + from + "'", "to='" + to + "'"});
      for (const auto& q : spec["queries"].GetArray()) {
        std::string op = q["op"].GetString(), kind = q["params"].GetString();
        if (!wants(op)) continue;
        const auto& sets = kind == "ids" ? ids : kind == "names" ? names : kind == "pairs" ? pair_params : none;
        std::vector<double> samples, totals;
        std::vector<hallyu::query::cypher::QueryResult> answers;
        for (int round = 0; round < repeat; ++round) {
          answers.clear();
          auto round_start = Clock::now();
          for (const auto& params : sets) {
            hallyu::query::QueryRequest request;
            request.q = q["query"].GetString();
            request.params = params;
            request.max_rows = 0;
            auto start = Clock::now();
            answers.push_back(hallyu::query::run_query(engine, request));
            samples.push_back(milliseconds_since(start));
          }
          totals.push_back(milliseconds_since(round_start));
        }
        auto integer = [](const hallyu::query::cypher::Value& v) { return v.is_null() ? 0 : static_cast<long long>(v.as_int()); };
        std::string check;
        long long sum = 0, second = 0;
        for (const auto& a : answers) {
          if (op == "q-lookup") sum += static_cast<long long>(a.rows.size());
          if (op == "q-one-hop" || op == "q-co-stars") sum += integer(a.rows.at(0).at(0));
          if (op == "q-shortest") sum += a.rows.empty() ? -1 : integer(a.rows[0][0]);
          if (op == "q-expand") sum += integer(a.rows.at(0).at(0)), second += integer(a.rows.at(0).at(1));
        }
        if (op == "q-top10") {
          for (const auto& row : answers.at(0).rows) {
            check += (check.empty() ? "" : " ") + row.at(0).as_string() + ":" + std::to_string(integer(row.at(1)));
          }
        } else {
          check = std::to_string(sum) + (op == "q-expand" ? "/" + std::to_string(second) : "");
        }
        report(op, samples, check, ",\"total_ms\":" + std::to_string(median(totals)) + ",\"executions\":" + std::to_string(sets.size()));
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hallyu_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
