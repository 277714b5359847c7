// The diagrams people read (render/diagrams and the render request), checked on the DOT read back
// with cgraph and, where the claim is about placement, on the layout Graphviz's dot computes from it:
// paths left to right one rank per hop in a colour each, ended ties dashed with their years, no
// isolated entities in filtered whole-graph views, careers on year ranks, the cross-promotion map
// from the crossovers operation's rows, clusters with their leaves folded.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>

#include "../support.hpp"
#include "hallyu/algo/crossovers.hpp"
#include "hallyu/algo/paths.hpp"
#include "hallyu/error.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/query/render.hpp"
#include "hallyu/render/diagrams.hpp"

using namespace hallyu;

namespace {

Graph time_fixture() { return Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/time.json"})); }

std::string get(void* object, const char* name) {
  std::string n = name;
  char* value = agget(object, n.data());
  return value ? value : "";
}

struct Dot {
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph{nullptr, agclose};
  explicit Dot(const std::string& text) : graph(agmemread(text.c_str()), agclose) { REQUIRE(graph != nullptr); }
  Agraph_t* g() const { return graph.get(); }
  Agnode_t* node(const std::string& id) const {
    std::string name = id;
    return agnode(graph.get(), name.data(), 0);
  }
  // The data edge of relation r (edges are named "r<id>").
  Agedge_t* relation(RelationId r) const {
    std::string name = "r" + std::to_string(r);
    for (Agnode_t* n = agfstnode(g()); n; n = agnxtnode(g(), n)) {
      for (Agedge_t* e = agfstout(g(), n); e; e = agnxtout(g(), e)) {
        if (name == agnameof(e)) return e;
      }
    }
    return nullptr;
  }
  // Laid out by dot (as render() does for these diagrams): each node's position along the ranks.
  std::map<std::string, double> rank_positions() const {
    static GVC_t* gvc = gvContext();
    REQUIRE(gvLayout(gvc, g(), "dot") == 0);
    std::map<std::string, double> x;
    for (Agnode_t* n = agfstnode(g()); n; n = agnxtnode(g(), n)) x[agnameof(n)] = ND_coord(n).x;
    gvFreeLayout(gvc, g());
    return x;
  }
  // The rank=same subgraph holding an entity, by its anchor's label ("" when in none).
  std::string rank_label_of(const std::string& id) const {
    for (Agraph_t* sub = agfstsubg(g()); sub; sub = agnxtsubg(sub)) {
      if (get(sub, "rank") != "same") continue;
      std::string name = id;
      if (agnode(sub, name.data(), 0) == nullptr) continue;
      for (Agnode_t* n = agfstnode(sub); n; n = agnxtnode(sub, n)) {
        if (std::string(agnameof(n)).rfind("hallyu:rank:", 0) == 0) return get(n, "label");
      }
    }
    return "";
  }
};

std::string render_dot(const query::Engine& engine, query::RenderRequest request) {
  request.format = "dot";
  return query::render_diagram(engine, request).bytes;
}

}  // namespace

TEST_CASE("paths read left to right, one rank per hop, a colour and a legend entry each", "[render][diagrams]") {
  Graph g = test::mini_graph();
  query::Engine engine(g);
  query::RenderRequest request;
  request.from = "IU";
  request.to = "D.O.";
  request.k = 3;
  query::RenderResult drawn = query::render_diagram(engine, [&] {
    auto r = request;
    r.format = "dot";
    return r;
  }());
  algo::PathFinder finder(g);
  auto paths = finder.k_shortest_paths(test::id(g, "iu"), test::id(g, "d-o"), 3, {});
  REQUIRE(paths.size() >= 2);  // mini.json has two
  // Context is 0 by default: exactly the entities on the paths.
  std::set<VertexId> on_paths;
  for (const auto& p : paths) on_paths.insert(p.vertices.begin(), p.vertices.end());
  CHECK(std::set<VertexId>(drawn.diagram.vertices.begin(), drawn.diagram.vertices.end()) == on_paths);

  Dot dot(drawn.bytes);
  CHECK(get(dot.g(), "rankdir") == "LR");
  std::string label = get(dot.g(), "label");
  CHECK(label.find("IU to D.O.: the " + std::to_string(paths.size()) + " shortest paths") != std::string::npos);
  auto x = dot.rank_positions();
  std::set<std::string> colours;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& p = paths[i];
    INFO("path " << i);
    CHECK(label.find("path " + std::to_string(i + 1) + " (") != std::string::npos);
    // Every hop strictly to the right of the one before (the start leftmost, the end rightmost).
    for (std::size_t j = 1; j < p.vertices.size(); ++j) {
      CHECK(x[g.entity(p.vertices[j - 1]).id] < x[g.entity(p.vertices[j]).id]);
    }
    // The path's colour is on each of its edges, and every edge is labelled in words.
    std::set<std::string> mine;
    for (RelationId r : p.relations) {
      Agedge_t* e = dot.relation(r);
      REQUIRE(e != nullptr);
      std::string colour = get(e, "color");
      mine.insert(colour.substr(0, 7));
      CHECK(!get(e, "label").empty());
      CHECK(get(e, "label").find(relation_verb(g, r)) == 0);
    }
    // The colour that marks this path alone (its first edge may be shared with an earlier one).
    std::set<std::string> only;
    for (RelationId r : p.relations) {
      std::string colour = get(dot.relation(r), "color");
      if (colour.find(':') == std::string::npos) only.insert(colour);
    }
    CHECK(only.size() == 1);
    colours.insert(only.begin(), only.end());
  }
  CHECK(colours.size() == paths.size());  // one distinct colour per path
  // A hop on two paths is drawn once, in both colours.
  std::map<RelationId, int> uses;
  for (const auto& p : paths)
    for (RelationId r : p.relations) ++uses[r];
  for (const auto& [r, n] : uses) {
    std::string colour = get(dot.relation(r), "color");
    CHECK(static_cast<int>(std::count(colour.begin(), colour.end(), ':')) == n - 1);
  }
  // Context stays an option.
  request.context = 2;
  request.format = "dot";
  CHECK(query::render_diagram(engine, request).diagram.vertices.size() > on_paths.size());
}

TEST_CASE("ended memberships and contracts are dashed and carry their years", "[render][diagrams][time]") {
  Graph g = time_fixture();
  query::Engine engine(g);
  query::RenderRequest request;
  request.ego = "Group One";
  Dot dot(render_dot(engine, request));
  auto edge_between = [&](const char* from, const char* to) -> Agedge_t* {
    Agedge_t* e = agedge(dot.g(), dot.node(from), dot.node(to), nullptr, 0);
    REQUIRE(e != nullptr);
    return e;
  };
  Agedge_t* former = edge_between("i2", "g1");  // 2010-2014, status former
  CHECK(get(former, "style") == "dashed");
  CHECK(get(former, "label") == "2010\u20132014");
  Agedge_t* contract = edge_between("g1", "ag1");  // 2010-2015
  CHECK(get(contract, "style") == "dashed");
  CHECK(get(contract, "label") == "2010\u20132015");
  Agedge_t* current = edge_between("i1", "g1");  // since 2010
  CHECK(get(current, "style") == "solid");
  CHECK(get(current, "label").empty());
  CHECK(get(dot.g(), "label").find("ended (former member, past contract)") != std::string::npos);
}

TEST_CASE("whole-graph views drop entities the filter leaves alone, and say how many", "[render][diagrams]") {
  Graph g = time_fixture();
  query::Engine engine(g);
  query::RenderRequest request;
  request.all = true;
  request.filter.via = {"acted_in"};
  query::RenderRequest dot_request = request;
  dot_request.format = "dot";
  query::RenderResult drawn = query::render_diagram(engine, dot_request);
  // acted_in ties Idol One, Idol Two, Actor One and the four dramas; the group, agencies, networks and
  // the OST have none.
  CHECK(drawn.diagram.vertices.size() == 7);
  CHECK(drawn.diagram.dropped_isolated == 6);
  Dot dot(drawn.bytes);
  for (Agnode_t* n = agfstnode(dot.g()); n; n = agnxtnode(dot.g(), n)) {
    INFO(agnameof(n));
    CHECK(agdegree(dot.g(), n, 1, 1) > 0);
  }
  CHECK(get(dot.g(), "label").find("6 entities without a relation under these filters left out") != std::string::npos);
  // The bound counts what is left, and the refusal points at views that read.
  request.max_nodes = 7;
  CHECK_NOTHROW(query::render_diagram(engine, request));
  request.max_nodes = 6;
  CHECK_THROWS_WITH(query::render_diagram(engine, request),
                    Catch::Matchers::Contains("has 7 entities") && Catch::Matchers::Contains("an ego network (ego)") &&
                        Catch::Matchers::Contains("a cluster (cluster)") && Catch::Matchers::Contains("(from and to)"));
}

TEST_CASE("a career is laid out on year ranks, music above drama, ended ties dashed", "[render][diagrams][time]") {
  Graph g = time_fixture();
  query::Engine engine(g);
  query::RenderRequest request;
  request.career = "Idol One";
  query::RenderRequest dot_request = request;
  dot_request.format = "dot";
  std::string text = query::render_diagram(engine, dot_request).bytes;
  Dot dot(text);
  CHECK(get(dot.g(), "rankdir") == "LR");
  // Idol One: Group One since 2010, Drama One 2012, Drama Two and Agency Two 2016, Actor One undated.
  CHECK(dot.rank_label_of("g1") == "2010");
  CHECK(dot.rank_label_of("d1") == "2012");
  CHECK(dot.rank_label_of("d2") == "2016");
  CHECK(dot.rank_label_of("ag2") == "2016");
  CHECK(dot.rank_label_of("a1") == "undated");
  CHECK(dot.node("i2") == nullptr);  // not Idol One's tie
  auto x = dot.rank_positions();
  CHECK(x["i1"] < x["g1"]);
  CHECK(x["g1"] < x["d1"]);
  CHECK(x["d1"] < x["d2"]);
  CHECK(x["d2"] == Approx(x["ag2"]));
  CHECK(x["d2"] < x["a1"]);
  CHECK(get(dot.node("d1"), "label").find("as ") == std::string::npos);  // no role in the data
  CHECK(get(dot.node("g1"), "label").find("since 2010") != std::string::npos);
  // Idol Two left Group One in 2014: the group is dashed and says when.
  request.career = "Idol Two";
  Dot former(render_dot(engine, request));
  CHECK(get(former.node("g1"), "style").find("dashed") != std::string::npos);
  CHECK(get(former.node("g1"), "label").find("2010\u20132014") != std::string::npos);
  CHECK(get(former.node("d1"), "style").find("dashed") == std::string::npos);
}

TEST_CASE("the years filter changes what a rendering shows", "[render][diagrams][time]") {
  Graph g = time_fixture();
  query::Engine engine(g);
  query::RenderRequest request;
  request.career = "Idol One";
  std::string all = render_dot(engine, request);
  request.filter.time.years = "2013-";
  std::string later = render_dot(engine, request);
  CHECK(all != later);
  Dot before(all), after(later);
  CHECK(before.node("d1") != nullptr);
  CHECK(after.node("d1") == nullptr);  // Drama One (2012) is outside 2013-
  CHECK(after.node("d2") != nullptr);
  CHECK(after.node("g1") != nullptr);  // the membership since 2010 is still in force
}

TEST_CASE("the cross-promotion map draws the crossovers operation's agency rows as weighted links",
          "[render][diagrams]") {
  Graph g = Graph(io::load_dataset_files({std::string(HALLYU_FIXTURES) + "/crossovers.json"}));
  query::Engine engine(g);
  algo::Crossovers found = algo::find_crossovers(g);
  for (bool dramas : {false, true}) {
    INFO((dramas ? "dramas" : "networks"));
    query::RenderRequest request;
    request.crossovers = true;
    request.crossovers_with = dramas ? "dramas" : "networks";
    request.top = 0;
    query::RenderRequest dot_request = request;
    dot_request.format = "dot";
    query::RenderResult drawn = query::render_diagram(engine, dot_request);
    std::size_t rows = dramas ? found.agency_dramas.size() : found.agency_networks.size();
    REQUIRE(rows > 0);
    REQUIRE(drawn.diagram.links.size() == rows);
    Dot dot(drawn.bytes);
    CHECK(get(dot.g(), "rankdir") == "LR");
    std::map<std::pair<std::string, std::string>, double> width;
    for (Agnode_t* n = agfstnode(dot.g()); n; n = agnxtnode(dot.g(), n)) {
      for (Agedge_t* e = agfstout(dot.g(), n); e; e = agnxtout(dot.g(), e)) {
        if (std::string(agnameof(e)).rfind("link", 0) == 0)
          width[{agnameof(agtail(e)), agnameof(aghead(e))}] = std::stod(get(e, "penwidth"));
      }
    }
    CHECK(width.size() == rows);
    // Widths follow the counts: a larger count is never drawn thinner.
    std::vector<std::pair<double, double>> by_count;
    auto add = [&](VertexId a, VertexId b, double count) {
      by_count.emplace_back(count, width[{g.entity(a).id, g.entity(b).id}]);
    };
    if (dramas) {
      for (const auto& row : found.agency_dramas) add(row.agency, row.drama, static_cast<double>(row.artists.size()));
    } else {
      for (const auto& row : found.agency_networks) add(row.agency, row.network, static_cast<double>(row.credits));
    }
    for (const auto& [c1, w1] : by_count)
      for (const auto& [c2, w2] : by_count)
        if (c1 < c2) CHECK(w1 < w2);
    // Agencies on the left rank, the other side on the right.
    auto x = dot.rank_positions();
    for (const auto& link : drawn.diagram.links) CHECK(x[g.entity(link.from).id] < x[g.entity(link.to).id]);
  }
  query::RenderRequest bad;
  bad.crossovers = true;
  bad.crossovers_with = "labels";
  CHECK_THROWS_WITH(query::render_diagram(engine, bad),
                    Catch::Matchers::Contains("crossovers_with is networks or dramas"));
}

TEST_CASE("clusters fold their leaves into a count on the neighbour, unless asked not to", "[render][diagrams]") {
  Graph g = test::mini_graph();
  std::vector<VertexId> members;
  for (VertexId v = 0; v < g.entity_count(); ++v) members.push_back(v);
  render::Diagram whole = render::cluster_diagram(g, members, "all", {}, 0, false);
  render::Diagram folded = render::cluster_diagram(g, members, "all", {}, 0, true);
  // The leaves, counted independently: entities with exactly one distinct neighbour whose neighbour has more.
  std::map<VertexId, std::set<VertexId>> neighbours;
  for (RelationId r : whole.relations) {
    neighbours[g.relation(r).from].insert(g.relation(r).to);
    neighbours[g.relation(r).to].insert(g.relation(r).from);
  }
  std::set<VertexId> leaves;
  std::map<VertexId, int> hosted;
  for (const auto& [v, ns] : neighbours) {
    if (ns.size() == 1 && neighbours[*ns.begin()].size() > 1) leaves.insert(v), ++hosted[*ns.begin()];
  }
  // OSTs tied only to one drama and to singers still drawn go into the drama; each singer gets a
  // dashed line to it.
  std::set<VertexId> songs;
  std::set<std::pair<VertexId, VertexId>> sang;
  for (const auto& [v, ns] : neighbours) {
    if (g.entity(v).kind != Kind::ost || leaves.count(v)) continue;
    std::set<VertexId> dramas, singers;
    for (RelationId r : whole.relations) {
      const Relation& rel = g.relation(r);
      if (rel.type == RelationType::ost_of && rel.from == v) dramas.insert(rel.to);
      if (rel.type == RelationType::performed && rel.to == v && !leaves.count(rel.from)) singers.insert(rel.from);
    }
    if (dramas.size() != 1 || ns.size() != 1 + singers.size()) continue;
    songs.insert(v), ++hosted[*dramas.begin()];
    for (VertexId s : singers) sang.insert({s, *dramas.begin()});
  }
  REQUIRE(!leaves.empty());
  REQUIRE(!songs.empty());
  CHECK(folded.vertices.size() == members.size() - leaves.size() - songs.size());
  for (VertexId v : folded.vertices) CHECK((leaves.count(v) == 0 && songs.count(v) == 0));
  for (RelationId r : folded.relations) {
    for (VertexId end : {g.relation(r).from, g.relation(r).to}) CHECK((leaves.count(end) == 0 && songs.count(end) == 0));
  }
  std::set<std::pair<VertexId, VertexId>> drawn_sang;
  for (const auto& link : folded.links) drawn_sang.insert({link.from, link.to});
  CHECK(drawn_sang == sang);
  CHECK(folded.notes.size() == hosted.size());
  for (const auto& [host, note] : folded.notes) {
    int total = 0;
    for (std::size_t i = 0; i < note.size(); ++i) {
      if (note[i] == '+') total += std::stoi(note.substr(i + 1));
    }
    INFO(note);
    CHECK(total == hosted[host]);
  }
  Dot dot(render::render(g, folded, render::Format::dot));
  for (const auto& [host, note] : folded.notes)
    CHECK(get(dot.node(g.entity(host).id), "label").find(note) != std::string::npos);
}

TEST_CASE("size_by and color_by style the nodes", "[render][diagrams]") {
  Graph g = time_fixture();
  query::Engine engine(g);
  query::RenderRequest request;
  request.all = true;
  request.size_by = "degree";
  request.color_by = "agency";
  query::RenderRequest dot_request = request;
  dot_request.format = "dot";
  query::RenderResult drawn = query::render_diagram(engine, dot_request);
  Dot dot(drawn.bytes);
  // Actor One has the most neighbours (6): the largest font, outlined; Song One has 2.
  double actor = std::stod(get(dot.node("a1"), "fontsize")), song = std::stod(get(dot.node("o1"), "fontsize"));
  CHECK(actor > song);
  CHECK(get(dot.node("a1"), "penwidth") == "2.5");
  // Idol One is Agency Two's (since 2016); Actor One Agency One's; Idol Two, a former member, none.
  std::string ag1 = get(dot.node("a1"), "fillcolor"), ag2 = get(dot.node("i1"), "fillcolor");
  CHECK(ag1 != ag2);
  CHECK(get(dot.node("ag1"), "fillcolor") == ag1);
  CHECK(get(dot.node("ag2"), "fillcolor") == ag2);
  CHECK(get(dot.node("i2"), "fillcolor") == "#f5f5f5");
  CHECK(get(dot.g(), "label").find("Agency One") != std::string::npos);
  request.color_by = "shoe size";
  CHECK_THROWS_WITH(query::render_diagram(engine, request),
                    Catch::Matchers::Contains("color_by is kind, cluster or agency"));
}

TEST_CASE("labels of edges within one rank are external labels, and such diagrams lay out", "[render][diagrams]") {
  // Graphviz 2.42 corrupted its heap laying out labelled edges inside rank=same columns (seen in
  // bench at 300 entities); those labels are xlabels, placed after the layout.
  Graph g = time_fixture();
  render::Diagram d;
  VertexId i2 = test::id(g, "i2"), g1 = test::id(g, "g1"), d1 = test::id(g, "d1");
  d.vertices = {i2, g1, d1};
  d.relations = render::relations_among(g, d.vertices, {});
  d.ranks = {{"2010", {i2, g1}}, {"2012", {d1}}};
  d.rank_axis = true;
  d.left_to_right = true;
  render::RenderOptions labelled;
  labelled.edge_labels = true;
  Dot dot(render::render(g, d, render::Format::dot, labelled));
  Agedge_t* flat = agedge(dot.g(), dot.node("i2"), dot.node("g1"), nullptr, 0);
  REQUIRE(flat != nullptr);
  CHECK(get(flat, "label").empty());
  CHECK(get(flat, "xlabel").find("2010-2014") != std::string::npos);
  Agedge_t* across = agedge(dot.g(), dot.node("i2"), dot.node("d1"), nullptr, 0);
  REQUIRE(across != nullptr);
  CHECK(!get(across, "label").empty());
  for (int i = 0; i < 20; ++i) CHECK(render::render(g, d, render::Format::svg, labelled).find("</svg>") != std::string::npos);
}
