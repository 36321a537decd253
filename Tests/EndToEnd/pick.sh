#!/usr/bin/env bash
# End-to-end test of `qcimages pick`: the real binary in tmux on its --demo, its output caught by `$(...)`
# and by a pipe while the browser draws on the pane's /dev/tty. Checks what Enter prints (ids, json, csv,
# a template; with --multi the rows marked with Space) and fzf's exit statuses (0 chosen, 1 q/Esc, 130 Ctrl-C, 2 an error before the browser
# opened). Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/pick.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-pick

# Runs `shell_line` (bash, with $q standing for the binary) in a new pane NAME; the line writes its
# result to $work/NAME.out and its status to $work/NAME.status.
start_pick() { # name shell_line
    pane=$1
    tmux_ new-session -d -s "$pane" -x 120 -y 30 \
        env "q=$binary" "out=$work/$pane.out" "status=$work/$pane.status" "log=$work/$pane.log" bash -c "$2"
}
finished() { [[ -s $work/$pane.status ]]; }
status_of() { cat "$work/$pane.status"; }
output_of() { cat "$work/$pane.out"; }
# The id of the list's row number `n` (1 first) on screen.
row_id() { list_rows | sed -n "${1}p" | awk '{ print $1 }'; }

# Opens pick, waits for rows, moves down once and returns the id then selected in `chosen`.
open_and_select_second() { # name shell_line
    start_pick "$1" "$2"
    if ! wait_until 60 has_rows 5; then
        fail "$1: the browser opens on the pane's terminal" "$(screen_text)"
        return 1
    fi
    tmux_ send-keys -t "$pane" Down
    chosen=$(row_id 2)
}

expect() { # description condition...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description" "status $(status_of 2>/dev/null); out: $(output_of 2>/dev/null)"; fi
}

# Through $(...): Enter prints the selected id, and only it.
if open_and_select_second subst 'ID=$("$q" pick --demo --refresh 0 --log-file "$log"); echo $? >"$status"; printf "%s" "$ID" >"$out"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "ID=\$(qcimages pick --demo): Enter exits 0 and \$ID is the selected row's id ($chosen)" \
        test "$(status_of)" = 0 -a "$(output_of)" = "$chosen"
fi

# Through a pipe: stdout is a pipe, the screen is still drawn on the terminal.
if open_and_select_second piped '"$q" pick --demo --refresh 0 --log-file "$log" | cat >"$out"; echo "${PIPESTATUS[0]}" >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "qcimages pick --demo | cat > file: exit 0, the file is the id and a newline" \
        test "$(status_of)" = 0 -a "$(od -c "$work/$pane.out" | head -n 1)" = "$(printf '%s\n' "$chosen" | od -c | head -n 1)"
fi

# Nothing chosen: q and Esc exit 1, Ctrl-C 130, nothing printed.
for key in q Escape C-c; do
    case $key in
        C-c) expected=130 ;;
        *) expected=1 ;;
    esac
    name="cancel-${key//-/}"
    if open_and_select_second "$name" '"$q" pick --demo --refresh 0 --log-file "$log" >"$out"; echo $? >"$status"'; then
        tmux_ send-keys -t "$pane" "$key"
        wait_until 20 finished
        expect "pick, then $key: exit $expected and nothing printed" test "$(status_of)" = "$expected" -a ! -s "$work/$pane.out"
    fi
done

# The other outputs.
if open_and_select_second json '"$q" pick --demo --refresh 0 --log-file "$log" -o json >"$out"; echo $? >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    json_id() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["total_count"], d["image_set"][0]["image_id"], d["image_set"][0]["zone"])' "$work/$pane.out"; }
    expect "pick -o json: list's JSON with the one image and its zone" test "$(json_id)" = "1 $chosen pek3a"
fi
if open_and_select_second csv '"$q" pick --demo --refresh 0 --log-file "$log" -o csv >"$out"; echo $? >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "pick -o csv: a header with zone first and one row" \
        test "$(head -c 13 "$work/$pane.out")" = "zone,image_id" -a "$(sed -n 2p "$work/$pane.out" | cut -d, -f1,2)" = "pek3a,$chosen" -a "$(wc -l <"$work/$pane.out")" = 2
fi
if open_and_select_second template '"$q" pick --demo --refresh 0 --log-file "$log" --print "{zone} {id} {status}" >"$out"; echo $? >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "pick --print '{zone} {id} {status}': one line with them" \
        grep -qxE "pek3a $chosen (pending|available|deprecated|suspended|deleted|ceased)" "$work/$pane.out"
fi

# --filter: the browser opens with the filter applied (the header shows it); Enter chooses among its matches.
if open_and_select_second filtered '"$q" pick --demo --refresh 0 --log-file "$log" --filter "status:deprecated os:centos" --print "{status} {os}" >"$out"; echo $? >"$status"'; then
    if screen_has "filter status:deprecated os:centos"; then pass "pick --filter: the header shows the filter"; else fail "pick --filter: the header shows the filter" "$(screen_text)"; fi
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "pick --filter 'status:deprecated os:centos': the image chosen matches it" grep -qx "deprecated centos" "$work/$pane.out"
fi

# list --filter: the same language; a term it cannot read is one line and exit 64.
"$binary" list --demo --filter 'colour:red' >"$work/list.out" 2>"$work/list.err"
list_status=$?
if [[ $list_status == 64 && ! -s $work/list.out && $(wc -l <"$work/list.err") == 1 ]] && grep -qF 'unknown field "colour"' "$work/list.err"; then
    pass "list --filter colour:red: exit 64, one line ($(cat "$work/list.err"))"
else
    fail "list --filter colour:red: exit 64, one line" "status $list_status; stderr: $(cat "$work/list.err")"
fi
statuses=$("$binary" list --demo -z all --filter 'status:deprecated zone:sh1a' -o csv |
    python3 -c 'import csv, sys; print("\n".join(sorted({r["zone"] + " " + r["status"] for r in csv.DictReader(sys.stdin)})))')
if [[ $statuses == "sh1a deprecated" ]]; then
    pass "list -z all --filter 'status:deprecated zone:sh1a': only sh1a's deprecated images"
else
    fail "list -z all --filter 'status:deprecated zone:sh1a': only sh1a's deprecated images" "$statuses"
fi

# --multi: Space marks three rows (and moves down each time); Enter prints their ids, one a line, in the
# list's order, through $(...) and through a pipe.
open_and_mark_three() { # name shell_line
    start_pick "$1" "$2"
    if ! wait_until 60 has_rows 5; then
        fail "$1: the browser opens on the pane's terminal" "$(screen_text)"
        return 1
    fi
    marked=$(printf '%s\n' "$(row_id 1)" "$(row_id 2)" "$(row_id 3)")
    tmux_ send-keys -t "$pane" Space Space Space
    if ! wait_until 20 screen_has "3 marked"; then
        fail "$1: Space three times: the header says 3 marked" "$(screen_text)"
        return 1
    fi
    if [[ $(marked_rows) == "$marked" ]]; then
        pass "$1: the three rows show * in the gutter"
    else
        fail "$1: the three rows show * in the gutter" "$(screen_text)"
    fi
}
if open_and_mark_three multi-subst 'IDS=$("$q" pick --multi --demo --refresh 0 --log-file "$log"); echo $? >"$status"; printf "%s\n" "$IDS" >"$out"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "IDS=\$(qcimages pick --multi --demo), 3 x Space, Enter: exit 0, the 3 marked ids one a line" \
        test "$(status_of)" = 0 -a "$(output_of)" = "$marked"
fi
if open_and_mark_three multi-piped '"$q" pick --multi --demo --refresh 0 --log-file "$log" | cat >"$out"; echo "${PIPESTATUS[0]}" >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "qcimages pick --multi --demo | cat > file, 3 x Space, Enter: exit 0, 3 lines, the marked ids" \
        test "$(status_of)" = 0 -a "$(output_of)" = "$marked" -a "$(wc -l <"$work/$pane.out")" = 3
fi
if open_and_mark_three multi-json '"$q" pick --multi --demo --refresh 0 --log-file "$log" -o json >"$out"; echo $? >"$status"'; then
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    json_ids() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["total_count"]); print("\n".join(i["image_id"] for i in d["image_set"]))' "$work/$pane.out"; }
    expect "pick --multi -o json: total_count 3 and the marked images in order" test "$(json_ids)" = "$(printf '3\n%s' "$marked")"
fi

# Without --multi marks are off (as fzf without -m): Space marks nothing, says so, and Enter prints the
# selected row.
start_pick single-space '"$q" pick --demo --refresh 0 --log-file "$log" >"$out"; echo $? >"$status"'
if wait_until 60 has_rows 5; then
    first=$(row_id 1)
    tmux_ send-keys -t "$pane" Space
    if wait_until 20 screen_has "marks are off: qcimages pick --multi"; then
        pass "pick without --multi: Space says marks are off"
    else
        fail "pick without --multi: Space says marks are off" "$(screen_text)"
    fi
    tmux_ send-keys -t "$pane" Enter
    wait_until 20 finished
    expect "pick without --multi: after Space, Enter prints the first row, still selected ($first)" \
        test "$(status_of)" = 0 -a "$(output_of)" = "$first"
else
    fail "single-space: the browser opens on the pane's terminal" "$(screen_text)"
fi

# Errors before the browser opens: one line on stderr, exit 2, nothing on stdout.
one_error_line() { # description expected-text command...
    local description=$1 expected=$2
    shift 2
    "$@" >"$work/error.out" 2>"$work/error.err"
    local code=$?
    if [[ $code == 2 && ! -s $work/error.out && $(wc -l <"$work/error.err") == 1 ]] && grep -qF -- "$expected" "$work/error.err"; then
        pass "$description: exit 2, one line ($(cat "$work/error.err"))"
    else
        fail "$description: exit 2, one line with \"$expected\"" "status $code; stderr: $(cat "$work/error.err")"
    fi
}
one_error_line "pick without a terminal" "cannot open /dev/tty" setsid "$binary" pick --demo --log-file "$work/notty.log"
one_error_line "pick --print with an unknown field" "unknown field {colour}" "$binary" pick --demo --print '{colour}'
# A mistake in the flags: ArgumentParser's report (the error first), exit 2 as fzf's, not its 64.
for flags in "--no-such-flag" "--output yaml"; do
    # shellcheck disable=SC2086 # the flags are split on purpose
    "$binary" pick --demo $flags >"$work/usage.out" 2>"$work/usage.err"
    code=$?
    if [[ $code == 2 && ! -s $work/usage.out ]] && head -n 1 "$work/usage.err" | grep -q '^Error: '; then
        pass "pick $flags: exit 2, the error first ($(head -n 1 "$work/usage.err"))"
    else
        fail "pick $flags: exit 2, the error first" "status $code; stderr: $(cat "$work/usage.err")"
    fi
done
"$binary" list --demo --no-such-flag >/dev/null 2>&1
code=$?
if [[ $code == 64 ]]; then pass "list --no-such-flag keeps ArgumentParser's 64"; else fail "list --no-such-flag keeps ArgumentParser's 64" "status $code"; fi

finish_checks
