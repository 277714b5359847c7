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
    elif op == "louvain":
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
