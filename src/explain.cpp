// Relations in words for every front end; names and attribute text pass through text::printable.
#include "hallyu/explain.hpp"

#include "hallyu/text.hpp"

namespace hallyu {
namespace {

std::string quoted_title(const std::string& title) { return "'" + title + "'"; }

// An OST is named by its song title in quotes; everything else by its name.
std::string mention(const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  return e.kind == Kind::ost ? quoted_title(e.name) : e.name;
}

// ", an OST of A and B" for an OST vertex; empty when the dataset does not say.
std::string ost_context(const Graph& graph, VertexId ost) {
  std::string dramas;
  for (Graph::Arc arc : graph.arcs(ost)) {
    const Relation& rel = graph.relation(arc.relation);
    if (rel.type != RelationType::ost_of || rel.from != ost) continue;
    dramas += (dramas.empty() ? "" : " and ") + graph.entity(rel.to).name;
  }
  return dramas.empty() ? "" : ", an OST of " + dramas;
}

}  // namespace

std::string relation_verb(const Graph& graph, RelationId r) {
  const Relation& rel = graph.relation(r);
  switch (rel.type) {
    case RelationType::member_of: {
      auto status = attribute_text(rel.attributes, "status");
      return status && *status == "former" ? "was a member of" : "is a member of";
    }
    case RelationType::acted_in: {
      auto billing = attribute_text(rel.attributes, "billing");
      if (billing && *billing == "lead") return "starred in";
      if (billing && *billing == "cameo") return "made a cameo in";
      return "acted in";
    }
    case RelationType::performed: return "performed";
    case RelationType::ost_of: return "is an OST of";
    case RelationType::signed_to:
      return attribute_text(rel.attributes, "until") ? "was signed to" : "is signed to";
    case RelationType::aired_on: return "aired on";
    case RelationType::collaborated_with: return "collaborated with";
  }
  return "is related to";
}

std::string relation_inverse_verb(RelationType type) {
  switch (type) {
    case RelationType::member_of: return "has member";
    case RelationType::acted_in: return "cast";
    case RelationType::performed: return "performed by";
    case RelationType::ost_of: return "soundtrack";
    case RelationType::signed_to: return "represents";
    case RelationType::aired_on: return "aired";
    case RelationType::collaborated_with: return "collaborated with";
  }
  return "related to";
}

std::string relation_details(const Graph& graph, RelationId r) {
  const Relation& rel = graph.relation(r);
  std::string out;
  auto year = attribute_text(rel.attributes, "year");
  if (!year && (rel.type == RelationType::acted_in || rel.type == RelationType::aired_on)) {
    VertexId drama = rel.type == RelationType::acted_in ? rel.to : rel.from;
    year = attribute_text(graph.entity(drama).attributes, "year");
  }
  if (rel.type == RelationType::member_of || rel.type == RelationType::signed_to) {
    auto years = attribute_text(rel.attributes, "years");
    auto since = attribute_text(rel.attributes, "since");
    auto until = attribute_text(rel.attributes, "until");
    if (years) {
      out += " (" + *years + ")";
    } else if (since && until) {
      out += " (" + *since + "-" + *until + ")";
    } else if (since) {
      out += " (since " + *since + ")";
    } else if (until) {
      out += " (until " + *until + ")";
    }
  } else if (year) {
    out += " (" + *year + ")";
  }
  if (rel.type == RelationType::acted_in) {
    if (auto role = attribute_text(rel.attributes, "role")) out += " as " + *role;
  }
  if (rel.type == RelationType::collaborated_with) {
    if (auto work = attribute_text(rel.attributes, "work")) out += " on " + quoted_title(*work);
  }
  return text::printable(out);  // attribute text may hold ESC, CR, bidi overrides: never raw to a terminal
}

std::string describe_relation(const Graph& graph, RelationId r) {
  const Relation& rel = graph.relation(r);
  std::string out = mention(graph, rel.from) + " " + relation_verb(graph, r) + " " + mention(graph, rel.to);
  out += relation_details(graph, r);
  if (rel.type == RelationType::performed) out += ost_context(graph, rel.to);
  return text::printable(out);
}

}  // namespace hallyu
