#!/usr/bin/env bash
# The field test: the real `qcimages` binary as a user on a jump host runs it. HTTPS against
# `qcimages simulate --tls` with --ca-file, SSL_CERT_FILE and SSL_CERT_DIR (list, and the browser in tmux), the one
# line of every TLS and CA-file failure, proxies through a real tinyproxy on loopback (CONNECT, plain
# HTTP, NO_PROXY, a refused proxy, 407) and a real SOCKS5 proxy (microsocks), $HOME and XDG_STATE_HOME,
# and `c` in tmux with set-clipboard on.
# Every process it starts is stopped; traffic stays on loopback. Prints one line per check and ends with
# "N passed, M failed".
#
# Usage: Tests/Field/run.sh path/to/qcimages      (needs tmux, tinyproxy and microsocks: apt-get install tmux tinyproxy microsocks)
set -uo pipefail

if [[ $# -ne 1 || ! -x $1 ]]; then
    echo "usage: $0 path/to/qcimages" >&2
    exit 2
fi
binary=$(realpath "$1")
for tool in tmux tinyproxy microsocks python3; do
    command -v "$tool" >/dev/null || { echo "$tool is required (apt-get install $tool)" >&2; exit 2; }
done

work=$(mktemp -d)
socket="qcimages-field-$$"
pids=()
tmux_() { tmux -L "$socket" -f "$work/tmux.conf" "$@"; }

cleanup() {
    tmux_ kill-server 2>/dev/null
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    [[ -n ${KEEP_WORK:-} ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# shellcheck source=Tests/EndToEnd/checks.sh
source "$(dirname "$0")/../EndToEnd/checks.sh"

# --- simulators ----------------------------------------------------------------------------------------

# start_simulator NAME [simulate arguments...]: sets NAME_url (and NAME_ca with --tls) from its banner.
start_simulator() {
    local name=$1
    shift
    local fd
    exec {fd}< <(exec "$binary" simulate --port 0 --images 40 "$@" 2>"$work/$name.err")
    pids+=($!)
    local url="" second=""
    read -r -t 60 url <&"$fd"
    read -r -t 10 second <&"$fd"
    printf -v "${name}_url" '%s' "$url"
    printf -v "${name}_ca" '%s' "${second#ca_file: }"
    if [[ $url != http*://* ]]; then
        fail "simulator $name starts" "first line: $url; stderr: $(cat "$work/$name.err")"
        echo "$passed passed, $failed failed"
        exit 1
    fi
}

start_simulator tls --tls
start_simulator plain
start_simulator expired --tls --tls-flaw expired
start_simulator wronghost --tls --tls-flaw wrong-host
if [[ $tls_url == https://127.0.0.1:*/iaas/ && -s $tls_ca ]] && grep -q 'BEGIN CERTIFICATE' "$tls_ca"; then
    pass "simulate --tls prints its https URL, then the CA's file ($tls_ca)"
else
    fail "simulate --tls prints its https URL, then the CA's file" "url: $tls_url; ca: $tls_ca"
fi

credentials=(QINGCLOUD_ACCESS_KEY=QYDEMOACCESSKEY0001 QINGCLOUD_SECRET_KEY=demo-secret-access-key QINGCLOUD_ZONE=pek3a)
# qc ENDPOINT [VAR=value...] -- [list arguments]: runs `qcimages list` with a clean environment;
# stdout to $work/out, stderr to $work/err, status in $status.
qc() {
    local endpoint=$1 assignments arguments
    shift
    split_assignments "$@"
    env -i PATH="$PATH" HOME="$work/home" "${credentials[@]}" QINGCLOUD_ENDPOINT="$endpoint" "${assignments[@]}" \
        "$binary" list -o ids "${arguments[@]}" >"$work/out" 2>"$work/err"
    status=$?
}
mkdir -p "$work/home"

expect_rows() { # description: the last qc printed every id (as many as over plain HTTP) and nothing on stderr
    if [[ $status -eq 0 && $(grep -c '^img-' "$work/out") -eq $expected_ids && ! -s $work/err ]]; then
        pass "$1"
    else
        fail "$1" "status $status; stderr: $(cat "$work/err"); stdout: $(head -3 "$work/out")"
    fi
}
expect_line() { # description expected-line: the last qc failed with exactly that one line on stderr
    if [[ $status -eq 1 && $(wc -l <"$work/err") -eq 1 && $(cat "$work/err") == "$2" ]]; then
        pass "$1: $(cat "$work/err")"
    else
        fail "$1" "status $status; expected: $2; stderr: $(cat "$work/err")"
    fi
}
expect_match() { # description extended-regex: like expect_line, for lines with a date or a port in them
    if [[ $status -eq 1 && $(wc -l <"$work/err") -eq 1 ]] && grep -qE "$2" "$work/err"; then
        pass "$1: $(cat "$work/err")"
    else
        fail "$1" "status $status; expected /$2/; stderr: $(cat "$work/err")"
    fi
}

# --- 1. HTTPS with the private CA ------------------------------------------------------------------------

expected_ids=0
qc "$plain_url" --
expected_ids=$(grep -c '^img-' "$work/out")
if [[ $status -eq 0 && $expected_ids -gt 0 ]]; then pass "list over plain HTTP: $expected_ids ids"; else
    fail "list over plain HTTP" "status $status; $(cat "$work/err")"; fi

qc "$tls_url" -- --ca-file "$tls_ca"
expect_rows "list over HTTPS with --ca-file"
qc "$tls_url" SSL_CERT_FILE="$tls_ca" --
expect_rows "list over HTTPS with SSL_CERT_FILE"
cp "$tls_ca" "$work/home/corp-ca.pem"
qc "${tls_url/127.0.0.1/localhost}" -- --ca-file '~/corp-ca.pem'
expect_rows "list over HTTPS by the name localhost, --ca-file with ~ (\$HOME)"

mkdir "$work/certs" "$work/more-certs"
cp "$tls_ca" "$work/certs/corp.pem"
echo "not a certificate" >"$work/certs/README"
cp "$expired_ca" "$work/more-certs/other.pem"
qc "$tls_url" SSL_CERT_DIR="$work/more-certs:$work/certs" --
expect_rows "list over HTTPS with SSL_CERT_DIR (two directories, the CA beside a file that is not one)"
qc "$tls_url" SSL_CERT_DIR="$work/no-certs" --
expect_line "SSL_CERT_DIR missing" "qcimages: CA directory $work/no-certs (SSL_CERT_DIR) does not exist"

qc "$tls_url" --
expect_line "untrusted issuer" \
    "qcimages: the certificate of $tls_url (issued by qcimages simulator throwaway CA) is not trusted: pass --ca-file or set SSL_CERT_FILE"
expired_line="^qcimages: the certificate of ${expired_url//./\\.} expired on [0-9-]+ [0-9:]+ UTC: the server must renew it \(or check this machine's clock\)$"
qc "$expired_url" -- --ca-file "$expired_ca"
expect_match "expired certificate" "$expired_line"
qc "$wronghost_url" -- --ca-file "$wronghost_ca"
expect_line "hostname mismatch" \
    "qcimages: the certificate of $wronghost_url is for another host (it names qingcloud.invalid): use a host name it names in the endpoint"
qc "${plain_url/http:/https:}" --
expect_line "TLS spoken to a plain-HTTP port" \
    "qcimages: ${plain_url/http:/https:} answers in plain HTTP, not TLS: use http:// (protocol: http in the config) or the TLS port"
qc "${tls_url/https:/http:}" --
expect_line "plain HTTP spoken to a TLS port" \
    "qcimages: ${tls_url/https:/http:} expects TLS: use https:// (protocol: https in the config)"

qc "$tls_url" -- --ca-file "$work/nowhere.pem"
expect_line "CA file missing" "qcimages: CA file $work/nowhere.pem (--ca-file) does not exist"
echo "not a certificate" >"$work/notes.txt"
qc "$tls_url" SSL_CERT_FILE="$work/notes.txt" --
expect_line "CA file not PEM" \
    "qcimages: CA file $work/notes.txt (SSL_CERT_FILE) holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block)"
if [[ $(id -u) -eq 0 ]]; then unreadable=/proc/self/mem; else
    unreadable="$work/locked.pem"
    cp "$tls_ca" "$unreadable"
    chmod 000 "$unreadable"
fi
qc "$tls_url" -- --ca-file "$unreadable"
expect_match "CA file unreadable" "^qcimages: cannot read the CA file $unreadable \(--ca-file\): [a-z/ ]+$"
if grep -rqE '\.(cc|c|swift):[0-9]+|/\.build/|checkouts' "$work/err"; then
    fail "no build paths in messages" "$(cat "$work/err")"
fi

# --- 2. proxies: tinyproxy on loopback -------------------------------------------------------------------

# start_proxy NAME [config lines...]: sets NAME_port; its log is $work/NAME.log.
start_proxy() {
    local name=$1 port
    shift
    port=$(free_port)
    {
        echo "Port $port"
        echo "Listen 127.0.0.1"
        echo "Allow 127.0.0.1"
        echo "Timeout 30"
        echo "LogLevel Info"
        echo "LogFile \"$work/$name.log\""
        echo "PidFile \"$work/$name.pid\""
        printf '%s\n' "$@"
    } >"$work/$name.conf"
    : >"$work/$name.log"
    tinyproxy -d -c "$work/$name.conf" >"$work/$name.out" 2>&1 &
    pids+=($!)
    printf -v "${name}_port" '%s' "$port"
    local ready=0
    for _ in $(seq 100); do
        if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then ready=1; break; fi
        sleep 0.1
    done
    ((ready)) || fail "tinyproxy $name starts" "$(cat "$work/$name.out" "$work/$name.log")"
}
start_proxy proxy
start_proxy authproxy "BasicAuth alice s3cret"
tls_hostport=${tls_url#https://}
tls_hostport=${tls_hostport%%/*}
plain_hostport=${plain_url#http://}
plain_hostport=${plain_hostport%%/*}

qc "$tls_url" https_proxy="http://127.0.0.1:$proxy_port" -- --ca-file "$tls_ca"
expect_rows "HTTPS through the proxy (https_proxy)"
if grep -q "CONNECT $tls_hostport" "$work/proxy.log"; then pass "the proxy saw CONNECT $tls_hostport"; else
    fail "the proxy saw CONNECT $tls_hostport" "$(tail -5 "$work/proxy.log")"; fi
qc "$plain_url" HTTP_PROXY="http://127.0.0.1:$proxy_port" --
expect_rows "plain HTTP through the proxy (HTTP_PROXY)"
if grep -q "CONNECT $plain_hostport" "$work/proxy.log"; then pass "the proxy saw CONNECT $plain_hostport (plain HTTP is tunnelled too)"; else
    fail "the proxy saw CONNECT $plain_hostport" "$(tail -5 "$work/proxy.log")"; fi

before=$(wc -l <"$work/proxy.log")
qc "$tls_url" HTTPS_PROXY="http://127.0.0.1:$proxy_port" NO_PROXY="localhost,127.0.0.0/8" -- --ca-file "$tls_ca"
expect_rows "NO_PROXY 127.0.0.0/8 goes direct"
if [[ $(wc -l <"$work/proxy.log") -eq $before ]]; then pass "the proxy saw nothing of it"; else
    fail "the proxy saw nothing of it" "$(tail -3 "$work/proxy.log")"; fi

dead_port=$(free_port)
qc "$tls_url" HTTPS_PROXY="http://127.0.0.1:$proxy_port" https_proxy="http://127.0.0.1:$dead_port" -- --ca-file "$tls_ca"
expect_line "a refused proxy (lowercase https_proxy wins)" \
    "qcimages: the proxy http://127.0.0.1:$dead_port (from https_proxy) refused the connection; check the proxy variable, or list the host in NO_PROXY"
qc "$tls_url" https_proxy="http://127.0.0.1:$authproxy_port" -- --ca-file "$tls_ca"
expect_line "a proxy that demands authentication (CONNECT)" \
    "qcimages: the proxy http://127.0.0.1:$authproxy_port (from https_proxy) demands authentication: put the user and password in its URL (http://user:password@host:port)"
qc "$plain_url" http_proxy="http://127.0.0.1:$authproxy_port" --
expect_line "a proxy that demands authentication (plain HTTP, http_proxy)" \
    "qcimages: the proxy http://127.0.0.1:$authproxy_port (from http_proxy) demands authentication: put the user and password in its URL (http://user:password@host:port)"
# tinyproxy answers wrong credentials with 401, not 407: a refused CONNECT.
qc "$tls_url" https_proxy="http://alice:wrong-pass@127.0.0.1:$authproxy_port" -- --ca-file "$tls_ca"
expect_line "a proxy that refuses the tunnel with wrong credentials (never printed)" \
    "qcimages: the proxy http://127.0.0.1:$authproxy_port (from https_proxy) would not connect to $tls_url: check the user and password in its URL, ask its administrator, or list the host in NO_PROXY"
if grep -q "wrong-pass" "$work/err"; then fail "the password is never printed" "$(cat "$work/err")"; fi
qc "$tls_url" https_proxy="http://alice:s3cret@127.0.0.1:$authproxy_port" -- --ca-file "$tls_ca"
expect_rows "HTTPS through a proxy with user and password"

# Through a proxy the diagnosis goes through the same tunnel: the line names the real fault.
qc "$expired_url" https_proxy="http://127.0.0.1:$proxy_port" -- --ca-file "$expired_ca"
expect_match "expired certificate through the proxy" "$expired_line"
qc "$wronghost_url" https_proxy="http://alice:s3cret@127.0.0.1:$authproxy_port" -- --ca-file "$wronghost_ca"
expect_line "hostname mismatch through a proxy with user and password" \
    "qcimages: the certificate of $wronghost_url is for another host (it names qingcloud.invalid): use a host name it names in the endpoint"
qc "${tls_url/https:/http:}" http_proxy="http://127.0.0.1:$proxy_port" --
expect_line "plain HTTP spoken to a TLS port through the proxy" \
    "qcimages: ${tls_url/https:/http:} expects TLS: use https:// (protocol: https in the config)"

# A SOCKS5 proxy (microsocks on loopback), named by all_proxy as curl reads it.
socks_port=$(free_port)
microsocks -i 127.0.0.1 -p "$socks_port" >"$work/socks.log" 2>&1 &
pids+=($!)
wait_until 10 python3 -c "import socket; socket.create_connection(('127.0.0.1', $socks_port), 1)" 2>/dev/null ||
    fail "microsocks starts" "$(cat "$work/socks.log")"
qc "$tls_url" all_proxy="socks5://127.0.0.1:$socks_port" -- --ca-file "$tls_ca"
expect_rows "HTTPS through a SOCKS5 proxy (all_proxy)"
qc "$expired_url" all_proxy="socks5://127.0.0.1:$socks_port" -- --ca-file "$expired_ca"
expect_match "expired certificate through the SOCKS5 proxy" "$expired_line"
if grep -q "connected to $tls_hostport" "$work/socks.log"; then pass "the SOCKS5 proxy connected to $tls_hostport"; else
    fail "the SOCKS5 proxy connected to $tls_hostport" "$(tail -3 "$work/socks.log")"; fi

# --- 3. $HOME and XDG_STATE_HOME ------------------------------------------------------------------------

mkdir -p "$work/d/.qingcloud"
cat >"$work/d/.qingcloud/config.yaml" <<EOF
qy_access_key_id: 'QYDEMOACCESSKEY0001'
qy_secret_access_key: 'demo-secret-access-key'
zone: 'pek3a'
host: '127.0.0.1'
port: ${tls_hostport##*:}
protocol: 'https'
uri: '/iaas/'
EOF
chmod 600 "$work/d/.qingcloud/config.yaml"
env -i PATH="$PATH" HOME="$work/d" "$binary" list -o ids --ca-file "$tls_ca" >"$work/out" 2>"$work/err"
status=$?
expect_rows "HOME=D: D/.qingcloud/config.yaml over HTTPS (the private-cloud config)"

# --- 4. the browser in tmux: HTTPS, the default log, and c into a tmux buffer ----------------------------

cat >"$work/tmux.conf" <<'EOF'
set -g default-terminal tmux-256color
set -g status off
set -g set-clipboard on
set -s exit-empty off
EOF
pane=""
screen_text() { tmux_ capture-pane -p -t "$pane" 2>/dev/null; }
has_rows() { (($(screen_text | grep -cE '^ ?img-[a-z0-9]+ ') >= 5)); }
screen_has() { screen_text | grep -qF -- "$1"; }
browse() { # name [VAR=value...] -- [arguments]
    pane=$1
    shift
    local assignments arguments
    split_assignments "$@"
    # A clean environment but for TMUX, which tmux sets in the pane: the browser asks tmux through it.
    tmux_ new-session -d -s "$pane" -x 120 -y 40 sh -c 'exec env -i TMUX="$TMUX" "$@"' sh \
        PATH="$PATH" TERM=tmux-256color HOME="$work/d" "${assignments[@]}" "$binary" "${arguments[@]}"
}
quit_browser() {
    tmux_ send-keys -t "$pane" q
    wait_until 10 bash -c "! tmux -L '$socket' has-session -t '$pane' 2>/dev/null"
}

browse cafile XDG_STATE_HOME= -- --ca-file "$tls_ca"
if wait_until 60 has_rows; then pass "the browser over HTTPS with --ca-file shows rows"; else
    fail "the browser over HTTPS with --ca-file shows rows" "$(screen_text)"; fi
selected=$(screen_text | grep -oE '^ ?img-[a-z0-9]+' | head -1 | tr -d ' ')
tmux_ send-keys -t cafile c
buffer_is() { [[ $(tmux_ show-buffer 2>/dev/null) == "$1" ]]; }
if wait_until 10 buffer_is "$selected"; then pass "c with set-clipboard on puts $selected in a tmux buffer"; else
    fail "c with set-clipboard on puts the id in a tmux buffer" "buffer: $(tmux_ show-buffer 2>&1); screen: $(screen_text | tail -2)"; fi
if screen_has "copied $selected"; then pass "the footer says copied $selected"; else fail "the footer says copied" "$(screen_text | tail -2)"; fi
quit_browser
if [[ -s $work/d/.local/state/qcimages/qcimages.log ]]; then pass "the log went to \$HOME/.local/state/qcimages/qcimages.log"; else
    fail "the log went to \$HOME/.local/state" "$(find "$work/d" -type f)"; fi

browse certfile SSL_CERT_FILE="$tls_ca" XDG_STATE_HOME="$work/state" --
if wait_until 60 has_rows; then pass "the browser over HTTPS with SSL_CERT_FILE shows rows"; else
    fail "the browser over HTTPS with SSL_CERT_FILE shows rows" "$(screen_text)"; fi
quit_browser
if [[ -s $work/state/qcimages/qcimages.log ]]; then pass "the log went to \$XDG_STATE_HOME/qcimages/qcimages.log"; else
    fail "the log went to \$XDG_STATE_HOME" "$(find "$work" -name qcimages.log)"; fi

browse untrusted XDG_STATE_HOME="$work/state" --
# The list pane's text (left of the detail pane) as one line: the error is wrapped there.
list_has() { screen_text | sed 's/│.*//' | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1"; }
if wait_until 30 list_has "is not trusted: pass --ca-file or set SSL_CERT_FILE"; then
    pass "the browser without the CA shows the whole line, fix included, where the images would be"
else
    fail "the browser without the CA shows the whole line, fix included" "$(screen_text)"
fi
quit_browser

tmux_ set -g set-clipboard external
tmux_ set -g allow-passthrough off
tmux_ delete-buffer 2>/dev/null
browse external XDG_STATE_HOME="$work/state" -- --ca-file "$tls_ca"
wait_until 60 has_rows
tmux_ send-keys -t external c
if wait_until 10 screen_has "cannot copy: tmux drops it (set-clipboard external); run: tmux set -g set-clipboard on" \
    && ! screen_has "copied" && ! tmux_ show-buffer >/dev/null 2>&1; then
    pass "with set-clipboard external, c says how to fix it instead of \"copied\""
else
    fail "with set-clipboard external, c says how to fix it" "$(screen_text | tail -2)"
fi
# The fix, as the line says, in the running session: the next c copies (tmux is asked at each copy).
tmux_ set -g set-clipboard on
tmux_ send-keys -t external c
if wait_until 10 screen_has "copied img-" && tmux_ show-buffer 2>/dev/null | grep -q '^img-'; then
    pass "after tmux set -g set-clipboard on, the next c copies ($(tmux_ show-buffer)) without a restart"
else
    fail "after tmux set -g set-clipboard on, the next c copies" "$(screen_text | tail -2); buffer: $(tmux_ show-buffer 2>&1)"
fi
quit_browser

finish_checks
