#!/usr/bin/env bash
# Installs dependencies, builds with warnings as errors and runs the whole test suite.
# Usage: bash scripts/test.sh [--sanitize]   (--sanitize: ASan + UBSan build in build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --test
# playwright-core for the end-to-end test, from the lock file (it drives Debian's Chromium; it downloads no browser).
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
# kpopnet.json (CC0) for the kpopnet import test, from its lock file.
if [ ! -f tests/kpopnet/node_modules/kpopnet.json/kpopnet.json ]; then
  npm ci --prefix tests/kpopnet --no-audit --no-fund --loglevel=error
fi

build=build
flags=(-DCMAKE_BUILD_TYPE=Release -DHALLYU_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
  build=build-asan
  flags=(-DCMAKE_BUILD_TYPE=Debug -DHALLYU_WERROR=ON -DHALLYU_SANITIZE=ON)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
fi
cmake -S . -B "$build" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
