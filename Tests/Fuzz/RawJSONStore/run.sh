#!/usr/bin/env bash
# Fuzzes RawJSONStore (the browser's store of each image's JSON object, cut into shared pieces) with
# libFuzzer: whatever bytes go in come back exactly (see harness.swift).
# Usage: Tests/Fuzz/RawJSONStore/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
set -euo pipefail
source "$(dirname "$0")/../common.sh"
# The store and the QingCloud sources JSONText needs, in one module (`import QingCloud` goes).
find_sources RawJSONStore PieceTable | xargs cat | grep -v -e '^import QingCloud$' -e '^import JSONEngine$' >"$out/store.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name RawJSONStoreFuzz \
    "$here/harness.swift" "$out/store.swift" \
    $(find_sources JSONText JSONValue JSONValue+Parsing JSONScanner LoneSurrogates) \
    -o "$out/fuzz-raw-json-store"
cd "$out"
exec "$out/fuzz-raw-json-store" -max_total_time="$seconds" -max_len=16384 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
