// query: the query language through the front door: parameters, bounds, time budget, diagrams.
#include "hallyu/query/run_query.hpp"

#include <algorithm>
#include <set>

#include "hallyu/error.hpp"
#include "hallyu/query/cypher/ast.hpp"
#include "hallyu/query/cypher/parser.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query {
namespace {

constexpr std::size_t kMaxQueryBytes = 1 << 20;
constexpr std::size_t kInteractiveMaxRows = 10000;

// A literal expression's value; nullopt when the expression is not made of literals only.
std::optional<cypher::Value> literal_value(const cypher::Expr& e) {
  using cypher::ExprKind;
  switch (e.kind) {
    case ExprKind::literal:
      return e.value;
    case ExprKind::list: {
      cypher::List items;
      for (const auto& child : e.children) {
        auto v = literal_value(*child);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
      }
      return cypher::Value(std::move(items));
    }
    case ExprKind::map: {
      cypher::Map entries;
      for (std::size_t i = 0; i < e.children.size(); ++i) {
        auto v = literal_value(*e.children[i]);
        if (!v) return std::nullopt;
        entries.emplace_back(e.keys[i], std::move(*v));
      }
      return cypher::Value(std::move(entries));
    }
    case ExprKind::unary:
      if (e.op == cypher::Op::negate && e.children.size() == 1 && e.children[0]->kind == ExprKind::literal) {
        const cypher::Value& v = e.children[0]->value;
        if (v.type() == cypher::Value::Type::integer && v.as_int() != INT64_MIN) return cypher::Value(-v.as_int());
        if (v.type() == cypher::Value::Type::floating) return cypher::Value(-v.as_double());
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace

const OperationSpec& query_spec() {
  using T = ParameterSpec::Type;
  static const OperationSpec spec = [] {
    OperationSpec s{
        "query",
        "Ask your own question in openCypher (read-only): MATCH, WHERE, WITH, RETURN, shortestPath, CALL "
        "hallyu.pagerank, ...",
        {{"q", T::text, "The query (or -f FILE, or standard input)", false, ""},
         {"param", T::names,
          "A query parameter NAME=VALUE ($NAME in the query; repeatable); VALUE is a Cypher literal or text", false,
          ""},
         {"max_rows", T::integer, "Keep at most this many rows (0: no bound but the front end's)", false, ""},
         {"timeout_ms", T::integer, "Stop the query after this many milliseconds (0: no limit on the command line)",
          false, ""}},
        "Labels are kinds (:Idol, :Drama, ...), relationship types are relation types (:ACTED_IN, ...), both in any\n"
        "case; properties are id, name, aliases and the data's attributes. EXPLAIN shows the plan, PROFILE the rows\n"
        "and time per operator. Write clauses are refused: the graph is read-only. With years or as_of the query\n"
        "sees only the relations of that window (CALL hallyu.* procedures too, unless their config sets one)."};
    for (ParameterSpec& p : years_parameters()) s.parameters.push_back(std::move(p));
    return s;
  }();
  return spec;
}

QueryRequest query_request(const Parameters& parameters) {
  QueryRequest request;
  request.q = parameters.required("q");
  request.params = parameters.all("param");
  if (auto v = parameters.count("max_rows")) request.max_rows = *v;
  if (auto v = parameters.count("timeout_ms")) request.timeout_ms = *v;
  request.time = years_request(parameters);
  return request;
}

std::pair<std::string, cypher::Value> query_parameter(std::string_view assignment) {
  std::size_t equals = assignment.find('=');
  if (equals == std::string_view::npos || equals == 0) {
    throw UsageError("param takes NAME=VALUE, not " + text::quote(assignment));
  }
  std::string name(assignment.substr(0, equals));
  if (name.front() == '$') name.erase(0, 1);
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
      throw UsageError("param name " + text::quote(name) + " must be letters, digits and _");
    }
  }
  std::string_view value = assignment.substr(equals + 1);
  try {
    cypher::ExprPtr expr = cypher::parse_expression(value);
    if (auto literal = literal_value(*expr)) return {name, std::move(*literal)};
  } catch (const UsageError&) {
    // Not a literal: the text as it is.
  }
  return {name, cypher::Value(std::string(value))};
}

cypher::QueryResult run_query(const Engine& engine, const QueryRequest& request, const Interrupt& interrupt) {
  const Limits& limits = engine.limits();
  if (request.q.size() > kMaxQueryBytes) throw UsageError("q is too long (at most 1 MiB)");
  bool interactive = limits.time_budget.count() > 0;
  std::size_t max_rows = request.max_rows;
  if (interactive && (max_rows == 0 || max_rows > kInteractiveMaxRows)) max_rows = kInteractiveMaxRows;
  check_range("timeout_ms", request.timeout_ms, 0, 24LL * 3600 * 1000);
  std::map<std::string, cypher::Value> parameters;
  for (const std::string& assignment : request.params) {
    auto [name, value] = query_parameter(assignment);
    parameters[name] = std::move(value);
  }
  cypher::Limits query_limits;
  query_limits.max_rows = max_rows;
  query_limits.timeout = std::chrono::milliseconds(request.timeout_ms);
  if (interactive && (query_limits.timeout.count() == 0 || query_limits.timeout > limits.time_budget)) {
    query_limits.timeout = limits.time_budget;
  }
  if (interrupt.client_gone) query_limits.cancelled = interrupt.client_gone;
  query_limits.time = request.time;
  return cypher::run(engine, request.q, parameters, query_limits);
}

render::Diagram result_diagram(const Graph& graph, const cypher::QueryResult& result, std::size_t max_nodes) {
  std::set<VertexId> vertices;
  std::set<RelationId> relations, highlighted;
  std::vector<const cypher::Value*> pending;
  for (const auto& row : result.rows) {
    for (const cypher::Value& v : row) pending.push_back(&v);
  }
  while (!pending.empty()) {
    const cypher::Value* v = pending.back();
    pending.pop_back();
    switch (v->type()) {
      case cypher::Value::Type::node:
        vertices.insert(v->as_node().id);
        break;
      case cypher::Value::Type::relationship: {
        const Relation& r = graph.relation(v->as_relationship().id);
        relations.insert(v->as_relationship().id);
        vertices.insert(r.from), vertices.insert(r.to);
        break;
      }
      case cypher::Value::Type::path:
        for (VertexId n : v->as_path().nodes) vertices.insert(n);
        for (const auto& r : v->as_path().relationships) relations.insert(r.id), highlighted.insert(r.id);
        break;
      case cypher::Value::Type::list:
        for (const cypher::Value& item : v->as_list()) pending.push_back(&item);
        break;
      case cypher::Value::Type::map:
        for (const auto& [key, item] : v->as_map()) pending.push_back(&item);
        break;
      default:
        break;
    }
  }
  if (vertices.empty()) throw UsageError("the query returned no nodes, relationships or paths to draw");
  if (max_nodes != 0 && vertices.size() > max_nodes) {
    throw LimitError("the query returned " + std::to_string(vertices.size()) +
                     " entities to draw, more than max_nodes " + std::to_string(max_nodes) + "; add a LIMIT");
  }
  render::Diagram diagram;
  diagram.title = "Query result";
  diagram.vertices.assign(vertices.begin(), vertices.end());
  diagram.relations.assign(relations.begin(), relations.end());
  diagram.highlighted_relations.assign(highlighted.begin(), highlighted.end());
  for (RelationId r : highlighted) {
    diagram.highlighted_vertices.push_back(graph.relation(r).from);
    diagram.highlighted_vertices.push_back(graph.relation(r).to);
  }
  std::sort(diagram.highlighted_vertices.begin(), diagram.highlighted_vertices.end());
  diagram.highlighted_vertices.erase(
      std::unique(diagram.highlighted_vertices.begin(), diagram.highlighted_vertices.end()),
      diagram.highlighted_vertices.end());
  return diagram;
}

}  // namespace hallyu::query
