"""Terminal-side benchmarks of the real qcimages binary in a pseudo-terminal, against `qcimages simulate`.

Measures what a user over SSH feels: time until the first rows are on screen, bytes written to the
terminal per keystroke, and bytes and CPU time while the screen is idle. Prints a table.
Usage: python3 Tests/Benchmarks/terminal_bench.py PATH_TO_QCIMAGES [IMAGES]   (use a release build)
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

BINARY = os.path.abspath(sys.argv[1])
IMAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
COLUMNS, ROWS = 160, 45
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
    def __init__(self, env, *flags):
        self.started = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(BINARY, [BINARY, *flags], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.output = bytearray()

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

    def wait_for(self, needle, timeout):
        deadline = time.monotonic() + timeout
        while needle not in self.output:
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

    def bytes_after(self, keys, settle=0.3):
        os.write(self.fd, keys)
        return self.quiet(settle, 10)

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self):
        os.write(self.fd, b"q")
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


def add(name, value, unit):
    rows.append((name, value, unit))


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
        loading = time.monotonic()
        session.quiet(2.0, 600)
        add(f"background load of {IMAGES:,} images (until the screen is quiet)", time.monotonic() - loading - 2.0, "s")
        moves = [session.bytes_after(b"j") for _ in range(30)]
        add("bytes written per selection move (median of 30)", statistics.median(moves), "B")
        add("bytes written per selection move (max of 30)", max(moves), "B")
        pages = [session.bytes_after(b"\x06") for _ in range(5)]
        add("bytes written per page down (median of 5)", statistics.median(pages), "B")
        session.bytes_after(b"/")
        typed = [session.bytes_after(bytes([c])) for c in b"ubuntu"]
        add("bytes written per filter keystroke (median)", statistics.median(typed), "B")
        session.bytes_after(b"\x1b")
        cpu_before, idle_bytes = session.cpu_seconds(), session.quiet(10.0, 10.5)
        add("idle 10 s, refresh off: bytes written", idle_bytes, "B")
        add("idle 10 s, refresh off: CPU", (session.cpu_seconds() - cpu_before) / 10 * 100, "%")
        add("exit status after q", session.quit(), "")

        session = Session(env, "--refresh", "2", "--log-file", "/dev/null")
        session.wait_for(first_id, 20)
        session.quiet(2.0, 600)
        cpu_before, idle_bytes = session.cpu_seconds(), session.quiet(10.0, 10.5)
        add("idle 10 s, refresh every 2 s, nothing changes: bytes", idle_bytes, "B")
        add("idle 10 s, refresh every 2 s: CPU", (session.cpu_seconds() - cpu_before) / 10 * 100, "%")
        session.quit()
    finally:
        simulator.send_signal(signal.SIGTERM)
        simulator.wait(timeout=10)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'terminal benchmark':<{width}}  {'value':>10}")
    for name, value, unit in rows:
        print(f"{name:<{width}}  {value:>10.1f} {unit}" if isinstance(value, float) else f"{name:<{width}}  {value:>10} {unit}")


if __name__ == "__main__":
    main()
