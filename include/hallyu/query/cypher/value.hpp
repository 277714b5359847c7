// The runtime value of the query language: null, booleans, 64-bit integers, doubles, strings, lists,
// maps, nodes (entities), relationships (relations, with the direction a pattern walked them) and
// paths; with Cypher's equality (null-propagating), comparability (null across types) and the total
// orderability ORDER BY, DISTINCT and grouping use.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::query::cypher {

struct Node {
  VertexId id = 0;
};
// A relation as a pattern bound it. `forward` says whether the match walked it from -> to (as stored);
// identity is the relation alone.
struct Relationship {
  RelationId id = 0;
  bool forward = true;
};
struct Path {
  std::vector<VertexId> nodes;               // nodes.size() == relationships.size() + 1
  std::vector<Relationship> relationships;   // relationships[i] joins nodes[i] and nodes[i + 1]
};

class Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;  // sorted by key, keys unique

class Value {
 public:
  enum class Type { null, boolean, integer, floating, string, list, map, node, relationship, path };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(std::int64_t{i}) {}
  Value(long i) : data_(std::int64_t{i}) {}
  Value(long long i) : data_(static_cast<std::int64_t>(i)) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(List l) : data_(std::make_shared<const List>(std::move(l))) {}
  Value(Map m);  // sorts and de-duplicates keys (the last value wins)
  Value(Node n) : data_(n) {}
  Value(Relationship r) : data_(r) {}
  Value(Path p) : data_(std::make_shared<const Path>(std::move(p))) {}

  Type type() const { return static_cast<Type>(data_.index()); }
  bool is_null() const { return data_.index() == 0; }
  bool is_number() const { return type() == Type::integer || type() == Type::floating; }

  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_double() const { return std::get<double>(data_); }
  double as_number() const { return type() == Type::integer ? static_cast<double>(as_int()) : as_double(); }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const List& as_list() const { return *std::get<std::shared_ptr<const List>>(data_); }
  const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(data_); }
  Node as_node() const { return std::get<Node>(data_); }
  Relationship as_relationship() const { return std::get<Relationship>(data_); }
  const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(data_); }

  // A map's entry, or nullptr.
  const Value* find(std::string_view key) const;

 private:
  // Lists, maps and paths are immutable and shared: rows copy them in O(1) however long they are.
  std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<const List>,
               std::shared_ptr<const Map>, Node, Relationship, std::shared_ptr<const Path>>
      data_;
};

std::string_view type_name(Value::Type type);

// Cypher `=`: null when either side is null (or a list holds a null that decides), numbers by value.
std::optional<bool> equals(const Value& a, const Value& b);
// Cypher `<` and friends: -1/0/1, or nothing when the values are not comparable (null, or types differ).
std::optional<int> compare(const Value& a, const Value& b);
// Total order for ORDER BY, DISTINCT and grouping: map < node < relationship < list < path < string <
// boolean < number < null; numbers by value (NaN largest), so 1 and 1.0 are one group.
int order(const Value& a, const Value& b);
// Equivalence under order(): the grouping and DISTINCT identity.
bool equivalent(const Value& a, const Value& b);
std::size_t hash(const Value& v);

struct ValueListHash {
  std::size_t operator()(const std::vector<Value>& values) const;
};
struct ValueListEquivalent {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// Cypher-ish literal text: 'text' strings inside lists and maps, 1.0 for integral doubles; nodes and
// relationships by their hallyu ids (`(iu)`, `[:acted_in iu->hotel-del-luna]`).
std::string to_display(const Graph& graph, const Value& v);
// Shortest round-trip text of a double, with ".0" when it is integral ("2.0", "0.1", "1e+300").
std::string format_double(double d);

}  // namespace hallyu::query::cypher
