#!/usr/bin/python3
"""Records NetworkX answers for path queries on a hallyu/1 dataset, for tests/unit/test_paths.cpp.

Usage: make_path_references.py DATASET.json OUT.json SEED PAIRS
For PAIRS random (from, to) pairs and each filter below, records
  shortest:  nx.shortest_path_length (null when there is no path)
  k_lengths: the lengths of the first 5 of nx.shortest_simple_paths
  all_count: the number of nx.all_shortest_paths
on the simple undirected graph (parallel relations collapsed). Filters: relation types kept (via),
kinds excluded (the two ends always stay), entities avoided.
"""
import itertools, json, random, sys
import networkx as nx

dataset_path, out_path, seed, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
doc = json.load(open(dataset_path, encoding="utf-8"))
kind = {e["id"]: e["kind"] for e in doc["entities"]}
ids = sorted(kind)
rng = random.Random(seed)

FILTERS = [
    {"via": [], "exclude_kinds": [], "avoid": 0},
    {"via": ["acted_in", "performed", "ost_of", "member_of"], "exclude_kinds": [], "avoid": 0},
    {"via": [], "exclude_kinds": ["agency", "network"], "avoid": 0},
    {"via": [], "exclude_kinds": [], "avoid": 2},
]


def build(via, exclude, avoid, s, t):
    g = nx.Graph()
    keep = lambda v: v in (s, t) or (kind[v] not in exclude and v not in avoid)
    g.add_nodes_from(v for v in ids if keep(v))
    for r in doc.get("relations", []):
        if via and r["type"] not in via:
            continue
        if keep(r["from"]) and keep(r["to"]):
            g.add_edge(r["from"], r["to"])
    return g


queries = []
for _ in range(pairs):
    s, t = rng.sample(ids, 2)
    for f in FILTERS:
        base = build(f["via"], f["exclude_kinds"], set(), s, t)
        avoid = []
        if f["avoid"]:
            # Avoid entities that lie on some shortest path, so the filter has something to change.
            try:
                inner = sorted({v for p in itertools.islice(nx.all_shortest_paths(base, s, t), 50) for v in p[1:-1]})
            except nx.NetworkXNoPath:
                inner = []
            avoid = rng.sample(inner, min(f["avoid"], len(inner)))
        g = build(f["via"], f["exclude_kinds"], set(avoid), s, t)
        q = {"from": s, "to": t, "via": f["via"], "exclude_kinds": f["exclude_kinds"], "avoid": avoid}
        try:
            q["shortest"] = nx.shortest_path_length(g, s, t)
            q["k_lengths"] = [len(p) - 1 for p in itertools.islice(nx.shortest_simple_paths(g, s, t), 5)]
            q["all_count"] = sum(1 for _ in nx.all_shortest_paths(g, s, t))
        except nx.NetworkXNoPath:
            q["shortest"], q["k_lengths"], q["all_count"] = None, [], 0
        queries.append(q)

with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"command": sys.executable + " scripts/make_path_references.py " + " ".join(sys.argv[1:]),
               "networkx": nx.__version__, "queries": queries}, f, indent=1)
    f.write("\n")
print(f"{out_path}: {len(queries)} queries, {sum(q['shortest'] is None for q in queries)} without a path")
