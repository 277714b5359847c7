#!/usr/bin/env bash
# Export and import speed at about 1M relations (hallyu generate --idols 100000): every export format
# from the JSON and from a snapshot, and the imports that exist, with wall time, CPU time and peak
# memory from /usr/bin/time. Usage: bash bench/io_speed.sh [BUILD_DIR] [IDOLS]
set -euo pipefail
cd "$(dirname "$0")/.."
hallyu=${1:-build}/hallyu
idols=${2:-100000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$hallyu" generate --idols "$idols" -o "$out/g.json"
"$hallyu" snapshot --data "$out/g.json" -o "$out/g.hsnap" >/dev/null
measure() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user, %M KB" "$@" >/dev/null; }
measure "load JSON + stats" "$hallyu" stats --data "$out/g.json"
measure "load snapshot + stats" "$hallyu" stats --data "$out/g.hsnap"
for f in hallyu graphml gexf neo4j cypher kuzu csv; do
  measure "export $f (from snapshot)" "$hallyu" export --data "$out/g.hsnap" -f "$f" -o "$out/x_$f"
done
measure "import graphml" "$hallyu" import -f graphml "$out/x_graphml" -o "$out/i1.json"
measure "import csv (neo4j files)" "$hallyu" import -f csv "$out/x_neo4j" --array-delimiter $'\u241F' -o "$out/i2.json"
measure "import csv (GraphFrames tables)" "$hallyu" import -f csv "$out/x_csv" -o "$out/i3.json"
du -sh "$out"/x_* | sed "s|$out/||"
