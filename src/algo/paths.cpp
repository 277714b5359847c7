// Path search: bidirectional BFS, Yen's k shortest simple paths, all shortest paths, distances.
#include "hallyu/algo/paths.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace hallyu::algo {
namespace {

constexpr std::uint32_t kNoDepth = std::numeric_limits<std::uint32_t>::max();

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

}  // namespace

PathFinder::PathFinder(const Graph& graph) : graph_(graph), visits_(graph.entity_count()) {}

void PathFinder::new_epoch() {
  if (++epoch_ == 0) {  // wrapped after 4 billion queries: clear and start again
    for (Visit& visit : visits_) visit.blocked = 0;
    epoch_ = 1;
  }
}

bool PathFinder::may_enter(VertexId v, VertexId target, const TraversalFilter& filter) const {
  if (visits_[v].blocked == epoch_) return false;
  return v == target || filter.allows_vertex(graph_, v);
}

bool PathFinder::may_step(Graph::Arc arc, VertexId target, const TraversalFilter& filter) const {
  return filter.allows_relation(graph_, arc.relation) && may_enter(arc.neighbor, target, filter);
}

std::optional<RelationId> PathFinder::hop_relation(VertexId u, VertexId v, const TraversalFilter& filter) const {
  std::optional<RelationId> best;
  for (Graph::Arc arc : graph_.arcs(u)) {
    if (arc.neighbor == v && filter.allows_relation(graph_, arc.relation) && (!best || arc.relation < *best)) {
      best = arc.relation;
    }
  }
  return best;
}

Path PathFinder::to_path(const std::vector<VertexId>& vertices, const TraversalFilter& filter) const {
  Path path;
  path.vertices = vertices;
  for (std::size_t i = 0; i + 1 < vertices.size(); ++i) path.relations.push_back(*hop_relation(vertices[i], vertices[i + 1], filter));
  return path;
}

std::optional<std::vector<VertexId>> PathFinder::search(VertexId from, VertexId to, const TraversalFilter& filter,
                                                        const std::vector<VertexId>& blocked_first_hops) {
  if (from == to) return std::vector<VertexId>{from};
  // Visits are stamped with their own counter so that the caller's blocked stamps (epoch_) survive.
  const std::uint32_t visit = ++visit_epoch_;
  if (visit == 0) {
    for (Visit& v : visits_) v.stamp[0] = v.stamp[1] = 0;
    visit_epoch_ = 1;
    return search(from, to, filter, blocked_first_hops);
  }
  auto start = [&](Side& side, VertexId v) {
    Visit& at = visits_[v];
    at.stamp[side.index] = visit;
    at.parent[side.index] = v;
    at.depth[side.index] = 0;
    side.frontier.assign(1, v);
  };
  start(forward_, from);
  start(backward_, to);
  auto hop_is_blocked = [&](VertexId u, VertexId v) {
    if (blocked_first_hops.empty()) return false;
    VertexId other = u == from ? v : v == from ? u : from;
    if (other == from) return false;
    return std::find(blocked_first_hops.begin(), blocked_first_hops.end(), other) != blocked_first_hops.end();
  };
  // Without a filter a step needs no look at the relation or the neighbour's kind: two fewer random
  // reads per arc, which is most of an unfiltered search's time on a big graph.
  const bool unfiltered = filter.is_unfiltered();
  std::uint32_t best = kNoDepth;
  VertexId meet = 0;
  while (!forward_.frontier.empty() && !backward_.frontier.empty()) {
    bool go_forward = forward_.frontier.size() <= backward_.frontier.size();
    Side& side = go_forward ? forward_ : backward_;
    const int me = side.index, other = 1 - me;
    VertexId target = go_forward ? to : from;
    side.next.clear();
    for (VertexId u : side.frontier) {
      const std::uint32_t depth = visits_[u].depth[me] + 1;
      for (Graph::Arc arc : graph_.arcs(u)) {
        VertexId v = arc.neighbor;
        Visit& at = visits_[v];
        if (at.stamp[me] == visit) continue;
        if (unfiltered ? at.blocked == epoch_ : !may_step(arc, target, filter)) continue;
        if (hop_is_blocked(u, v)) continue;
        // The far endpoint is enterable from this side only as the target; the other side's start
        // vertex is reached through the meeting test below.
        at.stamp[me] = visit;
        at.parent[me] = u;
        at.depth[me] = depth;
        side.next.push_back(v);
        // Every meeting found in one level is equally short (no meeting in the levels before bounds
        // the length from below), so the first one is the answer the full level would pick too.
        if (at.stamp[other] == visit) {
          best = depth + at.depth[other];
          meet = v;
          break;
        }
      }
      if (best != kNoDepth) break;
    }
    std::swap(side.frontier, side.next);
    if (best != kNoDepth) break;
  }
  forward_.frontier.clear();
  backward_.frontier.clear();
  if (best == kNoDepth) return std::nullopt;
  std::vector<VertexId> vertices;
  for (VertexId v = meet;; v = visits_[v].parent[0]) {
    vertices.push_back(v);
    if (v == from) break;
  }
  std::reverse(vertices.begin(), vertices.end());
  for (VertexId v = meet; v != to;) {
    v = visits_[v].parent[1];
    vertices.push_back(v);
  }
  return vertices;
}

std::optional<Path> PathFinder::shortest_path(VertexId from, VertexId to, const TraversalFilter& filter) {
  new_epoch();
  auto vertices = search(from, to, filter, {});
  if (!vertices) return std::nullopt;
  return to_path(*vertices, filter);
}

std::vector<Path> PathFinder::k_shortest_paths(VertexId from, VertexId to, std::size_t k, const TraversalFilter& filter) {
  std::vector<std::vector<VertexId>> accepted;
  if (k == 0) return {};
  new_epoch();
  auto first = search(from, to, filter, {});
  if (!first) return {};
  accepted.push_back(*first);
  // Candidates ordered by length, then by entity ids, so ties come out the same on every run.
  auto id_key = [&](const std::vector<VertexId>& vs) {
    std::vector<std::string_view> ids;
    ids.reserve(vs.size());
    for (VertexId v : vs) ids.push_back(graph_.entity(v).id);
    return std::make_pair(vs.size(), ids);
  };
  std::map<std::pair<std::size_t, std::vector<std::string_view>>, std::vector<VertexId>> candidates;
  std::set<std::vector<VertexId>> known = {*first};
  while (accepted.size() < k) {
    const std::vector<VertexId> previous = accepted.back();
    for (std::size_t i = 0; i + 1 < previous.size(); ++i) {
      VertexId spur = previous[i];
      std::vector<VertexId> blocked_hops;
      for (const auto& path : accepted) {
        if (path.size() > i + 1 && std::equal(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(i) + 1, path.begin())) {
          blocked_hops.push_back(path[i + 1]);
        }
      }
      new_epoch();
      for (std::size_t j = 0; j < i; ++j) visits_[previous[j]].blocked = epoch_;  // the root stays simple
      auto tail = search(spur, to, filter, blocked_hops);
      if (!tail) continue;
      std::vector<VertexId> candidate(previous.begin(), previous.begin() + static_cast<std::ptrdiff_t>(i));
      candidate.insert(candidate.end(), tail->begin(), tail->end());
      if (known.insert(candidate).second) candidates.emplace(id_key(candidate), std::move(candidate));
    }
    if (candidates.empty()) break;
    accepted.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  std::stable_sort(accepted.begin(), accepted.end(),
                   [&](const auto& a, const auto& b) { return id_key(a) < id_key(b); });
  std::vector<Path> paths;
  for (const auto& vertices : accepted) paths.push_back(to_path(vertices, filter));
  return paths;
}

DistanceTable PathFinder::distances_from(VertexId from, const TraversalFilter& filter) {
  new_epoch();
  DistanceTable table;
  table.distance.assign(graph_.entity_count(), DistanceTable::kUnreachable);
  table.distance[from] = 0;
  std::vector<VertexId> queue = {from};
  for (std::size_t head = 0; head < queue.size(); ++head) {
    VertexId u = queue[head];
    for (Graph::Arc arc : graph_.arcs(u)) {
      if (table.distance[arc.neighbor] != DistanceTable::kUnreachable || !may_step(arc, from, filter)) continue;
      table.distance[arc.neighbor] = table.distance[u] + 1;
      queue.push_back(arc.neighbor);
    }
  }
  return table;
}

AllShortestPaths PathFinder::all_shortest_paths(VertexId from, VertexId to, std::size_t limit,
                                                const TraversalFilter& filter) {
  AllShortestPaths result;
  // Distances from each end; `to` must be enterable from `from`'s side and vice versa.
  auto bfs = [&](VertexId source, VertexId target) {
    std::vector<std::uint32_t> distance(graph_.entity_count(), kNoDepth);
    std::vector<VertexId> queue = {source};
    distance[source] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      VertexId u = queue[head];
      if (u == target) continue;  // paths end at the target; never walk through it
      for (Graph::Arc arc : graph_.arcs(u)) {
        if (distance[arc.neighbor] != kNoDepth || !may_step(arc, target, filter)) continue;
        distance[arc.neighbor] = distance[u] + 1;
        queue.push_back(arc.neighbor);
      }
    }
    return std::make_pair(distance, queue);
  };
  new_epoch();
  // Plain variables, not structured bindings: lambdas below capture them, which clang before 16
  // (the fuzz build's clang-14) refuses.
  auto from_search = bfs(from, to);
  const auto& from_distance = from_search.first;
  const auto& order = from_search.second;
  if (from_distance[to] == kNoDepth) return result;
  auto to_search = bfs(to, from);
  const auto& to_distance = to_search.first;
  const std::uint32_t length = from_distance[to];
  auto on_path = [&](VertexId v) {
    return from_distance[v] != kNoDepth && to_distance[v] != kNoDepth && from_distance[v] + to_distance[v] == length;
  };
  // Successors along shortest paths, in entity-id order so enumeration is canonical.
  auto successors = [&](VertexId u) {
    std::vector<VertexId> next;
    for (Graph::Arc arc : graph_.arcs(u)) {
      VertexId v = arc.neighbor;
      if (!on_path(v) || from_distance[v] != from_distance[u] + 1 || !may_step(arc, to, filter)) continue;
      if (next.empty() || next.back() != v) next.push_back(v);
    }
    std::sort(next.begin(), next.end(), [&](VertexId a, VertexId b) { return graph_.entity(a).id < graph_.entity(b).id; });
    next.erase(std::unique(next.begin(), next.end()), next.end());
    return next;
  };
  // Count by dynamic programming over BFS order.
  std::vector<std::uint64_t> count(graph_.entity_count(), 0);
  count[from] = 1;
  for (VertexId u : order) {
    if (!on_path(u) || u == to) continue;
    for (VertexId v : successors(u)) count[v] = saturating_add(count[v], count[u]);
  }
  result.total = count[to];
  // Enumerate depth-first, stopping at the limit.
  std::vector<VertexId> stack_path = {from};
  std::vector<std::vector<VertexId>> pending = {successors(from)};
  std::vector<std::size_t> position = {0};
  while (!pending.empty() && result.paths.size() < limit) {
    if (stack_path.back() == to) {
      result.paths.push_back(to_path(stack_path, filter));
      stack_path.pop_back(), pending.pop_back(), position.pop_back();
      continue;
    }
    if (position.back() == pending.back().size()) {
      stack_path.pop_back(), pending.pop_back(), position.pop_back();
      continue;
    }
    VertexId v = pending.back()[position.back()++];
    stack_path.push_back(v);
    pending.push_back(v == to ? std::vector<VertexId>{} : successors(v));
    position.push_back(0);
  }
  return result;
}

bool travels_forward(const Graph& graph, const Path& path, std::size_t hop) {
  return graph.relation(path.relations[hop]).from == path.vertices[hop];
}

}  // namespace hallyu::algo
