#!/usr/bin/env bash
# Fuzzes Sanitizer (the shared escaping function) with libFuzzer.
# Usage: Tests/Fuzz/Sanitizer/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Builds Sanitizer.swift and the harness with -sanitize=fuzzer,address into .build/fuzz/Sanitizer, then
# fuzzes from corpus/ (the seeds kept in the repository) and .build/fuzz/Sanitizer/corpus (what it found).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SanitizerFuzz \
    "$here/harness.swift" "$(find_sources Sanitizer)" -o "$out/fuzz-sanitizer"
cd "$out"
exec "$out/fuzz-sanitizer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
