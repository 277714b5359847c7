#include "hallyu/server/api.hpp"

#include <charconv>

#include "hallyu/algo/centrality.hpp"
#include "hallyu/algo/cluster_profile.hpp"
#include "hallyu/algo/communities.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/json_results.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/text.hpp"

namespace hallyu::server {
namespace {

// A bad request, reported as {"error": message} with the given status.
struct BadRequest {
  int status;
  std::string message;
  std::vector<VertexId> candidates;  // for unknown or ambiguous names
};

constexpr std::size_t kMaxCentralityEntities = 20000;  // exact betweenness above this needs approx=
constexpr std::size_t kMaxDrawnEntities = 300;

class Params {
 public:
  explicit Params(const Request& request) : request_(request) {}
  std::optional<std::string> text(const std::string& name) const {
    auto it = request_.params.find(name);
    if (it == request_.params.end() || it->second.empty()) return std::nullopt;
    if (it->second.size() > 1000) throw BadRequest{400, "parameter '" + name + "' is too long", {}};
    return it->second;
  }
  std::string required(const std::string& name) const {
    auto value = text(name);
    if (!value) throw BadRequest{400, "missing parameter '" + name + "'", {}};
    return *value;
  }
  long long integer(const std::string& name, long long fallback, long long low, long long high) const {
    auto value = text(name);
    if (!value) return fallback;
    long long parsed = 0;
    auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), parsed);
    if (ec != std::errc() || end != value->data() + value->size() || parsed < low || parsed > high) {
      throw BadRequest{400, "parameter '" + name + "' must be a whole number from " + std::to_string(low) + " to " + std::to_string(high), {}};
    }
    return parsed;
  }
  double real(const std::string& name, double fallback, double low, double high) const {
    auto value = text(name);
    if (!value) return fallback;
    char* end = nullptr;
    double parsed = std::strtod(value->c_str(), &end);
    if (end != value->c_str() + value->size() || !(parsed >= low && parsed <= high)) {
      throw BadRequest{400, "parameter '" + name + "' must be a number from " + std::to_string(low) + " to " + std::to_string(high), {}};
    }
    return parsed;
  }
  bool flag(const std::string& name) const {
    auto value = text(name);
    return value && (*value == "1" || *value == "true" || *value == "yes");
  }

 private:
  const Request& request_;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string json_of(const std::function<void(io::JsonWriter&)>& write) {
  io::JsonWriter out;
  write(out);
  return out.str();
}

Response error_response(const Graph& graph, const BadRequest& error) {
  Response r;
  r.status = error.status;
  r.body = json_of([&](io::JsonWriter& out) {
    out.start_object();
    out.key("error"), out.string(text::one_line(error.message, 500));
    if (!error.candidates.empty()) {
      out.key("candidates"), out.start_array();
      for (VertexId v : error.candidates) out.entity_ref(graph, v);
      out.end_array();
    }
    out.end_object();
  });
  return r;
}

}  // namespace

Api::Api(const Graph& graph) : graph_(graph), names_(graph) {}

Response Api::handle(const Request& request) const {
  const Graph& g = graph_;
  Params params(request);
  auto resolve = [&](const std::string& name) {
    std::string query = params.required(name);
    Resolution r = names_.resolve(query);
    if (r.status == Resolution::Status::found) return r.matches.front();
    if (r.status == Resolution::Status::ambiguous) {
      throw BadRequest{400, text::quote(query) + " is ambiguous; use an id", r.matches};
    }
    throw BadRequest{404, "no entity matches " + text::quote(query), r.suggestions};
  };
  auto filter_from = [&]() {
    algo::TraversalFilter filter;
    if (auto via = params.text("via")) filter.relation_types = algo::parse_relation_types(*via);
    if (auto kinds = params.text("exclude_kinds")) filter.excluded_kinds = algo::parse_kinds(*kinds);
    if (auto avoid = params.text("avoid")) {
      for (const std::string& name : split_commas(*avoid)) {
        Resolution r = names_.resolve(name);
        if (r.status != Resolution::Status::found) throw BadRequest{404, "no single entity matches " + text::quote(name) + " in avoid", r.suggestions};
        filter.avoid(r.matches.front());
      }
    }
    return filter;
  };
  auto ok = [](std::string body) {
    Response r;
    r.body = std::move(body);
    return r;
  };
  try {
    const std::string& path = request.path;
    if (path == "/api/stats") return ok(json_of([&](io::JsonWriter& out) { io::write_stats(out, g); }));
    if (path == "/api/search") {
      std::string q = params.required("q");
      KindSet kinds = params.text("kind") ? algo::parse_kinds(*params.text("kind")) : kAnyKind;
      auto hits = names_.search(q, static_cast<std::size_t>(params.integer("limit", 10, 1, 100)), kinds);
      return ok(json_of([&](io::JsonWriter& out) { io::write_search(out, g, q, hits); }));
    }
    if (path == "/api/entity") {
      VertexId v = resolve("id");
      return ok(json_of([&](io::JsonWriter& out) { io::write_entity_detail(out, g, v); }));
    }
    if (path == "/api/neighbors") {
      VertexId v = resolve("id");
      auto radius = static_cast<unsigned>(params.integer("radius", 1, 1, 3));
      auto limit = static_cast<std::size_t>(params.integer("limit", 500, 1, 5000));
      KindSet listed = params.text("kind") ? algo::parse_kinds(*params.text("kind")) : kAnyKind;
      auto ego = algo::ego_network(g, v, radius, filter_from(), limit + 1);
      return ok(json_of([&](io::JsonWriter& out) { io::write_neighbors(out, g, ego, radius, listed); }));
    }
    if (path == "/api/path") {
      VertexId from = resolve("from"), to = resolve("to");
      auto filter = filter_from();
      for (VertexId end : {from, to}) {
        if (std::binary_search(filter.avoided.begin(), filter.avoided.end(), end)) {
          throw BadRequest{400, "cannot avoid " + names_.label(end) + ": it is an end of the path", {}};
        }
      }
      auto k = static_cast<std::size_t>(params.integer("k", 1, 1, 50));
      algo::PathFinder finder(g);
      std::vector<algo::Path> paths;
      std::optional<std::uint64_t> total;
      if (params.flag("all_shortest")) {
        auto all = finder.all_shortest_paths(from, to, static_cast<std::size_t>(params.integer("limit", 50, 1, 1000)), filter);
        paths = std::move(all.paths);
        total = all.total;
      } else {
        paths = finder.k_shortest_paths(from, to, k, filter);
      }
      return ok(json_of([&](io::JsonWriter& out) { io::write_paths(out, g, from, to, paths, total); }));
    }
    if (path == "/api/centrality" || path == "/api/clusters" || path == "/api/crossovers") {
      std::string key = path;
      for (const auto& [name, value] : request.params) key += "&" + name + "=" + value;
      {
        std::lock_guard<std::mutex> guard(cache_lock_);
        if (auto it = cache_.find(key); it != cache_.end()) return it->second;
      }
      Response response;
      if (path == "/api/crossovers") {
        std::set<std::string> wanted;
        if (auto patterns = params.text("pattern")) {
          for (const std::string& p : split_commas(*patterns)) {
            if (std::find(io::kCrossoverPatterns.begin(), io::kCrossoverPatterns.end(), p) == io::kCrossoverPatterns.end()) {
              throw BadRequest{400, "unknown pattern " + text::quote(p), {}};
            }
            wanted.insert(p);
          }
        }
        auto found = algo::find_crossovers(g);
        auto top = static_cast<std::size_t>(params.integer("top", 20, 0, 10000));
        response = ok(json_of([&](io::JsonWriter& out) { io::write_crossovers(out, g, found, wanted, top); }));
      } else {
        auto filter = filter_from();
        auto simple = params.text("projection") ? algo::project(g, algo::parse_projection(*params.text("projection")), filter)
                                                : algo::simple_graph(g, filter);
        if (path == "/api/centrality") {
          algo::Metric metric = algo::parse_metric(params.text("metric").value_or("degree"));
          double approx = params.real("approx", 0, 0, 0.5);
          auto seed = static_cast<std::uint64_t>(params.integer("seed", 1, 0, INT64_MAX));
          bool heavy = metric == algo::Metric::betweenness || metric == algo::Metric::closeness || metric == algo::Metric::harmonic;
          if (heavy && approx == 0 && simple.size() > kMaxCentralityEntities) {
            throw BadRequest{400, std::string(algo::to_string(metric)) + " on " + std::to_string(simple.size()) +
                                      " entities is too slow to compute per request; filter the graph or use approx=0.02 (betweenness)", {}};
          }
          // Eigenvector gets more iterations than NetworkX's 100 here: a web request has no --max-iter.
          algo::CentralityOptions centrality_options;
          centrality_options.approx = approx;
          centrality_options.seed = seed;
          if (metric == algo::Metric::eigenvector) centrality_options.power.max_iterations = 1000;
          algo::CentralityResult result = algo::centrality(simple, metric, centrality_options);
          if (metric == algo::Metric::eigenvector && !result.converged) {
            throw BadRequest{400, "eigenvector centrality did not converge on this graph", {}};
          }
          const std::vector<double>& scores = result.scores;
          std::optional<io::ApproximationInfo> info;
          if (result.samples) info = io::ApproximationInfo{approx, 0.1, *result.samples, seed};
          KindSet kinds = params.text("kind") ? algo::parse_kinds(*params.text("kind")) : kAnyKind;
          auto listed = io::ranked(g, simple, scores, kinds, static_cast<std::size_t>(params.integer("top", 20, 0, 10000)));
          response = ok(json_of([&](io::JsonWriter& out) { io::write_centrality(out, g, simple, algo::to_string(metric), scores, listed, info); }));
        } else {
          algo::ClusterMethod method = algo::parse_cluster_method(params.text("method").value_or("leiden"));
          auto seed = static_cast<std::uint64_t>(params.integer("seed", 1, 0, INT64_MAX));
          algo::CommunityOptions options{seed, params.real("resolution", 1.0, 0.01, 100), 50};
          algo::Clustering clustering = algo::cluster(simple, method, options);
          const algo::Partition& partition = clustering.partition;
          auto profiles = algo::profile_clusters(g, simple, partition);
          auto min_size = static_cast<std::size_t>(params.integer("min_size", 1, 1, 1000000));
          auto top = static_cast<std::size_t>(params.integer("top", 20, 0, 10000));
          std::vector<const algo::ClusterProfile*> shown;
          for (const auto& p : profiles) {
            if (p.members.size() >= min_size && (top == 0 || shown.size() < top)) shown.push_back(&p);
          }
          io::ClusterSummary summary{algo::to_string(method), clustering.modularity, clustering.k, seed, partition.count};
          response = ok(json_of([&](io::JsonWriter& out) { io::write_clusters(out, g, summary, shown, 8); }));
        }
      }
      std::lock_guard<std::mutex> guard(cache_lock_);
      if (cache_.size() > 64) cache_.clear();
      cache_.emplace(key, response);
      return response;
    }
    if (path == "/api/render.svg") {
      auto filter = filter_from();
      render::Diagram diagram;
      if (params.text("from") || params.text("to")) {
        VertexId from = resolve("from"), to = resolve("to");
        auto k = static_cast<std::size_t>(params.integer("k", 1, 1, 10));
        algo::PathFinder finder(g);
        std::vector<algo::Path> paths = finder.k_shortest_paths(from, to, k, filter);
        if (paths.empty()) throw BadRequest{404, "no path between " + names_.label(from) + " and " + names_.label(to), {}};
        diagram = render::path_diagram(g, paths, filter, 4);
      } else if (auto expand = params.text("expand")) {
        std::vector<VertexId> expanded;
        for (const std::string& id : split_commas(*expand)) {
          auto v = g.find_id(id);
          if (!v) throw BadRequest{404, "no entity with id " + text::quote(id), {}};
          expanded.push_back(*v);
        }
        if (expanded.empty() || expanded.size() > 50) throw BadRequest{400, "expand takes 1 to 50 ids", {}};
        diagram = render::expansion_diagram(g, expanded, filter, kMaxDrawnEntities);
      } else {
        VertexId center = resolve("ego");
        diagram = render::ego_diagram(g, center, static_cast<unsigned>(params.integer("radius", 1, 1, 3)), filter, kMaxDrawnEntities);
      }
      Response r;
      r.content_type = "image/svg+xml";
      r.body = render::render(g, diagram, render::Format::svg);
      return r;
    }
    return error_response(g, {404, "no such endpoint: " + text::quote(path, 100), {}});
  } catch (const BadRequest& e) {
    return error_response(g, e);
  } catch (const UsageError& e) {
    return error_response(g, {400, e.what(), {}});
  } catch (const DataError& e) {
    return error_response(g, {400, e.what(), {}});
  } catch (const std::exception& e) {
    return error_response(g, {500, std::string("internal error: ") + e.what(), {}});
  }
}

}  // namespace hallyu::server
