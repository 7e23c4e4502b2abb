"""Screenshots of the builder's "Import from your tools" panel for the book, offline.

Usage: ``python tools/import_screenshots.py [OUT_DIR]`` (default ``book/images/imports``),
run from the repository root with ``PYTHONPATH=.`` so that this checkout's package is used.

Each panel is made and driven from Python (the example exports in
``tests/data/imports/`` read as the learner would read them), its widget state
saved into a small HTML page with ipywidgets' embedding, and that page drawn
by Debian's Chromium through Playwright with the vendored widget scripts
(``_vendor/jupyter-widgets``: see ``tools/vendor.json``), every non-local
request blocked. No book build is needed. Each PNG carries the text chunk
``Source: tools/import_screenshots.py``. Writes:

* ``import-panel-feeds.png``: a feed reader's OPML read, its folders as groups;
* ``import-panel-linkedin.png``: LinkedIn's ``Connections.csv`` read;
* ``import-panel-references.png``: a Zotero BibTeX library read with the
  threshold control set to 1.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import json
import shutil
import tempfile
import threading
from pathlib import Path

from ipywidgets.embed import embed_data

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "imports"
CHROMIUM = "/usr/bin/chromium"
#: The PNG text chunk each screenshot carries (``Source``), checked by ``tests/test_imports_page.py``.
MARKER = "tools/import_screenshots.py"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>import panel</title>
<style>body {{ font-family: sans-serif; margin: 12px; width: 960px; }}</style>
<script>window.__jupyter_widgets_assets_path__ = new URL("./", document.baseURI).href;</script>
<script src="require.js"></script>
<script src="embed-amd.js"></script>
</head><body>
<script type="application/vnd.jupyter.widget-state+json">
{state}
</script>
<div id="panel">
<script type="application/vnd.jupyter.widget-view+json">
{view}
</script>
</div>
</body></html>
"""


def _vendor() -> Path:
    """The folder of the vendored widget scripts (``tools/vendor.py`` fetches them)."""
    folder = ROOT / "_vendor" / "jupyter-widgets"
    if not (folder / "embed-amd.js").is_file():
        raise SystemExit(f"{folder / 'embed-amd.js'} not found: run `python tools/vendor.py` first")
    return folder


def _upload(panel, path: Path) -> None:
    """Give the panel's file control a file, as the browser does, and read it."""
    content = path.read_bytes()
    panel.upload.value = (
        {
            "name": path.name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime.datetime(2026, 11, 1),
        },
    )
    if not panel.read_upload():
        raise SystemExit(f"{path.name} was not read: {panel.message.value}")


def panels() -> dict[str, object]:
    """The three panels to draw, by file name, each driven as a learner would."""
    from connectivism.network import LearningNetwork
    from connectivism.session import EditSession
    from connectivism.widgets.importing import ImportPanel

    shown = {}
    net = LearningNetwork("Sam")
    net.add("OER Knowledge Cloud", "resource")
    feeds = ImportPanel(EditSession(net, autosave=False), lambda: None)
    feeds.reader.value = "opml"
    _upload(feeds, DATA / "feedly-2026.opml")
    shown["import-panel-feeds.png"] = feeds

    linkedin = ImportPanel(EditSession(LearningNetwork("Sam"), autosave=False), lambda: None)
    linkedin.reader.value = "linkedin"
    _upload(linkedin, DATA / "linkedin-connections-2026.csv")
    shown["import-panel-linkedin.png"] = linkedin

    references = ImportPanel(EditSession(LearningNetwork("Sam"), autosave=False), lambda: None)
    references.reader.value = "bibtex"
    references.threshold.value = 1
    _upload(references, DATA / "zotero-7.bib")
    shown["import-panel-references.png"] = references
    return shown


def _mark(path: Path) -> None:
    """Write :data:`MARKER` into the PNG as its ``Source`` text chunk."""
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Source", MARKER)
    with Image.open(path) as image:
        image.load()
    image.save(path, pnginfo=info, optimize=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "book" / "images" / "imports"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        # the scripts at the site's root; the icon fonts also where the widget manager asks for them
        for folder in (site, site / "@jupyter-widgets", site / "@jupyter-widgets" / "html-manager" / "dist"):
            folder.mkdir(parents=True, exist_ok=True)
            for item in _vendor().iterdir():
                if folder == site or not item.name.endswith(".js"):
                    shutil.copy(item, folder / item.name)
        names = []
        for name, panel in panels().items():
            data = embed_data(views=[panel.box])
            state, view = (
                json.dumps(part).replace("</", "<\\/") for part in (data["manager_state"], data["view_specs"][0])
            )
            (site / (name + ".html")).write_text(PAGE.format(state=state, view=view), encoding="utf-8")
            names.append(name)

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                tab = browser.new_page(viewport={"width": 1000, "height": 900}, device_scale_factor=1)
                blocked: list[str] = []

                def route(r):
                    if r.request.url.startswith(base):
                        r.continue_()
                    else:
                        blocked.append(r.request.url)
                        r.abort()

                tab.route("**/*", route)
                for name in names:
                    tab.goto(base + name + ".html", wait_until="networkidle")
                    tab.wait_for_selector("#panel .widget-vbox", timeout=30000)
                    tab.wait_for_timeout(500)
                    tab.locator("#panel").screenshot(path=str(out / name))
                    _mark(out / name)
                    print(f"wrote {out / name}")
                browser.close()
            if blocked:
                raise SystemExit(f"the page asked for files outside the site: {sorted(set(blocked))}")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
