#!/usr/bin/env bash
# Benchmarks hallyu against igraph, graph-tool and NetworkX (Debian's python3-* packages) on the same
# generated graphs and queries, in one run, and prints medians and ratios.
# Usage: bash bench/compare.sh [--sizes 10k,100k,1m,5m] [--repeat 5] [--ops load,snapshot-load,path,pagerank,pagerank-converged,closeness-top10,harmonic-top10,betweenness,approx,louvain,leiden,leiden-2,kcore,queries] [--pairs 200]
# `queries` runs the query-language benchmark (bench/kuzu_queries.json: q-lookup, q-one-hop, q-co-stars,
# q-top10, q-shortest, q-expand) in hallyu and in Kuzu (npm kuzu 0.11.3, installed into bench/out/kuzu on
# first use, about 500 MB), with Kuzu's COPY FROM load as its "load".
# Exact and approximate betweenness run on the 10k and 100k graphs only (the 1M one would take hours);
# render (ego networks of 50, 300, 1,000 entities per layout engine) and render-diagrams (folded clusters
# and year-axis ranks at the same sizes) on the 10k graph.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=10k,100k,1m repeat=5 ops=load,snapshot-load,path,pagerank,pagerank-converged,closeness-top10,harmonic-top10,betweenness,approx,louvain,leiden,leiden-2,kcore,render,render-diagrams,queries pairs=200
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --ops) ops=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
bash scripts/install-deps.sh --bench
if grep -qw queries <<< "$ops" && [ ! -d bench/out/kuzu/node_modules/kuzu ]; then
  mkdir -p bench/out/kuzu
  npm install --prefix bench/out/kuzu --no-audit --no-fund --loglevel=error kuzu@0.11.3 >&2
fi
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALLYU_BUILD_BENCH=ON -DHALLYU_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench >/dev/null
out=bench/out
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
declare -A idols=([10k]=1000 [100k]=10300 [1m]=105000 [5m]=520000)
IFS=, read -r -a size_list <<< "$sizes"
for size in "${size_list[@]}"; do
  [ -n "${idols[$size]:-}" ] || { echo "compare.sh: unknown size $size (10k, 100k, 1m, 5m)" >&2; exit 2; }
  size_ops=$ops
  case "$size" in
    10k) ;;
    100k) size_ops=$(tr , '\n' <<< "$ops" | grep -v -x -e render -e render-diagrams | paste -sd, -) ;;
    *) size_ops=$(tr , '\n' <<< "$ops" | grep -v -x -e betweenness -e approx -e render -e render-diagrams | paste -sd, -) ;;
  esac
  prefix="$out/g-$size"
  ./build-bench/hallyu generate --idols "${idols[$size]}" --seed 1 -o "$prefix.json" >&2
  n=$(/usr/bin/python3 bench/prepare.py "$prefix.json" "$prefix" "$pairs" 7)
  echo "== $size: $(./build-bench/hallyu stats --json --data "$prefix.json" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["entities"], "entities,", d["relations"], "relations")')" >&2
  query_ops=q-lookup,q-one-hop,q-co-stars,q-top10,q-shortest,q-expand
  hallyu_ops=$(sed "s/\bqueries\b/$query_ops/" <<< "$size_ops")
  { ./build-bench/bench/hallyu_bench "$prefix.json" "$prefix.pairs" --repeat "$repeat" --ops "$hallyu_ops"
    /usr/bin/python3 bench/peers.py "$prefix.edges" "$prefix.pairs-index" "$n" --repeat "$repeat" --ops "$size_ops"
    if grep -qw queries <<< "$size_ops"; then
      KUZU_PREFIX="$PWD/$out/kuzu" node bench/kuzu_peer.mjs "$prefix.json" "$prefix.pairs" --repeat "$repeat" --ops "load,$query_ops"
    fi
  } | sed "s/^{/{\"graph\":\"$size\",/" | tee -a "$results" >&2
done
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
/usr/bin/python3 bench/report.py "$results"
