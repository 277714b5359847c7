#!/usr/bin/python3
"""Records igraph's PRPACK PageRank (the exact solution, not a power iteration) for
tests/unit/test_centrality.cpp, which checks hallyu's converged PageRank against it to 1e-9.

Usage: make_pagerank_reference.py DATASET.json OUT.json [--exclude-kinds K,..]
The simple undirected graph of the dataset (parallel relations collapsed, entities of excluded kinds
left out, isolated entities kept), damping 0.85, igraph's default implementation (PRPACK).
"""
import argparse, json, sys
import igraph

p = argparse.ArgumentParser()
p.add_argument("dataset"); p.add_argument("out"); p.add_argument("--exclude-kinds", default="")
a = p.parse_args()
doc = json.load(open(a.dataset, encoding="utf-8"))
excluded = set(filter(None, a.exclude_kinds.split(",")))
keep = [e["id"] for e in doc["entities"] if e["kind"] not in excluded]
index = {v: i for i, v in enumerate(keep)}
edges = [(index[r["from"]], index[r["to"]]) for r in doc["relations"] if r["from"] in index and r["to"] in index]
g = igraph.Graph(n=len(keep), edges=edges, directed=False)
g.simplify()
scores = g.pagerank(directed=False, damping=0.85, implementation="prpack")
with open(a.out, "w", encoding="utf-8") as f:
    json.dump({"command": sys.executable + " scripts/make_pagerank_reference.py " + " ".join(sys.argv[1:]),
               "igraph": igraph.__version__, "implementation": "prpack", "damping": 0.85,
               "nodes": g.vcount(), "edges": g.ecount(), "pagerank": dict(zip(keep, scores))}, f)
    f.write("\n")
print(a.out, g.vcount(), "nodes", g.ecount(), "edges")
