"""How long the built-in demo takes to start: the time from starting `qcimages --demo` in tmux to its
first image rows on the screen, the same for `qcimages pick --demo` (which draws on /dev/tty), and the
wall time of `qcimages list --demo -L 1`, median of RUNS each.
Prints a table, one row per binary, so that a build before a change and one after can be compared.

Usage: python3 Tests/Benchmarks/demo_start_bench.py [--runs N] [--zones Z] LABEL=PATH_TO_QCIMAGES...
  LABEL=PATH    a qcimages binary and the name of its row (a release build for the figures)
  --runs N      runs of each measurement (default 5)
  --zones Z     the browser's -z (default: none, the demo's first zone; `all` opens the three)

Needs tmux; it runs on a private socket and stops its own server.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

SOCKET = f"demo-start-bench-{os.getpid()}"
ROW_MARK = "img-"


def arguments():
    runs, zones, binaries, words = 5, None, [], iter(sys.argv[1:])
    for word in words:
        if word == "--runs":
            runs = int(next(words))
        elif word == "--zones":
            zones = next(words)
        elif "=" in word:
            label, path = word.split("=", 1)
            binaries.append((label, os.path.abspath(path)))
        else:
            sys.exit(f"demo_start_bench: {word!r} is not LABEL=PATH (see --help in the file's docstring)")
    if not binaries:
        sys.exit(__doc__)
    return runs, zones, binaries


def tmux(*words, check=True):
    return subprocess.run(["tmux", "-L", SOCKET, *words], capture_output=True, text=True, check=check)


def first_rows_seconds(binary, zones, home, subcommand=""):
    """Starts the browser (or `subcommand`: pick) in a new tmux window and polls the screen until an image
    row shows."""
    command = f"HOME={home} exec {binary} {subcommand} --demo" + (f" -z {zones}" if zones else "")
    started = time.monotonic()
    tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", command)
    deadline = started + 30
    try:
        while time.monotonic() < deadline:
            screen = tmux("capture-pane", "-p", "-t", "bench", check=False).stdout
            if ROW_MARK in screen:
                return time.monotonic() - started
            time.sleep(0.002)
        raise TimeoutError(f"{binary}: no image row on the screen within 30 s")
    finally:
        tmux("send-keys", "-t", "bench", "q", check=False)
        while tmux("has-session", "-t", "bench", check=False).returncode == 0:
            time.sleep(0.01)


def list_seconds(binary, home):
    started = time.monotonic()
    subprocess.run([binary, "list", "--demo", "-L", "1", "-o", "ids"], env={**os.environ, "HOME": home},
                   capture_output=True, check=True)
    return time.monotonic() - started


def main():
    runs, zones, binaries = arguments()
    table = []
    with tempfile.TemporaryDirectory() as home:
        tmux("new-session", "-d", "-s", "keep")  # the server outlives each measured session
        try:
            for label, binary in binaries:
                rows = statistics.median(first_rows_seconds(binary, zones, home) for _ in range(runs))
                picked = statistics.median(first_rows_seconds(binary, zones, home, "pick") for _ in range(runs))
                listed = statistics.median(list_seconds(binary, home) for _ in range(runs))
                table.append((label, rows, picked, listed))
        finally:
            tmux("kill-server", check=False)
    browser = "--demo" + (f" -z {zones}" if zones else "")
    print(f"{'binary':<16} {'first rows of ' + browser:>24} {'of pick ' + browser:>18} {'list --demo -L 1':>18}"
          f"   (median of {runs})")
    for label, rows, picked, listed in table:
        print(f"{label:<16} {rows * 1000:>21.0f} ms {picked * 1000:>15.0f} ms {listed * 1000:>15.0f} ms")


if __name__ == "__main__":
    main()
