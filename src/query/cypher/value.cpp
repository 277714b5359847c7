// Query values: equality, comparison, orderability, hashing and display text.
#include "hallyu/query/cypher/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>

namespace hallyu::query::cypher {
namespace {

// Rank of a type in the total order (openCypher orderability).
int type_rank(Value::Type t) {
  switch (t) {
    case Value::Type::map: return 0;
    case Value::Type::node: return 1;
    case Value::Type::relationship: return 2;
    case Value::Type::list: return 3;
    case Value::Type::path: return 4;
    case Value::Type::string: return 5;
    case Value::Type::boolean: return 6;
    case Value::Type::integer:
    case Value::Type::floating: return 7;
    case Value::Type::null: return 8;
  }
  return 9;
}

// Numbers compared exactly: long double holds every int64 and every double.
int compare_numbers(const Value& a, const Value& b) {
  if (a.type() == Value::Type::integer && b.type() == Value::Type::integer) {
    return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
  }
  long double x = a.type() == Value::Type::integer ? static_cast<long double>(a.as_int()) : a.as_double();
  long double y = b.type() == Value::Type::integer ? static_cast<long double>(b.as_int()) : b.as_double();
  bool xn = std::isnan(x), yn = std::isnan(y);
  if (xn || yn) return xn == yn ? 0 : xn ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

void quote_into(std::string& out, const std::string& s) {
  out += '\'';
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
}

void display_into(std::string& out, const Graph& graph, const Value& v, bool nested) {
  switch (v.type()) {
    case Value::Type::null: out += "null"; return;
    case Value::Type::boolean: out += v.as_bool() ? "true" : "false"; return;
    case Value::Type::integer: out += std::to_string(v.as_int()); return;
    case Value::Type::floating: out += format_double(v.as_double()); return;
    case Value::Type::string:
      if (nested) {
        quote_into(out, v.as_string());
      } else {
        out += v.as_string();
      }
      return;
    case Value::Type::list: {
      out += '[';
      bool first = true;
      for (const Value& item : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        display_into(out, graph, item, true);
      }
      out += ']';
      return;
    }
    case Value::Type::map: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += key + ": ";
        display_into(out, graph, item, true);
      }
      out += '}';
      return;
    }
    case Value::Type::node: out += "(" + graph.entity(v.as_node().id).id + ")"; return;
    case Value::Type::relationship: {
      const Relation& r = graph.relation(v.as_relationship().id);
      out += "[:" + std::string(to_string(r.type)) + " " + graph.entity(r.from).id + "->" + graph.entity(r.to).id + "]";
      return;
    }
    case Value::Type::path: {
      const Path& p = v.as_path();
      out += "(" + graph.entity(p.nodes.front()).id + ")";
      for (std::size_t i = 0; i < p.relationships.size(); ++i) {
        const Relation& r = graph.relation(p.relationships[i].id);
        std::string type(to_string(r.type));
        out += p.relationships[i].forward ? "-[:" + type + "]->" : "<-[:" + type + "]-";
        out += "(" + graph.entity(p.nodes[i + 1]).id + ")";
      }
      return;
    }
  }
}

}  // namespace

Value::Value(Map m) {
  std::stable_sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Map unique;
  for (auto& entry : m) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back().second = std::move(entry.second);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  data_ = std::make_shared<const Map>(std::move(unique));
}

const Value* Value::find(std::string_view key) const {
  const Map& m = as_map();
  auto it = std::lower_bound(m.begin(), m.end(), key, [](const auto& e, std::string_view k) { return e.first < k; });
  return it != m.end() && it->first == key ? &it->second : nullptr;
}

std::string_view type_name(Value::Type type) {
  switch (type) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return "boolean";
    case Value::Type::integer: return "integer";
    case Value::Type::floating: return "float";
    case Value::Type::string: return "string";
    case Value::Type::list: return "list";
    case Value::Type::map: return "map";
    case Value::Type::node: return "node";
    case Value::Type::relationship: return "relationship";
    case Value::Type::path: return "path";
  }
  return "value";
}

std::optional<bool> equals(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if (a.type() == Value::Type::floating && std::isnan(a.as_double())) return false;
    if (b.type() == Value::Type::floating && std::isnan(b.as_double())) return false;
    return compare_numbers(a, b) == 0;
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Value::Type::boolean: return a.as_bool() == b.as_bool();
    case Value::Type::string: return a.as_string() == b.as_string();
    case Value::Type::node: return a.as_node().id == b.as_node().id;
    case Value::Type::relationship: return a.as_relationship().id == b.as_relationship().id;
    case Value::Type::path: {
      const Path &x = a.as_path(), &y = b.as_path();
      if (x.nodes != y.nodes || x.relationships.size() != y.relationships.size()) return false;
      for (std::size_t i = 0; i < x.relationships.size(); ++i) {
        if (x.relationships[i].id != y.relationships[i].id) return false;
      }
      return true;
    }
    case Value::Type::list: {
      const List &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        auto e = equals(x[i], y[i]);
        if (!e) {
          unknown = true;
        } else if (!*e) {
          return false;
        }
      }
      if (unknown) return std::nullopt;
      return true;
    }
    case Value::Type::map: {
      const Map &x = a.as_map(), &y = b.as_map();
      if (x.size() != y.size()) return false;
      bool unknown = false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first) return false;
        auto e = equals(x[i].second, y[i].second);
        if (!e) {
          unknown = true;
        } else if (!*e) {
          return false;
        }
      }
      if (unknown) return std::nullopt;
      return true;
    }
    default: return false;
  }
}

std::optional<int> compare(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_number() && b.is_number()) {
    if ((a.type() == Value::Type::floating && std::isnan(a.as_double())) ||
        (b.type() == Value::Type::floating && std::isnan(b.as_double()))) {
      return std::nullopt;
    }
    return compare_numbers(a, b);
  }
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case Value::Type::boolean: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Type::string: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Value::Type::list: {
      const List &x = a.as_list(), &y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        auto c = compare(x[i], y[i]);
        if (!c) return std::nullopt;
        if (*c != 0) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    default: return std::nullopt;
  }
}

int order(const Value& a, const Value& b) {
  int ra = type_rank(a.type()), rb = type_rank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Value::Type::null: return 0;
    case Value::Type::boolean: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Value::Type::integer:
    case Value::Type::floating: return compare_numbers(a, b);
    case Value::Type::string: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case Value::Type::node: return a.as_node().id < b.as_node().id ? -1 : a.as_node().id > b.as_node().id ? 1 : 0;
    case Value::Type::relationship: {
      RelationId x = a.as_relationship().id, y = b.as_relationship().id;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case Value::Type::list: {
      const List &x = a.as_list(), &y = b.as_list();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = order(x[i], y[i])) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    case Value::Type::map: {
      const Map &x = a.as_map(), &y = b.as_map();
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = x[i].first.compare(y[i].first)) return c < 0 ? -1 : 1;
        if (int c = order(x[i].second, y[i].second)) return c;
      }
      return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    case Value::Type::path: {
      const Path &x = a.as_path(), &y = b.as_path();
      for (std::size_t i = 0; i < x.nodes.size() && i < y.nodes.size(); ++i) {
        if (x.nodes[i] != y.nodes[i]) return x.nodes[i] < y.nodes[i] ? -1 : 1;
        if (i < x.relationships.size() && i < y.relationships.size() &&
            x.relationships[i].id != y.relationships[i].id) {
          return x.relationships[i].id < y.relationships[i].id ? -1 : 1;
        }
      }
      return x.nodes.size() < y.nodes.size() ? -1 : x.nodes.size() > y.nodes.size() ? 1 : 0;
    }
  }
  return 0;
}

bool equivalent(const Value& a, const Value& b) { return order(a, b) == 0; }

std::size_t hash(const Value& v) {
  auto mix = [](std::size_t seed, std::size_t h) { return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); };
  switch (v.type()) {
    case Value::Type::null: return 0x51;
    case Value::Type::boolean: return v.as_bool() ? 0x71 : 0x70;
    case Value::Type::integer: return std::hash<double>()(static_cast<double>(v.as_int()));
    case Value::Type::floating: return std::isnan(v.as_double()) ? 0x7ff8 : std::hash<double>()(v.as_double());
    case Value::Type::string: return std::hash<std::string>()(v.as_string());
    case Value::Type::node: return mix(0x1, v.as_node().id);
    case Value::Type::relationship: return mix(0x2, v.as_relationship().id);
    case Value::Type::list: {
      std::size_t h = 0x3;
      for (const Value& item : v.as_list()) h = mix(h, hash(item));
      return h;
    }
    case Value::Type::map: {
      std::size_t h = 0x4;
      for (const auto& [key, item] : v.as_map()) h = mix(mix(h, std::hash<std::string>()(key)), hash(item));
      return h;
    }
    case Value::Type::path: {
      std::size_t h = 0x5;
      for (VertexId n : v.as_path().nodes) h = mix(h, n);
      for (const Relationship& r : v.as_path().relationships) h = mix(h, r.id);
      return h;
    }
  }
  return 0;
}

std::size_t ValueListHash::operator()(const std::vector<Value>& values) const {
  std::size_t h = values.size();
  for (const Value& v : values) h ^= hash(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

bool ValueListEquivalent::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!equivalent(a[i], b[i])) return false;
  }
  return true;
}

std::string to_display(const Graph& graph, const Value& v) {
  std::string out;
  display_into(out, graph, v, false);
  return out;
}

std::string format_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  std::string s(buffer, result.ptr);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
  return s;
}

}  // namespace hallyu::query::cypher
