#!/usr/bin/env bash
# Fuzzes Sanitizer (the shared escaping function) with libFuzzer.
# Usage: Tests/Fuzz/Sanitizer/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Builds Sanitizer.swift and the harness with -sanitize=fuzzer,address into .build/fuzz/, then fuzzes,
# starting from corpus/ (the seeds kept in the repository) and .build/fuzz/Sanitizer/corpus (what it found).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
seconds=${1:-60}
shift || true
out="$root/.build/fuzz/Sanitizer"
mkdir -p "$out"
source=$(find "$root/Sources" -name Sanitizer.swift | head -n 1)
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SanitizerFuzz \
    "$here/harness.swift" "$source" -o "$out/fuzz-sanitizer" 2> >(grep -v 'ld.gold: warning: Cannot export' >&2)
cd "$out"
mkdir -p "$out/corpus"
exec "$out/fuzz-sanitizer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
