"""Benchmark: the time-stepping models, vectorised vs a plain networkx loop; explorer redraws.

Prints figures; asserts nothing (timings belong here, not in the test suite).
Targets (issue 11): 10,000 people × 100 steps in ≤ 0.1 s for diffusion-type
models and ≤ 1 s for any; ≥ 20× faster than a straightforward per-node
networkx implementation of the same model; a slider change at a notebook's
default size redraws in ≤ 300 ms.

For each time-stepping model both implementations start from the **same
network** (same seed) and run the same rules; only the random draws differ,
so the last columns compare their outcomes, which should agree up to noise.
The small-world, non-human, specialised-nodes (network growth, one newcomer
at a time) and connections models do not step through time (they build or
measure a network once); their run times are listed for completeness.

Usage: ``.venv/bin/python benchmarks/models.py [--notebooks]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import networkx as nx
import numpy as np

from connectivism.models import MODELS
from connectivism.models.base import rng_for
from connectivism.models.currency import currency_over_time, make_network, spread
from connectivism.models.decisions import better_option, social_learning
from connectivism.models.decisions import make_network as decisions_network
from connectivism.models.diversity import bounded_confidence
from connectivism.models.diversity import make_network as diversity_network
from connectivism.models.maintenance import fade, random_ties

ROOT = Path(__file__).resolve().parent.parent
N, STEPS, SEED = 10_000, 100, 1


def best_of(fn, repeat: int = 3):
    """Fastest of ``repeat`` runs (seconds) and the last result."""
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


# --- maintenance: fading ties with a contact budget --------------------------------------------

BUDGET, LIFETIME = 0.7, 8
#: Target for the vectorised run with the giant component at every step (issue 24).
MAINTENANCE_TARGET_S = 0.1


def plain_fade(n: int, u, v, *, budget: float, lifetime: int, steps: int, rng) -> tuple[float, float]:
    """The maintenance model written the straightforward way: loops over people and their ties."""
    g = nx.Graph()
    g.add_nodes_from(range(n))
    for a, b in zip(u.tolist(), v.tolist()):
        g.add_edge(a, b, since=int(rng.integers(0, lifetime + 1)))
    giant = []
    for _ in range(steps):
        contacted = set()
        for person in g:  # each person spends their budget ...
            ties = list(g[person])
            chance = min(1.0, budget / len(ties)) if ties else 0.0
            for other in ties:  # ... at random over their ties
                if rng.random() < chance:
                    contacted.add((min(person, other), max(person, other)))
        lost = []
        for a, b, data in g.edges(data=True):
            data["since"] = 0 if (min(a, b), max(a, b)) in contacted else data["since"] + 1
            if data["since"] > lifetime:
                lost.append((a, b))
        g.remove_edges_from(lost)
        giant.append(max(len(c) for c in nx.connected_components(g)) / n)
    return giant[-1], 2 * g.number_of_edges() / n


def bench_maintenance() -> tuple:
    u, v = random_ties(N, 4.0, rng_for(SEED, 0))
    fast_s, fast = best_of(lambda: fade(N, u, v, budget=BUDGET, lifetime=LIFETIME, steps=STEPS, rng=rng_for(SEED, 1)))
    plain_s, plain = best_of(
        lambda: plain_fade(N, u, v, budget=BUDGET, lifetime=LIFETIME, steps=STEPS, rng=rng_for(SEED, 1)), repeat=1
    )
    return (
        "maintenance (fade, giant every step)",
        fast_s,
        plain_s,
        f"giant {fast['giant'][-1]:.3f} / {plain[0]:.3f}, ties/person {fast['mean_degree'][-1]:.2f} / {plain[1]:.2f}"
        f"; vectorised {fast_s:.3f} s against a target of ≤ {MAINTENANCE_TARGET_S} s:"
        f" {'met' if fast_s <= MAINTENANCE_TARGET_S else 'MISSED'}",
    )


# --- currency: items with a lifetime spreading from sources -------------------------------------

BETA, TAU, INTERVAL, HALF_LIFE = 0.3, 2, 10, 10.0


def plain_currency(
    g: nx.Graph, sources, *, beta: float, lifetime: int, interval: int, steps: int, half_life: float, rng
) -> tuple[float, float]:
    """The currency model written the straightforward way: loops over people, items and contacts."""
    n = g.number_of_nodes()
    learned: dict[int, dict[int, int]] = {person: {} for person in g}  # person -> item -> step
    published: list[int] = []
    currency = []
    for t in range(steps):
        if t % interval == 0:
            published.append(t)
            for s in sources:
                learned[s][len(published) - 1] = t
        new = []
        for person in g:
            for item, when in learned[person].items():
                if when < t <= when + lifetime:  # still talking about it
                    for other in g[person]:
                        if item not in learned[other] and rng.random() < beta:
                            new.append((other, item))
        for other, item in new:
            learned[other].setdefault(item, t)
        total = 0.0
        for person in g:
            if learned[person]:
                total += 2.0 ** ((published[max(learned[person])] - t) / half_life)
        currency.append(total / n)
    reached = np.mean([sum(1 for p in g if i in learned[p]) / n for i in range(len(published))])
    return float(np.mean(currency)), float(reached)


def bench_currency() -> tuple:
    a = make_network("random", N, 4, rng_for(SEED, 0))
    sources = np.array([0])
    published = np.arange(0, STEPS, INTERVAL)

    def fast():
        learned = spread(
            a,
            beta=BETA,
            lifetime=TAU,
            publish=[(int(t), sources) for t in published],
            rng=rng_for(SEED, 1),
            steps=STEPS,
        )
        mean, _, _ = currency_over_time(learned, published, STEPS, HALF_LIFE)
        return float(mean.mean()), float((learned >= 0).mean())

    fast_s, fast_out = best_of(fast)
    g = nx.from_scipy_sparse_array(a)
    plain_s, plain_out = best_of(
        lambda: plain_currency(
            g,
            sources.tolist(),
            beta=BETA,
            lifetime=TAU,
            interval=INTERVAL,
            steps=STEPS,
            half_life=HALF_LIFE,
            rng=rng_for(SEED, 1),
        ),
        repeat=1,
    )
    return (
        "currency (spread + currency per step)",
        fast_s,
        plain_s,
        f"mean currency {fast_out[0]:.3f} / {plain_out[0]:.3f}, reach per item {fast_out[1]:.3f} / {plain_out[1]:.3f}",
    )


# --- diversity: bounded-confidence opinions (Hegselmann–Krause) on a small world ---------------

EPSILON, K_RING = 0.2, 10


def plain_opinions(g: nx.Graph, x0, *, epsilon: float, steps: int) -> tuple[float, int]:
    """The diversity model written the straightforward way: loops over people and their contacts."""
    x = {person: float(x0[person]) for person in g}
    for _ in range(steps):
        new = {}
        for person in g:
            near = [x[person]] + [x[other] for other in g[person] if abs(x[other] - x[person]) <= epsilon]
            new[person] = sum(near) / len(near)
        x = new
    values = np.array([x[p] for p in sorted(g)])
    return float(values.std()), int(np.unique(np.round(values, 3)).size)


def bench_diversity() -> tuple:
    a = diversity_network("small world", N, K_RING, rng_for(SEED, 0))
    x0 = rng_for(SEED, 1).random(N)
    fast_s, (history, _) = best_of(lambda: bounded_confidence(x0, a, EPSILON, STEPS))
    g = nx.from_scipy_sparse_array(a)
    plain_s, plain = best_of(lambda: plain_opinions(g, x0, epsilon=EPSILON, steps=STEPS), repeat=1)
    last = history[-1]
    return (
        "diversity (opinions, all steps kept)",
        fast_s,
        plain_s,
        f"spread {last.std():.4f} / {plain[0]:.4f}, distinct {np.unique(np.round(last, 3)).size} / {plain[1]}",
    )


# --- decisions: copying and exploring in a restless two-armed bandit ---------------------------

EXPLORE, QUALITY, FLIP = 0.05, 0.7, 50


def plain_decisions(g: nx.Graph, *, explore: float, quality: float, best, rng) -> float:
    """The decisions model written the straightforward way: loops over people and their contacts."""
    choice = {person: int(rng.random() < 0.5) for person in g}
    right = []
    for t in range(len(best)):
        right.append(sum(choice[p] == best[t] for p in g) / len(choice))
        worked = {p: rng.random() < (quality if choice[p] == best[t] else 1 - quality) for p in g}
        new = {}
        for person in g:
            if rng.random() < explore:
                new[person] = int(rng.random() < 0.5)
                continue
            good = [choice[o] for o in [person, *g[person]] if worked[o]]
            new[person] = good[int(rng.integers(len(good)))] if good else choice[person]
        choice = new
    return float(np.mean(right[FLIP : FLIP + 20]))


def bench_decisions() -> tuple:
    a = decisions_network(N, 4, rng_for(SEED, 0))
    best = better_option(STEPS, FLIP)
    fast_s, choices = best_of(
        lambda: social_learning(a, explore=EXPLORE, quality=QUALITY, best=best, rng=rng_for(SEED, 1))
    )
    g = nx.from_scipy_sparse_array(a)
    plain_s, plain = best_of(
        lambda: plain_decisions(g, explore=EXPLORE, quality=QUALITY, best=best, rng=rng_for(SEED, 1)), repeat=1
    )
    right = (choices == best[:, None]).mean(axis=1)
    return (
        "decisions (choices, all steps kept)",
        fast_s,
        plain_s,
        f"right in 20 steps after the flip {right[FLIP : FLIP + 20].mean():.3f} / {plain:.3f}",
    )


def full_runs() -> None:
    print("\nwhole model runs (Model.run, first call, includes network generation and reference sweeps)")
    print(f"{'model':>12} {'settings':>34} {'seconds':>8}")
    cases = [
        ("smallworld", {"n": 1000, "k": 10, "p": 0.01}),
        ("maintenance", {"n": N, "steps": STEPS}),
        ("currency", {"n": N, "steps": STEPS}),
        ("nonhuman", {"groups": 12, "group_size": 40}),
        ("diversity", {"n": N, "steps": STEPS}),
        ("specialised", {"n": N}),
        ("connections", {"fields": 12, "field_size": 50}),
        ("decisions", {"n": N, "steps": STEPS}),
    ]
    for name, params in cases:
        start = time.perf_counter()
        MODELS[name]().run(seed=SEED, **params)
        print(f"{name:>12} {str(params):>34} {time.perf_counter() - start:>8.2f}")


def redraws() -> None:
    from connectivism.widgets.models import ModelExplorer

    print("\nexplorer redraw after a slider change at the notebook's default size, median of 6 (ms)")
    print(f"{'model':>12} {'slider':>8} {'run':>6} {'plot':>6} {'network':>8} {'total':>6}")
    moves = {
        "smallworld": ("p", 0.05),
        "maintenance": ("budget", 0.6),
        "currency": ("lifetime", 1),
        "nonhuman": ("remove", "all non-human nodes"),
        "diversity": ("epsilon", 0.3),
        "specialised": ("m", 3),
        "connections": ("bridges", 2),
        "decisions": ("explore", 0.05),
    }
    for name, (slider, value) in moves.items():
        explorer = ModelExplorer(MODELS[name]())
        default = explorer.sliders[slider].value
        rows = []
        for i in range(6):
            explorer.sliders[slider].value = value if i % 2 == 0 else default
            rows.append(explorer.timings)
        med = {k: statistics.median(r[k] for r in rows) * 1000 for k in rows[0]}
        print(
            f"{name:>12} {slider:>8} {med['run']:>6.0f} {med['plot']:>6.0f} {med['network']:>8.0f} {med['total']:>6.0f}"
        )


def notebooks() -> None:
    import nbformat
    from nbclient import NotebookClient

    print("\nmodel notebooks, top to bottom (nbclient, fresh kernel each), seconds")
    for path in sorted((ROOT / "notebooks").glob("1[1-8]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
        print(f"{path.name:>36} {time.perf_counter() - start:>6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", action="store_true", help="also time the model notebooks")
    args = parser.parse_args()
    print(
        f"time-stepping models: {N:,} people × {STEPS} steps, same network and rules for both "
        "implementations (vectorised: best of 3; plain networkx loop: 1 run)"
    )
    print(f"{'model':>38} {'vectorised s':>13} {'plain s':>8} {'speed-up':>9}  outcome (vectorised / plain)")
    for model, fast_s, plain_s, outcome in (
        bench_maintenance(),
        bench_currency(),
        bench_diversity(),
        bench_decisions(),
    ):
        print(f"{model:>38} {fast_s:>13.3f} {plain_s:>8.2f} {plain_s / fast_s:>8.0f}×  {outcome}")
    full_runs()
    redraws()
    if args.notebooks:
        notebooks()


if __name__ == "__main__":
    main()
