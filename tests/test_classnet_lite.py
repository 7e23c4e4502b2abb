"""The class network in the browser edition, offline: the command line's report from chosen files.

In notebook 21 in JupyterLite (Pyodide in the browser, every request outside
the test server blocked), the facilitator chooses 30 demo submissions, two
broken files and one zip of five more, and merges them. The downloaded
report (JSON, HTML, GraphML) has the pseudonyms, counts and rejection kinds of
the command line's run on the same files with the class key the browser made
(downloaded too, and only in its own download). After the browser is closed
and opened again on the same profile, the stored key is used again: the same
pseudonyms.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, watch
from test_lite_browser import ERROR_OUTPUTS, run_all

from connectivism.facilitator.demo import demo_folder

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "notebooks/21-class-network.ipynb"
FILES_INPUT = ".jp-OutputArea button.widget-upload:has-text('Choose files')"
MERGE = ".jp-OutputArea button:has-text('Merge and show the report')"


@pytest.fixture(scope="module")
def lite_url(site_url, good_site):
    """Where the browser edition is served."""
    return site_url


@pytest.fixture(scope="module")
def class_files(tmp_path_factory) -> list[Path]:
    """30 demo submissions, two broken files and a zip of five more, as a facilitator would choose them."""
    root = tmp_path_factory.mktemp("chosen")
    names = demo_folder(root, n=35, seed=28, sizes=(20, 40))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names[30:]:
            z.write(root / name, f"Week 3/{name}")
            (root / name).unlink()
        z.writestr("../outside.json", "{}")  # set aside, as the command line does
    (root / "lms-week-3.zip").write_bytes(buffer.getvalue())
    (root / "half-saved.json").write_text('{"format": "connectivism-learning-network", "me": ', "utf-8")
    (root / "notes.txt").write_text("not a network", "utf-8")
    return sorted(root.iterdir())


def choose_and_merge(tab, files: list[Path]) -> float:
    """Choose the files with the upload button, as a person would, and merge; the seconds the merge took."""
    with tab.expect_file_chooser() as chooser:
        tab.locator(FILES_INPUT).click()
    chooser.value.set_files([str(f) for f in files])
    tab.wait_for_function(
        "n => [...document.querySelectorAll('.jp-OutputArea button.widget-upload')]"
        ".some(b => b.textContent.includes(`(${n})`))",
        arg=len(files),
        timeout=60000,
    )
    start = time.perf_counter()
    tab.locator(MERGE).click()
    tab.locator(".jp-OutputArea a[download='class-network.json']").wait_for(timeout=180000)
    return time.perf_counter() - start


def download(tab, name: str, folder: Path) -> Path:
    if name == "class-key.txt":  # offered only on request
        tab.locator(".jp-OutputArea button:has-text('Download the class key')").click()
    with tab.expect_download() as event:
        tab.locator(f".jp-OutputArea a[download='{name}']").click()
    target = folder / name
    event.value.save_as(target)
    return target


def summary(document: dict) -> dict:
    return {
        "learners": [c["learner"] for c in document["learners"]],
        "counts": (len(document["learners"]), len(document["nodes"]), len(document["ties"])),
        "rejected": [(r["file"], r["kind"]) for r in document["rejected"]],
    }


def drawn_apart(page: str) -> str:
    """The report page without the drawing's node positions and frame nonces."""
    page = re.sub(r"&quot;([xy])&quot;:-?[0-9.]+", r"&quot;\1&quot;:_", page)  # the live drawing
    page = re.sub(r"\b(c?[xy][12]?)='-?[0-9.]+'", r"\1='_'", page)  # the still one (SVG)
    page = re.sub(r"\b(points|d|viewBox|width|height)='[^']*'", r"\1='_'", page)
    return re.sub(r"(kit:vis-network) [0-9a-f]{32}", r"\1 _", page)


def command_line(files: list[Path], key_file: Path, out: Path) -> dict:
    folder = out.parent / "submissions"
    folder.mkdir(parents=True)
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "connectivism.facilitator", "class-network", str(folder), "--out", str(out)]
        + ["--key-file", str(key_file)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=out.parent,
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads((out / "class-network.json").read_text("utf-8"))


@contextmanager
def session(profile: Path, lite_url: str):
    """Chromium with the profile in ``profile`` (kept between sessions, as a person's browser is), on notebook 21.

    Yields the tab with every cell run, and what went wrong on the page.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
        )
        try:
            tab = context.pages[0] if context.pages else context.new_page()
            problems = watch(tab, lite_url)
            where = []  # the address of each console error, for the message
            tab.on("console", lambda m: m.type == "error" and where.append(m.location.get("url")))
            run_all(tab, lite_url, NOTEBOOK)
            yield tab
            assert tab.evaluate(ERROR_OUTPUTS) == []
            assert not problems.all(), "\n".join(problems.all() + [f"console error at {url}" for url in where])
        finally:
            context.close()


def test_browser_merges_chosen_files_like_the_command_line_and_keeps_the_key(lite_url, class_files, tmp_path):
    profile = tmp_path / "profile"
    with session(profile, lite_url) as tab:
        text = tab.inner_text(".jp-Notebook")
        assert "read by Python running in this browser tab and sent nowhere" in text
        assert "No class key in this browser yet" in text
        choose_and_merge(tab, class_files)
        assert "35 networks merged, 3 set aside" in tab.inner_text(".jp-Notebook")
        first = tmp_path / "first"
        first.mkdir()
        got = {
            name: download(tab, name, first)
            for name in ("class-network.json", "class-network.html", "class-network.graphml")
        }
        key_file = download(tab, "class-key.txt", first)
    key = key_file.read_text("ascii").strip()
    assert len(bytes.fromhex(key)) == 32
    for path in got.values():  # the key is only in its own download
        assert key not in path.read_text("utf-8").lower()

    command = command_line(class_files, key_file, tmp_path / "cli" / "out")
    browser_doc = json.loads(got["class-network.json"].read_text("utf-8"))
    assert summary(browser_doc) == summary(command)
    assert sorted(kind for _, kind in summary(command)["rejected"]) == [
        "malformed",
        "not-a-network-file",
        "outside-path",
    ]
    assert browser_doc == command  # measures too: Pyodide computes what CPython does
    cli = tmp_path / "cli" / "out"
    assert got["class-network.graphml"].read_bytes() == (cli / "class-network.graphml").read_bytes()
    # the report's text is the same; the drawing's positions can differ by a pixel (the layout's
    # floating point on another platform), and with them the frame's nonce, a hash of its content
    assert drawn_apart(got["class-network.html"].read_text("utf-8")) == drawn_apart(
        (cli / "class-network.html").read_text("utf-8")
    )

    # next session: the browser closed and opened again on the same profile; the key is the one it kept
    with session(profile, lite_url) as tab:
        assert "Using the class key kept in this browser" in tab.inner_text(".jp-Notebook")
        choose_and_merge(tab, class_files)
        second = tmp_path / "second"
        second.mkdir()
        again = json.loads(download(tab, "class-network.json", second).read_text("utf-8"))
        assert download(tab, "class-key.txt", second).read_text("ascii").strip() == key
    assert summary(again)["learners"] == summary(browser_doc)["learners"]
