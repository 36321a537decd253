# Sourced by Tests/EndToEnd/run.sh and screenshots/make-screenshots.sh: the real qcimages in a tmux
# server of its own (a private socket), the simulator beside it, and reading the screen back.
#
# The sourcing script sets `binary` (the qcimages to run) and `work` (a temporary directory this removes
# on exit), then calls `tmux_session_setup NAME [extra tmux.conf lines...]`; a test script whose only
# argument is the binary calls `tmux_test_start "$@" -- NAME [extra tmux.conf lines...]`, which does all that.

# Checks the test script's arguments (one: an executable qcimages), sets `binary` and `work`, and sets up
# the tmux session; Ctrl-C or TERM ends the script, its cleanup included.
tmux_test_start() { # path/to/qcimages -- socket-name [extra tmux.conf lines...]
    if [[ $# -lt 3 || $2 != -- || ! -x $1 ]]; then
        echo "usage: $0 path/to/qcimages" >&2
        exit 2
    fi
    binary=$(realpath "$1")
    shift 2
    command -v tmux >/dev/null || { echo "tmux is required" >&2; exit 2; }
    work=$(mktemp -d)
    tmux_session_setup "$@"
    trap 'exit 130' INT TERM
}

# Writes the tmux configuration, names the private socket and removes everything on exit.
tmux_session_setup() { # socket-name [extra tmux.conf lines...]
    tmux_socket="$1-$$"
    shift
    printf '%s\n' 'set -g default-terminal tmux-256color' 'set -g status off' 'set -s exit-empty off' "$@" \
        >"$work/tmux.conf"
    simulator_pid=""
    trap tmux_session_cleanup EXIT
}
tmux_() { tmux -L "$tmux_socket" -f "$work/tmux.conf" "$@"; }
tmux_session_cleanup() {
    tmux_ kill-server 2>/dev/null || true
    stop_simulator
    rm -rf "$work"
}

# shellcheck source=Tests/EndToEnd/checks.sh
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

# --- the screen of the current pane --------------------------------------------------------------------

pane=""
screen_text() { tmux_ capture-pane -p -t "$pane" 2>/dev/null; }
screen_has() { screen_text | grep -qF -- "$1"; }
pane_format() { tmux_ display-message -p -t "$pane" "$1" 2>/dev/null; }
# The list pane's rows: the text left of the detail pane's border, for lines that start with an image id
# (a marked row's `*` in the gutter read as the blank it replaces).
list_rows() { screen_text | sed 's/│.*//' | grep -E '^[ *]?img-[a-z0-9]+ ' | sed 's/^\*/ /'; }
# The ids of the rows marked with `*` in the gutter.
marked_rows() { screen_text | grep -oE '^\*img-[a-z0-9]+' | cut -c2-; }
row_count() { list_rows | wc -l; }
has_rows() { (($(row_count) >= ${1:-5})); }

# Environment every session gets, and a command that runs qcimages (e.g. a wrapper script), if any.
session_env=()
session_wrapper=()

# Opens a session running qcimages, logging to $work/NAME.log; it becomes the current pane.
start_session() { # name width height [env assignments...] -- [qcimages arguments...]
    pane=$1
    local width=$2 height=$3
    shift 3
    local assignments arguments
    split_assignments "$@"
    tmux_ new-session -d -s "$pane" -x "$width" -y "$height" \
        env "${session_env[@]}" "${assignments[@]}" "${session_wrapper[@]}" "$binary" --log-file "$work/$pane.log" \
        "${arguments[@]}"
}

# --- the simulator -----------------------------------------------------------------------------------------

# Starts `qcimages simulate` with these arguments and sets `endpoint` to the URL it prints first, once
# its port is bound; the simulator's own credentials go in `simulator_credentials`.
start_simulator() { # simulate arguments...
    exec {simulator_out}< <(exec "$binary" simulate --port 0 "$@" 2>"$work/simulator.err")
    simulator_pid=$!
    read -r -t 60 endpoint <&"$simulator_out"
    simulator_credentials=(QINGCLOUD_ACCESS_KEY=QYDEMOACCESSKEY0001 QINGCLOUD_SECRET_KEY=demo-secret-access-key
        QINGCLOUD_ZONE=pek3a "QINGCLOUD_ENDPOINT=$endpoint")
}
stop_simulator() {
    if [[ -n ${simulator_pid:-} ]]; then
        kill "$simulator_pid" 2>/dev/null || true
        wait "$simulator_pid" 2>/dev/null || true
        simulator_pid=""
    fi
}
