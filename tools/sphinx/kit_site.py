"""Sphinx extension for the Connectivism Course Kit site.

Fixes, at build time, what a stock Jupyter Book 1 page gets wrong offline,
and adds the kit's own stylesheet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sphinx.builders.html._assets import _JavaScript
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    """Drop repeated scripts from a page.

    sphinx-thebe and sphinx-togglebutton call ``app.add_js_file`` from an
    ``env-before-read-docs`` handler, after the HTML builder has been created;
    Sphinx 7 then registers each of those scripts twice, and the second
    ``const THEBE_JS_URL = ...`` is a page error ("Identifier 'THEBE_JS_URL'
    has already been declared").  A script is the same if it has the same
    file (None and "" both mean none) and the same inline body.
    """
    seen = set()
    unique = []
    for js in context.get("script_files", []):
        attributes = getattr(js, "attributes", {})
        key = (getattr(js, "filename", None) or "", attributes.get("body", ""))
        if key in seen:
            continue
        seen.add(key)
        unique.append(js)
    # in place: the list is the builder's own, which other handlers append to
    context["script_files"][:] = unique


def _offline_widgets(app, pagename, templatename, context, doctree):
    """Make the vendored ipywidgets HTML manager work offline and with MathJax 3.

    * The manager finds its icon fonts next to its own AMD module, whose
      address require.js derives from the module name: unconfigured, that is
      ``<page folder>/@jupyter-widgets/html-manager/dist/`` (or, for the
      bundled controls, ``<page folder>/@jupyter-widgets/``), which do not
      exist (404s). A ``require.config`` right after require.js maps both
      names to the vendored folder.
    * On pages with math, an adapter gives widgets the MathJax 2 call they
      make (see ``widgets-mathjax3.js``).
    """
    scripts = context.get("script_files", [])
    names = [os.fspath(getattr(js, "filename", None) or "") for js in scripts]
    require_js = "_static/" + next(iter(app.config.nb_ipywidgets_js), "")
    if require_js in names:
        folder = context["pathto"]("_static/jupyter-widgets", 1)
        # the manager's own modules, and the widget packages it bundles
        # (@jupyter-widgets/controls, base, output), whose icon fonts the
        # button icons use: both resolve to the vendored folder
        paths = {"@jupyter-widgets/html-manager/dist": folder, "@jupyter-widgets": folder}
        body = f"require.config({{paths: {json.dumps(paths)}}});"
        scripts.insert(names.index(require_js) + 1, _JavaScript(None, body=body))
        names.insert(names.index(require_js) + 1, "")
    mathjax = "_static/" + app.config.mathjax_path
    if mathjax in names and "jupyter-widgets/embed-amd.js" in " ".join(names):
        scripts.insert(names.index(mathjax), _JavaScript("_static/widgets-mathjax3.js"))


VIS_NETWORK = "_static/vis-network/vis-network.min.js"


def _shared_graph_library(app, pagename, templatename, context, doctree):
    """Load vis-network once per site instead of once per graph.

    Each graph frame made in Jupyter carries the whole library in-line (about
    0.5 MB). On the built site it is replaced by ``<script src>`` pointing at
    the vendored copy; a relative address inside ``srcdoc`` resolves against
    the page, so the browser fetches and caches it once. Graphs live both in
    cell outputs (the page body) and in saved widget state (a script).
    """
    from connectivism.render import share_library

    src = context["pathto"](VIS_NETWORK, 1)
    body = context.get("body", "")
    if body and "kit:vis-network" in body:
        context["body"] = share_library(body, src)
    for js in context.get("script_files", []):
        attrs = getattr(js, "attributes", {})
        if "kit:vis-network" in attrs.get("body", ""):
            attrs["body"] = share_library(attrs["body"], src)


def _accessible_markup(app, pagename, templatename, context, doctree):
    """Repair markup that fails an accessibility audit (axe-core, serious).

    docutils wraps a bibliography in ``<div role="list">`` whose children are
    ``role="doc-biblioentry"``, not list items: a list with no items for a
    screen reader ("aria-required-children"). Without the role, the entries
    read as what they are, a sequence of references.
    """
    body = context.get("body", "")
    if 'role="list" class="citation-list"' in body:
        context["body"] = body.replace('<div role="list" class="citation-list">', '<div class="citation-list">')


# the folders whose notebooks the browser edition holds (tools/lite.py, CONTENTS)
LITE_FOLDERS = ("notebooks/", "exercises/")


def _open_in_browser_button(app, pagename, templatename, context, doctree):
    """Add "Open in your browser" (the JupyterLite edition) next to the Binder button.

    Only on the pages of notebooks and learner exercises, which the browser
    edition holds; the address is relative, so it works wherever the site is
    served (also from a sub-folder).
    """
    if not pagename.startswith(LITE_FOLDERS) or "/_" in pagename:
        return
    if not os.path.isfile(os.path.join(app.srcdir, pagename + ".ipynb")):
        return
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons":
            url = context["pathto"]("lite/notebooks/index.html", 1) + f"?path={pagename}.ipynb"
            group["buttons"].append(
                {
                    "type": "link",
                    "text": "Open in your browser",
                    "tooltip": "Run this notebook in your browser (JupyterLite): no server, nothing to install",
                    "icon": "_static/images/logo_jupyterlite.svg",
                    "url": url,
                    "label": "launch-lite-button",
                }
            )


def _build_lite(app, exception):
    """Build the browser edition into ``<site>/lite/`` (tools/lite.py; a no-change build copies nothing)."""
    if exception is not None or app.builder.name != "html":
        return
    tool = os.path.join(app.srcdir, "tools", "lite.py")
    proc = subprocess.run(
        [sys.executable, tool, "--out", os.path.join(app.outdir, "lite")], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise ExtensionError(f"the browser edition was not built:\n{proc.stdout}{proc.stderr}")
    logger.info(proc.stdout.strip())


def _check_vendored(app):
    static = [os.path.join(app.srcdir, p) for p in app.config.html_static_path]
    if not any(os.path.isfile(os.path.join(d, "vis-network", "vis-network.min.js")) for d in static):
        logger.warning("vis-network is not vendored: run `python tools/vendor.py` (make book does)")


def setup(app):
    app.add_css_file("kit.css")
    # late, so that it sees the scripts every other extension adds to the page
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    app.connect("html-page-context", _offline_widgets, priority=901)
    app.connect("html-page-context", _shared_graph_library, priority=902)
    app.connect("html-page-context", _accessible_markup, priority=903)
    app.connect("html-page-context", _open_in_browser_button, priority=904)
    app.connect("builder-inited", _check_vendored)
    app.connect("build-finished", _build_lite)
    app.add_js_file("widgets-a11y.js", priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
