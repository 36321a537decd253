#!/usr/bin/env bash
# Checks the Debian package that build-deb.sh makes from the jump-host binary: lintian reports no error,
# the package extracted with `dpkg-deb -x` into a temporary root has every file in place, its binary runs
# from there with the toolchain out of reach (Tests/Release/bare.sh) and says the package's version, the
# man page renders with `man -l` and documents every subcommand, and the bash completion, sourced, completes
# `qcimages li<TAB>` and `qcimages list -o <TAB>`. Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/Release/package.sh [path/to/release/qcimages]   (builds it first when no path is given)
set -uo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=Tests/EndToEnd/checks.sh
source Tests/EndToEnd/checks.sh
# shellcheck source=Tests/Release/bare.sh
source Tests/Release/bare.sh

started=$SECONDS
deb=$(Tests/Release/build-deb.sh "${1:-}" "$work" 2>"$work/build.err") \
    || { fail "build-deb.sh" "$(tail -20 "$work/build.err")"; finish_checks; exit; }
pass "build-deb.sh: $(basename "$deb"), $(stat -c %s "$deb") bytes ($((SECONDS - started)) s)"
grep -E '^Depends:' <(dpkg-deb -f "$deb") | sed 's/^/     /'

lintian "$deb" >"$work/lintian" 2>&1
sed -e '/running with root privileges/d' -e 's/^/     lintian: /' "$work/lintian" | sort | uniq -c | sed 's/^ *[0-9]* //' | head -20
if grep -q '^E:' "$work/lintian"; then
    fail "lintian reports no error" "$(grep '^E:' "$work/lintian")"
else
    pass "lintian reports no error ($(grep -c '^W:' "$work/lintian") warnings, overrides shown with the reasons in the package)"
fi

root=$work/root
dpkg-deb -x "$deb" "$root"
missing=()
for file in usr/bin/qcimages usr/share/man/man1/qcimages.1.gz usr/share/bash-completion/completions/qcimages \
    usr/share/zsh/vendor-completions/_qcimages usr/share/fish/vendor_completions.d/qcimages.fish \
    usr/share/doc/qcimages/README.md.gz usr/share/doc/qcimages/copyright usr/share/doc/qcimages/changelog.gz; do
    [[ -s $root/$file ]] || missing+=("$file")
done
if ((${#missing[@]} == 0)); then pass "dpkg-deb -x: every file in place"; else fail "dpkg-deb -x: every file in place" "missing: ${missing[*]}"; fi

bare_setup "$work"
package_version=$(dpkg-deb -f "$deb" Version)
version=$(bare "$root/usr/bin/qcimages" --version 2>&1)
if [[ $version == "qcimages $package_version "* || $version == "qcimages $package_version" ]]; then
    pass "the extracted binary runs bare: $version (package $package_version)"
else
    fail "the extracted binary runs bare and says the package's version $package_version" "$version"
fi
bare "$root/usr/bin/qcimages" list --demo --demo-images 300 -o ids >"$work/ids" 2>"$work/list.err"
status=$?
ids=$(grep -c '^img-' "$work/ids")
if [[ $status -eq 0 && $ids -gt 0 ]]; then pass "list --demo from the extracted binary: $ids ids"; else
    fail "list --demo from the extracted binary" "status $status; $(cat "$work/list.err")"; fi

MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/qcimages.1.gz" >"$work/man" 2>"$work/man.err"
status=$?
missing=()
for command in browse pick list wait simulate; do
    grep -qE "^     $command( |$)" "$work/man" || missing+=("$command")
done
widest=$(LC_ALL=C.UTF-8 wc -L <"$work/man")
if [[ $status -eq 0 && ! -s $work/man.err && ${#missing[@]} -eq 0 && $widest -le 80 ]]; then
    pass "man -l renders qcimages(1) at 80 columns without warnings, with browse, pick, list, wait and simulate ($(wc -l <"$work/man") lines)"
else
    fail "man -l renders qcimages(1) at 80 columns with every subcommand" \
        "status $status; widest line $widest; no section for: ${missing[*]}; $(cat "$work/man.err")"
fi

# Completes the words given (the last one being completed) with the sourced bash completion.
complete_words() {
    PATH="$root/usr/bin:/usr/bin:/bin" bash --norc --noprofile -c '
        source "$0" || exit 1
        function=$(complete -p qcimages | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
        COMP_WORDS=("$@")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        "$function" qcimages "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"
    ' "$root/usr/share/bash-completion/completions/qcimages" "$@" 2>&1
}
words=$(complete_words qcimages li)
if [[ $words == list ]]; then pass "bash: qcimages li<TAB> completes to list"; else
    fail "bash: qcimages li<TAB> completes to list" "$words"; fi
words=$(complete_words qcimages list -o "" | sort | tr '\n' ' ')
if [[ $words == "csv ids json table " ]]; then pass "bash: qcimages list -o <TAB> offers $words"; else
    fail "bash: qcimages list -o <TAB> offers table, json, ids and csv" "$words"; fi

for shell in zsh fish; do
    script=$root/usr/share/zsh/vendor-completions/_qcimages
    [[ $shell == fish ]] && script=$root/usr/share/fish/vendor_completions.d/qcimages.fish
    if command -v "$shell" >/dev/null; then
        if errors=$("$shell" -n "$script" 2>&1); then pass "$shell -n: its completion parses"; else fail "$shell -n: its completion parses" "$errors"; fi
    else
        echo "     ($shell is not installed: its completion is not parsed here)"
    fi
done

finish_checks
