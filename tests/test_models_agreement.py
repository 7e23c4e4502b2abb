"""Agreement as a statistical test: each vectorised time-stepping model against a plain networkx loop.

``benchmarks/models.py`` holds, for every model that steps through time
(maintenance, currency, diversity, decisions), a straightforward per-node
networkx implementation of the same rules, and one function per model that
returns its outcomes for a size, a seed and either implementation. Here both
implementations run over fixed seeds on one fixed network, and each outcome's
two samples go through a two-sample Mann–Whitney U test at level
``ALPHA = 0.01``: they must not differ. The benchmark runs the same
comparison at larger sizes and prints the distributions side by side.

How many seeds, and why
-----------------------
A comparison that cannot detect a difference proves nothing, so each test also
checks its own power: the shift it detects with 80 % power at α = 0.01,
``(z₀.₉₉₅ + z₀.₈) · √(s₁²/k + s₂²/k) / √0.864`` (normal approximation, widened
for the Mann–Whitney test by its worst-case efficiency 0.864), must be no more
than the smallest difference a learner would see in the notebooks' figures
(``MATTERS`` in the benchmark: 0.02 for mean currency, 0.05 for an item's
reach, 0.03 for shares of people, 0.1 for ties per person). With ``k`` seeds
per implementation that needs ``k ≥ 27 (s/δ)²``. Pilot runs at the sizes
below gave s ≈ 0.011 (giant share) and 0.066 (ties per person) for
maintenance, s ≈ 0.022–0.027 (mean currency), 0.06–0.07 (reach) and
0.025–0.035 (share knowing the newest item) for currency, and s ≈ 0.027 (right
after the flip) for decisions: hence 20, 80 and 30 seeds. The seeds are fixed,
so the tests are deterministic: a pass stays a pass. Diversity is
deterministic once the first opinions are drawn, so the two implementations
are compared pair by pair (same start, same end), which is stronger than any
two-sample test.

The rules of the currency model are also checked exactly, on networks of
three people where the chance of every outcome can be worked out by hand.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from scipy import stats

from connectivism.models import MODELS
from connectivism.models.currency import spread
from connectivism.models.diversity import bounded_confidence

_spec = importlib.util.spec_from_file_location(
    "models_benchmark", Path(__file__).resolve().parent.parent / "benchmarks" / "models.py"
)
bench = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

#: (model, people, steps, seeds per implementation); seeds from the pilot figures above.
CASES = [
    ("maintenance", 200, 30, 20),
    ("currency", 200, 60, 80),
    ("decisions", 400, 40, 30),
]


def test_every_time_stepping_model_is_compared():
    stepping = {name for name, model in MODELS.items() if any(p.name == "steps" for p in model.parameters)}
    assert set(bench.COMPARISONS) == stepping
    assert {case[0] for case in CASES} | {"diversity"} == stepping


@pytest.fixture(scope="module", params=CASES, ids=[case[0] for case in CASES])
def comparison(request):
    model, n, steps, seeds = request.param
    return bench.compare(model, n=n, steps=steps, seeds=range(seeds))


def test_the_outcomes_of_both_implementations_agree(comparison):
    for row in comparison:
        assert row.p_value >= bench.ALPHA, (
            f"{row.model}: {row.outcome} differs (p = {row.p_value:.2g}): vectorised mean "
            f"{row.vectorised.mean():.3f}, plain {row.plain.mean():.3f}"
        )


def test_the_comparison_has_the_power_to_see_a_difference_that_matters(comparison):
    for row in comparison:
        assert row.detectable <= bench.MATTERS[row.outcome], (
            f"{row.model}: {row.outcome}: only shifts of {row.detectable:.3f} or more are detected "
            f"(80 % power), a learner would see {bench.MATTERS[row.outcome]}: use more seeds"
        )


def test_a_real_difference_is_detected():
    """The same comparison tells a model from a slightly different one (pass-on chance 0.3 vs 0.36)."""
    n, steps, seeds = 200, 60, range(80)
    fast = np.array([bench.currency_outcomes(n, steps, s, plain=False) for s in seeds])
    a, _ = bench._network("currency", n)
    published = np.arange(0, steps, bench.INTERVAL)
    other = []
    for s in seeds:
        learned = spread(
            a,
            beta=1.2 * bench.BETA,
            lifetime=bench.TAU,
            publish=[(int(t), np.array([0])) for t in published],
            rng=bench.rng_for(s, 2),
            steps=steps,
        )
        other.append((learned >= 0).mean())
    assert stats.mannwhitneyu(fast[:, 1], other).pvalue < bench.ALPHA


def test_diversity_implementations_agree_run_by_run():
    """Hegselmann–Krause is deterministic: from the same first opinions both reach the same opinions."""
    n, steps = 150, 40
    a, g = bench._network("diversity", n)
    for seed in range(5):
        x0 = bench.rng_for(seed, 1).random(n)
        last = bounded_confidence(x0, a, bench.EPSILON, steps)[0][-1]
        spread_, distinct = bench.plain_opinions(g, x0, epsilon=bench.EPSILON, steps=steps)
        assert spread_ == pytest.approx(float(last.std()), abs=1e-6)
        assert distinct == np.unique(np.round(last, 3)).size


def test_diversity_outcomes_agree_over_many_first_opinions():
    for row in bench.compare("diversity", n=100, steps=40, seeds=range(30)):
        assert row.p_value >= bench.ALPHA, f"diversity: {row.outcome} differs (p = {row.p_value:.2g})"


# --- the currency model's rules, checked exactly on three people ------------------------------

RUNS = 2000


def _vectorised(adjacency, publish, *, beta, lifetime, seed):
    rng = np.random.default_rng(seed)
    for _ in range(RUNS):
        learned = spread(adjacency, beta=beta, lifetime=lifetime, publish=publish, rng=rng, steps=8)
        yield tuple(learned[:, 0].tolist())


def _plain(g, publish, *, beta, lifetime, seed):
    rng = np.random.default_rng(seed)
    for _ in range(RUNS):
        _, learned = list(bench.plain_spread(g, publish, beta=beta, lifetime=lifetime, steps=8, rng=rng))[-1]
        yield tuple(learned[person].get(0, -1) for person in sorted(g))


def _fits(outcomes, exact: dict) -> float:
    """p-value of a chi-square goodness-of-fit test of the outcomes against exact chances (0 if one is impossible)."""
    seen = Counter(outcomes)
    if not set(seen) <= set(exact):
        return 0.0
    keys = sorted(exact)
    return float(stats.chisquare([seen[k] for k in keys], [RUNS * exact[k] for k in keys]).pvalue)


#: A path 0 – 1 – 2, the item at person 0 at step 0, pass-on chance 1/2, talked about for 2 steps.
#: Person 1 learns it at step 1 (chance 1/2), at step 2 (1/4) or never (1/4); person 2 likewise,
#: one or two steps after person 1 (the rules in notebook 13 and Currency's docstring).
PATH = [(0, 1), (1, 2)]
PATH_EXACT = {
    (0, 1, 2): 1 / 4,
    (0, 1, 3): 1 / 8,
    (0, 1, -1): 1 / 8,
    (0, 2, 3): 1 / 8,
    (0, 2, 4): 1 / 16,
    (0, 2, -1): 1 / 16,
    (0, -1, -1): 1 / 4,
}
#: Two sources 0 and 1, both tied to person 2, talked about for 1 step: person 2 learns the item at
#: step 1 unless both contacts fail, chance 1 − (1 − 1/2)² = 3/4, and never otherwise.
PAIR = [(0, 2), (1, 2)]
PAIR_EXACT = {(0, 0, 1): 3 / 4, (0, 0, -1): 1 / 4}


def _networks(edges):
    g = nx.Graph(edges)
    return nx.to_scipy_sparse_array(g, nodelist=range(3), format="csr"), g


@pytest.mark.parametrize("implementation", ["vectorised", "plain"])
@pytest.mark.parametrize(
    "edges, sources, lifetime, exact", [(PATH, [0], 2, PATH_EXACT), (PAIR, [0, 1], 1, PAIR_EXACT)], ids=["path", "pair"]
)
def test_both_implementations_follow_the_stated_rules_exactly(implementation, edges, sources, lifetime, exact):
    a, g = _networks(edges)
    publish = [(0, np.array(sources))]
    if implementation == "vectorised":
        outcomes = _vectorised(a, publish, beta=0.5, lifetime=lifetime, seed=3)
    else:
        outcomes = _plain(g, publish, beta=0.5, lifetime=lifetime, seed=3)
    assert _fits(outcomes, exact) >= bench.ALPHA


@pytest.mark.parametrize("beta, lifetime", [(0.56, 2), (0.5, 3)], ids=["pass-on chance 0.56", "talked about for 3"])
def test_the_exact_check_tells_a_different_rule_apart(beta, lifetime):
    a, _ = _networks(PATH)
    outcomes = _vectorised(a, [(0, np.array([0]))], beta=beta, lifetime=lifetime, seed=4)
    assert _fits(outcomes, PATH_EXACT) < bench.ALPHA
