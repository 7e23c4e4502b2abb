"""Refresh the committed outputs of the kit's notebooks: ``make notebooks``.

Policy (README, "Notebook tests"): notebooks are committed *with* their small,
deterministic outputs, which nbval compares strictly; cells tagged
``nbval-ignore-output`` (graphs, anything large or machine-dependent) are
committed *without* outputs; saved widget state is dropped (the site
re-executes every notebook at build time and saves fresh state there).

Usage: ``python tools/notebooks.py [PATH.ipynb ...]`` (default: every tracked
notebook under notebooks/ and exercises/, except exercises/_source).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
IGNORE_TAG = "nbval-ignore-output"


def tidy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip what must not be committed: ignored outputs, widget state, timings."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if IGNORE_TAG in cell.metadata.get("tags", []):
            cell.outputs = []
            cell.execution_count = None
    return nb


def refresh(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    env_dir = tempfile.mkdtemp(prefix="kit-autosave-")
    os.environ["CONNECTIVISM_AUTOSAVE_DIR"] = env_dir
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(tidy(nb), path)
    print(f"refreshed {path.relative_to(ROOT)}")


def default_paths() -> list[Path]:
    paths = sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("exercises/*.ipynb"))
    return [p for p in paths if "_source" not in p.parts]


if __name__ == "__main__":
    targets = [Path(a).resolve() for a in sys.argv[1:]] or default_paths()
    for target in targets:
        refresh(target)
