#!/usr/bin/env bash
# Regenerates visualizations/ from the bundled dataset (run it again whenever datasets/hallyu.json changes).
# Usage: bash scripts/make_visualizations.sh [path/to/hallyu]   (default: build/hallyu)
set -euo pipefail
cd "$(dirname "$0")/.."
hallyu=${1:-build/hallyu}
out=visualizations
mkdir -p "$out"
draw() {  # draw NAME ARGS...: the same diagram as SVG and PNG
  local name=$1; shift
  for format in svg png; do "$hallyu" render "$@" -o "$out/$name.$format"; done
}
# IU's neighbourhood: her dramas, OSTs, collaborators and agency.
draw iu-ego --ego IU --radius 1
# Three routes from IU to D.O. read left to right, one colour each, through people and works only
# (agencies and broadcasters, which connect everything, left out).
draw path-iu-to-d-o --path IU "D.O." --k 3 --exclude-kinds agency,network
# A crossover path from an idol to a drama.
draw path-d-o-to-hotel-del-luna --path "D.O." "Hotel del Luna" --k 3 --exclude-kinds agency,network
# The largest cross-promotion cluster (Leiden, seed 1) of the graph without hubs; single-tie entities
# folded into their neighbour, sized by PageRank.
draw largest-cluster --cluster 0 --method leiden --seed 1 --exclude-kinds agency,network --size-by pagerank
# Careers on a year axis: from music to drama.
draw career-iu --career IU
draw career-suzy --career Suzy
# The cross-promotion map: agencies and the networks their artists act for.
draw crossovers-networks --crossovers
# An agency's network: SM Entertainment's groups and their members (former ones dashed).
draw sm-entertainment --ego "SM Entertainment" --radius 2 --via signed_to,member_of
# The web explorer after searching, expanding a neighbour and finding a path (its end-to-end test).
node tests/e2e/explorer.mjs "$hallyu" "$out/explorer.png" >/dev/null
