#!/usr/bin/env bash
# Fuzzes the filter language (parser, matching, the many-alternatives automaton) with libFuzzer.
# Usage: Tests/Fuzz/FilterParser/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Builds the QingCloud model files as a module and the filter files with the harness, with
# -sanitize=fuzzer,address, into .build/fuzz/FilterParser, then fuzzes from corpus/ (the seeds kept in
# the repository) and .build/fuzz/FilterParser/corpus (what it found).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
mapfile -t model < <(one_module_sources Image ImageField ImageAttributes OpenEnum JSONValue JSONValue+Parsing JSONText JSONScanner \
    APITimestamp ImageQuery)
mapfile -t filter < <(find_sources FilterParser ImageFilter FilterMatching FilterAutomaton FilterIndex \
    FilterIndexEntry FilterValueTable FilterBitSet FilterServerQuery)
cd "$out"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name QingCloud -emit-module \
    -emit-library -static "${model[@]}" -o "$out/libQingCloud.a"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FilterFuzz -I "$out" -L "$out" -lQingCloud \
    "$here/harness.swift" "${filter[@]}" -o "$out/fuzz-filter"
exec "$out/fuzz-filter" -max_total_time="$seconds" -max_len=2048 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
