"""Generate the exercises' learner and facilitator versions from one set of sources.

Sources (with answer keys) live in ``exercises/_source/NN-name.ipynb``, outside
the site and the table of contents. In a source, each answer-key cell is
tagged ``solution`` and, right before it, a cell tagged ``stub`` holds what
learners get instead (a placeholder such as ``my_plan = None``, or a
"what good looks like" list). Cells are removed with nbconvert's
``TagRemovePreprocessor``; nothing here parses cell contents.

* ``python tools/exercises.py build``: write the learner versions
  ``exercises/NN-name.ipynb`` (``solution`` cells removed), run them and store
  their outputs following the notebook policy (``tools/notebooks.py``). These
  are committed: the site, its download buttons, Binder and hub links use them.
* ``python tools/exercises.py facilitator [OUTDIR]``: write the facilitator
  versions (``stub`` cells removed, answer keys kept) into OUTDIR (default
  ``_build/facilitator/``, git-ignored). Never commit them: the repository is public.
* ``python tools/exercises.py check``: exit 1 if the committed learner versions
  differ from what ``build`` would write (outputs and execution data ignored).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import TagRemovePreprocessor

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "exercises" / "_source"
LEARNER_DIR = ROOT / "exercises"
FACILITATOR_DIR = ROOT / "_build" / "facilitator"

SOLUTION_TAG = "solution"
STUB_TAG = "stub"


def sources() -> list[Path]:
    """The exercise sources, in order."""
    return sorted(SOURCES.glob("[0-9][0-9]-*.ipynb"))


def _remove(nb: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    pre = TagRemovePreprocessor(remove_cell_tags={tag}, enabled=True)
    nb, _ = pre.preprocess(nb, {})
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"  # stable ids: regenerating changes nothing
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nb


def learner_version(source: Path) -> nbformat.NotebookNode:
    """The learner version of a source: answer keys removed, outputs cleared."""
    return _remove(nbformat.read(source, as_version=4), SOLUTION_TAG)


def facilitator_version(source: Path) -> nbformat.NotebookNode:
    """The facilitator version of a source: learner stubs removed, answer keys kept."""
    return _remove(nbformat.read(source, as_version=4), STUB_TAG)


def comparable(nb: nbformat.NotebookNode) -> list[tuple]:
    """What the sync check compares: each cell's type, source and tags."""
    return [(c.cell_type, c.source, tuple(c.metadata.get("tags", []))) for c in nb.cells]


def _write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def build(execute: bool = True) -> list[Path]:
    """Write (and by default run and store outputs of) every learner version."""
    sys.path.insert(0, str(ROOT / "tools"))
    import notebooks  # tools/notebooks.py: runs a notebook and keeps policy-allowed outputs

    written = []
    for source in sources():
        target = LEARNER_DIR / source.name
        _write(learner_version(source), target)
        if execute:
            notebooks.refresh(target)
        written.append(target)
    stale = {p.name for p in LEARNER_DIR.glob("[0-9][0-9]-*.ipynb")} - {s.name for s in sources()}
    for name in sorted(stale):
        (LEARNER_DIR / name).unlink()
        print(f"removed exercises/{name} (no source)")
    return written


def facilitator(outdir: Path = FACILITATOR_DIR) -> list[Path]:
    """Write every facilitator version (with answer keys) into ``outdir``."""
    written = []
    for source in sources():
        target = Path(outdir) / source.name
        _write(facilitator_version(source), target)
        written.append(target)
        print(f"wrote {target}")
    return written


def out_of_sync() -> list[str]:
    """Names of learner versions that are missing, extra or differ from their source."""
    problems = []
    names = {s.name for s in sources()}
    for source in sources():
        target = LEARNER_DIR / source.name
        if not target.is_file():
            problems.append(f"{source.name}: learner version missing")
        elif comparable(nbformat.read(target, as_version=4)) != comparable(learner_version(source)):
            problems.append(f"{source.name}: learner version differs from its source")
    for extra in sorted(LEARNER_DIR.glob("[0-9][0-9]-*.ipynb")):
        if extra.name not in names:
            problems.append(f"{extra.name}: learner version without a source")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    if command == "build":
        for path in build():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if command == "facilitator":
        facilitator(Path(argv[1]) if len(argv) > 1 else FACILITATOR_DIR)
        return 0
    if command == "check":
        problems = out_of_sync()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python tools/exercises.py build", file=sys.stderr)
            return 1
        print(f"{len(sources())} learner versions in sync with exercises/_source/")
        return 0
    print(__doc__)
    return 0 if command in {"help", "-h", "--help"} else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
