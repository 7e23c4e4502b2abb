"""The book builds from clean, strictly, and every _toc.yml entry becomes a page."""

from __future__ import annotations

import re

from conftest import ROOT, toc_files


def test_clean_strict_build_passes(built_site):
    assert built_site.returncode == 0, "\n".join(built_site.log.splitlines()[-60:])
    # -W turns Sphinx warnings into errors, but say plainly if any slipped through
    warnings = [line for line in built_site.log.splitlines() if re.search(r"\bWARNING:", line)]
    assert not warnings, "\n".join(warnings)


def test_every_toc_entry_produced_a_page(good_site):
    missing = [f for f in toc_files() if not (good_site.html / f"{f}.html").is_file()]
    assert not missing, f"_toc.yml entries without a built page: {missing}"
    assert len(toc_files()) >= 4


def test_toc_entries_exist_as_sources():
    for entry in toc_files():
        candidates = [ROOT / f"{entry}.md", ROOT / f"{entry}.ipynb"]
        assert any(c.is_file() for c in candidates), f"{entry} is in _toc.yml but has no source file"


def test_no_page_outside_the_toc_is_built(good_site):
    built = {
        str(p.relative_to(good_site.html).with_suffix(""))
        for p in good_site.html.rglob("*.html")
        # lite/ is the browser edition: an app of its own beside the book, tested in test_lite_browser.py
        if not p.relative_to(good_site.html).parts[0].startswith("_")
        and p.relative_to(good_site.html).parts[0] != "lite"
    }
    expected = set(toc_files()) | {"index", "genindex", "search"}
    assert built <= expected, f"pages built that are not in _toc.yml: {sorted(built - expected)}"


def test_notebooks_were_executed_at_build_time(good_site):
    page = (good_site.html / "notebooks" / "00-check-your-setup.html").read_text()
    assert "✓ connectivism" in page
    assert "application/vnd.jupyter.widget-state+json" in page
