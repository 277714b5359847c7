#!/usr/bin/python3
"""Records NetworkX centrality scores for tests/unit/test_centrality.cpp.

Usage: make_centrality_references.py DATASET.json OUT.json [--exclude-kinds K,..] [--via T,..] [--projection people|costars]
Scores for every entity of the simple undirected graph (parallel relations collapsed, entities of
excluded kinds and relations of other types left out), with NetworkX defaults:
degree_centrality, betweenness_centrality (normalized), closeness_centrality (wf_improved),
harmonic_centrality, pagerank (alpha 0.85, tol 1e-6), eigenvector_centrality (max_iter 100, tol 1e-6;
null if it does not converge). The projection is computed here independently from its definition.
"""
import argparse, itertools, json, sys
import networkx as nx

p = argparse.ArgumentParser()
p.add_argument("dataset"); p.add_argument("out")
p.add_argument("--exclude-kinds", default=""); p.add_argument("--via", default=""); p.add_argument("--projection", default="")
a = p.parse_args()
doc = json.load(open(a.dataset, encoding="utf-8"))
kind = {e["id"]: e["kind"] for e in doc["entities"]}
excluded = set(filter(None, a.exclude_kinds.split(",")))
via = set(filter(None, a.via.split(",")))
keep = [e["id"] for e in doc["entities"] if e["kind"] not in excluded]
rels = [r for r in doc["relations"] if (not via or r["type"] in via) and kind[r["from"]] not in excluded and kind[r["to"]] not in excluded]
g = nx.Graph()
if not a.projection:
    g.add_nodes_from(keep)
    g.add_edges_from((r["from"], r["to"]) for r in rels)
else:
    people = [v for v in keep if kind[v] in ("idol", "actor")]
    g.add_nodes_from(people)
    groups = {}  # work -> people around it
    for r in rels:
        if r["type"] in ("acted_in", "performed") and kind[r["from"]] in ("idol", "actor"):
            groups.setdefault(r["to"], set()).add(r["from"])
    if a.projection == "people":
        ost_drama = [(r["from"], r["to"]) for r in rels if r["type"] == "ost_of"]
        for ost, drama in ost_drama:
            groups.setdefault(drama, set()).update(groups.get(ost, set()))
    else:
        groups = {w: s for w, s in groups.items() if kind[w] == "drama"}
    for members in groups.values():
        g.add_edges_from(itertools.combinations(sorted(members), 2))
scores = {
    "degree": nx.degree_centrality(g),
    "betweenness": nx.betweenness_centrality(g),
    "closeness": nx.closeness_centrality(g),
    "harmonic": nx.harmonic_centrality(g),
    "pagerank": nx.pagerank(g),
}
try:
    scores["eigenvector"] = nx.eigenvector_centrality(g)
except nx.PowerIterationFailedConvergence:
    scores["eigenvector"] = None
with open(a.out, "w", encoding="utf-8") as f:
    json.dump({"command": sys.executable + " scripts/make_centrality_references.py " + " ".join(sys.argv[1:]),
               "networkx": nx.__version__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
               "scores": scores}, f, ensure_ascii=False)
    f.write("\n")
print(a.out, g.number_of_nodes(), "nodes", g.number_of_edges(), "edges", "eigenvector", "ok" if scores["eigenvector"] else "did not converge")
