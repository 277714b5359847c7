#!/usr/bin/env bash
# Builds the libFuzzer harnesses with Debian's clang-14 (ASan + UBSan) into build-fuzz/ and runs
# each for SECONDS (default 60). Seeds: tests/fuzz/corpus/<target>/; what a run learns stays in
# build-fuzz/corpus/<target>/; a finding is written to build-fuzz/artifacts/ and fails the script.
# Usage: bash scripts/fuzz.sh [seconds] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_json_loader fuzz_snapshot fuzz_name_search fuzz_api fuzz_cypher fuzz_import)

bash scripts/install-deps.sh
if ! command -v clang++-14 >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends clang-14 >/dev/null
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALLYU_FUZZ=ON -DHALLYU_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0"
mkdir -p build-fuzz/artifacts
for target in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$target"
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=("-dict=tests/fuzz/$target.dict")
  echo "fuzz: $target for ${seconds}s" >&2
  "build-fuzz/tests/fuzz/$target" "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$target-" 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|Done)" || true
  # libFuzzer's status is lost in the pipe: a finding leaves an artifact.
  if compgen -G "build-fuzz/artifacts/$target-*" >/dev/null; then
    echo "fuzz: $target found a problem: $(ls build-fuzz/artifacts/$target-*)" >&2
    exit 1
  fi
done
