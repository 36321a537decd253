#!/usr/bin/env bash
# Fuzzes the simulator's request parameters with libFuzzer: form decoding (RequestParameters), the
# DescribeImages checks (DescribeImagesRequest) and the page they ask for (ImageWorld.page) must never
# crash, on any offset or limit however large (see harness.swift).
# Usage: Tests/Fuzz/RequestParameters/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
set -euo pipefail
source "$(dirname "$0")/../common.sh"
# The simulator's catalogue and request code with the QingCloud sources it needs, in one module
# (`import QingCloud` goes).
find_sources RequestParameters DescribeImagesRequest DescribeImagesFilter ImageWorld FilterSelections \
    CatalogueGenerator CatalogueVocabulary SeededCatalogue HostileText LifecyclePlanner LifecycleSchedule \
    JSONWriter SplitMix64 | xargs cat | grep -v '^import QingCloud$' >"$out/simulator.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name RequestParametersFuzz \
    "$here/harness.swift" "$out/simulator.swift" \
    $(find_sources APIError ReturnCode Image ImageAttributes OpenEnum ImageQuery ImageFields APITimestamp JSONText \
        JSONValue JSONValue+Parsing JSONScanner LoneSurrogates) \
    -o "$out/fuzz-request-parameters"
cd "$out"
exec "$out/fuzz-request-parameters" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
