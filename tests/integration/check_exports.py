#!/usr/bin/python3
"""Reads hallyu's GraphML and GEXF exports with NetworkX and igraph (Debian python3-networkx,
python3-igraph) and compares them with the hallyu/1 file they came from: entity and relation counts,
kind, name, aliases, type and every attribute. Exit 0 when equal, 1 with the differences, 77 when a
module is missing (the test is then skipped).

Usage: check_exports.py DATA.json EXPORT.graphml EXPORT.gexf
"""
import json
import math
import sys
from collections import Counter

try:
    import networkx as nx
    import igraph
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}", file=sys.stderr)
    sys.exit(77)

FIELDS_E = {"id", "kind", "name", "aliases"}
FIELDS_R = {"from", "to", "type"}
JSON_KEYS_NODE = {"aliases"}


def canon(v):
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


def main():
    data_file, graphml_file, gexf_file = sys.argv[1:4]
    doc = json.load(open(data_file, encoding="utf-8-sig"))
    entities = {e["id"]: e for e in doc.get("entities", [])}
    relations = doc.get("relations", [])
    # Which attributes hallyu typed as JSON text (lists, objects, mixed): strings in the files.
    def json_typed(records, fields):
        types = {}
        for r in records:
            for k, v in r.items():
                if k in fields:
                    continue
                t = "int" if isinstance(v, int) and not isinstance(v, bool) else "float" if isinstance(v, (int, float)) and not isinstance(v, bool) else type(v).__name__
                types.setdefault(k, set()).add(t)
        out = set()
        for k, ts in types.items():
            if ts <= {"int"} or ts <= {"int", "float"} or ts == {"bool"} or ts == {"str"}:
                continue
            out.add(k)
        return out
    node_json = json_typed(entities.values(), FIELDS_E) | JSON_KEYS_NODE
    edge_json = json_typed(relations, FIELDS_R)

    def expected_node(e):
        out = {"kind": e["kind"], "name": e["name"], "aliases": e.get("aliases", [])}
        for k, v in e.items():
            if k not in FIELDS_E:
                out[k] = v
        return canon(out)

    def expected_edge(r):
        out = {"from": r["from"], "to": r["to"], "type": r["type"]}
        for k, v in r.items():
            if k not in FIELDS_R:
                out[k] = v
        return canon(out)

    want_nodes = {i: expected_node(e) for i, e in entities.items()}
    want_edges = Counter(expected_edge(r) for r in relations)
    problems = []

    def decode(attrs, json_keys, drop=()):
        out = {}
        for k, v in attrs.items():
            if k in drop:
                continue
            if isinstance(v, float) and math.isnan(v):
                continue
            if k in json_keys and isinstance(v, str):
                v = json.loads(v)
            elif isinstance(v, float) and v.is_integer():
                v = int(v)
            out[k] = v
        return out

    def compare(tool, nodes, edges):
        if len(nodes) != len(want_nodes):
            problems.append(f"{tool}: {len(nodes)} nodes, expected {len(want_nodes)}")
        if sum(edges.values()) != len(relations):
            problems.append(f"{tool}: {sum(edges.values())} edges, expected {len(relations)}")
        bad = [i for i in want_nodes if nodes.get(i) != want_nodes[i]]
        if bad:
            problems.append(f"{tool}: {len(bad)} nodes differ, e.g. {bad[0]}: {nodes.get(bad[0])} != {want_nodes[bad[0]]}")
        if edges != want_edges:
            diff = list((edges - want_edges).items())[:1] + list((want_edges - edges).items())[:1]
            problems.append(f"{tool}: edges differ, e.g. {diff}")

    # NetworkX GraphML
    g = nx.read_graphml(graphml_file)
    nodes = {n: canon(decode(a, node_json)) for n, a in g.nodes(data=True)}
    edges = Counter(canon({"from": u, "to": v, **decode(a, edge_json, drop=("id",))}) for u, v, a in g.edges(data=True))
    compare("networkx graphml", nodes, edges)

    # NetworkX GEXF: label is the name again; start/end are the time spell (checked below)
    g = nx.read_gexf(gexf_file)
    nodes = {n: canon(decode(a, node_json, drop=("label", "viz", "start", "end"))) for n, a in g.nodes(data=True)}
    edges = Counter(canon({"from": u, "to": v, **decode(a, edge_json, drop=("id", "label", "start", "end"))})
                    for u, v, a in g.edges(data=True))
    compare("networkx gexf", nodes, edges)
    spells = sum(1 for _, a in g.nodes(data=True) if "start" in a)
    if spells == 0 and any(e["kind"] == "drama" and "year" in e for e in entities.values()):
        problems.append("networkx gexf: no node has a start year")
    for n, a in g.nodes(data=True):
        if "viz" not in a or "color" not in a["viz"] or "size" not in a["viz"]:
            problems.append(f"networkx gexf: node {n} lacks viz color/size")
            break

    # igraph GraphML: vertex ids in "id"; missing numbers are NaN, missing strings ""
    h = igraph.Graph.Read_GraphML(graphml_file)
    names = h.vs["id"]
    nodes = {}
    for vertex in h.vs:
        attrs = {k: v for k, v in vertex.attributes().items() if k != "id" and v != ""}
        nodes[vertex["id"]] = canon(decode(attrs, node_json))
    edges = Counter()
    for edge in h.es:
        attrs = {k: v for k, v in edge.attributes().items() if k != "id" and v != ""}
        edges[canon({"from": names[edge.source], "to": names[edge.target], **decode(attrs, edge_json)})] += 1
    compare("igraph graphml", nodes, edges)

    if problems:
        print("\n".join(problems))
        return 1
    print(f"networkx {nx.__version__} and igraph {igraph.__version__}: {len(want_nodes)} entities, {len(relations)} relations, attributes equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
