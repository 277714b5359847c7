// The JSON shape of every operation's result, shared by the CLI's --json and the API.
#include "hallyu/format/json_results.hpp"

#include <algorithm>

#include "hallyu/explain.hpp"
#include "hallyu/text.hpp"

namespace hallyu::format {
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

// {"length","nodes":[{"id","name","kind"}],"edges":[relation]}: a path as `path --json` and the views show it.
void write_path(JsonWriter& out, const Graph& graph, const algo::Path& path) {
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

}  // namespace

void write_json(JsonWriter& out, const Graph& graph, const query::StatsResult& result) {
  out.start_object();
  out.key("entities"), out.integer(static_cast<long long>(result.entities));
  out.key("relations"), out.integer(static_cast<long long>(result.relations));
  out.key("by_kind"), out.start_object();
  for (Kind k : kAllKinds)
    out.key(to_string(k)), out.integer(static_cast<long long>(result.by_kind[static_cast<std::size_t>(k)]));
  out.end_object();
  out.key("by_type"), out.start_object();
  for (RelationType t : kAllRelationTypes)
    out.key(to_string(t)), out.integer(static_cast<long long>(result.by_type[static_cast<std::size_t>(t)]));
  out.end_object();
  out.key("components"), out.integer(static_cast<long long>(result.components));
  out.key("largest_component"), out.integer(static_cast<long long>(result.largest_component));
  out.key("sources"), out.start_array();
  for (const std::string& source : result.sources) out.string(source);
  out.end_array();
  if (result.by_year_requested) {
    auto per_network = [&](const std::vector<std::pair<VertexId, std::size_t>>& counts) {
      out.start_array();
      for (const auto& [network, count] : counts) {
        out.start_object();
        out.key("id"), out.string(graph.entity(network).id);
        out.key("name"), out.string(graph.entity(network).name);
        out.key("dramas"), out.integer(static_cast<long long>(count));
        out.end_object();
      }
      out.end_array();
    };
    out.key("by_year"), out.start_array();
    for (const query::YearCounts& y : result.by_year) {
      out.start_object();
      out.key("year"), out.integer(y.year);
      out.key("dramas"), out.integer(static_cast<long long>(y.dramas));
      out.key("osts"), out.integer(static_cast<long long>(y.osts));
      out.key("idol_castings"), out.integer(static_cast<long long>(y.idol_castings));
      out.key("actor_castings"), out.integer(static_cast<long long>(y.actor_castings));
      out.key("networks"), per_network(y.networks);
      out.end_object();
    }
    out.end_array();
    out.key("networks"), per_network(result.networks);
  }
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::ShowResult& result) {
  const Entity& e = graph.entity(result.entity);
  const std::vector<RelationId>& rels = result.relations;
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

void write_json(JsonWriter& out, const Graph& graph, const query::SearchResult& result) {
  out.start_object();
  out.key("query"), out.string(result.query);
  out.key("results"), out.start_array();
  for (const SearchHit& hit : result.hits) {
    const Entity& e = graph.entity(hit.vertex);
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("matched"), out.string(hit.matched);
    out.key("match"), out.string(NameIndex::match_kind(hit.rank));
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::NeighborsResult& result) {
  const algo::EgoNetwork& ego = result.ego;
  out.start_object();
  out.key("center"), out.entity_ref(graph, ego.center);
  out.key("radius"), out.integer(result.radius);
  out.key("truncated"), out.boolean(ego.truncated);
  out.key("nodes"), out.start_array();
  for (std::size_t i : result.shown) {
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

void write_json(JsonWriter& out, const Graph& graph, const query::PathResult& result) {
  out.start_object();
  out.key("from"), out.string(graph.entity(result.from).id);
  out.key("to"), out.string(graph.entity(result.to).id);
  if (result.total)
    out.key("total"), out.integer(static_cast<long long>(std::min<std::uint64_t>(*result.total, INT64_MAX)));
  out.key("paths"), out.start_array();
  for (const auto& path : result.paths) write_path(out, graph, path);
  out.end_array();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::ViewResult& result) {
  const render::Diagram& d = result.diagram;
  std::vector<bool> highlighted(graph.entity_count(), false);
  for (VertexId v : d.highlighted_vertices) highlighted[v] = true;
  out.start_object();
  out.key("title"), out.string(d.title);
  out.key("nodes"), out.start_array();
  for (std::size_t i = 0; i < d.vertices.size(); ++i) {
    const Entity& e = graph.entity(d.vertices[i]);
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("highlighted"), out.boolean(highlighted[d.vertices[i]]);
    if (i < result.cluster.size()) {
      out.key("cluster");
      if (result.cluster[i] == algo::kNoCommunity)
        out.null();
      else
        out.integer(result.cluster[i]);
    }
    if (i < result.score.size()) out.key("score"), out.number(result.score[i]);
    out.end_object();
  }
  out.end_array();
  std::vector<RelationId> emphasised = d.highlighted_relations;
  std::sort(emphasised.begin(), emphasised.end());
  out.key("edges"), out.start_array();
  for (RelationId r : d.relations) {
    const Relation& rel = graph.relation(r);
    out.start_object();
    out.key("from"), out.string(graph.entity(rel.from).id);
    out.key("to"), out.string(graph.entity(rel.to).id);
    out.key("type"), out.string(to_string(rel.type));
    out.key("attributes"), out.attributes(rel.attributes);
    out.key("text"), out.string(describe_relation(graph, r));
    out.key("highlighted"), out.boolean(std::binary_search(emphasised.begin(), emphasised.end(), r));
    out.end_object();
  }
  out.end_array();
  out.key("paths"), out.start_array();
  for (const auto& path : result.paths) write_path(out, graph, path);
  out.end_array();
  if (!result.request.color_by.empty()) out.key("color_by"), out.string(result.request.color_by);
  if (!result.request.size_by.empty()) out.key("size_by"), out.string(result.request.size_by);
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::CentralityResult& result) {
  const algo::SimpleGraph& simple = result.simple;
  out.start_object();
  out.key("metric"), out.string(algo::to_string(result.metric));
  out.key("entities"), out.integer(simple.size());
  out.key("relations"), out.integer(static_cast<long long>(simple.edge_count()));
  if (result.samples) {
    out.key("approximate"), out.start_object();
    out.key("epsilon"), out.number(result.request.approx);
    out.key("delta"), out.number(result.request.delta);
    out.key("samples"), out.integer(static_cast<long long>(*result.samples));
    out.key("seed"), out.integer(static_cast<long long>(result.request.seed));
    out.end_object();
  }
  out.key("scores"), out.start_array();
  for (std::uint32_t i : result.listed) {
    const Entity& e = graph.entity(simple.original(i));
    out.start_object();
    out.key("id"), out.string(e.id);
    out.key("name"), out.string(e.name);
    out.key("kind"), out.string(to_string(e.kind));
    out.key("score"), out.number(result.scores[i]);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::ClustersResult& result) {
  const algo::Clustering& clustering = result.clustering;
  const std::size_t central = result.request.central;
  out.start_object();
  out.key("method"), out.string(algo::to_string(result.method));
  out.key("modularity");
  if (clustering.modularity) {
    out.number(*clustering.modularity);
  } else {
    out.raw().Null();
  }
  if (clustering.k) out.key("k"), out.integer(*clustering.k);
  out.key("seed"), out.integer(static_cast<long long>(result.request.seed));
  out.key("total_clusters"), out.integer(clustering.partition.count);
  out.key("clusters"), out.start_array();
  for (std::size_t index : result.shown) {
    const algo::ClusterProfile* p = &result.profiles[index];
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

void write_json(JsonWriter& out, const Graph& g, const query::CrossoversResult& result) {
  const algo::Crossovers& found = result.found;
  const std::size_t top = result.top;
  auto wants = [&](const std::string& p) { return result.wants(p); };
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
      out.key("artists"), out.integer(static_cast<long long>(r.artists));
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

void write_json(JsonWriter& out, const query::CheckResult& result) {
  out.start_object();
  out.key("sources"), out.start_array();
  for (const std::string& s : result.sources) out.string(s);
  out.end_array();
  out.key("entities"), out.integer(static_cast<long long>(result.entities));
  out.key("relations"), out.integer(static_cast<long long>(result.relations));
  out.key("warnings"), out.start_array();
  for (const query::CheckWarning& w : result.warnings) {
    out.start_object();
    out.key("check"), out.string(w.check);
    out.key("place"), out.string(w.place);
    out.key("message"), out.string(w.message);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& g, const query::TimelineResult& result) {
  out.start_object();
  out.key("entity"), out.entity_ref(g, result.entity);
  out.key("events"), out.start_array();
  for (const query::TimelineEvent& e : result.events) {
    out.start_object();
    out.key("year");
    if (e.year) {
      out.integer(*e.year);
    } else {
      out.null();
    }
    out.key("event"), out.string(query::to_string(e.what));
    out.key("text"), out.string(e.text);
    if (e.relation) out.key("relation"), out.relation(g, *e.relation);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph& graph, const query::DegreesResult& result) {
  const algo::DistanceSummary& summary = result.summary;
  out.start_object();
  out.key("from"), out.entity_ref(graph, summary.center);
  out.key("distances"), out.start_array();
  for (const auto& [d, c] : summary.counts) {
    out.start_object();
    out.key("distance"), out.integer(d);
    out.key("count"), out.integer(static_cast<long long>(c));
    out.end_object();
  }
  out.end_array();
  out.key("reachable"), out.integer(static_cast<long long>(summary.reachable));
  out.key("unreachable"), out.integer(static_cast<long long>(summary.unreachable));
  out.key("excluded"), out.integer(static_cast<long long>(summary.excluded));
  out.key("average_distance"), out.number(summary.average_distance);
  out.key("farthest"), out.start_object();
  out.key("distance"), out.integer(summary.max_distance);
  out.key("count"), out.integer(static_cast<long long>(summary.farthest.size()));
  out.key("entities"), out.start_array();
  for (std::size_t i = 0; i < summary.farthest.size() && i < result.farthest; ++i)
    out.entity_ref(graph, summary.farthest[i]);
  out.end_array();
  out.end_object();
  out.end_object();
}

void write_json(JsonWriter& out, const Graph&, const query::RenderResult& result, std::string_view file) {
  out.start_object();
  if (!file.empty()) out.key("file"), out.string(file);
  out.key("format"), out.string(render::to_string(result.format));
  out.key("layout"), out.string(result.layout);
  out.key("entities"), out.integer(static_cast<long long>(result.diagram.vertices.size()));
  out.key("relations"), out.integer(static_cast<long long>(result.diagram.relations.size()));
  out.key("isolated_left_out"), out.integer(static_cast<long long>(result.diagram.dropped_isolated));
  if (!result.diagram.note.empty()) out.key("note"), out.string(result.diagram.note);
  out.key("bytes"), out.integer(static_cast<long long>(result.bytes.size()));
  out.end_object();
}

void write_error(JsonWriter& out, const Graph& graph, const std::string& message,
                 const std::vector<VertexId>& candidates) {
  out.start_object();
  out.key("error"), out.string(text::one_line(message, 500));
  if (!candidates.empty()) {
    out.key("candidates"), out.start_array();
    for (VertexId v : candidates) out.entity_ref(graph, v);
    out.end_array();
  }
  out.end_object();
}

}  // namespace hallyu::format
