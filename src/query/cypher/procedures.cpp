// The procedure table: hallyu.<metric> and hallyu.clusters, as requests of the request layer.
#include "hallyu/query/cypher/procedures.hpp"

#include "hallyu/query/centrality.hpp"
#include "hallyu/query/clusters.hpp"
#include "hallyu/query/cypher/query_error.hpp"
#include "hallyu/query/cypher/value.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

using Rows = std::vector<std::vector<Value>>;

std::string parameter_text(const std::string& procedure, const std::string& key, const Value& v) {
  switch (v.type()) {
    case Value::Type::string: return v.as_string();
    case Value::Type::integer: return std::to_string(v.as_int());
    case Value::Type::floating: return format_double(v.as_double());
    case Value::Type::boolean: return v.as_bool() ? "true" : "false";
    default:
      throw QueryError(procedure + ": " + key + " must be a string, a number, a boolean or a list of them, not a " +
                       std::string(type_name(v.type())));
  }
}

// The query's year window applies unless the config sets a window of its own.
void add_query_window(Parameters& parameters, const YearsRequest& time) {
  if (parameters.has("years") || parameters.has("as_of") || parameters.has("strict_years")) return;
  if (!time.years.empty()) parameters.add("years", time.years);
  if (time.as_of) parameters.add("as_of", std::to_string(*time.as_of));
  if (time.strict_years) parameters.add("strict_years", "true");
}

// The config map as request parameters: lists give one value per element (so names may hold commas).
Parameters parameters_of_config(const std::string& procedure, const std::vector<Value>& args, const OperationSpec& spec,
                                const std::vector<std::string>& fixed) {
  if (args.size() > 1) throw QueryError(procedure + " takes one map of options, not " + std::to_string(args.size()) + " arguments");
  Parameters parameters;
  if (args.empty() || args[0].is_null()) return parameters;
  if (args[0].type() != Value::Type::map) {
    throw QueryError(procedure + " expects a map of options, got a " + std::string(type_name(args[0].type())));
  }
  for (const auto& [key, value] : args[0].as_map()) {
    for (const std::string& f : fixed) {
      if (key == f) throw QueryError(procedure + ": " + key + " is given by the procedure's name");
    }
    if (value.is_null()) continue;
    if (value.type() == Value::Type::list) {
      for (const Value& item : value.as_list()) parameters.add(key, parameter_text(procedure, key, item));
    } else {
      parameters.add(key, parameter_text(procedure, key, value));
    }
  }
  try {
    parameters.check_known(spec);
  } catch (const UsageError& e) {
    throw QueryError(procedure + ": " + e.what());
  }
  return parameters;
}

Parameters parameters_of(const std::string& procedure, const std::vector<Value>& args, const OperationSpec& spec,
                         const std::vector<std::string>& fixed, const YearsRequest& time) {
  Parameters parameters = parameters_of_config(procedure, args, spec, fixed);
  add_query_window(parameters, time);
  return parameters;
}

Procedure centrality_procedure(algo::Metric metric) {
  std::string name = "hallyu." + std::string(algo::to_string(metric));
  Procedure p;
  p.name = name;
  p.signature = name + "(config :: MAP?) :: (node :: NODE, score :: FLOAT)";
  p.outputs = {"node", "score"};
  p.run = [metric, name](const ProcedureContext& context, const std::vector<Value>& args) {
    Parameters parameters = parameters_of(name, args, centrality_spec(), {"metric"}, context.time);
    bool has_top = parameters.has("top");
    parameters.add("metric", std::string(algo::to_string(metric)));
    CentralityRequest request = centrality_request(parameters);
    if (!has_top) request.top = 0;
    context.check();
    CentralityResult result = centrality(context.engine, request, context.interrupt);
    context.check();
    Rows rows;
    rows.reserve(result.listed.size());
    for (std::uint32_t i : result.listed) rows.push_back({Value(Node{result.simple.original(i)}), Value(result.scores[i])});
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
    Parameters parameters = parameters_of("hallyu.clusters", args, clusters_spec(), {}, context.time);
    ClustersRequest request = clusters_request(parameters);
    if (!parameters.has("top")) request.top = 0;
    context.check();
    ClustersResult result = clusters(context.engine, request);
    context.check();
    Rows rows;
    for (std::size_t shown : result.shown) {
      const algo::ClusterProfile& profile = result.profiles[shown];
      for (VertexId v : profile.members) rows.push_back({Value(Node{v}), Value(static_cast<std::int64_t>(profile.community))});
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
