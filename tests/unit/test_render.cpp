// Rendering: the DOT we produce is parsed back with cgraph and checked (nodes, edges, styles,
// escaping of hostile names); SVG is well-formed XML (libxml2); PNG and PDF have valid headers.
#include <graphviz/cgraph.h>
#include <libxml/parser.h>

#include <catch2/catch.hpp>
#include <memory>

#include "../support.hpp"
#include "hallyu/render/diagrams.hpp"
#include "hallyu/render/graphviz.hpp"

using namespace hallyu;

namespace {

// Reverses escape_label: what a label means once Graphviz has read it.
std::string unescape(const std::string& label) {
  std::string out;
  for (std::size_t i = 0; i < label.size(); ++i) {
    if (label.compare(i, 2, "\\\\") == 0) {
      out += '\\', ++i;
    } else if (label.compare(i, 5, "&amp;") == 0) {
      out += '&', i += 4;
    } else {
      out += label[i];
    }
  }
  return out;
}

struct ParsedDot {
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> graph{nullptr, agclose};
  explicit ParsedDot(const std::string& dot) : graph(agmemread(dot.c_str()), agclose) { REQUIRE(graph != nullptr); }
  Agnode_t* node(const std::string& id) {
    std::string name = id;
    return agnode(graph.get(), name.data(), 0);
  }
  std::string attr(void* object, const char* name) {
    std::string n = name;
    char* value = agget(object, n.data());
    return value ? value : "";
  }
};

render::Diagram ego_of_iu(const Graph& g) {
  render::Diagram d;
  d.title = "IU";
  for (VertexId v = 0; v < g.entity_count(); ++v) d.vertices.push_back(v);
  for (RelationId r = 0; r < g.relation_count(); ++r) d.relations.push_back(r);
  d.highlighted_vertices = {test::id(g, "iu")};
  return d;
}

const std::vector<std::string> kHostileNames = {
    R"(Quote "inside" 'single')", "<script>alert(1)</script>", "Ampersand & &amp; entity", R"(Back\slash \N \G \l)",
    "이지은 (아이유)", "Emoji 🎤✨", "]]> <!-- -->"};

Graph hostile_graph() {
  std::string entities;
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    std::string escaped;
    for (char c : kHostileNames[i]) escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    entities += std::string(i ? "," : "") + R"({"id": "h)" + std::to_string(i) + R"(", "kind": "idol", "name": ")" + escaped + "\"}";
  }
  return test::graph_from(R"({"format": "hallyu/1", "entities": [)" + entities +
                          R"(], "relations": [{"from": "h0", "to": "h1", "type": "collaborated_with", "work": "<b>&\"</b>"}]})");
}

}  // namespace

TEST_CASE("DOT output parses back with the right nodes, edges and styles", "[render]") {
  Graph g = test::mini_graph();
  auto d = ego_of_iu(g);
  d.highlighted_relations = {0};
  d.dim_others = true;
  ParsedDot dot(render::render(g, d, render::Format::dot));
  // 16 entities plus the legend's nodes; every relation plus the legend's edges.
  for (const Entity& e : g.entities()) {
    Agnode_t* n = dot.node(e.id);
    REQUIRE(n != nullptr);
    CHECK(unescape(dot.attr(n, "label")).rfind(e.name, 0) == 0);
  }
  CHECK(dot.attr(dot.node("iu"), "penwidth") == "3");          // highlighted
  CHECK(dot.attr(dot.node("iu"), "fillcolor") == "#f6b3cf");   // idol colour kept
  CHECK(dot.attr(dot.node("exo"), "fillcolor") == "#eeeeee");  // dimmed
  CHECK(dot.attr(dot.node("exo"), "shape") == "box");
  CHECK(dot.attr(dot.node("hotel-del-luna"), "label") == "Hotel Del Luna\\n(2019)");  // year shown
  CHECK(dot.attr(dot.node("all-about-you-hotel-del-luna"), "shape") == "note");
  std::size_t data_edges = 0;
  for (Agnode_t* n = agfstnode(dot.graph.get()); n; n = agnxtnode(dot.graph.get(), n)) {
    for (Agedge_t* e = agfstout(dot.graph.get(), n); e; e = agnxtout(dot.graph.get(), e)) {
      if (std::string(agnameof(agtail(e))).rfind("legend:", 0) != 0) ++data_edges;
    }
  }
  CHECK(data_edges == g.relation_count());
  // Title and legend are an HTML-like table in the graph label, which every layout places.
  std::string label = dot.attr(dot.graph.get(), "label");
  CHECK(label.find("IU") != std::string::npos);
  CHECK(label.find("BGCOLOR=\"#f6b3cf\"") != std::string::npos);  // the idol swatch
  CHECK(label.find("member_of") != std::string::npos);
  CHECK(label.find("collaborated_with") == std::string::npos);     // only types drawn appear
  render::RenderOptions no_legend;
  no_legend.legend = false;
  ParsedDot bare(render::render(g, d, render::Format::dot, no_legend));
  CHECK(bare.attr(bare.graph.get(), "label").find("member_of") == std::string::npos);
}

TEST_CASE("hostile names render as text in DOT and SVG", "[render][escaping]") {
  Graph g = hostile_graph();
  render::Diagram d;
  d.title = kHostileNames[1] + " " + kHostileNames[2];  // titles are escaped too
  for (VertexId v = 0; v < g.entity_count(); ++v) d.vertices.push_back(v);
  d.relations = {0};
  render::RenderOptions with_labels;
  with_labels.edge_labels = true;
  ParsedDot dot(render::render(g, d, render::Format::dot, with_labels));
  for (std::size_t i = 0; i < kHostileNames.size(); ++i) {
    Agnode_t* n = dot.node("h" + std::to_string(i));
    REQUIRE(n != nullptr);
    CHECK(unescape(dot.attr(n, "label")) == kHostileNames[i]);
  }
  std::string svg = render::render(g, d, render::Format::svg, with_labels);
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "hostile.svg", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  CHECK(doc != nullptr);  // well-formed XML
  if (doc) xmlFreeDoc(doc);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("이지은") != std::string::npos);
}

TEST_CASE("SVG, PNG and PDF output", "[render]") {
  Graph g = test::mini_graph();
  auto d = ego_of_iu(g);
  std::string svg = render::render(g, d, render::Format::svg);
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "mini.svg", nullptr, XML_PARSE_NONET);
  REQUIRE(doc != nullptr);
  CHECK(std::string(reinterpret_cast<const char*>(xmlDocGetRootElement(doc)->name)) == "svg");
  xmlFreeDoc(doc);
  std::string png = render::render(g, d, render::Format::png);
  REQUIRE(png.size() > 1000);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  std::string pdf = render::render(g, d, render::Format::pdf);
  CHECK(pdf.compare(0, 5, "%PDF-") == 0);
}

TEST_CASE("cluster boxes become cluster subgraphs", "[render]") {
  Graph g = test::mini_graph();
  render::Diagram d = ego_of_iu(g);
  d.boxes.push_back({"IU's side", {test::id(g, "iu"), test::id(g, "hotel-del-luna")}});
  ParsedDot dot(render::render(g, d, render::Format::dot));
  std::string name = "cluster_0";
  Agraph_t* box = agsubg(dot.graph.get(), name.data(), 0);
  REQUIRE(box != nullptr);
  CHECK(agnnodes(box) == 2);
  std::string label = "label";
  CHECK(std::string(agget(box, label.data())) == "IU's side");
  CHECK(render::automatic_layout(d) == "dot");
}

TEST_CASE("layouts, formats and labels", "[render]") {
  render::Diagram d;
  d.vertices.resize(100);
  CHECK(render::automatic_layout(d) == "neato");
  d.vertices.resize(400);
  CHECK(render::automatic_layout(d) == "fdp");
  d.vertices.resize(2000);
  CHECK(render::automatic_layout(d) == "sfdp");
  d.left_to_right = true;
  d.vertices.resize(20);
  CHECK(render::automatic_layout(d) == "dot");
  CHECK(render::format_from_path("a/b/out.SVG") == render::Format::svg);
  CHECK(render::format_from_path("x.gv") == render::Format::dot);
  CHECK_THROWS_WITH(render::format_from_path("x.jpeg"), Catch::Matchers::Contains("unknown format 'jpeg'"));
  CHECK_THROWS_WITH(render::format_from_path("dir.v2/file"), Catch::Matchers::Contains("cannot tell the format"));
  CHECK(render::escape_label("a\\N & b") == "a\\\\N &amp; b");
  CHECK(render::escape_label("line\nbreak") == "line\\\\nbreak");  // shown as \n, as on a terminal
  CHECK(render::escape_label("evil\u202e\x1b[2J") == "evil\\\\u202e\\\\u001b[2J");
  Graph g = test::mini_graph();
  render::RenderOptions bad;
  bad.layout = "ortho";
  CHECK_THROWS_WITH(render::render(g, ego_of_iu(g), render::Format::svg, bad), Catch::Matchers::Contains("unknown layout 'ortho'"));
  for (const char* layout : {"dot", "neato", "fdp", "sfdp", "circo", "twopi"}) {
    render::RenderOptions o;
    o.layout = layout;
    INFO(layout);
    CHECK(render::render(g, ego_of_iu(g), render::Format::svg, o).find("<svg") != std::string::npos);
  }
}

TEST_CASE("renderings neither expand Graphviz escapes nor carry control or bidi characters", "[render][escaping]") {
  Graph g = test::graph_from(R"({"format": "hallyu/1", "entities": [
    {"id": "a", "kind": "idol", "name": "A\\G\\N\\L\\E\\T\\H end"},
    {"id": "g", "kind": "group", "name": "G"}],
    "relations": [{"from": "a", "to": "g", "type": "member_of", "role": "lead\u001b]0;title\u0007 \r\u2066x\u202eRTL\u0085"}]})");
  render::Diagram d = render::ego_diagram(g, 0, 1, {}, 100);
  render::RenderOptions options;
  options.edge_labels = true;
  for (render::Format format : {render::Format::svg, render::Format::dot}) {
    std::string out = render::render(g, d, format, options);
    INFO(out);
    CHECK(out.find("\x1b") == std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find("\xe2\x80\xae") == std::string::npos);  // U+202E
    CHECK(out.find("\xe2\x81\xa6") == std::string::npos);  // U+2066
    CHECK(out.find("\xc2\x85") == std::string::npos);       // C1 NEL
  }
  std::string svg = render::render(g, d, render::Format::svg, options);
  // The name shows as written in the node, its tooltip and the title; \G is never the graph's name.
  CHECK(svg.find(">A\\G\\N\\L\\E\\T\\H end<") != std::string::npos);
  CHECK(svg.find("xlink:title=\"A\\G\\N\\L\\E\\T\\H end (idol, a)\"") != std::string::npos);
  CHECK(svg.find("A\\G\\N\\L\\E\\T\\H end: 1&#45;hop network") != std::string::npos);
  CHECK(svg.find("lead\\u001b]0;title\\u0007 \\r\\u2066x\\u202eRTL\\u0085") != std::string::npos);
}
