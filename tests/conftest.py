"""Shared fixtures: ONE clean build of the book per test run, and a local server.

The build goes into a fresh temporary folder (never the developer's _build/),
with notebooks executed from scratch, warnings as errors and nitpicky
references: an incremental build can exit 0 over a failing cell, a clean one
cannot.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: The one date the site and the tests measure from (learners' notebooks use today).
AS_OF = "2026-10-01"

# Kernels started by nbval inherit these: no test writes an autosave into the
# repository, and notebook outputs do not change from day to day.
os.environ.setdefault("CONNECTIVISM_AS_OF", AS_OF)
if "CONNECTIVISM_AUTOSAVE_DIR" not in os.environ or str(ROOT) in os.environ["CONNECTIVISM_AUTOSAVE_DIR"]:
    import tempfile

    os.environ["CONNECTIVISM_AUTOSAVE_DIR"] = tempfile.mkdtemp(prefix="kit-test-autosave-")


#: Fixtures that build the book (a test using one, directly or through another, is a ``build`` test).
BUILD_FIXTURES = frozenset({"built_site", "good_site", "site_url", "printed_handouts", "bundle"})
#: Fixtures that drive Chromium (the handouts are printed with it): their tests are ``browser`` tests too.
BROWSER_FIXTURES = frozenset({"printed_handouts", "bundle"})


def pytest_collection_modifyitems(config, items):
    """Mark every test that needs the book build ``build``, so ``-m "not build"`` never builds.

    The marker follows from the fixtures a test uses, so a new test cannot forget it.
    """
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if BUILD_FIXTURES & fixtures:
            item.add_marker(pytest.mark.build)
        if BROWSER_FIXTURES & fixtures:
            item.add_marker(pytest.mark.browser)


@dataclass
class BuiltSite:
    html: Path
    log: str
    seconds: float
    returncode: int


def toc_files() -> list[str]:
    """Every file named in _toc.yml (root first), without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [str(Path(f).with_suffix("")) if Path(f).suffix in {".md", ".ipynb"} else f for f in files]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    out = tmp_path_factory.mktemp("book")
    env = dict(os.environ)
    env["CONNECTIVISM_AUTOSAVE_DIR"] = str(tmp_path_factory.mktemp("autosave"))
    subprocess.run([sys.executable, str(ROOT / "tools" / "vendor.py")], check=True, cwd=ROOT)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(ROOT), "--path-output", str(out), "--all", "-W", "-n", "--keep-going"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    log = proc.stdout + proc.stderr
    (out / "build.log").write_text(log)
    print(f"\nclean book build: {seconds:.1f} s (log: {out / 'build.log'})")
    return BuiltSite(html=out / "_build" / "html", log=log, seconds=seconds, returncode=proc.returncode)


@pytest.fixture(scope="session")
def good_site(built_site) -> BuiltSite:
    """The built site, failing (not skipping) any test that needs it if the build failed."""
    if built_site.returncode != 0:
        tail = "\n".join(built_site.log.splitlines()[-60:])
        pytest.fail(f"the clean strict build failed (exit {built_site.returncode}):\n{tail}")
    return built_site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(good_site):
    handler = functools.partial(QuietHandler, directory=str(good_site.html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def printed_handouts(good_site, tmp_path_factory) -> tuple[Path, dict[str, list[Path]]]:
    """The handouts printed once from the clean build (``tools/handouts.py``): the folder and the PDFs by set."""
    sys.path.insert(0, str(ROOT / "tools"))
    import handouts

    out = tmp_path_factory.mktemp("handouts")
    return out, handouts.build(out, good_site.html)


@pytest.fixture(scope="session")
def bundle(good_site, printed_handouts, tmp_path_factory) -> Path:
    """The workshop bundle (``tools/bundle.py``, as ``make bundle`` makes it) of the clean build and its handouts."""
    sys.path.insert(0, str(ROOT / "tools"))
    import bundle as tool

    start = time.perf_counter()
    path = tool.build(good_site.html, tmp_path_factory.mktemp("bundle"), handouts=printed_handouts[0] / "learner")
    print(f"\nbundle: {path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")
    return path
