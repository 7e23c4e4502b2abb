"""Benchmark: merging 200 learners' networks in the browser edition (target ≤ 10 s), next to the command line.

Prints figures; asserts nothing. Serves a built site (``_build/html`` unless
given), opens notebook 21 in the browser edition (JupyterLite, Pyodide) in
headless Chromium with every non-local request blocked, runs its cells,
chooses the class's files with the upload button and times the merge: from
the click on *Merge and show the report* to the report's download links
(reading, merging, measuring, the HTML report and the three files, in the
browser). Then runs ``python -m connectivism.facilitator class-network`` on the
same files and prints its own figure (the same stages, and writing the files).

Usage: ``.venv/bin/python benchmarks/classnet_browser.py [--site _build/html] [--learners 200] [--repeat 2]``
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, watch  # noqa: E402
from test_classnet_lite import NOTEBOOK, choose_and_merge  # noqa: E402
from test_lite_browser import run_all  # noqa: E402

from connectivism.facilitator.demo import demo_folder  # noqa: E402


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not (args.site / "lite" / "index.html").is_file():
        raise SystemExit(f"no browser edition in {args.site}: run `make book` first")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submissions"
        demo_folder(folder, args.learners, seed=2026, sizes=(30, 60))
        files = sorted(folder.iterdir())
        size = sum(f.stat().st_size for f in files)
        print(f"class: {len(files)} files, {size / 1e6:.1f} MB (demo_folder, 30-60 nodes each)")

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(args.site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with chromium() as browser:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                tab = context.new_page()
                problems = watch(tab, base)
                for i in range(args.repeat):
                    run_all(tab, base, NOTEBOOK)
                    seconds = choose_and_merge(tab, files)
                    merged = re.search(r"\d+ networks merged, \d+ set aside", tab.inner_text(".jp-Notebook"))
                    print(f"browser, run {i + 1}: {seconds:.2f} s to merge ({merged.group(0) if merged else '?'})")
                if problems.all():
                    print("page problems:", *problems.all(), sep="\n  ")
                context.close()
        finally:
            server.shutdown()
            server.server_close()

        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "connectivism.facilitator", "class-network", str(folder)]
            + ["--out", str(Path(tmp) / "out"), "--key-file", str(Path(tmp) / "class-key.txt")],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        wall = time.perf_counter() - start
        own = re.search(r"in ([0-9.]+) s", result.stdout)
        print(
            f"command line: {own.group(1) if own else '?'} s to merge (its own figure; {wall:.2f} s with "
            "Python's start-up)"
        )
    print("target: ≤ 10 s in the browser")


if __name__ == "__main__":
    main()
