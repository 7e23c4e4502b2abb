"""The browser edition (JupyterLite, ``lite/`` in the built site) runs every notebook and exercise.

Each notebook and learner exercise is opened in JupyterLite's notebook
interface, served by the local test server with every other request blocked;
all its cells are run in the in-browser kernel (Pyodide). The test finds no
error output, zero console errors, page errors, blocked or failed requests,
and, where the notebook shows widgets, widgets that draw and answer one
interaction. A screenshot of each is written to ``$KIT_LITE_SHOTS`` if set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import chromium, watch
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
# what the browser edition holds (tools/lite.py, CONTENTS): never exercises/_source
PAGES = [f"notebooks/{p.name}" for p in sorted((ROOT / "notebooks").glob("*.ipynb"))] + [
    f"exercises/{p.name}" for p in sorted((ROOT / "exercises").glob("*.ipynb"))
]
SHOTS = os.environ.get("KIT_LITE_SHOTS")

PROMPTS = (
    "() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')].map(e => e.textContent.trim())"
)
ERROR_OUTPUTS = """() => [...document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-mod-error'
)].map(e => e.innerText.slice(-1500))"""
# the text a reader sees in the outputs, and the graphs drawn in frames: an interaction changes one
OUTPUT_STATE = """() => [...document.querySelectorAll('.jp-OutputArea')].map(e => e.innerText).join('\\n')
    + [...document.querySelectorAll('.jp-OutputArea iframe')].map(f => f.srcdoc || f.src).join('\\n')"""
WIDGETS = "() => document.querySelectorAll('.jp-OutputArea .jupyter-widgets').length"


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def run_all(tab, site_url: str, path: str) -> None:
    tab.goto(f"{site_url}lite/notebooks/index.html?path={path}")
    tab.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=60000)
    # the committed outputs are cleared first: what is checked is what ran here
    tab.click(".lm-MenuBar-itemLabel:text-is('Edit')")
    tab.click(".lm-Menu-itemLabel:text-is('Clear Outputs of All Cells')")
    tab.click(".lm-MenuBar-itemLabel:text-is('Run')")
    tab.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    tab.wait_for_function(
        # every cell ran, or one failed (Run All stops there) and nothing is running
        """() => { const p = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
                   .map(e => e.textContent.trim());
                   const failed = document.querySelector('.jp-OutputArea-output.jp-mod-error, '
                       + '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
                   return p.length > 0 && (p.every(t => /^\\[\\d+\\]:$/.test(t))
                                           || (failed && !p.includes('[*]:'))); }""",
        timeout=240000,
        polling=1000,
    )


def changed(tab, before: str, timeout: int = 10000) -> bool:
    try:
        tab.wait_for_function(f"b => ({OUTPUT_STATE})() !== b", arg=before, timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def interact(tab) -> str | None:
    """Use the widgets as a reader would, until one answers (the outputs change); say which.

    In order: a slider (dragged), a drop-down (another choice), toggle buttons
    (another choice), then the first few buttons. A choice that only takes
    effect with a button (the builder's "Start over") is answered by the button.
    """
    slider = tab.locator(".jp-OutputArea .widget-slider .noUi-handle >> visible=true").first
    if slider.count():
        slider.evaluate("e => e.scrollIntoView({block: 'center'})")  # and in the screenshot
        before = tab.evaluate(OUTPUT_STATE)
        box = slider.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        track = tab.locator(".jp-OutputArea .widget-slider .noUi-base >> visible=true").first.bounding_box()
        # left, or right if it is near its minimum
        to = track["x"] + 2 if x - track["x"] > track["width"] / 4 else track["x"] + track["width"] - 2
        tab.mouse.move(x, y)
        tab.mouse.down()
        tab.mouse.move(to, y, steps=8)
        tab.mouse.up()
        if changed(tab, before):
            return "slider"
    dropdown = tab.locator(".jp-OutputArea .widget-dropdown select >> visible=true").first
    if dropdown.count():
        dropdown.evaluate("e => e.scrollIntoView({block: 'center'})")
        before = tab.evaluate(OUTPUT_STATE)
        count = dropdown.locator("option").count()
        dropdown.select_option(index=(dropdown.evaluate("s => s.selectedIndex") + 1) % count)
        if changed(tab, before):
            return "dropdown"
    toggles = tab.locator(".jp-OutputArea .widget-toggle-buttons >> visible=true").first
    if toggles.count():
        toggles.evaluate("e => e.scrollIntoView({block: 'center'})")
        for i in (1, 0):  # another choice than the current one: the second, or else the first
            before = tab.evaluate(OUTPUT_STATE)
            toggles.locator("button").nth(i).click()
            if changed(tab, before):
                return "toggle buttons"
    buttons = tab.locator(".jp-OutputArea button.jupyter-button:not([disabled]) >> visible=true")
    for i in range(min(buttons.count(), 3)):
        button = buttons.nth(i)
        button.evaluate("e => e.scrollIntoView({block: 'center'})")
        before = tab.evaluate(OUTPUT_STATE)
        button.click()
        if changed(tab, before):
            return "button"
    return None


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_notebook_runs_in_the_browser_edition(browser, site_url, good_site, path):
    assert (good_site.html / "lite" / "files" / path).is_file(), f"{path} is not in the browser edition"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems = watch(tab, site_url)
    try:
        run_all(tab, site_url, path)
        errors = tab.evaluate(ERROR_OUTPUTS)
        widgets = tab.evaluate(WIDGETS)
        assert "Error displaying widget" not in tab.inner_text(".jp-Notebook")
        answered = interact(tab) if widgets else None
    finally:
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(Path(SHOTS) / (path.replace("/", "__") + ".png")))
        context.close()
    assert errors == [], f"{path}: error output:\n" + "\n---\n".join(errors)
    assert not problems.all(), f"{path}:\n" + "\n".join(problems.all())
    if widgets:
        assert answered, f"{path}: {widgets} widgets drawn, but none answered an interaction"
