"""Diversity of opinions: the Hegselmann–Krause bounded-confidence model on networks.

Published results checked (Hegselmann & Krause 2002; Lorenz 2007): with
opinions uniform on [0, 1] and everyone hearing everyone, a large confidence
bound (ε ≥ 0.3) ends in one consensus; a small one ends in several clusters,
a little more than 2ε apart (between 1/(3ε) and 1/(2ε) of them). And the
density claim: the same rule on a sparse ring keeps opinions diverse long
after a complete network has collapsed them.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from connectivism.errors import ModelParameterError
from connectivism.models import Diversity
from connectivism.models.diversity import hk_step, hk_step_everyone, opinion_clusters

SEEDS = range(6)


def test_network_step_matches_a_direct_computation():
    rng = np.random.default_rng(3)
    g = nx.watts_strogatz_graph(60, 6, 0.2, seed=3)
    x = rng.random(60)
    a = sp.coo_array(nx.to_scipy_sparse_array(g, nodelist=range(60)))
    got = hk_step(x, a.row.astype(np.int64), a.col.astype(np.int64), 0.2)
    for i in g:
        near = [x[j] for j in [i, *g[i]] if abs(x[j] - x[i]) <= 0.2]
        assert got[i] == pytest.approx(np.mean(near))


def test_everyone_step_matches_a_dense_computation():
    x = np.random.default_rng(4).random(300)
    near = np.abs(x[:, None] - x[None, :]) <= 0.1
    assert hk_step_everyone(x, 0.1) == pytest.approx((near * x[None, :]).sum(1) / near.sum(1))


@pytest.mark.parametrize("epsilon", [0.3, 0.4])
def test_large_confidence_ends_in_consensus(epsilon):
    for seed in SEEDS:
        r = Diversity().run(seed=seed, network="everyone", epsilon=epsilon, n=500)
        assert r.clusters == 1 and r.final.size == 1
        assert 0 < r.converged_at <= 20


@pytest.mark.parametrize("epsilon", [0.05, 0.07, 0.1])
def test_small_confidence_splits_into_about_one_over_two_epsilon_clusters(epsilon):
    counts = [Diversity().run(seed=s, network="everyone", epsilon=epsilon, n=1000, steps=200).clusters for s in SEEDS]
    # measured means: ε = 0.05 → 7.5, 0.07 → 5.3, 0.1 → 3.8 (1/(2ε) = 10, 7.1, 5)
    assert 1 / (3 * epsilon) - 0.5 <= np.mean(counts) <= 1 / (2 * epsilon)
    assert min(counts) >= 2


def test_dense_networks_converge_faster_than_sparse_ones():
    """Complete network: consensus within 20 steps; a ring of 6 neighbours is still diverse then."""
    spread = {
        net: [Diversity().run(seed=s, network=net, epsilon=0.3, n=500, steps=20).spread[-1] for s in SEEDS]
        for net in ("everyone", "small world", "ring")
    }
    assert max(spread["everyone"]) < 1e-6
    assert min(spread["ring"]) > 0.1  # measured 0.16–0.19
    assert min(spread["small world"]) > 0.08  # measured 0.12–0.14


def test_opinion_clusters():
    assert opinion_clusters(np.array([0.1, 0.1, 0.5, 0.9, 0.9005])).tolist() == [2, 1, 2]


def test_opinions_stay_in_range_and_the_mean_is_kept_when_everyone_hears_everyone():
    r = Diversity().run(seed=2, network="small world", n=300)
    assert r.opinions.min() >= 0 and r.opinions.max() <= 1
    assert r.opinions.shape == (101, 300) and r.spread.shape == r.distinct.shape == (101,)
    assert np.all(np.diff(r.opinions.max(axis=1)) <= 1e-12)  # the highest opinion never rises


def test_same_seed_same_run_and_seeds_differ():
    model = Diversity()
    assert model.run(seed=5, n=100) == model.run(seed=5, n=100)
    assert model.run(seed=5, n=100) != model.run(seed=6, n=100)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"epsilon": 0.0}, "epsilon = 0 is outside 0.01–0.5"),
        ({"k": 5}, "k = 5 is odd"),
        ({"n": 20, "k": 20}, "k = 20 is too large for n = 20"),
        ({"network": "star"}, "network = 'star' is not one of the choices"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        Diversity().run(**params)
