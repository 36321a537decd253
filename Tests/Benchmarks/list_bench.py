"""`qcimages list` side by side with QingCloud's official Python SDK, paging the same simulated catalogue.

The SDK pages the usual way, `describe_images(offset, limit=100)` in a loop, as its own documentation
and the `qingcloud iaas describe-images` CLI do. Each client runs as its own process against one
`qcimages simulate`; wall time, CPU time (user + system) and peak RSS come from the kernel (wait4).
Also times Python's `json.loads` on one 100-image page body as the simulator sends it.

Usage: python3 Tests/Benchmarks/list_bench.py PATH_TO_QCIMAGES [--images N] [--big N] [--repeat K]
                                              [--venv DIR] [--compare OTHER_QCIMAGES]
  --images N   catalogue for the timing rows (default 10,000)
  --big N      catalogue for the memory rows (default 100,000; 0 skips them)
  --repeat K   runs per row, the median is shown (default 3)
  --venv DIR   where the SDK's venv is (made and filled from PyPI when missing; default: a throwaway one)
  --compare B  another qcimages binary (say, a build of the previous commit) run in the same rows
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

KEY_ID, SECRET, ZONE = "QYDEMOACCESSKEY0001", "demo-secret-access-key", "pek3a"

SDK_LOOP = r"""
import sys
from qingcloud.iaas.connection import APIConnection
host, port = sys.argv[1], int(sys.argv[2])
conn = APIConnection(sys.argv[3], sys.argv[4], sys.argv[5], host=host, port=port, protocol="http", retry_time=1)
offset, count = 0, 0
while True:
    answer = conn.describe_images(offset=offset, limit=100)
    if answer is None or answer.get("ret_code") != 0:
        sys.exit(f"SDK call failed: {answer}")
    for image in answer["image_set"]:
        sys.stdout.write(image["image_id"] + "\n")
        count += 1
    offset += 100
    if offset >= answer["total_count"]:
        break
sys.stderr.write(f"{count}\n")
"""

SDK_PAGE_DECODE = r"""
import json, sys, time
from qingcloud.iaas.connection import APIConnection
host, port = sys.argv[1], int(sys.argv[2])
conn = APIConnection(sys.argv[3], sys.argv[4], sys.argv[5], host=host, port=port, protocol="http", retry_time=1)
body = conn.send("GET", "/iaas/", {"action": "DescribeImages", "zone": sys.argv[5], "offset": 0, "limit": 100}).read()
samples = []
for _ in range(300):
    start = time.perf_counter()
    json.loads(body)
    samples.append((time.perf_counter() - start) * 1000)
samples.sort()
print(len(body), samples[len(samples) // 2])
"""


def ensure_venv(directory):
    python = os.path.join(directory, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", directory], check=True)
    probe = subprocess.run([python, "-c", "import qingcloud.iaas"], capture_output=True)
    if probe.returncode != 0:
        subprocess.run([os.path.join(directory, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
                        "qingcloud-sdk", "setuptools"], check=True)
    return python


class Simulator:
    def __init__(self, binary, images, latency_ms):
        flags = ["simulate", "--port", "0", "--images", str(images), "--seed", "5"]
        if latency_ms:
            flags += ["--latency-ms", str(latency_ms)]
        self.process = subprocess.Popen([binary, *flags], stdout=subprocess.PIPE, text=True)
        self.url = self.process.stdout.readline().strip()
        host_port = self.url.split("//", 1)[1].split("/", 1)[0]
        self.host, self.port = host_port.rsplit(":", 1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def run_measured(command, env=None):
    """Wall seconds, CPU seconds and peak RSS (MB) of one process; its stdout is counted, not kept."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = 0
    for chunk in iter(lambda: process.stdout.read(1 << 16), b""):
        lines += chunk.count(b"\n")
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - started
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {process.returncode}: {stderr.decode(errors='replace')[:300]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines


def qcimages_env(simulator):
    return dict(os.environ, QINGCLOUD_ENDPOINT=simulator.url, QINGCLOUD_ACCESS_KEY=KEY_ID,
                QINGCLOUD_SECRET_KEY=SECRET, QINGCLOUD_ZONE=ZONE, HOME="/nonexistent")


def median_of(runs):
    return tuple(statistics.median(values) for values in zip(*runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--images", type=int, default=10_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--venv")
    parser.add_argument("--compare")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    clients = [("qcimages", binary)]
    if arguments.compare:
        clients.append(("qcimages (compared)", os.path.abspath(arguments.compare)))
    scratch = None
    if arguments.venv:
        venv = arguments.venv
    else:
        scratch = tempfile.mkdtemp()
        venv = os.path.join(scratch, "venv")
    python = ensure_venv(venv)
    rows = []
    decode = ""
    try:
        for latency in (20, 0):
            simulator = Simulator(binary, arguments.images, latency)
            try:
                for name, path in clients:
                    runs = [run_measured([path, "list", "-o", "ids"], qcimages_env(simulator))
                            for _ in range(arguments.repeat)]
                    rows.append((f"list -o ids, {arguments.images:,} images, {latency} ms latency", name, *median_of(runs)))
                runs = [run_measured([python, "-c", SDK_LOOP, simulator.host, simulator.port, KEY_ID, SECRET, ZONE])
                        for _ in range(arguments.repeat)]
                rows.append((f"list -o ids, {arguments.images:,} images, {latency} ms latency", "official SDK loop",
                             *median_of(runs)))
                if latency == 0:
                    out = subprocess.run([python, "-c", SDK_PAGE_DECODE, simulator.host, simulator.port, KEY_ID,
                                          SECRET, ZONE], capture_output=True, text=True, check=True).stdout.split()
                    decode = f"Python json.loads of one 100-image page as the simulator sends it ({int(out[0]) // 1024} KiB): " \
                             f"{float(out[1]):.3f} ms (median of 300)"
            finally:
                simulator.stop()
        if arguments.big:
            simulator = Simulator(binary, arguments.big, 0)
            try:
                for name, path in clients:
                    for output in ("ids", "csv", "json", "table"):
                        rows.append((f"list -o {output}, {arguments.big:,} images, 0 ms latency", name,
                                     *run_measured([path, "list", "-o", output], qcimages_env(simulator))))
                rows.append((f"list -o ids, {arguments.big:,} images, 0 ms latency", "official SDK loop",
                             *run_measured([python, "-c", SDK_LOOP, simulator.host, simulator.port, KEY_ID, SECRET, ZONE])))
            finally:
                simulator.stop()
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    width = max(len(row[0]) for row in rows)
    client_width = max(len(row[1]) for row in rows)
    print(f"{'list benchmark (median of ' + str(arguments.repeat) + ' for the timing rows)':<{width}}  "
          f"{'client':<{client_width}}  {'wall s':>8}  {'CPU s':>8}  {'peak MB':>8}  {'lines':>8}")
    for name, client, wall, cpu, rss, lines in rows:
        print(f"{name:<{width}}  {client:<{client_width}}  {wall:>8.3f}  {cpu:>8.3f}  {rss:>8.1f}  {int(lines):>8}")
    print(decode)


if __name__ == "__main__":
    main()
