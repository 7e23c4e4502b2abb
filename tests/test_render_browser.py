"""Graphs in a real browser: hostile labels stay text, several graphs draw on one page."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import networkx as nx
import pytest
from browser import chromium, watch
from conftest import ROOT, QuietHandler

from connectivism.render import draw, share_library

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.pwned = 'script'</script>",
    "<img src=x onerror=\"window.pwned = 'img'\">",
    "</script><script>window.pwned = 'close'</script>",
    "\"'><svg onload=\"window.pwned = 'svg'\">",
]


def hostile_network():
    g = nx.Graph(me="Me <b>bold</b>")
    g.add_node("Me <b>bold</b>", kind="me")
    for i, name in enumerate(PAYLOADS):
        g.add_node(name, kind=["person", "community", "resource", "tool"][i], topic=PAYLOADS[0], tags=(PAYLOADS[1],))
        g.add_edge("Me <b>bold</b>", name, strength=i + 1, since=None)
    return g


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    vendored = ROOT / "_vendor" / "vis-network" / "vis-network.min.js"
    assert vendored.is_file(), "run tools/vendor.py first (make test does)"
    (root / "vis").mkdir()
    shutil.copy(vendored, root / "vis" / "vis-network.min.js")
    first = draw(hostile_network(), title=PAYLOADS[0]).html
    second = draw(nx.path_graph(5), title="A second graph").html
    live = draw(hostile_network(), title="in-line library").html  # as in live Jupyter
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>hostile</title>"
        "<link rel='icon' href='data:,'></head><body>"
        + share_library(first + second, "vis/vis-network.min.js")
        + live
        + "</body></html>"
    )
    (root / "index.html").write_text(page, "utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_hostile_labels_are_text_and_run_nothing(hostile_site):
    with chromium() as browser:
        tab = browser.new_page()
        problems = watch(tab, hostile_site)
        dialogs = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(hostile_site + "index.html", wait_until="load")
        tab.wait_for_function(
            "() => { const f = Array.from(document.querySelectorAll('iframe.kit-graph'));"
            " return f.length === 3"
            " && f.every(x => x.contentDocument && x.contentDocument.documentElement.dataset.drawn === 'true'); }",
            timeout=20000,
        )
        # hover a node so its tooltip (title) is rendered
        frame = tab.frames[1]
        box = tab.locator("iframe.kit-graph").first.bounding_box()
        tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tab.wait_for_timeout(400)
        pwned = [tab.evaluate("() => window.pwned")] + [f.evaluate("() => window.pwned") for f in tab.frames[1:]]
        tab.locator("details.kit-graph-table summary").first.click()
        table_text = tab.locator("details.kit-graph-table").first.inner_text()
        summary_text = tab.locator(".kit-graph-summary").first.inner_text()
        injected = tab.evaluate(
            "() => document.querySelectorAll('body > img, .kit-graph-figure img, b, .kit-graph-figure script').length"
        )
        frame_injected = frame.evaluate("() => document.querySelectorAll('img, b, svg').length")
    assert pwned == [None] * len(pwned), pwned
    assert not dialogs
    assert not problems.all(), problems.all()
    assert PAYLOADS[0] in table_text and PAYLOADS[1] in table_text
    assert "Me <b>bold</b>" in summary_text
    assert injected == 0 and frame_injected == 0
