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
# A crossover path from an idol to a drama, through people and works only (no agency or network hubs).
draw path-d-o-to-hotel-del-luna --path "D.O." "Hotel del Luna" --k 3 --exclude-kinds agency,network
# The largest cross-promotion cluster (Leiden, seed 1) of the graph without hubs.
draw largest-cluster --cluster 0 --method leiden --seed 1 --exclude-kinds agency,network
# An agency's network: SM Entertainment's groups and their members.
draw sm-entertainment --ego "SM Entertainment" --radius 2 --via signed_to,member_of
# The web explorer after searching, expanding a neighbour and finding a path (its end-to-end test).
node tests/e2e/explorer.mjs "$hallyu" "$out/explorer.png" >/dev/null
