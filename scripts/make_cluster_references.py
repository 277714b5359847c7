#!/usr/bin/python3
"""Records references for tests/unit/test_communities.cpp.

Usage: make_cluster_references.py DATASET.json OUT.json [--exclude-kinds K,..] [--hallyu BINARY]
- core numbers (nx.core_number) and connected components (nx.connected_components) of the simple graph;
- igraph's community_multilevel modularity for seeds 1..11 (python-igraph draws from Python's random,
  seeded per run) and their median: what Louvain and Leiden must reach;
- with --hallyu: hallyu's own Leiden and Louvain partitions (seed 1) and NetworkX's modularity of
  them, so the test checks hallyu's modularity against an independent computation.
"""
import argparse, json, random, statistics, subprocess, sys
import networkx as nx
import igraph

p = argparse.ArgumentParser()
p.add_argument("dataset"); p.add_argument("out")
p.add_argument("--exclude-kinds", default=""); p.add_argument("--hallyu", default="")
a = p.parse_args()
doc = json.load(open(a.dataset, encoding="utf-8"))
kind = {e["id"]: e["kind"] for e in doc["entities"]}
excluded = set(filter(None, a.exclude_kinds.split(",")))
nodes = [e["id"] for e in doc["entities"] if e["kind"] not in excluded]
g = nx.Graph()
g.add_nodes_from(nodes)
g.add_edges_from((r["from"], r["to"]) for r in doc["relations"] if kind[r["from"]] not in excluded and kind[r["to"]] not in excluded)

ref = {"command": sys.executable + " scripts/make_cluster_references.py " + " ".join(sys.argv[1:]),
       "networkx": nx.__version__, "igraph": igraph.__version__,
       "core_number": nx.core_number(g),
       "components": sorted(sorted(c) for c in nx.connected_components(g))}
index = {v: i for i, v in enumerate(nodes)}
ig = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in g.edges()])
q = []
for seed in range(1, 12):
    random.seed(seed)
    q.append(ig.community_multilevel().modularity)
ref["igraph_multilevel_modularity"] = q
ref["igraph_multilevel_median"] = statistics.median(q)
if a.hallyu:
    for method in ("leiden", "louvain"):
        args = [a.hallyu, "clusters", "-m", method, "--seed", "1", "--top", "0", "--json", "--data", a.dataset]
        if excluded:
            args += ["--exclude-kinds", ",".join(sorted(excluded))]
        out = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
        communities = [set(c["members"]) for c in out["clusters"]]
        ref[f"hallyu_{method}_seed1"] = {"clusters": [sorted(c) for c in communities],
                                          "networkx_modularity": nx.community.modularity(g, communities)}
with open(a.out, "w", encoding="utf-8") as f:
    json.dump(ref, f, ensure_ascii=False)
    f.write("\n")
print(a.out, "igraph median", ref["igraph_multilevel_median"],
      *(f"{m} {ref[f'hallyu_{m}_seed1']['networkx_modularity']:.6f}" for m in ("leiden", "louvain") if a.hallyu))
