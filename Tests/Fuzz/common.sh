# Sourced by Tests/Fuzz/<Name>/run.sh: the paths, the fuzzing time and the build directory they share.
# Sets here (the target's folder), root (the repository), seconds (the first argument, default 60; the
# remaining arguments are libFuzzer flags, in "$@"), out (.build/fuzz/<Name>, with out/corpus for what
# the fuzzer finds); defines quiet (drops the linker's export warnings) and find_sources NAME...
# (the path of each NAME.swift under Sources, wherever a target keeps it) and build_libyaml (Yams' C part).
here=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
seconds=${1:-60}
shift || true
out="$root/.build/fuzz/$(basename "$here")"
mkdir -p "$out/corpus"
# A failed check is reported by libFuzzer, not by the Swift runtime's backtracer (whose own reads trip ASan).
export SWIFT_BACKTRACE=enable=no
quiet() { "$@" 2> >(grep -v 'ld.gold: warning: Cannot export' >&2); }
find_sources() { for name in "$@"; do find "$root/Sources" -name "$name.swift" | head -n 1; done; }
# The path of a copy of each NAME.swift without its `import JSONEngine` (for building it into one module with
# the JSON engine's own files, as the fuzz targets do).
one_module_sources() {
    mkdir -p "$out/sources"
    for file in $(find_sources "$@"); do
        grep -v '^import JSONEngine$' "$file" >"$out/sources/$(basename "$file")"
        echo "$out/sources/$(basename "$file")"
    done
}
# Builds libyaml (Yams' C part) with fuzzer coverage into $out/objects and sets yams to the Yams sources
# (the checkout `swift build` makes).
build_libyaml() {
    yams="$root/.build/checkouts/Yams/Sources"
    [[ -d $yams ]] || { echo "no Yams checkout: run swift build first" >&2; exit 2; }
    mkdir -p "$out/objects"
    for c in "$yams"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 \
            -DYAML_VERSION_PATCH=5 '-DYAML_VERSION_STRING="0.2.5"' -I "$yams/CYaml/include" \
            "$c" -o "$out/objects/$(basename "$c" .c).o"
    done
}
