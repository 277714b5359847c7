#!/bin/sh
# Exports the bundled dataset and tests/fixtures/generated_400.json to GraphML and GEXF and has
# NetworkX and igraph read them back (check_exports.py). Exit 77 when a Python module is missing.
# Usage: check_exports.sh HALLYU_BINARY SCRATCH_DIR
set -eu
hallyu=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
for data in "$here/../../datasets/hallyu.json" "$here/../fixtures/generated_400.json"; do
  name=$(basename "$data" .json)
  "$hallyu" export --data "$data" -o "$dir/$name.graphml" >/dev/null
  "$hallyu" export --data "$data" -o "$dir/$name.gexf" >/dev/null
  /usr/bin/python3 "$here/check_exports.py" "$data" "$dir/$name.graphml" "$dir/$name.gexf"
done
