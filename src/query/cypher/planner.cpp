// The planner: scopes and slots, name checks with "did you mean", pattern ordering, projections.
#include "hallyu/query/cypher/planner.hpp"

#include <algorithm>
#include <set>

#include "hallyu/query/cypher/functions.hpp"
#include "hallyu/query/cypher/procedures.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

using OpPtr = std::unique_ptr<PlanOp>;

enum class VarType { node, relationship, relationship_list, path, value };
struct Variable {
  int slot;
  VarType type;
};
using Scope = std::map<std::string, Variable>;

constexpr std::string_view kEntityKeys[] = {"id", "name", "kind", "aliases", "year", "birth_year", "debut_year", "episodes"};
constexpr std::string_view kRelationKeys[] = {"role", "billing", "year", "status", "years", "since", "until", "work", "source"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_aggregate_call(const Expr& e) {
  if (e.kind == ExprKind::count_star) return true;
  if (e.kind != ExprKind::function) return false;
  int f = find_function(e.name);
  return f >= 0 && functions()[static_cast<std::size_t>(f)].aggregate;
}

bool contains_aggregate(const Expr& e) {
  if (is_aggregate_call(e)) return true;
  for (const ExprPtr& c : e.children) {
    if (c && contains_aggregate(*c)) return true;
  }
  return false;
}

// Does e read slot a or b (directly, or through a pattern predicate, which sees the whole row)?
bool reads_slot(const Expr& e, int a, int b) {
  if ((e.kind == ExprKind::variable || e.kind == ExprKind::slot_ref) && (e.slot == a || e.slot == b)) return true;
  if (e.kind == ExprKind::pattern || e.subplan >= 0) return true;
  for (const ExprPtr& c : e.children) {
    if (c && reads_slot(*c, a, b)) return true;
  }
  return false;
}

// An aggregation right above a single expand that only counts its rows (count(*), or non-DISTINCT
// count() of the expanded node or relationship) and groups by keys that do not read them: each input
// row's matching arcs can be counted instead of producing a row per arc (cast sizes, degrees, "the
// most ..." questions), which is most of such a query's time.
bool only_counts(const PlanOp& agg, const PlanOp& expand) {
  if (expand.kind != OpKind::expand || expand.into) return false;
  for (const AggregateSpec& a : agg.aggregates) {
    if (a.function < 0) continue;
    if (functions()[static_cast<std::size_t>(a.function)].name != "count" || a.distinct || !a.argument) return false;
    const Expr& arg = *a.argument;
    if (arg.kind != ExprKind::variable || (arg.slot != expand.to && arg.slot != expand.rel)) return false;
  }
  for (const auto& [expr, slot] : agg.items) {
    if (reads_slot(*expr, expand.to, expand.rel)) return false;
  }
  return true;
}

std::string kinds_text(KindSet kinds) {
  if (kinds == kAnyKind) return "";
  std::string out;
  for (Kind k : kAllKinds) {
    if (kinds & bit(k)) out += (out.empty() ? ":" : "|") + std::string(to_string(k));
  }
  return out.empty() ? ":(none)" : out;
}

std::string types_text(RelationTypeSet types) {
  if (types == kAnyRelationType) return "";
  std::string out;
  for (RelationType t : kAllRelationTypes) {
    if (types & bit(t)) out += (out.empty() ? ":" : "|") + std::string(to_string(t));
  }
  return out.empty() ? ":(none)" : out;
}

ExprPtr variable_ref(int slot, const std::string& name) {
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::variable;
  e->slot = slot;
  e->name = name;
  return e;
}

ExprPtr binary_expr(Op op, ExprPtr l, ExprPtr r) {
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::binary;
  e->op = op;
  e->at = l->at;
  e->children.push_back(std::move(l));
  e->children.push_back(std::move(r));
  return e;
}

ExprPtr literal(Value v) {
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::literal;
  e->value = std::move(v);
  return e;
}

void split_and(ExprPtr e, std::vector<ExprPtr>& out) {
  if (e->kind == ExprKind::binary && e->op == Op::and_) {
    split_and(std::move(e->children[0]), out);
    split_and(std::move(e->children[1]), out);
  } else {
    out.push_back(std::move(e));
  }
}

class Planner {
 public:
  Planner(const Graph& graph, const PlanOptions& options, std::string_view text)
      : graph_(graph), options_(options), text_(text) {}

  Plan run(Query query) {
    Plan plan;
    plan.mode = query.mode;
    plan.text = query.text;
    if (query.parts.size() == 1) {
      plan.root = single_query(query.parts[0], plan.columns);
    } else {
      bool all = query.union_all[0];
      for (bool a : query.union_all) {
        if (a != all) throw QueryError("UNION and UNION ALL cannot be mixed in one query");
      }
      auto u = std::make_unique<PlanOp>();
      u->kind = OpKind::union_;
      u->union_all = all;
      for (std::size_t i = 0; i < query.parts.size(); ++i) {
        std::vector<std::string> columns;
        u->branches.push_back(single_query(query.parts[i], columns));
        if (i == 0) {
          plan.columns = columns;
        } else if (columns != plan.columns) {
          throw QueryError("every part of a UNION must return the same columns: " + list_text(plan.columns) + " vs " +
                           list_text(columns));
        }
      }
      for (std::size_t c = 0; c < plan.columns.size(); ++c) u->columns.push_back(new_slot(plan.columns[c]));
      u->detail = all ? "ALL" : "(distinct rows)";
      auto produce = std::make_unique<PlanOp>();
      produce->kind = OpKind::produce_results;
      produce->columns = u->columns;
      produce->names = plan.columns;
      produce->detail = list_text(plan.columns);
      produce->input = std::move(u);
      plan.root = std::move(produce);
    }
    plan.subplans = std::move(subplans_);
    plan.slot_count = slot_count_;
    return plan;
  }

 private:
  static std::string list_text(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out + "]";
  }

  int new_slot(const std::string& name) {
    slot_names_.push_back(name);
    return slot_count_++;
  }
  [[noreturn]] void fail(const std::string& message, Position at) const { throw QueryError(message, at, text_); }
  std::string text_of(const Expr& e) const { return std::string(source_text(e, text_)); }
  std::string slot_name(int slot) const {
    if (slot < 0 || slot >= static_cast<int>(slot_names_.size())) return "";
    return slot_names_[static_cast<std::size_t>(slot)];
  }

  OpPtr leaf(OpKind kind) {
    auto op = std::make_unique<PlanOp>();
    op->kind = kind;
    return op;
  }
  OpPtr on_top(OpPtr input, OpPtr op) {
    op->input = std::move(input);
    return op;
  }

  // ---- names ----
  KindSet kind_of_label(const std::string& label, Position at) const {
    std::string l = lower(label);
    if (auto k = parse_kind(l)) return bit(*k);
    std::vector<std::string> names;
    for (Kind k : kAllKinds) names.emplace_back(to_string(k));
    fail("unknown label " + text::quote(label) + did_you_mean(label, names) + "; labels are idol, actor, group, drama, ost, agency, network", at);
  }
  RelationTypeSet type_of_name(const std::string& type, Position at) const {
    std::string l = lower(type);
    std::replace(l.begin(), l.end(), '-', '_');
    if (auto t = parse_relation_type(l)) return bit(*t);
    std::vector<std::string> names;
    for (RelationType t : kAllRelationTypes) names.emplace_back(to_string(t));
    fail("unknown relationship type " + text::quote(type) + did_you_mean(type, names) +
             "; types are member_of, acted_in, performed, ost_of, signed_to, aired_on, collaborated_with",
         at);
  }
  KindSet kinds_of_groups(const std::vector<std::vector<std::string>>& groups, Position at) const {
    KindSet kinds = kAnyKind;
    for (const auto& group : groups) {
      KindSet any = 0;
      for (const std::string& label : group) any |= kind_of_label(label, at);
      kinds &= any;
    }
    return kinds;
  }

  void load_keys() {
    if (keys_loaded_) return;
    keys_loaded_ = true;
    for (std::string_view k : kEntityKeys) entity_keys_.insert(std::string(k));
    for (std::string_view k : kRelationKeys) relation_keys_.insert(std::string(k));
    for (const Entity& e : graph_.entities()) {
      for (const Attribute& a : e.attributes) entity_keys_.insert(a.key);
    }
    for (const Relation& r : graph_.relations()) {
      for (const Attribute& a : r.attributes) relation_keys_.insert(a.key);
    }
  }
  void check_key(const std::string& key, bool is_node, Position at) {
    auto known = [&](const std::string_view* b, const std::string_view* e) { return std::find(b, e, key) != e; };
    if (is_node ? known(std::begin(kEntityKeys), std::end(kEntityKeys)) : known(std::begin(kRelationKeys), std::end(kRelationKeys))) {
      return;
    }
    load_keys();
    const std::set<std::string>& keys = is_node ? entity_keys_ : relation_keys_;
    if (keys.count(key)) return;
    fail("unknown " + std::string(is_node ? "node" : "relationship") + " property " + text::quote(key) +
             did_you_mean(key, std::vector<std::string>(keys.begin(), keys.end())),
         at);
  }

  // ---- expressions ----
  struct Resolve {
    std::vector<AggregateSpec>* aggregates = nullptr;  // collect aggregates here; null: not allowed
    const char* where = "here";
  };

  void resolve(Expr& e, const Scope& scope, const Resolve& how) {
    switch (e.kind) {
      case ExprKind::variable: {
        if (e.slot >= 0) return;  // built by the planner
        auto it = scope.find(e.name);
        if (it == scope.end()) {
          std::vector<std::string> names;
          for (const auto& [name, v] : scope) {
            if (!name.empty() && name[0] != ' ') names.push_back(name);
          }
          fail("variable " + text::quote(e.name) + " is not defined" + did_you_mean(e.name, names), e.at);
        }
        e.slot = it->second.slot;
        return;
      }
      case ExprKind::parameter:
        if (!options_.parameters || !options_.parameters->count(e.name)) fail("missing parameter $" + e.name, e.at);
        return;
      case ExprKind::property: {
        resolve(*e.children[0], scope, how);
        const Expr& target = *e.children[0];
        if (target.kind == ExprKind::variable) {
          VarType t = type_of(target.slot);
          if (t == VarType::node || t == VarType::relationship) check_key(e.name, t == VarType::node, e.at);
        }
        return;
      }
      case ExprKind::has_labels:
        kinds_of_groups(e.labels, e.at);
        resolve(*e.children[0], scope, how);
        return;
      case ExprKind::function: {
        int f = find_function(e.name);
        if (f < 0) fail("unknown function " + text::quote(e.name) + did_you_mean(e.name, function_names()), e.at);
        const FunctionInfo& info = functions()[static_cast<std::size_t>(f)];
        int n = static_cast<int>(e.children.size());
        if (n < info.min_args || n > info.max_args) {
          std::string expected = info.min_args == info.max_args ? std::to_string(info.min_args)
                                                                 : std::to_string(info.min_args) + " to " + std::to_string(info.max_args);
          fail(std::string(info.name) + "() takes " + expected + " argument" + (info.max_args == 1 ? "" : "s") + ", not " +
                   std::to_string(n),
               e.at);
        }
        e.function = f;
        if (e.distinct && !info.aggregate) fail("DISTINCT applies to aggregate functions only", e.at);
        if (info.aggregate) {
          if (!how.aggregates) fail(std::string("aggregate functions are not allowed in ") + how.where, e.at);
          if (contains_aggregate(*e.children[0])) fail("aggregate functions cannot be nested", e.at);
          resolve(*e.children[0], scope, Resolve{nullptr, "an aggregate's argument"});
          AggregateSpec spec;
          spec.function = f;
          spec.distinct = e.distinct;
          spec.argument = std::move(e.children[0]);
          spec.text = text_of(e);
          spec.slot = new_slot(spec.text);
          to_slot_ref(e, spec.slot, spec.text);
          how.aggregates->push_back(std::move(spec));
          return;
        }
        for (ExprPtr& c : e.children) resolve(*c, scope, how);
        return;
      }
      case ExprKind::count_star: {
        if (!how.aggregates) fail(std::string("aggregate functions are not allowed in ") + how.where, e.at);
        AggregateSpec spec;
        spec.text = "count(*)";
        spec.slot = new_slot(spec.text);
        to_slot_ref(e, spec.slot, spec.text);
        how.aggregates->push_back(std::move(spec));
        return;
      }
      case ExprKind::list_comprehension:
      case ExprKind::list_predicate: {
        resolve(*e.children[0], scope, how);
        Scope inner = scope;
        int local = new_slot(e.name);
        locals_.insert(local);
        inner[e.name] = {local, VarType::value};
        e.slot = local;
        for (std::size_t i = 1; i < e.children.size(); ++i) {
          if (e.children[i]) resolve(*e.children[i], inner, Resolve{nullptr, "a list comprehension"});
        }
        return;
      }
      case ExprKind::pattern: {
        Scope inner = scope;
        std::vector<PatternPart> parts;
        parts.push_back(std::move(*e.pattern));
        std::set<int> outer;
        for (const NodePattern& n : parts[0].nodes) {
          auto it = scope.find(n.variable);
          if (!n.variable.empty() && it != scope.end()) outer.insert(it->second.slot);
        }
        for (const RelPattern& r : parts[0].rels) {
          if (!r.variable.empty() && scope.count(r.variable)) {
            fail("a pattern predicate cannot use the bound relationship " + text::quote(r.variable), r.at);
          }
        }
        OpPtr sub = leaf(OpKind::argument);
        sub = match_core(std::move(sub), parts, nullptr, inner);
        e.pattern = std::make_unique<PatternPart>(std::move(parts[0]));
        e.subplan = static_cast<int>(subplans_.size());
        subplans_.push_back(std::move(sub));
        pattern_deps_[e.subplan] = outer;
        return;
      }
      default:
        for (ExprPtr& c : e.children) {
          if (c) resolve(*c, scope, how);
        }
        return;
    }
  }

  void to_slot_ref(Expr& e, int slot, const std::string& text) {
    e.kind = ExprKind::slot_ref;
    e.slot = slot;
    e.text = text;
    e.children.clear();
  }

  VarType type_of(int slot) const {
    auto it = slot_types_.find(slot);
    return it == slot_types_.end() ? VarType::value : it->second;
  }
  void declare(Scope& scope, const std::string& name, int slot, VarType type) {
    scope[name] = {slot, type};
    slot_types_[slot] = type;
  }

  void deps(const Expr& e, std::set<int>& out) const {
    if (e.kind == ExprKind::variable && e.slot >= 0 && !locals_.count(e.slot)) out.insert(e.slot);
    if (e.kind == ExprKind::pattern) {
      auto it = pattern_deps_.find(e.subplan);
      if (it != pattern_deps_.end()) out.insert(it->second.begin(), it->second.end());
    }
    for (const ExprPtr& c : e.children) {
      if (c) deps(*c, out);
    }
  }

  // ---- clauses ----
  OpPtr single_query(SingleQuery& q, std::vector<std::string>& columns) {
    Scope scope;
    OpPtr op = leaf(OpKind::once);
    for (Clause& c : q.clauses) {
      switch (c.kind) {
        case ClauseKind::match:
          if (c.optional) {
            Scope inner = scope;
            OpPtr sub = match_core(leaf(OpKind::argument), c.patterns, std::move(c.where), inner);
            auto opt = std::make_unique<PlanOp>();
            opt->kind = OpKind::optional;
            for (const auto& [name, v] : inner) {
              if (!scope.count(name)) opt->slots.push_back(v.slot);
            }
            opt->branches.push_back(std::move(sub));
            op = on_top(std::move(op), std::move(opt));
            scope = inner;
          } else {
            op = match_core(std::move(op), c.patterns, std::move(c.where), scope);
          }
          break;
        case ClauseKind::unwind: {
          resolve(*c.expr, scope, Resolve{nullptr, "UNWIND"});
          auto u = std::make_unique<PlanOp>();
          u->kind = OpKind::unwind;
          u->detail = text_of(*c.expr) + " AS " + c.variable;
          u->list = std::move(c.expr);
          u->slot = new_slot(c.variable);
          declare(scope, c.variable, u->slot, VarType::value);
          op = on_top(std::move(op), std::move(u));
          break;
        }
        case ClauseKind::with:
        case ClauseKind::return_:
          op = projection(std::move(op), c.projection, scope, c.kind == ClauseKind::return_, columns, c.at);
          break;
        case ClauseKind::call:
          op = call(std::move(op), c, scope, q.clauses.size() == 1, columns);
          break;
      }
    }
    return op;
  }

  OpPtr call(OpPtr in, Clause& c, Scope& scope, bool standalone, std::vector<std::string>& columns) {
    int p = find_procedure(c.procedure);
    if (p < 0) {
      std::vector<std::string> names;
      for (const Procedure& proc : procedures()) names.push_back(proc.name);
      fail("unknown procedure " + text::quote(c.procedure) + did_you_mean(c.procedure, names), c.at);
    }
    const Procedure& proc = procedures()[static_cast<std::size_t>(p)];
    auto op = std::make_unique<PlanOp>();
    op->kind = OpKind::procedure_call;
    op->procedure = p;
    for (ExprPtr& a : c.arguments) {
      resolve(*a, scope, Resolve{nullptr, "procedure arguments"});
      op->arguments.push_back(std::move(a));
    }
    std::vector<YieldItem> yields = c.yields;
    if (yields.empty()) {
      if (!standalone && c.has_yield == false) fail("CALL inside a query needs YIELD", c.at);
      for (const std::string& out : proc.outputs) yields.push_back({out, out, c.at});
    }
    std::vector<std::string> yielded;
    for (const YieldItem& y : yields) {
      auto it = std::find(proc.outputs.begin(), proc.outputs.end(), y.field);
      if (it == proc.outputs.end()) {
        fail(proc.name + " has no output " + text::quote(y.field) + did_you_mean(y.field, proc.outputs) + "; it yields " +
                 list_text(proc.outputs),
             y.at);
      }
      if (scope.count(y.alias)) fail("variable " + text::quote(y.alias) + " is already defined", y.at);
      int slot = new_slot(y.alias);
      declare(scope, y.alias, slot, y.field == "node" ? VarType::node : VarType::value);
      op->yields.push_back({static_cast<int>(it - proc.outputs.begin()), slot});
      yielded.push_back(y.alias);
    }
    op->detail = proc.name + " YIELD " + list_text(yielded);
    OpPtr out = on_top(std::move(in), std::move(op));
    if (c.where) {
      resolve(*c.where, scope, Resolve{nullptr, "WHERE"});
      out = filter(std::move(out), std::move(c.where));
    }
    if (standalone) {
      auto produce = std::make_unique<PlanOp>();
      produce->kind = OpKind::produce_results;
      for (const std::string& y : yielded) produce->columns.push_back(scope[y].slot);
      produce->names = yielded;
      produce->detail = list_text(yielded);
      columns = yielded;
      out = on_top(std::move(out), std::move(produce));
    }
    return out;
  }

  OpPtr filter(OpPtr in, ExprPtr predicate) {
    auto f = std::make_unique<PlanOp>();
    f->kind = OpKind::filter;
    f->detail = predicate->begin < predicate->end ? text_of(*predicate) : to_cypher(*predicate);
    f->predicate = std::move(predicate);
    return on_top(std::move(in), std::move(f));
  }

  OpPtr projection(OpPtr in, Projection& p, Scope& scope, bool is_return, std::vector<std::string>& columns, Position at) {
    struct Item {
      ExprPtr expr;
      std::string name;
      std::string canonical;
      bool aggregating = false;
      int slot = -1;
      VarType type = VarType::value;
    };
    std::vector<Item> items;
    if (p.star) {
      for (const auto& [name, v] : scope) {
        if (name.empty() || name[0] == ' ') continue;
        items.push_back({variable_ref(-1, name), name, name});
        items.back().expr->name = name;
      }
      if (items.empty()) fail(std::string(is_return ? "RETURN" : "WITH") + " * has no variables to return", at);
    }
    for (ProjectionItem& item : p.items) {
      std::string canonical = to_cypher(*item.expr);
      if (!item.aliased && item.expr->kind != ExprKind::variable && !is_return) {
        fail("expressions in WITH need an alias (AS name)", item.expr->at);
      }
      items.push_back({std::move(item.expr), item.alias, canonical});
    }
    std::set<std::string> seen;
    for (const Item& item : items) {
      if (!seen.insert(item.name).second) fail("column " + text::quote(item.name) + " appears twice", at);
    }
    bool aggregating = false;
    for (Item& item : items) {
      item.aggregating = contains_aggregate(*item.expr);
      aggregating = aggregating || item.aggregating;
    }
    OpPtr op = std::move(in);
    Scope next_scope;
    if (!aggregating) {
      auto proj = std::make_unique<PlanOp>();
      proj->kind = OpKind::projection;
      for (Item& item : items) {
        resolve(*item.expr, scope, Resolve{nullptr, is_return ? "RETURN without grouping" : "WITH"});
        if (item.expr->kind == ExprKind::variable) item.type = type_of(item.expr->slot);
        item.slot = new_slot(item.name);
        proj->detail += (proj->detail.empty() ? "" : ", ") + text_of_item(*item.expr, item.name);
        proj->items.push_back({clone(*item.expr), item.slot});
      }
      op = on_top(std::move(op), std::move(proj));
    } else {
      auto agg = std::make_unique<PlanOp>();
      agg->kind = OpKind::aggregate;
      auto post = std::make_unique<PlanOp>();
      post->kind = OpKind::projection;
      std::string keys_text;
      for (Item& item : items) {
        if (!item.aggregating) {
          resolve(*item.expr, scope, Resolve{nullptr, "grouping keys"});
          if (item.expr->kind == ExprKind::variable) item.type = type_of(item.expr->slot);
          item.slot = new_slot(item.name);
          keys_text += (keys_text.empty() ? "" : ", ") + item.name;
          agg->items.push_back({clone(*item.expr), item.slot});
        }
      }
      for (Item& item : items) {
        if (item.aggregating) {
          std::string shown = text_of_item(*item.expr, item.name);
          resolve(*item.expr, scope, Resolve{&agg->aggregates, "here"});
          item.slot = new_slot(item.name);
          post->detail += (post->detail.empty() ? "" : ", ") + shown;
          post->items.push_back({clone(*item.expr), item.slot});
        }
      }
      std::string aggs;
      for (const AggregateSpec& a : agg->aggregates) aggs += (aggs.empty() ? "" : ", ") + a.text;
      agg->detail = "keys [" + keys_text + "] aggregates [" + aggs + "]";
      if (op && only_counts(*agg, *op)) {
        op->count_only = true;
        agg->detail += " (counted from the adjacency lists)";
      }
      op = on_top(std::move(op), std::move(agg));
      op = on_top(std::move(op), std::move(post));
    }
    for (Item& item : items) declare(next_scope, item.name, item.slot, item.type);
    if (p.distinct) {
      auto d = std::make_unique<PlanOp>();
      d->kind = OpKind::distinct;
      for (const Item& item : items) {
        d->columns.push_back(item.slot);
        d->detail += (d->detail.empty() ? "" : ", ") + item.name;
      }
      op = on_top(std::move(op), std::move(d));
    }
    if (!p.order.empty()) {
      Scope order_scope = next_scope;
      if (!aggregating && !p.distinct) {
        order_scope = scope;
        for (const auto& [name, v] : next_scope) order_scope[name] = v;
      }
      auto sort = std::make_unique<PlanOp>();
      sort->kind = OpKind::sort;
      for (SortItem& s : p.order) {
        std::string canonical = to_cypher(*s.expr);
        std::string shown = text_of(*s.expr) + (s.descending ? " DESC" : "");
        ExprPtr key;
        for (const Item& item : items) {
          if (item.canonical == canonical) key = variable_ref(item.slot, item.name);
        }
        if (!key) {
          resolve(*s.expr, order_scope, Resolve{nullptr, "ORDER BY (aggregate in the projection and order by its alias)"});
          key = std::move(s.expr);
        }
        sort->sort_keys.push_back({std::move(key), s.descending});
        sort->detail += (sort->detail.empty() ? "" : ", ") + shown;
      }
      if (p.limit) {
        sort->count = clone(*p.limit);
        resolve(*sort->count, Scope{}, Resolve{nullptr, "LIMIT"});
        if (p.skip) {
          sort->top_offset = clone(*p.skip);
          resolve(*sort->top_offset, Scope{}, Resolve{nullptr, "SKIP"});
        }
        sort->detail += " (top " + text_of(*p.limit) + (p.skip ? " after skipping " + text_of(*p.skip) : "") + ")";
      }
      op = on_top(std::move(op), std::move(sort));
    }
    if (p.skip) {
      auto s = std::make_unique<PlanOp>();
      s->kind = OpKind::skip;
      s->detail = text_of(*p.skip);
      resolve(*p.skip, Scope{}, Resolve{nullptr, "SKIP"});
      s->count = std::move(p.skip);
      op = on_top(std::move(op), std::move(s));
    }
    if (p.limit) {
      auto l = std::make_unique<PlanOp>();
      l->kind = OpKind::limit;
      l->detail = text_of(*p.limit);
      resolve(*p.limit, Scope{}, Resolve{nullptr, "LIMIT"});
      l->count = std::move(p.limit);
      op = on_top(std::move(op), std::move(l));
    }
    scope = next_scope;
    if (p.where) {
      resolve(*p.where, scope, Resolve{nullptr, "WHERE"});
      op = filter(std::move(op), std::move(p.where));
    }
    if (is_return) {
      auto produce = std::make_unique<PlanOp>();
      produce->kind = OpKind::produce_results;
      for (const Item& item : items) {
        produce->columns.push_back(item.slot);
        produce->names.push_back(item.name);
        columns.push_back(item.name);
      }
      produce->detail = list_text(produce->names);
      op = on_top(std::move(op), std::move(produce));
    }
    return op;
  }

  std::string text_of_item(const Expr& e, const std::string& name) const {
    std::string t = e.begin < e.end ? text_of(e) : name;
    return t == name ? t : t + " AS " + name;
  }

  // ---- patterns ----
  struct PNode {
    int slot = -1;
    std::string name;
    KindSet kinds = kAnyKind;
    bool bound = false;
    bool prebound = false;
    ExprPtr seek;
    ScanMode seek_mode = ScanMode::all;
    Position at;
  };
  struct PRel {
    int slot = -1;
    std::string name;
    RelationTypeSet types = kAnyRelationType;
    Direction direction = Direction::both;
    std::size_t left = 0, right = 0;
    bool variable_length = false;
    std::int64_t min = 1, max = 1;
    bool capped = false;
    ExprPtr properties;
    bool planned = false;
    Position at;
  };
  struct PPart {
    int path_slot = -1;
    std::vector<std::size_t> nodes, rels;
    Shortest shortest = Shortest::none;
    bool built = false;
    Position at;
  };
  struct Conjunct {
    ExprPtr expr;
    std::set<int> deps;
    bool used = false;
  };

  std::string node_text(const PNode& n) const { return "(" + n.name + kinds_text(n.kinds) + ")"; }
  std::string rel_text(const PRel& r, bool reversed) const {
    std::string inner = r.name + types_text(r.types);
    if (r.variable_length) {
      inner += "*" + std::to_string(r.min) + "..";
      if (r.max != INT64_MAX) inner += std::to_string(r.max);
    }
    std::string body = "-[" + inner + "]-";
    Direction d = r.direction;
    if (reversed && d != Direction::both) d = d == Direction::right ? Direction::left : Direction::right;
    return d == Direction::left ? "<" + body : d == Direction::right ? body + ">" : body;
  }

  // A property map as conditions `var.key = value`, or (var-length) kept for every step.
  void property_conditions(Expr* properties, int slot, const std::string& var, bool is_node, std::vector<Conjunct>& out,
                           const Scope& scope) {
    if (!properties) return;
    std::vector<std::pair<std::string, ExprPtr>> entries;
    if (properties->kind == ExprKind::parameter) {
      resolve(*properties, scope, Resolve{nullptr, "a pattern"});
      const Value& v = options_.parameters->at(properties->name);
      if (v.type() != Value::Type::map) fail("parameter $" + properties->name + " must be a map here", properties->at);
      for (const auto& [k, value] : v.as_map()) entries.push_back({k, literal(value)});
    } else {
      for (std::size_t i = 0; i < properties->children.size(); ++i) {
        entries.push_back({properties->keys[i], std::move(properties->children[i])});
      }
    }
    for (auto& [key, value] : entries) {
      check_key(key, is_node, properties->at);
      resolve(*value, scope, Resolve{nullptr, "a pattern"});
      auto prop = std::make_unique<Expr>();
      prop->kind = ExprKind::property;
      prop->name = key;
      prop->at = properties->at;
      prop->children.push_back(variable_ref(slot, var));
      ExprPtr eq = binary_expr(Op::eq, std::move(prop), std::move(value));
      eq->text = var + "." + key + " = " + to_cypher(*eq->children[1]);
      Conjunct c;
      deps(*eq, c.deps);
      c.expr = std::move(eq);
      out.push_back(std::move(c));
    }
  }

  std::size_t relation_count(RelationTypeSet types) {
    if (!types_counted_) {
      types_counted_ = true;
      for (const Relation& r : graph_.relations()) ++type_counts_[static_cast<std::size_t>(r.type)];
    }
    std::size_t n = 0;
    for (RelationType t : kAllRelationTypes) {
      if (types & bit(t)) n += type_counts_[static_cast<std::size_t>(t)];
    }
    return n;
  }

  std::size_t kind_count(KindSet kinds) {
    if (!counted_) {
      counted_ = true;
      for (VertexId v = 0; v < graph_.entity_count(); ++v) ++kind_counts_[static_cast<std::size_t>(graph_.kind(v))];
    }
    std::size_t n = 0;
    for (Kind k : kAllKinds) {
      if (kinds & bit(k)) n += kind_counts_[static_cast<std::size_t>(k)];
    }
    return n;
  }

  // Does `e` test only the kind of the local variable `slot` (so it can become a kind filter)?
  bool kind_only(const Expr& e, int slot) const {
    switch (e.kind) {
      case ExprKind::literal:
      case ExprKind::parameter: return true;
      case ExprKind::has_labels: return e.children[0]->kind == ExprKind::variable && e.children[0]->slot == slot;
      case ExprKind::property:
        return e.name == "kind" && e.children[0]->kind == ExprKind::variable && e.children[0]->slot == slot;
      case ExprKind::function:
        return lower(e.name) == "labels" && e.children[0]->kind == ExprKind::variable && e.children[0]->slot == slot;
      case ExprKind::unary:
      case ExprKind::binary:
      case ExprKind::is_null:
      case ExprKind::list:
        for (const ExprPtr& c : e.children) {
          if (!kind_only(*c, slot)) return false;
        }
        return true;
      default: return false;
    }
  }

  OpPtr match_core(OpPtr op, std::vector<PatternPart>& parts, ExprPtr where, Scope& scope) {
    const PlanOp* below = op.get();  // the operators this MATCH adds sit above this one
    std::vector<PNode> nodes;
    std::vector<PRel> rels;
    std::vector<PPart> pparts;
    std::vector<Conjunct> conjuncts;
    std::set<int> bound;
    for (const auto& [name, v] : scope) bound.insert(v.slot);
    const std::set<int> prebound = bound;
    std::map<std::string, std::size_t> node_by_name;
    std::set<std::string> rel_names;
    std::vector<std::pair<Expr*, std::pair<int, std::string>>> node_properties;  // resolved after declaring

    for (PatternPart& part : parts) {
      PPart pp;
      pp.shortest = part.shortest;
      pp.at = part.at;
      if (part.shortest != Shortest::none && part.rels.size() != 1) {
        fail("shortestPath and allShortestPaths need a pattern with exactly one relationship", part.at);
      }
      for (NodePattern& n : part.nodes) {
        std::size_t index;
        auto named = node_by_name.find(n.variable);
        if (!n.variable.empty() && named != node_by_name.end()) {
          index = named->second;
        } else {
          PNode pn;
          pn.at = n.at;
          pn.name = n.variable;
          auto in_scope = scope.find(n.variable);
          if (!n.variable.empty() && in_scope != scope.end()) {
            if (in_scope->second.type != VarType::node && in_scope->second.type != VarType::value) {
              fail("variable " + text::quote(n.variable) + " is not a node", n.at);
            }
            pn.slot = in_scope->second.slot;
            pn.prebound = pn.bound = true;
          } else {
            pn.slot = new_slot(n.variable.empty() ? " anon" : n.variable);
            slot_types_[pn.slot] = VarType::node;
            if (!n.variable.empty()) declare(scope, n.variable, pn.slot, VarType::node);
          }
          index = nodes.size();
          nodes.push_back(std::move(pn));
          if (!n.variable.empty()) node_by_name[n.variable] = index;
        }
        nodes[index].kinds &= kinds_of_groups(n.labels, n.at);
        if (n.properties) node_properties.push_back({n.properties.get(), {nodes[index].slot, n.variable}});
        pp.nodes.push_back(index);
      }
      for (std::size_t i = 0; i < part.rels.size(); ++i) {
        RelPattern& r = part.rels[i];
        PRel pr;
        pr.at = r.at;
        pr.name = r.variable;
        if (!r.variable.empty() && (scope.count(r.variable) || rel_names.count(r.variable))) {
          fail("relationship variable " + text::quote(r.variable) + " is already bound; a pattern cannot reuse it", r.at);
        }
        if (!r.variable.empty()) rel_names.insert(r.variable);
        for (const std::string& t : r.types) {
          if (pr.types == kAnyRelationType) pr.types = 0;
          pr.types |= type_of_name(t, r.at);
        }
        pr.direction = r.direction;
        pr.left = pp.nodes[i];
        pr.right = pp.nodes[i + 1];
        pr.variable_length = r.variable_length || part.shortest != Shortest::none;
        if (pr.variable_length) {
          pr.min = r.variable_length ? r.min.value_or(1) : 1;
          if (part.shortest != Shortest::none) {
            pr.max = r.variable_length ? r.max.value_or(INT64_MAX) : 1;
            if (pr.min > 1) fail("shortestPath needs a minimum length of 0 or 1", r.at);
          } else if (r.max) {
            if (static_cast<std::uint64_t>(*r.max) > options_.max_var_length) {
              throw QueryError("variable-length upper bound " + std::to_string(*r.max) + " is above the limit of " +
                                   std::to_string(options_.max_var_length) + " hops",
                               r.at, text_, ErrorCategory::too_costly);
            }
            pr.max = *r.max;
          } else {
            pr.max = static_cast<std::int64_t>(options_.max_var_length);
            pr.capped = true;
          }
        }
        pr.slot = new_slot(r.variable.empty() ? " anon" : r.variable);
        VarType type = r.variable_length ? VarType::relationship_list : VarType::relationship;
        slot_types_[pr.slot] = type;
        if (!r.variable.empty()) declare(scope, r.variable, pr.slot, type);
        if (r.properties && !pr.variable_length) {
          node_properties.push_back({r.properties.get(), {-1 - pr.slot, r.variable}});
        } else if (r.properties) {
          pr.properties = std::move(r.properties);
        }
        pp.rels.push_back(rels.size());
        rels.push_back(std::move(pr));
      }
      if (!part.path_variable.empty()) {
        if (scope.count(part.path_variable)) fail("variable " + text::quote(part.path_variable) + " is already defined", part.at);
        pp.path_slot = new_slot(part.path_variable);
        declare(scope, part.path_variable, pp.path_slot, VarType::path);
      }
      pparts.push_back(std::move(pp));
    }
    // Property maps become conditions; they may refer to any variable of the pattern.
    for (auto& [properties, target] : node_properties) {
      bool is_node = target.first >= 0;
      int slot = is_node ? target.first : -1 - target.first;
      property_conditions(properties, slot, target.second, is_node, conjuncts, scope);
    }
    for (PRel& r : rels) {
      if (r.properties) {
        if (r.properties->kind == ExprKind::parameter) {
          resolve(*r.properties, scope, Resolve{nullptr, "a pattern"});
        } else {
          for (std::size_t i = 0; i < r.properties->children.size(); ++i) {
            check_key(r.properties->keys[i], false, r.properties->at);
            resolve(*r.properties->children[i], scope, Resolve{nullptr, "a pattern"});
          }
        }
      }
    }
    for (PNode& n : nodes) {
      if (n.prebound && n.kinds != kAnyKind) {
        auto has = std::make_unique<Expr>();
        has->kind = ExprKind::has_labels;
        std::vector<std::string> group;
        for (Kind k : kAllKinds) {
          if (n.kinds & bit(k)) group.emplace_back(to_string(k));
        }
        if (group.empty()) group.emplace_back("(none)");
        has->labels = {group};
        has->children.push_back(variable_ref(n.slot, n.name));
        has->text = n.name + kinds_text(n.kinds);
        Conjunct c;
        c.deps.insert(n.slot);
        c.expr = std::move(has);
        conjuncts.push_back(std::move(c));
      }
    }
    if (where) {
      std::vector<ExprPtr> split;
      split_and(std::move(where), split);
      for (ExprPtr& e : split) {
        resolve(*e, scope, Resolve{nullptr, "WHERE"});
        Conjunct c;
        deps(*e, c.deps);
        c.expr = std::move(e);
        conjuncts.push_back(std::move(c));
      }
    }

    // Conditions on the nodes and relationships of a shortest path become conditions of the search.
    std::map<std::size_t, std::pair<ExprPtr, ExprPtr>> shortest_conditions;  // part -> node, rel
    std::map<std::size_t, std::pair<int, int>> shortest_locals;
    for (std::size_t pi = 0; pi < pparts.size(); ++pi) {
      const PPart& pp = pparts[pi];
      if (pp.shortest == Shortest::none || pp.path_slot < 0) continue;
      for (Conjunct& c : conjuncts) {
        Expr& e = *c.expr;
        if (e.kind != ExprKind::list_predicate || (e.keys[0] != "all" && e.keys[0] != "none")) continue;
        const Expr& list = *e.children[0];
        if (list.kind != ExprKind::function || list.children.size() != 1 || list.children[0]->kind != ExprKind::variable ||
            list.children[0]->slot != pp.path_slot) {
          continue;
        }
        std::string fname = lower(list.name);
        bool on_nodes = fname == "nodes";
        if (!on_nodes && fname != "relationships" && fname != "rels") continue;
        std::set<int> other;
        deps(*e.children[1], other);
        other.erase(e.slot);
        if (other.count(pp.path_slot)) continue;
        ExprPtr condition = std::move(e.children[1]);
        if (e.keys[0] == "none") {
          auto n = std::make_unique<Expr>();
          n->kind = ExprKind::unary;
          n->op = Op::not_;
          n->children.push_back(std::move(condition));
          condition = std::move(n);
        }
        auto& [node_cond, rel_cond] = shortest_conditions[pi];
        auto& [node_local, rel_local] = shortest_locals.try_emplace(pi, -1, -1).first->second;
        ExprPtr& target = on_nodes ? node_cond : rel_cond;
        int& local = on_nodes ? node_local : rel_local;
        if (local >= 0) {
          rebind(*condition, e.slot, local);
        } else {
          local = e.slot;
        }
        target = target ? binary_expr(Op::and_, std::move(target), std::move(condition)) : std::move(condition);
        c.used = true;
      }
    }

    // Seeks: `n.id = expr` or `n.name = expr` (or IN a list) where expr needs nothing from this pattern.
    for (PNode& n : nodes) {
      if (n.bound) continue;
      for (int pass = 0; pass < 2 && !n.seek; ++pass) {
        const char* key = pass == 0 ? "id" : "name";
        for (Conjunct& c : conjuncts) {
          if (c.used || c.expr->kind != ExprKind::binary || (c.expr->op != Op::eq && c.expr->op != Op::in)) continue;
          for (int side = 0; side < 2; ++side) {
            if (c.expr->op == Op::in && side == 1) break;
            Expr& prop = *c.expr->children[static_cast<std::size_t>(side)];
            Expr& other = *c.expr->children[static_cast<std::size_t>(1 - side)];
            if (prop.kind != ExprKind::property || prop.name != key || prop.children[0]->kind != ExprKind::variable ||
                prop.children[0]->slot != n.slot) {
              continue;
            }
            std::set<int> d;
            deps(other, d);
            if (!std::includes(prebound.begin(), prebound.end(), d.begin(), d.end())) continue;
            n.seek = clone(other);
            n.seek_mode = pass == 0 ? ScanMode::id : ScanMode::name;
            seek_is_list_[n.slot] = c.expr->op == Op::in;
            c.used = true;
            break;
          }
          if (n.seek) break;
        }
      }
    }

    std::vector<int> planned_rels;  // relationship slots bound by this MATCH so far
    auto emit_ready = [&]() {
      bool changed = true;
      while (changed) {
        changed = false;
        for (PPart& pp : pparts) {
          if (pp.built || pp.path_slot < 0 || pp.shortest != Shortest::none) continue;
          bool ready = true;
          for (std::size_t n : pp.nodes) ready = ready && bound.count(nodes[n].slot);
          for (std::size_t r : pp.rels) ready = ready && bound.count(rels[r].slot);
          if (!ready) continue;
          auto b = std::make_unique<PlanOp>();
          b->kind = OpKind::build_path;
          b->slot = pp.path_slot;
          for (std::size_t i = 0; i < pp.nodes.size(); ++i) {
            b->elements.push_back(nodes[pp.nodes[i]].slot);
            b->element_is_list.push_back(false);
            if (i < pp.rels.size()) {
              b->elements.push_back(rels[pp.rels[i]].slot);
              b->element_is_list.push_back(rels[pp.rels[i]].variable_length);
            }
          }
          b->detail = slot_name(pp.path_slot);
          op = on_top(std::move(op), std::move(b));
          bound.insert(pp.path_slot);
          pp.built = true;
          changed = true;
        }
        for (Conjunct& c : conjuncts) {
          if (c.used || !std::includes(bound.begin(), bound.end(), c.deps.begin(), c.deps.end())) continue;
          c.used = true;
          op = filter(std::move(op), std::move(c.expr));
          changed = true;
        }
      }
    };
    auto scan = [&](PNode& n) {
      auto s = std::make_unique<PlanOp>();
      s->kind = OpKind::node_scan;
      s->node = n.slot;
      s->kinds = n.kinds;
      if (n.seek) {
        s->mode = n.seek_mode;
        s->detail = std::string(n.seek_mode == ScanMode::id ? "NodeByIdSeek " : "NodeByNameSeek ") + node_text(n) + " " +
                    (n.seek_mode == ScanMode::id ? "id" : "name") + (seek_is_list_[n.slot] ? " IN " : " = ") +
                    (n.seek->begin < n.seek->end ? text_of(*n.seek) : to_cypher(*n.seek));
        s->key = std::move(n.seek);
      } else {
        s->mode = n.kinds == kAnyKind ? ScanMode::all : ScanMode::label;
        s->detail = std::string(s->mode == ScanMode::all ? "AllNodesScan " : "NodeByLabelScan ") + node_text(n);
      }
      s->key_is_list = seek_is_list_[n.slot];
      op = on_top(std::move(op), std::move(s));
      n.bound = true;
      bound.insert(n.slot);
    };
    auto expand = [&](PRel& r, bool from_left) {
      PNode& from = nodes[from_left ? r.left : r.right];
      PNode& to = nodes[from_left ? r.right : r.left];
      auto e = std::make_unique<PlanOp>();
      e->kind = r.variable_length ? OpKind::var_expand : OpKind::expand;
      e->from = from.slot;
      e->to = to.slot;
      e->rel = r.slot;
      e->types = r.types;
      e->kinds = to.kinds;
      e->into = to.bound;
      e->from_left = from_left;
      Direction d = r.direction;
      e->direction = d == Direction::both ? ExpandDirection::both
                     : (d == Direction::right) == from_left ? ExpandDirection::out
                                                            : ExpandDirection::in;
      e->unique_with = planned_rels;
      e->min = r.min;
      e->max = r.max;
      if (r.properties) e->rel_properties = std::move(r.properties);
      std::string name = e->into ? "ExpandInto " : r.variable_length ? "VarLengthExpand " : "Expand ";
      e->detail = name + node_text(from) + rel_text(r, !from_left) + node_text(to);
      if (r.capped) e->detail += " (no upper bound given: capped at " + std::to_string(r.max) + " hops)";
      op = on_top(std::move(op), std::move(e));
      r.planned = true;
      planned_rels.push_back(r.slot);
      bound.insert(r.slot);
      to.bound = true;
      bound.insert(to.slot);
    };
    auto relationship_scan = [&](PRel& r) {
      PNode& left = nodes[r.left];
      PNode& right = nodes[r.right];
      auto e = std::make_unique<PlanOp>();
      e->kind = OpKind::relationship_scan;
      e->from = left.slot;
      e->to = right.slot;
      e->rel = r.slot;
      e->types = r.types;
      e->from_kinds = left.kinds;
      e->kinds = right.kinds;
      e->direction = r.direction == Direction::both ? ExpandDirection::both
                     : r.direction == Direction::right ? ExpandDirection::out
                                                       : ExpandDirection::in;
      e->unique_with = planned_rels;
      e->detail = "RelationshipScan " + node_text(left) + rel_text(r, false) + node_text(right);
      op = on_top(std::move(op), std::move(e));
      r.planned = true;
      planned_rels.push_back(r.slot);
      for (PNode* n : {&left, &right}) {
        n->bound = true;
        bound.insert(n->slot);
      }
      bound.insert(r.slot);
    };
    auto is_shortest_rel = [&](std::size_t ri) {
      for (const PPart& pp : pparts) {
        if (pp.shortest != Shortest::none && std::find(pp.rels.begin(), pp.rels.end(), ri) != pp.rels.end()) return true;
      }
      return false;
    };
    auto cost = [&](const PNode& n) -> std::size_t {
      if (n.seek) return n.seek_mode == ScanMode::id ? 1 : 2;
      return n.kinds == kAnyKind ? graph_.entity_count() + 1 : kind_count(n.kinds);
    };

    emit_ready();
    while (true) {
      bool progressed = false;
      for (std::size_t ri = 0; ri < rels.size() && !progressed; ++ri) {
        if (rels[ri].planned || is_shortest_rel(ri)) continue;
        if (nodes[rels[ri].left].bound && nodes[rels[ri].right].bound) {
          expand(rels[ri], true);
          progressed = true;
        }
      }
      if (!progressed) {
        for (PNode& n : nodes) {
          if (!n.bound && n.seek) {
            scan(n);
            progressed = true;
            break;
          }
        }
      }
      if (!progressed) {
        std::vector<std::size_t> candidates;
        for (std::size_t ri = 0; ri < rels.size(); ++ri) {
          const PRel& r = rels[ri];
          if (!r.planned && !is_shortest_rel(ri) && nodes[r.left].bound != nodes[r.right].bound) candidates.push_back(ri);
        }
        // Costs count entities by kind (a pass over the graph): only worth it with a choice to make.
        std::size_t best = candidates.empty() ? rels.size() : candidates.front();
        bool best_from_left = best < rels.size() && nodes[rels[best].left].bound;
        if (candidates.size() > 1) {
          std::size_t best_cost = SIZE_MAX;
          for (std::size_t ri : candidates) {
            bool lb = nodes[rels[ri].left].bound;
            std::size_t c = cost(nodes[lb ? rels[ri].right : rels[ri].left]);
            if (c < best_cost) best = ri, best_cost = c, best_from_left = lb;
          }
        }
        if (best < rels.size()) {
          expand(rels[best], best_from_left);
          progressed = true;
        }
      }
      if (!progressed) {
        PNode* best = nullptr;
        for (PNode& n : nodes) {
          if (!n.bound && (!best || cost(n) < cost(*best))) best = &n;
        }
        // Starting from a relationship whose ends are both free may beat scanning a node and expanding.
        std::size_t best_rel = rels.size();
        double rel_cost = 0;
        double mean_degree = graph_.entity_count() ? 2.0 * static_cast<double>(graph_.relation_count()) / static_cast<double>(graph_.entity_count()) : 0;
        for (std::size_t ri = 0; ri < rels.size(); ++ri) {
          const PRel& r = rels[ri];
          if (r.planned || r.variable_length || is_shortest_rel(ri) || nodes[r.left].bound || nodes[r.right].bound) continue;
          double c = static_cast<double>(relation_count(r.types)) * (r.direction == Direction::both ? 2.0 : 1.0);
          if (best_rel == rels.size() || c < rel_cost) best_rel = ri, rel_cost = c;
        }
        if (best_rel < rels.size() && best && rel_cost < static_cast<double>(cost(*best)) * mean_degree) {
          relationship_scan(rels[best_rel]);
          progressed = true;
        } else if (best) {
          scan(*best);
          progressed = true;
        }
      }
      if (!progressed) break;
      emit_ready();
    }
    for (std::size_t pi = 0; pi < pparts.size(); ++pi) {
      PPart& pp = pparts[pi];
      if (pp.shortest == Shortest::none) continue;
      PRel& r = rels[pp.rels[0]];
      auto s = std::make_unique<PlanOp>();
      s->kind = OpKind::shortest_path;
      s->all_paths = pp.shortest == Shortest::all;
      s->from = nodes[r.left].slot;
      s->to = nodes[r.right].slot;
      s->rel = r.slot;
      s->path = pp.path_slot;
      s->types = r.types;
      s->direction = r.direction == Direction::both ? ExpandDirection::both
                     : r.direction == Direction::right ? ExpandDirection::out
                                                       : ExpandDirection::in;
      s->min = r.min;
      s->max = r.max;
      s->rel_properties = std::move(r.properties);
      auto cond = shortest_conditions.find(pi);
      if (cond != shortest_conditions.end()) {
        s->node_condition = std::move(cond->second.first);
        s->rel_condition = std::move(cond->second.second);
        s->node_local = shortest_locals[pi].first;
        s->rel_local = shortest_locals[pi].second;
      }
      s->kind_only = !s->node_condition || kind_only(*s->node_condition, s->node_local);
      bool pathfinder = s->direction == ExpandDirection::both && !s->rel_condition && !s->rel_properties && s->kind_only;
      s->detail = std::string(s->all_paths ? "AllShortestPaths " : "ShortestPath ") + node_text(nodes[r.left]) +
                  rel_text(r, false) + node_text(nodes[r.right]);
      if (s->node_condition) s->detail += " nodes: " + to_cypher(*s->node_condition);
      if (s->rel_condition) s->detail += " relationships: " + to_cypher(*s->rel_condition);
      s->detail += pathfinder ? " [bidirectional BFS (PathFinder)" + std::string(s->node_condition ? ", kinds pushed into its filter]" : "]")
                              : " [BFS checking every step]";
      op = on_top(std::move(op), std::move(s));
      bound.insert(r.slot);
      if (pp.path_slot >= 0) bound.insert(pp.path_slot);
      emit_ready();
    }
    for (const Conjunct& c : conjuncts) {
      if (!c.used) throw QueryError("internal error: a WHERE condition could not be placed");
    }
    // A variable-length relationship nobody reads (anonymous, in no named path, checked by no later
    // expansion) need not build its list of relationships for every path.
    std::set<int> read;
    for (const PPart& pp : pparts) {
      if (pp.path_slot < 0) continue;
      for (std::size_t r : pp.rels) read.insert(rels[r].slot);
    }
    for (const PRel& r : rels) {
      if (!r.name.empty()) read.insert(r.slot);
    }
    for (PlanOp* at = op.get(); at && at != below; at = at->input.get()) read.insert(at->unique_with.begin(), at->unique_with.end());
    for (PlanOp* at = op.get(); at && at != below; at = at->input.get()) {
      if (at->kind == OpKind::var_expand) at->bind_list = read.count(at->rel) > 0;
    }
    return op;
  }

  void rebind(Expr& e, int from, int to) {
    if (e.kind == ExprKind::variable && e.slot == from) e.slot = to;
    for (ExprPtr& c : e.children) {
      if (c) rebind(*c, from, to);
    }
  }

  const Graph& graph_;
  const PlanOptions& options_;
  std::string_view text_;
  int slot_count_ = 0;
  std::vector<std::string> slot_names_;
  std::map<int, VarType> slot_types_;
  std::set<int> locals_;
  std::map<int, std::set<int>> pattern_deps_;
  std::map<int, bool> seek_is_list_;
  std::vector<OpPtr> subplans_;
  bool keys_loaded_ = false;
  std::set<std::string> entity_keys_, relation_keys_;
  bool counted_ = false;
  std::array<std::size_t, kKindCount> kind_counts_{};
  bool types_counted_ = false;
  std::array<std::size_t, kRelationTypeCount> type_counts_{};
};

std::string_view op_name(OpKind kind) {
  switch (kind) {
    case OpKind::once: return "Once";
    case OpKind::argument: return "Argument";
    case OpKind::node_scan: return "";
    case OpKind::relationship_scan: return "";
    case OpKind::expand: return "";
    case OpKind::var_expand: return "";
    case OpKind::shortest_path: return "";
    case OpKind::build_path: return "BuildPath";
    case OpKind::filter: return "Filter";
    case OpKind::optional: return "Optional";
    case OpKind::projection: return "Projection";
    case OpKind::aggregate: return "Aggregate";
    case OpKind::distinct: return "Distinct";
    case OpKind::sort: return "Sort";
    case OpKind::skip: return "Skip";
    case OpKind::limit: return "Limit";
    case OpKind::unwind: return "Unwind";
    case OpKind::procedure_call: return "ProcedureCall";
    case OpKind::produce_results: return "ProduceResults";
    case OpKind::union_: return "Union";
  }
  return "";
}

void explain_into(std::string& out, const PlanOp& op, int indent, const std::function<std::string(const PlanOp&)>& annotate) {
  for (const PlanOp* at = &op; at; at = at->input.get()) {
    std::string line(static_cast<std::size_t>(indent), ' ');
    std::string_view name = op_name(at->kind);
    line += std::string(name);
    if (!at->detail.empty()) line += (name.empty() ? "" : " ") + at->detail;
    if (annotate) line += annotate(*at);
    out += line + "\n";
    for (const auto& branch : at->branches) explain_into(out, *branch, indent + 4, annotate);
  }
}

}  // namespace

Plan plan_query(Query query, const Graph& graph, const PlanOptions& options) {
  std::string text = query.text;
  return Planner(graph, options, text).run(std::move(query));
}

std::string explain(const Plan& plan, const std::function<std::string(const PlanOp&)>& annotate) {
  std::string out;
  explain_into(out, *plan.root, 0, annotate);
  for (std::size_t i = 0; i < plan.subplans.size(); ++i) {
    out += "pattern predicate #" + std::to_string(i + 1) + ":\n";
    explain_into(out, *plan.subplans[i], 4, annotate);
  }
  return out;
}

}  // namespace hallyu::query::cypher
