"""Sphinx extension: "Run it live in your browser" on the pages whose point is a widget.

A notebook marks the cell(s) to run live with the cell tag ``live`` (the one
place: a reader of the notebook sees it too). On that notebook's page, each
such cell gets a control next to its snapshot (the output saved when the page
was built). Clicking it, and only then, embeds the browser edition's REPL app
(``lite/repl/index.html``, JupyterLite) running the cell's own code, read from
the notebook at build time, with the code hidden; ``kit-live.js`` (in the
site's ``_static``) shows the progress, says so if the browser is too old, and
puts the live widget where the snapshot was. Nothing of JupyterLite loads
before the click, and nothing comes from another site.

Without JavaScript the control stays hidden (it could do nothing) and the
snapshot stays; a printed page shows the snapshot.
"""

from __future__ import annotations

import html
import os
import re
from urllib.parse import urlencode

import nbformat
from sphinx.errors import ExtensionError

#: The cell tag that marks a cell to run live on its page.
TAG = "live"
#: The control's label; the notebooks' snapshot notes name it in these words.
LABEL = "Run it live in your browser"
#: What the first visit downloads (about; benchmarks/live_pages.py measures it, cold, from loopback).
FIRST_VISIT_MB = 55
#: The REPL app's options (JupyterLite 0.6.4, @jupyterlite/repl-extension): run the ``code``
#: parameters on load, hide their code, no banner, no toolbar (absent ``toolbar`` = none).
REPL_OPTIONS = (("kernel", "python"), ("hideCodeInput", "1"), ("showBanner", "0"))
REPL_APP = "lite/repl/index.html"

# the start of a code cell tagged "live" in myst-nb's HTML (its tags become ``tag_<name>`` classes)
_CELL = re.compile(r'<div class="cell(?: tag_[^" ]+)* tag_' + TAG + r'(?: tag_[^" ]+)* docutils container">')
_OUTPUT = '<div class="cell_output docutils container">'


def live_cells(path: str) -> list[str]:
    """The code of each cell tagged ``live`` in the notebook at ``path``, in order.

    Each such cell must run by itself (the embed runs it alone, in a fresh kernel).
    """
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and TAG in c.metadata.get("tags", [])]


def repl_url(app_url: str, code: str) -> str:
    """The REPL app's address that runs ``code`` with the code hidden."""
    return app_url + "?" + urlencode(REPL_OPTIONS + (("code", code),))


def control(url: str, title: str) -> str:
    """The markup of one control: hidden until ``kit-live.js`` shows it (so never without JavaScript)."""
    hint = f"Python starts in this page; nothing to install (first visit: about {FIRST_VISIT_MB} MB)."
    return (
        f'<div class="kit-live" data-kit-live-src="{html.escape(url)}" data-kit-live-title="{html.escape(title)}"'
        f' data-kit-live-mb="{FIRST_VISIT_MB}" hidden>'
        f'<button type="button" class="kit-live-button">{html.escape(LABEL)}</button>'
        f' <span class="kit-live-hint">{html.escape(hint)}</span>'
        '<div class="kit-live-status" role="status" aria-live="polite"></div>'
        "</div>"
    )


def _live_controls(app, pagename, templatename, context, doctree):
    """Put the control before the snapshot (the output) of each cell tagged ``live`` on a notebook's page."""
    source = os.path.join(app.srcdir, pagename + ".ipynb")
    body = context.get("body", "")
    if not body or not os.path.isfile(source):
        return
    cells = live_cells(source)
    if not cells:
        return
    starts = list(_CELL.finditer(body))
    if len(starts) != len(cells):
        raise ExtensionError(f"{pagename}: {len(cells)} cells tagged {TAG!r}, but {len(starts)} on the page")
    app_url = context["pathto"](REPL_APP, 1)
    title = re.sub(r"<[^>]+>", "", context.get("title", "")).strip() or pagename
    pieces, last = [], 0
    for number, (start, code) in enumerate(zip(starts, cells, strict=True), 1):
        at = body.find(_OUTPUT, start.end())
        if at < 0:
            raise ExtensionError(f"{pagename}: the cell tagged {TAG!r} has no output (the snapshot) on the page")
        name = f"Live: {title}" + (f" ({number})" if len(cells) > 1 else "")
        pieces += [body[last:at], control(repl_url(app_url, code), name)]
        last = at
    context["body"] = "".join(pieces) + body[last:]


def setup(app):
    app.add_css_file("kit-live.css")
    app.add_js_file("kit-live.js", priority=800, defer="defer")
    app.connect("html-page-context", _live_controls, priority=905)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
