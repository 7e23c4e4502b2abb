"""Connecting specialised nodes: growth rules for a learning network.

Checked: preferential attachment gives a degree distribution with power-law
exponent near 3 (Barabási & Albert 1999; fitted by maximum likelihood on the
tail k ≥ 3m, Clauset et al. 2009); triadic closure gives far higher
clustering than preferential attachment at the same mean degree; topic
seeking ties newcomers only to other topics; the measures match networkx.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import Specialised
from connectivism.models.specialised import _adjacency, clustering, coverage, degree_exponent, grow


def test_preferential_attachment_has_a_degree_exponent_near_three():
    exponents = []
    for seed in range(4):
        u, v = grow(5000, 3, "popular", np.zeros(5000, dtype=int), np.random.default_rng(seed))
        k = np.bincount(np.concatenate([u, v]))
        exponents.append(degree_exponent(k, 9))
    # measured mean 2.84 (finite n and the k_min cut pull it a little below 3)
    assert np.mean(exponents) == pytest.approx(3.0, abs=0.4)


def test_exponent_fit_recovers_a_known_exponent():
    rng = np.random.default_rng(0)
    k = np.floor(5 * (1 - rng.random(200_000)) ** (-1 / 2) + 0.5)  # discretised Pareto, γ = 3
    assert degree_exponent(k, 10) == pytest.approx(3.0, abs=0.1)


def test_triadic_closure_clusters_more_than_preferential_attachment():
    r = Specialised().run(seed=2, n=2000, m=3)
    mean_degree = r.degrees.mean(axis=1)
    assert mean_degree[0] == pytest.approx(mean_degree[1]) == pytest.approx(mean_degree[2])
    assert r.clustering[1] > 5 * r.clustering[0]  # measured ≈ 0.6 vs 0.02
    assert r.clustering[2] < 0.05
    assert r.max_degree[0] > 3 * r.max_degree[2]  # hubs with "popular", none with topic seeking


def test_topic_seekers_tie_to_other_topics():
    topic = np.random.default_rng(1).integers(0, 5, 300)
    u, v = grow(300, 2, "topic seeking", topic, np.random.default_rng(2))
    late = v >= 3
    assert np.all(topic[u[late]] != topic[v[late]])


def test_measures_match_networkx():
    g = nx.powerlaw_cluster_graph(300, 3, 0.5, seed=1)
    u, v = np.array(list(g.edges())).T
    a = _adjacency(300, u, v)
    assert clustering(a) == pytest.approx(nx.average_clustering(g))
    topic = np.arange(300) % 7
    cov = coverage(a, topic, 7)
    for node in (0, 10, 299):
        near = nx.single_source_shortest_path_length(g, node, cutoff=2)
        assert cov[node] == pytest.approx(len({topic[x] for x in near}) / 7)


def test_every_rule_makes_m_ties_per_newcomer_and_no_duplicates():
    for rule in ("popular", "friends of friends", "topic seeking"):
        u, v = grow(200, 3, rule, np.arange(200) % 4, np.random.default_rng(0))
        assert u.size == 6 + 3 * 196
        assert len({(min(a, b), max(a, b)) for a, b in zip(u.tolist(), v.tolist())}) == u.size
        assert np.all(u != v)


def test_same_seed_same_run_and_seeds_differ():
    model = Specialised()
    assert model.run(seed=1, n=200) == model.run(seed=1, n=200)
    assert model.run(seed=1, n=200) != model.run(seed=2, n=200)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"m": 0}, "m = 0 is outside 1–6"),
        ({"n": 20, "m": 6}, None),
        ({"rule": "random"}, "rule = 'random' is not one of the choices"),
        ({"topics": 1}, "topics = 1 is outside 2–30"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    if words is None:  # fits: 6 + 2 <= 20
        Specialised().run(**params)
        return
    with pytest.raises(ModelParameterError, match=words):
        Specialised().run(**params)


def test_too_many_ties_for_too_few_people():
    with pytest.raises(ModelParameterError, match="m = 6 is too large for n = 7"):
        Specialised()._check_together({"m": 6, "n": 7})
