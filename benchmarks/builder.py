"""Benchmark: the builder's refresh after a widget action, and its memory over time.

Prints figures; asserts nothing. Targets (issue "Map your learning network"):
action → refreshed measures, suggestions and drawing ≤ 100 ms at 50 nodes and
≤ 1 s at 500; no memory growth over 1,000 actions after 100 warm-up actions.

Usage: ``.venv/bin/python benchmarks/builder.py``
"""

from __future__ import annotations

import datetime
import gc
import statistics
import tempfile
import time
import tracemalloc

from connectivism.network import LearningNetwork
from connectivism.session import EditSession
from connectivism.widgets.builder import NetworkBuilder

AS_OF = datetime.date(2026, 10, 1)
KINDS = ["person", "community", "resource", "tool"]
TOPICS = ["physics", "chemistry", "assessment", "research", "technology", "policy"]


def synthetic(n: int) -> LearningNetwork:
    net = LearningNetwork("Me")
    for i in range(1, n):
        net.add(f"node {i}", KINDS[i % 4], topic=TOPICS[i % len(TOPICS)])
        net.connect("Me", f"node {i}", strength=1 + i % 5, since="2024-01-01", last_contact=f"2026-0{1 + i % 9}-15")
        if i > 2:
            net.connect(f"node {i}", f"node {1 + (i * 7) % (i - 1)}", strength=1 + (i * 3) % 5)
    return net


def builder_for(n: int, folder: str) -> NetworkBuilder:
    session = EditSession(synthetic(n), autosave=f"{folder}/auto-{n}.json")
    return NetworkBuilder(session, as_of=AS_OF)


def action_times(b: NetworkBuilder, count: int) -> list[float]:
    """Alternate adding a node and undoing it: each is one full refresh."""
    times = []
    for i in range(count):
        t = time.perf_counter()
        if i % 2 == 0:
            b.node_name.value = f"bench {i}"
            b.node_kind.value = "tool"
            b.add_button.click()
        else:
            b.undo_button.click()
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print("widget action → refreshed drawing, measures and suggestions (autosave included)")
        print(f"{'nodes':>6} {'median ms':>10} {'p90 ms':>8}")
        for n in (50, 500):
            b = builder_for(n, folder)
            times = sorted(action_times(b, 20))
            print(f"{n:>6} {statistics.median(times) * 1000:>10.1f} {times[int(len(times) * 0.9)] * 1000:>8.1f}")

        b = builder_for(50, folder)
        action_times(b, 100)
        # gc.collect() first: networkx graphs hold reference cycles, which are
        # garbage but wait for the cycle collector; only live memory counts
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.take_snapshot()
        sizes = []
        for _ in range(10):
            action_times(b, 100)
            gc.collect()
            sizes.append(sum(s.size_diff for s in tracemalloc.take_snapshot().compare_to(base, "filename")))
        tracemalloc.stop()
        print(
            "\nlive memory (tracemalloc, after gc) after 100 warm-up actions, "
            "then every 100 of 1,000 actions, KB above start:"
        )
        print(" ".join(f"{s / 1024:.0f}" for s in sizes))


if __name__ == "__main__":
    main()
