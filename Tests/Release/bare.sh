# Sourced by Tests/Release/run.sh and package.sh: `bare COMMAND...` runs a command with nothing of the
# Swift toolchain reachable: an empty environment, an empty LD_LIBRARY_PATH and, where the machine allows
# a private mount namespace, /opt/swift hidden behind an empty folder. `bare_setup WORKDIR` decides how
# (and prints one line saying which); the sourcing script calls it once.

bare_hidden=0
bare_empty=""

bare_setup() { # work directory
    bare_empty="$1/empty"
    mkdir -p "$bare_empty"
    if unshare --mount true 2>/dev/null && [[ -d /opt/swift ]]; then bare_hidden=1; fi
    if ((bare_hidden)); then
        echo "     /opt/swift is hidden behind an empty folder for the runs below"
    else
        echo "     (no private mount namespace here: /opt/swift stays visible; ldd is the check)"
    fi
}

bare() {
    if ((bare_hidden)); then
        unshare --mount sh -c 'mount --bind "$0" /opt/swift && exec env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$@"' \
            "$bare_empty" "$@"
    else
        env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$@"
    fi
}
