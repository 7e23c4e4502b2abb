"""Benchmark: the browser edition's start, cold and warm, and what it fetches.

Prints figures; asserts nothing. Serves a built site (``_build/html`` unless
given), opens one notebook in the browser edition (JupyterLite) in headless
Chromium with every non-local request blocked, runs its first code cell, and
reports the time from navigation to that cell's output and the bytes the site
sent: cold (an empty browser cache) and warm (the same browser, a second
visit).

Usage: ``.venv/bin/python benchmarks/lite_startup.py [--site _build/html] [--notebook PATH]``
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site and counts the bytes of every body it sends (a 304 sends none)."""

    sent = 0

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        start = source.tell()
        super().copyfile(source, outputfile)
        Counting.sent += source.tell() - start


def first_output(context, url: str) -> tuple[float, int]:
    """Seconds from navigation to the first code cell's output, and bytes received."""
    tab = context.new_page()
    sent = Counting.sent
    start = time.perf_counter()
    tab.goto(url)
    cell = tab.locator(".jp-Notebook .jp-CodeCell").first
    cell.wait_for(timeout=60000)
    cell.click()
    tab.keyboard.press("Shift+Enter")
    # the committed output is replaced when the cell has run: its prompt then says [1]
    tab.wait_for_function(
        "() => document.querySelector('.jp-Notebook .jp-CodeCell .jp-InputPrompt').textContent.trim() === '[1]:'",
        timeout=240000,
    )
    seconds = time.perf_counter() - start
    tab.close()
    return seconds, Counting.sent - sent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--notebook", default="notebooks/00-check-your-setup.ipynb")
    args = parser.parse_args()
    if not (args.site / "lite" / "index.html").is_file():
        raise SystemExit(f"no browser edition in {args.site}: run `make book` first")
    lite = args.site / "lite"
    disk = sum(p.stat().st_size for p in lite.rglob("*") if p.is_file())
    print(f"browser edition on disk: {disk / 1e6:.1f} MB ({lite})")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    url = f"{base}lite/notebooks/index.html?path={args.notebook}"

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        # a persistent profile, so the second visit has the first one's HTTP cache
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(base) or route.request.url.split(":", 1)[0] in {"data", "blob", "about"}
                else route.abort()
            ),
        )
        cold, cold_bytes = first_output(context, url)
        warm, warm_bytes = first_output(context, url)
        context.close()
    server.shutdown()
    print(f"first cell's output, cold cache: {cold:.1f} s ({cold_bytes / 1e6:.1f} MB over the wire)")
    print(f"first cell's output, warm cache: {warm:.1f} s ({warm_bytes / 1e6:.1f} MB over the wire)")


if __name__ == "__main__":
    main()
