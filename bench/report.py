#!/usr/bin/python3
"""Prints the comparison table from bench result lines (JSON, one per tool/op, tagged with "graph").

Usage: report.py RESULTS.jsonl [--markdown]
Ratios are peer median / hallyu median: above 1 means hallyu is faster. A check mismatch (tools that
answered differently) is flagged, since then the timings do not compare like with like.
"""
import json, sys
from collections import defaultdict

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip().startswith("{")]
table = defaultdict(dict)
for r in rows:
    table[(r["graph"], r["op"])][r["tool"]] = r
peers = ["igraph", "graph-tool", "networkx", "kuzu"]
header = ["graph", "operation", "hallyu ms"] + [f"{p} ms (ratio)" for p in peers] + ["same answer"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
# A snapshot load answers the same question as the peers' load: compare it with their load times.
for (graph, op), tools in list(table.items()):
    if op == "snapshot-load":
        for tool, row in table.get((graph, "load"), {}).items():
            if tool != "hallyu":
                tools.setdefault(tool, row)
for (graph, op), tools in table.items():
    h = tools.get("hallyu")
    cells = [graph, op, f"{h['median_ms']:.4g}" if h else "-"]
    checks = {t: r["check"] for t, r in tools.items() if r.get("check")}
    for p in peers:
        r = tools.get(p)
        if not r:
            cells.append("-")
        elif h and h["median_ms"] > 0:
            cells.append(f"{r['median_ms']:.4g} ({r['median_ms'] / h['median_ms']:.1f}x)")
        else:
            cells.append(f"{r['median_ms']:.4g}")
    if op.startswith("render-"):
        cells.append(f"{h['relations']} relations, {h['svg_bytes'] // 1024} KiB SVG" if h else "")
    elif op in ("louvain", "leiden", "leiden-2"):
        cells.append("modularity: " + ", ".join(f"{t} {r['modularity']:.4f}" for t, r in tools.items() if "modularity" in r))
    elif op == "pagerank-converged":
        errors = [f"{t} {r['max_error_vs_hallyu']:.2g}" for t, r in tools.items() if r.get("max_error_vs_hallyu") is not None]
        same = "yes" if len(set(checks.values())) <= 1 else "NO: " + ", ".join(f"{t}={c}" for t, c in checks.items())
        cells.append(same + (f" ({h['iterations']} iterations; largest difference: " + ", ".join(errors) + ")" if h else ""))
    elif op.endswith("-top10") and h:
        cells.append(f"{h['completed']} searches completed, {h['pruned']} cut short" +
                     (f"; full computation {h['full_ms']:.0f} ms ({h['full_ms'] / h['median_ms']:.1f}x), same ten: "
                      + ("yes" if h["same_as_full"] else "NO") if "full_ms" in h else ""))
    elif h and "max_error" in h:
        cells.append(f"max error {h['max_error']:.3g} < {h['epsilon']} on {h['entities']} entities: {h['samples']} samples, "
                     f"{h['speedup']:.1f}x faster than exact ({h['exact_ms']:.0f} ms)" if h["check"] == "within-epsilon"
                     else f"OUTSIDE epsilon: max error {h['max_error']:.3g} > {h['epsilon']}")
    else:
        cells.append("yes" if len(set(checks.values())) <= 1 else "NO: " + ", ".join(f"{t}={c}" for t, c in checks.items()))
    print("| " + " | ".join(cells) + " |")


# The targets of issue 17 ("Speed 2"), each with what this run measured. A target whose rows were not
# run (another --sizes or --ops) says so rather than passing.
def row(graph, op, tool="hallyu"):
    return table.get((graph, op), {}).get(tool)


def ratio(graph, op, peer, peer_op=None, ours_op=None):
    h, p = row(graph, ours_op or op), row(graph, peer_op or op, peer)
    if not h or not p or h["median_ms"] <= 0:
        return None
    return p["median_ms"] / h["median_ms"]


targets = []


def target(name, wanted, value, met, shown=None):
    if value is None:
        targets.append((name, wanted, "not measured in this run", "-"))
    else:
        targets.append((name, wanted, shown if shown is not None else f"{value:.1f}x", "met" if met else "MISSED"))


r = ratio("1m", "load", "graph-tool")
target("JSON load at 1M vs graph-tool's edge-list load", ">= 2.5x", r, r is not None and r >= 2.5)
r = ratio("1m", "load", "networkx")
target("JSON load at 1M vs NetworkX", ">= 7x", r, r is not None and r >= 7)
h = row("1m", "load")
peak = h.get("peak_rss_mb") if h else None
target("JSON load at 1M: peak memory", "< 300 MB", peak, peak is not None and peak < 300, f"{peak} MB" if peak else None)
r = ratio("1m", "snapshot-load", "igraph", peer_op="load")
target("snapshot load at 1M vs igraph's edge-list load", ">= 4x", r, r is not None and r >= 4)
h = row("1m", "snapshot-load")
per = h.get("resident_bytes_per_relation") if h else None
target("snapshot at 1M: resident memory per relation", "< 120 bytes", per, per is not None and per < 120,
       f"{per} bytes" if per is not None else None)
r = ratio("1m", "path", "networkx")
target("paths at 1M vs NetworkX's bidirectional search", ">= 10x", r, r is not None and r >= 10)
for op in ("louvain", "leiden", "leiden-2"):
    r = ratio("1m", op, "igraph", peer_op="louvain")
    h, p = row("1m", op), row("1m", "louvain", "igraph")
    good_q = h is not None and p is not None and h.get("modularity", 0) >= p.get("modularity", 1)
    shown = None
    if r is not None:
        shown = f"{r:.1f}x at modularity {h['modularity']:.4f} (igraph {p['modularity']:.4f})"
    name = {"louvain": "Louvain", "leiden": "Leiden (until no gain)", "leiden-2": "Leiden, 2 rounds"}[op]
    target(f"{name} at 1M vs igraph's multilevel, modularity no lower", ">= 10x", r,
           r is not None and r >= 10 and good_q, shown)
r = ratio("1m", "pagerank-converged", "igraph")
h, p = row("1m", "pagerank-converged"), row("1m", "pagerank-converged", "igraph")
error = p.get("max_error_vs_hallyu") if p else None
shown = f"{r:.1f}x, largest difference from PRPACK {error:.2g}" if r is not None and error is not None else None
target("PageRank converged at 1M vs igraph (PRPACK), within 1e-9", ">= 10x", r,
       r is not None and r >= 10 and error is not None and error <= 1e-9, shown)
for op in ("closeness-top10", "harmonic-top10"):
    h = row("1m", op)
    seconds = h["median_ms"] / 1000 if h else None
    target(f"{op} at 1M (exact top 10)", "seconds (< 10 s)", seconds, seconds is not None and seconds < 10,
           f"{seconds:.1f} s" if seconds is not None else None)
ops_5m = [op for op in ("load", "snapshot-load", "path", "pagerank", "kcore", "louvain") if row("5m", op)]
target("5M relations: load, snapshot load, path, PageRank, k-core, Louvain", "all measured",
       len(ops_5m) if "5m" in {g for g, _ in table} else None, len(ops_5m) == 6, f"{len(ops_5m)} of 6 measured")
print()
print("Targets (issue 17):")
print()
print("| target | wanted | this run | |")
print("|---|---|---|---|")
for name, wanted, value, verdict in targets:
    print(f"| {name} | {wanted} | {value} | {verdict} |")
