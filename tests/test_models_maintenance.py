"""Nurturing connections: the giant component, measured against theory, and its collapse.

* Erdős–Rényi G(n, ⟨k⟩/n): the giant component's share S against
  S = 1 − e^(−⟨k⟩S) at ⟨k⟩ = 0.5, 1.5, 2, 3 (n = 4000, 4 seeds).
* The maintenance model: the largest group shrinks as the budget drops and
  collapses when the Molloy–Reed criterion fails (onward ties ⟨k²⟩/⟨k⟩ − 1
  below 1); its size agrees with the configuration-model prediction from the
  surviving degrees.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import Maintenance
from connectivism.models.giant import (
    adjacency_from_edges,
    configuration_giant,
    giant_fraction,
    molloy_reed,
    poisson_giant,
)
from connectivism.models.maintenance import FadeRun, fade, random_ties, tie_lifetime

ER_N = 4000


@pytest.mark.parametrize("mean_degree", [0.5, 1.5, 2.0, 3.0])
def test_random_graph_giant_component_matches_the_self_consistency_equation(mean_degree):
    shares = []
    for seed in range(4):
        g = nx.fast_gnp_random_graph(ER_N, mean_degree / (ER_N - 1), seed=seed)
        a = nx.to_scipy_sparse_array(g, format="csr")
        shares.append(giant_fraction(a))
    expected = poisson_giant(mean_degree)  # 0, 0.583, 0.797, 0.940
    assert np.mean(shares) == pytest.approx(expected, abs=0.03)


def test_poisson_giant_solves_its_equation():
    for c in (1.2, 2.0, 4.0):
        s = poisson_giant(c)
        assert s == pytest.approx(1 - np.exp(-c * s), abs=1e-10)
    assert poisson_giant(1.0) == 0.0
    with pytest.raises(ValueError):
        poisson_giant(-1)


def test_configuration_giant_matches_poisson_and_molloy_reed():
    degrees = np.random.default_rng(3).poisson(2.0, 200_000)
    assert configuration_giant(degrees) == pytest.approx(poisson_giant(2.0), abs=0.01)
    # everyone has exactly two ties: Molloy–Reed is 0, no giant component
    assert molloy_reed([2] * 100) == 0 and configuration_giant([2] * 100) == 0.0
    assert configuration_giant([3] * 100) == pytest.approx(1.0)


def test_tie_lifetime_counts_half_lives():
    assert tie_lifetime(4, 0.25) == 8  # two half-lives
    assert tie_lifetime(1, 0.5) == 1
    assert tie_lifetime(10, 0.95) == 0


def test_no_budget_loses_every_tie_and_full_budget_keeps_them():
    rng = np.random.default_rng(0)
    u, v = random_ties(300, 4.0, rng)
    none = fade(300, u, v, budget=0.0, lifetime=3, steps=5, rng=rng)
    assert not none.alive.any() and none.mean_degree[-1] == 0
    plenty = fade(300, u, v, budget=1000.0, lifetime=3, steps=50, rng=rng)
    assert plenty.alive.all()


def test_fade_returns_a_frozen_typed_result_and_the_old_keys_warn():
    import dataclasses

    rng = np.random.default_rng(0)
    u, v = random_ties(100, 4.0, rng)
    out = fade(100, u, v, budget=1.0, lifetime=3, steps=4, rng=rng)
    assert isinstance(out, FadeRun) and out.giant.shape == out.mean_degree.shape == (5,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        out.giant = None
    with pytest.raises(ValueError):
        out.alive[0] = False  # read-only, like every model result
    with pytest.warns(DeprecationWarning, match=r"\.giant"):
        assert out["giant"] is out.giant


@pytest.fixture(scope="module")
def budget_sweep():
    """Final largest-group share and onward ties, 3 seeds × budgets, n = 2000."""
    model = Maintenance()
    budgets = [0.2, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5]
    runs = {b: [model.run(seed=s, n=2000, budget=b) for s in range(3)] for b in budgets}
    return runs


def test_giant_component_shrinks_as_the_budget_drops(budget_sweep):
    budgets = sorted(budget_sweep)
    means = [np.mean([r.giant[-1] for r in budget_sweep[b]]) for b in budgets]
    # non-increasing as the budget drops (small tolerance for noise on the plateau)
    assert all(lo <= hi + 0.02 for lo, hi in zip(means, means[1:])), means
    assert means[-1] > 0.9  # a generous budget: almost everyone in one group
    assert means[0] < 0.05  # a tiny budget: the network has fallen apart


def test_collapse_happens_where_onward_ties_cross_one(budget_sweep):
    """Molloy & Reed: a giant component iff ⟨k²⟩/⟨k⟩ − 1 > 1."""
    runs = [r for rs in budget_sweep.values() for r in rs]
    below = [r.giant[-1] for r in runs if r.onward_ties < 0.9]
    above = [r.giant[-1] for r in runs if r.onward_ties > 1.3]
    assert below and above
    assert max(below) < 0.1
    assert min(above) > 0.5
    # the mean degree of surviving ties at the collapse is above 1: fading
    # trims busy people first, narrowing the degree distribution
    collapsed = [r.mean_degree[-1] for r in runs if r.onward_ties < 0.9]
    assert max(collapsed) > 1.0


def test_surviving_network_matches_the_configuration_model_prediction(budget_sweep):
    for runs in budget_sweep.values():
        for r in runs:
            if abs(r.onward_ties - 1) > 0.2:  # away from the critical point, where finite size rules
                assert r.giant[-1] == pytest.approx(r.predicted_giant, abs=0.05)


def test_records_and_degrees_are_consistent():
    r = Maintenance().run(seed=4, n=300, steps=30)
    assert r.giant.shape == r.mean_degree.shape == (31,)
    assert r.mean_degree[-1] == pytest.approx(r.degrees.mean())
    assert np.all(np.diff(r.mean_degree) <= 1e-12)  # ties are only ever lost
    assert r.groups >= 1


def test_same_seed_same_run_and_seeds_differ():
    model = Maintenance()
    assert model.run(seed=5, n=200, budget=0.6) == model.run(seed=5, n=200, budget=0.6)
    assert model.run(seed=5, n=200, budget=0.6) != model.run(seed=6, n=200, budget=0.6)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"budget": -1}, "budget = -1 is outside 0–3"),
        ({"half_life": "long"}, "half_life = 'long' is not a number"),
        ({"steps": 0}, "steps = 0 is outside 1–500"),
        ({"threshold": float("nan")}, "threshold = nan is not a finite number"),
        ({"budget": True}, "budget = True is not a number"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        Maintenance().run(**params)


def test_adjacency_from_edges_is_symmetric():
    a = adjacency_from_edges(4, np.array([0, 2]), np.array([1, 3]))
    assert (a != a.T).nnz == 0 and a.sum() == 4


@pytest.mark.parametrize(
    ("n", "k0", "budget", "lifetime", "steps", "seed"),
    [(400, 4.0, 0.7, 8, 60, 1), (300, 3.0, 0.3, 2, 40, 2), (200, 6.0, 1.5, 4, 80, 3), (60, 2.0, 0.5, 0, 30, 4)],
)
def test_giant_every_step_equals_components_found_afresh(n, k0, budget, lifetime, steps, seed):
    """The giant shares found backwards in time equal csgraph's on the ties alive at each step."""
    from connectivism.models.giant import TieSubsets

    u, v = random_ties(n, k0, np.random.default_rng(seed))
    out = fade(n, u, v, budget=budget, lifetime=lifetime, steps=steps, rng=np.random.default_rng(seed))
    ties = TieSubsets(n, u, v)
    afresh = [ties.giant(out.lost > t) for t in range(steps + 1)]
    assert out.giant.tolist() == afresh
    assert out.mean_degree.tolist() == [2 * np.count_nonzero(out.lost > t) / n for t in range(steps + 1)]
    assert np.array_equal(out.lost > steps, out.alive)
    ends = fade(n, u, v, budget=budget, lifetime=lifetime, steps=steps, rng=np.random.default_rng(seed), record=False)
    assert ends.giant.tolist() == [afresh[0], afresh[-1]] and np.array_equal(ends.alive, out.alive)


def test_giant_while_ties_vanish_matches_components_for_any_loss_order():
    from connectivism.models.giant import TieSubsets, giant_while_ties_vanish

    rng = np.random.default_rng(7)
    for n, k0, times in ((150, 3.0, 25), (80, 1.2, 10), (40, 6.0, 40)):
        u, v = random_ties(n, k0, rng)
        lost = rng.integers(0, times + 3, u.size)
        ties = TieSubsets(n, u, v)
        got = giant_while_ties_vanish(n, u, v, lost, times)
        assert got.tolist() == [ties.giant(lost > t) for t in range(times + 1)]
    assert (
        giant_while_ties_vanish(
            0, np.array([], dtype=int), np.array([], dtype=int), np.array([], dtype=int), 3
        ).tolist()
        == [0.0] * 4
    )
