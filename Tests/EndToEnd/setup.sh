#!/usr/bin/env bash
# End-to-end test of the F2 setup screen: the real binary in tmux on its --demo, XDG_CONFIG_HOME in a
# temporary directory. F2, PLATFORM added as a column, Esc: the footer says where it was saved, the file
# holds it; started again, the list shows it (and the header counts the chosen columns a narrow terminal
# hides). A config directory the user cannot write, and a full disk: the footer says so in one line and the
# browser goes on. Prints one line per check and ends with "N passed, M failed".
#
# Usage: Tests/EndToEnd/setup.sh path/to/qcimages
set -uo pipefail

# shellcheck source=Tests/EndToEnd/tmux-session.sh
source "$(dirname "$0")/tmux-session.sh"
tmux_test_start "$@" -- qcimages-setup
chmod 755 "$work"
config_home="$work/config"
config="$config_home/qcimages/config.yaml"
demo=(--demo --refresh 0)

# The line the setup screen's cursor is on: the one drawn in reverse video below the title bar.
cursor_line() { tmux_ capture-pane -p -e -t "$pane" 2>/dev/null | tail -n +2 | grep -E $'\e\\[([0-9]+;)*7(;[0-9]+)*m' | head -n 1; }
cursor_on() { cursor_line | grep -qF -- "$1"; }
ended() { ! tmux_ has-session -t "$pane" 2>/dev/null; }
header_titles() { screen_text | grep -E '^ ?ID ' | head -n 1; }

cursor_moved_from() { [[ $(cursor_line) != "$1" ]]; }

# Moves the setup screen's cursor down to the line naming `text`, at most 40 lines, each Down once the
# screen shows the one before.
move_cursor_to() { # text
    local step before
    for step in $(seq 40); do
        cursor_on "$1" && return 0
        before=$(cursor_line)
        tmux_ send-keys -t "$pane" Down
        wait_until 5 cursor_moved_from "$before" || return 1
    done
    cursor_on "$1"
}

start_session first 200 40 "XDG_CONFIG_HOME=$config_home" -- "${demo[@]}"
if ! wait_until 60 has_rows 5; then
    fail "the demo opens" "$(screen_text)"
    finish_checks
fi
tmux_ send-keys -t "$pane" F2
if wait_until 10 screen_has " setup "; then pass "F2 opens the setup screen"; else fail "F2 opens the setup screen" "$(screen_text)"; fi
if screen_has "[x] NAME" && screen_has "[ ] PLATFORM" && screen_has "Refresh" && screen_has "Theme" \
    && screen_has "Esc saves the changes to $config"; then
    pass "it lists the shown columns, those to add, the settings, and the file Esc saves to"
else
    fail "it lists the shown columns, those to add, the settings, and the file Esc saves to" "$(screen_text)"
fi
if move_cursor_to "PLATFORM"; then
    tmux_ send-keys -t "$pane" Space
    if wait_until 10 screen_has "[x] PLATFORM"; then pass "Space adds PLATFORM"; else fail "Space adds PLATFORM" "$(screen_text)"; fi
else
    fail "the cursor reaches PLATFORM" "$(screen_text)"
fi
tmux_ send-keys -t "$pane" Escape
if wait_until 10 screen_has "saved to $config"; then
    pass "Esc leaves; the footer says saved to the settings file"
else
    fail "Esc leaves; the footer says saved to the settings file" "$(screen_text | tail -3)"
fi
if header_titles | grep -q PLATFORM; then pass "the list shows PLATFORM at once"; else fail "the list shows PLATFORM at once" "$(screen_text | head -5)"; fi
tmux_ send-keys -t "$pane" q
wait_until 10 ended || fail "q quits" "$(screen_text)"
echo "     the settings file:"
sed 's/^/     | /' "$config" 2>/dev/null
if grep -qxF "columns: [id, zone, name, status, os, arch, size, visibility, created, platform]" "$config" 2>/dev/null; then
    pass "the file holds the columns, PLATFORM last"
else
    fail "the file holds the columns, PLATFORM last" "$(cat "$config" 2>&1)"
fi

start_session again 200 40 "XDG_CONFIG_HOME=$config_home" -- "${demo[@]}"
if wait_until 60 has_rows 5 && header_titles | grep -q PLATFORM; then
    pass "started again, the list shows PLATFORM"
else
    fail "started again, the list shows PLATFORM" "$(screen_text | head -5)"
fi
tmux_ send-keys -t "$pane" q
wait_until 10 ended

start_session narrow 100 30 "XDG_CONFIG_HOME=$config_home" -- "${demo[@]}"
if wait_until 60 has_rows 5 && screen_has "2 columns hidden"; then
    pass "100 columns wide, the header says 2 columns hidden (ARCH, PLATFORM)"
else
    fail "100 columns wide, the header says 2 columns hidden (ARCH, PLATFORM)" "$(screen_text | head -4)"
fi
tmux_ send-keys -t "$pane" q
wait_until 10 ended

# Mouse turned on in F2 at run time: a wheel turn (as the terminal reports it, X10 encoding) moves the
# selection three rows.
selected_id() { screen_text | sed -n 's/^ *ID  *\(img-[a-z0-9]*\).*/\1/p' | head -n 1; }
fourth_row_id() { list_rows | sed -n 4p | awk '{ print $1 }'; }
selected_is_fourth() { [[ -n $(selected_id) && $(selected_id) == "$(fourth_row_id)" ]]; }
start_session mouse 120 30 "XDG_CONFIG_HOME=$work/mouse-config" -- "${demo[@]}"
if wait_until 60 has_rows 5; then
    tmux_ send-keys -t "$pane" F2
    wait_until 10 screen_has " setup "
    tmux_ send-keys -t "$pane" End
    wait_until 5 cursor_on "Mouse"
    tmux_ send-keys -t "$pane" Space
    wait_until 5 cursor_on "on"
    tmux_ send-keys -t "$pane" Escape
    wait_until 10 screen_has "saved to"
    tmux_ send-keys -t "$pane" -l $'\e[M\x61\x2a\x2a'
    if wait_until 10 selected_is_fourth; then
        pass "mouse turned on in F2: the wheel moves the selection at once"
    else
        fail "mouse turned on in F2: the wheel moves the selection at once" "$(screen_text)"
    fi
    if grep -qx "mouse: true" "$work/mouse-config/qcimages/config.yaml" 2>/dev/null; then
        pass "the file holds mouse: true"
    else
        fail "the file holds mouse: true" "$(cat "$work/mouse-config/qcimages/config.yaml" 2>&1)"
    fi
    tmux_ send-keys -t "$pane" q
    wait_until 10 ended
else
    fail "the demo opens (mouse)" "$(screen_text)"
fi

# A config directory the user cannot write to (as nobody when run as root: root ignores mode bits).
# F2, OWNER added, Esc: a check that the footer then holds `expected`, and the footer shown.
add_owner_and_leave() { # expected description
    tmux_ send-keys -t "$pane" F2
    wait_until 10 screen_has " setup "
    move_cursor_to "OWNER" && tmux_ send-keys -t "$pane" Space
    tmux_ send-keys -t "$pane" Escape
    if wait_until 10 screen_has "$1"; then
        pass "$2"
    else
        fail "$2" "$(screen_text | tail -3)"
    fi
    echo "     footer: $(screen_text | tail -n 1)"
}

readonly_home="$work/readonly"
mkdir -p "$readonly_home/qcimages"
printf 'refresh: 0\n' >"$readonly_home/qcimages/config.yaml"
chmod 555 "$readonly_home/qcimages"
touch "$work/readonly-dir.log"
if ((EUID == 0)); then
    chown nobody "$work/readonly-dir.log"
    session_wrapper=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
start_session readonly-dir 120 30 "XDG_CONFIG_HOME=$readonly_home" HOME=/nonexistent -- "${demo[@]}"
session_wrapper=()
if wait_until 60 has_rows 5; then
    add_owner_and_leave "settings not saved to $readonly_home/qcimages/config.yaml" \
        "a read-only config directory: the footer says the settings were not saved, in one line"
    tmux_ send-keys -t "$pane" Down
    if header_titles | grep -q OWNER && ! ended; then
        pass "the browser goes on, OWNER shown for this session"
    else
        fail "the browser goes on, OWNER shown for this session" "$(screen_text | head -4)"
    fi
    if [[ $(cat "$readonly_home/qcimages/config.yaml") == "refresh: 0" ]]; then
        pass "the read-only file is unchanged"
    else
        fail "the read-only file is unchanged" "$(cat "$readonly_home/qcimages/config.yaml")"
    fi
    tmux_ send-keys -t "$pane" q
    wait_until 10 ended
else
    fail "the browser opens with a read-only config directory" "$(screen_text)"
fi
chmod 755 "$readonly_home/qcimages"

# A full disk (a 64 KiB tmpfs filled up, as root): the footer says the settings were not saved, and why, in
# one line; the file is unchanged and no temporary file is left beside it.
full_home="$work/full"
mkdir -p "$full_home"
if ((EUID == 0)) && mount -t tmpfs -o size=64k tmpfs "$full_home" 2>/dev/null; then
    mkdir -p "$full_home/qcimages"
    printf 'refresh: 0\n' >"$full_home/qcimages/config.yaml"
    dd if=/dev/zero of="$full_home/filler" bs=4k 2>/dev/null
    start_session full-disk 120 30 "XDG_CONFIG_HOME=$full_home" -- "${demo[@]}"
    if wait_until 60 has_rows 5; then
        add_owner_and_leave "no space left on the device" \
            "a full disk: the footer says the settings were not saved: no space left on the device"
        left=$(ls -A "$full_home/qcimages")
        if [[ $(cat "$full_home/qcimages/config.yaml") == "refresh: 0" && $left == "config.yaml" ]]; then
            pass "a full disk: the file is unchanged, no temporary file left beside it"
        else
            fail "a full disk: the file is unchanged, no temporary file left beside it" "$left: $(cat "$full_home/qcimages/config.yaml")"
        fi
        tmux_ send-keys -t "$pane" q
        wait_until 10 ended
    else
        fail "the browser opens with a full disk" "$(screen_text)"
    fi
    umount "$full_home"
else
    echo "skip a full disk: mounting a small tmpfs needs root"
fi

finish_checks
