"""Every built page, loaded offline in Chromium, without errors or outside requests.

Every widget (and, later, every graph) the notebooks produced is on screen.
"""

from __future__ import annotations

import json

import pytest
from browser import axe_violations, chromium, watch
from conftest import ROOT, toc_files

pytestmark = pytest.mark.browser

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
GRAPH_MARKER = "class='kit-graph'"


def expected_counts(site, page: str) -> tuple[int, int]:
    """(widgets, graphs) in the outputs of the executed notebook behind a page."""
    executed = site.html.parent / "jupyter_execute" / f"{page}.ipynb"
    if not (ROOT / f"{page}.ipynb").is_file():
        return 0, 0
    assert executed.is_file(), f"no executed copy of {page}.ipynb in the build"
    nb = json.loads(executed.read_text())
    widgets = graphs = 0
    # graphs shown through widgets live in the saved widget state
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    graphs += json.dumps(state).count(GRAPH_MARKER)
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            widgets += WIDGET_VIEW in data
            html = data.get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            graphs += html.count(GRAPH_MARKER)
    return widgets, graphs


# Non-white pixels on each drawn graph's canvas (same-origin srcdoc frames).
INK = """() => Array.from(document.querySelectorAll('iframe.kit-graph')).map(f => {
  const c = f.contentDocument && f.contentDocument.querySelector('canvas');
  if (!c || !c.width) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) ink++;
  return ink;
})"""

COUNT_RENDERED = """() => {
  const views = Array.from(document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]'));
  const rendered = views.filter(s => s.parentElement.querySelector('.widget-subarea > .jupyter-widgets')).length;
  const frames = Array.from(document.querySelectorAll('iframe.kit-graph'));
  const drawn = frames.filter(f => f.contentDocument
                               && f.contentDocument.documentElement.dataset.drawn === 'true').length;
  return {views: views.length, rendered, frames: frames.length, drawn,
          errorText: document.body.innerText.includes('Error displaying widget')};
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize("page", toc_files() + ["index"])
def test_page_offline_clean_and_complete(browser, site_url, good_site, page):
    context = browser.new_context()
    tab = context.new_page()
    problems = watch(tab, site_url)
    tab.goto(site_url + page + ".html", wait_until="load")
    want_widgets, want_graphs = expected_counts(good_site, page)
    if want_widgets:
        tab.wait_for_function(
            "n => Array.from(document.querySelectorAll('.widget-subarea > .jupyter-widgets')).length >= n",
            arg=want_widgets,
            timeout=15000,
        )
    if want_graphs:
        tab.wait_for_function(
            """n => Array.from(document.querySelectorAll('iframe.kit-graph')).filter(
                f => f.contentDocument && f.contentDocument.documentElement.dataset.drawn === 'true').length >= n""",
            arg=want_graphs,
            timeout=15000,
        )
    tab.wait_for_load_state("networkidle")
    if tab.locator("mjx-container, .math").count():
        tab.wait_for_function(
            "() => !window.MathJax || !window.MathJax.startup || window.MathJax.startup.promise", timeout=10000
        )
        tab.evaluate("() => window.MathJax && window.MathJax.startup ? window.MathJax.startup.promise : null")
    counts = tab.evaluate(COUNT_RENDERED)
    ink = tab.evaluate(INK) if want_graphs else []
    context.close()
    assert not problems.all(), f"{page}:\n" + "\n".join(problems.all())
    assert counts["rendered"] == want_widgets, f"{page}: {counts} but the notebook produced {want_widgets} widgets"
    assert counts["views"] == want_widgets
    assert counts["drawn"] == want_graphs, f"{page}: {counts} but the notebook produced {want_graphs} graphs"
    assert not counts["errorText"], f"{page} shows 'Error displaying widget'"
    assert all(i >= 2000 for i in ink), f"{page}: a graph canvas is (nearly) blank: {ink} inked pixels"


@pytest.mark.parametrize("page", toc_files())
def test_page_fits_a_phone_screen(browser, site_url, page):
    """At 390 CSS pixels wide nothing pushes the page sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    watch(tab, site_url)
    tab.goto(site_url + page + ".html", wait_until="networkidle")
    tab.wait_for_timeout(300)
    overflow = tab.evaluate("""() => ({scroll: document.documentElement.scrollWidth, view: window.innerWidth,
      wide: Array.from(document.querySelectorAll('article *'))
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
            && getComputedStyle(e).position !== 'fixed'
            && !e.closest('pre, .highlight, .cell_output, .table-wrapper, .MathJax, mjx-container, .widget-subarea, '
                          + '[style*="overflow"]'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)})""")
    context.close()
    assert overflow["scroll"] <= overflow["view"], f"{page} overflows at 390 px: {overflow}"


def test_formula_and_widget_page_is_covered(good_site):
    """The browser test must include a notebook page with both math and a widget."""
    widgets, _ = expected_counts(good_site, "notebooks/00-check-your-setup")
    page = (good_site.html / "notebooks" / "00-check-your-setup.html").read_text()
    assert widgets >= 1
    assert "mathjax/tex-chtml.js" in page and "$$" not in page.split("<article")[0]
    assert 'class="math' in page


@pytest.mark.parametrize("page", toc_files())
def test_page_passes_the_accessibility_audit(browser, site_url, good_site, page):
    """axe-core on the rendered page (widgets and graphs drawn): no serious or critical violations."""
    context = browser.new_context()
    tab = context.new_page()
    watch(tab, site_url)
    tab.goto(site_url + page + ".html", wait_until="load")
    want_widgets, _ = expected_counts(good_site, page)
    if want_widgets:
        tab.wait_for_function(
            "n => document.querySelectorAll('.widget-subarea > .jupyter-widgets').length >= n",
            arg=want_widgets,
            timeout=15000,
        )
    tab.wait_for_load_state("networkidle")
    violations = axe_violations(tab)
    context.close()
    assert not violations, f"{page}: " + "\n".join(
        f"{v['impact']} {v['id']} ({v['count']}×): {v['help']} e.g. {v['nodes']}" for v in violations
    )


def test_builder_page_is_usable_by_keyboard(browser, site_url):
    """Every builder control can be reached with Tab, and the focus is visible."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    watch(tab, site_url)
    tab.goto(site_url + "notebooks/03-map-your-network.html", wait_until="networkidle")
    # the first buttons may be hidden (the shared-autosave choices): wait for one that shows
    tab.wait_for_selector(".widget-subarea .jupyter-button:visible", timeout=15000)
    seen, invisible = set(), []
    for _ in range(250):
        tab.keyboard.press("Tab")
        info = tab.evaluate("""() => { const top = document.activeElement; if (!top) return null;
            // inside a graph frame the focused element is the frame's own control
            const e = (top.tagName === 'IFRAME' && top.contentDocument && top.contentDocument.activeElement)
                      ? top.contentDocument.activeElement : top;
            const s = e.ownerDocument.defaultView.getComputedStyle(e);
            return {inWidget: !!top.closest('.widget-subarea'), tag: e.tagName,
                    text: (e.getAttribute('title') || e.textContent || e.placeholder || '').trim().slice(0, 40),
                    visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                             || s.boxShadow !== 'none'}; }""")
        if info and info["inWidget"]:
            seen.add((info["tag"], info["text"]))
            if not info["visible"]:
                invisible.append(info)
    context.close()
    texts = {t for _, t in seen}
    # Undo starts disabled (nothing to undo yet); Start over is named by its title
    for control in ["Add node", "Replace the network", "e.g. Ada Lovelace"]:
        assert any(control in t for t in texts), f"{control!r} never receives keyboard focus: {sorted(texts)}"
    assert any(tag == "INPUT" for tag, _ in seen), "no text field receives keyboard focus"
    assert not invisible, f"focus is not visible on: {invisible[:5]}"
