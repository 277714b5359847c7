// Kuzu export: DDL, COPY statements and CSV files; lists travel joined by U+241F and are split in COPY.
#include "hallyu/format/kuzu.hpp"

#include <algorithm>

#include "export_detail.hpp"
#include "hallyu/format/neo4j_csv.hpp"

namespace hallyu::format {
namespace {

using detail::ColumnType;
constexpr std::string_view kEmptyList = "\u241E";

const char* kuzu_type(ColumnType type) {
  switch (type) {
    case ColumnType::integer:
      return "INT64";
    case ColumnType::real:
      return "DOUBLE";
    case ColumnType::boolean:
      return "BOOLEAN";
    case ColumnType::strings:
      return "STRING[]";
    default:
      return "STRING";
  }
}

std::string q(std::string_view name) {
  std::string out = "`";
  for (char c : name) out += c == '`' ? std::string("``") : std::string(1, c);
  return out + "`";
}

std::string list_cell(const std::vector<std::string>& items) { return detail::list_cell(items, kEmptyList); }

std::string cell(const std::string& json, ColumnType type) { return detail::csv_cell(json, type, kEmptyList); }

// COPY through LOAD: every column is read as STRING, lists split, the rest cast.
std::string copy_statement(const std::string& table, const std::string& file,
                           const std::vector<std::pair<std::string, ColumnType>>& columns, const std::string& options) {
  std::string header, select;
  for (const auto& [key, type] : columns) {
    header += (header.empty() ? "" : ", ") + q(key) + " STRING";
    std::string expr = type == ColumnType::strings ? "CASE WHEN " + q(key) + " = '" + std::string(kEmptyList) +
                                                         "' THEN CAST([] AS STRING[]) ELSE string_split(" + q(key) +
                                                         ", '" + std::string(kListSeparator) + "') END"
                       : type == ColumnType::string || type == ColumnType::json
                           ? q(key)
                           : "CAST(" + q(key) + " AS " + kuzu_type(type) + ")";
    select += (select.empty() ? "" : ", ") + expr;
  }
  return "COPY " + q(table) + " FROM (LOAD WITH HEADERS (" + header + ") FROM '" + file + "' (header=true) RETURN " +
         select + ")" + options + ";\n";
}

}  // namespace

void write_kuzu(const ExportSelection& s, const FileSink& sink) {
  const Graph& graph = *s.graph;
  std::string schema, copy;
  for (Kind kind : kAllKinds) {
    std::vector<std::pair<std::string, ColumnType>> columns = {
        {"id", ColumnType::string}, {"name", ColumnType::string}, {"aliases", ColumnType::strings}};
    for (const detail::Column& c : detail::entity_columns(s, bit(kind))) columns.emplace_back(c.key, c.type);
    schema += "CREATE NODE TABLE " + q(to_string(kind)) + "(";
    for (const auto& [key, type] : columns) schema += q(key) + " " + kuzu_type(type) + ", ";
    schema += "PRIMARY KEY(`id`));\n";
    std::size_t rows = 0;
    for (VertexId v : s.entities) rows += graph.kind(v) == kind;
    if (rows == 0) continue;
    std::string file = "node_" + std::string(to_string(kind)) + ".csv";
    copy += copy_statement(std::string(to_string(kind)), file, columns, "");
    sink(file, [&](std::ostream& out) {
      for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << detail::csv_field(columns[i].first);
      out << '\n';
      std::string line;
      for (VertexId v : s.entities) {
        if (graph.kind(v) != kind) continue;
        const Entity& e = graph.entity(v);
        line = detail::csv_field(e.id) + ',' + detail::csv_field(e.name, true) + ',' +
               detail::csv_field(list_cell(e.aliases), true);
        for (std::size_t i = 3; i < columns.size(); ++i) {
          line += ',';
          if (const std::string* json = detail::find_value(e.attributes, columns[i].first))
            line += cell(*json, columns[i].second);
        }
        out << line << '\n';
      }
    });
  }
  for (RelationType type : kAllRelationTypes) {
    // The kind pairs present, in kind order; every allowed pair when the type has no relation.
    std::vector<std::pair<Kind, Kind>> pairs;
    for (RelationId r : s.relations) {
      const Relation& relation = graph.relation(r);
      if (relation.type != type) continue;
      std::pair<Kind, Kind> pair{graph.kind(relation.from), graph.kind(relation.to)};
      if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
    }
    bool present = !pairs.empty();
    if (!present) {
      Endpoints allowed = allowed_endpoints(type);
      for (Kind a : kAllKinds) {
        for (Kind b : kAllKinds) {
          if ((allowed.from & bit(a)) && (allowed.to & bit(b))) pairs.emplace_back(a, b);
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::pair<std::string, ColumnType>> columns = {{"from", ColumnType::string},
                                                               {"to", ColumnType::string}};
    for (const detail::Column& c : detail::relation_columns(s, bit(type))) columns.emplace_back(c.key, c.type);
    schema += "CREATE REL TABLE " + q(to_string(type)) + "(";
    for (const auto& [a, b] : pairs) schema += "FROM " + q(to_string(a)) + " TO " + q(to_string(b)) + ", ";
    for (std::size_t i = 2; i < columns.size(); ++i)
      schema += q(columns[i].first) + " " + kuzu_type(columns[i].second) + ", ";
    schema += "MANY_MANY);\n";
    if (!present) continue;
    for (const auto& pair : pairs) {
      const Kind a = pair.first, b = pair.second;  // not a structured binding: the lambda below captures them (clang 14)
      std::string file = "rel_" + std::string(to_string(type)) + "_" + std::string(to_string(a)) + "_" +
                         std::string(to_string(b)) + ".csv";
      std::string options =
          pairs.size() > 1 ? " (from='" + std::string(to_string(a)) + "', to='" + std::string(to_string(b)) + "')" : "";
      copy += copy_statement(std::string(to_string(type)), file, columns, options);
      sink(file, [&](std::ostream& out) {
        for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << detail::csv_field(columns[i].first);
        out << '\n';
        std::string line;
        for (RelationId r : s.relations) {
          const Relation& relation = graph.relation(r);
          if (relation.type != type || graph.kind(relation.from) != a || graph.kind(relation.to) != b) continue;
          line =
              detail::csv_field(graph.entity(relation.from).id) + ',' + detail::csv_field(graph.entity(relation.to).id);
          for (std::size_t i = 2; i < columns.size(); ++i) {
            line += ',';
            if (const std::string* json = detail::find_value(relation.attributes, columns[i].first))
              line += cell(*json, columns[i].second);
          }
          out << line << '\n';
        }
      });
    }
  }
  sink("schema.cypher", [&](std::ostream& out) { out << schema; });
  sink("copy.cypher", [&](std::ostream& out) { out << copy; });
  sink("README.md", [&](std::ostream& out) {
    out << "# hallyu export for Kuzu\n\nWritten by `hallyu export --format kuzu`: " << s.entities.size() << " nodes, "
        << s.relations.size()
        << " relationships.\n`schema.cypher` creates a node table per kind and a rel table per relation type; "
           "`copy.cypher` "
           "loads the CSV files\n(lists are joined by U+241F and split again by COPY; U+241E is the empty list). Run "
           "both, "
           "one statement per line,\nfrom this folder (COPY reads paths relative to the working directory), e.g. with "
           "Python's kuzu package:\n\n```\npython3 -c \"import kuzu; c = "
           "kuzu.Connection(kuzu.Database('hallyu.kuzu'))\n"
           "for f in ('schema.cypher', 'copy.cypher'):\n    for s in open(f, encoding='utf-8'):\n        s.strip() and "
           "c.execute(s)\"\n```\n";
  });
}

}  // namespace hallyu::format
