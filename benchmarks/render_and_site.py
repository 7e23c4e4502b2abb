"""Benchmark: renderer speed, notebook execution, clean build time and page weight.

Prints figures; asserts nothing (timings belong here, not in the test suite).
Targets (issue "Drawing networks"): renderer ≤ 50 ms at 50 nodes; each
notebook ≤ 10 s; bytes unique to a page ≤ 1 MB. Targets (issue 24): the layout
of a 500-node network ≤ 0.3 s; a rebuild of the site with no change ≤ 10 s
(``make book`` run again: ``--all`` re-reads every page, notebooks come from
the execution cache).

Usage: ``.venv/bin/python benchmarks/render_and_site.py [--skip-build]``
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import networkx as nx
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["person", "community", "resource", "tool"]


def example_graph(n: int, seed: int = 1) -> nx.Graph:
    g = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.relabel_nodes(g, {i: f"node {i}" for i in g})
    g.graph["me"] = "node 0"
    for i, node in enumerate(g):
        g.nodes[node]["kind"] = "me" if i == 0 else KINDS[i % 4]
    for a, b in g.edges:
        g.edges[a, b]["strength"] = 1 + (len(a) + len(b)) % 5
    return g


def time_renderer() -> None:
    from connectivism.render import draw

    print("renderer (connectivism.render.draw), median of 20 calls")
    print(f"{'nodes':>6} {'ties':>6} {'median ms':>10} {'html KB':>8}")
    for n in (50, 500):
        g = example_graph(n)
        draw(g)
        times = []
        for _ in range(20):
            t = time.perf_counter()
            view = draw(g)
            times.append(time.perf_counter() - t)
        print(f"{n:>6} {g.number_of_edges():>6} {statistics.median(times) * 1000:>10.1f} {len(view.html) / 1024:>8.0f}")


LAYOUT_TARGET_S = 0.3
REBUILD_TARGET_S = 10.0


def met(seconds: float, target: float) -> str:
    return f"target ≤ {target:g} s: {'met' if seconds <= target else 'MISSED'}"


def time_layout() -> None:
    from connectivism.render import positions

    print("\nlayout (connectivism.render.positions), median of 5 calls")
    for n in (50, 500):
        g = example_graph(n)
        times = []
        for _ in range(5):
            t = time.perf_counter()
            positions(g)
            times.append(time.perf_counter() - t)
        seconds = statistics.median(times)
        print(f"{n:>6} nodes {seconds:>7.3f} s" + (f"  {met(seconds, LAYOUT_TARGET_S)}" if n == 500 else ""))


def time_notebooks() -> None:
    print("\nnotebook execution (nbclient, fresh kernel each), seconds")
    paths = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))
    os.environ.setdefault("CONNECTIVISM_AUTOSAVE_DIR", tempfile.mkdtemp())
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        t = time.perf_counter()
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        print(f"{time.perf_counter() - t:>7.1f}  {path.relative_to(ROOT)}")


def clean_build(out: Path) -> float:
    """Build the site into ``out`` as ``make book`` does (``--all``, strict); seconds taken.

    Run again on the same ``out``, this is the no-change rebuild: every page is
    read and written again, the notebooks' outputs come from the cache.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's package, not an installed one
    env.setdefault("CONNECTIVISM_AS_OF", "2026-10-01")
    env.setdefault("CONNECTIVISM_AUTOSAVE_DIR", tempfile.mkdtemp())
    t = time.perf_counter()
    subprocess.run(
        [
            str(Path(sys.executable).parent / "jupyter-book"),
            "build",
            str(ROOT),
            "--path-output",
            str(out),
            "--all",
            "-W",
            "-n",
            "--keep-going",
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return time.perf_counter() - t


ASSET = re.compile(r'(?:src|href)="([^"#?]+)(?:\?[^"]*)?"')


def page_weights(html_dir: Path) -> None:
    print(
        "\npage weight: unique = the page's HTML (frames included) + files only it uses;"
        " shared = cached site assets it loads"
    )
    print(f"{'unique KB':>10} {'shared KB':>10}  page")
    pages = sorted(
        p
        for p in html_dir.rglob("*.html")
        if "_static" not in p.parts and p.name not in {"genindex.html", "search.html"}
    )
    uses: dict[Path, set[Path]] = {}
    for page in pages:
        text = page.read_text("utf-8")
        refs = set()
        for ref in ASSET.findall(text):
            if ref.startswith(("http:", "https:", "mailto:", "data:")):
                continue
            target = (page.parent / ref).resolve()
            if target.is_file() and target.suffix not in {".html"}:
                refs.add(target)
        if "kit-graph" in text:
            refs.add((html_dir / "_static" / "vis-network" / "vis-network.min.js").resolve())
        uses[page] = refs
    counts: dict[Path, int] = {}
    for refs in uses.values():
        for r in refs:
            counts[r] = counts.get(r, 0) + 1
    for page in pages:
        unique = page.stat().st_size + sum(
            r.stat().st_size for r in uses[page] if counts[r] == 1 and "_static" not in r.parts
        )
        shared = sum(r.stat().st_size for r in uses[page] if counts[r] > 1 or "_static" in r.parts)
        print(f"{unique / 1024:>10.0f} {shared / 1024:>10.0f}  {page.relative_to(html_dir)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-build", action="store_true", help="use _build/html as it is")
    args = ap.parse_args()
    time_renderer()
    time_layout()
    time_notebooks()
    if args.skip_build:
        html_dir = ROOT / "_build" / "html"
    else:
        out = Path(tempfile.mkdtemp(prefix="kit-bench-"))
        seconds = clean_build(out)
        print(f"\nclean strict build: {seconds:.1f} s")
        seconds = clean_build(out)
        print(f"rebuild with no change: {seconds:.1f} s  {met(seconds, REBUILD_TARGET_S)}")
        html_dir = out / "_build" / "html"
    page_weights(html_dir)


if __name__ == "__main__":
    main()
