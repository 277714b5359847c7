// The parser: tokens -> Query. One function per grammar rule; precedence climbing by levels.
#include "hallyu/query/cypher/parser.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <unordered_set>

#include "hallyu/query/cypher/lexer.hpp"

namespace hallyu::query::cypher {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

// Words that cannot name a variable (they would make clauses ambiguous).
constexpr std::string_view kReserved[] = {
    "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "BY", "SKIP", "LIMIT", "UNION", "CALL",
    "YIELD", "AS", "AND", "OR", "XOR", "NOT", "IN", "IS", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT",
    "ASC", "DESC", "ASCENDING", "DESCENDING", "STARTS", "ENDS", "CONTAINS", "CREATE", "MERGE", "SET", "DELETE",
    "DETACH", "REMOVE", "FOREACH", "LOAD", "DROP", "EXPLAIN", "PROFILE", "TRUE", "FALSE", "NULL"};

constexpr std::string_view kWriteClauses[] = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "FOREACH", "LOAD",
                                              "DROP"};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

  Query query() {
    Query q;
    q.text = std::string(text_);
    if (keyword("EXPLAIN")) {
      q.mode = Mode::explain;
    } else if (keyword("PROFILE")) {
      q.mode = Mode::profile;
    }
    q.parts.push_back(single_query());
    while (keyword("UNION")) {
      q.union_all.push_back(keyword("ALL"));
      q.parts.push_back(single_query());
    }
    symbol(";");
    if (peek().type != TokenType::end) fail_expected("UNION, ';' or the end of the query");
    return q;
  }

  ExprPtr lone_expression() {
    ExprPtr e = expression();
    if (peek().type != TokenType::end) fail_expected("the end of the expression");
    return e;
  }

 private:
  // ---- tokens ----
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool is_keyword(const Token& t, std::string_view word) const {
    return t.type == TokenType::identifier && iequals(t.text, word);
  }
  bool at_keyword(std::string_view word, std::size_t ahead = 0) const { return is_keyword(peek(ahead), word); }
  bool keyword(std::string_view word) {
    if (!at_keyword(word)) return false;
    next();
    return true;
  }
  bool at_symbol(std::string_view s, std::size_t ahead = 0) const {
    return peek(ahead).type == TokenType::symbol && peek(ahead).text == s;
  }
  bool symbol(std::string_view s) {
    if (!at_symbol(s)) return false;
    next();
    return true;
  }
  void expect_symbol(std::string_view s) {
    if (!symbol(s)) fail_expected("'" + std::string(s) + "'");
  }
  void expect_keyword(std::string_view word) {
    if (!keyword(word)) fail_expected(std::string(word));
  }
  std::size_t end_of_previous() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].at.offset + tokens_[pos_ - 1].length; }

  [[noreturn]] void fail(const std::string& message, Position at) const { throw QueryError(message, at, text_); }
  [[noreturn]] void fail_expected(const std::string& what) const {
    fail("expected " + what + ", found " + describe(peek()), peek().at);
  }

  static bool is_reserved(const Token& t) {
    if (t.type != TokenType::identifier) return false;
    return std::any_of(std::begin(kReserved), std::end(kReserved), [&](std::string_view w) { return iequals(t.text, w); });
  }

  // A variable, label, type, key or alias: any identifier or `quoted name`; reserved words only when
  // `allow_reserved` (property keys and map keys may be anything).
  std::string name(const std::string& what, bool allow_reserved = false) {
    const Token& t = peek();
    if (t.type == TokenType::quoted_identifier || (t.type == TokenType::identifier && (allow_reserved || !is_reserved(t)))) {
      return next().text;
    }
    fail_expected(what);
  }

  struct Nest {
    Parser& p;
    Nest(Parser& parser, Position at) : p(parser) {
      if (++p.nesting_ > kMaxNesting) {
        p.fail("the query nests more than " + std::to_string(kMaxNesting) + " levels deep", at);
      }
    }
    ~Nest() { --p.nesting_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };

  // ---- clauses ----
  void refuse_writes() const {
    for (std::string_view w : kWriteClauses) {
      if (at_keyword(w)) throw QueryError(read_only_message(w));
    }
  }

  SingleQuery single_query() {
    SingleQuery q;
    while (true) {
      refuse_writes();
      const Token& t = peek();
      Clause c;
      c.at = t.at;
      if (keyword("OPTIONAL")) {
        expect_keyword("MATCH");
        c.optional = true;
        match_body(c);
      } else if (keyword("MATCH")) {
        match_body(c);
      } else if (keyword("UNWIND")) {
        c.kind = ClauseKind::unwind;
        c.expr = expression();
        expect_keyword("AS");
        c.variable = name("a variable name");
      } else if (keyword("WITH")) {
        c.kind = ClauseKind::with;
        projection(c.projection, true);
      } else if (keyword("RETURN")) {
        c.kind = ClauseKind::return_;
        projection(c.projection, false);
      } else if (keyword("CALL")) {
        call_body(c);
      } else {
        if (q.clauses.empty()) fail_expected("MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL");
        break;
      }
      bool is_return = c.kind == ClauseKind::return_;
      q.clauses.push_back(std::move(c));
      if (is_return) break;
    }
    const Clause& last = q.clauses.back();
    if (last.kind != ClauseKind::return_ && !(last.kind == ClauseKind::call && q.clauses.size() == 1)) {
      refuse_writes();
      if (peek().type == TokenType::end || at_keyword("UNION") || at_symbol(";")) {
        fail("a query must end with RETURN (or be a single CALL)", peek().at);
      }
      fail_expected("MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL");
    }
    return q;
  }

  void match_body(Clause& c) {
    c.kind = ClauseKind::match;
    do {
      c.patterns.push_back(pattern_part());
    } while (symbol(","));
    if (keyword("WHERE")) c.where = expression();
  }

  void call_body(Clause& c) {
    c.kind = ClauseKind::call;
    std::string procedure = name("a procedure name", true);
    while (symbol(".")) procedure += "." + name("a procedure name", true);
    c.procedure = procedure;
    expect_symbol("(");
    if (!symbol(")")) {
      do {
        c.arguments.push_back(expression());
      } while (symbol(","));
      expect_symbol(")");
    }
    if (keyword("YIELD")) {
      c.has_yield = true;
      if (!symbol("*")) {
        do {
          YieldItem item;
          item.at = peek().at;
          item.field = name("a procedure output name", true);
          item.alias = keyword("AS") ? name("a variable name") : item.field;
          c.yields.push_back(std::move(item));
        } while (symbol(","));
      }
      if (keyword("WHERE")) c.where = expression();
    }
  }

  void projection(Projection& p, bool is_with) {
    p.distinct = keyword("DISTINCT");
    if (symbol("*")) {
      p.star = true;
      if (!symbol(",")) goto tail;
    }
    do {
      ProjectionItem item;
      item.expr = expression();
      if (keyword("AS")) {
        item.alias = name("a column name");
        item.aliased = true;
      } else {
        item.alias = std::string(source_text(*item.expr, text_));
      }
      p.items.push_back(std::move(item));
    } while (symbol(","));
  tail:
    if (keyword("ORDER")) {
      expect_keyword("BY");
      do {
        SortItem s;
        s.expr = expression();
        if (keyword("DESC") || keyword("DESCENDING")) {
          s.descending = true;
        } else if (!keyword("ASC")) {
          keyword("ASCENDING");
        }
        p.order.push_back(std::move(s));
      } while (symbol(","));
    }
    if (keyword("SKIP")) p.skip = expression();
    if (keyword("LIMIT")) p.limit = expression();
    if (is_with && keyword("WHERE")) p.where = expression();
  }

  // ---- patterns ----
  PatternPart pattern_part() {
    PatternPart part;
    part.at = peek().at;
    if ((peek().type == TokenType::identifier || peek().type == TokenType::quoted_identifier) && at_symbol("=", 1)) {
      part.path_variable = name("a path variable");
      next();
    }
    if (at_keyword("shortestPath") || at_keyword("allShortestPaths")) {
      part.shortest = at_keyword("shortestPath") ? Shortest::one : Shortest::all;
      Nest nest(*this, peek().at);
      next();
      expect_symbol("(");
      chain(part);
      expect_symbol(")");
      return part;
    }
    chain(part);
    return part;
  }

  void chain(PatternPart& part) {
    part.nodes.push_back(node_pattern());
    while (at_symbol("-") || (at_symbol("<") && at_symbol("-", 1))) {
      part.rels.push_back(rel_pattern());
      part.nodes.push_back(node_pattern());
    }
  }

  std::vector<std::vector<std::string>> label_groups(const char* what) {
    std::vector<std::vector<std::string>> groups;
    while (symbol(":")) {
      std::vector<std::string> group{name(what, true)};
      while (symbol("|")) {
        symbol(":");
        group.push_back(name(what, true));
      }
      groups.push_back(std::move(group));
    }
    return groups;
  }

  ExprPtr pattern_properties() {
    if (at_symbol("{")) return atom();
    if (peek().type == TokenType::parameter) return atom();
    return nullptr;
  }

  NodePattern node_pattern() {
    NodePattern n;
    n.at = peek().at;
    Nest nest(*this, n.at);
    expect_symbol("(");
    if (peek().type == TokenType::quoted_identifier || (peek().type == TokenType::identifier && !is_reserved(peek()))) {
      n.variable = next().text;
    }
    n.labels = label_groups("a label");
    n.properties = pattern_properties();
    expect_symbol(")");
    return n;
  }

  std::int64_t range_bound() {
    const Token& t = peek();
    if (t.type != TokenType::integer) fail_expected("a whole number");
    next();
    std::int64_t v = 0;
    auto r = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (r.ec != std::errc() || r.ptr != t.text.data() + t.text.size()) fail("length bound " + t.text + " is too large", t.at);
    return v;
  }

  RelPattern rel_pattern() {
    RelPattern r;
    r.at = peek().at;
    bool left = symbol("<");
    expect_symbol("-");
    if (symbol("[")) {
      Nest nest(*this, r.at);
      if (peek().type == TokenType::quoted_identifier || (peek().type == TokenType::identifier && !is_reserved(peek()))) {
        r.variable = next().text;
      }
      if (symbol(":")) {
        r.types.push_back(name("a relationship type", true));
        while (symbol("|")) {
          symbol(":");
          r.types.push_back(name("a relationship type", true));
        }
      }
      if (symbol("*")) {
        r.variable_length = true;
        if (peek().type == TokenType::integer) {
          r.min = range_bound();
          if (symbol("..")) {
            if (peek().type == TokenType::integer) r.max = range_bound();
          } else {
            r.max = r.min;
          }
        } else if (symbol("..")) {
          if (peek().type == TokenType::integer) r.max = range_bound();
        }
      }
      r.properties = pattern_properties();
      expect_symbol("]");
    }
    expect_symbol("-");
    bool right = symbol(">");
    if (left && right) fail("a relationship cannot point both ways; use - for either direction", r.at);
    r.direction = left ? Direction::left : right ? Direction::right : Direction::both;
    return r;
  }

  // ---- expressions ----
  ExprPtr make(ExprKind kind, Position at, std::size_t begin) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->at = at;
    e->begin = begin;
    return e;
  }
  // Closes `e`: its source span ends at the last token read; its height is checked.
  ExprPtr finish(ExprPtr e) {
    e->end = end_of_previous();
    int h = 0;
    for (const ExprPtr& c : e->children) {
      if (c) h = std::max(h, c->height);
    }
    e->height = h + 1;
    if (e->height > kMaxHeight) {
      fail("the expression nests more than " + std::to_string(kMaxHeight) + " levels deep", e->at);
    }
    return e;
  }
  ExprPtr binary(Op op, ExprPtr l, ExprPtr r) {
    Position at = l->at;
    std::size_t begin = l->begin;
    auto e = make(ExprKind::binary, at, begin);
    e->op = op;
    e->children.push_back(std::move(l));
    e->children.push_back(std::move(r));
    return finish(std::move(e));
  }

  ExprPtr expression() {
    Nest nest(*this, peek().at);
    return or_expression();
  }

  ExprPtr or_expression() {
    ExprPtr l = xor_expression();
    while (keyword("OR")) l = binary(Op::or_, std::move(l), xor_expression());
    return l;
  }
  ExprPtr xor_expression() {
    ExprPtr l = and_expression();
    while (keyword("XOR")) l = binary(Op::xor_, std::move(l), and_expression());
    return l;
  }
  ExprPtr and_expression() {
    ExprPtr l = not_expression();
    while (keyword("AND")) l = binary(Op::and_, std::move(l), not_expression());
    return l;
  }
  ExprPtr not_expression() {
    std::vector<std::pair<Position, std::size_t>> nots;
    while (at_keyword("NOT")) {
      nots.push_back({peek().at, peek().at.offset});
      next();
    }
    ExprPtr e = comparison();
    for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
      auto n = make(ExprKind::unary, it->first, it->second);
      n->op = Op::not_;
      n->children.push_back(std::move(e));
      e = finish(std::move(n));
    }
    return e;
  }

  std::optional<Op> comparison_op() const {
    if (peek().type != TokenType::symbol) return std::nullopt;
    const std::string& s = peek().text;
    if (s == "=") return Op::eq;
    if (s == "<>" || s == "!=") return Op::ne;
    if (s == "<" && !at_symbol("-", 1)) return Op::lt;
    if (s == "<") return Op::lt;
    if (s == "<=") return Op::le;
    if (s == ">") return Op::gt;
    if (s == ">=") return Op::ge;
    if (s == "=~") return Op::regex;
    return std::nullopt;
  }

  // a < b < c means a < b AND b < c, as in openCypher.
  ExprPtr comparison() {
    ExprPtr first = predicate_expression();
    std::optional<Op> op = comparison_op();
    if (!op) return first;
    ExprPtr result;
    ExprPtr left = std::move(first);
    while (op) {
      next();
      ExprPtr right = predicate_expression();
      ExprPtr right_copy = comparison_op() ? clone(*right) : nullptr;
      ExprPtr cmp = binary(*op, std::move(left), std::move(right));
      result = result ? binary(Op::and_, std::move(result), std::move(cmp)) : std::move(cmp);
      left = std::move(right_copy);
      op = comparison_op();
    }
    return result;
  }

  ExprPtr predicate_expression() {
    ExprPtr l = additive();
    while (true) {
      if (at_keyword("IS")) {
        next();
        bool negated = keyword("NOT");
        expect_keyword("NULL");
        auto e = make(ExprKind::is_null, l->at, l->begin);
        e->negated = negated;
        e->children.push_back(std::move(l));
        l = finish(std::move(e));
      } else if (keyword("IN")) {
        l = binary(Op::in, std::move(l), additive());
      } else if (at_keyword("STARTS") && at_keyword("WITH", 1)) {
        next(), next();
        l = binary(Op::starts_with, std::move(l), additive());
      } else if (at_keyword("ENDS") && at_keyword("WITH", 1)) {
        next(), next();
        l = binary(Op::ends_with, std::move(l), additive());
      } else if (keyword("CONTAINS")) {
        l = binary(Op::contains, std::move(l), additive());
      } else {
        return l;
      }
    }
  }

  ExprPtr additive() {
    ExprPtr l = multiplicative();
    while (true) {
      // "a -[...]-> b" never reaches here: patterns are only tried at '('.
      if (at_symbol("+")) {
        next();
        l = binary(Op::add, std::move(l), multiplicative());
      } else if (at_symbol("-")) {
        next();
        l = binary(Op::subtract, std::move(l), multiplicative());
      } else {
        return l;
      }
    }
  }
  ExprPtr multiplicative() {
    ExprPtr l = power();
    while (true) {
      Op op;
      if (at_symbol("*")) {
        op = Op::multiply;
      } else if (at_symbol("/")) {
        op = Op::divide;
      } else if (at_symbol("%")) {
        op = Op::modulo;
      } else {
        return l;
      }
      next();
      l = binary(op, std::move(l), power());
    }
  }
  ExprPtr power() {
    ExprPtr l = unary();
    while (symbol("^")) l = binary(Op::power, std::move(l), unary());
    return l;
  }
  ExprPtr unary() {
    std::vector<std::pair<Op, Position>> signs;
    while (at_symbol("-") || at_symbol("+")) {
      signs.push_back({at_symbol("-") ? Op::negate : Op::plus, peek().at});
      next();
    }
    ExprPtr e;
    // -9223372036854775808 is a literal; 9223372036854775808 alone is too large.
    if (!signs.empty() && signs.back().first == Op::negate && peek().type == TokenType::integer &&
        peek().text == "9223372036854775808") {
      Position at = signs.back().second;
      signs.pop_back();
      e = make(ExprKind::literal, at, at.offset);
      next();
      e->value = Value(std::numeric_limits<std::int64_t>::min());
      e = finish(std::move(e));
    } else {
      e = postfix();
    }
    for (auto it = signs.rbegin(); it != signs.rend(); ++it) {
      auto n = make(ExprKind::unary, it->second, it->second.offset);
      n->op = it->first;
      n->children.push_back(std::move(e));
      e = finish(std::move(n));
    }
    return e;
  }

  ExprPtr postfix() {
    ExprPtr e = atom();
    while (true) {
      if (at_symbol(".")) {
        next();
        auto p = make(ExprKind::property, e->at, e->begin);
        p->name = name("a property name", true);
        p->children.push_back(std::move(e));
        e = finish(std::move(p));
      } else if (at_symbol("[")) {
        next();
        ExprPtr from, to;
        bool is_slice = false;
        if (symbol("..")) {
          is_slice = true;
          if (!at_symbol("]")) to = expression();
        } else {
          from = expression();
          if (symbol("..")) {
            is_slice = true;
            if (!at_symbol("]")) to = expression();
          }
        }
        expect_symbol("]");
        auto x = make(is_slice ? ExprKind::slice : ExprKind::index, e->at, e->begin);
        x->children.push_back(std::move(e));
        x->children.push_back(std::move(from));
        if (is_slice) x->children.push_back(std::move(to));
        e = finish(std::move(x));
      } else if (at_symbol(":") && (peek(1).type == TokenType::identifier || peek(1).type == TokenType::quoted_identifier)) {
        auto l = make(ExprKind::has_labels, e->at, e->begin);
        l->labels = label_groups("a label");
        l->children.push_back(std::move(e));
        e = finish(std::move(l));
      } else {
        return e;
      }
    }
  }

  ExprPtr atom() {
    const Token& t = peek();
    Position at = t.at;
    std::size_t begin = t.at.offset;
    switch (t.type) {
      case TokenType::integer: {
        next();
        std::int64_t v = 0;
        bool hex = t.text.size() > 2 && (t.text[1] == 'x' || t.text[1] == 'X');
        const char* first = t.text.data() + (hex ? 2 : 0);
        auto r = std::from_chars(first, t.text.data() + t.text.size(), v, hex ? 16 : 10);
        if (r.ec != std::errc()) fail("integer " + t.text + " is too large (the limit is 9223372036854775807)", at);
        auto e = make(ExprKind::literal, at, begin);
        e->value = Value(v);
        return finish(std::move(e));
      }
      case TokenType::floating: {
        next();
        auto e = make(ExprKind::literal, at, begin);
        double d = std::strtod(t.text.c_str(), nullptr);
        if (!std::isfinite(d)) fail("number " + t.text + " is too large", at);
        e->value = Value(d);
        return finish(std::move(e));
      }
      case TokenType::string: {
        auto e = make(ExprKind::literal, at, begin);
        e->value = Value(std::string(t.text));
        next();
        return finish(std::move(e));
      }
      case TokenType::parameter: {
        auto e = make(ExprKind::parameter, at, begin);
        e->name = t.text;
        next();
        return finish(std::move(e));
      }
      case TokenType::quoted_identifier: {
        auto e = make(ExprKind::variable, at, begin);
        e->name = t.text;
        next();
        return finish(std::move(e));
      }
      case TokenType::end: fail_expected("an expression");
      case TokenType::symbol: break;
      case TokenType::identifier: return identifier_atom();
    }
    if (t.text == "(") return parenthesised_or_pattern();
    if (t.text == "[") return list_or_comprehension();
    if (t.text == "{") return map_literal();
    fail_expected("an expression");
  }

  ExprPtr identifier_atom() {
    const Token& t = peek();
    Position at = t.at;
    std::size_t begin = at.offset;
    if (is_keyword(t, "TRUE") || is_keyword(t, "FALSE")) {
      auto e = make(ExprKind::literal, at, begin);
      e->value = Value(is_keyword(t, "TRUE"));
      next();
      return finish(std::move(e));
    }
    if (is_keyword(t, "NULL")) {
      next();
      return finish(make(ExprKind::literal, at, begin));
    }
    if (is_keyword(t, "CASE")) return case_expression();
    if (at_symbol("(", 1) || (at_symbol(".", 1) && peek(2).type == TokenType::identifier && at_symbol("(", 3))) {
      return function_call();
    }
    if (is_reserved(t)) fail_expected("an expression");
    auto e = make(ExprKind::variable, at, begin);
    e->name = next().text;
    return finish(std::move(e));
  }

  ExprPtr function_call() {
    Position at = peek().at;
    std::size_t begin = at.offset;
    std::string fname = next().text;
    while (symbol(".")) fname += "." + next().text;
    expect_symbol("(");
    std::string lower = fname;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "count" && at_symbol("*")) {
      next();
      expect_symbol(")");
      return finish(make(ExprKind::count_star, at, begin));
    }
    if ((lower == "all" || lower == "any" || lower == "none" || lower == "single") &&
        (peek().type == TokenType::identifier || peek().type == TokenType::quoted_identifier) && at_keyword("IN", 1)) {
      auto e = make(ExprKind::list_predicate, at, begin);
      e->keys = {lower};
      e->name = next().text;
      next();  // IN
      e->children.push_back(expression());
      if (keyword("WHERE")) {
        e->children.push_back(expression());
      } else {
        fail_expected("WHERE");
      }
      expect_symbol(")");
      return finish(std::move(e));
    }
    auto e = make(ExprKind::function, at, begin);
    e->name = fname;
    e->distinct = keyword("DISTINCT");
    if (!symbol(")")) {
      do {
        e->children.push_back(expression());
      } while (symbol(","));
      expect_symbol(")");
    }
    return finish(std::move(e));
  }

  ExprPtr case_expression() {
    Position at = peek().at;
    std::size_t begin = at.offset;
    next();
    auto e = make(ExprKind::case_, at, begin);
    if (!at_keyword("WHEN")) {
      e->has_subject = true;
      e->children.push_back(expression());
    }
    if (!at_keyword("WHEN")) fail_expected("WHEN");
    while (keyword("WHEN")) {
      e->children.push_back(expression());
      expect_keyword("THEN");
      e->children.push_back(expression());
    }
    if (keyword("ELSE")) {
      e->has_else = true;
      e->children.push_back(expression());
    }
    expect_keyword("END");
    return finish(std::move(e));
  }

  ExprPtr parenthesised_or_pattern() {
    Position at = peek().at;
    std::size_t begin = at.offset;
    std::size_t save = pos_;
    // A pattern predicate starts like a parenthesised expression; try the pattern first, once per place.
    if (!not_a_pattern_.count(save)) {
      try {
        PatternPart part;
        part.at = at;
        chain(part);
        if (!part.rels.empty()) {
          auto e = make(ExprKind::pattern, at, begin);
          e->pattern = std::make_unique<PatternPart>(std::move(part));
          return finish(std::move(e));
        }
      } catch (const QueryError&) {
        if (nesting_ >= kMaxNesting) throw;
      }
      not_a_pattern_.insert(save);
      pos_ = save;
    }
    next();
    ExprPtr inner = expression();
    expect_symbol(")");
    // Keep the parenthesised span so column names read as written.
    inner->begin = begin;
    inner->end = end_of_previous();
    inner->at = at;
    return inner;
  }

  ExprPtr list_or_comprehension() {
    Position at = peek().at;
    std::size_t begin = at.offset;
    next();
    if ((peek().type == TokenType::identifier || peek().type == TokenType::quoted_identifier) && !is_reserved(peek()) &&
        at_keyword("IN", 1)) {
      auto e = make(ExprKind::list_comprehension, at, begin);
      e->name = next().text;
      next();  // IN
      e->children.push_back(expression());
      e->children.push_back(keyword("WHERE") ? expression() : nullptr);
      e->children.push_back(symbol("|") ? expression() : nullptr);
      expect_symbol("]");
      return finish(std::move(e));
    }
    auto e = make(ExprKind::list, at, begin);
    if (!symbol("]")) {
      do {
        e->children.push_back(expression());
      } while (symbol(","));
      expect_symbol("]");
    }
    return finish(std::move(e));
  }

  ExprPtr map_literal() {
    Position at = peek().at;
    std::size_t begin = at.offset;
    next();
    auto e = make(ExprKind::map, at, begin);
    if (!symbol("}")) {
      do {
        if (peek().type == TokenType::string) {
          e->keys.push_back(next().text);
        } else {
          e->keys.push_back(name("a map key", true));
        }
        expect_symbol(":");
        e->children.push_back(expression());
      } while (symbol(","));
      expect_symbol("}");
    }
    return finish(std::move(e));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int nesting_ = 0;
  std::unordered_set<std::size_t> not_a_pattern_;
};

}  // namespace

std::string read_only_message(std::string_view keyword) {
  std::string word(keyword);
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return word + " is not supported: the graph is read-only; change data by editing the data files or importing them, then load them again";
}

Query parse(std::string_view text) { return Parser(text).query(); }

ExprPtr parse_expression(std::string_view text) { return Parser(text).lone_expression(); }

}  // namespace hallyu::query::cypher
