#!/usr/bin/env bash
# Fuzzes the settings file reader and its section rewriter (Sources/UserSettings, Yams and libyaml) with libFuzzer.
# Usage: Tests/Fuzz/SettingsReader/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Needs the Yams checkout (`swift build` once). Builds libyaml (C, with fuzzer coverage), Yams and the
# settings reader's sources with the harness, -sanitize=fuzzer,address, into .build/fuzz/SettingsReader,
# then fuzzes from corpus/ (the seeds kept in the repository) and .build/fuzz/SettingsReader/corpus.
set -euo pipefail
source "$(dirname "$0")/../common.sh"
yams="$root/.build/checkouts/Yams/Sources"
[[ -d $yams ]] || { echo "no Yams checkout: run swift build first" >&2; exit 2; }
mkdir -p "$out/objects"
for c in "$yams"/CYaml/src/*.c; do
    clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 \
        -DYAML_VERSION_PATCH=5 '-DYAML_VERSION_STRING="0.2.5"' -I "$yams/CYaml/include" \
        "$c" -o "$out/objects/$(basename "$c" .c).o"
done
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
