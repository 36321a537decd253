# Sourced by the test scripts (Tests/EndToEnd/run.sh and hostile.sh, Tests/Field/run.sh,
# Tests/Release/run.sh) and by tmux-session.sh: counting checks, waiting for a condition, a free port.
# Each script ends with `finish_checks`, which prints the plain closing line `N passed, N failed` and
# fails when any check did.

passed=0
failed=0

pass() { # description
    echo "ok   $1"
    passed=$((passed + 1))
}

fail() { # description [what was seen]: the second argument is shown indented, its first 40 lines
    echo "FAIL $1"
    if [[ -n ${2:-} ]]; then sed 's/^/     | /' <<<"$2" | head -40; fi
    failed=$((failed + 1))
}

# Polls a condition every 0.1 s until it holds or the timeout (seconds) runs out; then, when the
# sourcing script defines `on_wait_timeout`, calls it with the condition.
wait_until() { # timeout command...
    local timeout=$1
    shift
    local deadline=$((SECONDS + timeout))
    until "$@"; do
        if ((SECONDS >= deadline)); then
            if declare -F on_wait_timeout >/dev/null; then on_wait_timeout "$@"; fi
            return 1
        fi
        sleep 0.1
    done
}

# Splits `[VAR=value...] -- [arguments]` (how the scripts pass an environment and a command line together):
# the words before `--` into $assignments, the words after it into $arguments (callers declare both local).
split_assignments() {
    assignments=()
    while [[ $# -gt 0 && $1 != -- ]]; do
        assignments+=("$1")
        shift
    done
    shift
    arguments=("$@")
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

finish_checks() {
    echo "$passed passed, $failed failed"
    ((failed == 0))
}
