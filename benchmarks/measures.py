"""Benchmark: all measures and suggestions at 50 and 500 nodes.

Prints a table; asserts nothing (timings belong here, not in the test suite).
Targets (issue "Measures and suggestions"): measure_all + suggest ≤ 20 ms at
50 nodes and ≤ 500 ms at 500 nodes.

The networks are synthetic and seeded: the learner is tied to a quarter of
the other nodes (at least five); the other nodes are tied among themselves by
preferential attachment (Barabási–Albert, two ties per new node), with random
kinds, ten topics, strengths, dates and initiators.

Usage: ``python benchmarks/measures.py [--repeat N]``
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import time
from functools import partial

import networkx as nx

from connectivism.measures import measure_all
from connectivism.network import LearningNetwork
from connectivism.suggestions import suggest

AS_OF = datetime.date(2026, 10, 1)
KINDS = ["person", "person", "community", "resource", "tool"]
TOPICS = [f"topic {i}" for i in range(10)]


def synthetic_network(n: int, seed: int = 1) -> LearningNetwork:
    """A seeded learning network of `n` nodes, "me" included."""
    rng = random.Random(seed)
    net = LearningNetwork("me", as_of=AS_OF)
    net.edit("me", topic=TOPICS[0])
    others = [f"node {i}" for i in range(1, n)]
    for name in others:
        net.add(name, rng.choice(KINDS), topic=rng.choice(TOPICS))

    def day(lo: int, hi: int) -> datetime.date:
        return AS_OF - datetime.timedelta(days=rng.randint(lo, hi))

    for name in rng.sample(others, max(5, n // 4)):
        net.connect(
            "me",
            name,
            strength=rng.randint(1, 5),
            since=day(30, 3000),
            last_contact=day(0, 500),
            initiated_by=rng.choice(["me", "them", "both", None]),
        )
    graph = nx.barabasi_albert_graph(n - 1, 2, seed=seed)
    for a, b in graph.edges:
        net.connect(others[a], others[b], strength=rng.randint(1, 5))
    return net


def median_ms(func, repeat: int) -> float:
    func()  # warm up (imports, caches)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _measure_and_suggest(net):
    return suggest(net, as_of=AS_OF, measures=measure_all(net, as_of=AS_OF))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="timed runs per figure (median reported)")
    args = parser.parse_args()
    print("measure_all + suggest on synthetic networks, median of", args.repeat, "runs")
    print(f"{'nodes':>6} {'ties':>6} {'measure_all ms':>15} {'suggest ms':>11} {'total ms':>9} {'target ms':>10}")
    for n, target in ((50, 20), (500, 500)):
        net = synthetic_network(n)
        measures = measure_all(net, as_of=AS_OF)
        t_measure = median_ms(partial(measure_all, net, as_of=AS_OF), args.repeat)
        t_suggest = median_ms(partial(suggest, net, as_of=AS_OF, measures=measures), args.repeat)
        t_total = median_ms(partial(_measure_and_suggest, net), args.repeat)
        print(f"{n:>6} {len(net.ties):>6} {t_measure:>15.1f} {t_suggest:>11.2f} {t_total:>9.1f} {target:>10}")


if __name__ == "__main__":
    main()
