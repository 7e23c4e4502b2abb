"""The model notebooks follow the model-notebook template (connectivism.models.NOTEBOOK_SECTIONS).

nbval runs the notebooks themselves (strict, committed outputs); this file
checks their shape: label and overview, play first, the Info-tab sections in
order, the principle quoted and cited, the snapshot note, and references
that resolve.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pytest
from conftest import ROOT, toc_files

from connectivism.models import MODELS, NOTEBOOK_SECTIONS

sys.path.insert(0, str(ROOT / "tools" / "sphinx"))
from kit_live import LABEL as LIVE_LABEL  # noqa: E402

NOTEBOOKS = {
    "smallworld": ("notebooks/11-capacity-to-know-more.ipynb", "model-capacity"),
    "maintenance": ("notebooks/12-nurturing-connections.ipynb", "model-nurturing"),
    "currency": ("notebooks/13-currency.ipynb", "model-currency"),
    "nonhuman": ("notebooks/14-non-human-appliances.ipynb", "model-nonhuman"),
    "diversity": ("notebooks/15-diversity-of-opinions.ipynb", "model-diversity"),
    "specialised": ("notebooks/16-specialised-nodes.ipynb", "model-specialised"),
    "connections": ("notebooks/17-seeing-connections.ipynb", "model-connections"),
    "decisions": ("notebooks/18-decisions-shifting-reality.ipynb", "model-decisions"),
}
MODEL_LABELS = {label for _, label in NOTEBOOKS.values()}


def load(name):
    return nbformat.read(ROOT / NOTEBOOKS[name][0], as_version=4)


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def toc_labels() -> set[str]:
    """Labels defined in the pages of _toc.yml (only those pages are built)."""
    files = toc_files()
    labels = set()
    for f in files:
        for path in (ROOT / f"{f}.md", ROOT / f"{f}.ipynb"):
            if not path.is_file():
                continue
            text = (
                markdown(nbformat.read(path, as_version=4))
                if path.suffix == ".ipynb"
                else path.read_text(encoding="utf-8")
            )
            labels |= set(re.findall(r"^\(([\w-]+)\)=", text, flags=re.M))
    return labels


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_opens_with_label_title_and_overview(name):
    first = load(name).cells[0]
    assert first.cell_type == "markdown"
    lines = first.source.splitlines()
    assert lines[0] == f"({NOTEBOOKS[name][1]})="
    assert lines[1].startswith("# ")
    assert "**Time:**" in first.source and "**You will:**" in first.source


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_has_the_template_sections_in_order(name):
    headings = re.findall(r"^## (.+)$", markdown(load(name)), flags=re.M)
    assert tuple(headings) == NOTEBOOK_SECTIONS


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_play_first_with_the_explorer_before_any_reading(name):
    nb = load(name)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    explorer = nb.cells[code[0]]
    assert f"ModelExplorer({MODELS[name].__name__}())" in explorer.source
    assert "nbval-ignore-output" in explorer.metadata.get("tags", [])
    assert explorer.outputs == []  # committed without outputs (README, notebook policy)
    before = "\n".join(c.source for c in nb.cells[: code[0]])
    assert "## Play first" in before and "## What is it" not in before
    assert "challenge" in before.lower() or "?" in before
    # the note says how the website's snapshot becomes live: the words of the page's own button
    assert f"**{LIVE_LABEL}**" in before and "**snapshot**" in before
    assert "live" in explorer.metadata.get("tags", [])  # the cell the button runs (tools/sphinx/kit_live.py)


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_principle_is_quoted_cited_and_its_limits_stated(name):
    text = markdown(load(name))
    wording = MODELS[name].principle[1]
    assert re.search(r'"' + re.escape(wording) + r'\.?"', text), "quote the principle in quotation marks"
    assert "siemens2005connectivism" in text
    assert "**What the model shows.**" in text and "**What it does not show.**" in text
    assert "$$" in text, "How it works gives the rule as a formula"


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_references_and_citations_resolve(name):
    text = markdown(load(name))
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,]+),", bib, flags=re.M))
    for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", text):
        for key in group.split(","):
            assert key.strip() in keys, f"{key} is not in book/references.bib"
    known = toc_labels() | MODEL_LABELS
    for target in re.findall(r"\{ref\}`(?:[^`<]*<)?([\w-]+)>?`", text):
        assert target in known, f"{{ref}} to {target!r}, which no page in _toc.yml defines"
    assert "{ref}`connectivism`" in text, "link back to the principles"
