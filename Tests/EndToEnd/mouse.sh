#!/usr/bin/env bash
# End-to-end test of the mouse (`--mouse`): the real qcimages in tmux on its --demo, mouse reports written
# to its terminal as a terminal sends them in SGR (1006) form (a press `ESC [<0;x;yM` and its release
# `ESC [<0;x;ym`, the wheel as buttons 64 and 65; cells counted from 1), the screen read back. Checks that
# a click selects a row, sorts by a column title (again: reversed), filters to a zone and back, picks in
# F6, closes the help; that the wheel moves the list and scrolls the detail pane under the pointer (also
# beyond column 223, where X10 reports end); pick with --mouse; Ctrl-Z turns reporting off until fg; that without --mouse the same bytes change
# nothing; and that after q and SIGTERM the pane has mouse reporting off. Prints one line per check and
# ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/mouse.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-mouse

# qcimages, then its exit status, then a long sleep: the pane stays up in the state qcimages left it in.
session_wrapper=(sh -c '"$@"; printf "\nE2E-EXIT %s\n" "$?"; exec sleep 600' sh)

check() { # description command...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description" "$(screen_text | sed -e 's/[[:space:]]*$//' | grep -v '^$')"; fi
}

# --- sending the mouse ------------------------------------------------------------------------------------

report() { tmux_ send-keys -t "$pane" -l $'\e'"[<$1;$2;$3$4"; } # button column row M|m (1-based cells)
click() { report 0 "$1" "$2" M && report 0 "$1" "$2" m; }     # column row
wheel_down() { report 65 "$1" "$2" M; }
wheel_up() { report 64 "$1" "$2" M; }

# --- reading the screen -----------------------------------------------------------------------------------

line() { screen_text | sed -n "${1}p"; } # 1-based
# The footer's "N/M" position, without its grouping commas.
position() { screen_text | tail -n 1 | grep -oE '[0-9,]+/[0-9,]+ *$' | tr -d ', '; }
selected_row_is() { [[ $(position) == "$1"/* ]]; } # n (the list still loading, its total grows)
# The 1-based cell where `text` starts on screen line `row` (Chinese names before it take two cells a character).
column_of() { # row text
    line "$1" | python3 -c '
import sys, unicodedata
line = sys.stdin.read()
index = line.find(sys.argv[1])
cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:index])
print(cells + 1 if index >= 0 else 0)' "$2"
}
line_has() { line "$1" | grep -qF -- "$2"; } # row text
mouse_flags() { pane_format '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}'; }
flags_are() { [[ $(mouse_flags) == "$1" ]]; }
exited_with() { screen_has "E2E-EXIT $1"; }

# Quits (q or SIGTERM) and checks the status and that mouse reporting is off afterwards.
check_quit() { # description expected-status action...
    local description=$1 expected=$2
    shift 2
    "$@"
    check "$description: exit status $expected" wait_until 20 exited_with "$expected"
    check "$description: mouse reporting off afterwards (any/standard/button/sgr flags $(mouse_flags))" flags_are 0000
    tmux_ kill-session -t "$pane" 2>/dev/null
}
terminate() { pkill -TERM -P "$(pane_format '#{pane_pid}')"; }

# --- 1. clicks and the wheel in the list ------------------------------------------------------------------

start_session list 130 35 -- --demo --refresh 0 --mouse
check "--mouse: rows appear" wait_until 60 has_rows 10
check "--mouse under tmux-256color: the pane asks for SGR reports ($(mouse_flags))" flags_are 1101
# Rows start on line 4 (header, counts, titles); the third row is line 6.
click 5 6
check "a click on the third row selects it (3/)" wait_until 10 selected_row_is 3
wheel_down 5 12
check "a wheel notch down over the list moves three rows (6/)" wait_until 10 selected_row_is 6
wheel_up 5 12
check "a wheel notch up moves back (3/)" wait_until 10 selected_row_is 3

status_column=$(column_of 3 STATUS)
click "$status_column" 3
check "a click on STATUS sorts by it (STATUS▲)" wait_until 10 line_has 3 "STATUS▲"
check "the header says so (sort status ▲)" line_has 2 "sort status ▲"
click $((status_column + 2)) 3
check "a second click reverses it (STATUS▼)" wait_until 10 line_has 3 "STATUS▼"

tmux_ send-keys -t "$pane" '?'
check "? opens the help" wait_until 10 line_has 2 " keys "
click 2 12
check "a click outside the help closes it" wait_until 10 eval '! line_has 2 " keys "'

tmux_ send-keys -t "$pane" F6
check "F6 opens the sort chooser" wait_until 10 line_has 3 " sort by "
name_row=$(screen_text | grep -nE '│ +NAME' | head -n 1 | cut -d: -f1)
if [[ -n $name_row ]]; then
    click "$(column_of "$name_row" NAME)" "$name_row"
    check "a click on NAME in the chooser sorts by name" wait_until 10 line_has 2 "sort name ▲"
    check "and closes it" eval '! line_has 3 " sort by "'
else
    fail "the chooser lists NAME" "$(screen_text)"
fi
check_quit "q after clicks" 0 tmux_ send-keys -t "$pane" q

# --- 2. the detail pane under the pointer, beyond column 223 ------------------------------------------------

start_session wide 240 16 -- --demo --refresh 0 --mouse
check "240x16: rows appear" wait_until 60 has_rows 5
detail_title() { line 3 | sed 's/^[^│]*│//'; }
check "the detail pane does not show all its lines (1-N/M)" wait_until 10 eval 'detail_title | grep -qE " 1-[0-9]+/[0-9]+ "'
wheel_down 230 9
check "a wheel notch over the detail pane at column 230 scrolls it (to its end: 3-14/14, or 4-)" \
    wait_until 10 eval 'detail_title | grep -qE " [34]-[0-9]+/[0-9]+ "'
check "and leaves the selection (1/)" selected_row_is 1
check_quit "SIGTERM" 143 terminate

# --- Ctrl-Z in an interactive shell: reporting off while stopped, on again after fg ---------------------------

pane=suspend
tmux_ new-session -d -s "$pane" -x 130 -y 30 env PS1='$ ' bash --norc --noprofile -i
prompt_shown() { screen_text | grep -qE '^\$ *$'; }
check "Ctrl-Z session: an interactive shell starts" wait_until 20 prompt_shown
tmux_ send-keys -t "$pane" -l "$binary --demo --refresh 0 --mouse --log-file $work/suspend.log"
tmux_ send-keys -t "$pane" Enter
check "Ctrl-Z session: rows appear" wait_until 60 has_rows 10
tmux_ send-keys -t "$pane" C-z
check "Ctrl-Z: the job stops with mouse reporting off" wait_until 20 eval 'screen_has Stopped && flags_are 0000'
tmux_ send-keys -t "$pane" -l "fg"
tmux_ send-keys -t "$pane" Enter
check "fg: mouse reporting on again" wait_until 20 eval 'has_rows 10 && flags_are 1101'
click 5 5
check "fg: a click selects the second row" wait_until 10 selected_row_is 2
tmux_ kill-session -t "$pane"

# --- 3. zones in the header -------------------------------------------------------------------------------

start_session zones 160 30 -- --demo --refresh 0 --mouse -z pek3a,sh1a
check "two zones: both counted in the header" wait_until 60 eval 'line 2 | grep -qE "pek3a [0-9,]+ · sh1a [0-9,]+"'
click $(($(column_of 2 "sh1a ") + 1)) 2
check "a click on sh1a in the header filters to it (filter zone:sh1a)" wait_until 10 line_has 2 "filter zone:sh1a"
check "only sh1a's rows show" eval '! list_rows | grep -q pek3a && list_rows | grep -q sh1a'
click $(($(column_of 2 "sh1a ") + 1)) 2
check "a second click shows every zone again" wait_until 10 eval '! line_has 2 "filter zone:"'
check_quit "SIGTERM with two zones" 143 terminate

# --- 4. pick --mouse --------------------------------------------------------------------------------------

pane=pick
tmux_ new-session -d -s "$pane" -x 120 -y 30 \
    sh -c '"$0" pick --demo --refresh 0 --mouse --log-file "$1" >"$2"; echo "$?" >"$3"; exec sleep 600' \
    "$binary" "$work/pick.log" "$work/pick.out" "$work/pick.status"
check "pick --mouse: rows appear" wait_until 60 has_rows 5
chosen=$(list_rows | sed -n 4p | awk '{ print $1 }')
click 5 7
check "pick: a click on the fourth row selects it, without choosing" wait_until 10 eval 'selected_row_is 4 && [[ ! -s $work/pick.status ]]'
tmux_ send-keys -t "$pane" Enter
check "pick: Enter prints the clicked row's id ($chosen)" \
    wait_until 20 eval '[[ -s $work/pick.status && $(cat "$work/pick.status") == 0 && $(cat "$work/pick.out") == "$chosen" ]]'
check "pick: mouse reporting off afterwards ($(mouse_flags))" flags_are 0000
tmux_ kill-session -t "$pane"

# --- 5. curses' own SGR decoding (TERM=xterm-256color) ------------------------------------------------------

start_session xterm 130 35 TERM=xterm-256color -- --demo --refresh 0 --mouse
check "TERM=xterm-256color --mouse: rows appear" wait_until 60 has_rows 10
click 5 5
check "TERM=xterm-256color: a click on the second row selects it (curses decodes the report)" \
    wait_until 10 selected_row_is 2
check_quit "TERM=xterm-256color: q" 0 tmux_ send-keys -t "$pane" q

# --- 6. without --mouse the same bytes change nothing --------------------------------------------------------

for term in tmux-256color xterm-256color; do
    start_session "off-$term" 130 35 "TERM=$term" -- --demo --refresh 0
    check "without --mouse ($term): rows appear" wait_until 60 has_rows 10
    check "without --mouse ($term): no mouse reporting asked for ($(mouse_flags))" flags_are 0000
    tmux_ send-keys -t "$pane" / ubuntu Enter
    check "without --mouse ($term): a filter is applied" wait_until 10 line_has 2 "filter ubuntu"
    check "without --mouse ($term): the first row is selected" selected_row_is 1
    click 5 8
    wheel_down 5 8
    click "$(column_of 3 STATUS)" 3
    # j after the reports: once it has moved the selection one row, the reports before it were read.
    tmux_ send-keys -t "$pane" j
    check "without --mouse ($term): the reports did nothing, j moved one row (2/)" wait_until 10 selected_row_is 2
    check "without --mouse ($term): the filter and the sort are as they were" eval \
        'line_has 2 "filter ubuntu" && line_has 2 "sort created ▼" && ! screen_has "? for keys"'
    check_quit "without --mouse ($term): q" 0 tmux_ send-keys -t "$pane" q
done

finish_checks
