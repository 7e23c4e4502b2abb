"""The browser harness itself catches what it promises to catch.

Without this, a broken harness would pass every page (a test that cannot fail).
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from browser import chromium, watch
from conftest import QuietHandler

pytestmark = pytest.mark.browser

BAD_PAGE = """<!doctype html><html><head><title>bad</title>
<script src="https://cdn.example.org/lib.js"></script>
<link rel="stylesheet" href="missing.css">
</head><body><p>bad page</p>
<script>console.error("boom"); undefinedFunction();</script>
</body></html>"""


@pytest.fixture()
def bad_site(tmp_path):
    (tmp_path / "bad.html").write_text(BAD_PAGE)
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_harness_records_every_kind_of_problem(bad_site):
    with chromium() as browser:
        page = browser.new_page()
        problems = watch(page, bad_site)
        page.goto(bad_site + "bad.html", wait_until="load")
        page.wait_for_load_state("networkidle")
    assert any("cdn.example.org" in u for u in problems.blocked_requests)
    assert any("missing.css" in u for u in problems.failed_requests)
    assert "boom" in problems.console_errors
    assert any("undefinedFunction" in e for e in problems.page_errors)
    assert len(problems.all()) >= 4
