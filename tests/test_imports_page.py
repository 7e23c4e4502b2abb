"""The page "Map your network in five minutes" (issue 31): its screenshots, its tools, its links.

Checked on the sources, without a build:

* every figure the page shows is a PNG file that exists (the screenshots of
  the builder's "Import from your tools" panel);
* every tool's section gives the month its steps date from and a link to a
  help page, and the page covers each supported export;
* the page reads the imports against principles 1, 2, 3, 5 and 7, with
  citations from the book's bibliography;
* the page is in the table of contents right after the builder, and the
  builder and the first exercise (its source and the learner version) link to it.
"""

from __future__ import annotations

import re

import nbformat
import pytest
import yaml
from conftest import ROOT

PAGE = ROOT / "book" / "11-map-your-network-in-five-minutes.md"
LABEL = "map-in-five-minutes"
TEXT = PAGE.read_text(encoding="utf-8")
FIGURE = re.compile(r"^```\{figure\}\s+(\S+)", re.MULTILINE)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def sections(text: str) -> dict[str, str]:
    """The page's third-level sections, by heading."""
    parts = re.split(r"^### (.+)$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1].split("\n## ")[0] for i in range(1, len(parts), 2)}


def test_the_page_starts_with_its_label():
    assert TEXT.startswith(f"({LABEL})=\n# Map your network in five minutes")


@pytest.mark.parametrize("path", FIGURE.findall(TEXT) or ["(none)"])
def test_every_screenshot_the_page_shows_exists(path):
    image = PAGE.parent / path
    assert image.is_file(), f"{path} is shown on the page but is missing"
    assert image.read_bytes()[:8] == PNG_MAGIC


@pytest.mark.parametrize("path", [p for p in FIGURE.findall(TEXT) if p.startswith("images/imports/")] or ["(none)"])
def test_the_panel_screenshots_are_real_screenshots_not_placeholders(path):
    # made by tools/import_screenshots.py, which marks them; a placeholder (a flat grey card with a red
    # frame and a line of text) fails on the marker, the white page, the button and the colours
    from PIL import Image

    with Image.open(PAGE.parent / path) as image:
        assert image.text.get("Source") == "tools/import_screenshots.py", f"{path}: not made by the screenshot tool"
        width, height = image.size
        pixels = image.convert("RGB")
    assert width >= 800 and height >= 600, f"{path}: {width}x{height} is too small for the whole panel"
    colours = {colour: count for count, colour in pixels.getcolors(width * height)}
    assert colours.get((255, 255, 255), 0) > 0.5 * width * height, f"{path}: not the panel on a white page"
    assert colours.get((33, 150, 243), 0) > 500, f"{path}: the panel's blue 'Add the selected' button is missing"
    assert colours.get((176, 0, 32), 0) < 0.01 * width * height, f"{path}: the placeholder's red frame"
    assert len(colours) > 200, f"{path}: too few colours for a screenshot of text and controls"


def test_the_page_shows_the_panel_for_feeds_connections_and_references():
    shown = {p.rsplit("/", 1)[-1] for p in FIGURE.findall(TEXT)}
    assert {"import-panel-feeds.png", "import-panel-linkedin.png", "import-panel-references.png"} <= shown


@pytest.mark.parametrize(
    "tool",
    ["Feed readers (OPML)", "Mastodon follows (CSV)", "Browser bookmarks (HTML)", "yEd or Gephi", "LinkedIn", "Zotero"],
)
def test_each_tool_gives_the_month_its_steps_date_from_and_a_help_page(tool):
    found = [body for heading, body in sections(TEXT).items() if tool in heading]
    assert len(found) == 1, f"no single section for {tool}"
    body = found[0]
    assert "November 2026" in body
    assert re.search(r"Help: <https://[^>\s]+>", body)
    assert "What the import makes of it" in body


def test_the_reference_managers_named_are_zotero_mendeley_and_endnote():
    body = next(body for heading, body in sections(TEXT).items() if "Zotero" in heading)
    for manager in ("Zotero", "Mendeley", "EndNote"):
        assert f"**{manager}" in body


def test_the_imports_are_read_against_the_principles_the_issue_names():
    for label in ("principle-1", "principle-2", "principle-5", "principle-7"):
        assert f"{{ref}}`{label}`" in TEXT
    for heading in ("principles 3 and 7", "principle 1", "principle 5", "principle 2"):
        assert re.search(rf"\*\*Your [a-z' ]+: {heading}\.\*\*", TEXT), heading
    keys = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(), re.MULTILINE))
    cited = set(re.findall(r"\{cite:[pt]\}`([^`]+)`", TEXT))
    assert cited and cited <= keys


def test_the_page_follows_the_builder_in_the_table_of_contents():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [chapter["file"] for part in toc["parts"] for chapter in part["chapters"]]
    builder = files.index("notebooks/03-map-your-network")
    assert files[builder + 1] == "book/11-map-your-network-in-five-minutes"


@pytest.mark.parametrize(
    "notebook",
    [
        "notebooks/03-map-your-network.ipynb",
        "exercises/_source/01-map-and-read-diversity.ipynb",
        "exercises/01-map-and-read-diversity.ipynb",
    ],
)
def test_the_builder_and_the_first_exercise_link_to_the_page(notebook):
    nb = nbformat.read(ROOT / notebook, as_version=4)
    markdown = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert f"{{ref}}`{LABEL}`" in markdown
