#!/usr/bin/env bash
# Fuzzes the DescribeImages page decoder (ImagePageDecoder, JSONScanner, JSONValue parsing) with libFuzzer,
# checking every input against Foundation's JSONSerialization, and JSONPrettyPrinter's layout against
# JSONEncoder's (see harness.swift).
# Usage: Tests/Fuzz/ImagePageDecoder/run.sh [SECONDS]   (default 60; further arguments go to libFuzzer;
# crashes are written to .build/fuzz/ImagePageDecoder)
set -euo pipefail
source "$(dirname "$0")/../common.sh"
mapfile -t sources < <(one_module_sources JSONScanner ImagePageDecoder ImageFields ImageField Image ImageAttributes \
    OpenEnum APITimestamp JSONText JSONValue JSONValue+Parsing ImageQuery JSONPrettyPrinter)
quiet swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name QingCloud -o "$out/fuzz-page-decoder" \
    "${sources[@]}" "$here/harness.swift"
cd "$out"
exec "$out/fuzz-page-decoder" -max_total_time="$seconds" -timeout=10 -max_len=65536 "$@" "$out/corpus" "$here/corpus"
