#!/usr/bin/env bash
# Builds the one-file qcimages for jump hosts: the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so the host needs only glibc and ncursesw (libncursesw6, on every stock
# Debian/Ubuntu). Writes the binary, stripped (no debug information, no symbol table), to the path given (default
# .build/jumphost/qcimages) and prints that path.
#
# Usage: Tests/Release/build-release.sh [output-path]
set -euo pipefail
cd "$(dirname "$0")/../.."
output=${1:-.build/jumphost/qcimages}
# A build folder of its own, so that this long build neither waits for nor blocks the debug builds.
scratch=.build/jumphost-scratch

swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product qcimages >&2
built="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/qcimages"
mkdir -p "$(dirname "$output")"
cp "$built" "$output"
strip "$output"
echo "$output"
