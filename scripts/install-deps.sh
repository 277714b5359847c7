#!/usr/bin/env bash
# Installs what hallyu needs to build and test on Debian 12, and only what is missing.
# Usage: bash scripts/install-deps.sh [--test|--bench]   (as root, or as a user with sudo)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev libcli11-dev catch2 libxml2-dev  # libxml2: GraphML import
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev  # httplib's header needs these three
  fonts-noto-cjk  # Hangul in PNG and PDF renderings
)

# --test: what the test suite adds (the explorer's end-to-end test in headless Chromium; NetworkX and
# igraph reading the GraphML and GEXF exports back).
# --bench: the peers bench/compare.sh measures against.
case "${1:-}" in
  --test)
    packages+=(chromium python3 python3-networkx python3-igraph)
    command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
    ;;
  --bench)
    packages+=(python3 python3-networkx python3-igraph python3-graph-tool)
    command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)  # Kuzu, the query-language peer
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
