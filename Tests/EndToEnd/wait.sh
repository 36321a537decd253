#!/usr/bin/env bash
# End-to-end checks of `qcimages wait`: the real binary against `qcimages simulate --churn --speed 30`
# (a virtual minute every two seconds, so pending images turn available in a moment), through pipes and
# on a terminal in tmux: the exit statuses 0, 1, 2, 124 and 130, ids from stdin, zone/id and -z all,
# the progress line redrawn in place, and faults. Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/wait.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-wait 'set -g remain-on-exit on'

run() { env -i PATH="$PATH" HOME="$work" "${simulator_credentials[@]}" "$binary" "$@"; }
# Runs `qcimages wait ARGS` with stdin from $stdin_text; sets status, out and err.
stdin_text=""
wait_for() {
    printf '%s' "$stdin_text" | run wait --interval 1 "$@" >"$work/out" 2>"$work/err"
    status=$?
    out=$(cat "$work/out")
    err=$(cat "$work/err")
}
expect() { # description condition...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description" "status $status; stdout: ${out:0:300}; stderr: ${err:0:600}"; fi
}
one_line() { [[ $(wc -l <<<"$err") -eq 1 ]]; }
# The verdict: the last stderr line, the only one from qcimages itself (to a pipe, change lines come before).
verdict_is() { [[ $(tail -n 1 <<<"$err") == "$1" && $(grep -c '^qcimages: ' <<<"$err") == 1 ]]; }

start_simulator --churn --speed 30 --images 500 --seed 5 --zones pek3a,sh1a

# --- there: exit 0 ------------------------------------------------------------------------------------
pending=$(run list -s pending -o ids)
stdin_text=$pending
wait_for --until available -
every_id_available() { local id; for id in $pending; do grep -qx "[0-9hms]* $id available" <<<"$err" || return 1; done; }
expect "pending -> available from stdin (-): exit 0, the ids on stdout as given ($(wc -w <<<"$pending") images)" \
    eval '((status == 0)) && [[ $out == "$pending" && -n $pending ]]'
expect "to a pipe, one stderr line per change, each image's 'available' among them" every_id_available

sh1a_id=$(run list -z sh1a -s available -o ids | head -n 1)
stdin_text=""
wait_for --until available "sh1a/$sh1a_id"
expect "zone/id is asked in its zone: exit 0, stdout sh1a/$sh1a_id" eval '((status == 0)) && [[ $out == "sh1a/$sh1a_id" ]]'
wait_for -z all --until available "$sh1a_id"
expect "a bare id with -z all is found in the zone that knows it: exit 0" eval '((status == 0)) && [[ $out == "$sh1a_id" ]]'

# --- never: exit 1 at once, one line -------------------------------------------------------------------
ceased_id=$(run list -s ceased -o ids | head -n 1)
wait_for --until available "$ceased_id"
expect "waiting for a ceased image to be available: exit 1, one line saying which and why" \
    eval '((status == 1)) && verdict_is "qcimages: $ceased_id is ceased: a ceased image is gone for good; it will not become available"'
available_id=$(run list -s available -o ids | head -n 1)
wait_for --until available "$available_id" img-nosuch999
expect "an id the API does not know: exit 1, one line naming it and the zone" \
    eval '((status == 1)) && verdict_is "qcimages: img-nosuch999: no such image in zone pek3a (DescribeImages does not know it)"'

env -i PATH="$PATH" HOME="$work" "${simulator_credentials[@]}" QINGCLOUD_SECRET_KEY=not-the-secret \
    "$binary" wait --until available "$available_id" >"$work/out" 2>"$work/err"
status=$?
err=$(cat "$work/err")
expect "a wrong secret, which asking again cannot mend: exit 1 at once, one line, no secret in it" \
    eval '((status == 1)) && one_line && [[ $err == "qcimages: authentication failed (ret_code 1200)"* && $err != *not-the-secret* ]]'

# --- bad input: exit 2, one line ----------------------------------------------------------------------
stdin_text=$'\n  \n'
wait_for --until available -
expect "empty stdin: exit 2, one line" eval '((status == 2)) && one_line && [[ $err == "qcimages: no image ids on stdin (-); expected one per line" ]]'
stdin_text=""
wait_for --until available 'img-x;rm'
expect "a word that is not an id: exit 2, one line naming it" eval '((status == 2)) && one_line && [[ $err == "qcimages: \"img-x;rm\" is not an image id or zone/id: "* ]]'
wait_for --until available
expect "no ids at all: exit 2, one line" eval '((status == 2)) && one_line'
wait_for --until available --interval 0.5 img-x
expect "--interval under 1s is refused (exit 64, naming the flag)" eval '((status == 64)) && [[ $err == "Error: --interval must be at least 1s"* ]]'

# --- the whole wait's --timeout: 124 -------------------------------------------------------------------
# An available image does not cease within a virtual minute: it must be deleted and then wait two hours.
wait_for --until ceased --timeout 2s "$available_id"
expect "--timeout runs out: exit 124, one line with where the wait stood" \
    eval '((status == 124)) && [[ $(tail -n 1 <<<"$err") == "qcimages: timed out after 2s: 0/1 ceased; still waiting for $available_id available" ]]'
run wait --until ceased --request-timeout 5 --timeout 1 "$available_id" >/dev/null 2>&1
status=$?
expect "--request-timeout is one request's limit and --timeout the whole wait's on wait" eval '((status == 124))'

# --- Ctrl-C: 130 ---------------------------------------------------------------------------------------
timeout --preserve-status -s INT 2 env -i PATH="$PATH" HOME="$work" "${simulator_credentials[@]}" \
    "$binary" wait --until ceased "$available_id" >"$work/out" 2>"$work/err"
status=$?
err=$(cat "$work/err")
expect "SIGINT: exit 130 and a line with where the wait stood" eval '((status == 130)) && [[ $(tail -n 1 <<<"$err") == "qcimages: interrupted: 0/1 ceased; still waiting for $available_id available" ]]'

# On a terminal: one progress line on stderr, redrawn in place, then Ctrl-C.
cat >"$work/wrapper.sh" <<'WRAPPER'
#!/bin/sh
trap : INT
"$@"
printf '\nE2E-EXIT %s\n' "$?"
sleep 600
WRAPPER
chmod +x "$work/wrapper.sh"
pane=terminal
tmux_ new-session -d -s "$pane" -x 100 -y 10 env -i PATH="$PATH" HOME="$work" "${simulator_credentials[@]}" \
    "$work/wrapper.sh" "$binary" wait --interval 1 --until ceased "$available_id" "sh1a/$sh1a_id"
progress="0/2 ceased · pek3a/$available_id available (+1 more) · "
wait_until 10 screen_has "$progress"
sleep 2.5
lines=$(screen_text | grep -c "ceased ·")
expect "on a terminal: one progress line redrawn in place ($(screen_text | grep -m1 'ceased ·'))" \
    eval '[[ $lines == 1 ]] && screen_text | grep -F "$progress" | grep -qE " · [0-9]+s *$"'
tmux_ send-keys -t "$pane" C-c
wait_until 10 screen_has "E2E-EXIT"
expect "Ctrl-C on a terminal: exit 130, the progress line replaced by the line saying where the wait stood" \
    eval 'screen_has "E2E-EXIT 130" && screen_has "qcimages: interrupted: 0/2 ceased" && [[ $(screen_text | grep -c "ceased ·") == 0 ]]'
tmux_ kill-session -t "$pane"

# --- faults: a failed request is retried, a failed poll is not a verdict ----------------------------------
stop_simulator
start_simulator --churn --speed 30 --images 500 --seed 6 --busy-every 2 --drop-every 3 --http503-every 5
pending=$(run list -s pending -o ids --request-timeout 5)
stdin_text=$pending
wait_for --until available -
expect "pending -> available with every 2nd request busy, every 3rd dropped, every 5th HTTP 503: exit 0" \
    eval '((status == 0)) && [[ $out == "$pending" && -n $pending ]]'

finish_checks
