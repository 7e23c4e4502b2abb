"""Reach in a small world against Watts & Strogatz (1998) and Barrat & Weigt (2000).

Path lengths come from scipy.sparse.csgraph (breadth-first search from every
node); published figures are checked at the paper's size, n = 1000, k = 10,
averaged over 10 seeds.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import SmallWorld
from connectivism.models.smallworld import (
    average_clustering,
    average_path_length,
    distances,
    greedy_search,
    lattice_clustering,
    lattice_path_length,
    watts_strogatz,
)

N, K, SEEDS = 1000, 10, range(10)


@pytest.fixture(scope="module")
def networks():
    """Watts–Strogatz networks at n = 1000, k = 10: ten seeds each at p = 0.01 and 0.1."""
    return {p: [watts_strogatz(N, K, p, seed=seed) for seed in SEEDS] for p in (0.01, 0.1)}


def test_ring_lattice_has_the_exact_clustering_and_path_length():
    ring = watts_strogatz(N, K, 0.0, seed=0)
    assert average_clustering(ring) == pytest.approx(lattice_clustering(K), abs=1e-12)  # 2/3
    assert average_path_length(ring) == pytest.approx(lattice_path_length(N, K), abs=1e-12)
    # about n / (2k) for a large ring
    assert lattice_path_length(N, K) == pytest.approx(N / (2 * K), rel=0.02)


@pytest.mark.parametrize("p", [0.01, 0.1])
def test_clustering_ratio_follows_one_minus_p_cubed(networks, p):
    """Barrat & Weigt (2000): C(p)/C(0) ≈ (1 − p)³; measured 0.97 at p = 0.01, 0.73 at 0.1."""
    ratio = np.mean([average_clustering(a) for a in networks[p]]) / lattice_clustering(K)
    assert ratio == pytest.approx((1 - p) ** 3, abs=0.03)


def test_a_few_shortcuts_collapse_the_path_length(networks):
    """Watts & Strogatz (1998), Fig. 2: at p = 0.01, L(p)/L(0) is already far below 0.3."""
    ratio = np.mean([average_path_length(a) for a in networks[0.01]]) / lattice_path_length(N, K)
    assert ratio < 0.3
    # while clustering has hardly moved: the small world
    c_ratio = np.mean([average_clustering(a) for a in networks[0.01]]) / lattice_clustering(K)
    assert c_ratio > 0.9


def test_path_length_falls_with_p(networks):
    l01 = np.mean([average_path_length(a) for a in networks[0.01]])
    l1 = np.mean([average_path_length(a) for a in networks[0.1]])
    assert l1 < l01 < lattice_path_length(N, K)


def test_csgraph_agrees_with_networkx_on_a_small_network():
    a = watts_strogatz(120, 6, 0.1, seed=5)
    g = nx.from_scipy_sparse_array(a)
    assert average_path_length(a) == pytest.approx(nx.average_shortest_path_length(g), rel=1e-12)
    assert average_clustering(a) == pytest.approx(nx.average_clustering(g), rel=1e-12)


def test_greedy_search_on_the_ring_takes_the_lattice_steps():
    n, k = 60, 4
    ring = watts_strogatz(n, k, 0.0, seed=0)
    starts = np.arange(n)
    targets = (starts * 7 + 11) % n
    steps = greedy_search(ring, np.column_stack([starts, targets]))
    r = np.minimum(np.abs(starts - targets), n - np.abs(starts - targets))
    assert steps.tolist() == np.ceil(r / (k // 2)).astype(int).tolist()


def test_greedy_search_never_beats_the_shortest_path():
    a = watts_strogatz(300, 6, 0.05, seed=2)
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, 300, (200, 2))
    steps = greedy_search(a, pairs)
    d = distances(a, pairs[:, 0])[np.arange(200), pairs[:, 1]]
    ok = steps >= 0
    assert ok.mean() > 0.9
    assert np.all(steps[ok] >= d[ok])


def test_model_reports_the_small_world_effect():
    model = SmallWorld()
    r = model.run(seed=3, n=400, k=6, p=0.05)
    assert r.ties == 1200
    assert 0 < r.shortcuts < r.ties
    assert r.path_length / r.path_length_lattice < 0.5
    assert r.clustering / r.clustering_lattice > 0.75
    assert r.reach[2] >= r.reach_lattice[2]
    assert r.shortest_steps <= r.search_steps <= r.search_steps_lattice + 1e-9
    assert r.sweep_path_length[-1] < r.sweep_path_length[0]
    text = model.summary(r)
    assert "shortcuts" in text and "average distance" in text


def test_same_seed_same_run_and_seeds_differ():
    model = SmallWorld()
    assert model.run(seed=8, n=100, p=0.1) == model.run(seed=8, n=100, p=0.1)
    assert model.run(seed=8, n=100, p=0.1) != model.run(seed=9, n=100, p=0.1)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"k": 7}, "k = 7 is odd"),
        ({"n": 20, "k": 10}, "k = 10 is too large for n = 20"),
        ({"p": -0.1}, "p = -0.1 is outside 0–1"),
        ({"n": 10.5}, "n = 10.5 is not a whole number"),
        ({"q": 1}, "has no parameter 'q'"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words) as info:
        SmallWorld().run(**params)
    assert isinstance(info.value, ValueError)
