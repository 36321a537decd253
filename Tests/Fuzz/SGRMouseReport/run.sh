#!/usr/bin/env bash
# Fuzzes SGRMouseReport (the SGR mouse reports read after `ESC [<` with --mouse) with libFuzzer.
# Usage: Tests/Fuzz/SGRMouseReport/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Builds MouseEvent.swift, SGRMouseReport.swift (without its `import ImageBrowser`) and the harness with
# -sanitize=fuzzer,address into .build/fuzz/SGRMouseReport, then fuzzes from corpus/ (the seeds kept in
# the repository) and .build/fuzz/SGRMouseReport/corpus (what it found).
set -euo pipefail
source "$(dirname "$0")/../common.sh"
mkdir -p "$out/sources"
grep -v '^import ImageBrowser$' "$(find_sources SGRMouseReport)" >"$out/sources/SGRMouseReport.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name SGRMouseReportFuzz \
    "$here/harness.swift" "$out/sources/SGRMouseReport.swift" "$(find_sources MouseEvent)" -o "$out/fuzz-sgr-mouse"
cd "$out"
exec "$out/fuzz-sgr-mouse" -max_total_time="$seconds" -max_len=64 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
