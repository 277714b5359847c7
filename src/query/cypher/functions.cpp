// Built-in scalar functions and property access.
#include "hallyu/query/cypher/functions.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "hallyu/text.hpp"

namespace hallyu::query::cypher {
namespace {

using Args = std::vector<Value>;

std::string_view got(const Value& v) { return type_name(v.type()); }

[[noreturn]] void expects(const CallSite& site, const char* what, const Value& v) {
  fail_at(site, std::string(what) + ", got " + std::string(got(v)));
}

const std::string& string_arg(const CallSite& site, const Value& v, const char* fname) {
  if (v.type() != Value::Type::string) expects(site, (std::string(fname) + "() expects a string").c_str(), v);
  return v.as_string();
}

std::int64_t int_arg(const CallSite& site, const Value& v, const char* fname) {
  if (v.type() != Value::Type::integer) expects(site, (std::string(fname) + "() expects an integer").c_str(), v);
  return v.as_int();
}

Value from_json(const rapidjson::Value& j) {
  if (j.IsNull()) return Value();
  if (j.IsBool()) return Value(j.GetBool());
  if (j.IsInt64()) return Value(static_cast<std::int64_t>(j.GetInt64()));
  if (j.IsNumber()) return Value(j.GetDouble());
  if (j.IsString()) return Value(std::string(j.GetString(), j.GetStringLength()));
  if (j.IsArray()) {
    List list;
    for (const auto& item : j.GetArray()) list.push_back(from_json(item));
    return Value(std::move(list));
  }
  Map map;
  for (const auto& member : j.GetObject()) {
    map.emplace_back(std::string(member.name.GetString(), member.name.GetStringLength()), from_json(member.value));
  }
  return Value(std::move(map));
}

std::u32string code_points(const std::string& s) {
  std::vector<char32_t> cps = text::decode(s);
  return std::u32string(cps.begin(), cps.end());
}
std::string utf8(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) text::append_utf8(out, c);
  return out;
}

// ---- graph functions ----
Value fn_id(const CallSite& site, Args& a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.type() == Value::Type::node) return Value(site.graph.entity(v.as_node().id).id);
  if (v.type() == Value::Type::relationship) return Value(static_cast<std::int64_t>(v.as_relationship().id));
  expects(site, "id() expects a node or a relationship", v);
}
Value fn_labels(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::node) expects(site, "labels() expects a node", a[0]);
  return Value(List{Value(std::string(to_string(site.graph.kind(a[0].as_node().id))))});
}
Value fn_type(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::relationship) expects(site, "type() expects a relationship", a[0]);
  return Value(std::string(to_string(site.graph.relation(a[0].as_relationship().id).type)));
}
Value fn_properties(const CallSite& site, Args& a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::node: return Value(node_properties(site.graph, v.as_node().id));
    case Value::Type::relationship: return Value(relationship_properties(site.graph, v.as_relationship().id));
    case Value::Type::map: return v;
    default: expects(site, "properties() expects a node, a relationship or a map", v);
  }
}
Value fn_keys(const CallSite& site, Args& a) {
  Value props = fn_properties(site, a);
  if (props.is_null()) return Value();
  List keys;
  for (const auto& [key, value] : props.as_map()) {
    if (!value.is_null()) keys.push_back(Value(key));
  }
  return Value(std::move(keys));
}
Value fn_length(const CallSite& site, Args& a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.type() == Value::Type::path) return Value(static_cast<std::int64_t>(v.as_path().relationships.size()));
  if (v.type() == Value::Type::list) return Value(static_cast<std::int64_t>(v.as_list().size()));
  if (v.type() == Value::Type::string) return Value(static_cast<std::int64_t>(text::decode(v.as_string()).size()));
  expects(site, "length() expects a path, a list or a string", v);
}
Value fn_nodes(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::path) expects(site, "nodes() expects a path", a[0]);
  List out;
  for (VertexId v : a[0].as_path().nodes) out.push_back(Value(Node{v}));
  return Value(std::move(out));
}
Value fn_relationships(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::path) expects(site, "relationships() expects a path", a[0]);
  List out;
  for (Relationship r : a[0].as_path().relationships) out.push_back(Value(r));
  return Value(std::move(out));
}
Value fn_start_node(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::relationship) expects(site, "startNode() expects a relationship", a[0]);
  return Value(Node{site.graph.relation(a[0].as_relationship().id).from});
}
Value fn_end_node(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::relationship) expects(site, "endNode() expects a relationship", a[0]);
  return Value(Node{site.graph.relation(a[0].as_relationship().id).to});
}

// ---- lists ----
Value fn_size(const CallSite& site, Args& a) {
  const Value& v = a[0];
  if (v.is_null()) return Value();
  if (v.type() == Value::Type::list) return Value(static_cast<std::int64_t>(v.as_list().size()));
  if (v.type() == Value::Type::string) return Value(static_cast<std::int64_t>(text::decode(v.as_string()).size()));
  expects(site, "size() expects a list or a string", v);
}
Value fn_head(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::list) expects(site, "head() expects a list", a[0]);
  return a[0].as_list().empty() ? Value() : a[0].as_list().front();
}
Value fn_last(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::list) expects(site, "last() expects a list", a[0]);
  return a[0].as_list().empty() ? Value() : a[0].as_list().back();
}
Value fn_tail(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() != Value::Type::list) expects(site, "tail() expects a list", a[0]);
  const List& l = a[0].as_list();
  return l.empty() ? Value(List{}) : Value(List(l.begin() + 1, l.end()));
}
Value fn_coalesce(const CallSite&, Args& a) {
  for (Value& v : a) {
    if (!v.is_null()) return std::move(v);
  }
  return Value();
}
Value fn_range(const CallSite& site, Args& a) {
  for (const Value& v : a) {
    if (v.is_null()) return Value();
  }
  std::int64_t start = int_arg(site, a[0], "range"), end = int_arg(site, a[1], "range");
  std::int64_t step = a.size() > 2 ? int_arg(site, a[2], "range") : 1;
  if (step == 0) fail_at(site, "range() step must not be 0");
  // Element count in unsigned arithmetic: no overflow for any int64 inputs.
  // steps is the element count minus one; compared before adding one, which could wrap.
  std::uint64_t steps = 0;
  bool empty = true;
  if (step > 0 && end >= start) {
    steps = (static_cast<std::uint64_t>(end) - static_cast<std::uint64_t>(start)) / static_cast<std::uint64_t>(step);
    empty = false;
  } else if (step < 0 && end <= start) {
    std::uint64_t magnitude = static_cast<std::uint64_t>(-(step + 1)) + 1;
    steps = (static_cast<std::uint64_t>(start) - static_cast<std::uint64_t>(end)) / magnitude;
    empty = false;
  }
  if (!empty && steps >= kMaxListSize) {
    fail_at(site, "range() would make a list of more than " + std::to_string(kMaxListSize) + " elements",
            ErrorCategory::too_costly);
  }
  std::uint64_t count = empty ? 0 : steps + 1;
  List out;
  out.reserve(static_cast<std::size_t>(count));
  for (std::uint64_t i = 0; i < count; ++i) {
    out.push_back(Value(static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + i * static_cast<std::uint64_t>(step))));
  }
  return Value(std::move(out));
}
Value fn_reverse(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  if (a[0].type() == Value::Type::list) {
    List l = a[0].as_list();
    std::reverse(l.begin(), l.end());
    return Value(std::move(l));
  }
  std::u32string s = code_points(string_arg(site, a[0], "reverse"));
  std::reverse(s.begin(), s.end());
  return Value(utf8(s));
}

// ---- strings ----
template <int (*F)(int)>
Value ascii_case(const CallSite& site, Args& a, const char* fname) {
  if (a[0].is_null()) return Value();
  std::string s = string_arg(site, a[0], fname);
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(F(static_cast<unsigned char>(c)));
  }
  return Value(std::move(s));
}
int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }
int upper_ascii(int c) { return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c; }
Value fn_to_lower(const CallSite& site, Args& a) { return ascii_case<lower_ascii>(site, a, "toLower"); }
Value fn_to_upper(const CallSite& site, Args& a) { return ascii_case<upper_ascii>(site, a, "toUpper"); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
Value trim_impl(const CallSite& site, Args& a, bool left, bool right, const char* fname) {
  if (a[0].is_null()) return Value();
  const std::string& s = string_arg(site, a[0], fname);
  std::size_t b = 0, e = s.size();
  if (left) {
    while (b < e && is_space(s[b])) ++b;
  }
  if (right) {
    while (e > b && is_space(s[e - 1])) --e;
  }
  return Value(s.substr(b, e - b));
}
Value fn_trim(const CallSite& site, Args& a) { return trim_impl(site, a, true, true, "trim"); }
Value fn_ltrim(const CallSite& site, Args& a) { return trim_impl(site, a, true, false, "ltrim"); }
Value fn_rtrim(const CallSite& site, Args& a) { return trim_impl(site, a, false, true, "rtrim"); }

Value fn_to_string(const CallSite& site, Args& a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::string: return v;
    case Value::Type::integer: return Value(std::to_string(v.as_int()));
    case Value::Type::floating: return Value(format_double(v.as_double()));
    case Value::Type::boolean: return Value(std::string(v.as_bool() ? "true" : "false"));
    default: expects(site, "toString() expects a string, number or boolean", v);
  }
}

std::optional<double> parse_double(const std::string& s) {
  std::string t = s;
  while (!t.empty() && is_space(t.back())) t.pop_back();
  std::size_t b = 0;
  while (b < t.size() && is_space(t[b])) ++b;
  t = t.substr(b);
  if (t.empty()) return std::nullopt;
  double d = 0;
  auto r = std::from_chars(t.data(), t.data() + t.size(), d);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size()) return std::nullopt;
  return d;
}

Value fn_to_integer(const CallSite& site, Args& a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::integer: return v;
    case Value::Type::boolean: return Value(static_cast<std::int64_t>(v.as_bool()));
    case Value::Type::floating: {
      double d = std::trunc(v.as_double());
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) fail_at(site, "toInteger(): " + format_double(v.as_double()) + " is out of the integer range");
      return Value(static_cast<std::int64_t>(d));
    }
    case Value::Type::string: {
      const std::string& s = v.as_string();
      std::int64_t i = 0;
      auto r = std::from_chars(s.data(), s.data() + s.size(), i);
      if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return Value(i);
      auto d = parse_double(s);
      if (!d || !(std::trunc(*d) >= -9223372036854775808.0 && std::trunc(*d) < 9223372036854775808.0)) return Value();
      return Value(static_cast<std::int64_t>(std::trunc(*d)));
    }
    default: expects(site, "toInteger() expects a string, number or boolean", v);
  }
}
Value fn_to_float(const CallSite& site, Args& a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::integer: return Value(static_cast<double>(v.as_int()));
    case Value::Type::floating: return v;
    case Value::Type::string: {
      auto d = parse_double(v.as_string());
      return d ? Value(*d) : Value();
    }
    default: expects(site, "toFloat() expects a string or number", v);
  }
}
Value fn_to_boolean(const CallSite& site, Args& a) {
  const Value& v = a[0];
  switch (v.type()) {
    case Value::Type::null: return Value();
    case Value::Type::boolean: return v;
    case Value::Type::integer: return Value(v.as_int() != 0);
    case Value::Type::string: {
      std::string s = text::fold(v.as_string());
      if (s == "true") return Value(true);
      if (s == "false") return Value(false);
      return Value();
    }
    default: expects(site, "toBoolean() expects a string, integer or boolean", v);
  }
}

Value fn_substring(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  std::u32string s = code_points(string_arg(site, a[0], "substring"));
  std::int64_t start = int_arg(site, a[1], "substring");
  if (start < 0) fail_at(site, "substring() start must not be negative");
  std::int64_t length = a.size() > 2 ? int_arg(site, a[2], "substring") : std::numeric_limits<std::int64_t>::max();
  if (length < 0) fail_at(site, "substring() length must not be negative");
  std::size_t b = std::min<std::size_t>(static_cast<std::size_t>(start), s.size());
  std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(length), s.size() - b);
  return Value(utf8(std::u32string_view(s).substr(b, n)));
}
Value fn_left(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  std::u32string s = code_points(string_arg(site, a[0], "left"));
  std::int64_t n = int_arg(site, a[1], "left");
  if (n < 0) fail_at(site, "left() length must not be negative");
  return Value(utf8(std::u32string_view(s).substr(0, static_cast<std::size_t>(n))));
}
Value fn_right(const CallSite& site, Args& a) {
  if (a[0].is_null()) return Value();
  std::u32string s = code_points(string_arg(site, a[0], "right"));
  std::int64_t n = int_arg(site, a[1], "right");
  if (n < 0) fail_at(site, "right() length must not be negative");
  std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(n), s.size());
  return Value(utf8(std::u32string_view(s).substr(s.size() - k)));
}
Value fn_replace(const CallSite& site, Args& a) {
  for (const Value& v : a) {
    if (v.is_null()) return Value();
  }
  const std::string& s = string_arg(site, a[0], "replace");
  const std::string& from = string_arg(site, a[1], "replace");
  const std::string& to = string_arg(site, a[2], "replace");
  if (from.empty()) return a[0];
  std::string out;
  std::size_t at = 0;
  for (std::size_t hit = s.find(from); hit != std::string::npos; hit = s.find(from, at)) {
    out.append(s, at, hit - at);
    out += to;
    at = hit + from.size();
    if (out.size() > 64 * kMaxListSize) fail_at(site, "replace() result is too long");
  }
  out.append(s, at, std::string::npos);
  return Value(std::move(out));
}
Value fn_split(const CallSite& site, Args& a) {
  if (a[0].is_null() || a[1].is_null()) return Value();
  const std::string& s = string_arg(site, a[0], "split");
  const std::string& d = string_arg(site, a[1], "split");
  List out;
  auto room = [&] {
    if (out.size() >= kMaxListSize) {
      fail_at(site, "split() would make a list of more than " + std::to_string(kMaxListSize) + " elements", ErrorCategory::too_costly);
    }
  };
  if (d.empty()) {
    for (char32_t c : code_points(s)) {
      room();
      out.push_back(Value(utf8(std::u32string(1, c))));
    }
    return Value(std::move(out));
  }
  std::size_t at = 0;
  for (std::size_t hit = s.find(d); hit != std::string::npos; hit = s.find(d, at)) {
    room();
    out.push_back(Value(s.substr(at, hit - at)));
    at = hit + d.size();
  }
  out.push_back(Value(s.substr(at)));
  return Value(std::move(out));
}

// ---- numbers ----
Value number_arg(const CallSite& site, const Value& v, const char* fname) {
  if (!v.is_null() && !v.is_number()) expects(site, (std::string(fname) + "() expects a number").c_str(), v);
  return v;
}
Value fn_abs(const CallSite& site, Args& a) {
  Value v = number_arg(site, a[0], "abs");
  if (v.is_null()) return v;
  if (v.type() == Value::Type::integer) {
    if (v.as_int() == std::numeric_limits<std::int64_t>::min()) fail_at(site, "integer overflow in abs()");
    return Value(v.as_int() < 0 ? -v.as_int() : v.as_int());
  }
  return Value(std::fabs(v.as_double()));
}
Value fn_sign(const CallSite& site, Args& a) {
  Value v = number_arg(site, a[0], "sign");
  if (v.is_null()) return v;
  double d = v.as_number();
  return Value(static_cast<std::int64_t>(d > 0 ? 1 : d < 0 ? -1 : 0));
}
template <double (*F)(double)>
Value float_fn(const CallSite& site, Args& a, const char* fname) {
  Value v = number_arg(site, a[0], fname);
  if (v.is_null()) return v;
  return Value(F(v.as_number()));
}
Value fn_ceil(const CallSite& site, Args& a) { return float_fn<std::ceil>(site, a, "ceil"); }
Value fn_floor(const CallSite& site, Args& a) { return float_fn<std::floor>(site, a, "floor"); }
Value fn_round(const CallSite& site, Args& a) { return float_fn<std::round>(site, a, "round"); }
Value fn_sqrt(const CallSite& site, Args& a) { return float_fn<std::sqrt>(site, a, "sqrt"); }
Value fn_exists(const CallSite&, Args& a) { return Value(!a[0].is_null()); }

const std::vector<FunctionInfo> kFunctions = {
    {"count", 1, 1, nullptr, true},
    {"collect", 1, 1, nullptr, true},
    {"sum", 1, 1, nullptr, true},
    {"avg", 1, 1, nullptr, true},
    {"min", 1, 1, nullptr, true},
    {"max", 1, 1, nullptr, true},
    {"id", 1, 1, fn_id, false},
    {"labels", 1, 1, fn_labels, false},
    {"type", 1, 1, fn_type, false},
    {"properties", 1, 1, fn_properties, false},
    {"keys", 1, 1, fn_keys, false},
    {"length", 1, 1, fn_length, false},
    {"nodes", 1, 1, fn_nodes, false},
    {"relationships", 1, 1, fn_relationships, false},
    {"rels", 1, 1, fn_relationships, false},
    {"startNode", 1, 1, fn_start_node, false},
    {"endNode", 1, 1, fn_end_node, false},
    {"size", 1, 1, fn_size, false},
    {"head", 1, 1, fn_head, false},
    {"last", 1, 1, fn_last, false},
    {"tail", 1, 1, fn_tail, false},
    {"coalesce", 1, 64, fn_coalesce, false},
    {"toLower", 1, 1, fn_to_lower, false},
    {"toUpper", 1, 1, fn_to_upper, false},
    {"trim", 1, 1, fn_trim, false},
    {"ltrim", 1, 1, fn_ltrim, false},
    {"rtrim", 1, 1, fn_rtrim, false},
    {"toString", 1, 1, fn_to_string, false},
    {"toInteger", 1, 1, fn_to_integer, false},
    {"toFloat", 1, 1, fn_to_float, false},
    {"toBoolean", 1, 1, fn_to_boolean, false},
    {"range", 2, 3, fn_range, false},
    {"abs", 1, 1, fn_abs, false},
    {"sign", 1, 1, fn_sign, false},
    {"ceil", 1, 1, fn_ceil, false},
    {"floor", 1, 1, fn_floor, false},
    {"round", 1, 1, fn_round, false},
    {"sqrt", 1, 1, fn_sqrt, false},
    {"substring", 2, 3, fn_substring, false},
    {"left", 2, 2, fn_left, false},
    {"right", 2, 2, fn_right, false},
    {"replace", 3, 3, fn_replace, false},
    {"split", 2, 2, fn_split, false},
    {"reverse", 1, 1, fn_reverse, false},
    {"exists", 1, 1, fn_exists, false},
};

}  // namespace

std::size_t value_weight(const Value& v, std::size_t limit) {
  std::size_t total = 1;
  if (v.type() == Value::Type::list) {
    for (const Value& item : v.as_list()) {
      if (total > limit) break;
      total += item.type() == Value::Type::list || item.type() == Value::Type::map ? value_weight(item, limit - total) : 1;
    }
  } else if (v.type() == Value::Type::map) {
    for (const auto& [key, item] : v.as_map()) {
      if (total > limit) break;
      total += item.type() == Value::Type::list || item.type() == Value::Type::map ? value_weight(item, limit - total) : 1;
    }
  }
  return total;
}

void fail_at(const CallSite& site, const std::string& message, ErrorCategory category) {
  throw QueryError(message + " (in " + text::quote(site.text, 60) + ")", site.at, site.query, category);
}

int find_function(std::string_view name) {
  std::string lower = text::fold(name);
  for (std::size_t i = 0; i < kFunctions.size(); ++i) {
    if (text::fold(kFunctions[i].name) == lower) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<FunctionInfo>& functions() { return kFunctions; }

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (const FunctionInfo& f : kFunctions) names.emplace_back(f.name);
  return names;
}

Value json_value(std::string_view json) {
  if (json.empty()) return Value();
  // Fast paths for what attributes mostly are: whole numbers and plain strings.
  if ((json[0] >= '0' && json[0] <= '9') || json[0] == '-') {
    std::int64_t i = 0;
    auto r = std::from_chars(json.data(), json.data() + json.size(), i);
    if (r.ec == std::errc() && r.ptr == json.data() + json.size()) return Value(i);
  } else if (json[0] == '"' && json.size() >= 2 && json.back() == '"' &&
             json.find('\\') == std::string_view::npos) {
    return Value(std::string(json.substr(1, json.size() - 2)));
  }
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) return Value(std::string(json));
  return from_json(d);
}

Value node_property(const Graph& graph, VertexId v, std::string_view key) {
  const Entity& e = graph.entity(v);
  if (key == "id") return Value(e.id);
  if (key == "name") return Value(e.name);
  if (key == "kind") return Value(std::string(to_string(e.kind)));
  if (key == "aliases") {
    List aliases;
    for (const std::string& alias : e.aliases) aliases.push_back(Value(alias));
    return Value(std::move(aliases));
  }
  for (const Attribute& a : e.attributes) {
    if (a.key == key) return json_value(a.json);
  }
  return Value();
}

Value relationship_property(const Graph& graph, RelationId r, std::string_view key) {
  for (const Attribute& a : graph.relation(r).attributes) {
    if (a.key == key) return json_value(a.json);
  }
  return Value();
}

Map node_properties(const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  Map m;
  for (std::string_view key : {"id", "name", "kind", "aliases"}) m.emplace_back(std::string(key), node_property(graph, v, key));
  for (const Attribute& a : e.attributes) m.emplace_back(a.key, json_value(a.json));
  return Value(std::move(m)).as_map();
}

Map relationship_properties(const Graph& graph, RelationId r) {
  Map m;
  for (const Attribute& a : graph.relation(r).attributes) m.emplace_back(a.key, json_value(a.json));
  return Value(std::move(m)).as_map();
}

}  // namespace hallyu::query::cypher
