"""Run it live in your browser: the pages whose point is a widget turn their snapshot into the live widget.

On the built site, served locally with every other request blocked, in
Chromium: a page loads nothing of the browser edition (JupyterLite) until the
reader presses the control, by keyboard here; the live widget then replaces
the snapshot in the page and answers: on the builder's page a node and a tie
added through the widget change the measures; on each model page a slider
moved changes the summary sentence. On the builder's page the network is
kept in this browser: found again after a reload and a second press, gone
after "Forget my network" and a reload; a second time from a host name that
is not localhost (so neither the page nor the frame is a secure context). The
axe audit covers both states, and there are zero console errors, page errors,
blocked or failed requests.

``open_live`` is the one way in; the builder is driven with the helpers of
``tests/builder_ui.py``, as in ``tests/test_lite_storage.py``.
"""

from __future__ import annotations

import html
import re
import sys
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import axe_violations, chromium, watch
from builder_ui import (
    KEPT_HERE,
    ROOM_HOST,
    ROOM_HOST_RULE,
    add_node,
    choose_tab,
    connect,
    forget,
    node_names,
    shoot,
    status,
    tie_names,
    wait_for_message,
    wait_for_nodes,
)
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools" / "sphinx"))
from kit_live import LABEL, live_cells  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

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
    """One Chromium for the module; it also maps :data:`ROOM_HOST` to loopback (for the page that is not secure)."""
    with chromium(ROOM_HOST_RULE) as b:
        yield b


def audit(where, label: str) -> None:
    violations = axe_violations(where)
    assert not violations, f"{label}: " + "\n".join(
        f"{v['impact']} {v['id']} ({v['count']}×): {v['help']} e.g. {v['nodes']}" for v in violations
    )


def open_live(tab, site_url: str, page: str, *, audit_snapshot: bool = False, reload: bool = False):
    """Open ``page`` on the site, press "Run it live in your browser" with the keyboard, return the live frame.

    With ``reload``, the page already open in ``tab`` is reloaded instead (a
    reader coming back). Checks on the way that nothing of the browser edition
    loaded before the press, that the control is a focusable button with a
    visible focus, that the live widget took the snapshot's place and the
    focus and is shown whole, and (``audit_snapshot``) the axe audit of the
    page in its snapshot state.
    """
    lite = []
    tab.on("request", lambda r: "/lite/" in r.url and lite.append(r.url))
    if reload:
        assert tab.url.split("#")[0] == site_url + page + ".html", tab.url
        tab.reload(wait_until="load")
    else:
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
    nothing_cut_off(frame, page)
    return frame


def nothing_cut_off(frame, page: str) -> None:
    """The live widget is shown whole: the frame's output pane reaches the bottom of the cell's output.

    The frame follows its content's height (a moment later when the widget grows).
    """
    try:
        frame.wait_for_function(
            "() => { const pane = document.querySelector('.jp-CodeConsole-content').getBoundingClientRect();"
            " const cells = document.querySelectorAll('.jp-CodeConsole-content > .jp-Cell');"
            " return cells[cells.length - 1].getBoundingClientRect().bottom <= pane.bottom + 1; }",
            timeout=10000,
        )
    except PlaywrightTimeout:  # say by how much
        cut = frame.evaluate(
            "() => { const cells = document.querySelectorAll('.jp-CodeConsole-content > .jp-Cell');"
            " return cells[cells.length - 1].getBoundingClientRect().bottom"
            " - document.querySelector('.jp-CodeConsole-content').getBoundingClientRect().bottom; }"
        )
        pytest.fail(f"{page}: the bottom {cut:.0f} px of the live widget are cut off")


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


def shown_whole(tab, element) -> None:
    """`element`, in the live frame, is drawn whole inside the frame (not cut off by the embed's size)."""
    element.scroll_into_view_if_needed()
    assert element.is_visible()
    box, frame = element.bounding_box(), tab.locator("iframe.kit-live-frame").bounding_box()
    assert box["width"] > 0 and box["height"] > 0
    assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"], (box, frame)
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"], (box, frame)
    # what is drawn at its corners is the element itself (nothing in the frame clips or covers it)
    assert element.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return [[r.left + 2, r.top + 2], [r.right - 2, r.bottom - 2]]"
        ".every(([x, y]) => e.contains(document.elementFromPoint(x, y))); }"
    ), element


@pytest.mark.parametrize("host", ["127.0.0.1", ROOM_HOST])
def test_builder_in_the_page_keeps_the_network_in_this_browser_until_forgotten(browser, site_url, host):
    """The builder's page, live: a node and a tie added, kept over a reload, forgotten, gone after a reload.

    A second time with the site opened under a host name that is not
    localhost (mapped to loopback): neither the page nor the live frame is a
    secure context there, so the network must be kept without a service worker.
    """
    url = site_url.replace("127.0.0.1", host)
    context, tab, problems = watched_tab(browser, url)
    try:
        frame = open_live(tab, url, BUILDER)
        secure = host == "127.0.0.1"
        assert tab.evaluate("window.isSecureContext") is secure
        assert frame.evaluate("window.isSecureContext") is secure
        assert KEPT_HERE in status(frame)
        wait_summary(frame, "14 nodes")
        wait_summary(frame, "with 20 ties")
        measures = frame.locator(".jupyter-widgets .kit-measures").first
        before = measures.inner_text()
        add_node(frame, "Ada")
        connect(frame, "Amira", "Ada")
        wait_summary(frame, "15 nodes")
        wait_summary(frame, "with 21 ties")
        assert measures.inner_text() != before
        choose_tab(frame, "Save & share")  # where the builder says where the network lives, and forgets it
        for what in (
            frame.locator(".jupyter-widgets p", has_text="autosaved in this browser").first,
            frame.locator(".jupyter-widgets button", has_text="Forget my network").first,
        ):
            shown_whole(tab, what)
        nothing_cut_off(frame, BUILDER)
        shoot(tab, f"live-builder-kept-{host}")
        frame.wait_for_timeout(2000)  # the copy to IndexedDB runs in the background (milliseconds)

        frame = open_live(tab, url, BUILDER, reload=True)
        wait_for_message(frame, "Welcome back")
        wait_summary(frame, "15 nodes")
        wait_summary(frame, "with 21 ties")
        assert "Ada" in node_names(frame)
        assert any("Ada" in t and "Amira" in t for t in tie_names(frame))

        forget(frame)
        wait_for_nodes(frame, ["Me"])
        frame = open_live(tab, url, BUILDER, reload=True)
        wait_summary(frame, "14 nodes")
        wait_summary(frame, "with 20 ties")
        assert "Welcome back" not in status(frame)
        assert "Ada" not in node_names(frame)
    finally:
        context.close()
    assert not problems.all(), f"{host}:\n" + "\n".join(problems.all())


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
