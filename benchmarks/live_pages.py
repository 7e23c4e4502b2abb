"""Benchmark: "Run it live in your browser", from the click to the live widget, and a model's redraw.

Prints figures; asserts nothing. Serves a built site (``_build/html`` unless
given) on loopback and, in headless Chromium (requests to other sites are
counted, not blocked: Playwright's routing would turn the HTTP cache off),
for the builder's page and each model page: presses the control and
times the click to the live widget (the control says "Live"), cold (a new browser
profile: empty cache) and warm (a second visit with that profile),
over loopback and over a link of 20 Mbit/s down with 40 ms latency (see
:class:`Link` for why the server throttles rather than the DevTools
protocol's ``Network.emulateNetworkConditions``, still available with
``--cdp``), with the bytes the server sent for each. On model pages it then moves the first
slider and times the release to the new summary sentence.

Targets (issue #26, from loopback on the CI machine): cold <= 15 s, warm <= 8 s,
slider <= 1 s.

Usage: ``.venv/bin/python benchmarks/live_pages.py [--site _build/html] [--pages 03 11 ...] [--no-throttle] [--cdp]``
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
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools" / "sphinx"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from kit_live import LABEL  # noqa: E402
from lite_startup import Counting  # noqa: E402

PAGES = [
    "notebooks/03-map-your-network",
    "notebooks/11-capacity-to-know-more",
    "notebooks/12-nurturing-connections",
    "notebooks/13-currency",
    "notebooks/14-non-human-appliances",
    "notebooks/15-diversity-of-opinions",
    "notebooks/16-specialised-nodes",
    "notebooks/17-seeing-connections",
    "notebooks/18-decisions-shifting-reality",
]


MBIT = 20
LATENCY_S = 0.040
THROTTLE = {"offline": False, "latency": LATENCY_S * 1000, "downloadThroughput": MBIT * 1e6 / 8, "uploadThroughput": -1}


class Link(Counting):
    """The site as a static host serves it, over loopback or over a slow link.

    Sends ``Cache-Control: max-age`` as a static host does (GitHub Pages: 600 s),
    so a second visit may use the browser's cache. Throttled, every response
    waits the link's latency and all bodies share one link of :data:`MBIT`
    Mbit/s. The DevTools protocol's throttle (``--cdp``) does not reach the
    requests of the kernel's web worker, which fetch most of the bytes (55 MB
    arrived in 19.7 s, faster than 20 Mbit/s allows): the server throttles
    instead, all requests alike.
    """

    max_age = 600
    throttled = False
    _link = threading.Lock()

    def end_headers(self):
        if self.max_age:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()

    def copyfile(self, source, outputfile):
        if not Link.throttled:
            return super().copyfile(source, outputfile)
        time.sleep(LATENCY_S)
        while chunk := source.read(64 * 1024):
            with Link._link:  # one link for all requests at once
                time.sleep(len(chunk) * 8 / (MBIT * 1e6))
            try:
                outputfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                return  # the tab closed before the body was through (the next visit starts)
            Counting.sent += len(chunk)


def visit(context, url: str, cdp: bool, slider: bool) -> tuple[float, int, float | None]:
    """Open ``url``, press the control; seconds from the press to the live widget, bytes sent, slider seconds."""
    tab = context.new_page()
    if cdp:
        session = context.new_cdp_session(tab)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", THROTTLE)
    tab.goto(url, wait_until="load")
    button = tab.get_by_role("button", name=LABEL)
    button.wait_for(timeout=30000)
    tab.wait_for_load_state("networkidle")
    sent = Counting.sent
    start = time.perf_counter()
    button.click()
    tab.locator(".kit-live.kit-live-on").wait_for(timeout=600000)
    seconds = time.perf_counter() - start
    received = Counting.sent - sent
    redraw = move_slider(tab) if slider else None
    tab.close()
    return seconds, received, redraw


def move_slider(tab) -> float:
    """Drag the first slider; seconds from the release to the new summary sentence."""
    frame = tab.locator("iframe.kit-live-frame").element_handle().content_frame()
    before = frame.locator(".kit-model-result").first.inner_text()
    handle = frame.locator(".widget-slider .noUi-handle >> visible=true").first
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    track = frame.locator(".widget-slider .noUi-base >> visible=true").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    to = track["x"] + 2 if x - track["x"] > track["width"] / 4 else track["x"] + track["width"] - 2
    tab.mouse.move(x, y)
    tab.mouse.down()
    tab.mouse.move(to, y, steps=8)
    start = time.perf_counter()
    tab.mouse.up()
    frame.wait_for_function(
        "b => document.querySelector('.kit-model-result').innerText !== b", arg=before, timeout=60000, polling=20
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--pages", nargs="*", help="page name prefixes, e.g. 03 11 (default: all)")
    parser.add_argument("--no-throttle", action="store_true", help="loopback only")
    parser.add_argument(
        "--cdp",
        action="store_true",
        help="throttle through the DevTools protocol instead of the server (misses the kernel worker's requests)",
    )
    parser.add_argument(
        "--max-age", type=int, default=Link.max_age, help="Cache-Control max-age the server sends (0: none)"
    )
    args = parser.parse_args()
    if not (args.site / "lite" / "repl" / "index.html").is_file():
        raise SystemExit(f"no browser edition in {args.site}: run `make book` first")
    pages = [p for p in PAGES if not args.pages or any(p.split("/")[1].startswith(x) for x in args.pages)]
    Link.max_age = args.max_age
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Link, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    links = [("loopback", False)] + ([] if args.no_throttle else [("20 Mbit/s, 40 ms", True)])

    from playwright.sync_api import sync_playwright

    rows, outside = [], []
    with sync_playwright() as p:
        for page in pages:
            row = {"page": page.split("/")[1]}
            for link, throttle in links:
                Link.throttled = throttle and not args.cdp
                # a new profile (on disk, as a reader's browser keeps its cache): empty (cold),
                # then a second visit with it (warm)
                with tempfile.TemporaryDirectory() as profile:
                    context = p.chromium.launch_persistent_context(
                        profile,
                        executable_path=CHROMIUM,
                        args=CHROMIUM_ARGS,
                        headless=True,
                        viewport={"width": 1280, "height": 900},
                    )
                    # watched, not routed: Playwright's routing turns the HTTP cache off
                    context.on(
                        "request",
                        lambda r: (
                            r.url.startswith(base)
                            or r.url.split(":", 1)[0] in {"data", "blob", "about"}
                            or outside.append(r.url)
                        ),
                    )
                    model = "03-" not in page and not throttle
                    cdp = throttle and args.cdp
                    row[link, "cold"] = visit(context, base + page + ".html", cdp, slider=model)
                    row[link, "warm"] = visit(context, base + page + ".html", cdp, slider=model)
                    context.close()
            rows.append(row)
            print(f"  measured {page}: {row}", file=sys.stderr, flush=True)
    server.shutdown()

    head = f"{'page':<32}"
    for link, _ in links:
        head += f" | {link + ': cold':>24} | {'warm':>16}"
    head += " | slider (cold, warm)"
    print(head)
    print("-" * len(head))
    for row in rows:
        line = f"{row['page']:<32}"
        for link, _ in links:
            for state, width in (("cold", 24), ("warm", 16)):
                s, b, _ = row[link, state]
                line += f" | {f'{s:5.1f} s {b / 1e6:5.1f} MB':>{width}}"
        sliders = [row["loopback", state][2] for state in ("cold", "warm")]
        line += " | " + (", ".join(f"{s:.2f} s" for s in sliders) if sliders[0] is not None else "-")
        print(line)
    print(f"requests to other sites: {len(outside)} {outside[:3]}")
    print(f"server: Cache-Control max-age={args.max_age} s" if args.max_age else "server: no Cache-Control")
    print("targets from loopback: cold <= 15 s, warm <= 8 s, slider <= 1 s (MB: bytes the server sent)")


if __name__ == "__main__":
    main()
