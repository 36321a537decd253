#!/usr/bin/env bash
# Makes the PNG screenshots in screenshots/ from the real program: runs qcimages in tmux (on --demo, or
# against `qcimages simulate` for the error state), captures each screen with its colours
# (`capture-pane -e`) and renders the capture with render_ansi.py.
#
# Usage: screenshots/make-screenshots.sh [path/to/qcimages]   (default: builds it with swift build)
# Needs tmux, Python 3, the DejaVu, WenQuanYi and Symbola fonts (installed with apt-get when missing) and Pillow
# (installed into a virtual environment, $QCIMAGES_SCREENSHOT_VENV or .build/screenshots-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
here=screenshots

if [[ $# -ge 1 ]]; then
    binary=$(realpath "$1")
else
    swift build --product qcimages
    binary="$(swift build --show-bin-path)/qcimages"
fi

# --- tools --------------------------------------------------------------------------------------------

missing=()
command -v tmux >/dev/null || missing+=(tmux)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
[[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || missing+=(fonts-wqy-zenhei)
[[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ]] || missing+=(fonts-symbola)
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if ((${#missing[@]})); then
    echo "== installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
venv=${QCIMAGES_SCREENSHOT_VENV:-.build/screenshots-venv}
if ! "$venv/bin/python" -c 'import PIL' 2>/dev/null; then
    echo "== installing Pillow into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pillow
fi

# --- tmux ---------------------------------------------------------------------------------------------

work=$(mktemp -d)
# shellcheck source=Tests/EndToEnd/tmux-session.sh
source Tests/EndToEnd/tmux-session.sh
tmux_session_setup qcimages-shots
on_wait_timeout() {
    echo "timed out waiting for: $*" >&2
    screen_text >&2 || true
}
# Two looks half a second apart agree: the screen has settled between refreshes.
settled() {
    local before
    before=$(tmux_ capture-pane -e -p -t "$pane")
    sleep 0.5
    [[ $before == "$(tmux_ capture-pane -e -p -t "$pane")" ]]
}
# The selected row's number in the bottom line's "n/total".
position() { screen_text | tail -n 1 | grep -oE '[0-9,]+/[0-9,]+ *$' | cut -d/ -f1 | tr -d ,; }
position_at_least() { (($(position || echo 0) >= $1)); }
# Sends a key and waits until what `probe` prints changes.
press_until_changed() { # key probe
    local key=$1 probe=$2 before
    before=$("$probe" || true)
    tmux_ send-keys -t "$pane" "$key"
    changed() { [[ $("$probe" || true) != "$before" ]]; }
    wait_until 20 changed
}
# Pages down until the selection reaches the row (pages load as the selection nears their end).
page_down_to() {
    until position_at_least "$1"; do press_until_changed PageDown position; done
}

start() { start_session "$@"; } # scene width height [env assignments...] -- [qcimages arguments...]

shoot() { # output-name title [render_ansi.py options...]
    local name=$1 title=$2
    shift 2
    local deadline=$((SECONDS + 10))
    until settled || ((SECONDS >= deadline)); do :; done
    local size cursor
    size=$(pane_format '#{pane_width} #{pane_height}')
    cursor=$(pane_format '#{cursor_flag} #{cursor_x},#{cursor_y}')
    tmux_ capture-pane -e -p -N -t "$pane" >"$work/$name.ans"
    local arguments=("$work/$name.ans" "$here/$name.png" --width "${size% *}" --height "${size#* }" --title "$title" "$@")
    [[ ${cursor% *} == 1 ]] && arguments+=(--cursor "${cursor#* }")
    "$venv/bin/python" "$here/render_ansi.py" "${arguments[@]}"
    tmux_ kill-session -t "$pane"
    echo "== $here/$name.png"
}

# --- scenes -------------------------------------------------------------------------------------------

# Wide: list and detail side by side, a few hundred rows down where statuses vary, on an image with a
# description.
start wide 160 45 -- --demo
wait_until 60 has_rows 30
page_down_to 250
has_description() { screen_text | grep -A1 '│ Description' | tail -n 1 | grep -qvE '│ +\(none\)'; }
for _ in $(seq 40); do
    has_description && break
    press_until_changed j position
done
shoot wide-list-detail "qcimages --demo  (160x45)"

# Narrow: the detail pane moves below the list and columns drop.
start narrow 80 24 -- --demo
wait_until 60 has_rows 8
page_down_to 250
shoot narrow "qcimages --demo  (80x24)"

# A filter being typed: field terms, alternatives, negation, a size comparison and CJK free text.
start filter 120 36 -- --demo
wait_until 60 has_rows 15
tmux_ send-keys -t filter /
tmux_ send-keys -t filter -l 'os:ubuntu|centos !status:pending size>=100 镜像'
wait_until 20 screen_has "match"
shoot filter "qcimages --demo  (a filter as you type)"

# Every zone at once: the demo's three zones side by side, with a ZONE column and each zone's state in
# the header, filtered to find where images of one name live.
start zones 160 45 -- --demo -z all
wait_until 60 has_rows 30
all_zones_loaded() { screen_text | sed -n 2p | grep -qE 'pek3a [0-9,]+ · sh1a [0-9,]+ · gd2a [0-9,]+ *'; }
wait_until 300 all_zones_loaded
tmux_ send-keys -t zones /
tmux_ send-keys -t zones -l 'mysql-slave'
tmux_ send-keys -t zones Enter
wait_until 20 screen_has "filter mysql-slave"
shoot zones "qcimages --demo -z all  (three zones at once)"

# The help overlay.
start help 120 40 -- --demo
wait_until 60 has_rows 20
tmux_ send-keys -t help '?'
wait_until 20 screen_has "┌─ keys ─"
shoot help "qcimages --demo  (? for help)"

# The F2 setup screen (htop's): the columns shown, those that can be, then the settings.
start setup 120 40 -- --demo
wait_until 60 has_rows 20
tmux_ send-keys -t setup F2
wait_until 20 screen_has "─ setup ─"
shoot setup "qcimages --demo  (F2: setup)"

# Marks and what uses an image: three images marked with Space, the detail pane's Used by.
start marks 140 40 -- --demo
wait_until 60 has_rows 20
page_down_to 300
tmux_ send-keys -t marks Space Space Space
wait_until 20 screen_has "3 marked"
used_by_counted() { screen_text | grep -qE 'Used by +[0-9]+ instances?'; }
for _ in $(seq 60); do
    wait_until 3 used_by_counted && break
    press_until_changed k position
done
shoot marks "qcimages --demo  (Space marks; Used by in the detail pane)"

# The themes, on the same screen: dark (today's look), light on a white terminal, mono (attributes only).
for theme in dark light mono; do
    start "theme-$theme" 120 36 -- --demo --theme "$theme"
    wait_until 60 has_rows 15
    page_down_to 300
    background=()
    [[ $theme == light ]] && background=(--background ffffff)
    shoot "theme-$theme" "qcimages --demo --theme $theme" "${background[@]}"
done

# An error: the endpoint stops answering after the first pages; the last good data stays on screen and
# the header says what failed and when.
# Its first line is the endpoint URL, printed once the port is bound.
start_simulator --churn --images 3000
start error 120 30 "${simulator_credentials[@]}" -- --refresh 1 --timeout 2
wait_until 60 has_rows 12
stop_simulator
wait_until 120 screen_has "failed"
shoot error "qcimages  (the endpoint stopped answering)"
