#!/usr/bin/python3
"""Times the peers (igraph, NetworkX, graph-tool: Debian's python3-* packages) on the same graph and
the same queries as bench/hallyu_bench, one JSON line per tool and operation, with the same "check"
field so compare.sh can confirm every tool answered the same question.

Usage: peers.py EDGES.txt PAIRS_INDEX.txt N_VERTICES [--repeat R] [--ops load,path,betweenness,pagerank,pagerank-converged] [--tools ...]
NetworkX betweenness runs only on graphs of at most 20,000 vertices (it takes minutes beyond).
EDGES.txt holds "u v" vertex indexes (one relation per line, parallel relations kept as they are in
hallyu's input; every tool collapses them or not as it does); PAIRS_INDEX.txt holds "s t" indexes.
"""
import argparse, json, statistics, sys, time

parser = argparse.ArgumentParser()
parser.add_argument("edges"); parser.add_argument("pairs"); parser.add_argument("n", type=int)
parser.add_argument("--repeat", type=int, default=5)
parser.add_argument("--ops", default="load,path")
parser.add_argument("--tools", default="igraph,networkx,graph-tool")
args = parser.parse_args()
ops = set(args.ops.split(","))
pairs = [tuple(map(int, line.split())) for line in open(args.pairs)]


def report(tool, op, samples, check, **extra):
    row = {"tool": tool, "op": op, "median_ms": statistics.median(samples) * 1000, "runs": len(samples), "check": str(check)}
    row.update(extra)
    print(json.dumps(row), flush=True)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def repeated(fn, times):
    """Runs fn `times` times: each run's seconds, and the last run's result."""
    samples, result = [], None
    for _ in range(times):
        seconds, result = timed(fn)
        samples.append(seconds)
    return samples, result


def max_check(values):
    return f"{max(values):.6g}"


def converged_error(scores):
    """Largest difference from hallyu's converged PageRank (hallyu_bench's pagerank-converged wrote it)."""
    try:
        ours = [float(line) for line in open(args.edges[: -len(".edges")] + ".json.pagerank")]
    except OSError:
        return None
    return max(abs(a - b) for a, b in zip(ours, scores)) if len(ours) == len(scores) else None


def bench(tool, load, path_length, betweenness=None, pagerank_argmax=None, simplify=lambda g: g, louvain=None, kcore_max=None,
          pagerank_converged=None, leiden=None):
    samples, graph = [], None
    for _ in range(args.repeat if "load" in ops else 1):
        graph = None
        seconds, graph = timed(load)
        samples.append(seconds)
    if "load" in ops:
        report(tool, "load", samples, "")
    if "path" in ops:
        # Networkx is slow on big graphs: fewer rounds there, never fewer than one over all pairs.
        rounds = args.repeat if tool != "networkx" else max(1, args.repeat // 5)
        samples, total = [], 0
        for _ in range(rounds):
            total = 0
            for s, t in pairs:
                seconds, length = timed(lambda: path_length(graph, s, t))
                samples.append(seconds)
                total += length
        report(tool, "path", samples, total)
    if "betweenness" in ops and betweenness:
        simple = simplify(graph)
        samples, value = repeated(lambda: betweenness(simple), max(1, args.repeat // 2))
        report(tool, "betweenness", samples, max_check(value))
    if "pagerank" in ops and pagerank_argmax:
        simple = simplify(graph)
        samples, value = repeated(lambda: pagerank_argmax(simple), args.repeat)
        report(tool, "pagerank", samples, value)
    if "pagerank-converged" in ops and pagerank_converged:
        simple = simplify(graph)
        samples, scores = repeated(lambda: pagerank_converged(simple), args.repeat)
        report(tool, "pagerank-converged", samples, str(max(range(len(scores)), key=scores.__getitem__)),
               max_error_vs_hallyu=converged_error(scores))
    if "louvain" in ops and louvain:
        simple = simplify(graph)
        samples, q = repeated(lambda: louvain(simple), args.repeat)
        report(tool, "louvain", samples, "", modularity=q)
    for op, rounds in (("leiden", -1), ("leiden-2", 2)):
        if op in ops and leiden:
            simple = simplify(graph)
            samples, q = repeated(lambda: leiden(simple, rounds), args.repeat)
            report(tool, op, samples, "", modularity=q)
    if "kcore" in ops and kcore_max:
        simple = simplify(graph)
        samples, value = repeated(lambda: kcore_max(simple), args.repeat)
        report(tool, "kcore", samples, value)


tools = args.tools.split(",")
if "igraph" in tools:
    import igraph

    def ig_load():
        return igraph.Graph.Read_Edgelist(args.edges, directed=False)

    def ig_path(g, s, t):
        p = g.get_shortest_paths(s, to=t, output="vpath")[0]
        return len(p) - 1 if p else -1

    def ig_simplify(g):
        g = g.copy()
        g.simplify()
        return g

    def ig_betweenness(g):
        n = g.vcount()  # igraph counts each unordered pair once; NetworkX's scale is 2/((n-1)(n-2))
        return [b * 2 / ((n - 1) * (n - 2)) for b in g.betweenness(directed=False)]

    def ig_pagerank(g):
        pr = g.pagerank(directed=False)
        return str(max(range(len(pr)), key=pr.__getitem__))

    def ig_louvain(g):
        import random
        random.seed(1)
        return g.community_multilevel().modularity

    def ig_leiden(g, rounds):
        # Modularity as the objective; -1: iterations until nothing changes, as hallyu's default.
        import random
        random.seed(1)
        return g.modularity(g.community_leiden(objective_function="modularity", n_iterations=rounds))

    bench("igraph", ig_load, ig_path, ig_betweenness, ig_pagerank, ig_simplify, ig_louvain, lambda g: str(max(g.coreness())),
          pagerank_converged=lambda g: g.pagerank(directed=False, implementation="prpack"), leiden=ig_leiden)

if "networkx" in tools:
    import networkx as nx

    def nx_load():
        g = nx.read_edgelist(args.edges, nodetype=int)
        g.add_nodes_from(range(args.n))
        return g

    def nx_path(g, s, t):
        try:
            return len(nx.bidirectional_shortest_path(g, s, t)) - 1
        except nx.NetworkXNoPath:
            return -1

    def nx_pagerank(g):
        pr = nx.pagerank(g)
        return str(max(pr, key=pr.get))

    def nx_louvain(g):
        return nx.community.modularity(g, nx.community.louvain_communities(g, seed=1))

    bench("networkx", nx_load, nx_path,
          (lambda g: list(nx.betweenness_centrality(g).values())) if args.n <= 20000 else None, nx_pagerank,
          louvain=nx_louvain if args.n <= 200000 else None, kcore_max=lambda g: str(max(nx.core_number(g).values())))

if "graph-tool" in tools:
    try:
        import graph_tool.all as gt
    except ImportError:
        print("peers.py: graph-tool is not installed; skipping it", file=sys.stderr)
    else:
        def gt_load():
            g = gt.load_graph_from_csv(args.edges, directed=False, csv_options={"delimiter": " "}, hashed=False)
            if g.num_vertices() < args.n:
                g.add_vertex(args.n - g.num_vertices())
            return g

        def gt_path(g, s, t):
            vertices, _ = gt.shortest_path(g, g.vertex(s), g.vertex(t))
            return len(vertices) - 1 if vertices else (0 if s == t else -1)

        def gt_simplify(g):
            g = g.copy()
            gt.remove_parallel_edges(g)
            return g

        def gt_betweenness(g):
            vertex, _ = gt.betweenness(g)  # normalised like NetworkX for undirected graphs
            return list(vertex.a)

        def gt_pagerank(g):
            return str(int(gt.pagerank(g).a.argmax()))

        bench("graph-tool", gt_load, gt_path, gt_betweenness, gt_pagerank, gt_simplify,
              kcore_max=lambda g: str(int(gt.kcore_decomposition(g).a.max())),
              # graph-tool stops when the summed change is below epsilon: hallyu's tol 1e-12 x entities
              pagerank_converged=lambda g: list(gt.pagerank(g, epsilon=1e-12 * g.num_vertices(), max_iter=0).a))
