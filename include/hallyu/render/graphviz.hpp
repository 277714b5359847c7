// Relationship diagrams with Graphviz, in process: the diagram is built with cgraph and laid out
// and rendered with gvc (no `dot` subprocess). Styled by kind and relation type, with a legend,
// highlighted paths over dimmed context, and cluster boxes. Names never inject markup: labels are
// escaped for Graphviz's own escapes (\N, \G, &entities;) and cgraph quotes DOT ids.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
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

  // Paths drawn each in its own colour (a legend entry each); a relation on several is drawn once,
  // in all their colours side by side.
  struct Route {
    std::string label;  // legend text
    std::vector<RelationId> relations;
  };
  std::vector<Route> routes;
  // Vertices placed on ordered ranks (Graphviz rank=same, in order along the layout's direction): a
  // path's hops, a career's years. With rank_axis each rank's label is drawn as a visible axis.
  struct Rank {
    std::string label;
    std::vector<VertexId> vertices;
  };
  std::vector<Rank> ranks;
  bool rank_axis = false;
  // A second line under an entity's name ("as Jang Man-wol", "+3 OSTs").
  std::vector<std::pair<VertexId, std::string>> notes;
  // Entities drawn with a dashed outline: their tie to the diagram's subject has ended.
  std::vector<VertexId> ended_vertices;
  // Edges that are not relations of the graph: weighted summaries such as "12 acting credits"
  // between an agency and a network, drawn with a width by weight.
  struct Link {
    VertexId from, to;
    double weight = 1;
    std::string label;
    std::uint32_t color = 0xffffffffu;  // a palette colour (e.g. one per network); none: the default
    bool weighted = true;               // false: a thin dashed line (an OST folded into its drama)
  };
  std::vector<Link> links;
  double rank_separation = 0;  // inches between ranks; 0: Graphviz's default
  std::string link_legend;  // what a link's width means
  // Per vertex of `vertices` (empty: none): a score that sizes the node, and a colour group that
  // replaces the kind's fill (kNoGroup: grey), with the groups' names for the legend.
  std::vector<double> scores;
  std::string score_legend;
  static constexpr std::uint32_t kNoGroup = 0xffffffffu;
  std::vector<std::uint32_t> groups;
  std::vector<std::string> group_names;  // legend for groups < group_names.size(); empty: no legend
  std::string group_legend;              // what the colours mean
  // Said under the title: what was left out and why ("412 entities without relations left out").
  std::string note;
  std::size_t dropped_isolated = 0;
};

struct RenderOptions {
  std::string layout = "auto";  // dot, neato, fdp, sfdp, circo, twopi, or auto
  bool edge_labels = false;
  bool legend = true;
  // Hangul needs a CJK font in PNG and PDF; Debian's fonts-noto-cjk provides this family.
  std::string font = "Noto Sans CJK KR";
};

// The layout `auto` picks: dot for ranked diagrams (paths, careers, the cross-promotion map) up to 300
// nodes and clusters up to 40, neato up to 150 nodes, fdp up to 500, sfdp beyond (Graphviz's
// force-directed layouts; dot's ranks become unreadable on big graphs). Never ortho.
std::string automatic_layout(const Diagram& diagram);

// The Graphviz DOT text of the diagram (before layout), and the rendered bytes in any format.
// Throws hallyu::Error if Graphviz fails.
std::string render(const Graph& graph, const Diagram& diagram, Format format, const RenderOptions& options = {});

// A membership or contract that has ended: it has an `until`, or its status is "former". Drawn dashed.
bool has_ended(const Relation& relation);
// The years of a membership or contract for a label: "2010\u20132019", "until 2019", "since 2010";
// an ended one with no years "former"; "" for a current one without years.
std::string interval_label(const Relation& relation);

// Label text made safe for Graphviz: control and bidi characters shown as text (text::printable),
// backslashes doubled (no \N, \G, \l escapes), '&' as "&amp;" (Graphviz decodes entities in every
// label). Tooltips and the HTML-like title use their own escaping (graphviz.cpp).
std::string escape_label(std::string_view text);

}  // namespace hallyu::render
