#!/usr/bin/env bash
# Fuzzes the config reader (ConfigFile.parse, Yams and libyaml) with libFuzzer.
# Usage: Tests/Fuzz/ConfigReader/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Needs the Yams checkout (`swift build` once). Builds libyaml (C, with fuzzer coverage), Yams and the
# config reader's sources with the harness, -sanitize=fuzzer,address, into .build/fuzz/ConfigReader,
# then fuzzes from corpus/ (the seeds kept in the repository) and .build/fuzz/ConfigReader/corpus.
set -euo pipefail
source "$(dirname "$0")/../common.sh"
build_libyaml
# Yams and the reader in one module: `import Yams` goes, and `Yams.compose` is plain `compose`.
find_sources ConfigFile BoundedTextFile SpellingSuggestion YAMLProblem ConfigurationError Endpoint ZoneSelection ZoneName CertificateFileError ProxyError | xargs cat | grep -v '^import Yams$' \
    | sed 's/Yams\.compose(/compose(/' >"$out/reader.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -D SWIFT_PACKAGE -module-name ConfigReaderFuzz \
    -Xcc -I"$yams/CYaml/include" -I "$yams/CYaml/include" \
    "$here/harness.swift" "$out/reader.swift" "$yams"/Yams/*.swift "$out"/objects/*.o \
    -o "$out/fuzz-config-reader"
cd "$out"
exec "$out/fuzz-config-reader" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
