#!/usr/bin/env python3
"""Pasting a long filter into the real browser in tmux: how long until the filter is applied, and how
long Ctrl-C takes to end the browser when it is pressed right after the paste. Prints a table.

Usage: Tests/Benchmarks/paste_bench.py path/to/qcimages [images]   (default 100000 demo images)

Two texts: 10,000 characters of words, and 400 image ids joined by "|". Each is sent twice: as keys
(`tmux send-keys -l`, as a terminal without bracketed paste delivers a paste) and as a bracketed paste
(`tmux paste-buffer -p`, which tmux wraps in ESC[200~ ... ESC[201~ when the program asked for it).
Runs on its own tmux socket and kills only that server.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

binary = os.path.realpath(sys.argv[1])
images = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
socket = f"qcimages-paste-bench-{os.getpid()}"
work = tempfile.mkdtemp(prefix="qcimages-paste-")
TIMEOUT = 300


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args],
                          capture_output=True, text=True, check=check).stdout


def screen(name):
    return tmux("capture-pane", "-p", "-J", "-t", name, check=False)


def wait(predicate, timeout=TIMEOUT):
    """Seconds until predicate() holds (polled every 20 ms), or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def start(name):
    tmux("new-session", "-d", "-s", name, "-x", "160", "-y", "45",
         f"{binary} --demo --demo-images {images} --refresh 0 --log-file {work}/{name}.log; "
         "echo PASTE-BENCH-EXIT; sleep 600")

    def loaded():
        lines = screen(name).splitlines()
        return len(lines) > 1 and " images" in lines[1] and " loaded" not in lines[1]
    if wait(loaded, 600) is None:
        sys.exit(f"{name}: the catalogue did not load:\n{screen(name)}")
    tmux("send-keys", "-t", name, "/")
    wait(lambda: screen(name).rstrip().splitlines()[-1].startswith("/"), 20)


def deliver(name, text, how):
    if how == "keys":
        tmux("send-keys", "-t", name, "-l", text)
    else:
        tmux("set-buffer", "-b", "bench", text)
        tmux("paste-buffer", "-p", "-d", "-b", "bench", "-t", name)


def applied(name, marker):
    lines = screen(name).rstrip().splitlines()
    return bool(lines) and marker in lines[-1] and len(lines) > 1 and "match" in lines[1]


def measure(label, text, marker, how):
    name = f"apply{random.randrange(1 << 30)}"
    start(name)
    t0 = time.monotonic()
    deliver(name, text, how)
    applied_after = wait(lambda: applied(name, marker))
    tmux("kill-session", "-t", name, check=False)

    name = f"quit{random.randrange(1 << 30)}"
    start(name)
    deliver(name, text, how)
    t0 = time.monotonic()
    tmux("send-keys", "-t", name, "C-c")
    quit_after = wait(lambda: "PASTE-BENCH-EXIT" in screen(name))
    tmux("kill-session", "-t", name, check=False)
    show = lambda s: "> %d s (gave up)" % TIMEOUT if s is None else f"{s:.2f} s"
    print(f"| {label:<44} | {how:<16} | {show(applied_after):>16} | {show(quit_after):>16} |", flush=True)


rng = random.Random(8)
vocabulary = ["ubuntu", "server", "centos", "debian", "64bit", "lts", "cloud", "image", "desktop", "kylin",
              "windows", "2022", "minimal", "docker", "gpu", "arm", "base", "prod", "test", "web"]
words = []
while len(" ".join(words)) < 10_000 - 12:
    words.append(rng.choice(vocabulary) + str(rng.randrange(100)))
words_text = " ".join(words) + " zzpasteend"
words_text = words_text[-10_000:]
ids = ["img-" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8)) for _ in range(399)]
ids_text = "|".join(ids + ["img-zzend000"])

# One session lives for the whole run, so that the server does not exit (and race the next start)
# each time a measured session is killed.
tmux("new-session", "-d", "-s", "keeper", "sleep 86400")
print(f"{images:,} demo images, {binary}")
print(f"| {'text':<44} | {'delivered as':<16} | {'filter applied':>16} | {'Ctrl-C answered':>16} |")
print(f"|{'-' * 46}|{'-' * 18}|{'-' * 18}|{'-' * 18}|")
try:
    for how in ["keys", "bracketed paste"]:
        measure(f"10,000 characters of words ({len(words)} terms)", words_text, "zzpasteend", how)
        measure("400 ids joined by | (5,199 characters)", ids_text, "img-zzend000", how)
finally:
    tmux("kill-server", check=False)
