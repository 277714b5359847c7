#!/usr/bin/python3
"""Records NetworkX's best closeness and harmonic centrality scores for tests/unit/test_top_closeness.cpp.

Usage: make_top_closeness_reference.py DATASET.json OUT.json [--top 40]
The simple undirected graph of every entity and relation (parallel relations collapsed), NetworkX 2.8's
closeness_centrality (wf_improved) and harmonic_centrality; for each, the `top` best entities (ties by
id, as hallyu lists them) over all entities and over idols only, with their scores.
"""
import argparse, json, sys
import networkx as nx

p = argparse.ArgumentParser()
p.add_argument("dataset"); p.add_argument("out"); p.add_argument("--top", type=int, default=40)
a = p.parse_args()
doc = json.load(open(a.dataset, encoding="utf-8"))
kind = {e["id"]: e["kind"] for e in doc["entities"]}
g = nx.Graph()
g.add_nodes_from(kind)
g.add_edges_from((r["from"], r["to"]) for r in doc["relations"])
out = {"command": sys.executable + " scripts/make_top_closeness_reference.py " + " ".join(sys.argv[1:]),
       "networkx": nx.__version__, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
for metric, scores in (("closeness", nx.closeness_centrality(g)), ("harmonic", nx.harmonic_centrality(g))):
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    out[metric] = [[v, s] for v, s in ranked[:a.top]]
    out[metric + "_idols"] = [[v, s] for v, s in ranked if kind[v] == "idol"][:a.top]
with open(a.out, "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=0)
    f.write("\n")
print(a.out, g.number_of_nodes(), "nodes", g.number_of_edges(), "edges")
