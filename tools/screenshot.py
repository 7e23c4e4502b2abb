"""Screenshot a page of the built site offline, for the README and for review.

Usage: ``python tools/screenshot.py PAGE OUT.png [--selector CSS] [--width 1200] [--height 900]``
where PAGE is a path inside _build/html (e.g. notebooks/00-check-your-setup.html).
Uses Debian's Chromium through Playwright; every non-local request is blocked.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

HTML = Path(__file__).resolve().parent.parent / "_build" / "html"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("out")
    ap.add_argument("--selector", help="scroll this element to the top before the screenshot")
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--full", action="store_true", help="the whole page, not just the viewport")
    args = ap.parse_args()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        page.goto(base + args.page, wait_until="networkidle")
        page.wait_for_timeout(1500)
        if args.selector:
            page.locator(args.selector).first.evaluate("e => e.scrollIntoView({block: 'start'})")
            page.evaluate("window.scrollBy(0, -70)")
            page.wait_for_timeout(300)
        page.add_style_tag(content="#pst-back-to-top { display: none !important; }")
        page.screenshot(path=args.out, full_page=args.full)
        browser.close()
    server.shutdown()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
