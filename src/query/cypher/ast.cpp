// The syntax tree: deep copies and canonical printing.
#include "hallyu/query/cypher/ast.hpp"

#include <cstdio>

namespace hallyu::query::cypher {

Expr::Expr() = default;
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

namespace {

ExprPtr clone_or_null(const ExprPtr& e) { return e ? clone(*e) : nullptr; }

PatternPart clone_part(const PatternPart& p) {
  PatternPart out;
  out.path_variable = p.path_variable;
  out.shortest = p.shortest;
  out.at = p.at;
  for (const NodePattern& n : p.nodes) out.nodes.push_back({n.variable, n.labels, clone_or_null(n.properties), n.at});
  for (const RelPattern& r : p.rels) {
    out.rels.push_back({r.variable, r.types, r.direction, r.variable_length, r.min, r.max, clone_or_null(r.properties), r.at});
  }
  return out;
}

bool is_plain_name(const std::string& name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

std::string name_text(const std::string& name) {
  if (is_plain_name(name)) return name;
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

std::string string_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "'";
}

std::string literal_text(const Value& v) {
  switch (v.type()) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return v.as_bool() ? "true" : "false";
    case Value::Type::integer: return std::to_string(v.as_int());
    case Value::Type::floating: return format_double(v.as_double());
    case Value::Type::string: return string_literal(v.as_string());
    default: return "?";
  }
}

std::string labels_text(const std::vector<std::vector<std::string>>& labels) {
  std::string out;
  for (const auto& group : labels) {
    out += ":";
    for (std::size_t i = 0; i < group.size(); ++i) out += (i ? "|" : "") + name_text(group[i]);
  }
  return out;
}

std::string node_text(const NodePattern& n) {
  std::string out = "(" + (n.variable.empty() ? "" : name_text(n.variable)) + labels_text(n.labels);
  if (n.properties) out += (n.variable.empty() && n.labels.empty() ? "" : " ") + to_cypher(*n.properties);
  return out + ")";
}

std::string rel_text(const RelPattern& r) {
  std::string inner = r.variable.empty() ? "" : name_text(r.variable);
  for (std::size_t i = 0; i < r.types.size(); ++i) inner += (i ? "|" : ":") + name_text(r.types[i]);
  if (r.variable_length) {
    inner += "*";
    if (r.min && r.max && *r.min == *r.max) {
      inner += std::to_string(*r.min);
    } else if (r.min || r.max) {
      if (r.min) inner += std::to_string(*r.min);
      inner += "..";
      if (r.max) inner += std::to_string(*r.max);
    }
  }
  if (r.properties) inner += (inner.empty() ? "" : " ") + to_cypher(*r.properties);
  std::string body = inner.empty() ? "--" : "-[" + inner + "]-";
  if (r.direction == Direction::left) return "<" + body;
  if (r.direction == Direction::right) return body + ">";
  return body;
}

std::string projection_text(const Projection& p) {
  std::string out = p.distinct ? "DISTINCT " : "";
  bool first = true;
  if (p.star) out += "*", first = false;
  for (const ProjectionItem& item : p.items) {
    out += (first ? "" : ", ") + to_cypher(*item.expr);
    if (item.aliased) out += " AS " + name_text(item.alias);
    first = false;
  }
  if (!p.order.empty()) {
    out += " ORDER BY ";
    for (std::size_t i = 0; i < p.order.size(); ++i) {
      out += (i ? ", " : "") + to_cypher(*p.order[i].expr) + (p.order[i].descending ? " DESC" : "");
    }
  }
  if (p.skip) out += " SKIP " + to_cypher(*p.skip);
  if (p.limit) out += " LIMIT " + to_cypher(*p.limit);
  if (p.where) out += " WHERE " + to_cypher(*p.where);
  return out;
}

std::string clause_text(const Clause& c) {
  switch (c.kind) {
    case ClauseKind::match: {
      std::string out = c.optional ? "OPTIONAL MATCH " : "MATCH ";
      for (std::size_t i = 0; i < c.patterns.size(); ++i) out += (i ? ", " : "") + to_cypher(c.patterns[i]);
      if (c.where) out += " WHERE " + to_cypher(*c.where);
      return out;
    }
    case ClauseKind::unwind: return "UNWIND " + to_cypher(*c.expr) + " AS " + name_text(c.variable);
    case ClauseKind::with: return "WITH " + projection_text(c.projection);
    case ClauseKind::return_: return "RETURN " + projection_text(c.projection);
    case ClauseKind::call: {
      std::string out = "CALL " + c.procedure + "(";
      for (std::size_t i = 0; i < c.arguments.size(); ++i) out += (i ? ", " : "") + to_cypher(*c.arguments[i]);
      out += ")";
      if (c.has_yield) {
        out += " YIELD ";
        if (c.yields.empty()) out += "*";
        for (std::size_t i = 0; i < c.yields.size(); ++i) {
          out += (i ? ", " : "") + name_text(c.yields[i].field);
          if (c.yields[i].alias != c.yields[i].field) out += " AS " + name_text(c.yields[i].alias);
        }
      }
      if (c.where) out += " WHERE " + to_cypher(*c.where);
      return out;
    }
  }
  return "";
}

}  // namespace

ExprPtr clone(const Expr& e) {
  auto out = std::make_unique<Expr>();
  out->kind = e.kind;
  out->op = e.op;
  out->value = e.value;
  out->name = e.name;
  out->labels = e.labels;
  out->keys = e.keys;
  for (const ExprPtr& c : e.children) out->children.push_back(clone_or_null(c));
  out->distinct = e.distinct;
  out->negated = e.negated;
  out->has_subject = e.has_subject;
  out->has_else = e.has_else;
  if (e.pattern) out->pattern = std::make_unique<PatternPart>(clone_part(*e.pattern));
  out->at = e.at;
  out->begin = e.begin;
  out->end = e.end;
  out->text = e.text;
  out->height = e.height;
  out->slot = e.slot;
  out->function = e.function;
  out->subplan = e.subplan;
  return out;
}

std::string_view op_text(Op op) {
  switch (op) {
    case Op::none: return "";
    case Op::not_: return "NOT";
    case Op::negate: return "-";
    case Op::plus: return "+";
    case Op::or_: return "OR";
    case Op::xor_: return "XOR";
    case Op::and_: return "AND";
    case Op::add: return "+";
    case Op::subtract: return "-";
    case Op::multiply: return "*";
    case Op::divide: return "/";
    case Op::modulo: return "%";
    case Op::power: return "^";
    case Op::eq: return "=";
    case Op::ne: return "<>";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::in: return "IN";
    case Op::starts_with: return "STARTS WITH";
    case Op::ends_with: return "ENDS WITH";
    case Op::contains: return "CONTAINS";
    case Op::regex: return "=~";
  }
  return "";
}

std::string_view source_text(const Expr& e, std::string_view query) {
  if (e.begin >= e.end || e.end > query.size()) return e.text;
  return query.substr(e.begin, e.end - e.begin);
}

std::string to_cypher(const Expr& e) {
  auto child = [&](std::size_t i) { return e.children[i] ? to_cypher(*e.children[i]) : std::string(); };
  switch (e.kind) {
    case ExprKind::literal: return literal_text(e.value);
    case ExprKind::parameter: return "$" + name_text(e.name);
    case ExprKind::variable: return name_text(e.name);
    case ExprKind::property: return child(0) + "." + name_text(e.name);
    case ExprKind::has_labels: return child(0) + labels_text(e.labels);
    case ExprKind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < e.children.size(); ++i) out += (i ? ", " : "") + child(i);
      return out + "]";
    }
    case ExprKind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < e.children.size(); ++i) out += (i ? ", " : "") + name_text(e.keys[i]) + ": " + child(i);
      return out + "}";
    }
    case ExprKind::index: return child(0) + "[" + child(1) + "]";
    case ExprKind::slice: return child(0) + "[" + child(1) + ".." + child(2) + "]";
    case ExprKind::unary:
      return "(" + std::string(op_text(e.op)) + (e.op == Op::not_ ? " " : "") + child(0) + ")";
    case ExprKind::binary: return "(" + child(0) + " " + std::string(op_text(e.op)) + " " + child(1) + ")";
    case ExprKind::is_null: return "(" + child(0) + (e.negated ? " IS NOT NULL)" : " IS NULL)");
    case ExprKind::function: {
      std::string out = e.name + "(" + (e.distinct ? "DISTINCT " : "");
      for (std::size_t i = 0; i < e.children.size(); ++i) out += (i ? ", " : "") + child(i);
      return out + ")";
    }
    case ExprKind::count_star: return "count(*)";
    case ExprKind::case_: {
      std::string out = "CASE";
      std::size_t i = 0;
      if (e.has_subject) out += " " + child(i++);
      std::size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
      for (; i + 1 < pairs_end; i += 2) out += " WHEN " + child(i) + " THEN " + child(i + 1);
      if (e.has_else) out += " ELSE " + child(e.children.size() - 1);
      return out + " END";
    }
    case ExprKind::list_comprehension: {
      std::string out = "[" + name_text(e.name) + " IN " + child(0);
      if (e.children[1]) out += " WHERE " + child(1);
      if (e.children[2]) out += " | " + child(2);
      return out + "]";
    }
    case ExprKind::list_predicate: {
      std::string out = e.keys[0] + "(" + name_text(e.name) + " IN " + child(0);
      if (e.children[1]) out += " WHERE " + child(1);
      return out + ")";
    }
    case ExprKind::pattern: return to_cypher(*e.pattern);
    case ExprKind::slot_ref: return e.text;
  }
  return "";
}

std::string to_cypher(const PatternPart& p) {
  std::string chain = node_text(p.nodes[0]);
  for (std::size_t i = 0; i < p.rels.size(); ++i) chain += rel_text(p.rels[i]) + node_text(p.nodes[i + 1]);
  if (p.shortest == Shortest::one) chain = "shortestPath(" + chain + ")";
  if (p.shortest == Shortest::all) chain = "allShortestPaths(" + chain + ")";
  return p.path_variable.empty() ? chain : name_text(p.path_variable) + " = " + chain;
}

std::string to_cypher(const Query& q) {
  std::string out = q.mode == Mode::explain ? "EXPLAIN " : q.mode == Mode::profile ? "PROFILE " : "";
  for (std::size_t i = 0; i < q.parts.size(); ++i) {
    if (i) out += q.union_all[i - 1] ? " UNION ALL " : " UNION ";
    for (std::size_t j = 0; j < q.parts[i].clauses.size(); ++j) out += (j ? " " : "") + clause_text(q.parts[i].clauses[j]);
  }
  return out;
}

}  // namespace hallyu::query::cypher
