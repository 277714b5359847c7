// Graphviz in process: styled cgraph diagrams laid out and rendered by gvc.
#include "hallyu/render/graphviz.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <set>

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

std::string edge_label(const Graph& graph, RelationId r) {
  const Relation& rel = graph.relation(r);
  std::string label(to_string(rel.type));
  if (auto role = attribute_text(rel.attributes, "role")) label += "\\n" + escape_label(*role);
  return label;
}

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

// The title and legend as one HTML-like table in the graph's own label: every layout engine places
// it (neato, sfdp and friends ignore cluster subgraphs, so a legend made of nodes would scatter).
std::string title_and_legend(const std::string& title, const std::set<Kind>& kinds, const std::set<RelationType>& types,
                             bool legend) {
  std::string html = "<TABLE BORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">";
  std::size_t columns = std::max<std::size_t>({1, kinds.size(), types.size()});
  if (!title.empty()) {
    html += "<TR><TD COLSPAN=\"" + std::to_string(columns) + "\"><FONT POINT-SIZE=\"18\">" + html_escape(title) + "</FONT></TD></TR>";
  }
  if (legend) {
    html += "<TR>";
    for (Kind kind : kinds) {
      html += "<TD BORDER=\"1\" BGCOLOR=\"" + std::string(kind_style(kind).fill) + "\"><FONT POINT-SIZE=\"10\">" +
              std::string(to_string(kind)) + "</FONT></TD>";
    }
    html += "</TR><TR>";
    for (RelationType type : types) {
      TypeStyle s = type_style(type);
      std::string line = std::string(s.style) == "dashed" ? "- - -" : std::string(s.style) == "dotted" ? "&#183;&#183;&#183;&#183;" : "&#8212;&#8212;";
      html += "<TD><FONT POINT-SIZE=\"10\" COLOR=\"" + std::string(s.color) + "\">" + line + " " + std::string(to_string(type)) +
              "</FONT></TD>";
    }
    html += "</TR>";
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
  if (diagram.left_to_right) return n <= 300 ? "dot" : "sfdp";
  // dot puts clusters on few ranks: past a few dozen nodes that is a very wide strip; fdp keeps boxes 2-D.
  if (!diagram.boxes.empty()) return n <= 40 ? "dot" : n <= 500 ? "fdp" : "sfdp";
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
  if (layout == "neato" || layout == "fdp" || layout == "sfdp") Builder::set(g, "overlap", "prism");
  if (layout == "sfdp") Builder::set(g, "outputorder", "edgesfirst");
  Builder::set(g, "splines", n <= 150 ? "true" : "false");
  b.declare(AGNODE, "fontname", options.font);
  b.declare(AGNODE, "fontsize", "11");
  b.declare(AGNODE, "penwidth", "1");
  b.declare(AGEDGE, "fontname", options.font);
  b.declare(AGEDGE, "fontsize", "9");
  b.declare(AGEDGE, "arrowsize", "0.6");

  std::vector<VertexId> highlighted_vertices = diagram.highlighted_vertices;
  std::sort(highlighted_vertices.begin(), highlighted_vertices.end());
  std::vector<RelationId> highlighted_relations = diagram.highlighted_relations;
  std::sort(highlighted_relations.begin(), highlighted_relations.end());
  auto is_hot = [&](VertexId v) { return std::binary_search(highlighted_vertices.begin(), highlighted_vertices.end(), v); };
  auto is_hot_relation = [&](RelationId r) {
    return std::binary_search(highlighted_relations.begin(), highlighted_relations.end(), r);
  };

  // Boxes first, so their members are created inside them.
  std::vector<Agraph_t*> box_of(graph.entity_count(), nullptr);
  for (std::size_t i = 0; i < diagram.boxes.size(); ++i) {
    Agraph_t* box = b.subgraph("cluster_" + std::to_string(i));
    Builder::set(box, "label", escape_label(diagram.boxes[i].label));
    Builder::set(box, "fontname", options.font);
    Builder::set(box, "style", "rounded,filled");
    Builder::set(box, "fillcolor", "#fafafa");
    Builder::set(box, "color", "#9e9e9e");
    for (VertexId v : diagram.boxes[i].vertices) box_of[v] = box;
  }
  std::vector<Agnode_t*> nodes(graph.entity_count(), nullptr);
  std::set<Kind> kinds;
  for (VertexId v : diagram.vertices) {
    if (nodes[v] != nullptr) continue;
    const Entity& e = graph.entity(v);
    Agnode_t* node = b.node(box_of[v] != nullptr ? box_of[v] : g, e.id);
    nodes[v] = node;
    kinds.insert(e.kind);
    KindStyle s = kind_style(e.kind);
    Builder::set(node, "label", node_label(e));
    Builder::set(node, "shape", s.shape);
    Builder::set(node, "style", s.style);
    Builder::set(node, "tooltip", escape_tooltip(e.name + " (" + std::string(to_string(e.kind)) + ", " + e.id + ")"));
    bool hot = is_hot(v);
    bool dim = diagram.dim_others && !hot;
    Builder::set(node, "fillcolor", dim ? kDimNode : s.fill);
    if (dim) {
      Builder::set(node, "fontcolor", kDimText);
      Builder::set(node, "color", kDimText);
    }
    if (hot) {
      Builder::set(node, "penwidth", "3");
      Builder::set(node, "color", kHighlight);
      Builder::set(node, "fontsize", "13");
    }
  }
  std::set<RelationType> types;
  for (RelationId r : diagram.relations) {
    const Relation& rel = graph.relation(r);
    if (nodes[rel.from] == nullptr || nodes[rel.to] == nullptr) continue;
    std::string name = "r" + std::to_string(r);
    Agedge_t* edge = agedge(g, nodes[rel.from], nodes[rel.to], name.data(), 1);
    types.insert(rel.type);
    TypeStyle s = type_style(rel.type);
    bool hot = is_hot_relation(r);
    bool dim = diagram.dim_others && !hot;
    Builder::set(edge, "color", dim ? kDimEdge : hot ? kHighlight : s.color);
    Builder::set(edge, "style", s.style);
    Builder::set(edge, "tooltip", escape_tooltip(describe_relation(graph, r)));
    if (is_symmetric(rel.type)) Builder::set(edge, "dir", "none");
    if (hot) Builder::set(edge, "penwidth", "3");
    if (options.edge_labels || hot) {
      Builder::set(edge, "label", edge_label(graph, r));
      Builder::set(edge, "fontcolor", dim ? kDimText : hot ? kHighlight : s.color);
    }
  }
  if (!diagram.title.empty() || (options.legend && !kinds.empty())) {
    std::string name = "label", html = title_and_legend(diagram.title, kinds, types, options.legend && !kinds.empty());
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
