#!/usr/bin/env bash
# Fuzzes the config reader (ConfigFile.parse, Yams and libyaml) with libFuzzer.
# Usage: Tests/Fuzz/ConfigReader/run.sh [seconds]   (default 60; extra libFuzzer flags after the seconds)
# Needs the Yams checkout (`swift build` once). Builds libyaml (C, with fuzzer coverage), Yams and the
# config reader's sources with the harness, -sanitize=fuzzer,address, into .build/fuzz/ConfigReader,
# then fuzzes from corpus/ (the seeds kept in the repository) and .build/fuzz/ConfigReader/corpus.
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
# Yams and the reader in one module: `import Yams` goes, and `Yams.compose` is plain `compose`.
find_sources ConfigFile YAMLProblem ConfigurationError Endpoint ZoneSelection ZoneName CertificateFileError ProxyError | xargs cat | grep -v '^import Yams$' \
    | sed 's/Yams\.compose(/compose(/' >"$out/reader.swift"
quiet swiftc -sanitize=fuzzer,address -parse-as-library -O -D SWIFT_PACKAGE -module-name ConfigReaderFuzz \
    -Xcc -I"$yams/CYaml/include" -I "$yams/CYaml/include" \
    "$here/harness.swift" "$out/reader.swift" "$yams"/Yams/*.swift "$out"/objects/*.o \
    -o "$out/fuzz-config-reader"
cd "$out"
exec "$out/fuzz-config-reader" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 "$@" "$out/corpus" "$here/corpus"
