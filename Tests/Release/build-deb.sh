#!/usr/bin/env bash
# Builds the Debian package of qcimages from the jump-host binary of build-release.sh:
#   /usr/bin/qcimages
#   /usr/share/man/man1/qcimages.1.gz      ArgumentParser's manual generator, every subcommand on one page
#   /usr/share/bash-completion/completions/qcimages, /usr/share/zsh/vendor-completions/_qcimages,
#   /usr/share/fish/vendor_completions.d/qcimages.fish      ArgumentParser's completion scripts
#   /usr/share/doc/qcimages/{README.md.gz,copyright,changelog.gz}
#   /usr/share/lintian/overrides/qcimages  the two libraries compiled into the one file, with the reason
# The package's version is the binary's (`qcimages --version`); Depends comes from dpkg-shlibdeps on the
# binary. The man page comes from the `generate-manual` tool that swift-argument-parser's generate-manual
# plugin runs: the plugin would first build every product of the package in release a second time, so the
# tool is built (debug, seconds) and run on the release binary itself. Prints the path of the .deb.
#
# Usage: Tests/Release/build-deb.sh [path/to/release/qcimages] [output-directory]
#        (builds the binary with build-release.sh when no path is given; default output .build/jumphost)
#        QCIMAGES_DEB_MAINTAINER overrides the maintainer (default: the author of the last commit).
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-$(Tests/Release/build-release.sh)}
output_directory=${2:-.build/jumphost}

# "qcimages 0.1.0 (cb9bb7a, 2026-12-06)" or "qcimages 0.1.0"
version_line=$("$binary" --version)
read -r _ version _ <<<"$version_line"
[[ $version =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || { echo "build-deb.sh: no version in '$version_line'" >&2; exit 1; }
build_date=$(grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}' <<<"$version_line" || date -u +%F)
architecture=$(dpkg --print-architecture)
maintainer=${QCIMAGES_DEB_MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}
[[ -n $maintainer ]] || { echo "build-deb.sh: set QCIMAGES_DEB_MAINTAINER (no git history to take it from)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
doc=$root/usr/share/doc/qcimages
install -d -m 755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$doc" \
    "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" \
    "$root/usr/share/fish/vendor_completions.d"
install -m 755 "$binary" "$root/usr/bin/qcimages"

# The manual: the generator's page, with its blank lines as paragraph breaks and its examples as a list (one
# a line in the help: "  $ command", two or more spaces, the description); mdoc warns about blank lines and
# would run the examples together as one paragraph.
swift build --product generate-manual >&2
"$(swift build --show-bin-path)/generate-manual" "$binary" --date "$build_date" --output-directory "$work" >&2
awk '
    /^  \$ / {
        if (!examples) { print ".Bl -tag -width Ds -compact"; examples = 1 }
        line = substr($0, 3)
        split_at = match(line, /  +/)
        command = split_at ? substr(line, 1, split_at - 1) : line
        gsub(/"/, "\\(dq", command)
        print ".It Li \"" command "\""
        if (split_at) print substr(line, split_at + RLENGTH)
        next
    }
    examples { print ".El"; examples = 0 }
    /^$/ { print ".Pp"; next }
    { print }
    END { if (examples) print ".El" }
' "$work/qcimages.1" >"$work/qcimages.1.fixed"
gzip -9n <"$work/qcimages.1.fixed" >"$root/usr/share/man/man1/qcimages.1.gz"

# bash-completion sources its files: no #! line (lintian: bash-completion-with-hashbang).
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' >"$root/usr/share/bash-completion/completions/qcimages"
"$binary" --generate-completion-script zsh >"$root/usr/share/zsh/vendor-completions/_qcimages"
"$binary" --generate-completion-script fish >"$root/usr/share/fish/vendor_completions.d/qcimages.fish"

gzip -9n <README.md >"$doc/README.md.gz"
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo "an unknown commit")
# A version without a Debian revision makes a native package, whose changelog is changelog.gz.
gzip -9n >"$doc/changelog.gz" <<CHANGELOG
qcimages ($version) unstable; urgency=medium

  * Release build of commit $commit.

 -- $maintainer  $(date -u -d "$build_date" -R)
CHANGELOG
{
    cat <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: qcimages
Comment: /usr/bin/qcimages is one statically linked file. Besides qcimages it holds the Swift
 runtime and Foundation (Apache-2.0 with the Runtime Library Exception, from Apple Inc. and the
 Swift project authors) and these Swift packages, with the licences their repositories give:
COPYRIGHT
    for checkout in .build/checkouts/*; do
        license=$(ls "$checkout" | grep -iE '^(LICENSE|COPYING)' | head -1)
        case $(head -c 400 "$checkout/$license" 2>/dev/null) in
            *"Apache License"*) name=Apache-2.0 ;;
            *"MIT License"* | *"Permission is hereby granted"*) name=MIT ;;
            *) name="see the package's $license" ;;
        esac
        echo " $(basename "$checkout"): $name"
    done
    cat <<COPYRIGHT
 swift-crypto and swift-nio-ssl embed BoringSSL, under the ISC and OpenSSL licences (their
 NOTICE.txt). The texts of Apache-2.0 and MIT follow.

Files: *
Copyright: the qcimages authors
License: not-stated
 The qcimages repository states no licence for its own code.

License: Apache-2.0
 On Debian systems the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0.

License: MIT
COPYRIGHT
    sed -e 's/^$/./' -e 's/^/ /' .build/checkouts/Yams/LICENSE
} >"$doc/copyright"
install -d -m 755 "$root/usr/share/lintian/overrides"
cat >"$root/usr/share/lintian/overrides/qcimages" <<'OVERRIDES'
# The jump-host build is one file on purpose (scp to hosts without Swift): Yams compiles its own libyaml
# (its C target CYaml) into the Swift module, and there is no Yams that uses the system's libyaml.
qcimages: embedded-library libyaml [usr/bin/qcimages]
# swift-nio-extras compiles its own zlib (CNIOExtrasZlib) into NIOExtras, which the proxy support uses.
qcimages: embedded-library zlib [usr/bin/qcimages]
OVERRIDES
chmod 644 "$root/usr/share/lintian/overrides/qcimages" "$root/usr/share/man/man1/qcimages.1.gz" "$root"/usr/share/*/*/qcimages* \
    "$root/usr/share/zsh/vendor-completions/_qcimages" "$doc"/*

# Depends, computed from the binary by dpkg-shlibdeps (which wants a debian/control to read).
mkdir -p "$work/source/debian"
printf 'Source: qcimages\n\nPackage: qcimages\nArchitecture: any\n' >"$work/source/debian/control"
depends=$(cd "$work/source" && dpkg-shlibdeps -O "$root/usr/bin/qcimages" | sed -n 's/^shlibs:Depends=//p')
[[ -n $depends ]] || { echo "build-deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

cat >"$root/DEBIAN/control" <<CONTROL
Package: qcimages
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Section: admin
Priority: optional
Description: terminal browser for the machine images of a QingCloud account
 qcimages shows the machine images of a QingCloud account in a full-screen
 terminal browser (ncurses) made for jump hosts, tmux and slow links, with
 filters, sorting and live status. "qcimages list" prints the same data for
 scripts (table, JSON, ids, CSV) with the flags of qingcloud-cli,
 "qcimages wait" waits until images are available (or deleted, ...), and
 "qcimages simulate" serves a local QingCloud API for demos and tests.
CONTROL
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

mkdir -p "$output_directory"
deb="$output_directory/qcimages_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
echo "$deb"
