"""Bibliography checks that need no build (issue 21).

* Every work cited in the prose (``{cite:p}``, ``{cite:t}`` and the other
  ``{cite...}`` roles in ``book/``, ``notebooks/`` and ``exercises/``) has an
  entry in ``book/references.bib``.
* Works by the same authors in the same year render with distinct labels
  (Siemens 2005a and 2005b), as the kit's Sphinx extension ``kit_bib`` gives
  them, and the extension is switched on in ``_config.yml``.
* No entry still carries a year that contradicts the work it names.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

import pytest
import yaml
from conftest import ROOT
from pybtex.database import parse_file

sys.path.insert(0, str(ROOT / "tools" / "sphinx"))
import kit_bib  # noqa: E402

BIB = ROOT / "book" / "references.bib"
#: {cite}`key`, {cite:p}`a,b`, {cite:t}`key`, {cite:ts}`key` ...
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")
PROSE_DIRS = ("book", "notebooks", "exercises")


def _prose_files():
    for folder in PROSE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if (
                path.suffix in {".md", ".ipynb"}
                and "_build" not in path.parts
                and ".ipynb_checkpoints" not in path.parts
            ):
                yield path


def cited_keys(text: str) -> set[str]:
    """The bibliography keys cited in a piece of text."""
    keys = set()
    for group in CITE.findall(text):
        keys.update(k.strip() for k in group.split(",") if k.strip())
    return keys


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(BIB))


def test_cited_keys_parser():
    text = "as {cite:p}`a2005x, b2006y` and {cite:t}`c` said; {cite}`d`"
    assert cited_keys(text) == {"a2005x", "b2006y", "c", "d"}


def test_every_cited_work_is_in_the_bibliography(bib):
    missing = defaultdict(set)
    for path in _prose_files():
        for key in cited_keys(path.read_text(encoding="utf-8")):
            if key not in bib.entries:
                missing[key].add(str(path.relative_to(ROOT)))
    assert not missing, f"cited but not in references.bib: {dict(missing)}"


def _rendered_author(entry) -> tuple:
    names = tuple(" ".join(p.last_names) for p in entry.persons.get("author", []))
    return names if len(names) <= 2 else (names[0], "et al.")


def test_same_author_same_year_works_get_distinct_labels(bib):
    labels = kit_bib.year_labels(bib.entries)
    seen = defaultdict(list)
    for key, entry in bib.entries.items():
        if key in labels:
            seen[(_rendered_author(entry), labels[key])].append(key)
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, f"same author and year label for different works: {clashes}"


def test_the_two_siemens_2005_texts_are_2005a_and_2005b(bib):
    labels = kit_bib.year_labels(bib.entries)
    assert labels["siemens2005connectivism"] == "2005a"
    assert labels["siemens2005network"] == "2005b"


def test_year_labels_are_idempotent(bib):
    entries = parse_file(str(BIB)).entries
    kit_bib.apply_year_labels(entries)
    first = {k: e.fields.get("year") for k, e in entries.items()}
    kit_bib.apply_year_labels(entries)
    assert first == {k: e.fields.get("year") for k, e in entries.items()}


def test_the_label_extension_is_switched_on():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    local = config["sphinx"]["local_extensions"]
    assert local.get("kit_bib") == "tools/sphinx/"
    assert config["sphinx"]["config"]["bibtex_reference_style"] == "author_year"


def test_downes_2006_is_dated_as_the_work_it_names(bib):
    entry = bib.entries["downes2006learning"]
    # the 2006 ITForum paper, not the later edited book
    assert entry.fields["year"] == "2006"
    assert "booktitle" not in entry.fields
    assert "ITForum" in entry.fields["howpublished"]


def test_checked_addresses_are_recorded(bib):
    assert bib.entries["mackness2010ideals"].fields["doi"] == "10.54337/nlc.v7.9190"
    assert bib.entries["downes2004oldaily"].fields["url"] == "https://www.downes.ca/post/8261"
    assert "2569" in bib.entries["bell2009connectivism"].fields["url"]
