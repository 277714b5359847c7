// The procedure table: hallyu.<metric> and hallyu.clusters over the algorithms the commands run.
// The one place the query language meets algo::: config maps become the algorithms' options here.
#include "hallyu/query/cypher/procedures.hpp"

#include <algorithm>
#include <set>

#include "hallyu/algo/centrality.hpp"
#include "hallyu/algo/communities.hpp"
#include "hallyu/algo/filter.hpp"
#include "hallyu/algo/simple_graph.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

using Rows = std::vector<std::vector<Value>>;

// Reads a config map, refusing keys the procedure does not know.
class Config {
 public:
  Config(const std::string& procedure, const std::vector<Value>& args, std::vector<std::string> known)
      : procedure_(procedure), known_(std::move(known)) {
    if (args.size() > 1) throw QueryError(procedure + " takes one map of options, not " + std::to_string(args.size()) + " arguments");
    if (args.empty() || args[0].is_null()) return;
    if (args[0].type() != Value::Type::map) throw QueryError(procedure + " expects a map of options, got a " + std::string(type_name(args[0].type())));
    map_ = args[0].as_map();
    for (const auto& [key, value] : map_) {
      if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
        std::string options;
        for (const std::string& k : known_) options += (options.empty() ? "" : ", ") + k;
        throw QueryError(procedure + ": unknown option " + text::quote(key) + did_you_mean(key, known_) + "; options are " + options);
      }
    }
  }
  const Value* get(const std::string& key) const {
    for (const auto& [k, v] : map_) {
      if (k == key && !v.is_null()) return &v;
    }
    return nullptr;
  }
  double number(const std::string& key, double fallback) const {
    const Value* v = get(key);
    if (!v) return fallback;
    if (!v->is_number()) throw QueryError(procedure_ + ": " + key + " must be a number");
    return v->as_number();
  }
  std::int64_t integer(const std::string& key, std::int64_t fallback, std::int64_t min) const {
    const Value* v = get(key);
    if (!v) return fallback;
    if (v->type() != Value::Type::integer || v->as_int() < min) {
      throw QueryError(procedure_ + ": " + key + " must be an integer of at least " + std::to_string(min));
    }
    return v->as_int();
  }
  std::string string(const std::string& key, const std::string& fallback) const {
    const Value* v = get(key);
    if (!v) return fallback;
    if (v->type() != Value::Type::string) throw QueryError(procedure_ + ": " + key + " must be a string");
    return v->as_string();
  }
  // A list of strings or one comma-separated string, joined with commas.
  std::string words(const std::string& key) const {
    const Value* v = get(key);
    if (!v) return "";
    if (v->type() == Value::Type::string) return v->as_string();
    if (v->type() != Value::Type::list) throw QueryError(procedure_ + ": " + key + " must be a list of strings");
    std::string out;
    for (const Value& item : v->as_list()) {
      if (item.type() != Value::Type::string) throw QueryError(procedure_ + ": " + key + " must be a list of strings");
      out += (out.empty() ? "" : ",") + item.as_string();
    }
    return out;
  }
  std::vector<std::string> list(const std::string& key) const {
    std::vector<std::string> out;
    std::string all = words(key);
    std::size_t at = 0;
    while (!all.empty() && at <= all.size()) {
      std::size_t comma = all.find(',', at);
      if (comma == std::string::npos) comma = all.size();
      if (comma > at) out.push_back(all.substr(at, comma - at));
      at = comma + 1;
    }
    return out;
  }

 private:
  std::string procedure_;
  std::vector<std::string> known_;
  Map map_;
};

const std::vector<std::string> kFilterOptions = {"via", "exclude_kinds", "avoid", "projection", "kinds"};

algo::TraversalFilter filter_of(const Config& config, const NameIndex& names) {
  algo::TraversalFilter filter;
  if (std::string via = config.words("via"); !via.empty()) filter.relation_types = algo::parse_relation_types(via);
  if (std::string ex = config.words("exclude_kinds"); !ex.empty()) filter.excluded_kinds = algo::parse_kinds(ex);
  for (const std::string& name : config.list("avoid")) filter.avoid(names.resolve_one(name));
  return filter;
}

algo::SimpleGraph graph_of(const Config& config, const Graph& graph, const algo::TraversalFilter& filter) {
  std::string projection = config.string("projection", "");
  return projection.empty() ? algo::simple_graph(graph, filter) : algo::project(graph, algo::parse_projection(projection), filter);
}

KindSet listed_kinds(const Config& config) {
  std::string kinds = config.words("kinds");
  return kinds.empty() ? kAnyKind : algo::parse_kinds(kinds);
}

Procedure centrality_procedure(algo::Metric metric) {
  std::string name = "hallyu." + std::string(algo::to_string(metric));
  Procedure p;
  p.name = name;
  p.signature = name + "(config :: MAP?) :: (node :: NODE, score :: FLOAT)";
  p.outputs = {"node", "score"};
  p.run = [metric, name](const ProcedureContext& context, const std::vector<Value>& args) {
    std::vector<std::string> known = kFilterOptions;
    for (const char* k : {"alpha", "tolerance", "max_iterations", "approx", "delta", "seed", "threads"}) known.emplace_back(k);
    Config config(name, args, known);
    algo::CentralityOptions options;
    options.alpha = config.number("alpha", 0.85);
    options.power.tolerance = config.number("tolerance", 1e-6);
    options.power.max_iterations = static_cast<unsigned>(config.integer("max_iterations", 100, 1));
    options.approx = config.number("approx", 0);
    options.delta = config.number("delta", 0.1);
    options.seed = static_cast<std::uint64_t>(config.integer("seed", 1, 0));
    options.parallel.threads = static_cast<unsigned>(config.integer("threads", 0, 0));
    if (options.approx != 0 && metric != algo::Metric::betweenness) throw QueryError(name + ": approx applies to betweenness only");
    if (options.alpha <= 0 || options.alpha >= 1) throw QueryError(name + ": alpha must be between 0 and 1");
    algo::TraversalFilter filter = filter_of(config, context.names);
    KindSet kinds = listed_kinds(config);
    algo::SimpleGraph simple = graph_of(config, context.graph, filter);
    context.check();
    algo::CentralityResult result = algo::centrality(simple, metric, options);
    context.check();
    if (!result.converged) {
      throw QueryError(name + " did not converge in " + std::to_string(options.power.max_iterations) +
                       " iterations; raise max_iterations");
    }
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < simple.size(); ++i) {
      if (kinds & bit(context.graph.kind(simple.original(i)))) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (result.scores[a] != result.scores[b]) return result.scores[a] > result.scores[b];
      return context.graph.entity(simple.original(a)).id < context.graph.entity(simple.original(b)).id;
    });
    Rows rows;
    for (std::uint32_t i : order) rows.push_back({Value(Node{simple.original(i)}), Value(result.scores[i])});
    return rows;
  };
  return p;
}

Procedure clusters_procedure() {
  Procedure p;
  p.name = "hallyu.clusters";
  p.signature = "hallyu.clusters(config :: MAP?) :: (node :: NODE, cluster :: INTEGER)";
  p.outputs = {"node", "cluster"};
  p.run = [](const ProcedureContext& context, const std::vector<Value>& args) {
    std::vector<std::string> known = kFilterOptions;
    for (const char* k : {"method", "seed", "resolution", "k", "max_levels"}) known.emplace_back(k);
    Config config("hallyu.clusters", args, known);
    algo::ClusterMethod method = algo::parse_cluster_method(config.string("method", "louvain"));
    algo::CommunityOptions options;
    options.seed = static_cast<std::uint64_t>(config.integer("seed", 1, 0));
    options.resolution = config.number("resolution", 1.0);
    options.max_levels = static_cast<unsigned>(config.integer("max_levels", 50, 1));
    if (options.resolution <= 0) throw QueryError("hallyu.clusters: resolution must be positive");
    auto k = static_cast<std::uint32_t>(std::min<std::int64_t>(config.integer("k", 0, 0), UINT32_MAX));
    algo::TraversalFilter filter = filter_of(config, context.names);
    KindSet kinds = listed_kinds(config);
    algo::SimpleGraph simple = graph_of(config, context.graph, filter);
    context.check();
    algo::Clustering clustering = algo::cluster(simple, method, options, k);
    context.check();
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < simple.size(); ++i) {
      if ((kinds & bit(context.graph.kind(simple.original(i)))) && clustering.partition.community[i] != algo::kNoCommunity) {
        order.push_back(i);
      }
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& c = clustering.partition.community;
      if (c[a] != c[b]) return c[a] < c[b];
      return context.graph.entity(simple.original(a)).id < context.graph.entity(simple.original(b)).id;
    });
    Rows rows;
    for (std::uint32_t i : order) {
      rows.push_back({Value(Node{simple.original(i)}), Value(static_cast<std::int64_t>(clustering.partition.community[i]))});
    }
    return rows;
  };
  return p;
}

std::vector<Procedure> make_procedures() {
  std::vector<Procedure> out;
  for (algo::Metric m : {algo::Metric::pagerank, algo::Metric::degree, algo::Metric::betweenness, algo::Metric::closeness,
                         algo::Metric::harmonic, algo::Metric::eigenvector}) {
    out.push_back(centrality_procedure(m));
  }
  out.push_back(clusters_procedure());
  return out;
}

}  // namespace

const std::vector<Procedure>& procedures() {
  static const std::vector<Procedure> table = make_procedures();
  return table;
}

int find_procedure(std::string_view name) {
  std::string folded = text::fold(name);
  const auto& table = procedures();
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (text::fold(table[i].name) == folded) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace hallyu::query::cypher
