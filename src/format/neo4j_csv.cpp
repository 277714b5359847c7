// Neo4j admin-import CSV export: a node file per kind and a relationship file per type, typed headers.
#include "hallyu/format/neo4j_csv.hpp"

#include "export_detail.hpp"

namespace hallyu::format {
namespace {

using detail::ColumnType;

std::string header(const detail::Column& c) {
  switch (c.type) {
    case ColumnType::integer:
      return c.key + ":long";
    case ColumnType::real:
      return c.key + ":double";
    case ColumnType::boolean:
      return c.key + ":boolean";
    case ColumnType::strings:
      return c.key + ":string[]";
    default:
      return c.key;
  }
}

std::string joined(const std::vector<std::string>& items) { return detail::list_cell(items); }

std::string cell(const std::string& json, ColumnType type) { return detail::csv_cell(json, type); }

void write_row_attributes(std::string& line, const Attributes& attributes, const std::vector<detail::Column>& columns) {
  for (const detail::Column& c : columns) {
    line += ',';
    if (const std::string* json = detail::find_value(attributes, c.key)) line += cell(*json, c.type);
  }
}

std::string quote_key(const std::string& key) {
  // A header cell with a comma or quote is quoted like any other field.
  return detail::csv_field(key);
}

}  // namespace

void write_neo4j_csv(const ExportSelection& s, const FileSink& sink) {
  const Graph& graph = *s.graph;
  for (Kind kind : kAllKinds) {
    std::vector<detail::Column> columns = detail::entity_columns(s, bit(kind));
    bool any = false;
    for (VertexId v : s.entities) any = any || graph.kind(v) == kind;
    if (!any) continue;
    sink("nodes_" + std::string(to_string(kind)) + ".csv", [&](std::ostream& out) {
      out << "id:ID,name,aliases:string[]";
      for (const detail::Column& c : columns) out << ',' << quote_key(header(c));
      out << ",:LABEL\n";
      std::string line;
      for (VertexId v : s.entities) {
        if (graph.kind(v) != kind) continue;
        const Entity& e = graph.entity(v);
        line = detail::csv_field(e.id) + ',' + detail::csv_field(e.name, true) + ',' +
               detail::csv_field(joined(e.aliases));
        write_row_attributes(line, e.attributes, columns);
        line += ',';
        line += to_string(kind);
        out << line << '\n';
      }
    });
  }
  for (RelationType type : kAllRelationTypes) {
    bool any = false;
    for (RelationId r : s.relations) any = any || graph.relation(r).type == type;
    if (!any) continue;
    std::vector<detail::Column> columns = detail::relation_columns(s, bit(type));
    sink("relations_" + std::string(to_string(type)) + ".csv", [&](std::ostream& out) {
      out << ":START_ID,:END_ID";
      for (const detail::Column& c : columns) out << ',' << quote_key(header(c));
      out << ",:TYPE\n";
      std::string line;
      for (RelationId r : s.relations) {
        const Relation& relation = graph.relation(r);
        if (relation.type != type) continue;
        line =
            detail::csv_field(graph.entity(relation.from).id) + ',' + detail::csv_field(graph.entity(relation.to).id);
        write_row_attributes(line, relation.attributes, columns);
        line += ',';
        line += to_string(type);
        out << line << '\n';
      }
    });
  }
  sink("README.md", [&](std::ostream& out) {
    out << "# hallyu export for Neo4j (admin import)\n\n"
        << "Written by `hallyu export --format neo4j`: " << s.entities.size() << " nodes, " << s.relations.size()
        << " relationships.\nOne node file per kind (label = kind, `id` is the ID and a property), one relationship "
           "file per type.\nLists (aliases, several sources) are joined by U+241F; objects and mixed-type values are "
           "JSON text.\n\nStop the database, then from this folder (Neo4j 5):\n\n```\n"
        << neo4j_import_command(s) << "\n```\n\nThen start Neo4j and, for fast lookups by id:\n\n```\n";
    for (Kind kind : kAllKinds) {
      out << "CREATE INDEX " << to_string(kind)
          << "_id IF NOT EXISTS FOR (n:" << (kind == Kind::group ? "`group`" : std::string(to_string(kind)))
          << ") ON (n.id);\n";
    }
    out << "```\n";
  });
}

std::string neo4j_import_command(const ExportSelection& s) {
  const Graph& graph = *s.graph;
  std::string command = "neo4j-admin database import full --overwrite-destination --array-delimiter=\"U+241F\"";
  for (Kind kind : kAllKinds) {
    for (VertexId v : s.entities) {
      if (graph.kind(v) == kind) {
        command += " \\\n  --nodes=nodes_" + std::string(to_string(kind)) + ".csv";
        break;
      }
    }
  }
  for (RelationType type : kAllRelationTypes) {
    for (RelationId r : s.relations) {
      if (graph.relation(r).type == type) {
        command += " \\\n  --relationships=relations_" + std::string(to_string(type)) + ".csv";
        break;
      }
    }
  }
  return command + " \\\n  neo4j";
}

}  // namespace hallyu::format
