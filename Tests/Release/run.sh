#!/usr/bin/env bash
# Checks the jump-host binary made by build-release.sh: no Swift library among its dependencies, --version
# names the commit and the build date, and it runs with the toolchain out of reach (Tests/Release/bare.sh:
# an empty environment, an empty LD_LIBRARY_PATH, /opt/swift hidden where the machine allows). It serves
# `simulate --tls` and lists the images over HTTPS with `--ca-file`, as it would on a jump host.
# Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/Release/run.sh [path/to/qcimages]   (builds it first when no path is given)
set -uo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
binary=${1:-$(Tests/Release/build-release.sh)} || { echo "the release build failed"; echo "0 passed, 1 failed"; exit 1; }
echo "release binary: $binary ($(stat -c %s "$binary") bytes; built or found in $((SECONDS - started)) s)"

work=$(mktemp -d)
simulator_pid=""
cleanup() {
    if [[ -n $simulator_pid ]]; then
        kill "$simulator_pid" 2>/dev/null
        wait "$simulator_pid" 2>/dev/null
    fi
    # $! is the process substitution's shell; the simulator runs below it (unshare, env) and outlives it.
    pkill -TERM -f "^$work/qcimages simulate" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=Tests/EndToEnd/checks.sh
source Tests/EndToEnd/checks.sh

cp "$binary" "$work/qcimages"
ldd "$work/qcimages" >"$work/ldd" 2>&1
sed 's/^/     ldd: /' "$work/ldd"
if grep -qiE 'libswift|libFoundation|libdispatch|libBlocksRuntime|/opt/swift|not found' "$work/ldd"; then
    fail "ldd shows no Swift library and nothing missing" "$(cat "$work/ldd")"
else
    pass "ldd shows only system libraries ($(grep -c '=>' "$work/ldd") of them)"
fi

# shellcheck source=Tests/Release/bare.sh
source Tests/Release/bare.sh
bare_setup "$work"

version=$(bare "$work/qcimages" --version 2>&1)
if [[ $version =~ ^qcimages\ [0-9][^\ ]*\ \([0-9a-f]{7}(-dirty)?,\ [0-9]{4}-[0-9]{2}-[0-9]{2}\)$ ]]; then
    pass "--version names the commit and the build date: $version"
else
    fail "--version names the commit and the build date" "$version"
fi

exec {out}< <(bare "$work/qcimages" simulate --tls --port 0 --images 500 2>"$work/simulate.err")
simulator_pid=$!
read -r -t 60 url <&"$out"
read -r -t 10 ca <&"$out"
ca=${ca#ca_file: }
if [[ $url == https://* && -f $ca ]]; then pass "simulate --tls from the bare binary: $url"; else
    fail "simulate --tls from the bare binary" "url: $url; ca: $ca; $(cat "$work/simulate.err")"; fi

bare env HOME="$work" QINGCLOUD_ENDPOINT="$url" QINGCLOUD_ACCESS_KEY=QYDEMOACCESSKEY0001 \
    QINGCLOUD_SECRET_KEY=demo-secret-access-key QINGCLOUD_ZONE=pek3a \
    "$work/qcimages" list -o ids --ca-file "$ca" >"$work/ids" 2>"$work/list.err"
status=$?
ids=$(grep -c '^img-' "$work/ids")
if [[ $status -eq 0 && $ids -gt 0 && ! -s $work/list.err ]]; then
    pass "list over HTTPS from the bare binary: $ids ids (of 500 images, deleted ones not listed)"
else
    fail "list over HTTPS from the bare binary" "status $status; $(cat "$work/list.err")"
fi

finish_checks
