"""Run it live in your browser: the pages whose point is a widget turn their snapshot into the live widget.

On the built site, served locally with every other request blocked, in
Chromium: a page loads nothing of the browser edition (JupyterLite) until the
reader presses the control, by keyboard here; the live widget then replaces
the snapshot in the page and answers: on the builder's page a node and a tie
added through the widget change the measures; on each model page a slider
moved changes the summary sentence. The axe audit covers both states, and
there are zero console errors, page errors, blocked or failed requests.

``open_live`` is the one way in, so later steps (reload, forget) can follow
it on the builder's page.
"""

from __future__ import annotations

import html
import re
import sys
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import axe_violations, chromium, watch
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools" / "sphinx"))
from kit_live import LABEL, live_cells  # noqa: E402

from connectivism.network import OTHER_KINDS  # noqa: E402

pytestmark = pytest.mark.browser

BUILDER = "notebooks/03-map-your-network"
MODELS = [
    "notebooks/11-capacity-to-know-more",
    "notebooks/12-nurturing-connections",
    "notebooks/13-currency",
    "notebooks/14-non-human-appliances",
    "notebooks/15-diversity-of-opinions",
    "notebooks/16-specialised-nodes",
    "notebooks/17-seeing-connections",
    "notebooks/18-decisions-shifting-reality",
]
#: Loading Python and the kit in a browser on a loaded machine: generous (benchmarks/live_pages.py times it).
LIVE_TIMEOUT_MS = 240_000


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def audit(where, label: str) -> None:
    violations = axe_violations(where)
    assert not violations, f"{label}: " + "\n".join(
        f"{v['impact']} {v['id']} ({v['count']}×): {v['help']} e.g. {v['nodes']}" for v in violations
    )


def open_live(tab, site_url: str, page: str, *, audit_snapshot: bool = False):
    """Open ``page`` on the site, press "Run it live in your browser" with the keyboard, return the live frame.

    Checks on the way that nothing of the browser edition loaded before the
    press, that the control is a focusable button with a visible focus, that
    the live widget took the snapshot's place and the focus, and
    (``audit_snapshot``) the axe audit of the page in its snapshot state.
    """
    lite = []
    tab.on("request", lambda r: "/lite/" in r.url and lite.append(r.url))
    tab.goto(site_url + page + ".html", wait_until="load")
    button = tab.get_by_role("button", name=LABEL)
    button.wait_for(timeout=15000)
    tab.wait_for_load_state("networkidle")
    assert lite == [], f"{page}: the browser edition loaded before the click: {lite[:3]}"
    if audit_snapshot:
        audit(tab, f"{page} (snapshot)")
    for _ in range(400):  # reached with Tab, as a keyboard user would
        tab.keyboard.press("Tab")
        if button.evaluate("b => document.activeElement === b"):
            break
    else:
        pytest.fail(f"{page}: {LABEL!r} is never reached with Tab")
    outline = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    assert not outline.startswith("none") and not outline.endswith(" 0px"), f"{page}: no visible focus ({outline})"
    tab.keyboard.press("Enter")
    tab.locator(".kit-live-progress progress").wait_for(timeout=15000)
    tab.locator(".kit-live.kit-live-on").wait_for(timeout=LIVE_TIMEOUT_MS)
    frame_element = tab.locator("iframe.kit-live-frame")
    assert frame_element.get_attribute("title").startswith("Live: ")
    assert tab.evaluate("() => document.activeElement.classList.contains('kit-live-frame')"), "focus not moved"
    snapshot = tab.locator(".kit-live-frame + .cell_output")
    assert snapshot.count() == 1 and snapshot.is_hidden(), f"{page}: the snapshot still shows beside the live widget"
    frame = frame_element.element_handle().content_frame()
    frame.locator(".jp-OutputArea-output .jupyter-widgets").first.wait_for(timeout=30000)
    return frame


def watched_tab(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    return context, tab, watch(tab, site_url)


def test_every_live_cell_gets_a_control(good_site):
    """One control per cell tagged "live", running that cell's own code; the builder and all eight models have one."""
    pages = {str(p.relative_to(ROOT).with_suffix("")) for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert {BUILDER, *MODELS} <= {p for p in pages if live_cells(str(ROOT / (p + ".ipynb")))}
    for page in sorted(pages):
        text = (good_site.html / (page + ".html")).read_text("utf-8")
        sources = [html.unescape(s) for s in re.findall(r'data-kit-live-src="([^"]*)"', text)]
        codes = [parse_qs(urlsplit(s).query)["code"] for s in sources]
        assert codes == [[c] for c in live_cells(str(ROOT / (page + ".ipynb")))], page
        assert all(urlsplit(s).path == "../lite/repl/index.html" for s in sources), page


def field(frame, label: str, kind: str = "input"):
    return frame.locator(f".widget-inline-hbox:has(> label:text-is('{label}')) {kind}").first


def button(frame, text: str):
    return frame.locator(
        ".jp-OutputArea button.jupyter-button", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")
    ).first


def wait_summary(frame, text: str) -> None:
    frame.wait_for_function(
        "t => { const s = document.querySelector('.jp-OutputArea .kit-graph-summary');"
        " return s && s.innerText.includes(t); }",
        arg=text,
        timeout=30000,
    )


def test_builder_runs_live_in_the_page(browser, site_url):
    context, tab, problems = watched_tab(browser, site_url)
    try:
        frame = open_live(tab, site_url, BUILDER)
        wait_summary(frame, "14 nodes")
        measures = frame.locator(".jp-OutputArea .kit-measures").first
        before = measures.inner_text()
        field(frame, "Name:").fill("Open Science Forum")
        field(frame, "Kind:", "select").select_option(index=OTHER_KINDS.index("community"))
        field(frame, "Topic:").fill("open science")
        button(frame, "Add node").click()
        wait_summary(frame, "15 nodes")
        frame.locator(".jp-OutputArea .lm-TabBar-tab", has_text="Connect").first.click()
        field(frame, "From:", "select").select_option(label="Amira")
        field(frame, "To:", "select").select_option(label="Open Science Forum")
        button(frame, "Connect").click()
        wait_summary(frame, "21 ties")
        assert measures.inner_text() != before
    finally:
        context.close()
    assert not problems.all(), "\n".join(problems.all())


def move_a_slider(tab, frame) -> None:
    """Drag the first slider left, or right if it is near its left end (as a reader would, with the mouse)."""
    handle = frame.locator(".widget-slider .noUi-handle >> visible=true").first
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    track = frame.locator(".widget-slider .noUi-base >> visible=true").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    to = track["x"] + 2 if x - track["x"] > track["width"] / 4 else track["x"] + track["width"] - 2
    tab.mouse.move(x, y)
    tab.mouse.down()
    tab.mouse.move(to, y, steps=8)
    tab.mouse.up()


@pytest.mark.parametrize("page", MODELS)
def test_model_runs_live_in_the_page(browser, site_url, page):
    context, tab, problems = watched_tab(browser, site_url)
    try:
        frame = open_live(tab, site_url, page)
        result = frame.locator(".kit-model-result").first
        before = result.inner_text()
        assert before.strip()
        start = time.perf_counter()
        move_a_slider(tab, frame)
        frame.wait_for_function(
            "b => document.querySelector('.kit-model-result').innerText !== b", arg=before, timeout=60000
        )
        print(f"{page}: slider to new summary {time.perf_counter() - start:.2f} s")
    finally:
        context.close()
    assert not problems.all(), f"{page}:\n" + "\n".join(problems.all())


def test_teachers_network_runs_live_in_the_page(browser, site_url):
    """The kind filter on Amira's network: another kind chosen, another drawing and summary."""
    context, tab, problems = watched_tab(browser, site_url)
    try:
        frame = open_live(tab, site_url, "notebooks/01-a-teachers-network")
        summary = frame.locator(".kit-graph-summary").first
        before = summary.inner_text()
        frame.locator(".widget-toggle-buttons button").nth(1).click()
        frame.wait_for_function(
            "b => document.querySelector('.kit-graph-summary').innerText !== b", arg=before, timeout=60000
        )
    finally:
        context.close()
    assert not problems.all(), "\n".join(problems.all())


@pytest.mark.parametrize("page", [BUILDER, MODELS[0]])
def test_live_page_passes_the_accessibility_audit_in_both_states(browser, site_url, page):
    """axe-core on the page with its snapshot, then on the page and inside the frame once live.

    The requests are not checked here (the other tests do): axe itself fetches
    the theme's ``@import``-ed stylesheet by a wrong address (``/basic.css``).
    """
    context, tab, _ = watched_tab(browser, site_url)
    try:
        frame = open_live(tab, site_url, page, audit_snapshot=True)
        audit(tab, f"{page} (live, the page)")
        audit(frame, f"{page} (live, the widget)")
    finally:
        context.close()


def test_too_old_a_browser_is_told_so(browser, site_url):
    """Without WebAssembly the control says what is missing and which browsers work; nothing loads."""
    context, tab, problems = watched_tab(browser, site_url)
    tab.add_init_script("delete window.WebAssembly")
    lite = []
    tab.on("request", lambda r: "/lite/" in r.url and lite.append(r.url))
    try:
        tab.goto(site_url + MODELS[0] + ".html", wait_until="load")
        tab.get_by_role("button", name=LABEL).click()
        status = tab.locator(".kit-live-status").first
        assert "WebAssembly" in status.inner_text() and "Firefox" in status.inner_text()
        assert tab.locator("iframe.kit-live-frame").count() == 0 and lite == []
        assert tab.locator(".kit-live-frame + .cell_output, .kit-live + .cell_output").first.is_visible()
    finally:
        context.close()
    assert not problems.all(), "\n".join(problems.all())
