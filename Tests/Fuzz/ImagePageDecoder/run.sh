#!/usr/bin/env bash
# Fuzzes the DescribeImages page decoder (ImagePageDecoder, JSONScanner, JSONValue parsing) with libFuzzer,
# checking every input against Foundation's JSONSerialization, and JSONPrettyPrinter's layout against
# JSONEncoder's (see harness.swift).
# Usage: Tests/Fuzz/ImagePageDecoder/run.sh [SECONDS]   (default 60; crashes are written to the current directory)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sources=$(cd "$here/../../../Sources/QingCloud" && pwd)
seconds=${1:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=(JSONScanner.swift ImagePageDecoder.swift ImageFields.swift ImageField.swift Image.swift ImageAttributes.swift OpenEnum.swift
       APITimestamp.swift JSONText.swift JSONValue.swift JSONValue+Parsing.swift ImageQuery.swift JSONPrettyPrinter.swift)
paths=()
for file in "${files[@]}"; do paths+=("$(find "$sources" -name "$file" | head -n 1)"); done
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name QingCloud -o "$work/fuzz" \
    "${paths[@]}" "$here/harness.swift"
mkdir "$work/corpus"
"$work/fuzz" -max_total_time="$seconds" -timeout=10 -max_len=65536 "$work/corpus" "$here/corpus"
