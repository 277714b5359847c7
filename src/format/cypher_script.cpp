// openCypher CREATE script export: constraints, then UNWIND batches of nodes and relationships.
#include "hallyu/format/cypher_script.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

#include "export_detail.hpp"

namespace hallyu::format {
namespace {

using detail::ColumnType;
constexpr std::size_t kBatch = 1000;

std::string literal(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\u%04x", static_cast<unsigned>(c));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  return out + "'";
}

std::string name(std::string_view n) {
  bool plain = !n.empty() && !std::isdigit(static_cast<unsigned char>(n.front()));
  for (char c : n) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  // `group` is a keyword in some dialects (Kuzu); quoting costs nothing in the others.
  if (plain && n != "group") return std::string(n);
  std::string out = "`";
  for (char c : n) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

// A property value: numbers and booleans as they are, strings and lists of strings as literals,
// anything else as its JSON text in a string.
std::string value(const std::string& json, ColumnType type) {
  switch (type) {
    case ColumnType::integer:
    case ColumnType::real:
    case ColumnType::boolean:
      return json;
    case ColumnType::string:
      return literal(detail::string_value(json));
    case ColumnType::strings: {
      std::string out = "[";
      for (const std::string& item : detail::string_list(json)) out += (out.size() > 1 ? ", " : "") + literal(item);
      return out + "]";
    }
    case ColumnType::json:
      break;
  }
  return literal(json);
}

std::string properties(const Attributes& attributes, const std::map<std::string, ColumnType, std::less<>>& types) {
  std::string out;
  for (const Attribute& a : attributes) out += ", " + name(a.key) + ": " + value(a.json, types.find(a.key)->second);
  return out;
}

std::map<std::string, ColumnType, std::less<>> type_map(const std::vector<detail::Column>& columns) {
  std::map<std::string, ColumnType, std::less<>> out;
  for (const detail::Column& c : columns) out.emplace(c.key, c.type);
  return out;
}

}  // namespace

void write_cypher_script(const ExportSelection& s, std::ostream& out) {
  const Graph& graph = *s.graph;
  out << "// hallyu export: " << s.entities.size() << " nodes, " << s.relations.size()
      << " relationships. Run with: cypher-shell -f this-file (Neo4j 5) or mgconsole < this-file (Memgraph).\n";
  for (Kind kind : kAllKinds) {
    out << "CREATE CONSTRAINT hallyu_" << to_string(kind) << "_id IF NOT EXISTS FOR (n:" << name(to_string(kind))
        << ") REQUIRE n.id IS UNIQUE;\n";
  }
  auto node_types = type_map(detail::entity_columns(s));
  auto edge_types = type_map(detail::relation_columns(s));
  for (Kind kind : kAllKinds) {
    std::size_t in_batch = 0;
    auto flush = [&] {
      if (in_batch == 0) return;
      out << "] AS p CREATE (n:" << name(to_string(kind)) << ") SET n = p;\n";
      in_batch = 0;
    };
    for (VertexId v : s.entities) {
      if (graph.kind(v) != kind) continue;
      const Entity& e = graph.entity(v);
      std::string record = "{id: " + literal(e.id) + ", name: " + literal(e.name) + ", aliases: [";
      for (std::size_t a = 0; a < e.aliases.size(); ++a) record += (a ? ", " : "") + literal(e.aliases[a]);
      record += "]" + properties(e.attributes, node_types) + "}";
      out << (in_batch ? ", " : "UNWIND [") << record;
      if (++in_batch == kBatch) flush();
    }
    flush();
  }
  // Relationships batched per (type, from kind, to kind), so each MATCH uses the constraints' indexes.
  auto group_of = [&](RelationId r) {
    const Relation& relation = graph.relation(r);
    return std::make_tuple(relation.type, graph.kind(relation.from), graph.kind(relation.to));
  };
  std::vector<RelationId> order = s.relations;
  std::stable_sort(order.begin(), order.end(), [&](RelationId x, RelationId y) { return group_of(x) < group_of(y); });
  for (std::size_t begin = 0; begin < order.size();) {
    auto [type, from, to] = group_of(order[begin]);
    std::size_t end = begin;
    while (end < order.size() && group_of(order[end]) == group_of(order[begin])) ++end;
    for (std::size_t i = begin; i < end; ++i) {
      const Relation& relation = graph.relation(order[i]);
      std::string props = properties(relation.attributes, edge_types);
      out << ((i - begin) % kBatch ? ", " : "UNWIND [") << "{a: " << literal(graph.entity(relation.from).id)
          << ", b: " << literal(graph.entity(relation.to).id) << ", p: {" << (props.empty() ? "" : props.substr(2))
          << "}}";
      if ((i - begin) % kBatch == kBatch - 1 || i + 1 == end) {
        out << "] AS r MATCH (a:" << name(to_string(from)) << " {id: r.a}), (b:" << name(to_string(to))
            << " {id: r.b}) CREATE (a)-[x:" << name(to_string(type)) << "]->(b) SET x = r.p;\n";
      }
    }
    begin = end;
  }
}

}  // namespace hallyu::format
