// hallyu explorer: talks to the JSON API of `hallyu serve`. Every piece of data reaches the page
// through textContent or attributes set one by one, never as markup; the Graphviz SVG from the
// server is parsed as XML and stripped of anything active before it is shown.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = { expanded: [], svg: null };

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function status(message) { $("#status").textContent = message; }

function hubFilter() { return $("#hide-hubs").checked ? "agency,network" : ""; }

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`${path}?${query}`);
  if (response.headers.get("Content-Type")?.startsWith("image/svg")) {
    if (!response.ok) throw new Error(`${response.status}`);
    return response.text();
  }
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error || `HTTP ${response.status}`);
    error.candidates = body.candidates || [];
    throw error;
  }
  return body;
}

function entityLink(entity) {
  return element("a", { className: "entity", href: "#", text: entity.name, title: `${entity.kind} · ${entity.id}`,
    onclick: (event) => { event.preventDefault(); select(entity.id, true); } });
}

// Autocomplete on an input: suggestions from /api/search, keyboard and mouse choice.
function autocomplete(input, list, onChoose) {
  let results = [], active = -1, timer = null;
  const close = () => { list.hidden = true; active = -1; };
  const show = () => {
    list.replaceChildren(...results.map((r, i) => element("li", {
      role: "option", className: i === active ? "active" : "",
      onmousedown: (event) => { event.preventDefault(); choose(i); } },
      element("span", { text: r.name + (r.matched !== r.name && r.matched !== r.id ? ` (${r.matched})` : "") }),
      element("span", { className: "kind", text: r.kind }))));
    list.hidden = results.length === 0;
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
    if (!q) { results = []; close(); return; }
    timer = setTimeout(async () => {
      try { results = (await api("/api/search", { q, limit: 10 })).results; active = -1; show(); }
      catch (error) { status(error.message); }
    }, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); show(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { active = Math.max(active - 1, 0); show(); event.preventDefault(); }
    else if (event.key === "Enter") { choose(active < 0 ? 0 : active); event.preventDefault(); }
    else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

async function showEntity(id) {
  const panel = $("#entity");
  try {
    const e = await api("/api/entity", { id });
    const groups = new Map();
    for (const r of e.relations) {
      const key = r.type + (r.from === e.id || r.type === "collaborated_with" ? "" : " (incoming)");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    const attributes = element("dl", {}, element("dt", { text: "kind" }), element("dd", { text: e.kind }),
      element("dt", { text: "id" }), element("dd", { text: e.id }));
    if (e.aliases.length) attributes.append(element("dt", { text: "also" }), element("dd", { text: e.aliases.join(", ") }));
    for (const [key, value] of Object.entries(e.attributes)) {
      attributes.append(element("dt", { text: key }), element("dd", { text: typeof value === "string" ? value : JSON.stringify(value) }));
    }
    const sections = [...groups].map(([type, rels]) => [
      element("h3", { text: `${type} (${rels.length})` }),
      element("ul", {}, ...rels.map((r) => {
        const other = r.from === e.id ? r.to : r.from;
        return element("li", {}, element("span", { text: r.text + " " }),
          element("a", { className: "entity", href: "#", text: "→", title: other,
            onclick: (event) => { event.preventDefault(); select(other, true); } }));
      }))]).flat();
    panel.replaceChildren(element("h2", { id: "entity-name", text: e.name }), attributes,
      element("p", { className: "hint", text: `${e.degree} relations` }), ...sections);
  } catch (error) {
    panel.replaceChildren(element("p", { text: error.message }));
  }
}

// Parses Graphviz SVG as XML and removes scripts, event handlers and external references.
function safeSvg(text) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = doc.documentElement;
  if (svg.nodeName !== "svg") throw new Error("the server sent no SVG");
  for (const bad of svg.querySelectorAll("script, foreignObject, iframe")) bad.remove();
  for (const node of svg.querySelectorAll("*")) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith("on") || ((name === "href" || name === "xlink:href") && !value.startsWith("#"))) node.removeAttribute(attribute.name);
    }
  }
  return document.importNode(svg, true);
}

async function showGraph(params, title) {
  const view = $("#graph");
  status("drawing...");
  try {
    const svg = safeSvg(await api("/api/render.svg", { ...params, exclude_kinds: hubFilter() }));
    for (const node of svg.querySelectorAll("g.node")) {
      const id = node.querySelector("title")?.textContent;
      if (!id) continue;
      node.addEventListener("click", () => select(id, false));
    }
    view.replaceChildren(svg);
    state.svg = svg;
    $("#graph-title").textContent = title;
    status("");
  } catch (error) {
    status(`could not draw: ${error.message}`);
  }
}

// Selecting shows an entity; from search it starts a new view, from the graph it expands the view.
function select(id, fresh) {
  showEntity(id);
  if (fresh) state.expanded = [id];
  else if (!state.expanded.includes(id)) state.expanded.push(id);
  showGraph({ expand: state.expanded.join(",") },
    state.expanded.length === 1 ? "Neighbourhood" : `${state.expanded.length} expanded`);
}

async function findPath(event) {
  event.preventDefault();
  const from = $("#path-from"), to = $("#path-to"), result = $("#path-result");
  const params = { from: from.dataset.id || from.value, to: to.dataset.id || to.value, k: $("#path-k").value,
    exclude_kinds: hubFilter() };
  try {
    const answer = await api("/api/path", params);
    if (answer.paths.length === 0) {
      result.replaceChildren(element("p", { text: "No path with these filters." }));
      return;
    }
    result.replaceChildren(...answer.paths.map((p, i) => element("div", { className: "path" },
      element("p", {}, element("strong", { text: `Path ${i + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}` })),
      element("ol", {}, ...p.edges.map((edge) => element("li", { text: edge.text }))))));
    showGraph({ from: answer.from, to: answer.to, k: params.k, context: 4 }, "Path");
  } catch (error) {
    const hint = error.candidates.length ? ` Did you mean ${error.candidates.map((c) => c.name).join(", ")}?` : "";
    result.replaceChildren(element("p", { text: error.message + hint }));
  }
}

async function loadCentrality() {
  const table = $("#centrality-table");
  try {
    const answer = await api("/api/centrality", { metric: $("#metric").value, kind: $("#metric-kind").value, top: 20,
      exclude_kinds: hubFilter() });
    table.replaceChildren(element("tr", {}, element("th", { text: "#" }), element("th", { text: "entity" }),
      element("th", { text: "kind" }), element("th", { text: "score" })),
      ...answer.scores.map((s, i) => element("tr", {}, element("td", { className: "num", text: String(i + 1) }),
        element("td", {}, entityLink(s)), element("td", { text: s.kind }),
        element("td", { className: "num", text: s.score.toFixed(5) }))));
  } catch (error) { table.replaceChildren(element("tr", {}, element("td", { text: error.message }))); }
}

async function loadClusters() {
  const table = $("#clusters-table");
  try {
    const answer = await api("/api/clusters", { method: $("#cluster-method").value, top: 15, exclude_kinds: hubFilter() });
    const caption = answer.modularity == null ? `${answer.total_clusters} clusters`
      : `${answer.total_clusters} clusters, modularity ${answer.modularity.toFixed(4)}`;
    table.replaceChildren(element("caption", { text: caption }),
      element("tr", {}, element("th", { text: "#" }), element("th", { text: "size" }), element("th", { text: "central members" })),
      ...answer.clusters.map((c) => {
        const members = element("td");
        c.central.forEach((m, i) => { if (i) members.append(", "); members.append(entityLink(m)); });
        return element("tr", {}, element("td", { className: "num", text: String(c.id) }),
          element("td", { className: "num", text: String(c.size) }), members);
      }));
  } catch (error) { table.replaceChildren(element("tr", {}, element("td", { text: error.message }))); }
}

async function loadCrossovers() {
  const list = $("#crossovers-list");
  const titles = { idol_actors: "Idols who act", self_osts: "Singing their own drama's OST",
    group_synergy: "Groups singing for members' dramas", co_starring: "Group members co-starring",
    agency_pipelines: "Agency pipelines", agency_networks: "Agencies' leading networks", ost_specialists: "OST specialists" };
  try {
    const answer = await api("/api/crossovers", { top: 8 });
    list.replaceChildren(...Object.entries(answer).flatMap(([key, rows]) => [
      element("h3", { text: titles[key] || key }),
      element("ul", {}, ...rows.map((r) => element("li", { text: r.text })))]));
  } catch (error) { list.replaceChildren(element("p", { text: error.message })); }
}

function downloadSvg() {
  if (!state.svg) { status("nothing to download yet"); return; }
  const blob = new Blob([new XMLSerializer().serializeToString(state.svg)], { type: "image/svg+xml" });
  const link = element("a", { href: URL.createObjectURL(blob), download: "hallyu-view.svg" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function init() {
  autocomplete($("#search"), $("#suggestions"), (r) => select(r.id, true));
  for (const id of ["#path-from", "#path-to"]) {
    const input = $(id);
    autocomplete(input, input.parentElement.querySelector(".suggestions"));
  }
  $("#path-form").addEventListener("submit", findPath);
  $("#reset-view").addEventListener("click", () => { if (state.expanded.length) select(state.expanded[0], true); });
  $("#download-svg").addEventListener("click", downloadSvg);
  $("#hide-hubs").addEventListener("change", () => {
    if (state.expanded.length) showGraph({ expand: state.expanded.join(",") }, $("#graph-title").textContent);
    loadCentrality();
    loadClusters();
  });
  $("#metric").addEventListener("change", loadCentrality);
  $("#metric-kind").addEventListener("change", loadCentrality);
  $("#cluster-method").addEventListener("change", loadClusters);
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll(".tabs button")) other.classList.toggle("active", other === tab);
      for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== `tab-${tab.dataset.tab}`;
    });
  }
  loadCentrality();
  loadClusters();
  loadCrossovers();
  api("/api/stats").then((s) => status(`${s.entities} entities, ${s.relations} relations`)).catch(() => {});
}

document.addEventListener("DOMContentLoaded", init);
