"""Currency: items with a finite lifetime spread like SIR, with the network's epidemic threshold.

With a fixed lifetime τ an item crosses each tie with probability
T = 1 − (1 − β)^τ, independently (bond percolation; Newman 2002). For a
network with degree distribution p_k the threshold is
T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩). Outbreaks started at one random person are
averaged over many starts at T = T_c/2 (small) and T = 2 T_c (large).
"""

from __future__ import annotations

import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import Currency
from connectivism.models.currency import (
    currency_over_time,
    epidemic_threshold,
    make_network,
    outbreak_size,
    spread,
    transmissibility,
)
from connectivism.models.giant import poisson_giant

N, MEAN_DEGREE, LIFETIME, RUNS = 2000, 6, 3, 150


def beta_for(T: float, lifetime: int = LIFETIME) -> float:
    """The per-step pass-on chance that gives transmissibility T."""
    return 1 - (1 - T) ** (1 / lifetime)


@pytest.fixture(scope="module", params=["random", "small world"])
def network(request):
    a = make_network(request.param, N, MEAN_DEGREE, np.random.default_rng(11))
    degrees = np.asarray(a.sum(axis=1)).ravel()
    return request.param, a, epidemic_threshold(degrees)


def mean_outbreak(a, T, seed, runs=RUNS):
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, a.shape[0], runs)
    return float(
        np.mean([outbreak_size(a, beta=beta_for(T), lifetime=LIFETIME, start=int(s), rng=rng) for s in starts])
    )


def test_transmissibility_and_threshold_formulas():
    assert transmissibility(beta_for(0.3), LIFETIME) == pytest.approx(0.3)
    # Poisson degrees: T_c = 1/<k>
    degrees = np.random.default_rng(0).poisson(6.0, 500_000)
    assert epidemic_threshold(degrees) == pytest.approx(1 / 6, rel=0.01)
    # hubs (Barabási–Albert) have a large <k²>, hence a much lower threshold
    hubs = make_network("hubs", N, MEAN_DEGREE, np.random.default_rng(1))
    assert epidemic_threshold(np.asarray(hubs.sum(axis=1)).ravel()) < 0.5 / 6
    assert epidemic_threshold([0, 1, 1]) == float("inf")


def test_below_the_threshold_items_stay_small(network):
    kind, a, tc = network
    assert mean_outbreak(a, tc / 2, seed=1) < 0.05


def test_above_the_threshold_items_reach_many(network):
    kind, a, tc = network
    assert mean_outbreak(a, 2 * tc, seed=2) > 0.20


def test_outbreak_size_on_a_random_network_matches_percolation_theory():
    """Mean final size ≈ S², S the giant share of the network with ties kept at rate T."""
    a = make_network("random", N, MEAN_DEGREE, np.random.default_rng(11))
    degrees = np.asarray(a.sum(axis=1)).ravel()
    T = 2 * epidemic_threshold(degrees)
    s = poisson_giant(T * degrees.mean())
    assert mean_outbreak(a, T, seed=3, runs=300) == pytest.approx(s * s, abs=0.07)


def test_spread_respects_the_lifetime():
    # a path 0-1-2-3: with beta = 1 each person passes the item on the step after learning it
    from connectivism.models.giant import adjacency_from_edges

    path = adjacency_from_edges(4, np.array([0, 1, 2]), np.array([1, 2, 3])).astype(float)
    learned = spread(path, beta=1.0, lifetime=1, publish=[(0, [0])], rng=np.random.default_rng(0), steps=10)
    assert learned[:, 0].tolist() == [0, 1, 2, 3]
    # nobody passes anything on with beta = 0
    learned = spread(path, beta=0.0, lifetime=5, publish=[(0, [0]), (2, [3])], rng=np.random.default_rng(0), steps=10)
    assert learned.tolist() == [[0, -1], [-1, -1], [-1, -1], [-1, 2]]


def test_a_sure_pass_on_travels_one_tie_per_step():
    """With beta = 1 an item reaches everyone exactly at their distance from the source."""
    from connectivism.models.smallworld import distances

    a = make_network("small world", 300, 4, np.random.default_rng(2))
    learned = spread(
        a, beta=1.0, lifetime=1, publish=[(0, [0]), (5, [17, 40])], rng=np.random.default_rng(0), steps=400
    )
    d = distances(a, [0, 17, 40])
    assert learned[:, 0].tolist() == d[0].astype(int).tolist()
    assert learned[:, 1].tolist() == (5 + np.minimum(d[1], d[2])).astype(int).tolist()


def test_currency_falls_with_distance_from_the_sources():
    model = Currency()
    by = np.nanmean([model.run(seed=s, n=600).currency_by_distance for s in range(5)], axis=0)
    assert by[0] == pytest.approx(np.mean(np.exp2(-np.arange(10) / 10.0)), abs=1e-9)  # sources
    assert by[0] > by[1] > by[2] > by[3]
    assert by[1] > 2 * by[-1]


def test_currency_over_time_values():
    learned = np.array([[0, 4], [2, -1], [-1, -1]])
    mean, latest, per_person = currency_over_time(learned, np.array([0, 4]), 6, half_life=2.0)
    assert latest.tolist() == [1 / 3, 1 / 3, 2 / 3, 2 / 3, 1 / 3, 1 / 3]
    # person 0 at step 3 knows item 0 (age 3): 2^(−1.5); person 1 knows it from step 2
    assert mean[3] == pytest.approx((2**-1.5 + 2**-1.5 + 0) / 3)
    assert per_person[2] == 0


def test_currency_over_time_matches_a_direct_computation():
    rng = np.random.default_rng(5)
    n, steps, half_life = 40, 30, 4.0
    published = np.array([0, 7, 14, 21, 28])
    learned = np.where(rng.random((n, 5)) < 0.6, published + rng.integers(0, 12, (n, 5)), -1)
    learned[learned >= steps] = -1
    mean, latest, per_person = currency_over_time(learned, published, steps, half_life, from_step=10)
    value = np.zeros((steps, n))
    newest = np.full((steps, n), -1)
    for t in range(steps):
        for i in range(n):
            known = [j for j in range(5) if 0 <= learned[i, j] <= t]
            if known:
                newest[t, i] = max(known)
                value[t, i] = 2 ** ((published[max(known)] - t) / half_life)
    last = np.searchsorted(published, np.arange(steps), side="right") - 1
    assert mean == pytest.approx(value.mean(axis=1))
    assert latest == pytest.approx((newest == last[:, None]).mean(axis=1))
    assert per_person == pytest.approx(value[10:].mean(axis=0))


def test_model_result_is_consistent():
    r = Currency().run(seed=2, n=300, steps=60, interval=10)
    assert r.published.tolist() == [0, 10, 20, 30, 40, 50]
    assert r.knows_latest.shape == r.currency.shape == (60,)
    assert np.all((r.currency >= 0) & (r.currency <= 1))
    assert r.source_distance[r.sources].tolist() == [0] * r.sources.size
    assert r.transmissibility == pytest.approx(1 - 0.7**2)


def test_same_seed_same_run_and_seeds_differ():
    model = Currency()
    assert model.run(seed=7, n=200, network="hubs") == model.run(seed=7, n=200, network="hubs")
    assert model.run(seed=7, n=200) != model.run(seed=8, n=200)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"beta": 1.5}, "beta = 1.5 is outside 0–1"),
        ({"mean_degree": 5}, "mean_degree = 5 is odd"),
        ({"n": 20, "mean_degree": 12}, "mean_degree = 12 is too large for n = 20"),
        ({"network": "ring"}, "network = 'ring' is not one of the choices"),
        ({"lifetime": 0}, "lifetime = 0 is outside 1–20"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        Currency().run(**params)
