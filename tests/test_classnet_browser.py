"""The class-network report in a real browser, offline: hostile labels stay text, the graph draws."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from browser import chromium, watch
from conftest import QuietHandler
from test_classnet import AS_OF, PAYLOADS, build_class_folder

from connectivism.facilitator import classnet, report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("class-report")
    build_class_folder(root / "submissions")
    cls = classnet.merge(classnet.read_folder(root / "submissions", key=bytes(range(32))), as_of=AS_OF)
    classnet.write_outputs(cls, root / "out", html=report.report_html(cls))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root / "out"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", root / "out" / "class-network.html"
    server.shutdown()
    server.server_close()


def test_report_draws_offline_and_hostile_labels_run_nothing(served_report, tmp_path):
    base, path = served_report
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        problems = watch(tab, base)
        dialogs = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(base + "class-network.html", wait_until="load")
        tab.wait_for_function(
            "() => { const f = document.querySelector('iframe.kit-graph');"
            " return f && f.contentDocument && f.contentDocument.documentElement.dataset.drawn === 'true'; }",
            timeout=30000,
        )
        box = tab.locator("iframe.kit-graph").bounding_box()
        tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tab.wait_for_timeout(400)
        pwned = [f.evaluate("() => window.pwned === undefined ? null : window.pwned") for f in tab.frames]
        tab.locator("details.kit-graph-table summary").first.click()
        text = tab.locator("main").inner_text()
        injected = tab.evaluate("() => document.querySelectorAll('main img, main script, main b, main i').length")
        frame_injected = tab.frames[1].evaluate("() => document.querySelectorAll('img, b, i, svg').length")
        tab.screenshot(path=str(tmp_path / "report.png"))
    assert len(pwned) >= 2 and pwned == [None] * len(pwned), pwned
    assert not dialogs
    assert not problems.all(), problems.all()
    for payload in PAYLOADS:
        assert payload in text
    assert injected == 0 and frame_injected == 0


def test_report_opened_from_a_file_makes_no_requests(served_report):
    _, path = served_report
    with chromium() as browser:
        tab = browser.new_page()
        requests = []
        tab.on("request", lambda r: requests.append(r.url))
        errors = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        tab.goto(path.as_uri(), wait_until="load")
        tab.wait_for_function(
            "() => { const f = document.querySelector('iframe.kit-graph');"
            " return f && f.contentDocument && f.contentDocument.documentElement.dataset.drawn === 'true'; }",
            timeout=30000,
        )
    outside = [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))]
    assert not outside and not errors, (outside, errors)
