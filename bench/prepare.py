#!/usr/bin/python3
"""Turns a hallyu/1 dataset into what the peers read: an edge list of vertex indexes (entity order),
and the query pairs both as ids (for hallyu_bench) and as indexes (for peers.py).

Usage: prepare.py DATASET.json PREFIX PAIRS SEED   -> PREFIX.edges, PREFIX.pairs, PREFIX.pairs-index
Prints the number of vertices.
"""
import json, random, sys

dataset, prefix, n_pairs, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
doc = json.load(open(dataset, encoding="utf-8"))
index = {e["id"]: i for i, e in enumerate(doc["entities"])}
with open(prefix + ".edges", "w") as f:
    for r in doc["relations"]:
        f.write(f"{index[r['from']]} {index[r['to']]}\n")
ids = [e["id"] for e in doc["entities"]]
rng = random.Random(seed)
pairs = [tuple(rng.sample(range(len(ids)), 2)) for _ in range(n_pairs)]
with open(prefix + ".pairs", "w") as f:
    f.writelines(f"{ids[s]} {ids[t]}\n" for s, t in pairs)
with open(prefix + ".pairs-index", "w") as f:
    f.writelines(f"{s} {t}\n" for s, t in pairs)
print(len(ids))
