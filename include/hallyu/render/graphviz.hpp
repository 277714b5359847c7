// Relationship diagrams with Graphviz, in process: the diagram is built with cgraph and laid out
// and rendered with gvc (no `dot` subprocess). Styled by kind and relation type, with a legend,
// highlighted paths over dimmed context, and cluster boxes. Names never inject markup: labels are
// escaped for Graphviz's own escapes (\N, \G, &entities;) and cgraph quotes DOT ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hallyu/graph.hpp"

namespace hallyu::render {

enum class Format { svg, png, pdf, dot };
Format parse_format(std::string_view name);             // throws UsageError
Format format_from_path(std::string_view path);         // by extension; throws UsageError when unknown
std::string_view to_string(Format format);

struct Diagram {
  std::string title;
  std::vector<VertexId> vertices;
  std::vector<RelationId> relations;  // drawn when both ends are in `vertices`
  // Emphasised entities and relations; with dim_others the rest is drawn faint ("show the path and
  // dim the rest").
  std::vector<VertexId> highlighted_vertices;
  std::vector<RelationId> highlighted_relations;
  bool dim_others = false;
  // Boxes drawn around groups of vertices (`subgraph cluster_*`), e.g. communities.
  struct Box {
    std::string label;
    std::vector<VertexId> vertices;
  };
  std::vector<Box> boxes;
  bool left_to_right = false;  // paths read better across the page
};

struct RenderOptions {
  std::string layout = "auto";  // dot, neato, fdp, sfdp, circo, twopi, or auto
  bool edge_labels = false;
  bool legend = true;
  // Hangul needs a CJK font in PNG and PDF; Debian's fonts-noto-cjk provides this family.
  std::string font = "Noto Sans CJK KR";
};

// The layout `auto` picks: dot for paths and clusters up to 40 nodes (fdp for larger clusters), neato up
// to 150 nodes, fdp up to 500,
// sfdp beyond (Graphviz's force-directed layouts; dot's ranks become unreadable on big graphs).
std::string automatic_layout(const Diagram& diagram);

// The Graphviz DOT text of the diagram (before layout), and the rendered bytes in any format.
// Throws hallyu::Error if Graphviz fails.
std::string render(const Graph& graph, const Diagram& diagram, Format format, const RenderOptions& options = {});

// Label text made safe for Graphviz: control and bidi characters shown as text (text::printable),
// backslashes doubled (no \N, \G, \l escapes), '&' as "&amp;" (Graphviz decodes entities in every
// label). Tooltips and the HTML-like title use their own escaping (graphviz.cpp).
std::string escape_label(std::string_view text);

}  // namespace hallyu::render
