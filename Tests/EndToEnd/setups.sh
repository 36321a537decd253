#!/usr/bin/env bash
# End-to-end checks of the setups a new user brings, with the real `qcimages` in a shell in tmux.
# As an unprivileged user (root ignores mode bits): a read-only home and a missing one (the browser opens
# without its log, says so once in the footer, and creates no home), `list` there, errors in our words
# (no space left, permission denied). In the shell's own user: a terminal given as config file (named,
# not read), TERM=dumb (one line, status 1), terminals without an alternate screen (TERM=vt100, linux:
# the screen cleared on exit, the prompt at the bottom), a narrow footer (help and quit the last hints
# to go), `list -o table` fitting the terminal, and a paste holding the tty's signal keys (Ctrl-C,
# Ctrl-\, Ctrl-Z), which stays text while the keys typed outside a paste still quit, exit 131 and
# suspend. Prints one line per check, then "N passed, M failed".
#
# Run as root (as CI does, on a fresh Debian machine), it creates the user qcimages-e2e when missing
# (useradd, no home; removed again at the end) and runs qcimages as that user with runuser; run as
# another user, as that user.
#
# Usage: Tests/EndToEnd/setups.sh path/to/qcimages
set -uo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
    echo "usage: $0 path/to/qcimages" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
command -v tmux >/dev/null || { echo "tmux is required" >&2; exit 2; }

work=$(mktemp -d)
chmod 755 "$work"
socket="qcimages-setups-$$"
created_user=""
tmux_() { tmux -L "$socket" -f "$work/tmux.conf" "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null
    chmod -R u+w "$work" 2>/dev/null
    rm -rf "$work"
    if [[ -n $created_user ]]; then userdel "$created_user" 2>/dev/null; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=Tests/EndToEnd/checks.sh
source "$here/checks.sh"

# The user qcimages runs as, and a copy of the binary that user can run (the build directory may sit
# under root's home, mode 700).
as_user=()
if ((EUID == 0)); then
    user=qcimages-e2e
    if ! id -u "$user" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" || {
            echo "cannot create the user $user" >&2
            exit 2
        }
        created_user=$user
    fi
    as_user=(runuser -u "$user" --)
fi
cp "$1" "$work/qcimages"
chmod 755 "$work/qcimages"
binary="$work/qcimages"
user_owns() { # path: made by the unprivileged user
    if ((EUID == 0)); then chown "$user" "$1"; fi
}
as_user_text="${as_user[*]}"

cat >"$work/tmux.conf" <<'CONF'
set -g default-terminal tmux-256color
set -g status off
set -s exit-empty off
CONF

pane=shell
tmux_ new-session -d -s shell -x 120 -y 30 env PS1='$ ' HOME="$work" bash --norc --noprofile -i
screen_text() { tmux_ capture-pane -p -J -t "$pane" 2>/dev/null; }
marker=0
# Types a command line into the shell, followed by `echo E2E-DONE-N status $?`; `finished` then tells
# whether it is done, and the status it ended with is in `status_of_last`.
start_in_shell() {
    marker=$((marker + 1))
    tmux_ send-keys -t shell -l "clear; $1; echo E2E-DONE-$marker status \$?"
    tmux_ send-keys -t shell Enter
}
finished() { screen_text | grep -q "^E2E-DONE-$marker status"; }
status_of_last() { screen_text | sed -n "s/^E2E-DONE-$marker status //p"; }
run_in_shell() { start_in_shell "$1" && wait_until "${2:-60}" finished; }
shell_ready() { screen_text | grep -qE '^\$ *$'; }
wait_until 20 shell_ready || { fail "an interactive shell starts in tmux" "$(screen_text)"; exit 1; }
demo_rows() { screen_text | grep -qE '^ ?img-[a-z0-9]+ '; }
demo="--demo --demo-images 300 --refresh 0"

# --- homes the browser cannot write to ---------------------------------------------------------------------

# Opens the browser as the user with HOME=$1, waits for rows, checks the footer, quits with q.
browse_in_home() { # home description
    local home=$1 description=$2
    start_in_shell "$as_user_text env HOME=$home XDG_STATE_HOME= $binary $demo"
    if ! wait_until 60 demo_rows; then
        fail "$description: the browser opens" "$(screen_text | tail -6)"
        tmux_ send-keys -t shell q
        wait_until 10 finished
        return
    fi
    if screen_text | tail -1 | grep -q "no log: "; then
        pass "$description: the browser opens, the footer says: $(screen_text | tail -1 | sed 's/  */ /g' | cut -c1-110)"
    else
        fail "$description: the footer says there is no log" "$(screen_text | tail -3)"
    fi
    tmux_ send-keys -t shell q
    if wait_until 20 finished && [[ $(status_of_last) == 0 ]]; then
        pass "$description: q quits with status 0"
    else
        fail "$description: q quits with status 0" "$(screen_text | tail -4)"
    fi
}

mkdir "$work/readonly"
user_owns "$work/readonly"
chmod 555 "$work/readonly"
browse_in_home "$work/readonly" "a read-only home (mode 555)"
if [[ -z $(ls -A "$work/readonly") ]]; then
    pass "a read-only home: nothing created in it"
else
    fail "a read-only home: nothing created in it" "$(ls -lA "$work/readonly")"
fi

# In a directory the user may write to, so that creating the home would succeed.
mkdir "$work/homes"
user_owns "$work/homes"
browse_in_home "$work/homes/nobody-here" "a home that does not exist"
if [[ ! -e $work/homes/nobody-here ]]; then
    pass "a home that does not exist is not created (its parent is writable)"
else
    fail "a home that does not exist is not created" "$(find "$work/homes/nobody-here")"
fi

run_in_shell "$as_user_text env HOME=$work/readonly $binary list --demo --demo-images 100 -L 3 -o ids > $work/list.out 2> $work/list.err"
if [[ $(status_of_last) == 0 && $(wc -l <"$work/list.out") == 3 && ! -s $work/list.err ]]; then
    pass "list in a read-only home: three ids, nothing on stderr, status 0"
else
    fail "list in a read-only home" "status $(status_of_last); $(cat "$work/list.out" "$work/list.err")"
fi

# A writable home without ~/.local: the state directories are created below it, and the log written.
mkdir "$work/fresh"
user_owns "$work/fresh"
start_in_shell "$as_user_text env HOME=$work/fresh XDG_STATE_HOME= $binary $demo"
if wait_until 60 demo_rows; then
    tmux_ send-keys -t shell q
    wait_until 20 finished
fi
log="$work/fresh/.local/state/qcimages/qcimages.log"
if [[ $(status_of_last) == 0 && -s $log && $(stat -c %a "$work/fresh/.local/state/qcimages") == 700 ]] \
    && ! screen_text | grep -q "no log"; then
    pass "a writable home: ~/.local/state/qcimages created (mode 700), the log written, no notice"
else
    fail "a writable home: the log is written" "status $(status_of_last); $(find "$work/fresh" -printf '%m %p\n')"
fi

# --- errors in our words ------------------------------------------------------------------------------------

run_in_shell "$as_user_text $binary list --demo --demo-images 10 > /dev/full 2> $work/full.err"
if [[ $(status_of_last) == 1 && $(cat "$work/full.err") == "qcimages: cannot write the output: no space left" ]]; then
    pass "list > /dev/full: $(cat "$work/full.err")"
else
    fail "list > /dev/full: 'no space left'" "status $(status_of_last); $(cat "$work/full.err")"
fi
run_in_shell "$as_user_text env TMPDIR=$work/readonly $binary simulate --tls --port 0 2> $work/ca.err" 30
if [[ $(status_of_last) == 1 && $(cat "$work/ca.err") == "qcimages: cannot make a folder for the CA: permission denied; choose a file with --tls-ca-out" ]]; then
    pass "simulate --tls with a read-only TMPDIR: $(cat "$work/ca.err")"
else
    fail "simulate --tls with a read-only TMPDIR: 'permission denied'" "status $(status_of_last); $(cat "$work/ca.err")"
fi

# --- terminals ---------------------------------------------------------------------------------------------

run_in_shell "$binary list -f \$(tty) 2> $work/tty-config.err" 30
if [[ $(status_of_last) == 1 ]] && grep -q "cannot read config file /dev/pts/[0-9]*: it is a terminal, not a file" "$work/tty-config.err"; then
    pass "the terminal as config file (-f \$(tty)) is named, not read: $(cat "$work/tty-config.err")"
else
    fail "the terminal as config file is named" "status $(status_of_last); $(cat "$work/tty-config.err")"
fi

run_in_shell "TERM=dumb $binary $demo 2> $work/dumb.err" 30
if [[ $(status_of_last) == 1 && $(wc -l <"$work/dumb.err") == 1 ]] && grep -q 'cannot place the cursor' "$work/dumb.err" \
    && ! screen_text | grep -qE 'img-|qcimages ·'; then
    pass "TERM=dumb: one line ($(cut -c1-90 "$work/dumb.err")...), status 1, nothing drawn"
else
    fail "TERM=dumb: one line and status 1" "status $(status_of_last); $(cat "$work/dumb.err"); $(screen_text | head -5)"
fi

# Without an alternate screen, the last frame must not stay behind the prompt.
for term in vt100 linux; do
    start_in_shell "TERM=$term $binary $demo --log-file $work/$term.log"
    if ! wait_until 60 demo_rows; then
        fail "TERM=$term: the browser opens" "$(screen_text | tail -5)"
        tmux_ send-keys -t shell q
        continue
    fi
    tmux_ send-keys -t shell q
    wait_until 20 finished
    # The pane's text: only the done line and the prompt after it, at the bottom.
    left=$(screen_text | grep -v "^E2E-DONE-$marker status" | grep -vE '^\$ *$' | grep -v '^ *$')
    prompt_line=$(tmux_ display-message -p -t shell '#{cursor_y}')
    if [[ -z $left && $(status_of_last) == 0 && $prompt_line == 29 ]]; then
        pass "TERM=$term: on q the screen is cleared and the prompt is on the bottom line"
    else
        fail "TERM=$term: the screen cleared on exit, the prompt at the bottom" "cursor line $prompt_line; left: $left"
    fi
done

# A narrow terminal: the footer drops hints from its middle; help and quit are the last to go.
for columns in 90 80 50; do
    tmux_ resize-window -t shell -x "$columns" -y 30
    start_in_shell "$binary $demo --log-file $work/narrow.log"
    if wait_until 60 demo_rows && sleep 0.3 && screen_text | tail -1 | grep -q '^ ? help .* q quit '; then
        pass "$columns columns: the footer keeps ? help and q quit: $(screen_text | tail -1 | sed 's/  */ /g')"
    else
        fail "$columns columns: the footer keeps ? help and q quit" "$(screen_text | tail -1)"
    fi
    tmux_ send-keys -t shell q
    wait_until 20 finished
done
# list -o table fits a terminal's width (the pane's lines, joined where the terminal wrapped them), and
# keeps every column to a pipe.
tmux_ resize-window -t shell -x 80 -y 30
run_in_shell "$binary list --demo --demo-images 300 -L 20; $binary list --demo --demo-images 300 -L 20 | head -1 > $work/piped.txt"
longest=$(screen_text | grep -v E2E-DONE | LC_ALL=C.UTF-8 wc -L)
if [[ $(status_of_last) == 0 ]] && ((longest <= 80)) && screen_text | grep -q '^IMAGE_ID  *NAME  *STATUS' \
    && [[ $(wc -w <"$work/piped.txt") == 9 ]]; then
    pass "list -o table at 80 columns: lines of at most $longest columns; to a pipe, all 9 columns"
else
    fail "list -o table fits 80 columns, all columns to a pipe" "longest $longest; piped: $(cat "$work/piped.txt"); $(screen_text | head -3)"
fi
tmux_ resize-window -t shell -x 120 -y 30

# --- signal keys inside and outside a paste -----------------------------------------------------------------

# Pastes `ab<control>cd` into the filter bar of a fresh browser: it must stay up, the text in the bar.
paste_into_filter() { # control-byte (octal) name
    printf "ab\\$1cd" >"$work/paste"
    tmux_ load-buffer -b paste "$work/paste"
    tmux_ send-keys -t shell /
    tmux_ paste-buffer -p -d -b paste -t shell
    filtered() { screen_text | tail -1 | grep -q '^/ab.*cd'; }
    if wait_until 10 filtered && sleep 0.5 && ! finished && [[ $(tmux_ display-message -p -t shell '#{alternate_on}') == 1 ]]; then
        pass "a paste of ab$2cd goes into the filter bar; the browser stays up"
    else
        fail "a paste of ab$2cd goes into the filter bar; the browser stays up" "$(screen_text | tail -4)"
    fi
    tmux_ send-keys -t shell Escape
}
start_in_shell "$binary $demo --log-file $work/paste.log"
if wait_until 60 demo_rows; then
    paste_into_filter 003 "<Ctrl-C>"
    paste_into_filter 034 "<Ctrl-\\>"
    paste_into_filter 032 "<Ctrl-Z>"
    tmux_ send-keys -t shell C-z
    stopped() { screen_text | grep -q 'Stopped'; }
    if wait_until 10 stopped; then
        pass "Ctrl-Z typed outside a paste suspends the browser"
        marker=$((marker + 1))
        tmux_ send-keys -t shell -l "fg; echo E2E-DONE-$marker status \$?"
        tmux_ send-keys -t shell Enter
        wait_until 20 demo_rows
    else
        fail "Ctrl-Z typed outside a paste suspends the browser" "$(screen_text | tail -4)"
    fi
    tmux_ send-keys -t shell 'C-\'
    if wait_until 20 finished && [[ $(status_of_last) == 131 ]]; then
        pass "Ctrl-\\ typed outside a paste (after fg) ends the browser with status 131"
    else
        fail "Ctrl-\\ typed outside a paste ends the browser with status 131" "$(screen_text | tail -4)"
    fi
else
    fail "paste: the browser opens" "$(screen_text | tail -5)"
fi
start_in_shell "$binary $demo --log-file $work/paste.log"
if wait_until 60 demo_rows; then
    paste_into_filter 003 "<Ctrl-C>"
    tmux_ send-keys -t shell C-c
    if wait_until 20 finished && [[ $(status_of_last) == 0 ]]; then
        pass "Ctrl-C typed outside a paste quits with status 0"
    else
        fail "Ctrl-C typed outside a paste quits with status 0" "$(screen_text | tail -4)"
    fi
fi

finish_checks
