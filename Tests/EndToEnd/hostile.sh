#!/usr/bin/env bash
# End-to-end check that text from outside never drives the terminal: the real `qcimages` in tmux (with
# set-clipboard on and allow-rename on) against a hostile endpoint of its own (hostile_endpoint.py) and
# the simulator's hostile names. No output path (`list` in every format to the terminal and to a file,
# error messages, the log, copy) may change the pane title or the window name, or create a tmux buffer.
# Also: signals (Ctrl-\, SIGHUP, SIGINT) restore the terminal, a failing log costs only the log, and a
# bracketed paste of a long filter is one edit. Prints one line per check, then "N passed, M failed".
#
# Usage: Tests/EndToEnd/hostile.sh path/to/qcimages
set -uo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
    echo "usage: $0 path/to/qcimages" >&2
    exit 2
fi
binary=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v tmux >/dev/null || { echo "tmux is required" >&2; exit 2; }

work=$(mktemp -d)
socket="qcimages-hostile-$$"
endpoint_pid=""
simulator_pid=""
tmux_() { tmux -L "$socket" -f "$work/tmux.conf" "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null
    for pid in $endpoint_pid $simulator_pid; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    sleep 0.5
    rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work"; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=Tests/EndToEnd/checks.sh
source "$here/checks.sh"

cat >"$work/tmux.conf" <<'CONF'
set -g default-terminal tmux-256color
set -g remain-on-exit on
set -g status off
set -g set-clipboard on
set -g allow-rename on
set -s exit-empty off
CONF

# --- the endpoints -------------------------------------------------------------------------------------

exec {endpoint_out}< <(exec python3 "$here/hostile_endpoint.py")
endpoint_pid=$!
read -r -t 30 hostile_url <&"$endpoint_out" || { echo "the hostile endpoint did not start" >&2; exit 1; }
exec {simulator_out}< <(exec "$binary" simulate --port 0 --images 300 --seed 3)
simulator_pid=$!
read -r -t 60 simulator_url <&"$simulator_out" || { echo "the simulator did not start" >&2; exit 1; }
pass "hostile endpoint at $hostile_url, simulator at $simulator_url"

hostile_env="QINGCLOUD_ENDPOINT=$hostile_url QINGCLOUD_ACCESS_KEY=QYHOSTILE QINGCLOUD_SECRET_KEY=hostile-secret"
simulator_env="QINGCLOUD_ENDPOINT=$simulator_url QINGCLOUD_ACCESS_KEY=QYDEMOACCESSKEY0001 QINGCLOUD_SECRET_KEY=demo-secret-access-key QINGCLOUD_ZONE=pek3a"

# --- a shell in tmux, and what must not change ---------------------------------------------------------

pane=shell
tmux_ new-session -d -s shell -x 160 -y 50 env PS1='$ ' HOME="$work" bash --norc --noprofile -i
screen_text() { tmux_ capture-pane -p -J -t "$pane" -S -2000 2>/dev/null; }
visible_text() { tmux_ capture-pane -p -t "$pane" 2>/dev/null; }
pane_format() { tmux_ display-message -p -t "$pane" "$1" 2>/dev/null; }
buffers() { tmux_ list-buffers -F '#{buffer_sample}' 2>/dev/null; }
reset_terminal_state() {
    tmux_ select-pane -t shell -T e2e-title
    tmux_ rename-window -t shell e2e-window
    while tmux_ delete-buffer 2>/dev/null; do :; done
}
untouched() { [[ $(pane_format '#{pane_title}') == e2e-title && $(pane_format '#{window_name}') == e2e-window && -z $(buffers) ]]; }
state_report() { echo "title: $(pane_format '#{pane_title}'); window: $(pane_format '#{window_name}'); buffers: $(buffers | head -3)"; }

marker=0
# Runs a command line in the shell and waits until it has finished.
run_in_shell() {
    marker=$((marker + 1))
    tmux_ send-keys -t shell -l "$1; echo E2E-DONE-$marker"
    tmux_ send-keys -t shell Enter
    wait_until "${2:-60}" eval 'screen_text | grep -q "^E2E-DONE-$marker"'
}
shell_ready() { screen_text | grep -qE '^\$ *$'; }
wait_until 20 shell_ready || { fail "an interactive shell starts in tmux" "$(screen_text)"; exit 1; }

# The checks below could fail: raw sequences in this pane do change the title, the window name and
# the buffers.
reset_terminal_state
run_in_shell "printf '\\033]0;pwned\\007\\033]52;c;aGFja2Vk\\007\\033krenamed\\033\\\\'"
if [[ $(pane_format '#{pane_title}') == pwned && $(pane_format '#{window_name}') == renamed ]] && buffers | grep -q hacked; then
    pass "control: raw OSC 0, OSC 52 and ESC k do change the title, the window name and the buffers here"
else
    fail "control: raw sequences take effect in this tmux" "$(state_report)"
fi

expect_untouched() { # description
    if untouched; then pass "$1: title, window name and buffers untouched"; else fail "$1" "$(state_report)"; fi
}

# --- list in every format, to the terminal and to a file, from both endpoints ---------------------------

reset_terminal_state
for format in table json ids csv; do
    run_in_shell "env $hostile_env QINGCLOUD_ZONE=pek3a $binary list -o $format"
    run_in_shell "env $hostile_env QINGCLOUD_ZONE=pek3a $binary list -o $format > $work/out.$format; cat $work/out.$format"
    run_in_shell "env $simulator_env $binary list -o $format -L 100 > $work/sim.$format; cat $work/sim.$format; env $simulator_env $binary list -o $format -L 100"
done
expect_untouched "list -o table/json/ids/csv to the terminal and through a file"
if ! grep -qP '[\x00-\x08\x0b-\x1f\x7f]' "$work"/out.* "$work"/sim.* && ! grep -qP '\x{9b}|\x{202e}' "$work"/out.* "$work"/sim.*; then
    pass "no control or bidi character in any list output file"
else
    fail "no control or bidi character in any list output file" "$(grep -lP '[\x00-\x08\x0b-\x1f\x7f]|\x{9b}|\x{202e}' "$work"/out.* "$work"/sim.*)"
fi
if grep -q "^img-\\\\u001B]0;pwned" "$work/out.ids" && grep -q "\"'=HYPERLINK" "$work/out.csv" && ! grep -q $'\r' "$work/out.csv"; then
    pass "ids escape the hostile id as \\u001B, csv makes =HYPERLINK inert and ends lines with LF"
else
    fail "ids and csv escaping" "$(head -c 600 "$work/out.ids"; head -c 600 "$work/out.csv")"
fi

# --- errors on stderr ----------------------------------------------------------------------------------

reset_terminal_state
for zone in ret1100 http500 http404 malformed; do
    run_in_shell "env $hostile_env QINGCLOUD_ZONE=$zone $binary list --timeout 5 2> $work/err.$zone; echo status \$?; cat $work/err.$zone" 120
done
expect_untouched "error messages (ret_code 1100, HTTP 500, HTTP 404, malformed) on stderr"
long_errors=""
for zone in ret1100 http500 http404 malformed; do
    lines=$(wc -l <"$work/err.$zone")
    length=$(wc -m <"$work/err.$zone")
    if ((lines != 1 || length > 600)) || grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\x{9b}|\x{202e}' "$work/err.$zone"; then
        long_errors+="$zone: $lines lines, $length characters: $(head -c 300 "$work/err.$zone")"$'\n'
    fi
done
if [[ -z $long_errors ]]; then
    pass "each error is one line on stderr, server text cut, no raw control ($(head -c 120 "$work/err.ret1100"))"
else
    fail "each error is one short line with no raw control" "$long_errors"
fi

# A proxy whose 407 the HTTP parser cannot read: the line names the proxy, not the endpoint.
hostile_proxy=${hostile_url%/iaas/}
run_in_shell "env HTTPS_PROXY=$hostile_proxy QINGCLOUD_ACCESS_KEY=QYHOSTILE QINGCLOUD_SECRET_KEY=hostile-secret QINGCLOUD_ZONE=pek3a $binary list --endpoint https://api.example.test --timeout 5 2> $work/err.proxy; echo status \$?" 120
if [[ $(wc -l <"$work/err.proxy") == 1 ]] && grep -qF "through the proxy $hostile_proxy (from HTTPS_PROXY)" "$work/err.proxy"; then
    pass "a proxy's 407 with a CR in its reason phrase: the line names the proxy ($(cut -c1-100 "$work/err.proxy")...)"
else
    fail "a proxy's unreadable 407: the line names the proxy" "$(cat "$work/err.proxy")"
fi

# --- the log, and copy --------------------------------------------------------------------------------

rows_shown() { visible_text | grep -q 'img-host0001'; }
browser_quit() { screen_text | grep -q "^E2E-DONE-$marker"; }
reset_terminal_state
marker=$((marker + 1))
tmux_ send-keys -t shell -l "env $hostile_env QINGCLOUD_ZONE=pek3a $binary --refresh 1 --log-file $work/browser.log; echo E2E-DONE-$marker"
tmux_ send-keys -t shell Enter
if wait_until 60 rows_shown; then
    tmux_ send-keys -t shell c
    sleep 1
    if untouched && visible_text | grep -q 'not copied'; then
        pass "c on a hostile id: refused with a message, no buffer"
    else
        fail "c on a hostile id: refused, no buffer" "$(state_report)"$'\n'"$(screen_text | tail -5)"
    fi
    # A plain id is copied. Whether tmux keeps it as a buffer depends on how the sequence reaches tmux
    # (tmux 3.3 drops DCS pass-through unless allow-passthrough is on); when a buffer appears, it must
    # be exactly the id.
    tmux_ send-keys -t shell j c
    any_buffer() { [[ -n $(buffers) ]]; }
    copy_answered() { any_buffer || visible_text | grep -q 'copied img-host0001'; }
    wait_until 5 copy_answered
    sleep 0.5
    if any_buffer; then
        if [[ $(buffers) == img-host0001 ]]; then
            pass "c on a plain id puts exactly that id in a tmux buffer"
        else
            fail "c on a plain id copies exactly that id" "$(state_report)"
        fi
    elif copy_answered; then
        echo "note c on a plain id: copied (said so); this tmux kept no buffer of it"
    else
        fail "c on a plain id copies it" "$(state_report)"$'\n'"$(visible_text | tail -3)"
    fi
    while tmux_ delete-buffer 2>/dev/null; do :; done
    tmux_ send-keys -t shell q
    wait_until 20 browser_quit || fail "q ends the browser" "$(screen_text | tail -5)"
else
    fail "the browser shows the hostile endpoint's images" "$(screen_text | tail -20)"
fi
# Errors go to the log: a browser against the failing zones, then the log in the pane.
for zone in ret1100 http500 malformed; do
    marker=$((marker + 1))
    tmux_ send-keys -t shell -l "env $hostile_env QINGCLOUD_ZONE=$zone $binary --timeout 5 --log-file $work/browser.log; echo E2E-DONE-$marker"
    tmux_ send-keys -t shell Enter
    logged() { [[ $(grep -c "$zone\|HTTP 500\|malformed\|1100" "$work/browser.log" 2>/dev/null) -gt 0 ]] && visible_text | grep -q 'failed'; }
    wait_until 60 logged
    sleep 2
    tmux_ send-keys -t shell q
    wait_until 20 browser_quit
done
run_in_shell "cat $work/browser.log; grep -a pwned $work/browser.log | head -3"
expect_untouched "copy, the browser's screens and the log shown with cat and grep -a"
if grep -q 'pwned' "$work/browser.log" && ! grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\x{9b}|\x{202e}' "$work/browser.log"; then
    pass "the log holds the server's text with every control escaped"
else
    fail "the log holds the server's text, escaped" "$(grep -caP '[\x00-\x08\x0b-\x1f\x7f]' "$work/browser.log") raw controls; $(head -c 300 "$work/browser.log")"
fi

# --- signals ---------------------------------------------------------------------------------------------

normal_mode() { [[ $(pane_format '#{alternate_on} #{cursor_flag}') == "0 1" ]]; }
for signal in QUIT HUP INT; do
    case $signal in QUIT) expected=131 ;; HUP) expected=129 ;; INT) expected=0 ;; esac
    marker=$((marker + 1))
    tmux_ send-keys -t shell -l "clear; env $simulator_env $binary --refresh 1 --log-file $work/signal.log; echo E2E-DONE-$marker status \$?"
    tmux_ send-keys -t shell Enter
    sim_rows() { visible_text | grep -qE '^ ?img-[a-z0-9]+ '; }
    if ! wait_until 60 sim_rows; then
        fail "SIG$signal: rows appear" "$(screen_text | tail -10)"
        continue
    fi
    if [[ $signal == QUIT ]]; then
        tmux_ send-keys -t shell 'C-\'
    else
        pkill "-$signal" -P "$(pane_format '#{pane_pid}')" -x qcimages
    fi
    if wait_until 20 browser_quit; then
        status=$(screen_text | sed -n "s/^E2E-DONE-$marker status //p")
        if [[ $status == "$expected" ]] && normal_mode && ! screen_text | grep -qi 'crashed\|backtrace\|Fatal error'; then
            pass "SIG$signal ($([[ $signal == QUIT ]] && echo 'Ctrl-\' || echo kill)): exit status $status, normal screen, no backtrace"
        else
            fail "SIG$signal: exit status $expected, normal screen, no backtrace" "status $status; $(screen_text | tail -15)"
        fi
    else
        fail "SIG$signal ends the browser" "$(screen_text | tail -15)"
    fi
    tmux_ send-keys -t shell Enter
done

# --- a log that cannot be written -------------------------------------------------------------------------

run_in_shell "clear; $binary --demo --log-file /nonexistent-qcimages/dir/x.log 2> $work/nolog.err; echo status \$?"
if screen_text | grep -q '^status 1' && [[ $(wc -l <"$work/nolog.err") -eq 1 ]] && [[ ! -e /nonexistent-qcimages ]]; then
    pass "--log-file in a missing directory: one line ($(cat "$work/nolog.err")), nothing created"
else
    fail "--log-file in a missing directory: one line, nothing created" "$(cat "$work/nolog.err")"
fi
marker=$((marker + 1))
tmux_ send-keys -t shell -l "clear; $binary --demo --demo-images 500 --log-file /dev/full; echo E2E-DONE-$marker status \$?"
tmux_ send-keys -t shell Enter
demo_rows() { visible_text | grep -qE '^ ?img-[a-z0-9]+ '; }
if wait_until 60 demo_rows; then
    tmux_ send-keys -t shell q
    if wait_until 20 browser_quit && screen_text | grep -q "^E2E-DONE-$marker status 0" && normal_mode; then
        pass "--log-file /dev/full: the browser runs and quits with status 0"
    else
        fail "--log-file /dev/full: quits with status 0" "$(screen_text | tail -10)"
    fi
else
    fail "--log-file /dev/full: the browser runs" "$(screen_text | tail -10)"
fi
# The file size limit reached mid-session, while every request fails and is logged.
exec {failing_out}< <(exec "$binary" simulate --port 0 --images 50 --http500-every 1)
failing_pid=$!
read -r -t 60 failing_url <&"$failing_out"
marker=$((marker + 1))
tmux_ send-keys -t shell -l "clear; (ulimit -f 1; env QINGCLOUD_ENDPOINT=$failing_url QINGCLOUD_ACCESS_KEY=QYDEMOACCESSKEY0001 QINGCLOUD_SECRET_KEY=demo-secret-access-key QINGCLOUD_ZONE=pek3a $binary --timeout 2 --log-file $work/limited.log); echo E2E-DONE-$marker status \$?"
tmux_ send-keys -t shell Enter
log_full() { (($(stat -c %s "$work/limited.log" 2>/dev/null || echo 0) >= 700)); }
if wait_until 90 log_full; then
    sleep 3
    tmux_ send-keys -t shell q
    if wait_until 20 browser_quit && screen_text | grep -q "^E2E-DONE-$marker status 0" && normal_mode; then
        pass "file size limit reached mid-session: the browser goes on and quits with status 0 (log $(stat -c %s "$work/limited.log") bytes)"
    else
        fail "file size limit reached mid-session: quits with status 0" "$(screen_text | tail -10)"
    fi
else
    fail "the log grows to the file size limit" "$(stat -c %s "$work/limited.log" 2>&1)"
    tmux_ send-keys -t shell q
fi
kill "$failing_pid" 2>/dev/null
wait "$failing_pid" 2>/dev/null

# --- pages that hold less than their total ------------------------------------------------------------------

env $hostile_env QINGCLOUD_ZONE=emptypage "$binary" list -o ids >"$work/empty.ids" 2>"$work/empty.err"
status=$?
if [[ $status == 1 && $(wc -l <"$work/empty.ids") == 416 && $(wc -l <"$work/empty.err") == 1 ]] \
    && grep -q "reported 500 images but its pages held 416 (84 missing" "$work/empty.err"; then
    pass "list, an empty page in the middle: the 416 ids it has, then one line saying 84 are missing, exit 1"
else
    fail "list, an empty page in the middle" "status $status, $(wc -l <"$work/empty.ids") ids; $(cat "$work/empty.err")"
fi
for zone in lyingtotal lying7; do
    /usr/bin/time -f %M -o "$work/$zone.rss" timeout 60 env $hostile_env QINGCLOUD_ZONE=$zone "$binary" list -o ids \
        >"$work/$zone.ids" 2>"$work/$zone.err"
    status=$?
    rss=$(tail -1 "$work/$zone.rss")
    if [[ $status == 1 && $(wc -l <"$work/$zone.ids") == 500 && $(wc -l <"$work/$zone.err") == 1 ]] && ((rss < 150000)) \
        && grep -q "came back empty, even when asked again; reading stopped there" "$work/$zone.err"; then
        pass "list, a lying total ($zone): the 500 ids, one line, exit 1, peak RSS $((rss / 1024)) MB"
    else
        fail "list, a lying total ($zone): stops with one line and exit 1" "status $status, rss $rss kB; $(head -c 400 "$work/$zone.err")"
    fi
done
# q and Ctrl-C as keys, SIGINT and SIGTERM as signals to the binary itself: each ends it at once.
for ending in q C-c INT TERM; do
    marker=$((marker + 1))
    tmux_ send-keys -t shell -l "clear; env $hostile_env QINGCLOUD_ZONE=lyingtotal $binary --refresh 0 --log-file $work/lying.log; echo E2E-DONE-$marker status \$?"
    tmux_ send-keys -t shell Enter
    incomplete() { visible_text | grep -q 'INCOMPLETE: the server counts 1,000,000,000,000'; }
    if wait_until 30 incomplete; then
        case $ending in
            q | C-c) tmux_ send-keys -t shell "$ending" ;;
            *) pkill "-$ending" -P "$(pane_format '#{pane_pid}')" -x qcimages ;;
        esac
        if wait_until 10 browser_quit && normal_mode; then
            pass "browser, a total of 10^12 over 500 images: INCOMPLETE in the header, $ending ends it, normal screen"
        else
            fail "browser, a lying total: $ending ends it" "$(screen_text | tail -5)"
        fi
    else
        fail "browser, a lying total: the header says INCOMPLETE" "$(screen_text | head -3)"
        tmux_ send-keys -t shell q
        wait_until 10 browser_quit
    fi
done

# --- a long paste -------------------------------------------------------------------------------------------

ids=$(printf 'img-%08d|' $(seq 1 399))img-zzend000
marker=$((marker + 1))
tmux_ send-keys -t shell -l "clear; env $simulator_env $binary --refresh 0 --log-file $work/paste.log; echo E2E-DONE-$marker status \$?"
tmux_ send-keys -t shell Enter
if wait_until 60 sim_rows; then
    tmux_ set-buffer -b paste "q$ids"
    tmux_ paste-buffer -p -d -b paste -t shell
    pasted() { visible_text | tail -1 | grep -q 'img-zzend000'; }
    if wait_until 10 pasted && ! browser_quit; then
        pass "a bracketed paste of 400 ids (starting with q) goes into the filter bar, the q included"
    else
        fail "a bracketed paste goes into the filter bar" "$(screen_text | tail -5)"
    fi
    tmux_ send-keys -t shell Escape C-c
    wait_until 20 browser_quit || fail "Ctrl-C after the paste ends the browser" "$(screen_text | tail -5)"
else
    fail "paste: rows appear" "$(screen_text | tail -10)"
fi

expect_untouched "everything above"
finish_checks
