// Graphviz in process: styled cgraph diagrams laid out and rendered by gvc.
#include "hallyu/render/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <cstdio>
#include <functional>
#include <iterator>
#include <mutex>
#include <set>

#include "hallyu/algo/relation_years.hpp"
#include "hallyu/error.hpp"
#include "hallyu/explain.hpp"
#include "hallyu/text.hpp"

namespace hallyu::render {
namespace {

struct KindStyle {
  const char* shape;
  const char* style;
  const char* fill;
};
// One look per kind: people round, works square, companies angular.
KindStyle kind_style(Kind kind) {
  switch (kind) {
    case Kind::idol: return {"ellipse", "filled", "#f6b3cf"};
    case Kind::actor: return {"ellipse", "filled", "#b3d1f6"};
    case Kind::group: return {"box", "filled,rounded", "#f8c9a0"};
    case Kind::drama: return {"box", "filled", "#bfe6b8"};
    case Kind::ost: return {"note", "filled", "#fff1a6"};
    case Kind::agency: return {"hexagon", "filled", "#d6c9f2"};
    case Kind::network: return {"cylinder", "filled", "#d4d4d4"};
  }
  return {"ellipse", "filled", "#ffffff"};
}

struct TypeStyle {
  const char* color;
  const char* style;
};
TypeStyle type_style(RelationType type) {
  switch (type) {
    case RelationType::member_of: return {"#c2185b", "solid"};
    case RelationType::acted_in: return {"#1565c0", "solid"};
    case RelationType::performed: return {"#ef6c00", "dashed"};
    case RelationType::ost_of: return {"#9e9d24", "dashed"};
    case RelationType::signed_to: return {"#6a1b9a", "dotted"};
    case RelationType::aired_on: return {"#616161", "dotted"};
    case RelationType::collaborated_with: return {"#c62828", "bold"};
  }
  return {"#000000", "solid"};
}

constexpr const char* kDimNode = "#eeeeee";
constexpr const char* kDimText = "#9e9e9e";
constexpr const char* kDimEdge = "#d8d8d8";
constexpr const char* kHighlight = "#d50000";

// Graphviz reports problems through a process-wide callback; collect them per render.
std::mutex graphviz_lock;  // gvc and cgraph keep global state: one render at a time
std::string* graphviz_errors = nullptr;
int collect_error(char* message) {
  if (graphviz_errors != nullptr && graphviz_errors->size() < 4096) *graphviz_errors += message;
  return 0;
}

// cgraph 2.42 takes char*, so every string goes through a mutable copy.
class Builder {
 public:
  explicit Builder(bool directed) {
    std::string name = "hallyu";
    graph_ = agopen(name.data(), directed ? Agdirected : Agundirected, nullptr);
  }
  ~Builder() {
    if (graph_ != nullptr) agclose(graph_);
  }
  Agraph_t* graph() const { return graph_; }
  void declare(int kind, const std::string& name, const std::string& fallback) {
    std::string n = name, f = fallback;
    agattr(graph_, kind, n.data(), f.data());
  }
  static void set(void* object, const std::string& name, const std::string& value) {
    std::string n = name, v = value, empty;
    agsafeset(object, n.data(), v.data(), empty.data());
  }
  Agnode_t* node(Agraph_t* g, const std::string& id) {
    std::string n = id;
    return agnode(g, n.data(), 1);
  }
  Agraph_t* subgraph(const std::string& name) {
    std::string n = name;
    return agsubg(graph_, n.data(), 1);
  }

 private:
  Agraph_t* graph_ = nullptr;
};

std::string node_label(const Entity& e) {
  std::string label = escape_label(e.name);
  if (e.kind == Kind::drama || e.kind == Kind::ost) {
    if (auto year = attribute_integer(e.attributes, "year")) label += "\\n(" + std::to_string(*year) + ")";
  }
  return label;
}

// The relation in words as seen from its source, the details (years, role) on a second line:
// "starred in\n(2019) as Jang Man-wol".
std::string edge_label(const Graph& graph, RelationId r) {
  std::string label = escape_label(relation_verb(graph, r));
  std::string details = relation_details(graph, r);
  if (!details.empty() && details.front() == ' ') details.erase(0, 1);
  if (!details.empty()) label += "\\n" + escape_label(details);
  // relation_details says an actor's role; a member's (leader, vocalist) goes on a line of its own.
  if (const Relation& rel = graph.relation(r); rel.type != RelationType::acted_in) {
    if (auto role = attribute_text(rel.attributes, "role")) label += "\\n" + escape_label(*role);
  }
  return label;
}

}  // namespace

bool has_ended(const Relation& rel) {
  if (rel.type != RelationType::member_of && rel.type != RelationType::signed_to) return false;
  auto status = attribute_text(rel.attributes, "status");
  return (status && *status == "former") || algo::interval_of(rel.attributes).last != algo::kLatestYear;
}

std::string interval_label(const Relation& rel) {
  algo::YearSpan span = algo::interval_of(rel.attributes);
  bool from = span.first != algo::kEarliestYear, to = span.last != algo::kLatestYear;
  if (from && to) return std::to_string(span.first) + "\u2013" + std::to_string(span.last);
  if (to) return "until " + std::to_string(span.last);
  if (!has_ended(rel)) return from ? "since " + std::to_string(span.first) : "";
  return from ? std::to_string(span.first) + "\u2013?" : "former";
}

namespace {

// Graphviz expands \G, \N, \E, \T, \H, \L in labels, tooltips and HTML-like labels, and an entity
// (&#92;) is decoded before that. Measured with Graphviz 2.42: one literal backslash is "\\" in a
// plain or HTML-like label and "\\\\" in a tooltip (which is unescaped twice).
std::string html_escape(std::string_view text) {
  std::string out;
  for (char32_t cp : text::decode(text::printable(text))) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\\': out += "\\\\"; break;
      default: text::append_utf8(out, cp);
    }
  }
  return out;
}

std::string escape_tooltip(std::string_view input) {
  std::string out;
  for (char32_t cp : text::decode(text::printable(input))) {
    if (cp == '\\') {
      out += "\\\\\\\\";
    } else if (cp == '&') {
      out += "&amp;";
    } else {
      text::append_utf8(out, cp);
    }
  }
  return out;
}

// Colours for paths (strong, told apart at a glance) and for colour groups (clusters, agencies: light
// enough for black text).
constexpr const char* kRouteColors[] = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e",
                                        "#17becf", "#e377c2", "#8c564b", "#bcbd22", "#7f7f7f"};
constexpr const char* kGroupColors[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                        "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9"};
constexpr const char* kNoGroupColor = "#f5f5f5";
constexpr const char* kLinkColor = "#5c6bc0";
std::string route_color(std::size_t i) { return kRouteColors[i % std::size(kRouteColors)]; }
std::string group_color(std::uint32_t g) {
  return g == Diagram::kNoGroup ? kNoGroupColor : kGroupColors[g % std::size(kGroupColors)];
}

struct LegendParts {
  std::set<Kind> kinds;
  std::set<RelationType> types;
  bool ended = false;
  bool kind_fill = true;  // kinds keep their colours (not replaced by groups)
};

std::string legend_cell(const std::string& text, const std::string& color = "#000000") {
  return "<TD><FONT POINT-SIZE=\"11\" COLOR=\"" + color + "\">" + text + "</FONT></TD>";
}

// The title and legend as one HTML-like table in the graph's own label: every layout engine places
// it (neato, sfdp and friends ignore cluster subgraphs, so a legend made of nodes would scatter).
std::string title_and_legend(const Diagram& diagram, const LegendParts& parts, bool legend) {
  std::vector<std::vector<std::string>> rows;
  if (legend) {
    std::vector<std::string> kinds, types, routes, groups, extra;
    for (Kind kind : parts.kinds) {
      kinds.push_back("<TD BORDER=\"1\" BGCOLOR=\"" + std::string(parts.kind_fill ? kind_style(kind).fill : "#ffffff") +
                      "\"><FONT POINT-SIZE=\"11\">" + std::string(to_string(kind)) + "</FONT></TD>");
    }
    // With routes the edges take the routes' colours: a relation-type legend would mislead.
    for (RelationType type : diagram.routes.empty() ? parts.types : std::set<RelationType>{}) {
      TypeStyle s = type_style(type);
      std::string line = std::string(s.style) == "dashed" ? "- - -" : std::string(s.style) == "dotted" ? "&#183;&#183;&#183;&#183;" : "&#8212;&#8212;";
      types.push_back(legend_cell(line + " " + std::string(to_string(type)), s.color));
    }
    if (parts.ended) types.push_back(legend_cell("- - - ended (former member, past contract)", "#424242"));
    for (std::size_t i = 0; i < diagram.routes.size(); ++i) {
      routes.push_back(legend_cell("&#8212;&#8212; " + html_escape(diagram.routes[i].label), route_color(i)));
    }
    if (!diagram.group_legend.empty()) groups.push_back(legend_cell("colour: " + html_escape(diagram.group_legend)));
    for (std::size_t i = 0; i < diagram.group_names.size() && i < 12; ++i) {
      groups.push_back("<TD BORDER=\"1\" BGCOLOR=\"" + group_color(static_cast<std::uint32_t>(i)) +
                       "\"><FONT POINT-SIZE=\"11\">" + html_escape(diagram.group_names[i]) + "</FONT></TD>");
    }
    if (!diagram.score_legend.empty()) extra.push_back(legend_cell("size: " + html_escape(diagram.score_legend)));
    if (!diagram.link_legend.empty()) extra.push_back(legend_cell("&#9473;&#9473; width: " + html_escape(diagram.link_legend), "#424242"));
    for (auto* row : {&routes, &kinds, &groups, &types, &extra}) {
      if (!row->empty()) rows.push_back(std::move(*row));
    }
  }
  // Each row is its own table so that rows of different lengths do not stretch each other's cells.
  std::string html = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";
  if (!diagram.title.empty()) html += "<TR><TD><FONT POINT-SIZE=\"20\">" + html_escape(diagram.title) + "</FONT></TD></TR>";
  if (!diagram.note.empty()) html += "<TR><TD><FONT POINT-SIZE=\"12\" COLOR=\"#424242\">" + html_escape(diagram.note) + "</FONT></TD></TR>";
  for (const auto& row : rows) {
    html += "<TR><TD ALIGN=\"CENTER\"><TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\"><TR>";
    for (const auto& cell : row) html += cell;
    html += "</TR></TABLE></TD></TR>";
  }
  return html + "</TABLE>";
}

char* empty_string() {
  static char empty[1] = "";
  return empty;
}

std::string write_dot(Agraph_t* g) {
  char* buffer = nullptr;
  std::size_t size = 0;
  FILE* memory = open_memstream(&buffer, &size);
  if (memory == nullptr) throw Error("cannot allocate memory for DOT output");
  agwrite(g, memory);
  std::fclose(memory);
  std::string out(buffer, size);
  std::free(buffer);
  return out;
}

}  // namespace

Format parse_format(std::string_view name) {
  if (name == "svg") return Format::svg;
  if (name == "png") return Format::png;
  if (name == "pdf") return Format::pdf;
  if (name == "dot" || name == "gv") return Format::dot;
  throw UsageError("unknown format " + text::quote(name) + "; formats are svg, png, pdf, dot");
}

Format format_from_path(std::string_view path) {
  auto dot = path.rfind('.');
  auto slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    throw UsageError("cannot tell the format of " + text::quote(path) + " from its extension; give the format: svg, png, pdf or dot");
  }
  std::string extension(path.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return parse_format(extension);
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::svg: return "svg";
    case Format::png: return "png";
    case Format::pdf: return "pdf";
    case Format::dot: return "dot";
  }
  return "?";
}

std::string escape_label(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (char32_t cp : text::decode(text::printable(input))) {
    if (cp == '\\') {
      out += "\\\\";  // a plain label reads "\\" as one backslash and expands nothing
    } else if (cp == '&') {
      out += "&amp;";
    } else {
      text::append_utf8(out, cp);
    }
  }
  return out;
}

std::string automatic_layout(const Diagram& diagram) {
  std::size_t n = diagram.vertices.size();
  if (diagram.left_to_right || !diagram.ranks.empty()) return n <= 300 ? "dot" : "sfdp";
  // dot puts clusters on few ranks: past a few dozen nodes that is a very wide strip. neato keeps a
  // folded cluster of ~50-150 entities nearly free of crossings (fdp's splines wound round each other
  // in the bundled data's largest cluster); fdp keeps boxes 2-D beyond that.
  if (!diagram.boxes.empty()) return n <= 40 ? "dot" : n <= 150 ? "neato" : n <= 500 ? "fdp" : "sfdp";
  if (n <= 150) return "neato";
  if (n <= 500) return "fdp";
  return "sfdp";
}

std::string render(const Graph& graph, const Diagram& diagram, Format format, const RenderOptions& options) {
  static const std::set<std::string> kLayouts = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
  std::string layout = options.layout == "auto" ? automatic_layout(diagram) : options.layout;
  if (!kLayouts.count(layout)) {
    throw UsageError("unknown layout " + text::quote(options.layout) + "; layouts are auto, dot, neato, fdp, sfdp, circo, twopi");
  }
  std::lock_guard<std::mutex> guard(graphviz_lock);
  std::string errors;
  graphviz_errors = &errors;
  agseterrf(collect_error);
  agseterr(AGERR);

  Builder b(true);
  Agraph_t* g = b.graph();
  const std::size_t n = diagram.vertices.size();
  // Graph-wide look. Never splines=ortho: it is slow and fails on large graphs.
  Builder::set(g, "fontname", options.font);
  Builder::set(g, "labelloc", "t");
  Builder::set(g, "bgcolor", "white");
  Builder::set(g, "pad", "0.3");
  if (diagram.left_to_right) Builder::set(g, "rankdir", "LR");
  if (diagram.rank_separation > 0) Builder::set(g, "ranksep", std::to_string(diagram.rank_separation));
  if (layout == "neato" || layout == "fdp" || layout == "sfdp") Builder::set(g, "overlap", "prism");
  if (layout == "sfdp") Builder::set(g, "outputorder", "edgesfirst");
  // Edges routed round nodes cost neato and fdp most of their time past a few dozen nodes (0.45 s of
  // 0.47 s on the bundled data's largest cluster, 48 nodes); curved edges cost a tenth and read nearly
  // as well. dot routes its splines cheaply.
  bool force_layout = layout != "dot";
  Builder::set(g, "splines", n <= (force_layout ? 40 : 150) ? "true" : n <= 150 ? "curved" : "false");
  b.declare(AGNODE, "fontname", options.font);
  b.declare(AGNODE, "fontsize", "11");
  b.declare(AGNODE, "penwidth", "1");
  b.declare(AGEDGE, "fontname", options.font);
  b.declare(AGEDGE, "fontsize", "11");
  b.declare(AGEDGE, "arrowsize", "0.6");

  std::vector<VertexId> highlighted_vertices = diagram.highlighted_vertices;
  std::sort(highlighted_vertices.begin(), highlighted_vertices.end());
  std::vector<RelationId> highlighted_relations = diagram.highlighted_relations;
  std::sort(highlighted_relations.begin(), highlighted_relations.end());
  auto is_hot = [&](VertexId v) { return std::binary_search(highlighted_vertices.begin(), highlighted_vertices.end(), v); };
  auto is_hot_relation = [&](RelationId r) {
    return std::binary_search(highlighted_relations.begin(), highlighted_relations.end(), r);
  };
  // The routes each relation is on, in route order.
  std::map<RelationId, std::vector<std::size_t>> routes_of;
  for (std::size_t i = 0; i < diagram.routes.size(); ++i) {
    for (RelationId r : diagram.routes[i].relations) {
      auto& on = routes_of[r];
      if (on.empty() || on.back() != i) on.push_back(i);
    }
  }
  std::map<VertexId, std::string> notes;
  for (const auto& [v, note] : diagram.notes) notes[v] += (notes[v].empty() ? "" : "; ") + note;
  std::vector<VertexId> ended = diagram.ended_vertices;
  std::sort(ended.begin(), ended.end());

  // Scores size the nodes (square root, so area follows the score); the top tenth is emphasised.
  std::vector<double> score(graph.entity_count(), -1);
  double top_score = 0, emphasis = std::numeric_limits<double>::infinity();
  if (diagram.scores.size() == n && n > 0) {
    for (std::size_t i = 0; i < n; ++i) score[diagram.vertices[i]] = diagram.scores[i], top_score = std::max(top_score, diagram.scores[i]);
    std::vector<double> sorted = diagram.scores;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    std::size_t emphasised = std::max<std::size_t>(1, std::min<std::size_t>(10, (n + 9) / 10));
    if (sorted[emphasised - 1] > 0) emphasis = sorted[emphasised - 1];
  }
  std::vector<std::uint32_t> group(graph.entity_count(), Diagram::kNoGroup);
  bool grouped = diagram.groups.size() == n && n > 0;
  if (grouped) {
    for (std::size_t i = 0; i < n; ++i) group[diagram.vertices[i]] = diagram.groups[i];
  }

  // Boxes first, so their members are created inside them.
  std::vector<Agraph_t*> box_of(graph.entity_count(), nullptr);
  for (std::size_t i = 0; i < diagram.boxes.size(); ++i) {
    Agraph_t* box = b.subgraph("cluster_" + std::to_string(i));
    Builder::set(box, "label", escape_label(diagram.boxes[i].label));
    Builder::set(box, "fontname", options.font);
    Builder::set(box, "fontsize", "16");
    Builder::set(box, "style", "rounded,filled");
    Builder::set(box, "fillcolor", "#fafafa");
    Builder::set(box, "color", "#9e9e9e");
    for (VertexId v : diagram.boxes[i].vertices) box_of[v] = box;
  }
  std::vector<Agnode_t*> nodes(graph.entity_count(), nullptr);
  LegendParts parts;
  parts.kind_fill = !grouped;
  for (VertexId v : diagram.vertices) {
    if (nodes[v] != nullptr) continue;
    const Entity& e = graph.entity(v);
    Agnode_t* node = b.node(box_of[v] != nullptr ? box_of[v] : g, e.id);
    nodes[v] = node;
    parts.kinds.insert(e.kind);
    KindStyle s = kind_style(e.kind);
    std::string label = node_label(e);
    if (auto note = notes.find(v); note != notes.end()) label += "\\n" + escape_label(note->second);
    Builder::set(node, "label", label);
    Builder::set(node, "shape", s.shape);
    bool was = std::binary_search(ended.begin(), ended.end(), v);
    Builder::set(node, "style", std::string(s.style) + (was ? ",dashed" : ""));
    Builder::set(node, "tooltip", escape_tooltip(e.name + " (" + std::string(to_string(e.kind)) + ", " + e.id + ")"));
    bool hot = is_hot(v);
    bool dim = diagram.dim_others && !hot;
    std::string fill = grouped ? group_color(group[v]) : s.fill;
    Builder::set(node, "fillcolor", dim ? kDimNode : fill);
    if (dim) {
      Builder::set(node, "fontcolor", kDimText);
      Builder::set(node, "color", kDimText);
    }
    if (score[v] >= 0 && top_score > 0) {
      double size = 11 + 13 * std::sqrt(score[v] / top_score);
      char text[16];
      std::snprintf(text, sizeof text, "%.1f", size);
      Builder::set(node, "fontsize", text);
      if (score[v] >= emphasis) Builder::set(node, "penwidth", "2.5"), Builder::set(node, "color", "#212121");
    }
    if (hot) {
      Builder::set(node, "penwidth", "3");
      Builder::set(node, "color", diagram.routes.empty() ? kHighlight : "#212121");
      if (score[v] < 0) Builder::set(node, "fontsize", "13");
    }
  }
  // With ranks, every edge is made to point along them (dot breaks cycles by reversing whichever edge
  // its search meets last, which could be an anchor's): between two ranked entities from the lower
  // rank to the higher (drawn with dir=back when the relation points the other way), from a ranked
  // entity to an unranked one, and without a say in ranking otherwise.
  std::vector<int> rank_of(graph.entity_count(), -1);
  for (std::size_t i = 0; i < diagram.ranks.size(); ++i) {
    for (VertexId v : diagram.ranks[i].vertices) {
      if (box_of[v] == nullptr) rank_of[v] = static_cast<int>(i);
    }
  }
  // Ranks: an anchor per rank (a visible axis label, or an invisible point) chained in order, each
  // sharing rank=same with its vertices, so the order holds whichever way the relations point.
  if (!diagram.ranks.empty()) {
    Agnode_t* previous = nullptr;
    for (std::size_t i = 0; i < diagram.ranks.size(); ++i) {
      const Diagram::Rank& rank = diagram.ranks[i];
      Agraph_t* same = b.subgraph("rank_" + std::to_string(i));
      Builder::set(same, "rank", "same");
      Agnode_t* anchor = b.node(same, "hallyu:rank:" + std::to_string(i));
      if (diagram.rank_axis) {
        Builder::set(anchor, "shape", "plaintext");
        Builder::set(anchor, "label", escape_label(rank.label));
        Builder::set(anchor, "fontsize", "18");
        Builder::set(anchor, "fontcolor", "#424242");
      } else {
        Builder::set(anchor, "shape", "point");
        Builder::set(anchor, "style", "invis");
        Builder::set(anchor, "width", "0");
        Builder::set(anchor, "label", "");
      }
      Agnode_t* above = anchor;
      for (VertexId v : rank.vertices) {
        if (nodes[v] == nullptr || box_of[v] != nullptr) continue;
        agsubnode(same, nodes[v], 1);
        if (diagram.rank_axis) {  // keep each column in the given order, under its year
          std::string name = "hallyu:order:" + std::to_string(v);
          Agedge_t* order = agedge(g, above, nodes[v], name.data(), 1);
          Builder::set(order, "style", "invis");
          above = nodes[v];
        }
      }
      if (previous != nullptr) {
        std::string name = "hallyu:axis:" + std::to_string(i);
        Agedge_t* axis = agedge(g, previous, anchor, name.data(), 1);
        Builder::set(axis, "weight", "10");
        if (diagram.rank_axis) {
          Builder::set(axis, "color", "#9e9e9e");
          Builder::set(axis, "penwidth", "2");
          Builder::set(axis, "arrowhead", "none");
        } else {
          Builder::set(axis, "style", "invis");
        }
      }
      previous = anchor;
    }
  }
  for (RelationId r : diagram.relations) {
    const Relation& rel = graph.relation(r);
    if (nodes[rel.from] == nullptr || nodes[rel.to] == nullptr) continue;
    std::string name = "r" + std::to_string(r);
    bool backwards = false, loose = false;
    if (!diagram.ranks.empty()) {
      int a = rank_of[rel.from], z = rank_of[rel.to];
      if (a >= 0 && z >= 0) backwards = a > z, loose = a == z;
      else if (a < 0 && z >= 0) backwards = true;
      else if (a < 0 && z < 0) loose = true;
    }
    Agedge_t* edge = backwards ? agedge(g, nodes[rel.to], nodes[rel.from], name.data(), 1)
                               : agedge(g, nodes[rel.from], nodes[rel.to], name.data(), 1);
    if (loose) Builder::set(edge, "constraint", "false");
    // dot makes a label into a node on a rank between its edge's ends; an edge within one rank has
    // none, and Graphviz 2.42 corrupts its heap laying out such labels (seen with rank=same columns),
    // so those edges get an external label placed after the layout.
    const char* label_key = loose && rank_of[rel.from] >= 0 ? "xlabel" : "label";
    if (backwards) Builder::set(edge, "dir", "back");
    parts.types.insert(rel.type);
    TypeStyle s = type_style(rel.type);
    auto on = routes_of.find(r);
    bool routed = on != routes_of.end();
    bool hot = is_hot_relation(r) || routed;
    bool dim = diagram.dim_others && !hot;
    bool was = has_ended(rel);
    std::string color = dim ? kDimEdge : hot ? kHighlight : s.color;
    if (routed) {  // one line per path it is on, side by side
      color.clear();
      for (std::size_t i : on->second) color += (color.empty() ? "" : ":") + route_color(i);
    }
    Builder::set(edge, "color", color);
    Builder::set(edge, "style", was ? "dashed" : s.style);
    if (was) parts.ended = true;
    Builder::set(edge, "tooltip", escape_tooltip(describe_relation(graph, r)));
    if (is_symmetric(rel.type)) Builder::set(edge, "dir", "none");
    if (hot) Builder::set(edge, "penwidth", routed ? std::to_string(2 + on->second.size()) : "3");
    std::string font_color = dim ? kDimText : routed ? route_color(on->second.front()) : hot ? kHighlight : s.color;
    if (options.edge_labels || hot) {
      Builder::set(edge, label_key, edge_label(graph, r));
      Builder::set(edge, "fontcolor", font_color);
      Builder::set(edge, "fontsize", "11");
    } else if (was) {  // an ended tie always says when
      Builder::set(edge, label_key, escape_label(interval_label(rel)));
      Builder::set(edge, "fontcolor", font_color);
    }
  }
  double top_weight = 0;
  for (const auto& link : diagram.links) top_weight = std::max(top_weight, link.weight);
  for (std::size_t i = 0; i < diagram.links.size(); ++i) {
    const Diagram::Link& link = diagram.links[i];
    if (nodes[link.from] == nullptr || nodes[link.to] == nullptr) continue;
    std::string name = "link" + std::to_string(i);
    Agedge_t* edge = agedge(g, nodes[link.from], nodes[link.to], name.data(), 1);
    char width[16];
    std::snprintf(width, sizeof width, "%.1f", link.weighted ? 1 + 11 * (top_weight > 0 ? link.weight / top_weight : 0) : 1.2);
    std::string color = link.color == Diagram::kNoGroup ? std::string(kLinkColor) : route_color(link.color);
    Builder::set(edge, "penwidth", width);
    Builder::set(edge, "color", color + (link.weighted ? "b0" : ""));
    if (!link.weighted) Builder::set(edge, "style", "dashed");
    Builder::set(edge, "dir", "none");
    if (!link.label.empty()) {
      Builder::set(edge, "label", escape_label(link.label));
      Builder::set(edge, "fontcolor", color);
    }
    Builder::set(edge, "tooltip", escape_tooltip(graph.entity(link.from).name + " \u2013 " + graph.entity(link.to).name + ": " + link.label));
  }
  bool legend = options.legend && !parts.kinds.empty();
  if (!diagram.title.empty() || !diagram.note.empty() || legend) {
    std::string name = "label", html = title_and_legend(diagram, parts, legend);
    char* label = agstrdup_html(g, html.data());
    agsafeset(g, name.data(), label, empty_string());
    agstrfree(g, label);
  }

  if (format == Format::dot) {
    std::string out = write_dot(g);
    graphviz_errors = nullptr;
    return out;
  }
  // One context for the process: creating it loads the plugin configuration, which costs more than
  // laying out a small diagram. Guarded by graphviz_lock like everything else here.
  static GVC_t* gvc = gvContext();
  if (gvLayout(gvc, g, layout.c_str()) != 0) {
    graphviz_errors = nullptr;
    throw Error("Graphviz could not lay out the diagram with " + layout + ": " + text::one_line(errors, 300));
  }
  char* data = nullptr;
  unsigned int length = 0;
  std::string format_name(to_string(format));
  if (format == Format::png || format == Format::pdf) format_name += ":cairo";  // the pango/cairo plugin renders Hangul
  int status = gvRenderData(gvc, g, format_name.c_str(), &data, &length);
  std::string out;
  if (status == 0 && data != nullptr) out.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  graphviz_errors = nullptr;
  if (status != 0 || out.empty()) throw Error("Graphviz could not render " + format_name + ": " + text::one_line(errors, 300));
  return out;
}

}  // namespace hallyu::render
