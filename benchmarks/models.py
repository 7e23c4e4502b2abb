"""Benchmark: the time-stepping models, vectorised vs a plain networkx loop; explorer redraws.

Prints figures; asserts nothing (timings belong here, not in the test suite).
Targets (issue 11): 10,000 people × 100 steps in ≤ 0.1 s for diffusion-type
models and ≤ 1 s for any; ≥ 20× faster than a straightforward per-node
networkx implementation of the same model; a slider change at a notebook's
default size redraws in ≤ 300 ms.

For each time-stepping model both implementations start from the **same
network** (same seed) and run the same rules; only the random draws differ.
The timing table shows one run's outcomes beside the times, but one run says
little (whether an item takes off from one source is a matter of chance), so
the agreement table runs both implementations over many seeds and compares
each outcome's distributions with a Mann–Whitney U test (level ``ALPHA``),
with the shift each comparison can detect (``POWER``) beside the shift a
learner would notice (``MATTERS``); ``tests/test_models_agreement.py`` runs
the same comparison at small sizes. The small-world, non-human,
specialised-nodes (network growth, one newcomer at a time) and connections
models do not step through time (they build or measure a network once); their
run times are listed for completeness.

Usage: ``.venv/bin/python benchmarks/models.py [--notebooks] [--people N] [--seeds S]``
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import numpy as np
from scipy import stats

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
        f"giant {fast.giant[-1]:.3f} / {plain[0]:.3f}, ties/person {fast.mean_degree[-1]:.2f} / {plain[1]:.2f}"
        f"; vectorised {fast_s:.3f} s against a target of ≤ {MAINTENANCE_TARGET_S} s:"
        f" {'met' if fast_s <= MAINTENANCE_TARGET_S else 'MISSED'}",
    )


# --- currency: items with a lifetime spreading from sources -------------------------------------

BETA, TAU, INTERVAL, HALF_LIFE = 0.3, 2, 10, 10.0


def plain_spread(g: nx.Graph, publish, *, beta: float, lifetime: int, steps: int, rng):
    """The spreading of the currency model, by loops over people, items and contacts.

    The rules of the currency notebook: item ``j`` appears at the people of ``publish[j] =
    (step, people)``; a person who learned an item at step ``s`` passes it on at steps
    ``s+1 … s+lifetime``, and at each of those steps each contact who does not know it yet
    learns it with chance ``beta``. Yields ``(t, learned)`` after each step ``t``, ``learned``
    mapping each person to ``{item: step learned}``.
    """
    learned: dict[int, dict[int, int]] = {person: {} for person in g}
    for t in range(steps):
        new = []
        for person in g:
            for item, when in learned[person].items():
                if when < t <= when + lifetime:  # still talking about it
                    for other in g[person]:
                        if item not in learned[other] and rng.random() < beta:
                            new.append((other, item))
        for other, item in new:
            learned[other].setdefault(item, t)
        for item, (when, people) in enumerate(publish):
            if when == t:
                for person in people:
                    learned[person].setdefault(item, t)
        yield t, learned


def plain_currency(
    g: nx.Graph, sources, *, beta: float, lifetime: int, interval: int, steps: int, half_life: float, rng
) -> tuple[float, float, float]:
    """The currency model written the straightforward way: loops over people, items and contacts.

    Returns the mean currency over the run, the mean share of people an item reached, and the
    mean share of people who know the newest item published so far.
    """
    n = g.number_of_nodes()
    published = list(range(0, steps, interval))
    currency, latest = [], []
    publish = [(t, sources) for t in published]
    for t, learned in plain_spread(g, publish, beta=beta, lifetime=lifetime, steps=steps, rng=rng):
        total, newest = 0.0, 0
        for person in g:
            if learned[person]:  # the value of the newest item they know
                item = max(learned[person])
                total += 2.0 ** ((published[item] - t) / half_life)
                newest += item == t // interval
        currency.append(total / n)
        latest.append(newest / n)
    reached = np.mean([sum(1 for p in g if i in learned[p]) / n for i in range(len(published))])
    return float(np.mean(currency)), float(reached), float(np.mean(latest))


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


def plain_decisions(g: nx.Graph, *, explore: float, quality: float, best, rng) -> np.ndarray:
    """The decisions model written the straightforward way: loops over people and their contacts.

    Returns the share of people on the better option at each step.
    """
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
    return np.array(right)


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
        f"right in 20 steps after the flip {right[FLIP : FLIP + 20].mean():.3f} / {plain[FLIP : FLIP + 20].mean():.3f}",
    )


# --- agreement: both implementations over many seeds, outcome by outcome -----------------------
#
# One run of each implementation says little: whether an item takes off from one source, or a
# group finds the better option in time, is a matter of chance, so two correct implementations
# can differ by several standard deviations of a single run. Here each implementation runs over
# many seeds on the same fixed network (seed SEED), with independent random draws (stream 1 for
# the vectorised model, stream 2 for the plain loop), and each outcome's two samples are compared
# with a two-sample Mann–Whitney U test at level ALPHA. tests/test_models_agreement.py runs the
# same comparisons at small sizes.

#: Level of each two-sample test.
ALPHA = 0.01
#: Power asked of each comparison: the chance of detecting a shift of the size in MATTERS.
POWER = 0.8
#: Per outcome, the smallest difference between the implementations that a learner would see in
#: the notebooks' figures (shares and values quoted to two decimals, reach in whole per cent).
#: None: the diversity model is deterministic once the first opinions are drawn, so the test
#: compares its implementations run by run (same start, same end) rather than by power.
MATTERS = {
    "giant share": 0.03,
    "ties per person": 0.1,
    "mean currency": 0.02,
    "reach per item": 0.05,
    "know the newest": 0.02,
    "opinion spread": 0.02,
    "distinct opinions": None,
    "right before the flip": 0.03,
    "right after the flip": 0.03,
}


#: Seeds per implementation in the benchmark's agreement runs (1,000 people × 100 steps): enough
#: for POWER against MATTERS, ``k ≥ 27 (s/δ)²`` (see :attr:`Agreement.detectable`), with the
#: spreads s measured there (ties per person 0.023, mean currency 0.03, reach per item 0.10,
#: opinion spread 0.026, right after the flip 0.018).
SEEDS = {"maintenance": 30, "currency": 150, "diversity": 60, "decisions": 30}


@cache
def _network(model: str, n: int):
    """The fixed network of a comparison: a sparse matrix (or two tie arrays) and a networkx graph."""
    if model == "maintenance":
        u, v = random_ties(n, 4.0, rng_for(SEED, 0))
        return (u, v), None
    if model == "currency":
        a = make_network("random", n, 4, rng_for(SEED, 0))
    elif model == "diversity":
        a = diversity_network("small world", n, K_RING, rng_for(SEED, 0))
    else:
        a = decisions_network(n, 4, rng_for(SEED, 0))
    return a, nx.from_scipy_sparse_array(a)


def maintenance_outcomes(n: int, steps: int, seed: int, plain: bool) -> tuple[float, ...]:
    """Giant share and live ties per person at the end."""
    (u, v), _ = _network("maintenance", n)
    rng = rng_for(seed, 2 if plain else 1)
    if plain:
        return plain_fade(n, u, v, budget=BUDGET, lifetime=LIFETIME, steps=steps, rng=rng)
    out = fade(n, u, v, budget=BUDGET, lifetime=LIFETIME, steps=steps, rng=rng)
    return float(out.giant[-1]), float(out.mean_degree[-1])


def currency_outcomes(n: int, steps: int, seed: int, plain: bool) -> tuple[float, ...]:
    """Mean currency, reach per item and share knowing the newest item, one source (person 0)."""
    a, g = _network("currency", n)
    rng = rng_for(seed, 2 if plain else 1)
    settings = {"beta": BETA, "lifetime": TAU}
    if plain:
        return plain_currency(g, [0], interval=INTERVAL, steps=steps, half_life=HALF_LIFE, rng=rng, **settings)
    published = np.arange(0, steps, INTERVAL)
    learned = spread(a, publish=[(int(t), np.array([0])) for t in published], rng=rng, steps=steps, **settings)
    mean, latest, _ = currency_over_time(learned, published, steps, HALF_LIFE)
    return float(mean.mean()), float((learned >= 0).mean()), float(latest.mean())


def diversity_outcomes(n: int, steps: int, seed: int, plain: bool) -> tuple[float, ...]:
    """Spread of opinions and distinct opinions at the end (the randomness is in the first opinions)."""
    a, g = _network("diversity", n)
    x0 = rng_for(seed, 2 if plain else 1).random(n)
    if plain:
        return plain_opinions(g, x0, epsilon=EPSILON, steps=steps)
    last = bounded_confidence(x0, a, EPSILON, steps)[0][-1]
    return float(last.std()), int(np.unique(np.round(last, 3)).size)


def decisions_outcomes(n: int, steps: int, seed: int, plain: bool) -> tuple[float, ...]:
    """Share on the better option in the 20 steps before and after it changes (half-way)."""
    a, g = _network("decisions", n)
    rng = rng_for(seed, 2 if plain else 1)
    flip = steps // 2
    best = better_option(steps, flip)
    settings = {"explore": EXPLORE, "quality": QUALITY, "best": best, "rng": rng}
    if plain:
        right = plain_decisions(g, **settings)
    else:
        right = (social_learning(a, **settings) == best[:, None]).mean(axis=1)
    return float(right[max(flip - 20, 0) : flip].mean()), float(right[flip : flip + 20].mean())


#: Per time-stepping model: its outcomes and a function (n, steps, seed, plain) -> outcomes.
COMPARISONS = {
    "maintenance": (("giant share", "ties per person"), maintenance_outcomes),
    "currency": (("mean currency", "reach per item", "know the newest"), currency_outcomes),
    "diversity": (("opinion spread", "distinct opinions"), diversity_outcomes),
    "decisions": (("right before the flip", "right after the flip"), decisions_outcomes),
}


@dataclass(frozen=True)
class Agreement:
    """One outcome of one model: both samples, the test's p-value and the comparison's power."""

    model: str
    outcome: str
    vectorised: np.ndarray
    plain: np.ndarray
    p_value: float

    @property
    def detectable(self) -> float:
        """The shift the comparison detects with chance POWER at level ALPHA.

        From the normal approximation for a difference of two means, ``(z_{1−α/2} + z_power) ·
        √(s₁²/n₁ + s₂²/n₂)``, widened by ``1/√0.864``: the Mann–Whitney test needs at most
        1/0.864 times as many runs as the t-test for any shape of distribution (Hodges and
        Lehmann 1956).
        """
        z = stats.norm.ppf(1 - ALPHA / 2) + stats.norm.ppf(POWER)
        se = np.sqrt(self.vectorised.var(ddof=1) / self.vectorised.size + self.plain.var(ddof=1) / self.plain.size)
        return float(z * se / np.sqrt(0.864))


def compare(model: str, *, n: int, steps: int, seeds) -> list[Agreement]:
    """Run both implementations of ``model`` over ``seeds`` and test each outcome."""
    names, outcomes = COMPARISONS[model]
    fast = np.array([outcomes(n, steps, s, plain=False) for s in seeds], dtype=float)
    plain = np.array([outcomes(n, steps, s, plain=True) for s in seeds], dtype=float)
    rows = []
    for i, name in enumerate(names):
        p = float(stats.mannwhitneyu(fast[:, i], plain[:, i]).pvalue)  # 1.0 if every value is the same
        rows.append(Agreement(model, name, fast[:, i], plain[:, i], p))
    return rows


def agreement(n: int, steps: int, seeds: int | None = None) -> None:
    print(
        f"\nagreement: {n:,} people × {steps} steps, the same network, seeds per implementation as shown; "
        f"Mann–Whitney U at α = {ALPHA}; 'detectable' = shift found with {POWER:.0%} power"
    )
    print(
        f"{'model':>12} {'outcome':>22} {'vectorised mean ± sd [q10, q90]':>33} {'plain mean ± sd [q10, q90]':>33}"
        f" {'p':>6} {'detectable':>10} {'matters':>8}"
    )

    def spread_of(x: np.ndarray) -> str:
        q10, q90 = np.quantile(x, [0.1, 0.9])
        return f"{x.mean():.3f} ± {x.std(ddof=1):.3f} [{q10:.3f}, {q90:.3f}]"

    for model in COMPARISONS:
        start = time.perf_counter()
        runs = seeds or SEEDS[model]
        rows = compare(model, n=n, steps=steps, seeds=range(runs))
        for r in rows:
            verdict = "differ" if r.p_value < ALPHA else "agree"
            print(
                f"{model:>12} {r.outcome:>22} {spread_of(r.vectorised):>33} {spread_of(r.plain):>33}"
                f" {r.p_value:>6.3f} {r.detectable:>10.3f} {MATTERS[r.outcome] or '—':>8}  {verdict}"
            )
        print(f"{'':>12} {f'({runs} seeds, {time.perf_counter() - start:.0f} s)':>22}")


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
    parser.add_argument("--people", type=int, default=1000, help="people in the agreement runs (default 1000)")
    parser.add_argument("--seeds", type=int, help="seeds per implementation in the agreement runs (default: SEEDS)")
    args = parser.parse_args()
    print(
        f"time-stepping models: {N:,} people × {STEPS} steps, same network and rules for both "
        "implementations (vectorised: best of 3; plain networkx loop: 1 run)"
    )
    print(f"{'model':>38} {'vectorised s':>13} {'plain s':>8} {'speed-up':>9}  one run's outcome (vectorised / plain)")
    for model, fast_s, plain_s, outcome in (
        bench_maintenance(),
        bench_currency(),
        bench_diversity(),
        bench_decisions(),
    ):
        print(f"{model:>38} {fast_s:>13.3f} {plain_s:>8.2f} {plain_s / fast_s:>8.0f}×  {outcome}")
    agreement(args.people, STEPS, args.seeds)
    full_runs()
    redraws()
    if args.notebooks:
        notebooks()


if __name__ == "__main__":
    main()
