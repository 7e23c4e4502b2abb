"""The "Import from your tools" panel works in the browser edition (issue 30).

The builder notebook is opened in the browser edition (JupyterLite, Pyodide),
served by the local test server with every other request blocked; an OPML
export is uploaded through the panel's file control, read, and its feeds
added. The file is read in the browser: no request leaves the site, and the
page shows no error. A screenshot of the panel is written to
``$KIT_IMPORT_SHOT`` if set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import chromium, watch
from test_lite_browser import run_all

ROOT = Path(__file__).resolve().parent.parent
OPML = ROOT / "tests" / "data" / "imports" / "netnewswire-6.1.opml"
NOTEBOOK = "notebooks/03-map-your-network.ipynb"


@pytest.mark.browser
def test_an_opml_is_imported_through_the_panel_in_the_browser_edition(site_url, good_site):
    assert (good_site.html / "lite" / "files" / NOTEBOOK).is_file()
    with chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000})
        tab = context.new_page()
        problems = watch(tab, site_url)
        try:
            run_all(tab, site_url, NOTEBOOK)
            output = tab.locator(".jp-OutputArea").first
            output.locator(".lm-TabBar-tab", has_text="From your tools").first.click()
            with tab.expect_file_chooser() as chooser:  # the learner's click opens the file dialog
                output.locator(".widget-upload >> visible=true").first.click()
            chooser.value.set_files(str(OPML))
            output.locator("button", has_text="Read the file").first.click()
            tab.wait_for_selector("text=Found 4 candidates in 2 groups", timeout=30000)
            output.locator("button", has_text="Add the selected").first.click()
            tab.wait_for_selector("text=Undo takes the whole import back", timeout=30000)
            text = output.inner_text()
            if os.environ.get("KIT_IMPORT_SHOT"):
                output.screenshot(path=os.environ["KIT_IMPORT_SHOT"])
        finally:
            context.close()
    assert "Added 4 nodes" in text and "already in your network" in text
    assert not problems.all(), "\n".join(problems.all())
