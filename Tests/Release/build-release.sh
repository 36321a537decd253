#!/usr/bin/env bash
# Builds the one-file qcimages for jump hosts: the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so the host needs only glibc and ncursesw (libncursesw6, on every stock
# Debian/Ubuntu). Writes the binary, stripped (no debug information, no symbol table), to the path given (default
# .build/jumphost/qcimages) and prints that path. The unstripped binary and the linker's map of it stay in
# .build/jumphost-scratch (see size-table.sh).
#
# `--version` of this build names the commit (with -dirty when the tree had changes) and the build date
# (UTC): Sources/qcimages/ReleaseStamp.swift is written for the build, compiled in with
# -D QCIMAGES_RELEASE_STAMP, and removed afterwards.
#
# Usage: Tests/Release/build-release.sh [output-path]
set -euo pipefail
cd "$(dirname "$0")/../.."
output=${1:-.build/jumphost/qcimages}
# A build folder of its own, so that this long build neither waits for nor blocks the debug builds.
scratch=.build/jumphost-scratch
stamp_file=Sources/qcimages/ReleaseStamp.swift

stamp=$(date -u +%F)
if commit=$(git rev-parse --short=7 HEAD 2>/dev/null); then
    [[ -z $(git status --porcelain --untracked-files=no 2>/dev/null) ]] || commit+=-dirty
    stamp="$commit, $stamp"
fi
trap 'rm -f "$stamp_file"' EXIT
cat >"$stamp_file" <<SWIFT
// Written by Tests/Release/build-release.sh for one release build; not part of the repository.
#if QCIMAGES_RELEASE_STAMP
/// The commit and date of this release build, for \`--version\`.
let releaseStamp = "$stamp"
#endif
SWIFT

flags=(-c release --static-swift-stdlib --scratch-path "$scratch" -Xswiftc -DQCIMAGES_RELEASE_STAMP)
swift build "${flags[@]}" --product qcimages -Xlinker "-Map=$PWD/$scratch/qcimages.map" >&2
built="$(swift build "${flags[@]}" --show-bin-path)/qcimages"
mkdir -p "$(dirname "$output")"
cp "$built" "$output"
strip "$output"
echo "$output"
