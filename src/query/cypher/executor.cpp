// The executor: expression evaluation and one pull cursor per plan operator.
#include "hallyu/query/cypher/executor.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "hallyu/algo/paths.hpp"
#include "hallyu/query/cypher/functions.hpp"
#include "hallyu/query/cypher/parser.hpp"
#include "hallyu/query/cypher/procedures.hpp"
#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

using Row = std::vector<Value>;
using Clock = std::chrono::steady_clock;

class Cursor;
class ArgumentCursor;

// Shared state of one execution.
struct Exec {
  const Graph& graph;
  const NameIndex& names;
  const Engine* engine;                // for procedures; built on first use when not given
  std::optional<Engine> own_engine;
  const std::map<std::string, Value>& params;
  const Limits& limits;
  std::string_view query;
  int slot_count = 0;
  bool profile = false;
  Clock::time_point deadline;
  std::uint64_t ticks = 0;
  std::vector<std::unique_ptr<Cursor>> patterns;     // pattern predicates, by Expr::subplan
  std::vector<ArgumentCursor*> pattern_arguments;
  std::optional<algo::PathFinder> finder;
  std::vector<std::optional<VertexId>> kind_samples;  // a vertex of each kind, for kind-only conditions
  bool sampled = false;

  std::optional<algo::TraversalFilter> window;       // Limits::time as a filter; none: every relation
  std::int64_t row_weight = 1;                        // rows a count_only expand's last row stands for

  Exec(const Graph& g, const NameIndex& n, const Engine* e, const std::map<std::string, Value>& p, const Limits& l,
       std::string_view q)
      : graph(g), names(n), engine(e), params(p), limits(l), query(q) {
    if (limits.timeout.count() > 0) deadline = Clock::now() + limits.timeout;
    if (year_window(limits.time).active()) {
      window = the_engine().filter(FilterRequest{{}, {}, {}, limits.time});
    }
  }

  const Engine& the_engine() {
    if (!engine) engine = &own_engine.emplace(graph);
    return *engine;
  }
  // Does the query see relation r (the year window keeps it)?
  bool visible(RelationId r) const { return !window || window->allows_relation(graph, r); }

  void check() const {
    if (limits.timeout.count() > 0 && Clock::now() > deadline) {
      throw QueryError("the query ran out of time (limit " + std::to_string(limits.timeout.count()) + " ms)",
                       ErrorCategory::interrupted);
    }
    if (limits.cancelled && limits.cancelled()) throw QueryError("the query was cancelled", ErrorCategory::interrupted);
  }
  void tick() {
    if ((++ticks & 1023) == 0) check();
  }
};

CallSite site_of(const Expr& e, const Exec& ex) { return {ex.graph, ex.query, source_text(e, ex.query), e.at}; }
[[noreturn]] void fail(const Expr& e, const Exec& ex, const std::string& message) { fail_at(site_of(e, ex), message); }

Value eval(const Expr& e, const Row& row, Exec& ex);
bool pattern_matches(int subplan, const Row& row, Exec& ex);

std::optional<bool> truth(const Value& v, const Expr& e, const Exec& ex, const char* what) {
  if (v.is_null()) return std::nullopt;
  if (v.type() != Value::Type::boolean) fail(e, ex, std::string(what) + " expects a boolean, got " + std::string(type_name(v.type())));
  return v.as_bool();
}
Value from_truth(std::optional<bool> b) { return b ? Value(*b) : Value(); }

Value property_of(const Value& target, const std::string& key, const Expr& e, const Exec& ex) {
  switch (target.type()) {
    case Value::Type::null: return Value();
    case Value::Type::node: return node_property(ex.graph, target.as_node().id, key);
    case Value::Type::relationship: return relationship_property(ex.graph, target.as_relationship().id, key);
    case Value::Type::map: {
      const Value* v = target.find(key);
      return v ? *v : Value();
    }
    default: fail(e, ex, "cannot read property " + text::quote(key) + " of a " + std::string(type_name(target.type())));
  }
}

// A list or map about to be returned: refuse it when nested lists make it too big to hold.
Value checked_weight(Value v, const Expr& e, const Exec& ex) {
  if (value_weight(v) > kMaxValueElements) {
    fail_at(site_of(e, ex), "the value would hold more than " + std::to_string(kMaxValueElements) + " elements (nested lists counted)",
            ErrorCategory::too_costly);
  }
  return v;
}

std::size_t checked_size(std::size_t n, const Expr& e, const Exec& ex) {
  if (n > kMaxListSize) {
    fail_at(site_of(e, ex), "the list would have more than " + std::to_string(kMaxListSize) + " elements", ErrorCategory::too_costly);
  }
  return n;
}

Value arithmetic(Op op, const Value& a, const Value& b, const Expr& e, const Exec& ex) {
  if (a.is_null() || b.is_null()) return Value();
  auto type_error = [&](const char* verb) {
    fail(e, ex, std::string("cannot ") + verb + " " + std::string(type_name(a.type())) + " and " + std::string(type_name(b.type())));
  };
  if (op == Op::add) {
    if (a.type() == Value::Type::list || b.type() == Value::Type::list) {
      List out;
      if (a.type() == Value::Type::list) {
        out = a.as_list();
      } else {
        out.push_back(a);
      }
      if (b.type() == Value::Type::list) {
        checked_size(out.size() + b.as_list().size(), e, ex);
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      checked_size(out.size(), e, ex);
      return checked_weight(Value(std::move(out)), e, ex);
    }
    if (a.type() == Value::Type::string || b.type() == Value::Type::string) {
      auto piece = [&](const Value& v) -> std::string {
        if (v.type() == Value::Type::string) return v.as_string();
        if (v.type() == Value::Type::integer) return std::to_string(v.as_int());
        if (v.type() == Value::Type::floating) return format_double(v.as_double());
        type_error("add");
        return std::string();
      };
      std::string out = piece(a) + piece(b);
      if (out.size() > 64 * kMaxListSize) fail(e, ex, "the string would be longer than 64 MB");
      return Value(std::move(out));
    }
  }
  if (!a.is_number() || !b.is_number()) {
    const char* verbs[] = {"add", "subtract", "multiply", "divide", "take the modulo of", "raise"};
    int i = op == Op::add ? 0 : op == Op::subtract ? 1 : op == Op::multiply ? 2 : op == Op::divide ? 3 : op == Op::modulo ? 4 : 5;
    type_error(verbs[i]);
  }
  if (op == Op::power) return Value(std::pow(a.as_number(), b.as_number()));
  if (a.type() == Value::Type::integer && b.type() == Value::Type::integer) {
    std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
    bool overflow = false;
    switch (op) {
      case Op::add: overflow = __builtin_add_overflow(x, y, &r); break;
      case Op::subtract: overflow = __builtin_sub_overflow(x, y, &r); break;
      case Op::multiply: overflow = __builtin_mul_overflow(x, y, &r); break;
      case Op::divide:
        if (y == 0) fail(e, ex, "division by zero");
        if (x == std::numeric_limits<std::int64_t>::min() && y == -1) overflow = true;
        else r = x / y;
        break;
      case Op::modulo:
        if (y == 0) fail(e, ex, "modulo by zero");
        r = y == -1 ? 0 : x % y;
        break;
      default: break;
    }
    if (overflow) fail(e, ex, "integer overflow");
    return Value(r);
  }
  double x = a.as_number(), y = b.as_number();
  switch (op) {
    case Op::add: return Value(x + y);
    case Op::subtract: return Value(x - y);
    case Op::multiply: return Value(x * y);
    case Op::divide: return Value(x / y);
    case Op::modulo: return Value(std::fmod(x, y));
    default: return Value();
  }
}

Value list_index(const Value& target, const Value& index, const Expr& e, const Exec& ex) {
  if (target.is_null() || index.is_null()) return Value();
  if (target.type() == Value::Type::list) {
    if (index.type() != Value::Type::integer) fail(e, ex, "a list index must be an integer, got " + std::string(type_name(index.type())));
    const List& l = target.as_list();
    std::int64_t i = index.as_int(), n = static_cast<std::int64_t>(l.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value();
    return l[static_cast<std::size_t>(i)];
  }
  if (target.type() == Value::Type::map || target.type() == Value::Type::node || target.type() == Value::Type::relationship) {
    if (index.type() != Value::Type::string) fail(e, ex, "a property key must be a string, got " + std::string(type_name(index.type())));
    return property_of(target, index.as_string(), e, ex);
  }
  fail(e, ex, "cannot index a " + std::string(type_name(target.type())));
}

Value list_slice(const Value& target, const Value& from, const Value& to, const Expr& e, const Exec& ex, bool has_from, bool has_to) {
  if (target.is_null() || (has_from && from.is_null()) || (has_to && to.is_null())) return Value();
  if (target.type() != Value::Type::list) fail(e, ex, "cannot slice a " + std::string(type_name(target.type())));
  const List& l = target.as_list();
  std::int64_t n = static_cast<std::int64_t>(l.size());
  auto bound = [&](const Value& v, std::int64_t fallback) {
    if (v.is_null()) return fallback;
    if (v.type() != Value::Type::integer) fail(e, ex, "slice bounds must be integers");
    std::int64_t i = v.as_int();
    if (i < 0) i = std::max<std::int64_t>(0, i + n);
    return std::min(i, n);
  };
  std::int64_t b = bound(from, 0), en = bound(to, n);
  if (b >= en) return Value(List{});
  return Value(List(l.begin() + b, l.begin() + en));
}

Value string_predicate(Op op, const Value& a, const Value& b) {
  if (a.type() != Value::Type::string || b.type() != Value::Type::string) return Value();
  const std::string &s = a.as_string(), &t = b.as_string();
  switch (op) {
    case Op::starts_with: return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
    case Op::ends_with: return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    default: return Value(s.find(t) != std::string::npos);
  }
}

Value in_list(const Value& x, const Value& list, const Expr& e, const Exec& ex) {
  if (list.is_null()) return Value();
  if (list.type() != Value::Type::list) fail(e, ex, "IN expects a list on its right, got " + std::string(type_name(list.type())));
  bool unknown = false;
  for (const Value& item : list.as_list()) {
    auto eq = equals(x, item);
    if (!eq) {
      unknown = true;
    } else if (*eq) {
      return Value(true);
    }
  }
  return unknown ? Value() : Value(false);
}

Value binary(const Expr& e, const Row& row, Exec& ex) {
  const Expr &l = *e.children[0], &r = *e.children[1];
  switch (e.op) {
    case Op::and_: {
      auto a = truth(eval(l, row, ex), l, ex, "AND");
      if (a && !*a) return Value(false);
      auto b = truth(eval(r, row, ex), r, ex, "AND");
      if (b && !*b) return Value(false);
      if (!a || !b) return Value();
      return Value(true);
    }
    case Op::or_: {
      auto a = truth(eval(l, row, ex), l, ex, "OR");
      if (a && *a) return Value(true);
      auto b = truth(eval(r, row, ex), r, ex, "OR");
      if (b && *b) return Value(true);
      if (!a || !b) return Value();
      return Value(false);
    }
    case Op::xor_: {
      auto a = truth(eval(l, row, ex), l, ex, "XOR");
      auto b = truth(eval(r, row, ex), r, ex, "XOR");
      if (!a || !b) return Value();
      return Value(*a != *b);
    }
    default: break;
  }
  Value a = eval(l, row, ex), b = eval(r, row, ex);
  switch (e.op) {
    case Op::add:
    case Op::subtract:
    case Op::multiply:
    case Op::divide:
    case Op::modulo:
    case Op::power: return arithmetic(e.op, a, b, e, ex);
    case Op::eq: return from_truth(equals(a, b));
    case Op::ne: {
      auto eq = equals(a, b);
      return eq ? Value(!*eq) : Value();
    }
    case Op::lt:
    case Op::le:
    case Op::gt:
    case Op::ge: {
      auto c = compare(a, b);
      if (!c) return Value();
      switch (e.op) {
        case Op::lt: return Value(*c < 0);
        case Op::le: return Value(*c <= 0);
        case Op::gt: return Value(*c > 0);
        default: return Value(*c >= 0);
      }
    }
    case Op::in: return in_list(a, b, e, ex);
    case Op::starts_with:
    case Op::ends_with:
    case Op::contains: return string_predicate(e.op, a, b);
    case Op::regex: fail(e, ex, "regular expressions (=~) are not supported; use STARTS WITH, ENDS WITH or CONTAINS");
    default: return Value();
  }
}

Value eval(const Expr& e, const Row& row, Exec& ex) {
  switch (e.kind) {
    case ExprKind::literal: return e.value;
    case ExprKind::parameter: return ex.params.at(e.name);
    case ExprKind::variable:
    case ExprKind::slot_ref: return row[static_cast<std::size_t>(e.slot)];
    case ExprKind::property: return property_of(eval(*e.children[0], row, ex), e.name, e, ex);
    case ExprKind::has_labels: {
      Value t = eval(*e.children[0], row, ex);
      if (t.is_null()) return Value();
      if (t.type() != Value::Type::node) fail(e, ex, "labels apply to nodes, not to a " + std::string(type_name(t.type())));
      std::string kind(to_string(ex.graph.kind(t.as_node().id)));
      for (const auto& group : e.labels) {
        bool any = false;
        for (const std::string& label : group) any = any || text::fold(label) == kind;
        if (!any) return Value(false);
      }
      return Value(true);
    }
    case ExprKind::list: {
      List out;
      out.reserve(e.children.size());
      for (const ExprPtr& c : e.children) out.push_back(eval(*c, row, ex));
      return checked_weight(Value(std::move(out)), e, ex);
    }
    case ExprKind::map: {
      Map out;
      for (std::size_t i = 0; i < e.children.size(); ++i) out.emplace_back(e.keys[i], eval(*e.children[i], row, ex));
      return checked_weight(Value(std::move(out)), e, ex);
    }
    case ExprKind::index: return list_index(eval(*e.children[0], row, ex), eval(*e.children[1], row, ex), e, ex);
    case ExprKind::slice: {
      Value from = e.children[1] ? eval(*e.children[1], row, ex) : Value();
      Value to = e.children[2] ? eval(*e.children[2], row, ex) : Value();
      return list_slice(eval(*e.children[0], row, ex), from, to, e, ex, e.children[1] != nullptr, e.children[2] != nullptr);
    }
    case ExprKind::unary: {
      Value v = eval(*e.children[0], row, ex);
      if (e.op == Op::not_) {
        auto b = truth(v, e, ex, "NOT");
        return b ? Value(!*b) : Value();
      }
      if (v.is_null()) return v;
      if (!v.is_number()) fail(e, ex, "cannot negate a " + std::string(type_name(v.type())));
      if (e.op == Op::plus) return v;
      if (v.type() == Value::Type::integer) {
        if (v.as_int() == std::numeric_limits<std::int64_t>::min()) fail(e, ex, "integer overflow");
        return Value(-v.as_int());
      }
      return Value(-v.as_double());
    }
    case ExprKind::binary: return binary(e, row, ex);
    case ExprKind::is_null: {
      bool null = eval(*e.children[0], row, ex).is_null();
      return Value(e.negated ? !null : null);
    }
    case ExprKind::function: {
      const FunctionInfo& info = functions()[static_cast<std::size_t>(e.function)];
      if (info.name == "exists" && e.children[0]->kind == ExprKind::pattern) {
        return Value(pattern_matches(e.children[0]->subplan, row, ex));
      }
      std::vector<Value> args;
      args.reserve(e.children.size());
      for (const ExprPtr& c : e.children) args.push_back(eval(*c, row, ex));
      return info.function(site_of(e, ex), args);
    }
    case ExprKind::count_star: fail(e, ex, "count(*) is not allowed here");
    case ExprKind::case_: {
      std::size_t i = 0;
      Value subject;
      if (e.has_subject) subject = eval(*e.children[i++], row, ex);
      std::size_t pairs_end = e.children.size() - (e.has_else ? 1 : 0);
      for (; i + 1 < pairs_end; i += 2) {
        Value when = eval(*e.children[i], row, ex);
        bool hit = e.has_subject ? equals(subject, when).value_or(false)
                                 : (when.type() == Value::Type::boolean && when.as_bool());
        if (hit) return eval(*e.children[i + 1], row, ex);
      }
      return e.has_else ? eval(*e.children.back(), row, ex) : Value();
    }
    case ExprKind::list_comprehension:
    case ExprKind::list_predicate: {
      Value list = eval(*e.children[0], row, ex);
      if (list.is_null()) return Value();
      if (list.type() != Value::Type::list) fail(e, ex, "IN expects a list, got " + std::string(type_name(list.type())));
      Row scratch = row;
      std::size_t local = static_cast<std::size_t>(e.slot);
      if (e.kind == ExprKind::list_comprehension) {
        List out;
        std::size_t weight = 1;
        for (const Value& item : list.as_list()) {
          ex.tick();
          scratch[local] = item;
          if (e.children[1]) {
            Value keep = eval(*e.children[1], scratch, ex);
            if (!(keep.type() == Value::Type::boolean && keep.as_bool())) continue;
          }
          out.push_back(e.children[2] ? eval(*e.children[2], scratch, ex) : item);
          weight += value_weight(out.back());
          if (weight > kMaxValueElements) checked_weight(Value(std::move(out)), e, ex);
        }
        return Value(std::move(out));
      }
      const std::string& quantifier = e.keys[0];
      std::size_t trues = 0;
      bool unknown = false;
      for (const Value& item : list.as_list()) {
        ex.tick();
        scratch[local] = item;
        auto b = truth(eval(*e.children[1], scratch, ex), *e.children[1], ex, quantifier.c_str());
        if (!b) {
          unknown = true;
        } else if (*b) {
          ++trues;
          if (quantifier == "any") return Value(true);
          if (quantifier == "none") return Value(false);
          if (quantifier == "single" && trues > 1) return Value(false);
        } else if (quantifier == "all") {
          return Value(false);
        }
      }
      if (unknown) return Value();
      if (quantifier == "all") return Value(true);
      if (quantifier == "any") return Value(false);
      if (quantifier == "none") return Value(true);
      return Value(trues == 1);
    }
    case ExprKind::pattern: return Value(pattern_matches(e.subplan, row, ex));
  }
  return Value();
}

bool is_true(const Expr& e, const Row& row, Exec& ex) {
  Value v = eval(e, row, ex);
  if (v.is_null()) return false;
  if (v.type() != Value::Type::boolean) fail(e, ex, "WHERE expects a boolean, got " + std::string(type_name(v.type())));
  return v.as_bool();
}

std::int64_t count_value(const Expr& e, Exec& ex, const char* clause) {
  Value v = eval(e, Row(static_cast<std::size_t>(ex.slot_count)), ex);
  if (v.type() != Value::Type::integer || v.as_int() < 0) {
    fail(e, ex, std::string(clause) + " expects a non-negative integer, got " + to_display(ex.graph, v));
  }
  return v.as_int();
}

// ---- cursors ----
class Cursor {
 public:
  Cursor(const PlanOp& op, Exec& ex) : op_(op), ex_(ex) {}
  virtual ~Cursor() = default;
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  bool next(Row& row) {
    if (!ex_.profile) {
      bool ok = produce(row);
      rows_ += ok;
      return ok;
    }
    auto start = Clock::now();
    bool ok = produce(row);
    nanoseconds_ += static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
    rows_ += ok;
    return ok;
  }
  virtual void reset() {
    if (input_) input_->reset();
  }
  void set_input(std::unique_ptr<Cursor> input) { input_ = std::move(input); }
  Cursor* input() const { return input_.get(); }
  const PlanOp& op() const { return op_; }
  std::uint64_t rows() const { return rows_; }
  std::uint64_t nanoseconds() const { return nanoseconds_; }

 protected:
  virtual bool produce(Row& row) = 0;
  const PlanOp& op_;
  Exec& ex_;
  std::unique_ptr<Cursor> input_;
  std::uint64_t rows_ = 0, nanoseconds_ = 0;
};

class OnceCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override { done_ = false; }

 protected:
  bool produce(Row& row) override {
    if (done_) return false;
    done_ = true;
    row.assign(static_cast<std::size_t>(ex_.slot_count), Value());
    return true;
  }
  bool done_ = false;
};

class ArgumentCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void seed(const Row& row) { seed_ = &row; }
  void reset() override { done_ = false; }

 protected:
  bool produce(Row& row) override {
    if (done_) return false;
    done_ = true;
    row = *seed_;
    return true;
  }
  const Row* seed_ = nullptr;
  bool done_ = false;
};

// Pulls input rows one at a time; subclasses expand each into zero or more output rows.
class PerRowCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    active_ = false;
  }

 protected:
  bool produce(Row& row) override {
    while (true) {
      ex_.tick();
      if (!active_) {
        if (!input_->next(in_)) return false;
        active_ = start();
        if (!active_) continue;
      }
      if (step(row)) return true;
      active_ = false;
    }
  }
  virtual bool start() = 0;         // for in_; false when it yields nothing
  virtual bool step(Row& row) = 0;  // next output for in_, false when done
  Row in_;
  bool active_ = false;
};

class NodeScanCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    candidates_.clear();
    at_ = 0;
    next_vertex_ = 0;
    if (op_.mode == ScanMode::all || op_.mode == ScanMode::label) return true;
    Value key = eval(*op_.key, in_, ex_);
    std::vector<Value> keys;
    if (op_.key_is_list) {
      if (key.is_null()) return false;
      if (key.type() != Value::Type::list) fail(*op_.key, ex_, "IN expects a list, got " + std::string(type_name(key.type())));
      keys = key.as_list();
    } else {
      keys.push_back(std::move(key));
    }
    for (const Value& k : keys) {
      if (k.type() != Value::Type::string) continue;
      if (op_.mode == ScanMode::id) {
        if (auto v = ex_.graph.find_id(k.as_string())) candidates_.push_back(*v);
      } else {
        find_names(k.as_string());
      }
    }
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
    return true;
  }
  void find_names(const std::string& name) {
    ex_.tick();
    for (VertexId v : ex_.names.named(name)) candidates_.push_back(v);
  }
  bool step(Row& row) override {
    if (op_.mode == ScanMode::all || op_.mode == ScanMode::label) {
      while (next_vertex_ < ex_.graph.entity_count()) {
        VertexId v = static_cast<VertexId>(next_vertex_++);
        ex_.tick();
        if (op_.kinds & bit(ex_.graph.kind(v))) return emit(row, v);
      }
      return false;
    }
    while (at_ < candidates_.size()) {
      VertexId v = candidates_[at_++];
      if (op_.kinds & bit(ex_.graph.kind(v))) return emit(row, v);
    }
    return false;
  }
  bool emit(Row& row, VertexId v) {
    row = in_;
    row[static_cast<std::size_t>(op_.node)] = Value(Node{v});
    return true;
  }
  std::vector<VertexId> candidates_;
  std::size_t at_ = 0, next_vertex_ = 0;
};

bool direction_allows(const Relation& rel, VertexId from, ExpandDirection d) {
  if (d == ExpandDirection::out) return rel.from == from;
  if (d == ExpandDirection::in) return rel.to == from;
  return true;
}

bool used_by(const Row& row, const std::vector<int>& slots, RelationId r) {
  for (int s : slots) {
    const Value& v = row[static_cast<std::size_t>(s)];
    if (v.type() == Value::Type::relationship) {
      if (v.as_relationship().id == r) return true;
    } else if (v.type() == Value::Type::list) {
      for (const Value& item : v.as_list()) {
        if (item.type() == Value::Type::relationship && item.as_relationship().id == r) return true;
      }
    }
  }
  return false;
}

class ExpandCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    const Value& f = in_[static_cast<std::size_t>(op_.from)];
    if (f.type() != Value::Type::node) return false;
    from_ = f.as_node().id;
    if (op_.into) {
      const Value& t = in_[static_cast<std::size_t>(op_.to)];
      if (t.type() != Value::Type::node) return false;
      target_ = t.as_node().id;
    }
    auto range = ex_.graph.arcs(from_);
    it_.emplace(range.begin());
    end_.emplace(range.end());
    return true;
  }
  bool matches(Graph::Arc arc) {
    const Relation& rel = ex_.graph.relation(arc.relation);
    if (!(op_.types & bit(rel.type)) || !direction_allows(rel, from_, op_.direction)) return false;
    if (!ex_.visible(arc.relation)) return false;
    if (op_.into ? arc.neighbor != target_ : !(op_.kinds & bit(ex_.graph.kind(arc.neighbor)))) return false;
    return !used_by(in_, op_.unique_with, arc.relation);
  }
  bool step(Row& row) override {
    if (op_.count_only) {
      // The aggregate above only counts: one row for all of in_'s matches, weighted by their number.
      std::int64_t count = 0;
      for (; *it_ != *end_; ++*it_) {
        ex_.tick();
        count += matches(**it_);
      }
      if (count == 0) return false;
      ex_.row_weight = count;
      rows_ += static_cast<std::uint64_t>(count - 1);  // PROFILE reports the matches (next() adds the 1)
      row = in_;
      return true;
    }
    while (*it_ != *end_) {
      Graph::Arc arc = **it_;
      ++*it_;
      ex_.tick();
      if (!matches(arc)) continue;
      const Relation& rel = ex_.graph.relation(arc.relation);
      row = in_;
      bool forward = op_.from_left ? rel.from == from_ : rel.from == arc.neighbor;
      row[static_cast<std::size_t>(op_.rel)] = Value(Relationship{arc.relation, forward});
      if (!op_.into) row[static_cast<std::size_t>(op_.to)] = Value(Node{arc.neighbor});
      return true;
    }
    return false;
  }
  VertexId from_ = 0, target_ = 0;
  std::optional<Graph::ArcRange::iterator> it_, end_;
};

// Every relation of the wanted types, in storage order, binding both ends (undirected: each way).
class RelationshipScanCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    next_ = 0;
    reversed_ = false;
    return true;
  }
  bool step(Row& row) override {
    const std::size_t count = ex_.graph.relation_count();
    while (next_ < count) {
      RelationId r = static_cast<RelationId>(next_);
      const Relation& rel = ex_.graph.relation(r);
      bool reversed = op_.direction == ExpandDirection::in || reversed_;
      if (op_.direction == ExpandDirection::both && !reversed_) {
        reversed_ = true;  // the same relation again, walked the other way, on the next call
      } else {
        reversed_ = false;
        ++next_;
      }
      ex_.tick();
      if (!(op_.types & bit(rel.type)) || !ex_.visible(r)) {
        if (reversed_) reversed_ = false, ++next_;
        continue;
      }
      VertexId left = reversed ? rel.to : rel.from, right = reversed ? rel.from : rel.to;
      if (!(op_.from_kinds & bit(ex_.graph.kind(left))) || !(op_.kinds & bit(ex_.graph.kind(right)))) continue;
      if (used_by(in_, op_.unique_with, r)) continue;
      row = in_;
      row[static_cast<std::size_t>(op_.from)] = Value(Node{left});
      row[static_cast<std::size_t>(op_.to)] = Value(Node{right});
      row[static_cast<std::size_t>(op_.rel)] = Value(Relationship{r, !reversed});
      return true;
    }
    return false;
  }
  std::size_t next_ = 0;
  bool reversed_ = false;
};

bool relationship_matches(const Graph& graph, RelationId r, const Value& properties) {
  if (properties.type() != Value::Type::map) return true;
  for (const auto& [key, want] : properties.as_map()) {
    if (!equals(relationship_property(graph, r, key), want).value_or(false)) return false;
  }
  return true;
}

class VarExpandCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  struct Frame {
    VertexId vertex;
    Graph::ArcRange::iterator it, end;
  };
  bool start() override {
    const Value& f = in_[static_cast<std::size_t>(op_.from)];
    if (f.type() != Value::Type::node) return false;
    from_ = f.as_node().id;
    if (op_.into) {
      const Value& t = in_[static_cast<std::size_t>(op_.to)];
      if (t.type() != Value::Type::node) return false;
      target_ = t.as_node().id;
    }
    properties_ = op_.rel_properties ? eval(*op_.rel_properties, in_, ex_) : Value();
    stack_.clear();
    path_.clear();
    auto range = ex_.graph.arcs(from_);
    stack_.push_back({from_, range.begin(), range.end()});
    zero_pending_ = op_.min == 0;
    return op_.min <= op_.max;
  }
  bool end_ok(VertexId v) const {
    return op_.into ? v == target_ : (op_.kinds & bit(ex_.graph.kind(v))) != 0;
  }
  bool step(Row& row) override {
    if (zero_pending_) {
      zero_pending_ = false;
      if (end_ok(from_)) return emit(row);
    }
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      if (static_cast<std::int64_t>(path_.size()) >= op_.max || f.it == f.end) {
        stack_.pop_back();
        if (!path_.empty()) path_.pop_back();
        continue;
      }
      Graph::Arc arc = *f.it;
      ++f.it;
      ex_.tick();
      const Relation& rel = ex_.graph.relation(arc.relation);
      if (!(op_.types & bit(rel.type)) || !direction_allows(rel, f.vertex, op_.direction)) continue;
      if (!ex_.visible(arc.relation)) continue;
      if (std::find(path_.begin(), path_.end(), arc.relation) != path_.end()) continue;
      if (used_by(in_, op_.unique_with, arc.relation)) continue;
      if (!relationship_matches(ex_.graph, arc.relation, properties_)) continue;
      path_.push_back(arc.relation);
      auto range = ex_.graph.arcs(arc.neighbor);
      stack_.push_back({arc.neighbor, range.begin(), range.end()});
      if (static_cast<std::int64_t>(path_.size()) >= op_.min && end_ok(arc.neighbor)) return emit(row);
    }
    return false;
  }
  bool emit(Row& row) {
    row = in_;
    if (!op_.bind_list) {
      if (!op_.into) row[static_cast<std::size_t>(op_.to)] = Value(Node{stack_.back().vertex});
      return true;
    }
    List rels;
    rels.reserve(path_.size());
    // Relationships in pattern order (left to right), each with the direction that order walks it.
    if (op_.from_left) {
      for (std::size_t i = 0; i < path_.size(); ++i) {
        rels.push_back(Value(Relationship{path_[i], ex_.graph.relation(path_[i]).from == stack_[i].vertex}));
      }
    } else {
      for (std::size_t i = path_.size(); i-- > 0;) {
        rels.push_back(Value(Relationship{path_[i], ex_.graph.relation(path_[i]).from == stack_[i + 1].vertex}));
      }
    }
    row[static_cast<std::size_t>(op_.rel)] = Value(std::move(rels));
    if (!op_.into) row[static_cast<std::size_t>(op_.to)] = Value(Node{stack_.back().vertex});
    return true;
  }
  VertexId from_ = 0, target_ = 0;
  Value properties_;
  std::vector<Frame> stack_;
  std::vector<RelationId> path_;
  bool zero_pending_ = false;
};

class ShortestPathCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    paths_.clear();
    at_ = 0;
    const Value &a = in_[static_cast<std::size_t>(op_.from)], &b = in_[static_cast<std::size_t>(op_.to)];
    if (a.type() != Value::Type::node || b.type() != Value::Type::node) return false;
    VertexId from = a.as_node().id, to = b.as_node().id;
    scratch_ = in_;
    properties_ = op_.rel_properties ? eval(*op_.rel_properties, in_, ex_) : Value();
    if (!node_ok(from) || !node_ok(to)) return false;
    if (from == to) {
      if (op_.min == 0) paths_.push_back({{from}, {}});
      return !paths_.empty();
    }
    std::size_t limit = op_.all_paths ? (ex_.limits.max_rows ? ex_.limits.max_rows : 100000) : 1;
    bool pathfinder = op_.direction == ExpandDirection::both && !op_.rel_condition && !op_.rel_properties && op_.kind_only;
    if (pathfinder) {
      search_with_pathfinder(from, to, limit);
    } else {
      search(from, to, limit);
    }
    return !paths_.empty();
  }

  bool node_ok(VertexId v) {
    if (!op_.node_condition) return true;
    scratch_[static_cast<std::size_t>(op_.node_local)] = Value(Node{v});
    Value ok = eval(*op_.node_condition, scratch_, ex_);
    return ok.type() == Value::Type::boolean && ok.as_bool();
  }
  bool rel_ok(RelationId r, VertexId from) {
    const Relation& rel = ex_.graph.relation(r);
    if (!(op_.types & bit(rel.type)) || !direction_allows(rel, from, op_.direction)) return false;
    if (!ex_.visible(r)) return false;
    if (!relationship_matches(ex_.graph, r, properties_)) return false;
    if (!op_.rel_condition) return true;
    scratch_[static_cast<std::size_t>(op_.rel_local)] = Value(Relationship{r, rel.from == from});
    Value ok = eval(*op_.rel_condition, scratch_, ex_);
    return ok.type() == Value::Type::boolean && ok.as_bool();
  }

  void search_with_pathfinder(VertexId from, VertexId to, std::size_t limit) {
    // The year window's filter (if any) with the pattern's types: the pathfinder sees what the query sees.
    algo::TraversalFilter filter = ex_.window.value_or(algo::TraversalFilter{});
    filter.relation_types = op_.types;
    if (op_.node_condition) {
      // The condition tests only the kind: try it on one entity of each kind.
      if (!ex_.sampled) {
        ex_.sampled = true;
        ex_.kind_samples.assign(kKindCount, std::nullopt);
        for (VertexId v = 0; v < ex_.graph.entity_count(); ++v) {
          auto& sample = ex_.kind_samples[static_cast<std::size_t>(ex_.graph.kind(v))];
          if (!sample) sample = v;
        }
      }
      for (Kind k : kAllKinds) {
        const auto& sample = ex_.kind_samples[static_cast<std::size_t>(k)];
        if (sample && !node_ok(*sample)) filter.excluded_kinds |= bit(k);
      }
    }
    if (!ex_.finder) ex_.finder.emplace(ex_.graph);
    ex_.check();
    std::vector<algo::Path> found;
    if (op_.all_paths) {
      found = ex_.finder->all_shortest_paths(from, to, limit, filter).paths;
    } else if (auto p = ex_.finder->shortest_path(from, to, filter)) {
      found.push_back(std::move(*p));
    }
    for (algo::Path& p : found) {
      if (static_cast<std::int64_t>(p.length()) > op_.max || static_cast<std::int64_t>(p.length()) < op_.min) continue;
      paths_.push_back({std::move(p.vertices), std::move(p.relations)});
    }
  }

  // BFS from `from` that checks every condition as it goes; predecessors kept for every shortest path.
  void search(VertexId from, VertexId to, std::size_t limit) {
    std::unordered_map<VertexId, std::uint32_t> depth;
    std::unordered_map<VertexId, std::vector<std::pair<VertexId, RelationId>>> preds;
    std::unordered_map<VertexId, bool> allowed;
    auto enterable = [&](VertexId v) {
      auto it = allowed.find(v);
      if (it != allowed.end()) return it->second;
      bool ok = v == to || node_ok(v);
      allowed.emplace(v, ok);
      return ok;
    };
    depth[from] = 0;
    std::vector<VertexId> frontier{from}, next;
    bool reached = false;
    for (std::uint32_t d = 0; !frontier.empty() && !reached && static_cast<std::int64_t>(d) < op_.max; ++d) {
      next.clear();
      for (VertexId u : frontier) {
        for (Graph::Arc arc : ex_.graph.arcs(u)) {
          ex_.tick();
          auto seen = depth.find(arc.neighbor);
          if (seen != depth.end() && seen->second != d + 1) continue;
          if (!rel_ok(arc.relation, u) || !enterable(arc.neighbor)) continue;
          if (seen == depth.end()) {
            depth.emplace(arc.neighbor, d + 1);
            next.push_back(arc.neighbor);
          }
          auto& p = preds[arc.neighbor];
          if (op_.all_paths || p.empty()) p.push_back({u, arc.relation});
          if (arc.neighbor == to) reached = true;
        }
      }
      frontier.swap(next);
    }
    if (!reached) return;
    // Walk predecessors back from `to`, depth first, up to `limit` paths.
    std::vector<VertexId> nodes{to};
    std::vector<RelationId> rels;
    std::vector<std::size_t> choice{0};
    while (!choice.empty() && paths_.size() < limit) {
      ex_.tick();
      VertexId v = nodes.back();
      if (v == from) {
        Path p;
        p.nodes.assign(nodes.rbegin(), nodes.rend());
        std::vector<RelationId> forward_rels(rels.rbegin(), rels.rend());
        paths_.push_back({std::move(p.nodes), std::move(forward_rels)});
        choice.pop_back();
        nodes.pop_back();
        if (!rels.empty()) rels.pop_back();
        if (!choice.empty()) ++choice.back();
        continue;
      }
      auto& p = preds[v];
      std::size_t& c = choice.back();
      if (c >= p.size()) {
        choice.pop_back();
        nodes.pop_back();
        if (!rels.empty()) rels.pop_back();
        if (!choice.empty()) ++choice.back();
        continue;
      }
      nodes.push_back(p[c].first);
      rels.push_back(p[c].second);
      choice.push_back(0);
    }
  }

  bool step(Row& row) override {
    if (at_ >= paths_.size()) return false;
    auto& [nodes, rels] = paths_[at_++];
    Path path;
    path.nodes = nodes;
    List rel_list;
    for (std::size_t i = 0; i < rels.size(); ++i) {
      Relationship r{rels[i], ex_.graph.relation(rels[i]).from == nodes[i]};
      path.relationships.push_back(r);
      rel_list.push_back(Value(r));
    }
    row = in_;
    row[static_cast<std::size_t>(op_.rel)] = Value(std::move(rel_list));
    if (op_.path >= 0) row[static_cast<std::size_t>(op_.path)] = Value(std::move(path));
    return true;
  }

  Row scratch_;
  Value properties_;
  std::vector<std::pair<std::vector<VertexId>, std::vector<RelationId>>> paths_;
  std::size_t at_ = 0;
};

class BuildPathCursor : public Cursor {
 public:
  using Cursor::Cursor;

 protected:
  bool produce(Row& row) override {
    if (!input_->next(row)) return false;
    Path p;
    bool null = false;
    for (std::size_t i = 0; i < op_.elements.size() && !null; ++i) {
      const Value& v = row[static_cast<std::size_t>(op_.elements[i])];
      if (v.is_null()) {
        null = true;
      } else if (i % 2 == 0) {
        if (p.nodes.empty()) p.nodes.push_back(v.as_node().id);
      } else {
        List single;
        const List* rels = &single;
        if (op_.element_is_list[i]) {
          rels = &v.as_list();
        } else {
          single.push_back(v);
        }
        for (const Value& r : *rels) {
          RelationId id = r.as_relationship().id;
          VertexId at = p.nodes.back();
          p.relationships.push_back({id, ex_.graph.relation(id).from == at});
          p.nodes.push_back(other_end(ex_.graph, id, at));
        }
      }
    }
    row[static_cast<std::size_t>(op_.slot)] = null ? Value() : Value(std::move(p));
    return true;
  }
};

class FilterCursor : public Cursor {
 public:
  using Cursor::Cursor;

 protected:
  bool produce(Row& row) override {
    while (input_->next(row)) {
      ex_.tick();
      if (is_true(*op_.predicate, row, ex_)) return true;
    }
    return false;
  }
};

std::unique_ptr<Cursor> build(const PlanOp& op, Exec& ex, ArgumentCursor** argument,
                              std::map<const PlanOp*, Cursor*>& registry);

class OptionalCursor : public PerRowCursor {
 public:
  OptionalCursor(const PlanOp& op, Exec& ex, std::map<const PlanOp*, Cursor*>& registry) : PerRowCursor(op, ex) {
    branch_ = build(*op.branches[0], ex, &argument_, registry);
  }

 protected:
  bool start() override {
    argument_->seed(in_);
    branch_->reset();
    any_ = false;
    done_ = false;
    return true;
  }
  bool step(Row& row) override {
    if (done_) return false;
    if (branch_->next(row)) {
      any_ = true;
      return true;
    }
    done_ = true;
    if (any_) return false;
    row = in_;
    for (int s : op_.slots) row[static_cast<std::size_t>(s)] = Value();
    return true;
  }
  std::unique_ptr<Cursor> branch_;
  ArgumentCursor* argument_ = nullptr;
  bool any_ = false, done_ = false;
};

class ProjectionCursor : public Cursor {
 public:
  using Cursor::Cursor;

 protected:
  bool produce(Row& row) override {
    if (!input_->next(row)) return false;
    for (const auto& [expr, slot] : op_.items) row[static_cast<std::size_t>(slot)] = eval(*expr, row, ex_);
    return true;
  }
};

// A set of values (or of value lists) under equivalent(): open addressing over (hash, index) slots,
// keys kept in one vector. Used for DISTINCT, whose sets see every row.
template <typename Key, typename Hash, typename Equal>
class FlatSet {
 public:
  // True when `key` was not in the set (and is now).
  bool insert(Key key) {
    if (slots_.empty()) slots_.assign(16, Slot{});
    std::size_t h = Hash()(key), mask = slots_.size() - 1;
    std::size_t i = h & mask;
    for (; slots_[i].index != kEmpty; i = (i + 1) & mask) {
      if (slots_[i].hash == h && Equal()(keys_[slots_[i].index], key)) return false;
    }
    slots_[i] = {h, keys_.size()};
    keys_.push_back(std::move(key));
    if (2 * keys_.size() > slots_.size()) grow();
    return true;
  }
  std::size_t size() const { return keys_.size(); }
  void clear() {
    keys_.clear();
    slots_.clear();
  }

 private:
  static constexpr std::size_t kEmpty = SIZE_MAX;
  struct Slot {
    std::size_t hash = 0;
    std::size_t index = kEmpty;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kEmpty) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].index != kEmpty) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  std::vector<Key> keys_;
  std::vector<Slot> slots_;
};

struct ValueHash {
  std::size_t operator()(const Value& v) const { return hash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return equivalent(a, b); }
};
using ValueSet = FlatSet<Value, ValueHash, ValueEquivalent>;
using RowSet = FlatSet<std::vector<Value>, ValueListHash, ValueListEquivalent>;

struct AggregateState {
  std::int64_t count = 0;
  bool has_double = false;
  std::int64_t int_sum = 0;
  double double_sum = 0;
  Value best;
  List collected;
  std::size_t weight = 1;
  ValueSet seen;
};

class AggregateCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    done_ = false;
    groups_.clear();
    out_ = 0;
  }

 protected:
  struct Group {
    Row representative;
    std::vector<Value> key;
    std::vector<AggregateState> states;
  };
  bool produce(Row& row) override {
    if (!done_) consume();
    if (out_ >= groups_.size()) return false;
    Group& g = groups_[out_++];
    row = std::move(g.representative);
    for (std::size_t i = 0; i < op_.aggregates.size(); ++i) {
      row[static_cast<std::size_t>(op_.aggregates[i].slot)] = finish(op_.aggregates[i], g.states[i]);
    }
    return true;
  }

  // Groups are found through an open-addressing table of (hash, group) pairs: one probe usually
  // settles a row, where a node-based map chased pointers for every one.
  struct Slot {
    std::size_t hash = 0;
    std::uint32_t group = UINT32_MAX;
  };

  std::size_t find_group(const std::vector<Value>& key, std::size_t h) const {
    std::size_t mask = table_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& slot = table_[i];
      if (slot.group == UINT32_MAX) return SIZE_MAX;
      if (slot.hash == h && ValueListEquivalent()(groups_[slot.group].key, key)) return slot.group;
    }
  }
  void insert_slot(std::size_t h, std::uint32_t group) {
    std::size_t mask = table_.size() - 1;
    std::size_t i = h & mask;
    while (table_[i].group != UINT32_MAX) i = (i + 1) & mask;
    table_[i] = {h, group};
  }
  void grow() {
    std::vector<Slot> old = std::move(table_);
    table_.assign(old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.group != UINT32_MAX) insert_slot(slot.hash, slot.group);
    }
  }

  void consume() {
    done_ = true;
    table_.assign(1024, Slot{});
    Row row;
    std::vector<Value> key;
    while (input_->next(row)) {
      ex_.tick();
      key.clear();
      for (const auto& [expr, slot] : op_.items) key.push_back(eval(*expr, row, ex_));
      std::size_t h = ValueListHash()(key);
      std::size_t g = find_group(key, h);
      if (g == SIZE_MAX) {
        if (groups_.size() >= kMaxMaterializedRows) {
          throw QueryError("the aggregation has more than " + std::to_string(kMaxMaterializedRows) + " groups", ErrorCategory::too_costly);
        }
        g = groups_.size();
        Group group;
        group.representative = row;
        for (std::size_t i = 0; i < op_.items.size(); ++i) group.representative[static_cast<std::size_t>(op_.items[i].second)] = key[i];
        group.key = key;
        group.states.resize(op_.aggregates.size());
        groups_.push_back(std::move(group));
        if (2 * groups_.size() > table_.size()) grow();
        insert_slot(h, static_cast<std::uint32_t>(g));
      }
      if (op_.input->count_only) {
        // Only counts (see PlanOp::count_only): each row stands for row_weight matches.
        for (AggregateState& state : groups_[g].states) state.count += ex_.row_weight;
        continue;
      }
      for (std::size_t i = 0; i < op_.aggregates.size(); ++i) add(op_.aggregates[i], groups_[g].states[i], row);
    }
    table_.clear();
    table_.shrink_to_fit();
    if (groups_.empty() && op_.items.empty()) {
      Group group;
      group.representative.assign(static_cast<std::size_t>(ex_.slot_count), Value());
      group.states.resize(op_.aggregates.size());
      groups_.push_back(std::move(group));
    }
  }

  void add(const AggregateSpec& spec, AggregateState& s, const Row& row) {
    if (spec.function < 0) {
      ++s.count;
      return;
    }
    Value v = eval(*spec.argument, row, ex_);
    if (v.is_null()) return;
    if (spec.distinct && !s.seen.insert(v)) return;
    std::string_view name = functions()[static_cast<std::size_t>(spec.function)].name;
    ++s.count;
    if (name == "count") return;
    if (name == "collect") {
      s.weight += value_weight(v);
      if (s.collected.size() >= kMaxListSize || s.weight > kMaxValueElements) {
        throw QueryError("collect() would make a list of more than " + std::to_string(kMaxListSize) + " elements (or " +
                             std::to_string(kMaxValueElements) + " counting nested lists)",
                         ErrorCategory::too_costly);
      }
      s.collected.push_back(std::move(v));
      return;
    }
    if (name == "min" || name == "max") {
      if (s.best.is_null() || (name == "min" ? order(v, s.best) < 0 : order(v, s.best) > 0)) s.best = std::move(v);
      return;
    }
    // sum, avg
    if (!v.is_number()) {
      fail(*spec.argument, ex_, std::string(name) + "() expects numbers, got " + std::string(type_name(v.type())));
    }
    if (v.type() == Value::Type::floating || s.has_double) {
      if (!s.has_double) {
        s.has_double = true;
        s.double_sum = static_cast<double>(s.int_sum);
      }
      s.double_sum += v.as_number();
    } else if (__builtin_add_overflow(s.int_sum, v.as_int(), &s.int_sum)) {
      if (name == "sum") fail(*spec.argument, ex_, "integer overflow in sum()");
      s.has_double = true;
      s.double_sum = static_cast<double>(s.int_sum) + static_cast<double>(v.as_int());
    }
  }

  Value finish(const AggregateSpec& spec, AggregateState& s) {
    if (spec.function < 0) return Value(s.count);
    std::string_view name = functions()[static_cast<std::size_t>(spec.function)].name;
    if (name == "count") return Value(s.count);
    if (name == "collect") return Value(std::move(s.collected));
    if (name == "min" || name == "max") return s.best;
    if (name == "sum") return s.has_double ? Value(s.double_sum) : Value(s.int_sum);
    if (s.count == 0) return Value();
    double total = s.has_double ? s.double_sum : static_cast<double>(s.int_sum);
    return Value(total / static_cast<double>(s.count));
  }

  bool done_ = false;
  std::vector<Group> groups_;
  std::vector<Slot> table_;
  std::size_t out_ = 0;
};

class DistinctCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    seen_.clear();
  }

 protected:
  bool produce(Row& row) override {
    while (input_->next(row)) {
      ex_.tick();
      std::vector<Value> key;
      for (int s : op_.columns) key.push_back(row[static_cast<std::size_t>(s)]);
      if (seen_.insert(std::move(key))) {
        if (seen_.size() > kMaxMaterializedRows) throw QueryError("DISTINCT holds more than " + std::to_string(kMaxMaterializedRows) + " rows", ErrorCategory::too_costly);
        return true;
      }
    }
    return false;
  }
  RowSet seen_;
};

class SortCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    done_ = false;
    rows_held_.clear();
    out_ = 0;
  }

 protected:
  struct Keyed {
    std::vector<Value> keys;
    Row row;
  };
  bool produce(Row& row) override {
    if (!done_) consume();
    if (out_ >= rows_held_.size()) return false;
    row = std::move(rows_held_[out_++].row);
    return true;
  }
  void consume() {
    done_ = true;
    std::size_t top = SIZE_MAX;
    if (op_.count) {
      std::int64_t limit = count_value(*op_.count, ex_, "LIMIT");
      std::int64_t offset = op_.top_offset ? count_value(*op_.top_offset, ex_, "SKIP") : 0;
      top = static_cast<std::size_t>(std::min<std::int64_t>(limit + std::min<std::int64_t>(offset, INT64_MAX - limit), INT64_MAX));
    }
    auto less = [&](const Keyed& a, const Keyed& b) {
      for (std::size_t i = 0; i < a.keys.size(); ++i) {
        int c = order(a.keys[i], b.keys[i]);
        if (c != 0) return op_.sort_keys[i].descending ? c > 0 : c < 0;
      }
      return false;
    };
    Row row;
    std::size_t arrival = 0;
    std::vector<std::pair<Keyed, std::size_t>> held;
    auto by_key_then_arrival = [&](const std::pair<Keyed, std::size_t>& a, const std::pair<Keyed, std::size_t>& b) {
      if (less(a.first, b.first)) return true;
      if (less(b.first, a.first)) return false;
      return a.second < b.second;
    };
    while (input_->next(row)) {
      ex_.tick();
      Keyed k;
      for (const SortKey& s : op_.sort_keys) k.keys.push_back(eval(*s.expr, row, ex_));
      k.row = row;
      held.push_back({std::move(k), arrival++});
      // Top-k: keep at most 2k rows, trimming to the best k when full, so memory stays O(k).
      if (top != SIZE_MAX && held.size() >= std::max<std::size_t>(2 * top, 1024)) {
        std::nth_element(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(top), held.end(), by_key_then_arrival);
        held.resize(top);
      }
      if (held.size() > kMaxMaterializedRows) throw QueryError("ORDER BY holds more than " + std::to_string(kMaxMaterializedRows) + " rows", ErrorCategory::too_costly);
    }
    std::sort(held.begin(), held.end(), by_key_then_arrival);
    if (held.size() > top) held.resize(top);
    for (auto& h : held) rows_held_.push_back(std::move(h.first));
  }
  bool done_ = false;
  std::vector<Keyed> rows_held_;
  std::size_t out_ = 0;
};

class SkipCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    started_ = false;
  }

 protected:
  bool produce(Row& row) override {
    if (!started_) {
      started_ = true;
      std::int64_t n = count_value(*op_.count, ex_, "SKIP");
      for (std::int64_t i = 0; i < n; ++i) {
        ex_.tick();
        if (!input_->next(row)) return false;
      }
    }
    return input_->next(row);
  }
  bool started_ = false;
};

class LimitCursor : public Cursor {
 public:
  using Cursor::Cursor;
  void reset() override {
    Cursor::reset();
    started_ = false;
  }

 protected:
  bool produce(Row& row) override {
    if (!started_) {
      started_ = true;
      left_ = count_value(*op_.count, ex_, "LIMIT");
    }
    if (left_ <= 0) return false;
    if (!input_->next(row)) return false;
    --left_;
    return true;
  }
  bool started_ = false;
  std::int64_t left_ = 0;
};

class UnwindCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    list_ = eval(*op_.list, in_, ex_);
    at_ = 0;
    return !list_.is_null();
  }
  bool step(Row& row) override {
    bool is_list = list_.type() == Value::Type::list;
    if (at_ >= (is_list ? list_.as_list().size() : 1)) return false;
    row = in_;
    row[static_cast<std::size_t>(op_.slot)] = is_list ? list_.as_list()[at_] : list_;
    ++at_;
    return true;
  }
  Value list_;
  std::size_t at_ = 0;
};

class ProcedureCursor : public PerRowCursor {
 public:
  using PerRowCursor::PerRowCursor;

 protected:
  bool start() override {
    std::vector<Value> args;
    for (const ExprPtr& a : op_.arguments) args.push_back(eval(*a, in_, ex_));
    at_ = 0;
    // The same arguments for every row (the usual case) run the algorithm once.
    if (has_results_ && ValueListEquivalent()(args, last_args_)) return true;
    last_args_ = args;
    has_results_ = false;
    const Procedure& proc = procedures()[static_cast<std::size_t>(op_.procedure)];
    Exec& ex = ex_;
    Interrupt interrupt;
    if (ex.limits.timeout.count() > 0) interrupt.deadline = ex.deadline;
    interrupt.client_gone = ex.limits.cancelled;
    ProcedureContext context{ex.the_engine(), [&ex] { ex.check(); }, interrupt, ex.limits.time};
    try {
      results_ = proc.run(context, args);
    } catch (const QueryError&) {
      throw;
    } catch (const UsageError& e) {
      // The request layer's message names the parameter; say which procedure it belongs to.
      throw QueryError(proc.name + ": " + e.what(), e.category());
    }
    has_results_ = true;
    return true;
  }
  bool step(Row& row) override {
    if (at_ >= results_.size()) return false;
    row = in_;
    for (const auto& [column, slot] : op_.yields) row[static_cast<std::size_t>(slot)] = results_[at_][static_cast<std::size_t>(column)];
    ++at_;
    return true;
  }
  std::vector<std::vector<Value>> results_;
  std::vector<Value> last_args_;
  bool has_results_ = false;
  std::size_t at_ = 0;
};

class PassCursor : public Cursor {
 public:
  using Cursor::Cursor;

 protected:
  bool produce(Row& row) override { return input_->next(row); }
};

class UnionCursor : public Cursor {
 public:
  UnionCursor(const PlanOp& op, Exec& ex, std::map<const PlanOp*, Cursor*>& registry) : Cursor(op, ex) {
    for (const auto& b : op.branches) branches_.push_back(build(*b, ex, nullptr, registry));
  }
  void reset() override {
    for (auto& b : branches_) b->reset();
    at_ = 0;
    seen_.clear();
  }

 protected:
  bool produce(Row& row) override {
    Row branch_row;
    while (at_ < branches_.size()) {
      if (!branches_[at_]->next(branch_row)) {
        ++at_;
        continue;
      }
      const PlanOp& produce_op = op_.branches[at_]->kind == OpKind::produce_results ? *op_.branches[at_] : op_;
      row.assign(static_cast<std::size_t>(ex_.slot_count), Value());
      std::vector<Value> key;
      for (std::size_t c = 0; c < op_.columns.size(); ++c) {
        Value v = branch_row[static_cast<std::size_t>(produce_op.columns[c])];
        if (!op_.union_all) key.push_back(v);
        row[static_cast<std::size_t>(op_.columns[c])] = std::move(v);
      }
      if (!op_.union_all) {
        if (!seen_.insert(std::move(key))) continue;
        if (seen_.size() > kMaxMaterializedRows) throw QueryError("UNION holds more than " + std::to_string(kMaxMaterializedRows) + " rows", ErrorCategory::too_costly);
      }
      return true;
    }
    return false;
  }
  std::vector<std::unique_ptr<Cursor>> branches_;
  std::size_t at_ = 0;
  RowSet seen_;
};

std::unique_ptr<Cursor> build(const PlanOp& op, Exec& ex, ArgumentCursor** argument,
                              std::map<const PlanOp*, Cursor*>& registry) {
  std::unique_ptr<Cursor> c;
  switch (op.kind) {
    case OpKind::once: c = std::make_unique<OnceCursor>(op, ex); break;
    case OpKind::argument: {
      auto a = std::make_unique<ArgumentCursor>(op, ex);
      if (argument) *argument = a.get();
      c = std::move(a);
      break;
    }
    case OpKind::node_scan: c = std::make_unique<NodeScanCursor>(op, ex); break;
    case OpKind::relationship_scan: c = std::make_unique<RelationshipScanCursor>(op, ex); break;
    case OpKind::expand: c = std::make_unique<ExpandCursor>(op, ex); break;
    case OpKind::var_expand: c = std::make_unique<VarExpandCursor>(op, ex); break;
    case OpKind::shortest_path: c = std::make_unique<ShortestPathCursor>(op, ex); break;
    case OpKind::build_path: c = std::make_unique<BuildPathCursor>(op, ex); break;
    case OpKind::filter: c = std::make_unique<FilterCursor>(op, ex); break;
    case OpKind::optional: c = std::make_unique<OptionalCursor>(op, ex, registry); break;
    case OpKind::projection: c = std::make_unique<ProjectionCursor>(op, ex); break;
    case OpKind::aggregate: c = std::make_unique<AggregateCursor>(op, ex); break;
    case OpKind::distinct: c = std::make_unique<DistinctCursor>(op, ex); break;
    case OpKind::sort: c = std::make_unique<SortCursor>(op, ex); break;
    case OpKind::skip: c = std::make_unique<SkipCursor>(op, ex); break;
    case OpKind::limit: c = std::make_unique<LimitCursor>(op, ex); break;
    case OpKind::unwind: c = std::make_unique<UnwindCursor>(op, ex); break;
    case OpKind::procedure_call: c = std::make_unique<ProcedureCursor>(op, ex); break;
    case OpKind::produce_results: c = std::make_unique<PassCursor>(op, ex); break;
    case OpKind::union_: c = std::make_unique<UnionCursor>(op, ex, registry); break;
  }
  registry[&op] = c.get();
  if (op.input) c->set_input(build(*op.input, ex, argument, registry));
  return c;
}

bool pattern_matches(int subplan, const Row& row, Exec& ex) {
  std::size_t i = static_cast<std::size_t>(subplan);
  ex.pattern_arguments[i]->seed(row);
  Cursor& c = *ex.patterns[i];
  c.reset();
  Row out;
  return c.next(out);
}

std::string format_ms(std::uint64_t ns) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f ms", static_cast<double>(ns) / 1e6);
  return buffer;
}

}  // namespace

QueryResult execute(const Plan& plan, const Graph& graph, const NameIndex& names, const Engine* engine,
                    const std::map<std::string, Value>& parameters, const Limits& limits) {
  QueryResult result;
  result.columns = plan.columns;
  if (plan.mode == Mode::explain) {
    result.plan = explain(plan);
    return result;
  }
  Exec ex(graph, names, engine, parameters, limits, plan.text);
  ex.slot_count = plan.slot_count;
  ex.profile = plan.mode == Mode::profile;
  std::map<const PlanOp*, Cursor*> registry;
  for (const auto& sub : plan.subplans) {
    ArgumentCursor* argument = nullptr;
    ex.patterns.push_back(build(*sub, ex, &argument, registry));
    ex.pattern_arguments.push_back(argument);
  }
  std::unique_ptr<Cursor> root = build(*plan.root, ex, nullptr, registry);
  const PlanOp* produce = plan.root.get();
  auto started = Clock::now();
  Row row;
  while (root->next(row)) {
    ex.tick();
    if (limits.max_rows && result.rows.size() >= limits.max_rows) {
      result.truncated = true;
      break;
    }
    std::vector<Value> out;
    out.reserve(produce->columns.size());
    for (int slot : produce->columns) out.push_back(std::move(row[static_cast<std::size_t>(slot)]));
    result.rows.push_back(std::move(out));
  }
  if (ex.profile) {
    auto total = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started).count());
    result.plan = explain(plan, [&](const PlanOp& op) -> std::string {
      auto it = registry.find(&op);
      if (it == registry.end()) return "";
      // Time is inclusive of the operators below (it is measured around each pull).
      return "  (rows " + std::to_string(it->second->rows()) + ", " + format_ms(it->second->nanoseconds()) + ")";
    });
    result.plan += "total " + format_ms(total) + ", " + std::to_string(result.rows.size()) + " rows\n";
  }
  return result;
}

namespace {

QueryResult parse_plan_execute(const Graph& graph, const NameIndex& names, const Engine* engine, std::string_view text,
                               const std::map<std::string, Value>& parameters, const Limits& limits) {
  Query query = parse(text);
  PlanOptions options;
  options.max_var_length = limits.max_var_length;
  options.parameters = &parameters;
  Plan plan = plan_query(std::move(query), graph, options);
  return execute(plan, graph, names, engine, parameters, limits);
}

}  // namespace

QueryResult run(const Engine& engine, std::string_view text, const std::map<std::string, Value>& parameters,
                const Limits& limits) {
  return parse_plan_execute(engine.graph(), engine.names(), &engine, text, parameters, limits);
}

QueryResult run(const Graph& graph, const NameIndex& names, std::string_view text,
                const std::map<std::string, Value>& parameters, const Limits& limits) {
  return parse_plan_execute(graph, names, nullptr, text, parameters, limits);
}

}  // namespace hallyu::query::cypher
