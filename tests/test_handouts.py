"""The printable handouts (``make handouts``, ``tools/handouts.py``), printed from the clean build.

* every expected PDF is there, in A4 and in US Letter, with a sensible page
  count; the learner set and the facilitator pack are in separate folders;
* each holds its exercise's or agenda's title, and the card holds the eight
  principles in the exact wording the book quotes, with the source;
* each carries the kit's name, version and licence and the page's address;
* no learner PDF holds answer-key text (the leak test's own lines), while the
  facilitator pack holds all of it; no PDF holds a web-only control's words;
* each exercise sheet has ruled space for every answer stub; links print with
  their address; the facilitator guide links exactly the learner set.

Text is read with poppler's ``pdftotext`` (``.ci/run`` installs ``poppler-utils``).
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess

import nbformat
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from test_exercises import SOURCES, solution_phrases, words

from connectivism import __version__

pytestmark = pytest.mark.browser

SIZES = {"a4": (595, 842), "letter": (612, 792)}  # points, portrait
WEB_ONLY = ("Run it live", "Click to explore", "launch to interact", "Skip to main content", "Back to top")
GUIDE = ROOT / "book" / "10-facilitator-guide.md"


def pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext not found: install poppler (`apt-get install -y poppler-utils`); .ci/run does this")
    # -raw: in drawing order, and a word broken at a hyphen keeps its hyphen
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces (a PDF breaks lines where the page ends), typographic quotes plain."""
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    return " ".join(text.split()).replace("’", "'")


def compact(text: str) -> str:
    """No whitespace at all (a long address may be wrapped anywhere)."""
    return "".join(text.split())


@pytest.fixture(scope="session")
def printed(printed_handouts):
    out, result = printed_handouts  # printed once per run (conftest.py), shared with the workshop bundle
    texts = {p: pdf_text(p) for paths in result.values() for p in paths}
    return out, result, texts


def agenda_titles() -> list[str]:
    return re.findall(r"^## (Agenda \d: .+)$", GUIDE.read_text("utf-8"), flags=re.MULTILINE)


def expected_learner_stems() -> list[str]:
    stems = [f"exercise-{s.stem}" for s in SOURCES]
    stems += [re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-") for t in agenda_titles()]
    return stems + ["eight-principles-card"]


def test_every_expected_pdf_exists_in_both_sizes_and_the_two_sets_stay_apart(printed):
    out, result, _ = printed
    assert len(agenda_titles()) == 3
    learner = {p.name for p in (out / "learner").iterdir()}
    assert learner == {f"{stem}-{size}.pdf" for stem in expected_learner_stems() for size in SIZES}
    assert {p.name for p in (out / "facilitator").iterdir()} == {f"facilitator-pack-{s}.pdf" for s in SIZES}
    assert set(result) == {"learner", "facilitator"}
    for path in result["learner"] + result["facilitator"]:
        width, height = sorted(float(n) for n in re.findall(r"[\d.]+", pdf_info(path)["Page size"])[:2])
        expected = SIZES[path.stem.rsplit("-", 1)[1]]
        assert abs(width - expected[0]) < 2 and abs(height - expected[1]) < 2, (path.name, width, height)


def test_page_counts_are_sensible(printed):
    _, result, _ = printed
    for path in result["learner"] + result["facilitator"]:
        pages = int(pdf_info(path)["Pages"])
        if path.name.startswith("exercise-"):
            assert 2 <= pages <= 8, (path.name, pages)
        elif path.name.startswith("agenda-"):
            assert 1 <= pages <= 2, (path.name, pages)
        elif path.name.startswith("eight-principles-card"):
            assert pages == 1, (path.name, pages)
        else:  # the facilitator pack: one section (at least a page) per exercise
            assert len(SOURCES) <= pages <= 4 * len(SOURCES), (path.name, pages)


def test_each_handout_holds_its_title_and_the_kit_version_licence_and_address(printed):
    out, _, texts = printed
    titles = {
        f"exercise-{s.stem}": re.search(r"^# (.+)$", nbformat.read(s, as_version=4).cells[0].source, re.M).group(1)
        for s in SOURCES
    }
    for title in agenda_titles():
        titles[re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")] = title
    titles["eight-principles-card"] = "eight principles"
    titles["facilitator-pack"] = "Facilitator pack"
    for path, text in texts.items():
        stem = path.stem.rsplit("-", 1)[0]
        assert flat(titles[stem]) in flat(text), path.name
        assert f"Connectivism Course Kit {__version__}" in text, path.name
        assert "CC BY 4.0" in text and "MIT" in text, path.name
    for s in SOURCES:
        text = texts[out / "learner" / f"exercise-{s.stem}-a4.pdf"]
        assert f"exercises/{s.stem}.html" in compact(text)
    first_agenda = expected_learner_stems()[len(SOURCES)]
    assert f"book/10-facilitator-guide.html#{first_agenda}" in compact(
        texts[out / "learner" / f"{first_agenda}-a4.pdf"]
    )


def test_the_card_quotes_the_eight_principles_exactly_with_their_source(printed):
    out, _, texts = printed
    quoted = re.findall(r'^> \d\. "(.+)"$', (ROOT / "book" / "03-connectivism.md").read_text("utf-8"), re.M)
    assert len(quoted) == 8
    assert quoted[0] == "Learning and knowledge rests in diversity of opinions."
    for size in SIZES:
        text = flat(texts[out / "learner" / f"eight-principles-card-{size}.pdf"])
        for principle in quoted:
            assert f"“{principle}”" in text
        assert "Siemens, George (2005). Connectivism: A Learning Theory for the Digital Age." in text
        assert "International Journal of Instructional Technology and Distance Learning" in text


def test_no_learner_pdf_holds_answer_key_text_and_the_pack_holds_all_of_it(printed):
    _, result, texts = printed
    phrases = solution_phrases()
    assert len(phrases) > 20
    for path in result["learner"]:
        text = words(texts[path])
        assert [p for p in phrases if p in text] == [], path.name
        assert "model answer" not in text and "rubric" not in text, path.name
    for path in result["facilitator"]:
        text = words(texts[path])
        assert [p for p in phrases if p not in text] == [], path.name


def test_no_pdf_holds_a_web_only_control(printed):
    _, _, texts = printed
    for path, text in texts.items():
        found = [w for w in WEB_ONLY if w.lower() in flat(text).lower()]
        assert not found, (path.name, found)
        assert "Self-check: not attempted" not in text, path.name


def test_every_answer_stub_and_reflection_gets_ruled_space(printed):
    out, _, texts = printed
    for s in SOURCES:
        nb = nbformat.read(ROOT / "exercises" / s.name, as_version=4)
        stubs = [c for c in nb.cells if c.cell_type == "code" and "stub" in c.metadata.get("tags", [])]
        assert stubs, s.name
        for size in SIZES:
            text = texts[out / "learner" / f"exercise-{s.stem}-{size}.pdf"]
            assert text.count("Write your answer here:") == len(stubs), (s.name, size)
            assert text.count("Write here:") == 1, (s.name, size)  # under the reflection


def test_links_print_with_their_address(printed, good_site):
    out, _, texts = printed
    soup = BeautifulSoup((good_site.html / "book" / "10-facilitator-guide.html").read_text("utf-8"), "html.parser")
    checked = 0
    for title in agenda_titles():
        stem = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        text = compact(texts[out / "learner" / f"{stem}-a4.pdf"])
        for a in soup.find(id=stem).select("a.reference.internal[href]"):
            href = a["href"].split("#")[0]
            if href and not re.search(r"(bibliography|glossary)\.html$", href):
                target = posixpath.normpath(f"book/{href}")
                assert f"({target})" in text, (stem, target)
                checked += 1
    assert checked >= 3


def test_the_facilitator_guide_links_exactly_the_learner_set():
    linked = set(re.findall(r'href="\.\./handouts/([^"]+\.pdf)"', GUIDE.read_text("utf-8")))
    assert linked == {f"{stem}-{size}.pdf" for stem in expected_learner_stems() for size in SIZES}
