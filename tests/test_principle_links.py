"""Each principle page links exactly one existing model notebook, and that notebook links back."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, toc_files

PRINCIPLE_PAGES = sorted(ROOT.glob("book/05-p[1-8]-*.md"))


def labels_of_model_notebooks() -> dict[str, str]:
    """Label → notebook path for every model notebook in the toc."""
    out = {}
    for entry in toc_files():
        path = ROOT / f"{entry}.ipynb"
        if path.is_file():
            first = "".join(json.loads(path.read_text())["cells"][0]["source"])
            m = re.match(r"\((model-[a-z0-9-]+)\)=", first)
            if m:
                out[m.group(1)] = path
    return out


def test_there_are_eight_principle_pages_and_eight_model_notebooks():
    assert len(PRINCIPLE_PAGES) == 8
    assert len(labels_of_model_notebooks()) == 8


@pytest.mark.parametrize("page", PRINCIPLE_PAGES, ids=lambda p: p.stem)
def test_principle_page_links_exactly_one_model_and_it_links_back(page):
    models = labels_of_model_notebooks()
    text = page.read_text()
    linked = set(re.findall(r"\{ref\}`(?:[^`<]*<)?(model-[a-z0-9-]+)>?`", text))
    assert len(linked) == 1, f"{page.name} links models {sorted(linked)}"
    (label,) = linked
    assert label in models, f"{page.name} links {label}, which is not a model notebook in the toc"
    own = re.match(r"\((principle-\d)\)=", text).group(1)
    notebook = models[label]
    assert f"{{ref}}`{own}`" in notebook.read_text(), f"{notebook.name} does not link back to {own}"
