"""Benchmark: the workshop bundle's size, serve.py's start and 30 participants fetching the browser edition.

Prints figures; asserts nothing. Makes the bundle from a built site
(``tools/bundle.py``; ``_build/html`` and its handouts unless given), unzips it
into a temporary folder, and starts its ``serve.py`` on loopback five times,
timing each from the process start to its first answer (the median is
reported). Then 30 clients (threads, one kept-alive connection each) fetch
every file of the browser edition at once; the time and throughput are
printed.

Usage: ``.venv/bin/python benchmarks/bundle.py [--site _build/html] [--handouts DIR] [--clients 30]``
"""

from __future__ import annotations

import argparse
import concurrent.futures
import http.client
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import bundle  # noqa: E402  (tools/bundle.py)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path) -> tuple[subprocess.Popen, int, float]:
    """Start serve.py as a facilitator would; the seconds until it first answers."""
    port = free_port()
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "serve.py", "--local", "--port", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5).read()
            return process, port, time.perf_counter() - began
        except OSError:
            if process.poll() is not None:
                raise SystemExit("serve.py did not start") from None
            time.sleep(0.01)


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=20)


def fetch_all(port: int, names: list[str]) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    received = 0
    try:
        for name in names:
            conn.request("GET", "/" + name)
            response = conn.getresponse()
            received += len(response.read())
            if response.status != 200:
                raise SystemExit(f"{name}: HTTP {response.status}")
    finally:
        conn.close()
    return received


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=bundle.SITE)
    parser.add_argument("--handouts", type=Path)
    parser.add_argument("--clients", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        path = bundle.build(args.site, Path(tmp) / "out", args.handouts)
        made = time.perf_counter() - began
        with zipfile.ZipFile(path) as archive:
            files = archive.infolist()
            unpacked = sum(i.file_size for i in files)
            archive.extractall(Path(tmp) / "room")
        print(f"bundle: {path.name}: {path.stat().st_size / 1e6:.1f} MB zipped, {unpacked / 1e6:.1f} MB unzipped")
        print(f"        {len(files)} files, made in {made:.1f} s")
        folder = Path(tmp) / "room" / path.stem
        times = []
        for _ in range(5):
            process, port, seconds = start(folder)
            times.append(seconds)
            stop(process)
        print(f"serve.py start (process start to first answer, median of 5): {statistics.median(times):.2f} s")
        names = sorted(p.relative_to(folder).as_posix() for p in (folder / "lite").rglob("*") if p.is_file())
        process, port, _ = start(folder)
        try:
            began = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(max_workers=args.clients) as pool:
                received = sum(pool.map(lambda _: fetch_all(port, names), range(args.clients)))
            seconds = time.perf_counter() - began
        finally:
            stop(process)
        print(
            f"{args.clients} clients x {len(names)} files of the browser edition: {seconds:.1f} s "
            f"({received / 1e6:.0f} MB, {received / 1e6 / seconds:.0f} MB/s on loopback)"
        )


if __name__ == "__main__":
    main()
