// The diagrams people ask for, as Diagram values: ego, paths, clusters, expansions, the whole graph.
#include "hallyu/render/diagrams.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "hallyu/algo/ego_network.hpp"
#include "hallyu/error.hpp"

namespace hallyu::render {
namespace {

void refuse_if_too_big(std::size_t n, std::size_t max_nodes, const std::string& what) {
  if (max_nodes != 0 && n > max_nodes) {
    throw LimitError(what + " has " + std::to_string(n) + " entities, more than max_nodes " + std::to_string(max_nodes) +
                     " (unreadable as a drawing); draw a view that reads: an ego network (ego), a cluster (cluster), "
                     "the paths between two entities (from and to) or a career (career); or narrow it with filters "
                     "such as exclude_kinds agency,network, via acted_in or years; or pass force");
  }
}

std::string plural(Kind kind, std::size_t n) {
  std::string name(to_string(kind));
  if (n == 1) return "1 " + (kind == Kind::ost ? std::string("OST") : name);
  if (kind == Kind::ost) return std::to_string(n) + " OSTs";
  if (kind == Kind::agency) return std::to_string(n) + " agencies";
  return std::to_string(n) + " " + name + "s";
}

std::string join_names(const Graph& graph, const std::vector<VertexId>& vs, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < vs.size() && i < limit; ++i) out += (i ? ", " : "") + graph.entity(vs[i]).name;
  if (vs.size() > limit) out += " and " + std::to_string(vs.size() - limit) + " more";
  return out;
}

// Leaves (entities with one neighbour in the drawing) folded into that neighbour as a count, so a
// cluster's dozens of OSTs and one-drama actors stop crossing its core.
void fold_leaves(const Graph& graph, Diagram& d) {
  std::vector<std::vector<VertexId>> neighbours(graph.entity_count());
  for (RelationId r : d.relations) {
    const Relation& rel = graph.relation(r);
    neighbours[rel.from].push_back(rel.to);
    neighbours[rel.to].push_back(rel.from);
  }
  for (auto& list : neighbours) std::sort(list.begin(), list.end()), list.erase(std::unique(list.begin(), list.end()), list.end());
  std::vector<bool> keep_as_is(graph.entity_count(), false);
  for (VertexId v : d.highlighted_vertices) keep_as_is[v] = true;
  std::vector<bool> folded(graph.entity_count(), false);
  std::map<VertexId, std::map<Kind, std::size_t>> into;
  for (VertexId v : d.vertices) {
    if (neighbours[v].size() != 1 || keep_as_is[v]) continue;
    VertexId host = neighbours[v].front();
    if (neighbours[host].size() <= 1) continue;  // a pair on its own stays drawn
    folded[v] = true;
    ++into[host][graph.entity(v).kind];
  }
  // An OST of one drawn drama goes into that drama; its singers get a thin dashed line to the drama,
  // so "sang for this drama" still shows without a node per song.
  std::size_t songs = 0;
  std::set<std::pair<VertexId, VertexId>> sang;
  for (VertexId v : d.vertices) {
    if (folded[v] || keep_as_is[v] || graph.entity(v).kind != Kind::ost) continue;
    std::vector<VertexId> dramas, singers;
    for (RelationId r : d.relations) {
      const Relation& rel = graph.relation(r);
      if (rel.type == RelationType::ost_of && rel.from == v && !folded[rel.to]) dramas.push_back(rel.to);
      if (rel.type == RelationType::performed && rel.to == v && !folded[rel.from]) singers.push_back(rel.from);
    }
    std::sort(dramas.begin(), dramas.end());
    dramas.erase(std::unique(dramas.begin(), dramas.end()), dramas.end());
    if (dramas.size() != 1 || neighbours[v].size() != dramas.size() + singers.size()) continue;
    folded[v] = true;
    ++songs;
    ++into[dramas.front()][Kind::ost];
    for (VertexId singer : singers) sang.insert({singer, dramas.front()});
  }
  for (const auto& [singer, drama] : sang) {
    Diagram::Link link{singer, drama, 1, ""};
    link.weighted = false;
    link.color = 4;  // the OST colour family of the palette (orange)
    d.links.push_back(link);
  }
  if (into.empty()) return;
  std::size_t count = 0;
  auto kept = [&](VertexId v) { return !folded[v]; };
  std::vector<VertexId> vertices;
  for (VertexId v : d.vertices) {
    if (kept(v)) vertices.push_back(v);
    else ++count;
  }
  d.vertices = std::move(vertices);
  for (auto& box : d.boxes) box.vertices.erase(std::remove_if(box.vertices.begin(), box.vertices.end(), [&](VertexId v) { return folded[v]; }), box.vertices.end());
  d.relations.erase(std::remove_if(d.relations.begin(), d.relations.end(), [&](RelationId r) {
                      return folded[graph.relation(r).from] || folded[graph.relation(r).to];
                    }), d.relations.end());
  for (const auto& [host, kinds] : into) {
    std::string note;
    for (const auto& [kind, n] : kinds) note += (note.empty() ? "+" : ", +") + plural(kind, n);
    d.notes.emplace_back(host, note);
  }
  std::string what = std::to_string(count - songs) + " entities with a single tie folded into their neighbour (+N)";
  if (songs > 0) what += ", " + std::to_string(songs) + " OSTs into their drama (dashed: its singers)";
  d.note += std::string(d.note.empty() ? "" : "; ") + what;
}

}  // namespace

std::vector<RelationId> relations_among(const Graph& graph, const std::vector<VertexId>& vertices,
                                        const algo::TraversalFilter& filter) {
  std::vector<bool> in(graph.entity_count(), false);
  for (VertexId v : vertices) in[v] = true;
  std::vector<RelationId> out;
  for (VertexId v : vertices) {
    for (Graph::Arc arc : graph.arcs(v)) {
      if (in[arc.neighbor] && graph.relation(arc.relation).from == v && filter.allows_relation(graph, arc.relation)) {
        out.push_back(arc.relation);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Diagram ego_diagram(const Graph& graph, VertexId center, unsigned radius, const algo::TraversalFilter& filter,
                    std::size_t max_nodes) {
  auto ego = algo::ego_network(graph, center, radius, filter, max_nodes == 0 ? 0 : max_nodes + 1);
  if (ego.truncated) {
    refuse_if_too_big(max_nodes + 1, max_nodes, "the " + std::to_string(radius) + "-hop neighbourhood of " + graph.entity(center).name);
  }
  Diagram d;
  d.vertices = ego.vertices;
  d.relations = ego.relations;
  d.highlighted_vertices = {center};
  d.title = graph.entity(center).name + ": " + std::to_string(radius) + "-hop network";
  return d;
}

Diagram path_diagram(const Graph& graph, const std::vector<algo::Path>& paths, const algo::TraversalFilter& filter,
                     std::size_t context) {
  Diagram d;
  std::vector<bool> in(graph.entity_count(), false);
  auto add = [&](VertexId v) {
    if (!in[v]) in[v] = true, d.vertices.push_back(v);
  };
  // Each entity on the rank of its first hop along any path; the end entity last, after every path.
  std::map<VertexId, std::size_t> hop;
  std::size_t longest = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& p = paths[i];
    for (std::size_t j = 0; j < p.vertices.size(); ++j) {
      VertexId v = p.vertices[j];
      add(v), d.highlighted_vertices.push_back(v);
      auto [at, fresh] = hop.emplace(v, j);
      if (!fresh) at->second = std::min(at->second, j);
    }
    longest = std::max(longest, p.relations.size());
    d.highlighted_relations.insert(d.highlighted_relations.end(), p.relations.begin(), p.relations.end());
    std::vector<VertexId> middle(p.vertices.size() > 2 ? p.vertices.begin() + 1 : p.vertices.end(),
                                 p.vertices.size() > 2 ? p.vertices.end() - 1 : p.vertices.end());
    std::string label = "path " + std::to_string(i + 1) + " (" + std::to_string(p.relations.size()) +
                        (p.relations.size() == 1 ? " hop" : " hops") + (middle.empty() ? ")" : "): via " + join_names(graph, middle, 4));
    d.routes.push_back({label, p.relations});
  }
  if (!paths.empty() && paths.front().vertices.size() > 1) hop[paths.front().vertices.back()] = longest;
  // Better still, each entity one rank after the latest entity that precedes it on any path (the
  // longest-path layering of the paths' union), so every path steps strictly rightwards; possible
  // when no two paths visit entities in opposite orders.
  std::size_t rank_count = paths.empty() ? 0 : longest + 1;
  {
    std::map<VertexId, std::set<VertexId>> next;
    std::map<VertexId, std::size_t> waiting;
    for (VertexId v : d.vertices) waiting[v] = 0;
    for (const auto& p : paths) {
      for (std::size_t j = 1; j < p.vertices.size(); ++j) {
        if (next[p.vertices[j - 1]].insert(p.vertices[j]).second) ++waiting[p.vertices[j]];
      }
    }
    std::vector<VertexId> ready;
    for (const auto& [v, n] : waiting) {
      if (n == 0) ready.push_back(v);
    }
    std::map<VertexId, std::size_t> layer;
    std::size_t placed = 0, deepest = 0;
    while (!ready.empty()) {
      VertexId v = ready.back();
      ready.pop_back();
      ++placed;
      deepest = std::max(deepest, layer[v]);
      for (VertexId w : next[v]) {
        layer[w] = std::max(layer[w], layer[v] + 1);
        if (--waiting[w] == 0) ready.push_back(w);
      }
    }
    if (!paths.empty() && placed == d.vertices.size()) hop = std::move(layer), rank_count = deepest + 1;
  }
  d.ranks.resize(rank_count);
  for (VertexId v : d.vertices) d.ranks[hop[v]].vertices.push_back(v);
  std::vector<VertexId> on_path = d.vertices;
  for (VertexId v : on_path) {
    std::size_t added = 0;
    for (Graph::Arc arc : graph.arcs(v)) {
      if (added >= context) break;
      if (in[arc.neighbor] || !filter.allows(graph, arc)) continue;
      add(arc.neighbor);
      ++added;
    }
  }
  d.relations = relations_among(graph, d.vertices, filter);
  d.dim_others = true;
  d.left_to_right = true;
  if (!paths.empty()) {
    const auto& first = paths.front();
    std::size_t shortest = first.relations.size();
    std::string hops = std::to_string(shortest) + (longest != shortest ? "\u2013" + std::to_string(longest) : "") + (longest == 1 ? " hop" : " hops");
    d.title = graph.entity(first.vertices.front()).name + " to " + graph.entity(first.vertices.back()).name + ": " +
              (paths.size() > 1 ? "the " + std::to_string(paths.size()) + " shortest paths" : "the shortest path") + " (" +
              hops + ")";
  }
  return d;
}

Diagram cluster_diagram(const Graph& graph, std::vector<VertexId> members, const std::string& label,
                        const algo::TraversalFilter& filter, std::size_t max_nodes, bool fold) {
  Diagram d;
  d.vertices = members;
  d.relations = relations_among(graph, d.vertices, filter);
  std::size_t size = members.size();
  d.boxes.push_back({std::to_string(size) + " entities", std::move(members)});
  if (fold) fold_leaves(graph, d);
  refuse_if_too_big(d.vertices.size(), max_nodes, label);
  d.title = label;
  return d;
}

Diagram expansion_diagram(const Graph& graph, const std::vector<VertexId>& expanded, const algo::TraversalFilter& filter,
                          std::size_t max_nodes) {
  Diagram d;
  std::vector<bool> in(graph.entity_count(), false);
  auto add = [&](VertexId v) {
    if (!in[v]) in[v] = true, d.vertices.push_back(v);
  };
  for (VertexId v : expanded) add(v);
  for (VertexId v : expanded) {
    for (Graph::Arc arc : graph.arcs(v)) {
      if (filter.allows(graph, arc)) add(arc.neighbor);
    }
  }
  refuse_if_too_big(d.vertices.size(), max_nodes, "this view");
  d.relations = relations_among(graph, d.vertices, filter);
  d.highlighted_vertices = expanded;
  d.title = expanded.size() == 1 ? graph.entity(expanded.front()).name : std::to_string(expanded.size()) + " expanded entities";
  return d;
}

Diagram whole_graph_diagram(const Graph& graph, const algo::TraversalFilter& filter, std::size_t max_nodes) {
  Diagram d;
  for (VertexId v = 0; v < graph.entity_count(); ++v) {
    if (filter.allows_vertex(graph, v)) d.vertices.push_back(v);
  }
  // Entities the filters leave without any relation say nothing in a drawing: dropped, and counted.
  d.relations = relations_among(graph, d.vertices, filter);
  std::vector<bool> tied(graph.entity_count(), false);
  for (RelationId r : d.relations) tied[graph.relation(r).from] = tied[graph.relation(r).to] = true;
  std::size_t before = d.vertices.size();
  d.vertices.erase(std::remove_if(d.vertices.begin(), d.vertices.end(), [&](VertexId v) { return !tied[v]; }), d.vertices.end());
  d.dropped_isolated = before - d.vertices.size();
  refuse_if_too_big(d.vertices.size(), max_nodes, "the whole graph");
  if (d.dropped_isolated > 0) {
    d.note = std::to_string(d.dropped_isolated) + (d.dropped_isolated == 1 ? " entity" : " entities") +
             " without a relation under these filters left out";
  }
  d.title = "hallyu: " + std::to_string(d.vertices.size()) + " entities, " + std::to_string(d.relations.size()) + " relations";
  return d;
}

Diagram career_diagram(const Graph& graph, VertexId subject, const algo::TraversalFilter& filter,
                       const std::vector<algo::YearSpan>& spans, std::size_t max_nodes) {
  Diagram d;
  // Each related entity once, at the earliest year of its ties to the subject.
  struct Item {
    int year = algo::kLatestYear + 1;  // past every year: undated
    bool ended = true;
    std::vector<std::string> notes;
  };
  std::map<VertexId, Item> items;
  std::vector<RelationId> seen;
  for (Graph::Arc arc : graph.arcs(subject)) {
    RelationId r = arc.relation;
    if (arc.neighbor == subject || !filter.allows(graph, arc)) continue;
    if (std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
    seen.push_back(r);
    const Relation& rel = graph.relation(r);
    const algo::YearSpan& span = spans[r];
    Item& item = items[arc.neighbor];
    if (span.dated && span.first != algo::kEarliestYear) item.year = std::min<int>(item.year, span.first);
    else if (span.dated && span.last != algo::kLatestYear) item.year = std::min<int>(item.year, span.last);
    bool interval = rel.type == RelationType::member_of || rel.type == RelationType::signed_to;
    item.ended = item.ended && interval && has_ended(rel);
    std::string note;
    if (interval) {
      note = interval_label(rel);
      if (rel.type == RelationType::member_of && rel.to == subject) note = "member " + note;
    } else if (rel.type == RelationType::acted_in) {
      if (auto role = attribute_text(rel.attributes, "role")) note = "as " + *role;
    } else if (rel.type == RelationType::collaborated_with) {
      if (auto work = attribute_text(rel.attributes, "work")) note = "on '" + *work + "'";
    } else if (rel.type == RelationType::performed && rel.to == arc.neighbor) {
      for (Graph::Arc of : graph.arcs(arc.neighbor)) {
        const Relation& ost = graph.relation(of.relation);
        if (ost.type == RelationType::ost_of && ost.from == arc.neighbor) note = "OST of " + graph.entity(ost.to).name;
      }
    }
    if (!note.empty() && std::find(item.notes.begin(), item.notes.end(), note) == item.notes.end()) item.notes.push_back(note);
  }
  refuse_if_too_big(items.size() + 1, max_nodes, graph.entity(subject).name + "'s career");
  // Music above, drama below within a year: agencies, groups, songs, collaborators, dramas.
  auto lane = [&](VertexId v) {
    switch (graph.entity(v).kind) {
      case Kind::agency: return 0;
      case Kind::group: return 1;
      case Kind::ost: return 2;
      case Kind::idol: case Kind::actor: return 3;
      case Kind::drama: return 4;
      case Kind::network: return 5;
    }
    return 6;
  };
  std::map<int, std::vector<VertexId>> by_year;
  for (const auto& [v, item] : items) by_year[item.year].push_back(v);
  d.vertices.push_back(subject);
  d.highlighted_vertices = {subject};
  auto debut = algo::year_attribute(graph.entity(subject).attributes, "debut_year");
  d.ranks.push_back({debut ? "debut " + std::to_string(*debut) : "", {subject}});
  std::size_t dated = 0;
  for (auto& [year, vs] : by_year) {
    std::stable_sort(vs.begin(), vs.end(), [&](VertexId a, VertexId b) {
      return std::make_pair(lane(a), graph.entity(a).name) < std::make_pair(lane(b), graph.entity(b).name);
    });
    bool undated = year > algo::kLatestYear;
    if (!undated) dated += vs.size();
    d.ranks.push_back({undated ? "undated" : std::to_string(year), vs});
    for (VertexId v : vs) {
      d.vertices.push_back(v);
      const Item& item = items[v];
      std::string note;
      for (const auto& n : item.notes) note += (note.empty() ? "" : "; ") + n;
      if (!note.empty()) d.notes.emplace_back(v, note);
      if (item.ended) d.ended_vertices.push_back(v);
    }
  }
  d.rank_axis = true;
  d.left_to_right = true;
  // Ties among the career's entities (an OST of a drama she starred in, a group's agency); the
  // subject's own ties are the columns themselves.
  std::vector<VertexId> others(d.vertices.begin() + 1, d.vertices.end());
  d.relations = relations_among(graph, others, filter);
  d.title = graph.entity(subject).name + "'s career: " + std::to_string(items.size()) + " groups, agencies, works and collaborators by year";
  if (dated < items.size()) d.note = std::to_string(items.size() - dated) + " without a year in the data, at the end";
  return d;
}

Diagram crossover_diagram(const algo::Crossovers& found, bool dramas, std::size_t top,
                          std::size_t max_nodes) {
  Diagram d;
  std::map<VertexId, double> agency_weight, other_weight;
  auto link = [&](VertexId agency, VertexId other, double weight, std::string label) {
    d.links.push_back({agency, other, weight, std::move(label)});
    agency_weight[agency] += weight, other_weight[other] += weight;
  };
  std::size_t rows = 0;
  if (dramas) {
    std::vector<const algo::AgencyDrama*> sorted;
    for (const auto& row : found.agency_dramas) sorted.push_back(&row);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->artists.size() > b->artists.size(); });
    for (const auto* row : sorted) {
      if (top != 0 && rows++ >= top) break;
      link(row->agency, row->drama, static_cast<double>(row->artists.size()),
           std::to_string(row->artists.size()) + "/" + std::to_string(row->involved));
    }
    d.link_legend = "the agency's artists in the drama's cast and OSTs (/ everyone credited)";
    d.title = "Cross-promotion: agencies and the dramas their artists fill";
  } else {
    for (const auto& row : found.agency_networks) {
      if (top != 0 && rows++ >= top) break;
      link(row.agency, row.network, static_cast<double>(row.credits),
           std::to_string(row.credits) + " (" + std::to_string(row.artists) + ")");
    }
    d.link_legend = "acting credits of the agency's artists there while under contract (artists)";
    d.title = "Cross-promotion: agencies and the networks their artists act for";
  }
  refuse_if_too_big(agency_weight.size() + other_weight.size(), max_nodes, "the cross-promotion map");
  auto heaviest_first = [&](const std::map<VertexId, double>& weights) {
    std::vector<VertexId> out;
    for (const auto& [v, w] : weights) out.push_back(v);
    std::stable_sort(out.begin(), out.end(), [&](VertexId a, VertexId b) { return weights.at(a) > weights.at(b); });
    return out;
  };
  std::vector<VertexId> agencies = heaviest_first(agency_weight), others = heaviest_first(other_weight);
  d.vertices = agencies;
  d.vertices.insert(d.vertices.end(), others.begin(), others.end());
  d.ranks = {{"", agencies}, {"", others}};
  d.left_to_right = true;
  d.rank_separation = 3.5;  // room for the links to fan out and their labels to sit apart
  // Each link in the colour of its network or drama, so a line can be followed across the fan.
  std::map<VertexId, std::uint32_t> colour;
  for (VertexId v : others) colour.emplace(v, static_cast<std::uint32_t>(colour.size()));
  for (auto& l : d.links) l.color = colour[l.to];
  if (top != 0 && rows > top) d.note = "the " + std::to_string(top) + " strongest ties";
  return d;
}

}  // namespace hallyu::render
