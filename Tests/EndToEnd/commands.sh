#!/usr/bin/env bash
# End-to-end test of the user's own commands (the settings file's `commands:`): the real qcimages in
# tmux against the simulator, with XDG_CONFIG_HOME pointing at a config.yaml of this test's. A
# `terminal` command gets the terminal, shows its output, and Enter comes back to the same screen,
# selection and filter; Ctrl-C during it goes to the command; a `background` command writes a file and
# the footer shows its exit; `confirm: true` asks y/n; a key the browser uses is one line at start;
# the simulator's shell-attacking names reach a command as values only (no /tmp/pwned, ~ untouched).
# Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/commands.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-commands

out="$work/out"
home="$work/home"
mkdir -p "$out" "$home" "$work/config/qcimages"
touch "$home/keep"
cat >"$work/config/qcimages/config.yaml" <<'YAML'
# The user commands of Tests/EndToEnd/commands.sh.
commands:
  - key: P
    title: print id
    command: printf '%s\n' "$QC_IMAGE_ID" > "$OUT/terminal.out"; echo "ran on $QC_IMAGE_ID"
  - key: B
    title: bg write
    command: sleep 1; printf '%s\n' "$QC_IMAGE_IDS" > "$OUT/background.out"; echo "to-the-log $QC_IMAGE_ID"; exit 4
    output: background
  - key: C
    title: confirm me
    command: echo yes > "$OUT/confirm.out"
    confirm: true
    output: background
  - key: Z
    title: sleeper
    command: echo sleeping; sleep 30; echo "not interrupted" > "$OUT/sleeper.out"
  - key: X
    title: name
    command: printf '%s' "$QC_IMAGE_NAME" > "$OUT/name.out"; printf '%s' "$QC_FILTER" > "$OUT/filter.out"
    output: background
  - key: W
    title: wait until available
    command: $QCIMAGES wait --endpoint "$QC_ENDPOINT" -z "$QC_ZONE" --until available $QC_IMAGE_IDS
  - key: s
    title: clashes with sort
    command: echo never
YAML

start_simulator --images 300 --seed 3
session_env=(HOME="$home" XDG_CONFIG_HOME="$work/config" OUT="$out" QCIMAGES="$binary" "${simulator_credentials[@]}")
rm -f /tmp/pwned /tmp/pwned-backtick /tmp/pwned-quote
start_session main 140 35 -- --refresh 0
footer() { screen_text | tail -n 1; }
footer_has() { footer | grep -qF -- "$1"; }
# The id the detail pane shows (the selected image).
detail_id() { screen_text | sed -n 's/.*│ ID  *\(img-[a-z0-9]*\).*/\1/p' | head -n 1; }
check() { # description condition...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description" "$(screen_text)"; fi
}

if ! wait_until 60 has_rows 5; then
    fail "the browser opens on the simulator" "$(screen_text)"
    finish_checks
    exit
fi
clash_line=$(grep -n '^  - key: s$' "$work/config/qcimages/config.yaml" | cut -d: -f1)
check "a command on a key the browser uses is one line at start, naming file and line ($clash_line)" \
    footer_has "config.yaml:$clash_line: command \"clashes with sort\": key s is the browser's own"

# --- terminal: the command gets the terminal; Enter comes back to the same screen --------------------------
tmux_ send-keys -t main / ubuntu Enter
wait_until 10 eval 'screen_text | grep -qF "filter ubuntu"'
tmux_ send-keys -t main Down Down
wait_until 5 eval '[[ $(detail_id) == $(list_rows | sed -n 3p | awk "{print \$1}") ]]'
selected=$(detail_id)
rows_before=$(list_rows)
tmux_ send-keys -t main P
if wait_until 10 screen_has "[exit 0] press Enter to return to qcimages"; then
    check "terminal: the command's output on the terminal (ran on $selected)" screen_has "ran on $selected"
else
    fail "terminal: the command runs and qcimages waits for Enter" "$(screen_text)"
fi
check "terminal: QC_IMAGE_ID is the selected image's id" test "$(cat "$out/terminal.out" 2>/dev/null)" = "$selected"
tmux_ send-keys -t main Enter
if wait_until 10 footer_has '"print id" ended: exit 0'; then
    check "terminal: Enter returns to the same selection ($selected)" test "$(detail_id)" = "$selected"
    check "terminal: ... and the same filter" screen_has 'filter ubuntu'
    check "terminal: ... the list drawn again in full, as it was" test "$(list_rows)" = "$rows_before"
else
    fail "terminal: Enter returns to the browser, the footer says how it ended" "$(screen_text)"
fi

# --- Ctrl-C during a terminal command goes to the command ------------------------------------------------
tmux_ send-keys -t main Z
wait_until 10 screen_has "sleeping"
tmux_ send-keys -t main C-c
if wait_until 10 screen_has "[ended by signal 2] press Enter to return to qcimages"; then
    pass "Ctrl-C during a terminal command ends the command, qcimages waits for Enter"
    tmux_ send-keys -t main Enter
    check "... and qcimages is still there afterwards" wait_until 10 footer_has '"sleeper" ended: ended by signal 2'
else
    fail "Ctrl-C during a terminal command ends the command, not qcimages" "$(screen_text)"
fi
check "the command did not go on after Ctrl-C" test ! -e "$out/sleeper.out"

# --- background: runs detached, the footer says how it ended ----------------------------------------------
tmux_ send-keys -t main B
check "background: the footer says it started" wait_until 5 footer_has '"bg write" started in the background on'
check "background: the footer shows its exit" wait_until 15 footer_has '"bg write" ended: exit 4'
check "background: QC_IMAGE_IDS is the selected id (nothing marked)" test "$(cat "$out/background.out" 2>/dev/null)" = "$selected"
check "background: its output is in qcimages' log" grep -qF "to-the-log $selected" "$work/main.log"

# --- confirm: y/n in the footer ---------------------------------------------------------------------------
tmux_ send-keys -t main C
check "confirm: the footer asks" wait_until 5 footer_has "run \"confirm me\" on $selected? y/n"
tmux_ send-keys -t main n
wait_until 5 footer_has 'not run: "confirm me"'
check "confirm: n does not run it" test ! -e "$out/confirm.out"
tmux_ send-keys -t main C
wait_until 5 footer_has "? y/n"
tmux_ send-keys -t main y
check "confirm: y runs it" wait_until 15 test -s "$out/confirm.out"

# --- the simulator's shell-attacking names reach a command as values only --------------------------------
hostile_name() { # filter-phrase expected-name
    rm -f "$out/name.out"
    tmux_ send-keys -t main Escape / C-u
    tmux_ send-keys -t main -l "$1"
    tmux_ send-keys -t main Enter
    if ! wait_until 10 eval 'screen_text | grep -qF "1 match"'; then
        fail "the hostile name $2 is in the simulator's catalogue" "$(screen_text)"
        return
    fi
    tmux_ send-keys -t main X
    if wait_until 15 test -e "$out/name.out" && wait_until 5 footer_has '"name" ended: exit 0'; then
        check "hostile name $2: QC_IMAGE_NAME arrives byte for byte" test "$(cat "$out/name.out")" = "$2"
        check "hostile name $2: QC_FILTER is the filter's text" test "$(cat "$out/filter.out")" = "$1"
    else
        fail "hostile name $2: the command runs" "$(screen_text)"
    fi
}
hostile_name '"$(touch"' '$(touch /tmp/pwned)'
hostile_name '"rm -rf"' "'; rm -rf ~; '"
hostile_name 'backtick' '`touch /tmp/pwned-backtick`"; touch /tmp/pwned-quote; "'
check "no /tmp/pwned, /tmp/pwned-backtick or /tmp/pwned-quote was made" \
    test ! -e /tmp/pwned -a ! -e /tmp/pwned-backtick -a ! -e /tmp/pwned-quote
check "the home directory is untouched" test -e "$home/keep"

# --- the README's example: qcimages wait on the images the command applies to ----------------------------
waited=$(detail_id)
tmux_ send-keys -t main W
# The terminal keeps what the earlier commands wrote: the id, then the status line after it.
waited_and_exited() { screen_text | grep -A 3 -x "$waited" | grep -qF "[exit 0] press Enter to return to qcimages"; }
if wait_until 30 waited_and_exited; then
    pass "qcimages wait --until available \$QC_IMAGE_IDS as a terminal command: prints $waited, exit 0"
    tmux_ send-keys -t main Enter
else
    fail "qcimages wait as a terminal command ends" "$(screen_text)"
fi

tmux_ send-keys -t main q
finish_checks
