// hallyu explorer: the page of `hallyu serve`. It asks the JSON API for views (entities and relations
// as data), lays them out itself and draws them with sigma.js (WebGL) over a graphology graph, so that
// positions are kept across expansions and the view can be zoomed, panned and edited. Every view has
// a URL (history.pushState), and data reaches the page only through textContent and attributes.
"use strict";

const $ = (selector) => document.querySelector(selector);

const KIND_COLORS = { idol: "#c2185b", actor: "#7b1fa2", group: "#1565c0", drama: "#2e7d32", ost: "#e65100",
  agency: "#5d4037", network: "#455a64" };
const PATH_COLORS = ["#d81b60", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00897b", "#e53935", "#6d4c41",
  "#3949ab", "#7cb342"];
const CLUSTER_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
  "#bcbd22", "#393b79", "#ad494a", "#637939"];
const DEFAULT_EXCLUDE = ["agency", "network"];
const METRIC_HELP = {
  betweenness: "Betweenness: how often an entity lies on the shortest paths between two others (the bridges between scenes).",
  degree: "Degree: how many distinct entities it is directly related to.",
  closeness: "Closeness: how near it is, on average, to everyone it can reach.",
  harmonic: "Harmonic closeness: the sum of 1/distance to everyone (works across disconnected parts).",
  pagerank: "PageRank: how connected it is to entities that are themselves well connected.",
  eigenvector: "Eigenvector: like PageRank, the weight of its neighbours' own connections.",
};
// Headings for an entity's relations, by type and by whether the entity is the relation's source.
const RELATION_HEADINGS = {
  acted_in: ["Acted in", "Cast"], member_of: ["Member of", "Members"], performed: ["Sang", "Sung by"],
  ost_of: ["Soundtrack of", "Soundtrack"], signed_to: ["Signed to", "Artists"], aired_on: ["Aired on", "Dramas aired"],
  collaborated_with: ["Collaborations", "Collaborations"],
};

const state = {
  view: null,       // {from, to, k} | {cluster, method} | {q} | {} and always expand: [ids], hide: [ids]
  paths: [],        // the k paths of a path view
  pathIndex: -1,    // the chosen path (-1: all)
  selected: null,   // the entity in the side panel
  focus: null,      // the node the keyboard is on
  kinds: [], types: [],
  undo: [],
  timings: [],      // expansion timings for the end-to-end test: {total, render} in ms
  endEdits: 0,      // keystrokes in the path's From and To fields, so a late answer does not overwrite them
};
let graph = null, renderer = null;

// ---------------------------------------------------------------------------------------------
// Small helpers

// replaceChildren, skipping absent (null) children as element() does: the DOM would print "null".
function setChildren(node, ...children) {
  node.replaceChildren(...children.filter((child) => child != null));
}

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function status(message) { $("#status").textContent = message; }

// GET path with params: an object whose array values become repeated parameters.
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== "" && v != null) query.append(key, v);
  }
  const response = await fetch(`${path}?${query}`);
  if (response.headers.get("Content-Type")?.startsWith("image/svg")) {
    if (!response.ok) throw new Error(`${response.status}`);
    return response.text();
  }
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || `HTTP ${response.status}`);
    error.candidates = body.candidates || [];
    error.body = body;
    throw error;
  }
  return body;
}

function entityLink(entity, onclick) {
  return element("a", { className: "entity", href: `/?expand=${encodeURIComponent(entity.id)}`, text: entity.name,
    title: `${entity.kind || "entity"} · ${entity.id}`,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1) return;  // a new tab gets the URL
      event.preventDefault();
      (onclick || openEntity)(entity.id);
    } });
}

// A sentence with the names of `entities` turned into links (first occurrence of each, longest first).
function linkedSentence(text, entities) {
  const found = [];
  const taken = [];
  for (const e of [...entities].sort((a, b) => b.name.length - a.name.length)) {
    if (!e || !e.name) continue;
    let at = text.indexOf(e.name);
    while (at >= 0 && taken.some(([s, t]) => at < t && at + e.name.length > s)) at = text.indexOf(e.name, at + 1);
    if (at < 0) continue;
    taken.push([at, at + e.name.length]);
    found.push({ at, entity: e });
  }
  found.sort((a, b) => a.at - b.at);
  const out = [];
  let position = 0;
  for (const { at, entity } of found) {
    if (at > position) out.push(text.slice(position, at));
    out.push(entityLink(entity));
    position = at + entity.name.length;
  }
  if (position < text.length) out.push(text.slice(position));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Filters and the URL

// The year window as the API spells it: years "2016-2019", "2016-" or "-2010", and as_of.
function yearParams() {
  const from = $("#years-from").value.trim(), to = $("#years-to").value.trim(), asOf = $("#as-of").value.trim();
  return { years: from || to ? `${from}-${to}` : null, as_of: asOf || null };
}

function filterParams() {
  const exclude = [...document.querySelectorAll("#kind-filters input:checked")].map((box) => box.value);
  const via = [...document.querySelectorAll("#via-filters input:checked")].map((box) => box.value);
  const avoid = $("#avoid").value.trim();
  return { exclude_kinds: exclude.join(","), via: via.join(","), avoid: avoid || null, ...yearParams() };
}

function styleParams() {
  return { color_by: $("#color-by").value || null, size_by: $("#size-by").value || null };
}

function urlOf(view) {
  const q = new URLSearchParams();
  if (view.from) { q.set("from", view.from); q.set("to", view.to); if (view.k > 1) q.set("k", view.k); }
  if (view.cluster != null) { q.set("cluster", view.cluster); q.set("method", view.method); }
  if (view.q) q.set("q", view.q);
  if (view.expand.length) q.set("expand", view.expand.join(","));
  if (view.hide.length) q.set("hide", view.hide.join(","));
  if (view.from && state.pathIndex >= 0) q.set("p", state.pathIndex);
  const f = filterParams();
  if (f.exclude_kinds !== DEFAULT_EXCLUDE.join(",")) q.set("exclude", f.exclude_kinds || "none");
  if (f.via) q.set("via", f.via);
  if (f.avoid) q.set("avoid", f.avoid);
  if (f.years) q.set("years", f.years);
  if (f.as_of) q.set("asof", f.as_of);
  const s = styleParams();
  if (s.color_by) q.set("color", s.color_by);
  if (s.size_by) q.set("size", s.size_by);
  if (state.selected) q.set("sel", state.selected);
  const text = q.toString();
  return text ? `/?${text}` : "/";
}

function viewFromUrl() {
  const q = new URLSearchParams(location.search);
  const list = (name) => (q.get(name) || "").split(",").filter(Boolean);
  const exclude = q.has("exclude") ? (q.get("exclude") === "none" ? [] : list("exclude")) : DEFAULT_EXCLUDE;
  for (const box of document.querySelectorAll("#kind-filters input")) box.checked = exclude.includes(box.value);
  const via = list("via");
  for (const box of document.querySelectorAll("#via-filters input")) box.checked = via.includes(box.value);
  $("#avoid").value = q.get("avoid") || "";
  const [from = "", to = ""] = (q.get("years") || "").split("-");
  $("#years-from").value = from;
  $("#years-to").value = to;
  $("#as-of").value = q.get("asof") || "";
  $("#color-by").value = q.get("color") || "";
  $("#size-by").value = q.get("size") || "";
  const view = { expand: list("expand"), hide: list("hide") };
  if (q.get("from") && q.get("to")) Object.assign(view, { from: q.get("from"), to: q.get("to"), k: Number(q.get("k") || 1) });
  else if (q.has("cluster")) Object.assign(view, { cluster: Number(q.get("cluster")), method: q.get("method") || "leiden" });
  else if (q.get("q")) view.q = q.get("q");
  state.pathIndex = q.has("p") ? Number(q.get("p")) : -1;
  state.selected = q.get("sel");
  return view;
}

function positions() {
  const out = {};
  graph?.forEachNode((id, a) => { out[id] = [a.x, a.y, a.pinned ? 1 : 0]; });
  return out;
}

// Records the current view in the history: a new entry (push) or the current one (replace).
function remember(push) {
  if (!state.view) return;
  const url = urlOf(state.view);
  const entry = { positions: positions() };
  if (push && url !== location.pathname + location.search) history.pushState(entry, "", url);
  else history.replaceState(entry, "", url);
}

// ---------------------------------------------------------------------------------------------
// Autocomplete: an ARIA combobox over /api/search.

let comboboxCount = 0;
function autocomplete(input, { onChoose, submitOnEnter }) {
  const id = `combo-${++comboboxCount}`;
  const list = element("ul", { id, className: "suggestions", role: "listbox", hidden: "" });
  input.parentElement.append(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id);
  let results = [], active = -1, timer = null, generation = 0;
  const close = () => {
    list.hidden = true; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const why = (r) => {
    if (r.matched === r.name || r.matched === r.id || !r.matched) return null;
    if (r.match === "hangul-initials") return `Hangul initials of ${r.matched}`;
    if (/[\u3131-\u318e\uac00-\ud7a3]/.test(r.matched)) return `Hangul: ${r.matched}`;
    if (r.match === "similar" || r.match === "fuzzy") return `spelled like ${r.matched}`;
    if (/^[a-z0-9-]+$/.test(r.matched)) return null;  // an id: says nothing more than the name
    return `also known as ${r.matched}`;
  };
  const show = () => {
    setChildren(list, ...results.map((r, i) => element("li", {
      id: `${id}-${i}`, role: "option", "aria-selected": String(i === active), className: i === active ? "active" : "",
      onmousedown: (event) => { event.preventDefault(); choose(i); } },
      element("span", { className: "name", text: r.name }),
      why(r) ? element("span", { className: "why", text: why(r) }) : null,
      element("span", { className: "kind", text: r.kind }))));
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const choose = (i) => {
    const r = results[i];
    if (!r) return;
    input.value = r.name;
    input.dataset.id = r.id;
    close();
    onChoose?.(r);
  };
  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    const q = input.value.trim();
    const mine = ++generation;
    if (!q) { results = []; close(); return; }
    timer = setTimeout(async () => {
      try {
        const answer = await api("/api/search", { q, limit: 8 });
        if (mine !== generation || document.activeElement !== input) return;  // typed on, or left the field
        results = answer.results; active = -1; show();
      } catch (error) { status(error.message); }
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { close(); return; }
    if (list.hidden) return;
    if (event.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); show(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { active = Math.max(active - 1, 0); show(); event.preventDefault(); }
    else if (event.key === "Enter") {
      // A highlighted suggestion is chosen; otherwise Enter does what it does without the list.
      if (active >= 0) { choose(active); event.preventDefault(); if (submitOnEnter) input.form?.requestSubmit(); }
      else if (!submitOnEnter) { choose(0); event.preventDefault(); }
      else { ++generation; close(); }
    }
  });
  input.addEventListener("blur", () => { ++generation; setTimeout(close, 100); });
  return { close };
}

// ---------------------------------------------------------------------------------------------
// The graph: sigma.js over graphology, with positions the page decides.

function nodeColor(a) {
  if ($("#color-by").value && a.cluster !== undefined) {
    return a.cluster == null ? "#9e9e9e" : CLUSTER_COLORS[a.cluster % CLUSTER_COLORS.length];
  }
  return KIND_COLORS[a.kind] || "#757575";
}

function createRenderer() {
  graph = new graphology.MultiGraph();
  const container = $("#graph");
  renderer = new Sigma(graph, container, {
    labelSize: 13, labelWeight: "600", labelColor: { color: "#1a1a1a" },
    labelFont: "system-ui, 'Noto Sans', 'Noto Sans CJK KR', sans-serif",
    labelDensity: 0.4, labelGridCellSize: 110, labelRenderedSizeThreshold: 5,
    zIndex: true, stagePadding: 40, minCameraRatio: 0.02, maxCameraRatio: 20,
    nodeReducer: (id, a) => {
      const out = { ...a, color: nodeColor(a) };
      const focus = state.focus === id || state.selected === id;
      if (a.pathRank != null && state.pathIndex >= 0 && !a.paths.includes(state.pathIndex)) out.color = "#cfcfcf";
      if (a.pinned) out.label = `${a.label} (pinned)`;
      if (focus) { out.highlighted = true; out.forceLabel = true; out.zIndex = 3; }
      if (a.important || a.paths?.length) { out.forceLabel = true; out.zIndex = 2; }
      // Long names are shortened, never shrunk; the full name shows on hover and keyboard focus.
      const room = container.clientWidth < 600 ? 13 : 28;
      if (!focus && out.label && out.label.length > room) out.label = `${out.label.slice(0, room - 1)}…`;
      return out;
    },
    edgeReducer: (id, a) => {
      const out = { ...a };
      if (a.paths?.length) {
        const chosen = state.pathIndex >= 0 ? a.paths.includes(state.pathIndex) : true;
        out.color = chosen ? PATH_COLORS[(state.pathIndex >= 0 ? state.pathIndex : a.paths[0]) % PATH_COLORS.length] : "#e0e0e0";
        out.size = chosen ? 4 : 1;
        out.zIndex = chosen ? 2 : 0;
      } else {
        out.color = a.hover ? "#424242" : "#c4c4c4";
        out.size = a.hover ? 2 : 1;
      }
      return out;
    },
  });
  let dragged = null, moved = false;
  renderer.on("downNode", ({ node }) => { dragged = node; moved = false; });
  const mouse = renderer.getMouseCaptor();
  mouse.on("mousemovebody", (event) => {
    if (!dragged) return;
    if (!moved) { snapshot(); moved = true; }
    const p = renderer.viewportToGraph(event);
    graph.mergeNodeAttributes(dragged, { x: p.x, y: p.y, pinned: true });
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  mouse.on("mouseup", () => { if (dragged && moved) remember(false); dragged = null; });
  renderer.on("clickNode", ({ node }) => {
    if (moved) { moved = false; return; }
    activate(node);
  });
  renderer.on("enterNode", ({ node }) => {
    container.style.cursor = "pointer";
    graph.forEachEdge(node, (edge) => graph.setEdgeAttribute(edge, "hover", true));
  });
  renderer.on("leaveNode", ({ node }) => {
    container.style.cursor = "";
    if (graph.hasNode(node)) graph.forEachEdge(node, (edge) => graph.setEdgeAttribute(edge, "hover", false));
  });
  window.hallyuExplorer = { graph, renderer, state };
}

function nodeSize(a) {
  const base = a.important ? 9 : 6;
  if (a.score == null || !$("#size-by").value) return base;
  return 4 + 16 * Math.sqrt(a.score / (state.maxScore || 1));
}

// Places `ids` around `anchor` (or the centre), away from what is already there, then relaxes them
// against every node on screen; nothing else moves.
function placeAround(ids, anchor) {
  if (!ids.length) return;
  const count = graph.order - ids.length;
  let cx = 0, cy = 0, ax = 0, ay = 0;
  if (count > 0) {
    graph.forEachNode((id, a) => { if (!ids.includes(id)) { cx += a.x; cy += a.y; } });
    cx /= count; cy /= count;
  }
  if (anchor && graph.hasNode(anchor)) ({ x: ax, y: ay } = graph.getNodeAttributes(anchor));
  else { ax = cx; ay = cy; }
  // Open directions point away from the centre of the existing drawing.
  let direction = Math.atan2(ay - cy, ax - cx);
  const spread = count > 1 && (ax !== cx || ay !== cy) ? Math.PI * 1.4 : Math.PI * 2;
  if (!Number.isFinite(direction)) direction = 0;
  const ring = 60;
  ids.forEach((id, i) => {
    const layer = Math.floor(i / 24), inLayer = Math.min(24, ids.length - layer * 24);
    const angle = direction - spread / 2 + spread * ((i % 24) + 0.5) / inLayer + layer * 0.13;
    const r = ring * (1.2 + layer * 0.8) * Math.max(1, Math.sqrt(ids.length / 12));
    graph.mergeNodeAttributes(id, { x: ax + r * Math.cos(angle), y: ay + r * Math.sin(angle) });
  });
  relax(new Set(ids), 40);
}

// A few rounds of force-directed layout moving only `free` nodes (repulsion from every node within
// reach, springs along relations).
function relax(free, rounds) {
  // Works on copies and writes the moved nodes back once: every graph update costs a renderer event.
  const all = graph.nodes();
  const pos = new Map(all.map((id) => { const a = graph.getNodeAttributes(id); return [id, { x: a.x, y: a.y, pinned: a.pinned }]; }));
  const moving = [...free].filter((id) => !pos.get(id).pinned);
  const neighbours = new Map(moving.map((id) => [id, graph.neighbors(id)]));
  const ideal = 60, cell = ideal * 2.5;
  for (let round = 0; round < rounds; round++) {
    const grid = new Map();
    for (const id of all) {
      const p = pos.get(id);
      const key = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(id);
    }
    const step = ideal * 0.4 * (1 - round / rounds);
    for (const id of moving) {
      const p = pos.get(id);
      let fx = 0, fy = 0;
      const gx = Math.floor(p.x / cell), gy = Math.floor(p.y / cell);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${gx + dx},${gy + dy}`) || []) {
          if (other === id) continue;
          const q = pos.get(other);
          let ex = p.x - q.x, ey = p.y - q.y;
          let d2 = ex * ex + ey * ey;
          if (d2 < 1e-6) { ex = Math.random() - 0.5; ey = Math.random() - 0.5; d2 = 0.25; }
          if (d2 > cell * cell) continue;
          const f = (ideal * ideal) / d2;
          fx += ex * f; fy += ey * f;
        }
      }
      for (const other of neighbours.get(id)) {
        const q = pos.get(other);
        const ex = q.x - p.x, ey = q.y - p.y, d = Math.hypot(ex, ey) || 1;
        const f = (d - ideal) / d * 0.5;
        fx += ex * f; fy += ey * f;
      }
      const length = Math.hypot(fx, fy);
      if (length > 0) {
        const move = Math.min(step, length);
        p.x += fx / length * move; p.y += fy / length * move;
      }
    }
  }
  for (const id of moving) { const p = pos.get(id); graph.mergeNodeAttributes(id, { x: p.x, y: p.y }); }
}

// A first layout for a whole view: paths in lanes, otherwise rings around the central entities and a
// relaxation of everything.
function layoutFresh(data, centre) {
  const ids = graph.nodes();
  if (state.paths.length) {
    const placed = new Set();
    // Paths read top to bottom, side by side: labels sit to the right of nodes and never cover the next hop.
    const narrow = $("#graph").clientWidth < 600;  // a phone: taller than wide
    const laneGap = narrow ? 210 : 260, hop = narrow ? 150 : 100;
    state.paths.forEach((path, i) => {
      const lane = i === 0 ? 0 : (i % 2 ? 1 : -1) * Math.ceil(i / 2);
      path.nodes.forEach((n, j) => {
        if (placed.has(n.id) || !graph.hasNode(n.id)) return;
        placed.add(n.id);
        const end = j === 0 || j === path.nodes.length - 1;
        graph.mergeNodeAttributes(n.id, { x: end ? 0 : lane * laneGap, y: -(j - (path.nodes.length - 1) / 2) * hop, pinned: false });
      });
    });
    const rest = ids.filter((id) => !placed.has(id));
    rest.forEach((id, i) => graph.mergeNodeAttributes(id, { x: (i % 10) * 40 - 200, y: 300 + Math.floor(i / 10) * 40 }));
    relax(new Set(rest), 60);
    return;
  }
  const first = centre && graph.hasNode(centre) ? centre : ids[0];
  if (!first) return;
  graph.mergeNodeAttributes(first, { x: 0, y: 0 });
  const others = ids.filter((id) => id !== first);
  // Breadth-first rings from the first entity keep related entities near each other.
  const seen = new Set([first]), order = [];
  let frontier = [first];
  while (frontier.length) {
    const next = [];
    for (const id of frontier) graph.forEachNeighbor(id, (n) => { if (!seen.has(n)) { seen.add(n); next.push(n); order.push(n); } });
    frontier = next;
  }
  for (const id of others) if (!seen.has(id)) order.push(id);
  order.forEach((id, i) => {
    const r = 90 * Math.sqrt(i + 1), angle = i * 2.39996;  // a sunflower: even spacing, nearer first
    graph.mergeNodeAttributes(id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  relax(new Set(others), graph.order > 600 ? 30 : 80);
}

function fit(animate = true) {
  if (!renderer || graph.order === 0) return;
  const nodes = graph.nodes();
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const id of nodes) {
    const { x, y } = graph.getNodeAttributes(id);
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  const camera = renderer.getCamera();
  const centre = renderer.viewportToFramedGraph(renderer.graphToViewport({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }));
  const a = renderer.graphToViewport({ x: minX, y: minY }), b = renderer.graphToViewport({ x: maxX, y: maxY });
  const { width, height } = renderer.getDimensions();
  // Labels stand to the right of their nodes: keep room for them there.
  const pad = 30, labels = Math.min(180, width / 4);
  const scale = Math.max(Math.abs(b.x - a.x) / Math.max(1, width - 2 * pad - labels), Math.abs(b.y - a.y) / Math.max(1, height - 2 * pad), 0.05);
  const target = { x: centre.x, y: centre.y, ratio: camera.ratio * scale };
  // Shift the centre left by half the label room, in framed coordinates at the new ratio.
  const shifted = renderer.viewportToFramedGraph({ x: width / 2 + labels / 2, y: height / 2 });
  const middle = renderer.viewportToFramedGraph({ x: width / 2, y: height / 2 });
  target.x += (shifted.x - middle.x) * scale;
  target.y += (shifted.y - middle.y) * scale;
  if (animate) camera.animate(target, { duration: 250 }); else camera.setState(target);
}

function zoom(factor) {
  const camera = renderer.getCamera();
  camera.animate({ ratio: camera.ratio / factor }, { duration: 150 });
}

// Adds a view's nodes and relations; new nodes go around `anchor`. Returns the added node ids.
function merge(data, anchor, extra = {}) {
  const hidden = new Set(state.view.hide);
  const added = [];
  for (const n of data.nodes) {
    if (hidden.has(n.id)) continue;
    const attributes = { label: n.name, kind: n.kind, size: 6 };
    if (n.cluster !== undefined) attributes.cluster = n.cluster;
    if (n.score !== undefined) attributes.score = n.score;
    if (graph.hasNode(n.id)) graph.mergeNodeAttributes(n.id, attributes);
    else { graph.addNode(n.id, { ...attributes, x: 0, y: 0, ...extra }); added.push(n.id); }
  }
  for (const e of data.edges) {
    const key = `${e.from}|${e.to}|${e.type}`;
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to) || graph.hasEdge(key)) continue;
    graph.addEdgeWithKey(key, e.from, e.to, { type: "line", relation: e.type, text: e.text });
  }
  return added;
}

function markImportant() {
  const expanded = new Set(state.view.expand);
  const ends = new Set(state.paths.flatMap((p) => [p.nodes[0].id, p.nodes[p.nodes.length - 1].id]));
  let maxScore = 0;
  graph.forEachNode((id, a) => { if (a.score > maxScore) maxScore = a.score; });
  state.maxScore = maxScore;
  graph.forEachNode((id, a) => {
    const important = expanded.has(id) || ends.has(id);
    const size = nodeSize({ ...a, important });
    if (a.important !== important || a.size !== size) graph.mergeNodeAttributes(id, { important, size });
  });
}

function markPaths() {
  graph.forEachNode((id, a) => { if (a.paths?.length || a.paths === undefined) graph.mergeNodeAttributes(id, { paths: [], pathRank: null }); });
  graph.forEachEdge((edge, a) => { if (a.paths?.length) graph.setEdgeAttribute(edge, "paths", []); });
  state.paths.forEach((path, i) => {
    for (const n of path.nodes) if (graph.hasNode(n.id)) {
      const a = graph.getNodeAttributes(n.id);
      graph.mergeNodeAttributes(n.id, { paths: [...a.paths, i], pathRank: i });
    }
    for (const e of path.edges) {
      const key = `${e.from}|${e.to}|${e.type}`;
      if (!graph.hasEdge(key) && graph.hasNode(e.from) && graph.hasNode(e.to))
        graph.addEdgeWithKey(key, e.from, e.to, { type: "line", relation: e.type, text: e.text, paths: [] });
      if (graph.hasEdge(key)) graph.setEdgeAttribute(key, "paths", [...(graph.getEdgeAttribute(key, "paths") || []), i]);
    }
  });
}

function snapshot() {
  if (!graph) return;
  state.undo.push({ graph: graph.export(), view: structuredClone(state.view), paths: state.paths,
    pathIndex: state.pathIndex, selected: state.selected, title: $("#graph-title").textContent,
    pathResult: [...$("#path-result").childNodes] });
  if (state.undo.length > 40) state.undo.shift();
  $("#undo").disabled = false;
}

function undo() {
  const last = state.undo.pop();
  $("#undo").disabled = state.undo.length === 0;
  if (!last) return;
  graph.clear();
  graph.import(last.graph);
  Object.assign(state, { view: last.view, paths: last.paths, pathIndex: last.pathIndex, selected: last.selected });
  $("#graph-title").textContent = last.title;
  setChildren($("#path-result"), ...last.pathResult);
  renderer.refresh();
  remember(true);
  status("undone");
}

function viewParams(view) {
  if (view.from) return { from: view.from, to: view.to, k: view.k };
  if (view.cluster != null) return { cluster: view.cluster, method: view.method };
  return null;
}

// Loads `view` from scratch (a new search, a path, a cluster, a URL, Back or Forward, a filter change).
// `keep`: positions to reuse by id; `centre`: the entity to lay out around.
async function load(view, { push = true, keep = null, centre = null } = {}) {
  const generation = ++load.generation;
  const editsAtStart = state.endEdits;
  const filters = filterParams(), style = styleParams();
  const base = viewParams(view);
  status("loading...");
  let data = { nodes: [], edges: [], paths: [] }, extra = null, queryData = null;
  try {
    if (base) data = await api("/api/view", { ...base, ...filters, ...style });
    else if (view.q) queryData = await runQuery(view.q, false);
    if (view.expand.length) extra = await api("/api/view", { expand: view.expand, ...filters, ...style });
  } catch (error) {
    if (generation !== load.generation) return;
    failView(view, error);
    return;
  }
  if (generation !== load.generation) return;
  const before = keep || positions();
  state.view = view;
  state.paths = data.paths || [];
  if (state.pathIndex >= state.paths.length) state.pathIndex = -1;
  graph.clear();
  if (queryData) merge(queryData);
  merge(data);
  if (extra) merge(extra);
  for (const n of state.paths.flatMap((p) => p.nodes)) if (!graph.hasNode(n.id) && !view.hide.includes(n.id)) graph.addNode(n.id, { label: n.name, kind: n.kind, x: 0, y: 0, size: 6 });
  markPaths();
  markImportant();
  const known = graph.nodes().filter((id) => before[id]);
  if (known.length >= graph.order / 2 && known.length > 0) {
    for (const id of known) graph.mergeNodeAttributes(id, { x: before[id][0], y: before[id][1], pinned: !!before[id][2] });
    const fresh = graph.nodes().filter((id) => !before[id]);
    placeAround(fresh, centre || view.expand[view.expand.length - 1]);
  } else {
    layoutFresh(data, centre || view.expand[0] || state.paths[0]?.nodes[0]?.id);
  }
  renderer.setCustomBBox(null);
  renderer.refresh();
  renderer.setCustomBBox(renderer.getBBox());  // new nodes must not rescale what is on screen
  renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  renderer.refresh();
  fit(false);
  $("#graph-title").textContent = viewTitle(view, data);
  // The path's ends are written back (canonical names) unless someone typed in them meanwhile: a
  // recompute answered late must not replace the next question being typed.
  showPathList({ keepEnds: state.endEdits !== editsAtStart });
  if (!view.from) setChildren($("#path-result"));
  if (state.selected) showEntity(state.selected);
  remember(push);
  hideWelcome();
  status(`${graph.order} entities, ${graph.size} relations on screen`);
}
load.generation = 0;

function viewTitle(view, data) {
  if (view.from) {
    const ends = state.paths[0]?.nodes;
    const names = ends ? `${ends[0].name} → ${ends[ends.length - 1].name}` : `${view.from} → ${view.to}`;
    return `Path: ${names}`;
  }
  if (view.cluster != null) return `Cluster #${view.cluster} (${view.method})`;
  if (view.q) return "Query result";
  const names = view.expand.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id));
  if (names.length === 1) return `Around ${names[0]}`;
  if (names.length === 2) return `Around ${names[0]} and ${names[1]}`;
  return `Around ${names[0]}, ${names[1]} and ${names.length - 2} more`;
}

function failView(view, error) {
  // Nothing of the previous view stays under the message.
  state.view = view;
  state.paths = [];
  graph.clear();
  renderer.refresh();
  $("#graph-title").textContent = view.from ? "No path" : "Nothing to show";
  const message = element("p", { className: "error", role: "alert", text: error.message.replace(/; did you mean.*$/, ".") });
  const children = [message];
  if (error.candidates?.length) {
    const p = element("p", {}, "Did you mean ");
    error.candidates.forEach((c, i) => {
      if (i) p.append(i === error.candidates.length - 1 ? " or " : ", ");
      p.append(entityLink(c, () => fixPathEnd(view, error, c)));
      p.append(` (${c.kind})`);
    });
    p.append("?");
    children.push(p);
  }
  setChildren($("#path-result"), ...(view.from ? children : []));
  if (!view.from) status(error.message); else status("");
  remember(true);
}

function fixPathEnd(view, error, candidate) {
  const wrongFrom = error.message.includes(`'${view.from}'`);
  const input = wrongFrom ? $("#path-from") : $("#path-to");
  input.value = candidate.name;
  input.dataset.id = candidate.id;
  $("#path-form").requestSubmit();
}

// ---------------------------------------------------------------------------------------------
// Actions on nodes

// Clicking (or Enter on) a node: show it, and add its neighbours to the view around it.
async function activate(id) {
  state.selected = id;
  showEntity(id);
  if (state.view.expand.includes(id)) { renderer.refresh(); remember(false); return; }
  await expand(id);
}

async function expand(id) {
  const started = performance.now();
  const view = state.view;
  let data;
  try {
    // Only what expanding adds: the page says what it has already expanded.
    data = await api("/api/view", { expand: id, shown: view.expand.length ? view.expand.join(",") : null, ...filterParams(), ...styleParams() });
  } catch (error) { status(error.message); return; }
  if (view !== state.view || !graph.hasNode(id)) return;  // another view, or removed meanwhile
  const arrived = performance.now();
  snapshot();
  view.expand = [...view.expand, id];
  const added = merge(data, id);
  placeAround(added, id);
  markPaths();
  markImportant();
  renderer.refresh();
  if (!viewParams(view) && !view.q) $("#graph-title").textContent = viewTitle(view, data);
  remember(true);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const done = performance.now();
    state.timings.push({ total: done - started, render: done - arrived, nodes: graph.order });
  }));
  status(`${added.length} added around ${graph.getNodeAttribute(id, "label")}; ${graph.order} entities on screen`);
}

function removeNode(id) {
  if (!graph.hasNode(id)) return;
  snapshot();
  graph.dropNode(id);
  state.view.hide = [...new Set([...state.view.hide, id])];
  state.view.expand = state.view.expand.filter((x) => x !== id);
  if (state.focus === id) state.focus = null;
  renderer.refresh();
  remember(true);
}

// Collapsing removes the neighbours that only this node holds on screen.
function collapse(id) {
  if (!graph.hasNode(id)) return;
  snapshot();
  const keep = new Set([...state.view.expand.filter((x) => x !== id), ...state.paths.flatMap((p) => p.nodes.map((n) => n.id))]);
  for (const n of graph.neighbors(id)) if (graph.degree(n) <= 1 && !keep.has(n)) graph.dropNode(n);
  state.view.expand = state.view.expand.filter((x) => x !== id);
  markImportant();
  renderer.refresh();
  remember(true);
}

function togglePin(id) {
  if (!graph.hasNode(id)) return;
  graph.setNodeAttribute(id, "pinned", !graph.getNodeAttribute(id, "pinned"));
  renderer.refresh();
  remember(false);
}

function openEntity(id) {
  state.selected = id;
  if (graph.hasNode(id)) { activate(id); return; }
  snapshot();
  state.pathIndex = -1;
  load({ expand: [id], hide: [] }, { centre: id });
  showEntity(id);
}

// ---------------------------------------------------------------------------------------------
// Keyboard use of the graph

function focusNode(id, announce = true) {
  state.focus = id;
  renderer.refresh();
  if (!id) return;
  const a = graph.getNodeAttributes(id);
  const viewport = renderer.graphToViewport(a);
  const { width, height } = renderer.getDimensions();
  if (viewport.x < 20 || viewport.y < 20 || viewport.x > width - 20 || viewport.y > height - 20) {
    const framed = renderer.viewportToFramedGraph(viewport);
    renderer.getCamera().animate({ x: framed.x, y: framed.y }, { duration: 200 });
  }
  if (announce) {
    const order = sortedNodes();
    $("#graph-focus").textContent = `${a.label} (${a.kind}), ${order.indexOf(id) + 1} of ${order.length}, ${graph.degree(id)} relations on screen. Enter opens and expands it; Delete removes it; C collapses; P pins.`;
  }
}

function sortedNodes() {
  return graph.nodes().sort((a, b) => graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label")));
}

function graphKeys(event) {
  if (!graph || graph.order === 0) return;
  const order = sortedNodes();
  const at = order.indexOf(state.focus);
  const key = event.key;
  if (["ArrowDown", "ArrowRight", "j"].includes(key)) focusNode(order[(at + 1) % order.length]);
  else if (["ArrowUp", "ArrowLeft", "k"].includes(key)) focusNode(order[(at - 1 + order.length) % order.length]);
  else if (key === "Home") focusNode(order[0]);
  else if (key === "End") focusNode(order[order.length - 1]);
  else if (key === "Enter" && state.focus) activate(state.focus);
  else if ((key === "Delete" || key === "Backspace") && state.focus) { const next = order[at + 1] || order[at - 1]; removeNode(state.focus); if (next && next !== state.focus) focusNode(next); }
  else if (key === "c" && state.focus) collapse(state.focus);
  else if (key === "p" && state.focus) togglePin(state.focus);
  else if (key === "+" || key === "=") zoom(1.5);
  else if (key === "-") zoom(1 / 1.5);
  else if (key === "0") fit();
  else if (key === "u") undo();
  else return;
  event.preventDefault();
}

// ---------------------------------------------------------------------------------------------
// The side panel: an entity in words

async function showEntity(id) {
  const panel = $("#entity");
  try {
    const [e, around, story] = await Promise.all([api("/api/entity", { id }), api("/api/neighbors", { id, limit: 1000 }),
      api("/api/timeline", { id, ...yearParams() }).catch(() => null)]);
    if (state.selected !== id) return;
    const names = new Map([[e.id, { id: e.id, name: e.name, kind: e.kind }], ...around.nodes.map((n) => [n.id, n])]);
    const groups = new Map();
    for (const r of e.relations) {
      const outgoing = r.from === e.id;
      const heading = (RELATION_HEADINGS[r.type] || [r.type, r.type])[outgoing ? 0 : 1];
      if (!groups.has(heading)) groups.set(heading, []);
      groups.get(heading).push(r);
    }
    const attributes = element("dl", {}, element("dt", { text: "kind" }), element("dd", { text: e.kind }));
    if (e.aliases.length) attributes.append(element("dt", { text: "also" }), element("dd", { text: e.aliases.join(", ") }));
    for (const [key, value] of Object.entries(e.attributes)) {
      if (key === "source" || key === "sources") continue;
      attributes.append(element("dt", { text: key.replace(/_/g, " ") }), element("dd", { text: typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : JSON.stringify(value) }));
    }
    const onGraph = graph.hasNode(id);
    const actions = element("div", { className: "actions" },
      element("button", { type: "button", text: state.view?.expand.includes(id) ? "Collapse" : "Expand",
        onclick: () => (state.view?.expand.includes(id) ? collapse(id) : onGraph ? expand(id) : openEntity(id)) }),
      onGraph ? element("button", { type: "button", text: "Remove", onclick: () => removeNode(id) }) : null,
      onGraph ? element("button", { type: "button", text: graph.getNodeAttribute(id, "pinned") ? "Unpin" : "Pin", onclick: () => togglePin(id) }) : null,
      element("button", { type: "button", text: "Path from here", onclick: () => { setEnd($("#path-from"), e); $("#path-to").focus(); } }),
      element("button", { type: "button", text: "Degrees", title: `How many steps from ${e.name} to everyone`, onclick: () => showDegrees(e) }));
    const sections = [];
    for (const [heading, rels] of groups) {
      sections.push(element("h3", { text: `${heading} (${rels.length})` }));
      sections.push(element("ul", {}, ...rels.map((r) => element("li", {}, ...linkedSentence(r.text, [names.get(r.from === e.id ? r.to : r.from)].filter(Boolean))))));
    }
    const timeline = story && story.events.length ? timelineSection(story, names) : [];
    setChildren(panel, element("h2", { id: "entity-name", text: e.name }), attributes,
      element("p", { className: "hint", text: `${e.degree} relations` }), actions, ...timeline, ...sections);
    if (e.kind === "drama") addOstSingers(e);
  } catch (error) {
    if (state.selected === id) setChildren(panel, element("p", { className: "error", text: error.message }));
  }
}

// The entity's story in years (/api/timeline, within the year window), each event's entities linked.
function timelineSection(story, names) {
  const years = yearParams();
  const within = years.years || years.as_of ? " in the chosen years" : "";
  const items = story.events.map((ev) => {
    const other = ev.relation ? names.get(ev.relation.from === story.entity.id ? ev.relation.to : ev.relation.from) : null;
    return element("li", {}, element("span", { className: "year", text: ev.year != null ? String(ev.year) : "----" }), " ",
      ...linkedSentence(ev.text, [other].filter(Boolean)));
  });
  return [element("h3", { text: `Timeline (${story.events.length} events${within})` }), element("ol", { className: "timeline" }, ...items)];
}

// A drama's soundtrack with who sang each song, through the query language.
async function addOstSingers(drama) {
  try {
    const answer = await api("/api/query", { q: "MATCH (s)-[:performed]->(o:ost)-[:ost_of]->(d {id: $id}) RETURN o, s ORDER BY o.name", param: `id=${drama.id}` });
    if (!answer.rows.length || state.selected !== drama.id) return;
    const songs = new Map();
    for (const [ost, singer] of answer.rows) {
      if (!songs.has(ost.id)) songs.set(ost.id, { ost, singers: [] });
      songs.get(ost.id).singers.push(singer);
    }
    const list = element("ul", {}, ...[...songs.values()].map(({ ost, singers }) => {
      const li = element("li", {}, "'", entityLink(ost), "' sung by ");
      singers.forEach((s, i) => { if (i) li.append(i === singers.length - 1 ? " and " : ", "); li.append(entityLink(s)); });
      return li;
    }));
    $("#entity").append(element("h3", { text: `Songs and singers (${songs.size})` }), list);
  } catch { /* the relations above already list the soundtrack */ }
}

async function showDegrees(e) {
  try {
    const answer = await api("/api/degrees", { id: e.id, ...filterParams() });
    const rows = answer.distances.filter((d) => d.distance > 0).map((d) => element("tr", {},
      element("td", { className: "num", text: String(d.distance) }), element("td", { className: "num", text: String(d.count) }),
      element("td", {}, element("span", { className: "bar", style: `width:${Math.round(100 * d.count / answer.reachable)}%` }))));
    const far = element("p", {}, `Farthest (${answer.farthest.distance} steps): `);
    answer.farthest.entities.slice(0, 6).forEach((f, i) => { if (i) far.append(", "); far.append(entityLink(f, (id) => pathBetween(e.id, id))); });
    setChildren($("#entity"), element("h2", { text: `${e.name}'s degrees` }),
      element("p", { text: `${answer.reachable} entities reachable, ${answer.average_distance.toFixed(2)} steps on average; ${answer.unreachable} not reachable with these filters.` }),
      element("table", {}, element("tr", {}, element("th", { text: "steps" }), element("th", { text: "entities" }), element("th", { text: "" })), ...rows),
      far, element("p", {}, entityLink({ ...e, name: `Back to ${e.name}` }, () => showEntity(e.id))));
  } catch (error) { status(error.message); }
}

function setEnd(input, entity) { input.value = entity.name; input.dataset.id = entity.id; }

function pathBetween(from, to) {
  $("#path-from").value = from; $("#path-from").dataset.id = from;
  $("#path-to").value = to; $("#path-to").dataset.id = to;
  $("#path-form").requestSubmit();
}

// ---------------------------------------------------------------------------------------------
// Paths

function findPath(event) {
  event.preventDefault();
  const from = $("#path-from"), to = $("#path-to");
  if (!from.value.trim()) { from.focus(); return; }
  if (!to.value.trim()) { to.focus(); return; }
  snapshot();
  state.pathIndex = -1;
  state.selected = null;
  load({ from: from.dataset.id || from.value.trim(), to: to.dataset.id || to.value.trim(), k: Number($("#path-k").value), expand: [], hide: [] });
}

function showPathList({ keepEnds = false } = {}) {
  const result = $("#path-result");
  const view = state.view;
  if (!view?.from) return;
  if (!state.paths.length) {
    setChildren(result, element("p", { text: "No path with these filters. Try showing agencies and networks, or fewer relation types." }));
    return;
  }
  setChildren(result, element("h2", { text: `${state.paths.length} path${state.paths.length === 1 ? "" : "s"}` }),
    ...state.paths.map((p, i) => {
      const names = new Map(p.nodes.map((n) => [n.id, n]));
      const card = element("div", { className: `path${state.pathIndex === i ? " chosen" : ""}`, role: "button", tabindex: "0",
        "aria-pressed": String(state.pathIndex === i), style: `--path:${PATH_COLORS[i % PATH_COLORS.length]}` },
        element("p", {}, element("strong", { text: `Path ${i + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}` }),
          element("span", { className: "hint", text: " — " + p.nodes.map((n) => n.name).join(" → ") })),
        element("ol", {}, ...p.edges.map((edge) => element("li", {}, ...linkedSentence(edge.text, [names.get(edge.from), names.get(edge.to)])))));
      const choose = (event) => {
        if (event.target.closest("a")) return;
        state.pathIndex = state.pathIndex === i ? -1 : i;
        renderer.refresh();
        showPathList();
        remember(false);
      };
      card.addEventListener("click", choose);
      card.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(event); } });
      return card;
    }));
  if (keepEnds) return;
  const ends = state.paths[0].nodes;
  setEnd($("#path-from"), ends[0]);
  setEnd($("#path-to"), ends[ends.length - 1]);
}

// ---------------------------------------------------------------------------------------------
// Tables: centrality, clusters, crossovers, queries

async function loadCentrality() {
  const table = $("#centrality-table");
  $("#metric-help").textContent = METRIC_HELP[$("#metric").value] || "";
  try {
    const answer = await api("/api/centrality", { metric: $("#metric").value, kind: $("#metric-kind").value, top: 20, ...filterParams() });
    setChildren(table, element("tr", {}, element("th", { text: "#" }), element("th", { text: "entity" }),
      element("th", { text: "kind" }), element("th", { text: "score" })),
      ...answer.scores.map((s, i) => element("tr", {}, element("td", { className: "num", text: String(i + 1) }),
        element("td", {}, entityLink(s)), element("td", { text: s.kind }),
        element("td", { className: "num", text: s.score.toPrecision(3) }))));
  } catch (error) { setChildren(table, element("tr", {}, element("td", { text: error.message }))); }
}

async function loadClusters() {
  const table = $("#clusters-table");
  const method = $("#cluster-method").value;
  try {
    const answer = await api("/api/clusters", { method, top: 15, ...filterParams() });
    const caption = answer.modularity == null ? `${answer.total_clusters} clusters`
      : `${answer.total_clusters} clusters, modularity ${answer.modularity.toFixed(3)}`;
    setChildren(table, element("caption", { text: caption }),
      element("tr", {}, element("th", { text: "#" }), element("th", { text: "size" }), element("th", { text: "central members" }), element("th", { text: "" })),
      ...answer.clusters.map((c) => {
        const members = element("td");
        c.central.forEach((m, i) => { if (i) members.append(", "); members.append(entityLink(m)); });
        return element("tr", {}, element("td", { className: "num", text: String(c.id) }),
          element("td", { className: "num", text: String(c.size) }), members,
          element("td", {}, element("button", { type: "button", className: "small", text: "Show", "aria-label": `Show cluster ${c.id} as a graph`,
            onclick: () => { snapshot(); state.selected = null; $("#color-by").value = ""; load({ cluster: c.id, method, expand: [], hide: [] }); } })));
      }));
  } catch (error) { setChildren(table, element("tr", {}, element("td", { text: error.message }))); }
}

const CROSSOVER_TITLES = { idol_actors: "Idols who act", self_osts: "Singing their own drama's OST",
  group_synergy: "Groups singing for members' dramas", co_starring: "Group members co-starring",
  agency_pipelines: "Agency pipelines", agency_networks: "Agencies' leading networks", ost_specialists: "OST specialists" };

// Every entity a crossover row names, wherever it sits in the row.
function rowEntities(row) {
  const out = [];
  const visit = (value) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object" && value.id && value.name) out.push(value);
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  for (const [key, value] of Object.entries(row)) if (key !== "text") visit(value);
  return out;
}

function crossoverItem(row) {
  const entities = rowEntities(row);
  const li = element("li");
  const more = row.text.match(/ and (\d+) more$/);
  if (!more) { li.append(...linkedSentence(row.text, entities)); return li; }
  const shown = row.text.slice(0, more.index);
  li.append(...linkedSentence(shown, entities));
  const hidden = entities.filter((e) => !shown.includes(e.name));
  const button = element("button", { type: "button", className: "link", text: ` and ${more[1]} more`, "aria-expanded": "false",
    onclick: () => {
      const rest = element("span");
      hidden.forEach((e) => { rest.append(", "); rest.append(entityLink(e)); });
      button.replaceWith(rest);
    } });
  li.append(button);
  return li;
}

async function loadCrossovers(expanded = new Set()) {
  const list = $("#crossovers-list");
  try {
    const years = yearParams();
    const [some, all] = await Promise.all([api("/api/crossovers", { top: 6, ...years }), expanded.size ? api("/api/crossovers", { top: 0, ...years }) : null]);
    setChildren(list, ...Object.entries(some).flatMap(([key, rows]) => {
      const full = expanded.has(key) ? all[key] : rows;
      const items = element("ul", {}, ...full.map(crossoverItem));
      const header = element("h3", { text: CROSSOVER_TITLES[key] || key });
      const showAll = rows.length >= 6 && !expanded.has(key)
        ? element("button", { type: "button", className: "small", text: "Show all", onclick: () => loadCrossovers(new Set([...expanded, key])) }) : null;
      return [header, items, showAll];
    }));
  } catch (error) { setChildren(list, element("p", { text: error.message })); }
}

const EXAMPLE_QUERIES = [
  ["Idols who sang an OST for their own drama", "MATCH (i:idol)-[:acted_in]->(d:drama), (i)-[:performed]->(o:ost)-[:ost_of]->(d)\nRETURN i, o, d ORDER BY i.name LIMIT 25"],
  ["IU's co-stars", "MATCH (a:idol {name: 'IU'})-[:acted_in]->(d:drama)<-[:acted_in]-(b)\nRETURN d, b ORDER BY d.name, b.name"],
  ["IU to D.O. without agencies or networks", "MATCH p = shortestPath((a {name: 'IU'})-[*..10]-(b {name: 'D.O.'}))\nWHERE none(n IN nodes(p) WHERE n:agency OR n:network)\nRETURN p"],
  ["Who sang the most OSTs", "MATCH (s)-[:performed]->(o:ost)\nRETURN s, count(o) AS osts ORDER BY osts DESC LIMIT 10"],
];

function cellContent(value) {
  if (value == null) return element("span", { className: "hint", text: "null" });
  if (Array.isArray(value)) {
    const span = element("span");
    value.forEach((v, i) => { if (i) span.append(", "); span.append(cellContent(v)); });
    return span;
  }
  if (typeof value === "object") {
    if (value.id && value.name && value.kind) return entityLink(value);
    if (value.nodes && value.edges) {
      const span = element("span");
      value.nodes.forEach((n, i) => { if (i) span.append(" → "); span.append(entityLink(n)); });
      return span;
    }
    if (value.type && value.text) return element("span", { text: value.text });
    return element("span", { text: JSON.stringify(value) });
  }
  return element("span", { text: String(value) });
}

// Runs a query and shows its table; returns its nodes and relations for the graph.
async function runQuery(q, draw = true) {
  const out = $("#query-result");
  $("#query-text").value = q;
  showTab("query");
  try {
    const answer = await api("/api/query", { q, max_rows: 500, ...yearParams() });
    const table = element("table", {}, element("tr", {}, ...answer.columns.map((c) => element("th", { text: c }))),
      ...answer.rows.map((row) => element("tr", {}, ...row.map((v) => element("td", {}, cellContent(v))))));
    setChildren(out, element("p", { className: "hint", text: `${answer.rows.length} row${answer.rows.length === 1 ? "" : "s"}${answer.truncated ? " (truncated)" : ""}` }), table);
    const nodes = new Map(), edges = new Map();
    const visit = (value) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== "object") return;
      if (value.id && value.name && value.kind) nodes.set(value.id, value);
      else if (value.nodes && value.edges) { value.nodes.forEach(visit); value.edges.forEach(visit); }
      else if (value.from && value.to && value.type) edges.set(`${value.from}|${value.to}|${value.type}`, value);
      else Object.values(value).forEach(visit);
    };
    answer.rows.forEach(visit);
    const data = { nodes: [...nodes.values()], edges: [...edges.values()] };
    if (draw) {
      snapshot();
      state.selected = null;
      load({ q, expand: [], hide: [] });
    }
    return data;
  } catch (error) {
    const body = error.body || {};
    setChildren(out, element("p", { className: "error", role: "alert", text: error.message }),
      body.caret ? element("pre", { className: "caret", text: body.caret }) : null);
    if (!draw) throw error;
    return null;
  }
}

function showTab(name) {
  for (const tab of document.querySelectorAll(".tabs button")) {
    const on = tab.dataset.tab === name;
    tab.classList.toggle("active", on);
    tab.setAttribute("aria-selected", String(on));
  }
  for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== `tab-${name}`;
}

// ---------------------------------------------------------------------------------------------
// Start

function welcome() {
  const box = element("div", { id: "welcome", className: "welcome" },
    element("h2", { text: "How is one star connected to another?" }),
    element("p", { text: "Type two names above: idols, actors, groups, dramas, OSTs. Or start from one of these:" }),
    element("ul", {}, ...[...document.querySelectorAll(".examples a")].map((a) => element("li", {},
      element("a", { href: a.getAttribute("href"), text: a.textContent, onclick: exampleClick })))),
    element("p", {}, "Or explore ", entityLink({ id: "iu", name: "IU", kind: "idol" }), "'s world, or ",
      entityLink({ id: "hotel-del-luna", name: "Hotel del Luna", kind: "drama" }), "'s cast."));
  $(".toolbar").after(box);
}

function hideWelcome() { $("#welcome")?.remove(); }

function exampleClick(event) {
  event.preventDefault();
  const link = event.currentTarget.dataset.from ? event.currentTarget
    : document.querySelector(`.examples a[href="${event.currentTarget.getAttribute("href")}"]`);
  $("#path-from").value = link.dataset.from; delete $("#path-from").dataset.id;
  $("#path-to").value = link.dataset.to; delete $("#path-to").dataset.id;
  $("#path-k").value = link.dataset.k;
  $("#path-form").requestSubmit();
}

async function downloadSvg() {
  const view = state.view;
  if (!view) { status("nothing to download yet"); return; }
  const params = viewParams(view) || (view.expand.length ? { expand: view.expand } : null);
  if (!params) { status("this view has no Graphviz drawing"); return; }
  try {
    const text = await api("/api/render.svg", { ...params, ...filterParams() });
    const link = element("a", { href: URL.createObjectURL(new Blob([text], { type: "image/svg+xml" })), download: "hallyu-view.svg" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } catch (error) { status(`could not draw: ${error.message}`); }
}

function showLegend() {
  const method = $("#color-by").value;
  setChildren($("#legend"), ...(method
    ? [element("span", { text: `Colour: ${$("#color-by").selectedOptions[0].textContent.replace(/^by /, "")} (grey: in no cluster)` })]
    : state.kinds.map((k) => element("span", {}, element("span", { className: "swatch", style: `background:${KIND_COLORS[k]}` }), ` ${k}`))),
    $("#size-by").value ? element("span", { text: `Size: ${$("#size-by").selectedOptions[0].textContent.replace(/^by /, "")}` }) : null);
}

function filtersChanged() {
  showLegend();
  loadCentrality();
  loadClusters();
  loadCrossovers();
  if (state.selected) showEntity(state.selected);
  if (!state.view) return;
  snapshot();
  load(state.view, { keep: positions() });
}

async function init() {
  createRenderer();
  try {
    const stats = await api("/api/stats");
    state.kinds = Object.keys(stats.by_kind);
    state.types = Object.keys(stats.by_type);
    status(`${stats.entities} entities, ${stats.relations} relations`);
  } catch (error) { status(error.message); }
  setChildren($("#kind-filters"), ...state.kinds.map((k) => element("label", {},
    element("input", { type: "checkbox", value: k, onchange: filtersChanged }), " ",
    element("span", { className: "swatch", style: `background:${KIND_COLORS[k] || "#757575"}` }), ` ${k}`)));
  setChildren($("#via-filters"), ...state.types.map((t) => element("label", {},
    element("input", { type: "checkbox", value: t, onchange: filtersChanged }), ` ${t.replace(/_/g, " ")}`)));
  let avoidTimer = null;
  $("#avoid").addEventListener("change", () => { clearTimeout(avoidTimer); avoidTimer = setTimeout(filtersChanged, 50); });
  let yearsTimer = null;
  for (const input of ["#years-from", "#years-to", "#as-of"]) {
    $(input).addEventListener("change", () => { clearTimeout(yearsTimer); yearsTimer = setTimeout(filtersChanged, 50); });
  }
  $("#color-by").addEventListener("change", filtersChanged);
  $("#size-by").addEventListener("change", filtersChanged);

  autocomplete($("#search"), { onChoose: (r) => openEntity(r.id), submitOnEnter: false });
  autocomplete($("#path-from"), { submitOnEnter: true });
  autocomplete($("#path-to"), { submitOnEnter: true });
  for (const end of ["#path-from", "#path-to"]) $(end).addEventListener("input", () => { ++state.endEdits; });
  $("#path-form").addEventListener("submit", findPath);
  for (const a of document.querySelectorAll(".examples a")) a.addEventListener("click", exampleClick);
  $("#fit").addEventListener("click", () => fit());
  $("#zoom-in").addEventListener("click", () => zoom(1.5));
  $("#zoom-out").addEventListener("click", () => zoom(1 / 1.5));
  $("#undo").addEventListener("click", undo);
  $("#download-svg").addEventListener("click", downloadSvg);
  $("#graph").addEventListener("keydown", graphKeys);
  $("#graph").addEventListener("focus", () => {
    if (!$("#graph").matches(":focus-visible")) return;  // a click, not the keyboard
    if (!state.focus && graph.order) focusNode(state.selected && graph.hasNode(state.selected) ? state.selected : sortedNodes()[0]);
  });
  $("#metric").addEventListener("change", loadCentrality);
  $("#metric-kind").addEventListener("change", loadCentrality);
  $("#cluster-method").addEventListener("change", loadClusters);
  for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  setChildren($("#query-examples"), element("option", { value: "", text: "Examples..." }),
    ...EXAMPLE_QUERIES.map(([title], i) => element("option", { value: String(i), text: title })));
  $("#query-examples").addEventListener("change", (event) => {
    const example = EXAMPLE_QUERIES[Number(event.target.value)];
    if (example) runQuery(example[1]);
    event.target.value = "";
  });
  $("#query-form").addEventListener("submit", (event) => { event.preventDefault(); runQuery($("#query-text").value); });
  $("#query-text").value = EXAMPLE_QUERIES[0][1];
  window.addEventListener("popstate", (event) => {
    const view = viewFromUrl();
    if (!view.from && view.cluster == null && !view.q && !view.expand.length) { location.reload(); return; }
    showLegend();
    loadCentrality();
    loadClusters();
    load(view, { push: false, keep: event.state?.positions || null });
  });

  const view = viewFromUrl();  // sets the filters the tables use
  showLegend();
  loadCentrality();
  loadClusters();
  loadCrossovers();
  if (view.from || view.cluster != null || view.q || view.expand.length) {
    if (view.from) { $("#path-from").value = view.from; $("#path-to").value = view.to; $("#path-k").value = String(view.k); }
    load(view, { push: false, keep: history.state?.positions || null });
  } else {
    welcome();
  }
}

document.addEventListener("DOMContentLoaded", init);
