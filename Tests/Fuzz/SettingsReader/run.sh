#!/usr/bin/env bash
# Fuzzes the settings file reader and its section rewriter (Sources/UserSettings, Yams and libyaml) with libFuzzer.
# Usage: Tests/Fuzz/SettingsReader/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Needs the Yams checkout (`swift build` once). Builds libyaml (C, with fuzzer coverage), Yams and the
# settings reader's sources with the harness, -sanitize=fuzzer,address, into .build/fuzz/SettingsReader,
# then fuzzes from corpus/ (the seeds kept in the repository) and .build/fuzz/SettingsReader/corpus.
set -euo pipefail
source "$(dirname "$0")/../common.sh"
build_libyaml
# Yams and the reader in one module: `import Yams` and `import QingCloud` go, `Yams.` prefixes too.
{ cat "$root"/Sources/UserSettings/*.swift; find_sources BoundedTextFile SpellingSuggestion YAMLProblem UserDirectories | xargs cat; } \
    | grep -v '^import Yams$' | grep -v '^import QingCloud$' \
    | sed 's/Yams\.compose(/compose(/; s/Yams\.serialize(/serialize(/' >"$out/reader.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -D SWIFT_PACKAGE -module-name SettingsReaderFuzz \
    -Xcc -I"$yams/CYaml/include" -I "$yams/CYaml/include" \
    "$here/harness.swift" "$out/reader.swift" "$yams"/Yams/*.swift "$out"/objects/*.o \
    -o "$out/fuzz-settings-reader"
cd "$out"
exec "$out/fuzz-settings-reader" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
