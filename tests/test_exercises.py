"""The exercises: sources, learner versions, facilitator versions, and answer keys that never leak.

* the committed learner versions (``exercises/NN-*.ipynb``) are exactly what
  ``tools/exercises.py build`` makes from ``exercises/_source/`` (outputs ignored);
* every exercise has the parts a facilitator needs (objectives, time,
  prerequisites, tasks, self-checks, discussion, reflection, criteria / rubric);
* no answer-key text is in the learner notebooks (sources, outputs, metadata),
  nor anywhere in the built site (every file under the HTML folder, ``_sources/``
  included), nor in the workshop bundle (every file of the zip, the PDFs and the
  wheels' files included), and the site configuration keeps ``exercises/_source`` out;
* the facilitator versions keep the answer keys, run top to bottom, and every
  self-check in them says "good"; the learner versions' self-checks say
  "not attempted yet" (nbval runs the learner versions themselves).
"""

from __future__ import annotations

import io
import itertools
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, toc_files
from nbclient import NotebookClient

sys.path.insert(0, str(ROOT / "tools"))
import exercises as tool  # noqa: E402  (tools/exercises.py)

SOURCES = tool.sources()
LEARNER = [ROOT / "exercises" / s.name for s in SOURCES]
MIN_WORDS = 6  # a solution line must have this many words to be checked for leaks


def words(text: str) -> str:
    """Lower-case words joined by single spaces (markup, escaping and spacing ignored)."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def cells(nb, tag: str | None = None, without: str | None = None):
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if (tag is None or tag in tags) and (without is None or without not in tags):
            yield cell


def solution_phrases(sources=SOURCES) -> list[str]:
    """Distinctive lines of every answer-key cell, as word strings.

    A line counts if it has at least MIN_WORDS words and does not also occur
    in a cell learners see (so shared wording is not mistaken for a leak).
    """
    shared = " | ".join(
        words(c.source) for s in sources for c in cells(nbformat.read(s, as_version=4), without="solution")
    )
    phrases = set()
    for source in sources:
        for cell in cells(nbformat.read(source, as_version=4), tag="solution"):
            for line in cell.source.splitlines():
                phrase = words(line)
                if len(phrase.split()) >= MIN_WORDS and phrase not in shared:
                    phrases.add(phrase)
    return sorted(phrases)


def file_words(path: Path) -> str:
    """Everything a file says, as words: raw text, plus decoded HTML text or notebook JSON strings."""
    raw = path.read_text("utf-8", errors="replace")
    parts = [raw]
    if path.suffix in {".html", ".htm"}:
        parts.append(BeautifulSoup(raw, "html.parser").get_text(" "))
    if path.suffix in {".ipynb", ".json"}:
        try:
            parts.append(json.dumps(json.loads(raw), ensure_ascii=False).replace("\\n", " ").replace('\\"', '"'))
        except ValueError:
            pass
    return words(" ".join(parts))


def leaks(paths, phrases) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        text = file_words(path)
        found += [(str(path), p) for p in phrases if p in text]
    return found


TEXT_SUFFIXES = {".html", ".ipynb", ".md", ".txt", ".js", ".json", ".py", ".inv", ".csv", ".svg"}


def zip_leaks(archive_path: Path, phrases, work: Path) -> list[tuple[str, str]]:
    """Answer-key phrases in a zip: its text files, its PDFs (as text) and the text files of the zips inside it."""
    found = []
    numbers = itertools.count()

    def scan(archive: zipfile.ZipFile, where: str) -> None:
        for info in archive.infolist():
            suffix = Path(info.filename).suffix.lower()
            name = f"{where}!{info.filename}"
            if suffix in TEXT_SUFFIXES:
                target = work / f"{next(numbers)}{suffix}"
                target.write_bytes(archive.read(info))
                found.extend((name, p) for _, p in leaks([target], phrases))
            elif suffix == ".pdf":
                text = subprocess.run(
                    ["pdftotext", "-raw", "-", "-"], input=archive.read(info), capture_output=True, check=True
                ).stdout.decode("utf-8", "replace")
                found.extend((name, p) for p in phrases if p in words(text))
            elif suffix in {".whl", ".zip"}:
                with zipfile.ZipFile(io.BytesIO(archive.read(info))) as inner:
                    scan(inner, name)

    with zipfile.ZipFile(archive_path) as archive:
        scan(archive, archive_path.name)
    return found


# --- sources and learner versions ---------------------------------------------------


def test_there_are_at_least_eight_exercises():
    assert len(SOURCES) >= 8
    assert [s.name[:2] for s in SOURCES] == [f"{i:02d}" for i in range(1, len(SOURCES) + 1)]


def test_learner_versions_are_in_sync_with_the_sources():
    assert tool.out_of_sync() == [], "run: python tools/exercises.py build"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_answer_key_follows_a_learner_stub(source):
    nb = nbformat.read(source, as_version=4)
    solutions = 0
    for before, cell in zip(nb.cells, nb.cells[1:]):
        if "solution" in cell.metadata.get("tags", []):
            solutions += 1
            assert "stub" in before.metadata.get("tags", []), cell.source[:60]
            assert before.cell_type == cell.cell_type
    assert solutions >= 2
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "sources are committed without outputs"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_exercise_has_the_parts_a_facilitator_needs(source):
    learner = nbformat.read(ROOT / "exercises" / source.name, as_version=4)
    text = "\n".join(c.source for c in learner.cells)
    number = int(source.name[:2])
    assert learner.cells[0].source.startswith(f"(exercise-{number:02d})=\n# Exercise {number}: ")
    assert re.search(r"\*\*Time:\*\* \d+ minutes", text)
    for heading in (
        "## Learning objectives",
        "## Before you start",
        "## How this exercise works",
        "## Task 1",
        "### Self-check",
        "## Discussion prompts",
        "## Reflection",
        "## What good looks like",
    ):
        assert heading in text, heading
    assert "Facilitator notes" not in text
    assert list(cells(learner, tag="selfcheck")), "at least one self-check cell"
    facilitator = tool.facilitator_version(source)
    ftext = "\n".join(c.source for c in facilitator.cells)
    assert "## Facilitator notes: model answer and rubric" in ftext and "**Rubric**" in ftext
    assert "## What good looks like" not in ftext


def test_stub_cells_assign_a_placeholder():
    for source in SOURCES:
        for cell in cells(nbformat.read(source, as_version=4), tag="stub"):
            if cell.cell_type == "code":
                assert re.fullmatch(r"\w+ = None  # your answer here.*", cell.source), cell.source


@pytest.mark.parametrize("path", LEARNER, ids=lambda p: p.name)
def test_learner_self_checks_say_not_attempted_yet(path):
    nb = nbformat.read(path, as_version=4)
    for cell in cells(nb, tag="selfcheck"):
        plain = [o["data"]["text/plain"] for o in cell.outputs if "data" in o]
        assert plain and plain[0].startswith("Self-check: not attempted yet"), cell.source


# --- leaks ---------------------------------------------------------------------------------


def test_solution_phrases_are_many_and_the_detector_finds_a_planted_leak(tmp_path):
    phrases = solution_phrases()
    assert len(phrases) >= 5 * len(SOURCES)
    # must fail: a facilitator version IS a leak, in a notebook and in HTML
    tool.facilitator(tmp_path)
    assert leaks([tmp_path / SOURCES[0].name], phrases)
    quoted = nbformat.read(SOURCES[-1], as_version=4)
    key = next(cells(quoted, tag="solution")).source
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><pre>"
        + key.replace("'", "&#39;").replace('"', "&quot;").replace("\n", "</span>\n<span class='x'>")
        + "</pre></body></html>"
    )
    assert leaks([page], phrases)
    # and in a zip, also inside a wheel inside it
    (tmp_path / "scan").mkdir()
    planted = tmp_path / "planted.zip"
    wheel = io.BytesIO()
    with zipfile.ZipFile(wheel, "w") as inner:
        inner.writestr("kit/keys.py", "KEY = " + repr(key))
    with zipfile.ZipFile(planted, "w") as archive:
        archive.writestr("kit/index.html", "<p>nothing to see</p>")
        archive.writestr("kit/lite/pypi/kit-1-py3-none-any.whl", wheel.getvalue())
    found = zip_leaks(planted, phrases, tmp_path / "scan")
    assert found and {name for name, _ in found} == {"planted.zip!kit/lite/pypi/kit-1-py3-none-any.whl!kit/keys.py"}


def test_no_solution_text_in_the_learner_notebooks():
    learner_files = sorted((ROOT / "exercises").glob("*.ipynb")) + [ROOT / "exercises" / "README.md"]
    assert leaks(learner_files, solution_phrases()) == []
    for path in LEARNER:
        nb = nbformat.read(path, as_version=4)
        assert not list(cells(nb, tag="solution"))


def test_site_configuration_keeps_the_sources_out():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "exercises/_source" in config["exclude_patterns"]
    assert "exercises/_source/*" in config["execute"]["exclude_patterns"]
    assert config.get("only_build_toc_files") is True
    assert not [f for f in toc_files() if "_source" in f]


@pytest.mark.build
def test_no_solution_text_anywhere_in_the_built_site(good_site):
    """Every file of the site (pages, _sources/ downloads, search index, JS) is free of answer keys."""
    files = [
        p
        for p in good_site.html.rglob("*")
        if p.is_file() and p.suffix in {".html", ".ipynb", ".md", ".txt", ".js", ".json", ".py", ".inv"}
    ]
    assert files
    assert leaks(files, solution_phrases()) == []
    assert not list(good_site.html.rglob("*_source*/*.ipynb"))
    # the browser edition (lite/) is part of the site, so it is scanned above: it holds
    # every learner exercise (as files and in its contents index) and no source
    lite = good_site.html / "lite"
    assert sorted(p.name for p in (lite / "files" / "exercises").glob("*.ipynb")) == sorted(p.name for p in LEARNER)
    assert (lite / "api" / "contents" / "exercises" / "all.json") in files
    for page in (f for f in toc_files() if f.startswith("exercises/")):
        assert (good_site.html / f"{page}.html").is_file()
        assert (good_site.html / "_sources" / f"{page}.ipynb").is_file()


def test_no_solution_text_anywhere_in_the_workshop_bundle(bundle, tmp_path):
    """The zip a facilitator takes to the room (site, browser edition, handouts, serve.py) holds no answer key."""
    assert zip_leaks(bundle, solution_phrases(), tmp_path) == []
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert not [n for n in names if "exercises/_source/" in n or "facilitator-pack" in n or "/facilitator/" in n]
    assert [n for n in names if n.endswith(".pdf")] and [n for n in names if n.endswith(".whl")]


# --- facilitator versions --------------------------------------------------------------


def test_facilitator_versions_keep_the_keys_run_and_their_self_checks_say_good(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNECTIVISM_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    written = tool.facilitator(tmp_path / "facilitator")
    assert [p.name for p in written] == [s.name for s in SOURCES]
    phrases = solution_phrases()
    assert {p for _, p in leaks(written, phrases)} == set(phrases)
    for path in written:
        nb = nbformat.read(path, as_version=4)
        assert not list(cells(nb, tag="stub"))
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        checks = list(cells(nb, tag="selfcheck"))
        assert checks
        for cell in checks:
            plain = [o["data"]["text/plain"] for o in cell.outputs if "data" in o]
            assert plain and plain[0].startswith("Self-check: good"), (path.name, plain)


def test_the_cli_check_fails_when_a_learner_version_drifts(tmp_path, monkeypatch):
    monkeypatch.setattr(tool, "LEARNER_DIR", tmp_path)
    assert tool.main(["check"]) == 1  # nothing written yet
    for source in SOURCES:
        nbformat.write(tool.learner_version(source), tmp_path / source.name)
    assert tool.main(["check"]) == 0
    drifted = nbformat.read(tmp_path / SOURCES[0].name, as_version=4)
    drifted.cells[0].source += "\nEdited by hand."
    nbformat.write(drifted, tmp_path / SOURCES[0].name)
    assert tool.main(["check"]) == 1
