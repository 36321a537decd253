#!/usr/bin/env bash
# End-to-end checks of views and the remembered state (issue 20, points 4 and 6): the real binary in tmux on
# its --demo, its settings file in a temporary XDG_CONFIG_HOME. `--view` opens with the view's filter, sort
# and zones; an unknown or bad view is one line; `v` lists the views; `V` saves the filter and sort as a view
# into the file, a hand-written comment kept; `remember: true` keeps the sort across two runs. Prints one
# line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/views.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-views

config_dir="$work/config/qcimages"
config="$config_dir/config.yaml"
mkdir -p "$config_dir"
session_env=(HOME="$work" XDG_CONFIG_HOME="$work/config" NO_COLOR=1)

expect() { # description condition... (the screen shown when it fails)
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description" "$(screen_text)"; fi
}
header() { screen_text | sed -n 2p; }
footer() { screen_text | tail -n 1; }
header_has() { header | grep -qF -- "$1"; }
footer_has() { footer | grep -qF -- "$1"; }
quit_session() {
    tmux_ send-keys -t "$pane" q
    wait_until 20 session_gone
}
session_gone() { ! tmux_ has-session -t "$pane" 2>/dev/null; }

cat >"$config" <<'YAML'
# written by hand: this comment stays
views:
  # the Ubuntu images, biggest first, in two zones
  prod-ubuntu: {filter: "os:ubuntu", sort: "-size", zones: "pek3a,sh1a"}
  bad-sort: {filter: "os:centos", sort: "-colour"}
YAML

# --- --view NAME --------------------------------------------------------------------------------------
start_session view 140 30 -- --demo --demo-images 300 --view prod-ubuntu
wait_until 60 has_rows 5
expect "--view opens with the view's filter in the header's filter" wait_until 20 header_has "filter os:ubuntu"
expect "... its sort (size ▼, the column title marked)" eval 'header_has "sort size ▼" && screen_text | grep -qF "SIZE▼"'
expect "... and its zones (2 zones, a ZONE column)" eval 'screen_text | head -n 1 | grep -qF "2 zones" && screen_text | grep -qF "ZONE"'
expect "a view that means nothing is one footer line naming the file and line" \
    eval 'footer_has "config.yaml:5: the view bad-sort: unknown sort \"-colour\""'

# --- v lists the views; V saves the filter and sort as a view -----------------------------------------
tmux_ send-keys -t "$pane" v
expect "v lists the views (the bad one left out)" eval 'wait_until 10 screen_has "prod-ubuntu" && screen_has " views " && ! screen_has "bad-sort  "'
tmux_ send-keys -t "$pane" Escape
tmux_ send-keys -t "$pane" / C-u
tmux_ send-keys -t "$pane" -l "status:available"
tmux_ send-keys -t "$pane" Enter S V
expect "V asks for the view's name in the footer" wait_until 10 footer_has "save the filter and sort as view:"
tmux_ send-keys -t "$pane" -l "available-small"
tmux_ send-keys -t "$pane" Enter
expect "Enter saves it: the footer names the view and the file" \
    wait_until 10 footer_has "saved view \"available-small\" to ~/config/qcimages/config.yaml"
file_text=$(cat "$config")
echo "     | config.yaml after V:"
sed 's/^/     |   /' <<<"$file_text"
expect "the file holds the new view with its filter and sort" \
    grep -qE '^  available-small: \{filter: "status:available", sort: size\}$' "$config"
expect "the hand-written comment and the other views are still there" \
    eval 'grep -qF "# written by hand: this comment stays" "$config" && grep -qF "prod-ubuntu: {filter:" "$config" && grep -qF "bad-sort:" "$config"'
tmux_ send-keys -t "$pane" v
expect "the chooser offers the saved view" wait_until 10 screen_has "available-small"
tmux_ send-keys -t "$pane" Escape
quit_session

# --- an unknown view: one line, exit 2 -------------------------------------------------------------------
pane=unknown
tmux_ new-session -d -s "$pane" -x 140 -y 10 env "${session_env[@]}" bash -c \
    "'$binary' --demo --view nope --log-file '$work/unknown.log' 2>'$work/unknown.err'; echo \$? >'$work/unknown.status'; sleep 60"
wait_until 30 test -s "$work/unknown.status"
err=$(cat "$work/unknown.err")
expect "an unknown view on the command line: exit 2, one line with the known names" \
    eval '[[ $(cat "$work/unknown.status") == 2 && $(wc -l <<<"$err") == 1 && $err == "qcimages: --view nope: no such view in ~/config/qcimages/config.yaml (known: prod-ubuntu, available-small)" ]]' 
[[ $err == *"known: prod-ubuntu, available-small"* ]] || echo "     | stderr: $err"
tmux_ kill-session -t "$pane" 2>/dev/null

# --- list --view: the view's filter and zones ---------------------------------------------------------------
run() { env "${session_env[@]}" "$binary" "$@"; }
by_view=$(run list --demo --demo-images 300 --view prod-ubuntu -o csv)
by_flags=$(run list --demo --demo-images 300 --filter os:ubuntu -z pek3a,sh1a -o csv)
expect "list --view prints what --filter and -z of the view print ($(($(wc -l <<<"$by_view") - 1)) images)" \
    eval '[[ -n $by_view && $by_view == "$by_flags" && $by_view == *sh1a* ]]'
run list --demo --view nope >/dev/null 2>"$work/list.err"
list_status=$?
expect "list --view with an unknown name: exit 2, one line" \
    eval '((list_status == 2)) && [[ $(cat "$work/list.err") == "qcimages: --view nope: no such view in ~/config/qcimages/config.yaml (known: prod-ubuntu, available-small)" ]]'

# --- remember: true keeps the sort across two runs -------------------------------------------------------
printf '# mine\nremember: true\n' >"$config"
start_session first 120 30 -- --demo --demo-images 300 -z sh1a
wait_until 60 has_rows 5
tmux_ send-keys -t "$pane" F6 Home Down Enter
expect "first run: sorted by name" wait_until 10 header_has "sort name ▲"
quit_session
echo "     | config.yaml after the first run: $(tr '\n' ' ' <"$config")"
expect "on exit the last sort and zones are written to last:, the comment kept" \
    eval 'grep -qxF "last: {sort: name, zones: sh1a}" "$config" && grep -qF "# mine" "$config"'
start_session second 120 30 -- --demo --demo-images 300
wait_until 60 has_rows 5
expect "second run: opens sorted by name, in the remembered zone" \
    eval 'wait_until 10 header_has "sort name ▲" && screen_text | head -n 1 | grep -qF "qcimages  sh1a"'
quit_session
printf 'remember: true\nlast: {sort: -size, zones: gd9z}\n' >"$config"
start_session fourth 120 30 -- --demo --demo-images 300
wait_until 60 has_rows 5
expect "remembered zones the demo does not serve are left out with a footer line; the remembered sort still applies" \
    eval 'footer_has "last: zones gd9z not used: the demo serves zones" && header_has "sort size ▼"'
quit_session
printf 'remember: false\n' >"$config"
start_session third 120 30 -- --demo --demo-images 300
wait_until 60 has_rows 5
tmux_ send-keys -t "$pane" S
quit_session
expect "remember: false writes nothing" eval '[[ $(cat "$config") == "remember: false" ]]'

finish_checks
