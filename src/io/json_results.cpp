#include "hallyu/io/json_results.hpp"

#include <algorithm>

#include "hallyu/algo/components.hpp"

namespace hallyu::io {
namespace {

void refs(JsonWriter& out, const Graph& g, const std::vector<VertexId>& vs) {
  out.start_array();
  for (VertexId v : vs) out.entity_ref(g, v);
  out.end_array();
}

void tallies(JsonWriter& out, const Graph& graph, const std::vector<algo::Tally>& list, std::size_t limit) {
  out.start_array();
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) {
    const Entity& e = graph.entity(list[i].vertex);
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("count"), out.integer(static_cast<long long>(list[i].count));
    out.end_object();
  }
  out.end_array();
}

template <typename Row, typename Fields>
void section(JsonWriter& out, const char* key, const std::vector<Row>& rows, std::size_t top, Fields fields) {
  out.key(key), out.start_array();
  for (std::size_t i = 0; i < rows.size() && (top == 0 || i < top); ++i) {
    out.start_object();
    fields(rows[i]);
    out.key("text"), out.string(rows[i].text);
    out.end_object();
  }
  out.end_array();
}

}  // namespace

void write_stats(JsonWriter& out, const Graph& graph) {
  std::array<std::size_t, kKindCount> by_kind{};
  std::array<std::size_t, kRelationTypeCount> by_type{};
  for (const Entity& e : graph.entities()) ++by_kind[static_cast<std::size_t>(e.kind)];
  for (const Relation& r : graph.relations()) ++by_type[static_cast<std::size_t>(r.type)];
  algo::Components components = algo::connected_components(graph);
  out.start_object();
  out.key("entities"), out.integer(static_cast<long long>(graph.entity_count()));
  out.key("relations"), out.integer(static_cast<long long>(graph.relation_count()));
  out.key("by_kind"), out.start_object();
  for (Kind k : kAllKinds) out.key(to_string(k)), out.integer(static_cast<long long>(by_kind[static_cast<std::size_t>(k)]));
  out.end_object();
  out.key("by_type"), out.start_object();
  for (RelationType t : kAllRelationTypes) out.key(to_string(t)), out.integer(static_cast<long long>(by_type[static_cast<std::size_t>(t)]));
  out.end_object();
  out.key("components"), out.integer(static_cast<long long>(components.sizes.size()));
  out.key("largest_component"), out.integer(static_cast<long long>(components.sizes.empty() ? 0 : components.sizes.front()));
  out.key("sources"), out.start_array();
  for (const std::string& s : graph.sources()) out.string(s);
  out.end_array();
  out.end_object();
}

std::vector<RelationId> ordered_relations(const Graph& graph, VertexId v) {
  std::vector<RelationId> rels;
  for (Graph::Arc arc : graph.arcs(v)) rels.push_back(arc.relation);
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  auto year = [&](RelationId r) {
    const Relation& rel = graph.relation(r);
    if (auto y = attribute_integer(rel.attributes, "year")) return *y;
    VertexId other = rel.from == v ? rel.to : rel.from;
    return attribute_integer(graph.entity(other).attributes, "year").value_or(0);
  };
  // By type, outgoing first, newest first, then by the other end's name.
  std::stable_sort(rels.begin(), rels.end(), [&](RelationId a, RelationId b) {
    const Relation& x = graph.relation(a);
    const Relation& y = graph.relation(b);
    bool x_out = x.from == v, y_out = y.from == v;
    if (x.type != y.type) return x.type < y.type;
    if (x_out != y_out) return x_out;
    if (year(a) != year(b)) return year(a) > year(b);
    return graph.entity(x_out ? x.to : x.from).name < graph.entity(y_out ? y.to : y.from).name;
  });
  return rels;
}

void write_entity_detail(JsonWriter& out, const Graph& graph, VertexId v) {
  const Entity& e = graph.entity(v);
  std::vector<RelationId> rels = ordered_relations(graph, v);
  out.start_object();
  out.key("id"), out.string(e.id);
  out.key("name"), out.string(e.name);
  out.key("kind"), out.string(to_string(e.kind));
  out.key("aliases"), out.start_array();
  for (const auto& alias : e.aliases) out.string(alias);
  out.end_array();
  out.key("attributes"), out.attributes(e.attributes);
  out.key("degree"), out.integer(static_cast<long long>(rels.size()));
  out.key("relations"), out.start_array();
  for (RelationId r : rels) out.relation(graph, r);
  out.end_array();
  out.end_object();
}

std::string_view match_name(int rank) {
  switch (rank) {
    case 0: return "id";
    case 1: return "exact";
    case 2: return "exact-ignoring-punctuation";
    case 3: return "prefix";
    case 4: return "word-prefix";
    case 5: return "substring";
    case 6: return "hangul-initials";
    default: return "similar";
  }
}

void write_search(JsonWriter& out, const Graph& graph, std::string_view query, const std::vector<SearchHit>& hits) {
  out.start_object();
  out.key("query"), out.string(query);
  out.key("results"), out.start_array();
  for (const SearchHit& hit : hits) {
    const Entity& e = graph.entity(hit.vertex);
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("matched"), out.string(hit.matched);
    out.key("match"), out.string(match_name(hit.rank));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_neighbors(JsonWriter& out, const Graph& graph, const algo::EgoNetwork& ego, unsigned radius, KindSet listed) {
  out.start_object();
  out.key("center"), out.entity_ref(graph, ego.center);
  out.key("radius"), out.integer(radius);
  out.key("truncated"), out.boolean(ego.truncated);
  out.key("nodes"), out.start_array();
  for (std::size_t i = 1; i < ego.vertices.size(); ++i) {
    if (!(listed & bit(graph.kind(ego.vertices[i])))) continue;
    const Entity& e = graph.entity(ego.vertices[i]);
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("distance"), out.integer(ego.distances[i]);
    out.key("via"), out.relation(graph, ego.via[i]);
    out.end_object();
  }
  out.end_array();
  out.key("relations"), out.start_array();
  for (RelationId r : ego.relations) {
    const Relation& rel = graph.relation(r);
    out.start_object();
    out.key("from"), out.string(graph.entity(rel.from).id);
    out.key("to"), out.string(graph.entity(rel.to).id);
    out.key("type"), out.string(to_string(rel.type));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_paths(JsonWriter& out, const Graph& graph, VertexId from, VertexId to, const std::vector<algo::Path>& paths,
                 std::optional<std::uint64_t> total) {
  out.start_object();
  out.key("from"), out.string(graph.entity(from).id);
  out.key("to"), out.string(graph.entity(to).id);
  if (total) out.key("total"), out.integer(static_cast<long long>(std::min<std::uint64_t>(*total, INT64_MAX)));
  out.key("paths"), out.start_array();
  for (const auto& path : paths) {
    out.start_object();
    out.key("length"), out.integer(static_cast<long long>(path.length()));
    out.key("nodes"), out.start_array();
    for (VertexId v : path.vertices) out.entity_ref(graph, v);
    out.end_array();
    out.key("edges"), out.start_array();
    for (RelationId r : path.relations) out.relation(graph, r);
    out.end_array();
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

std::vector<std::uint32_t> ranked(const Graph& graph, const algo::SimpleGraph& simple, const std::vector<double>& scores,
                                  KindSet kinds, std::size_t top) {
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < simple.size(); ++i) {
    if (kinds & bit(graph.kind(simple.original(i)))) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return graph.entity(simple.original(a)).id < graph.entity(simple.original(b)).id;
  });
  if (top != 0 && order.size() > top) order.resize(top);
  return order;
}

void write_centrality(JsonWriter& out, const Graph& graph, const algo::SimpleGraph& simple, std::string_view metric,
                      const std::vector<double>& scores, const std::vector<std::uint32_t>& listed,
                      const std::optional<ApproximationInfo>& approximate) {
  out.start_object();
  out.key("metric"), out.string(metric);
  out.key("entities"), out.integer(simple.size());
  out.key("relations"), out.integer(static_cast<long long>(simple.edge_count()));
  if (approximate) {
    out.key("approximate"), out.start_object();
    out.key("epsilon"), out.number(approximate->epsilon);
    out.key("delta"), out.number(approximate->delta);
    out.key("samples"), out.integer(static_cast<long long>(approximate->samples));
    out.key("seed"), out.integer(static_cast<long long>(approximate->seed));
    out.end_object();
  }
  out.key("scores"), out.start_array();
  for (std::uint32_t i : listed) {
    const Entity& e = graph.entity(simple.original(i));
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("score"), out.number(scores[i]);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_clusters(JsonWriter& out, const Graph& graph, const ClusterSummary& summary,
                    const std::vector<const algo::ClusterProfile*>& clusters, std::size_t central) {
  out.start_object();
  out.key("method"), out.string(summary.method);
  out.key("modularity");
  if (summary.modularity) {
    out.number(*summary.modularity);
  } else {
    out.raw().Null();
  }
  if (summary.k) out.key("k"), out.integer(*summary.k);
  out.key("seed"), out.integer(static_cast<long long>(summary.seed));
  out.key("total_clusters"), out.integer(summary.total);
  out.key("clusters"), out.start_array();
  for (const algo::ClusterProfile* p : clusters) {
    out.start_object();
    out.key("id"), out.integer(p->community);
    out.key("size"), out.integer(static_cast<long long>(p->members.size()));
    out.key("members"), out.start_array();
    for (VertexId v : p->members) out.string(graph.entity(v).id);
    out.end_array();
    out.key("central"), out.start_array();
    for (std::size_t m = 0; m < p->members.size() && m < central; ++m) out.entity_ref(graph, p->members[m]);
    out.end_array();
    out.key("kinds"), out.start_object();
    for (Kind kind : kAllKinds) {
      std::size_t count = p->kinds[static_cast<std::size_t>(kind)];
      if (count) out.key(to_string(kind)), out.integer(static_cast<long long>(count));
    }
    out.end_object();
    out.key("agencies"), tallies(out, graph, p->agencies, 5);
    out.key("networks"), tallies(out, graph, p->networks, 5);
    if (p->first_year) {
      out.key("years"), out.start_object();
      out.key("first"), out.integer(*p->first_year);
      out.key("last"), out.integer(*p->last_year);
      out.key("median"), out.integer(*p->median_year);
      out.end_object();
    }
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_crossovers(JsonWriter& out, const Graph& g, const algo::Crossovers& found, const std::set<std::string>& wanted,
                      std::size_t top) {
  auto wants = [&](const std::string& p) { return wanted.empty() || wanted.count(p) > 0; };
  out.start_object();
  if (wants("idol-actors")) {
    section(out, "idol_actors", found.idol_actors, top, [&](const algo::IdolActor& r) {
      out.key("idol"), out.entity_ref(g, r.idol);
      out.key("credits"), out.integer(static_cast<long long>(r.dramas.size()));
      out.key("dramas"), refs(out, g, r.dramas);
    });
  }
  if (wants("self-osts")) {
    section(out, "self_osts", found.self_osts, top, [&](const algo::SelfOst& r) {
      out.key("performer"), out.entity_ref(g, r.performer);
      out.key("ost"), out.entity_ref(g, r.ost);
      out.key("drama"), out.entity_ref(g, r.drama);
    });
  }
  if (wants("group-synergy")) {
    section(out, "group_synergy", found.group_synergy, top, [&](const algo::GroupSynergy& r) {
      out.key("group"), out.entity_ref(g, r.group);
      out.key("ost"), out.entity_ref(g, r.ost);
      out.key("drama"), out.entity_ref(g, r.drama);
      out.key("members"), refs(out, g, r.members);
    });
  }
  if (wants("co-starring")) {
    section(out, "co_starring", found.co_starring, top, [&](const algo::CoStarring& r) {
      out.key("group"), out.entity_ref(g, r.group);
      out.key("drama"), out.entity_ref(g, r.drama);
      out.key("members"), refs(out, g, r.members);
    });
  }
  if (wants("agency-pipelines")) {
    section(out, "agency_pipelines", found.agency_dramas, top, [&](const algo::AgencyDrama& r) {
      out.key("agency"), out.entity_ref(g, r.agency);
      out.key("drama"), out.entity_ref(g, r.drama);
      out.key("artists"), refs(out, g, r.artists);
      out.key("count"), out.integer(static_cast<long long>(r.artists.size()));
      out.key("involved"), out.integer(static_cast<long long>(r.involved));
      out.key("share"), out.number(r.share);
    });
  }
  if (wants("agency-networks")) {
    section(out, "agency_networks", found.agency_networks, top, [&](const algo::AgencyNetwork& r) {
      out.key("agency"), out.entity_ref(g, r.agency);
      out.key("network"), out.entity_ref(g, r.network);
      out.key("count"), out.integer(static_cast<long long>(r.credits));
      out.key("total"), out.integer(static_cast<long long>(r.total_credits));
      out.key("share"), out.number(r.share);
    });
  }
  if (wants("ost-specialists")) {
    section(out, "ost_specialists", found.ost_specialists, top, [&](const algo::OstSpecialist& r) {
      out.key("singer"), out.entity_ref(g, r.singer);
      out.key("osts"), out.integer(static_cast<long long>(r.osts));
      out.key("dramas"), refs(out, g, r.dramas);
    });
  }
  out.end_object();
}

}  // namespace hallyu::io
