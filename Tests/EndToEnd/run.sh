#!/usr/bin/env bash
# End-to-end test of the terminal browser: the real `qcimages` binary in tmux against
# `qcimages simulate --churn`. Types keys, reads the screen back, resizes, quits, and checks that the
# terminal is left in its normal mode. Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/run.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-e2e 'set -g remain-on-exit on' 'set -g set-clipboard on'

check() { # description command...: one check, passing when the command succeeds
    local description=$1
    shift
    local started=$SECONDS
    if "$@"; then pass "$description ($((SECONDS - started)) s)"; else fail "$description" "$(last_screen)"; fi
}

# --- the screen ---------------------------------------------------------------------------------------

last_screen() { screen_text | sed -e 's/[[:space:]]*$//' | grep -v '^$' | head -50; }

statuses='pending|available|deprecated|suspended|deleted|ceased'
# "id status" for every visible row.
row_statuses() {
    list_rows | sed -nE "s/^ ?(img-[a-z0-9]+) .* ($statuses)( .*)?$/\1 \2/p" | sort
}

# --- starting things ----------------------------------------------------------------------------------

# Runs qcimages, then reports its exit status and waits for Enter while the terminal is in the state
# qcimages left it in (so that alternate screen and cursor can be checked), then exits with that status.
# Ctrl-C reaches the whole foreground process group: the wrapper traps SIGINT (a handler, not an
# ignore, so that qcimages still starts with the default action) to outlive it.
cat >"$work/wrapper.sh" <<'EOF'
#!/bin/sh
trap : INT
"$@"
status=$?
printf '\nE2E-EXIT %s\n' "$status"
read -r _
exit "$status"
EOF
chmod +x "$work/wrapper.sh"

credentials=()
session_wrapper=("$work/wrapper.sh")
start_browser() { start_session "$@"; } # name width height [env assignments...] -- [qcimages arguments...]

exited_with() { screen_has "E2E-EXIT $1"; }
pane_dead() { [[ $(pane_format '#{pane_dead}') == 1 ]]; }
normal_mode() { [[ $(pane_format '#{alternate_on} #{cursor_flag}') == "0 1" ]]; }
# qcimages is the wrapper's only child while it runs (the wrapper's own printf and read are built in).
browser_running() { pgrep -P "$(pane_format '#{pane_pid}')" >/dev/null; }

# Quits with the given action and checks the exit status and the terminal it leaves behind.
check_quit() { # description expected-status action...
    local description=$1 expected=$2
    shift 2
    "$@"
    if wait_until 20 screen_has "E2E-EXIT"; then
        check "$description: exit status $expected" exited_with "$expected"
        check "$description: normal screen and visible cursor afterwards" normal_mode
        tmux_ send-keys -t "$pane" Enter
        check "$description: the terminal reads a line again (cooked mode)" wait_until 10 pane_dead
    else
        fail "$description: qcimages exits" "$(last_screen)"
    fi
    tmux_ kill-session -t "$pane" 2>/dev/null
}

# --- 1. not a terminal --------------------------------------------------------------------------------

"$binary" --demo --log-file "$work/pipe.log" </dev/null >"$work/pipe.out" 2>"$work/pipe.err"
pipe_status=$?
if ((pipe_status != 0)) && grep -q 'qcimages list' "$work/pipe.err"; then
    pass "stdin not a terminal: exit status $pipe_status and the qcimages list hint"
else
    fail "stdin not a terminal: nonzero exit and the qcimages list hint" \
        "status $pipe_status; stderr: $(cat "$work/pipe.err")"
fi
"$binary" --demo --log-file "$work/pipe.log" 2>"$work/pipe.err" | cat >"$work/pipe.out"
pipe_status=${PIPESTATUS[0]}
if ((pipe_status != 0)) && grep -q 'qcimages list' "$work/pipe.err" && [[ ! -s $work/pipe.out ]]; then
    pass "stdout not a terminal: exit status $pipe_status, the hint, nothing on stdout"
else
    fail "stdout not a terminal: nonzero exit, the hint, nothing on stdout" \
        "status $pipe_status; stderr: $(cat "$work/pipe.err"); stdout: $(head -c 200 "$work/pipe.out")"
fi

"$binary" list --demo --limit 500 >"$work/flag.out" 2>"$work/flag.err"
flag_status=$?
# ArgumentParser's own report: the error first (naming the flag), then the usage and where the help is.
if ((flag_status == 64)) && [[ ! -s $work/flag.out ]] && head -n 1 "$work/flag.err" | grep -q -- '^Error: .*--limit' &&
    grep -q -- "qcimages list --help" "$work/flag.err"; then
    pass "a bad flag: exit status 64, the error naming the flag first ($(head -n 1 "$work/flag.err"))"
else
    fail "a bad flag: exit status 64, the error naming the flag first" "status $flag_status; stderr: $(cat "$work/flag.err")"
fi

# Each mistake is named as it is: a negative offset is a bad number, not a missing one; the range a
# message gives is the range accepted.
for case in "-O -1|--offset must be 0 or more" "-L -5|--limit must be from 1 to 100" \
    "--timeout 0|--request-timeout must be more than 0 and at most 600 seconds" \
    "--request-timeout 0|--request-timeout must be more than 0 and at most 600 seconds"; do
    arguments=${case%%|*}
    expected=${case#*|}
    # shellcheck disable=SC2086
    "$binary" list --demo $arguments >"$work/flag.out" 2>"$work/flag.err"
    flag_status=$?
    if ((flag_status == 64)) && head -n 1 "$work/flag.err" | grep -qF -- "$expected"; then
        pass "list $arguments: exit status 64 and \"$expected\""
    else
        fail "list $arguments: exit status 64 and \"$expected\"" "status $flag_status; stderr: $(cat "$work/flag.err")"
    fi
done

# A misspelt key in a config file (used below against the simulator).
cat >"$work/config.yaml" <<'EOF'
qy_access_key_id: 'QYDEMOACCESSKEY0001'
qy_secret_access_key: 'demo-secret-access-key'
zone: 'pek3a'
hots: 'api.example.invalid'
EOF
chmod 600 "$work/config.yaml"

# --- 2. the simulator ---------------------------------------------------------------------------------

# Its first line is the endpoint URL, printed once the port is bound: read it as it comes.
endpoint=""
start_simulator --churn --speed 60 --images 3000
if [[ $endpoint != http*://* ]]; then
    fail "simulator prints its endpoint URL first" "first line: $endpoint; stderr: $(cat "$work/simulator.err")"
    echo "$passed passed, $failed failed"
    exit 1
fi
pass "simulator listening at $endpoint"
credentials=("${simulator_credentials[@]}")
session_env=("${credentials[@]}")

# The misspelt key is a warning naming the file and the line, and the list still works.
QINGCLOUD_ENDPOINT=$endpoint "$binary" list -f "$work/config.yaml" -O 0 -L 1 -o ids \
    >"$work/config.out" 2>"$work/config.err"
config_status=$?
if ((config_status == 0)) && [[ $(wc -l <"$work/config.out") -eq 1 ]] &&
    grep -qF "$work/config.yaml:4: unknown key \"hots\" ignored (did you mean host?)" "$work/config.err"; then
    pass "a misspelt config key: $(cat "$work/config.err")"
else
    fail "a misspelt config key is warned with file and line" "status $config_status; stderr: $(cat "$work/config.err")"
fi

# --- 3. the main session: rows, filter, detail, resize, live status, q ---------------------------------

start_browser main 120 40 -- --refresh 1
check "rows appear at 120x40" wait_until 60 has_rows 20
check "the header names the zone" screen_has "pek3a"
# What uses the selected image: DescribeInstances' count, asked once the selection stands still.
used_by_count() { screen_text | grep -qE 'Used by +([0-9]+ instances?|no instances)'; }
check "the detail pane shows Used by with a count" wait_until 20 used_by_count

tmux_ send-keys -t main /
tmux_ send-keys -t main -l 'os:ubuntu'
only_ubuntu() {
    local rows
    rows=$(list_rows) || return 1
    [[ -n $rows ]] && ! grep -qv ubuntu <<<"$rows"
}
check "typing the filter os:ubuntu leaves only ubuntu rows" wait_until 30 only_ubuntu
check "the header counts the matches" screen_has "match"
tmux_ send-keys -t main Enter
filter_kept() { screen_has "filter os:ubuntu" && only_ubuntu && ! screen_text | tail -n 1 | grep -q '^/'; }
check "Enter closes the bar and the filter stays, shown in the header" wait_until 20 filter_kept
tmux_ send-keys -t main Escape
not_only_ubuntu() { list_rows | grep -qv ubuntu; }
check "Esc clears the filter" wait_until 30 not_only_ubuntu

tmux_ send-keys -t main Enter
detail_full() { screen_has "OS family" && ! screen_text | grep -qE '^ ?ID +NAME'; }
check "Enter shows the detail pane full-screen" wait_until 20 detail_full
tmux_ send-keys -t main Enter
list_back() { screen_text | grep -qE '^ ?ID +NAME' && has_rows 20; }
check "Enter again returns to the list" wait_until 20 list_back

# F6: htop's "Sort by" chooser. Home, Down picks NAME (the second column); the title's mark moves there.
selected_id() { screen_text | grep -oE 'img-[a-z0-9]+' | tail -n 1; }
before_sort=$(selected_id)
tmux_ send-keys -t main F6
chooser_open() { screen_has "sort by" && screen_text | grep -qE '│ +AGE▼'; }
check "F6 opens the sort chooser, on the current sort (AGE▼)" wait_until 20 chooser_open
tmux_ send-keys -t main Home Down Enter
sorted_by_name() {
    screen_text | grep -qE '^ ?ID +NAME▲' && ! screen_text | grep -q 'AGE▼' && screen_has "sort name ▲" &&
        ! screen_has "sort by"
}
check "Enter sorts by NAME: the mark moves to its title, the header says so" wait_until 20 sorted_by_name
check "the selected image stays selected ($before_sort)" test "$(selected_id)" = "$before_sort"
tmux_ send-keys -t main F6
check "F6 again opens it on NAME" wait_until 20 screen_has "NAME▲"
tmux_ send-keys -t main Escape
chooser_closed() { ! screen_has "sort by" && screen_text | grep -qE '^ ?ID +NAME▲'; }
check "Esc closes it and keeps the order" wait_until 20 chooser_closed
tmux_ send-keys -t main F1
check "F1 opens the help (as in htop)" wait_until 20 screen_has "┌─ keys ─"
tmux_ send-keys -t main Escape
check "Esc closes the help" wait_until 20 chooser_closed

pane_size_is() { [[ $(pane_format '#{pane_width}x#{pane_height}') == "$1" ]]; }
# The frame was drawn for the new size: its bottom line (key hints and the "n/total" position) is the
# pane's last line.
bottom_line_at() { screen_text | sed -n "${1}p" | grep -qE '[0-9]+/[0-9,]+ *$'; }
tmux_ resize-window -t main -x 60 -y 20
narrow() { pane_size_is 60x20 && has_rows 5 && bottom_line_at 20; }
check "resized to 60x20: rows redrawn to fit" wait_until 20 narrow
tmux_ resize-window -t main -x 1 -y 1
tiny_alive() { pane_size_is 1x1 && browser_running; }
check "resized to 1x1: still running" wait_until 20 tiny_alive
tmux_ resize-window -t main -x 120 -y 40
wide_again() { pane_size_is 120x40 && has_rows 20 && bottom_line_at 40 && browser_running; }
check "resized back to 120x40: rows redrawn" wait_until 20 wide_again

# The newest images (the top of the list) rarely change after they become available; the simulator's
# cycling images start about a hundred rows down. Page down there and watch the status column: any
# image whose status differs between two looks counts.
for _ in 1 2 3 4; do tmux_ send-keys -t main PageDown; done
paged_down() { screen_text | tail -n 1 | grep -qE '(^|[^0-9])[1-9][0-9]{2,}/[0-9,]+ *$'; }
check "PgDn moves a hundred rows down" wait_until 20 paged_down
previous_statuses=$(row_statuses)
status_change=""
status_changed() {
    local current
    current=$(row_statuses)
    status_change=$(join <(printf '%s\n' "$previous_statuses") <(printf '%s\n' "$current") |
        awk '$2 != $3 { print $1 ": " $2 " -> " $3; exit }')
    previous_statuses=$current
    [[ -n $status_change ]]
}
if [[ -z $previous_statuses ]]; then
    fail "the status column can be read" "$(last_screen)"
elif wait_until 90 status_changed; then
    pass "a status change appears by itself ($status_change)"
else
    fail "a status change appears by itself within 90 s" "$(last_screen)"
fi

check_quit "q" 0 tmux_ send-keys -t main q

# --- 4. other ways to end, and other terminals ---------------------------------------------------------

start_browser interrupt 100 30 -- --refresh 1
check "Ctrl-C session: rows appear" wait_until 60 has_rows 10
check_quit "Ctrl-C" 0 tmux_ send-keys -t interrupt C-c

start_browser terminate 100 30 -- --refresh 1
check "SIGTERM session: rows appear" wait_until 60 has_rows 10
terminate_browser() { pkill -TERM -P "$(pane_format '#{pane_pid}')"; }
check_quit "SIGTERM" 143 terminate_browser

# Ctrl-Z in an interactive shell: the shell gets its screen back, and `fg` brings the browser back.
pane=suspend
tmux_ new-session -d -s suspend -x 100 -y 30 env PS1='$ ' bash --norc --noprofile -i
shell_ready() { screen_text | grep -qE '^\$ *$'; }
check "Ctrl-Z session: an interactive shell starts" wait_until 20 shell_ready
tmux_ send-keys -t suspend -l "env ${credentials[*]} $binary --log-file $work/suspend.log --refresh 1"
tmux_ send-keys -t suspend Enter
check "Ctrl-Z session: rows appear" wait_until 60 has_rows 10
tmux_ send-keys -t suspend C-z
stopped() { screen_has "Stopped" && normal_mode; }
check "Ctrl-Z: the job stops and the shell has a normal screen" wait_until 20 stopped
tmux_ send-keys -t suspend -l "fg; echo E2E-EXIT \$?"
tmux_ send-keys -t suspend Enter
resumed() { has_rows 10 && [[ $(pane_format '#{alternate_on}') == 1 ]]; }
check "fg: the browser redraws" wait_until 20 resumed
tmux_ send-keys -t suspend q
check "fg: q still quits with status 0" wait_until 20 exited_with 0
check "fg: normal screen and visible cursor afterwards" normal_mode
tmux_ kill-session -t suspend

# A server that cannot be reached: the body says so (not "not answering"), with when the next try is,
# and Enter shows the whole error.
start_browser unreachable 100 30 "QINGCLOUD_ENDPOINT=http://127.0.0.1:1/iaas/" -- --refresh 2
unreachable_body() { screen_has "no images loaded: the server cannot be reached" && screen_has "next try in"; }
check "unreachable server: the body says it cannot be reached and when the next try is" wait_until 30 unreachable_body
not_said_not_answering() { ! screen_has "not answering"; }
check "unreachable server: nothing says \"not answering\"" not_said_not_answering
tmux_ send-keys -t unreachable Enter
whole_error() { screen_has "the last error" && screen_has "connection refused by"; }
check "unreachable server: Enter shows the whole error" wait_until 20 whole_error
tmux_ send-keys -t unreachable Escape
overlay_closed() { ! screen_has "the last error"; }
check "unreachable server: Esc closes it" wait_until 20 overlay_closed
check_quit "unreachable server: q" 0 tmux_ send-keys -t unreachable q

for term in xterm screen vt100; do
    start_browser "term-$term" 80 24 "TERM=$term" -- --refresh 1
    check "TERM=$term: rows appear at 80x24" wait_until 60 has_rows 5
    check_quit "TERM=$term: q" 0 tmux_ send-keys -t "term-$term" q
done

start_browser nocolor 80 24 NO_COLOR=1 -- --refresh 1
colour_screen() { tmux_ capture-pane -e -p -t nocolor; }
no_colour_but_reverse() {
    local capture
    capture=$(colour_screen)
    ! grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+|4[0-7]|48;5;[0-9]+)m' <<<"$capture" &&
        grep -qE $'\e\\[([0-9;]*;)?7(;[0-9;]*)?m' <<<"$capture"
}
if wait_until 60 has_rows 5; then
    check "NO_COLOR: no colour on screen, reverse kept for the selection" no_colour_but_reverse
else
    fail "NO_COLOR: rows appear" "$(last_screen)"
fi
check_quit "NO_COLOR: q" 0 tmux_ send-keys -t nocolor q

# --- themes --------------------------------------------------------------------------------------------

# The text colours a capture with SGR codes (capture-pane -e) uses, one per line: "fg N" with N the
# xterm colour number (0-15 for the ANSI colours, 16-255 for the palette), and "reverse" for reverse video.
sgr_summary() {
    python3 -c '
import re, sys
seen = set()
for parameters in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    codes = [int(c) if c else 0 for c in re.split("[;:]", parameters)]
    i = 0
    while i < len(codes):
        code = codes[i]
        if 30 <= code <= 37: seen.add("fg %d" % (code - 30))
        elif 90 <= code <= 97: seen.add("fg %d" % (code - 82))
        elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
            if code == 38: seen.add("fg %d" % codes[i + 2])
            i += 2
        elif code == 7: seen.add("reverse")
        elif 40 <= code <= 47 or 100 <= code <= 107: seen.add("bg")
        i += 1
print("\n".join(sorted(seen)))
'
}
# Yellow and cyan (3, 6 and their bright 11, 14) are unreadable on white.
# The summary is read whole before grep -q looks at it: grep stopping early would break the summary's pipe.
no_pale_text() { ! grep -qE '^fg (3|6|11|14)$' <<<"$(sgr_summary <<<"$(tmux_ capture-pane -e -p -t "$pane")")"; }
coloured_text() { grep -q '^fg ' <<<"$(sgr_summary <<<"$(tmux_ capture-pane -e -p -t "$pane")")"; }
only_attributes() {
    local summary
    summary=$(sgr_summary <<<"$(tmux_ capture-pane -e -p -t "$pane")")
    ! grep -qE '^(fg|bg)' <<<"$summary" && grep -q '^reverse$' <<<"$summary"
}
for term in tmux-256color xterm; do
    start_browser "light-$term" 100 30 "TERM=$term" -- --refresh 1 --theme light
    if wait_until 60 has_rows 10; then
        check "--theme light, TERM=$term: coloured text, none of it yellow or cyan" eval 'coloured_text && no_pale_text'
    else
        fail "--theme light, TERM=$term: rows appear" "$(last_screen)"
    fi
    check_quit "--theme light, TERM=$term: q" 0 tmux_ send-keys -t "light-$term" q
done
start_browser mono 100 30 -- --refresh 1 --theme mono
if wait_until 60 has_rows 10; then
    check "--theme mono: no colour on screen, reverse for the selection" only_attributes
else
    fail "--theme mono: rows appear" "$(last_screen)"
fi
check_quit "--theme mono: q" 0 tmux_ send-keys -t mono q

# A theme that does not exist is refused as any bad flag value is, naming the themes there are.
"$binary" --demo --theme bogus >"$work/theme.out" 2>"$work/theme.err"
theme_status=$?
if ((theme_status == 64)) && [[ ! -s $work/theme.out ]] &&
    head -n 1 "$work/theme.err" | grep -q -- "^Error: .*'bogus'.*--theme.*'dark', 'light', 'mono'.*'auto'"; then
    pass "--theme bogus: exit status 64, the first line names the themes ($(head -n 1 "$work/theme.err"))"
else
    fail "--theme bogus: exit status 64, the first line names the themes" "status $theme_status; stderr: $(cat "$work/theme.err")"
fi

# --- 4b. keys from the settings file ---------------------------------------------------------------------

# `move_down: [x]` rebinds the key (x moves, j no longer does, the help shows x); a misspelt action is one
# line in the footer naming the file and the line, and the rest of the file still applies.
mkdir -p "$work/xdg/qcimages"
printf 'keys:\n  move_down: [x]\n  mvoe_up: [k]\n' >"$work/xdg/qcimages/config.yaml"
start_browser keys 160 40 "XDG_CONFIG_HOME=$work/xdg" -- --refresh 0
check "keys: rows appear" wait_until 60 has_rows 20
keys_notice() {
    screen_text | tail -n 1 |
        grep -qF "$work/xdg/qcimages/config.yaml:3: keys: mvoe_up: unknown action \`mvoe_up\` (did you mean move_up?); ignored"
}
check "keys: a misspelt action is one footer line naming the file and line 3" wait_until 10 keys_notice
# The selected image: the id the detail pane (right of the list) shows.
detail_id() { screen_text | sed -n 's/^[^│]*│//p' | grep -oE 'img-[a-z0-9]+' | head -n 1; }
first_selected=$(detail_id)
tmux_ send-keys -t keys x
moved_by_x() { [[ -n $first_selected && $(detail_id) != "$first_selected" ]]; }
check "keys: x (move_down: [x]) moves the selection" wait_until 10 moved_by_x
after_x=$(detail_id)
# j, then ?: once the help is open, j has been read.
tmux_ send-keys -t keys j '?'
check "keys: ? opens the help, which names x for moving" wait_until 10 screen_has "↑ x k"
tmux_ send-keys -t keys Escape
help_closed() { ! screen_has "┌─ keys ─" && has_rows 20; }
check "keys: Esc closes the help" wait_until 10 help_closed
j_ignored() { [[ -n $after_x && $(detail_id) == "$after_x" ]]; }
check "keys: j no longer moves ($after_x still selected)" j_ignored
check_quit "keys: q" 0 tmux_ send-keys -t keys q

# --- 5. three zones, one failing --------------------------------------------------------------------------

stop_simulator
start_simulator --images 400 --seed 5 --zones pek3a,sh1a,gd2a --failing-zone sh1a
if [[ $endpoint == http*://* ]]; then
    session_env=("${simulator_credentials[@]}")
    count_in() { env "${session_env[@]}" "$binary" list -z "$1" -o ids | wc -l; }
    pek3a_count=$(count_in pek3a)
    gd2a_count=$(count_in gd2a)
    start_browser zones 160 40 -- --refresh 2 -z pek3a,sh1a,gd2a
    # The list's ZONE column comes right after the ID.
    row_zones() { list_rows | awk '{ print $2 }' | sort -u | tr '\n' ' '; }
    zones_complete() {
        screen_text | sed -n 2p | grep -qF "pek3a $(printf "%'d" "$pek3a_count") · sh1a ✗ · gd2a $(printf "%'d" "$gd2a_count")"
    }
    check "three zones, sh1a failing: the header counts pek3a ($pek3a_count) and gd2a ($gd2a_count) complete, sh1a ✗" \
        wait_until 60 zones_complete
    check "the error line names the failed zone" screen_has "zone sh1a: internal error"
    check "rows come from pek3a and gd2a, none from sh1a" wait_until 10 eval '[[ $(row_zones) == "gd2a pek3a " ]]'
    tmux_ send-keys -t zones /
    tmux_ send-keys -t zones -l 'zone:gd2a'
    check "the filter zone:gd2a leaves only gd2a rows" wait_until 20 eval '[[ $(row_zones) == "gd2a " ]]'
    tmux_ send-keys -t zones Enter
    check "the detail pane names the zone" screen_has "Zone        gd2a"
    check_quit "three zones: q" 0 tmux_ send-keys -t zones q
else
    fail "the three-zone simulator prints its endpoint URL first" "first line: $endpoint; stderr: $(cat "$work/simulator.err")"
fi


# --- 6. marks: Space, through a filter and refreshes, c and y, marked images that cease -------------------

# At 600 times real time a deleted image ceases (its two-hour recovery window over) within 12 s.
stop_simulator
start_simulator --churn --speed 600 --images 2000 --seed 3
if [[ $endpoint == http*://* ]]; then
    session_env=("${simulator_credentials[@]}")
    start_browser marks 120 40 -- --refresh 1
    check "marks session: rows appear" wait_until 60 has_rows 20
    row_ids() { list_rows | awk '{ print $1 }' | head -n "$1"; }
    first_three=$(row_ids 3)
    tmux_ send-keys -t marks Space Space Space
    three_marked() { screen_has "3 marked" && [[ $(marked_rows | head -n 3) == "$first_three" ]]; }
    check "Space three times: the three rows show * and the header says 3 marked" wait_until 20 three_marked
    tmux_ send-keys -t marks /
    tmux_ send-keys -t marks -l 'no-such-image-anywhere'
    tmux_ send-keys -t marks Enter
    hidden_still_marked() { screen_has "no image matches the filter" && screen_has "3 marked"; }
    check "a filter that hides them: still 3 marked" wait_until 20 hidden_still_marked
    tmux_ send-keys -t marks Escape
    check "the filter cleared: the same three rows show * again" wait_until 20 three_marked

    tmux_ send-keys -t marks c
    copied_three() { [[ $(tmux_ show-buffer 2>/dev/null) == "$first_three" ]]; }
    check "c with marks: the clipboard (a tmux buffer) holds the three ids, one a line" wait_until 10 copied_three
    tmux_ send-keys -t marks y
    marked_json() { screen_has "raw JSON · 3 marked images" && screen_has "\"image_id\" : \"$(head -n 1 <<<"$first_three")\""; }
    check "y with marks: the marked images' JSON" wait_until 10 marked_json
    tmux_ send-keys -t marks y

    # Every deleted image: marked with *, then unmarked as each ceases and refresh drops it.
    tmux_ send-keys -t marks /
    tmux_ send-keys -t marks -l 'status:deleted'
    tmux_ send-keys -t marks Enter
    check "the filter status:deleted shows deleted images" wait_until 30 has_rows 1
    tmux_ send-keys -t marks '*'
    check "* marks every match" wait_until 10 screen_has "matches ("
    tmux_ send-keys -t marks Escape
    gone_unmarked() { screen_text | tail -n 1 | grep -qE 'marked images? gone.*: unmarked'; }
    check "a marked image that ceases is unmarked, and the footer says so" wait_until 60 gone_unmarked
    first_three_marked() { [[ $(grep -cxFf <(marked_rows) <<<"$first_three") == 3 ]]; }
    check "the first three, through all those refreshes, are still marked" wait_until 20 first_three_marked
    tmux_ send-keys -t marks U
    check "U unmarks all" wait_until 10 eval '! screen_has "marked" && [[ -z $(marked_rows) ]]'
    check_quit "marks: q" 0 tmux_ send-keys -t marks q
else
    fail "the churning simulator for marks prints its endpoint URL first" "first line: $endpoint; stderr: $(cat "$work/simulator.err")"
fi

# --- 7. what uses an image: the demo, and a key that may not call DescribeInstances -----------------------

session_env=()
start_browser usedby 130 40 -- --demo --refresh 5
check "--demo: the detail pane shows Used by with a count" wait_until 60 used_by_count
selected_used_by() { screen_text | grep -oE 'ID +img-[a-z0-9]+|Used by +[^ ].*' | tr -s ' ' | tr '\n' ' '; }
before_moves=$(selected_used_by)
for _ in $(seq 40); do tmux_ send-keys -t usedby Down; done
moved_and_counted() { used_by_count && [[ $(selected_used_by) != "$before_moves" ]]; }
check "--demo: 40 × ↓, and Used by counts the image the selection stopped on" wait_until 20 moved_and_counted
check_quit "--demo Used by: q" 0 tmux_ send-keys -t usedby q

stop_simulator
start_simulator --images 50 --deny DescribeInstances
if [[ $endpoint == http*://* ]]; then
    session_env=("${simulator_credentials[@]}")
    start_browser denied 130 40 -- --refresh 2
    check "a key denied DescribeInstances: Used by says unknown and why" \
        wait_until 30 eval 'screen_text | sed "s/.*│//" | tr "\n" " " | tr -s " " | grep -qF "Used by unknown: this key may not call DescribeInstances"'
    check "a key denied DescribeInstances: the images load all the same, with no error line" \
        eval 'has_rows 20 && ! screen_has "permission denied"'
    check_quit "denied DescribeInstances: q" 0 tmux_ send-keys -t denied q
else
    fail "the simulator with --deny prints its endpoint URL first" "first line: $endpoint; stderr: $(cat "$work/simulator.err")"
fi

finish_checks
