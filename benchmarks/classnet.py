"""Benchmark: the class network for 200 learners' networks of 30–60 nodes (target ≤ 2 s).

Run from the repository root::

    python benchmarks/classnet.py [--learners 200] [--repeat 3]

Generates the class with :func:`connectivism.facilitator.demo.demo_folder`
into a temporary folder, then times each stage of
``python -m connectivism.facilitator class-network``: reading the files with
the kit's safe reader, merging and measuring, building the HTML report, and
writing the three files. Prints wall-clock and CPU seconds (CPU time is the
fairer figure on a shared, busy machine); makes no assertion.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from functools import partial
from pathlib import Path

from connectivism.facilitator import classnet, report
from connectivism.facilitator.demo import demo_folder


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submissions"
        demo_folder(folder, args.learners, seed=2026, sizes=(30, 60))
        key = classnet.new_key()
        report.report_html(
            classnet.merge(classnet.read_folder(folder, key=key), as_of="2026-10-01")
        )  # warm-up: imports
        best: dict[str, tuple[float, float]] = {}
        for _ in range(args.repeat):
            found, *read = _timed(lambda: classnet.read_folder(folder, key=key))
            cls, *merge = _timed(partial(classnet.merge, found, as_of="2026-10-01"))
            page, *rep = _timed(partial(report.report_html, cls))
            _, *write = _timed(partial(classnet.write_outputs, cls, Path(tmp) / "out", html=page))
            for name, t in (("read", read), ("merge", merge), ("report", rep), ("write", write)):
                best[name] = min(best.get(name, (1e9, 1e9)), tuple(t))
        g = cls.graph
        print(
            f"{args.learners} learners, {sum(len(s.network) - 1 for s in found.accepted)} nodes submitted -> "
            f"{g.number_of_nodes()} merged nodes, {g.number_of_edges()} ties; core {cls.core.number_of_nodes()} nodes; "
            f"report {len(page) / 1e6:.2f} MB"
        )
        print(f"{'stage':<10}{'wall s':>8}{'cpu s':>8}   (best of {args.repeat})")
        for name, (wall, cpu) in best.items():
            print(f"{name:<10}{wall:8.2f}{cpu:8.2f}")
        mr = [best["merge"][i] + best["report"][i] for i in (0, 1)]
        total = [sum(v[i] for v in best.values()) for i in (0, 1)]
        print(f"{'merge+report':<10}{mr[0]:8.2f}{mr[1]:8.2f}   target <= 2 s")
        print(f"{'all stages':<10}{total[0]:8.2f}{total[1]:8.2f}")


if __name__ == "__main__":
    main()
