"""Terminal-side benchmarks of the real qcimages binary in a pseudo-terminal, against `qcimages simulate`.

Measures what a user over SSH feels: time until the first rows are on screen, bytes written to the
terminal per keystroke (for a selection move also split by screen region, in several layouts), and bytes
and CPU time while the screen is idle, with live refresh off and on. Prints a table.

Then runs list_bench.py beside it: `qcimages list` against QingCloud's official Python SDK (its venv is
made and filled from PyPI by that script) for time, CPU and memory.

Usage: python3 Tests/Benchmarks/terminal_bench.py PATH_TO_QCIMAGES [IMAGES] [--dump] [--no-sdk]
  PATH_TO_QCIMAGES  a release build for the figures; a debug build is fine for byte counts
  IMAGES            images in the simulated catalogue (default 100,000; 10,000 is quicker)
  --dump            also print the exact bytes of one selection move per layout (as `cat -v` would)
  --no-sdk          skip list_bench.py
"""
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
import unicodedata

ARGUMENTS = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
BINARY = os.path.abspath(ARGUMENTS[0])
IMAGES = int(ARGUMENTS[1]) if len(ARGUMENTS) > 1 else 100_000
DUMP = "--dump" in sys.argv
WIDE = (160, 45)
# Layouts for selection moves: (columns, rows, what Layout.swift does at that size).
MOVE_LAYOUTS = [(160, 45, "detail beside"), (80, 24, "detail below"), (80, 14, "list only"), (40, 12, "list only")]
MOVES = 30
rows = []


def start_simulator():
    process = subprocess.Popen([BINARY, "simulate", "--port", "0", "--images", str(IMAGES), "--seed", "3"],
                               stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    return process, url


def first_image_id(env):
    out = subprocess.run([BINARY, "list", "-O", "0", "-L", "1", "-o", "ids"], env=env, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


class Session:
    def __init__(self, env, *flags, program=BINARY):
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(program, [program, *flags], env)
        self.set_size(WIDE)
        self.output = bytearray()

    def set_size(self, size):
        """Resizes the pseudo-terminal; the kernel sends SIGWINCH to the program."""
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return b""
        self.output += data
        return data

    def wait_for(self, needle, timeout, since=0):
        """Reads until `needle` has been written (at or after offset `since`); returns the time it was seen."""
        deadline = time.monotonic() + timeout
        while needle not in self.output[since:]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{needle!r} did not appear")
            self.read(deadline - time.monotonic())
        return time.monotonic()

    def quiet(self, quiet_for, timeout):
        """Reads until nothing arrives for `quiet_for` seconds; returns the bytes read."""
        total, deadline = 0, time.monotonic() + timeout
        while time.monotonic() < deadline:
            data = self.read(quiet_for)
            if not data:
                return total
            total += len(data)
        return total

    def written_after(self, keys):
        """The bytes the program writes in answer to `keys` (until it has been quiet for 0.3 s)."""
        start = len(self.output)
        os.write(self.fd, keys)
        self.quiet(0.3, 10)
        return bytes(self.output[start:])

    def bytes_after(self, keys):
        return len(self.written_after(keys))

    def top_at(self, size):
        """Resizes, lets the redraw pass, and selects the first row."""
        self.set_size(size)
        self.quiet(0.5, 10)
        self.bytes_after(b"g")

    def memory_mb(self):
        """Resident memory now and at its peak, in MB."""
        with open(f"/proc/{self.pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def idle(self, seconds):
        """Bytes written and CPU % over `seconds` of doing nothing."""
        cpu_before = self.cpu_seconds()
        written = self.quiet(seconds, seconds + 0.5)
        return written, (self.cpu_seconds() - cpu_before) / seconds * 100

    def quit(self):
        os.write(self.fd, b"q")
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def regions(columns, lines):
    """Screen regions at a size, as Sources/ImageBrowser/Layout.swift places them (no error line).

    A copy of Layout's arithmetic: when Layout changes, change this too, or the split by region is wrong
    (the totals per move are not affected)."""
    header, footer = 2, lines - 1
    body = lines - header - 1
    # Beside from 125 columns (12-character IDs, one zone): the list keeps NAME 31 (80 columns) beside a
    # detail pane of at least 44, takes three fifths as the terminal grows, and stops at NAME 64 (134).
    if columns >= 125:
        list_width = min(134, max(80, columns - 1 - max(44, columns * 2 // 5)))
        return lambda row, column: ("header" if row < header else "footer" if row >= footer
                                    else "list" if column < list_width else "detail")
    if body >= 15:
        detail_top = header + body - max(6, body * 2 // 5)
        return lambda row, column: ("header" if row < header else "footer" if row >= footer
                                    else "list" if row < detail_top else "detail")
    return lambda row, column: "header" if row < header else "footer" if row >= footer else "list"


def split_by_region(data, region_of):
    """Attributes each byte of terminal output to a screen region.

    Follows the cursor through the sequences ncurses uses (CUP, VPA, HPA, relative moves, CR, BS, REP).
    Cursor moves and attribute changes count for the region of the next cell drawn; text and erasures
    (EL, ECH, DCH) for the region of the cell they start at.
    """
    counts, pending = {}, 0
    row = column = 0
    text = data.decode("utf-8", "replace")
    index = 0
    while index < len(text):
        character = text[index]
        draws = False
        if character == "\x1b":
            end = index + 1
            if end < len(text) and text[end] == "[":
                end += 1
                while end < len(text) and not ("@" <= text[end] <= "~"):
                    end += 1
                final, parameters = text[end], text[index + 2:end]
                numbers = [int(part) if part.isdigit() else 0 for part in parameters.lstrip("?").split(";")]
                count = max(1, numbers[0])
                if final in "Hf":
                    row, column = max(1, numbers[0]) - 1, (max(1, numbers[1]) - 1 if len(numbers) > 1 else 0)
                elif final == "d":
                    row = count - 1
                elif final == "G":
                    column = count - 1
                elif final == "C":
                    column += count
                elif final == "D":
                    column -= count
                elif final == "A":
                    row -= count
                elif final == "B":
                    row += count
                elif final == "b":
                    draws, column = True, column + count
                elif final in "KXP@":
                    draws = True
                end += 1
            else:
                end += 2
            size = len(text[index:end].encode("utf-8", "replace"))
        else:
            end, size = index + 1, len(character.encode("utf-8", "replace"))
            if character == "\r":
                column = 0
            elif character == "\b":
                column -= 1
            elif character == "\n":
                row += 1
            elif character >= " ":
                draws = True
        if draws:
            region = region_of(row, column)
            counts[region] = counts.get(region, 0) + pending + size
            pending = 0
            if character >= " " and character != "\x1b":
                column += 2 if unicodedata.east_asian_width(character) in "WF" else 1
        else:
            pending += size
        index = end
    if pending:
        region = region_of(row, column)
        counts[region] = counts.get(region, 0) + pending
    return counts


def add(name, value, unit=""):
    rows.append((name, value, unit))


def measure_moves(session, columns, lines, placement):
    """Selection moves by one row from the top of the list: those within the page and those that scroll."""
    session.top_at((columns, lines))
    region_of = regions(columns, lines)
    list_rows = sum(1 for line in range(lines) if region_of(line, 0) == "list") - 1
    within, scrolling, parts = [], [], {}
    for move in range(MOVES):
        written = session.written_after(b"j")
        if move == 0 and DUMP:
            shown = written.decode("utf-8", "replace").replace("\x1b", "^[").replace("\r", "^M").replace("\b", "^H")
            print(f"--- one selection move at {columns}x{lines} ({len(written)} B):\n{shown}\n")
        if move + 1 < list_rows:
            within.append(len(written))
            for region, count in split_by_region(written, region_of).items():
                parts.setdefault(region, []).append(count)
        else:
            scrolling.append(len(written))
    label = f"{columns}x{lines} {placement}"
    add(f"selection move, {label}: bytes (median of {len(within)})", statistics.median(within), "B")
    add(f"selection move, {label}: bytes (max)", max(within), "B")
    for region in ("list", "detail", "footer", "header"):
        if region in parts:
            values = parts[region] + [0] * (len(within) - len(parts[region]))
            add(f"  of which {region} (median)", statistics.median(values), "B")
    if scrolling:
        add(f"selection move that scrolls, {label} (median of {len(scrolling)})", statistics.median(scrolling), "B")


def measure_htop(env):
    """htop's bytes for the same one-row move at the same sizes, as the yardstick (when htop is installed)."""
    htop = shutil.which("htop")
    if htop is None:
        add("htop selection move: htop not installed", "-")
        return
    for columns, lines, _ in MOVE_LAYOUTS[:2]:
        session = Session(dict(env, HOME=tempfile.mkdtemp()), "--readonly", "-d", "1000", program=htop)
        session.set_size((columns, lines))
        session.quiet(1.0, 20)
        moves = [len(session.written_after(b"\x1b[B")) for _ in range(5)]
        add(f"htop selection move, {columns}x{lines}: bytes (median of 5)", statistics.median(moves), "B")
        os.kill(session.pid, signal.SIGTERM)
        os.waitpid(session.pid, 0)


def idle_with_refresh(env, first_id, interval):
    session = Session(env, "--refresh", str(interval), "--log-file", "/dev/null")
    session.wait_for(first_id, 20)
    # With refresh on the header's age ticks every second, so the screen is never quiet for long: wait
    # for the load (seconds) with a cap rather than for silence.
    session.quiet(2.0, 30)
    written, cpu = session.idle(10.0)
    add(f"idle 10 s, refresh every {interval} s, newest first: bytes", written, "B")
    add(f"idle 10 s, refresh every {interval} s, newest first: CPU", cpu, "%")
    # Oldest first, from the top (the selection stays on its image, now at the end, until `g`): the rows
    # on screen are years old, so no age shown moves on during the window.
    session.bytes_after(b"S")
    session.bytes_after(b"g")
    session.quiet(2.0 * interval, 30)
    written, cpu = session.idle(10.0)
    add(f"idle 10 s, refresh every {interval} s, oldest first: bytes", written, "B")
    add(f"idle 10 s, refresh every {interval} s, oldest first: CPU", cpu, "%")
    session.quit()


def main():
    simulator, url = start_simulator()
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", QINGCLOUD_ENDPOINT=url,
               QINGCLOUD_ACCESS_KEY="QYDEMOACCESSKEY0001", QINGCLOUD_SECRET_KEY="demo-secret-access-key",
               QINGCLOUD_ZONE="pek3a", HOME=os.environ.get("HOME", "/tmp"))
    try:
        first_id = first_image_id(env).encode()
        starts = []
        for _ in range(5):
            session = Session(env, "--refresh", "0", "--log-file", "/dev/null")
            starts.append((session.wait_for(first_id, 20) - session.started) * 1000)
            session.quit()
        add("start -> first rows on screen (median of 5)", statistics.median(starts), "ms")

        session = Session(env, "--refresh", "0", "--log-file", "/dev/null")
        session.wait_for(first_id, 20)
        # The header says "N of T loaded" until every page is in, then "N images"; the screen itself is
        # never quiet for long during the first minute (the header's age ticks every second).
        loading, written = time.monotonic(), len(session.output)
        loaded = session.wait_for(b" images", 600, since=written)
        add(f"background load of {IMAGES:,} images (until the header counts them all)", loaded - loading, "s")
        session.quiet(2.0, 30)
        resident, peak = session.memory_mb()
        add(f"resident memory with {IMAGES:,} images loaded (peak)", f"{resident:.1f} ({peak:.1f})", "MB")
        for columns, lines, placement in MOVE_LAYOUTS:
            measure_moves(session, columns, lines, placement)
        session.top_at(WIDE)
        pages = [session.bytes_after(b"\x06") for _ in range(5)]
        add("bytes written per page down, 160x45 (median of 5)", statistics.median(pages), "B")
        session.bytes_after(b"/")
        typed = [session.bytes_after(bytes([c])) for c in b"ubuntu"]
        add("bytes written per filter keystroke (median)", statistics.median(typed), "B")
        session.bytes_after(b"\x1b")
        written, cpu = session.idle(10.0)
        add("idle 10 s, refresh off: bytes written", written, "B")
        add("idle 10 s, refresh off: CPU", cpu, "%")
        add("exit status after q", session.quit())

        measure_htop(env)
        for interval in (2, 5):
            idle_with_refresh(env, first_id, interval)
    finally:
        simulator.send_signal(signal.SIGTERM)
        simulator.wait(timeout=10)
    print_rows()
    if "--no-sdk" not in sys.argv:
        sys.stdout.flush()
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "list_bench.py"),
                        BINARY, "--big", str(IMAGES)], check=True)


def print_rows():
    width = max(len(name) for name, _, _ in rows)
    print(f"{'terminal benchmark (' + os.path.basename(BINARY) + ', ' + format(IMAGES, ',') + ' images)':<{width}}  {'value':>10}")
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:>10.1f} {unit}" if isinstance(value, float) else f"{name:<{width}}  {value:>10} {unit}")


if __name__ == "__main__":
    main()
