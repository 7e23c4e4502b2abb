"""Seeing connections: brokerage (Burt 1992) and the strength of weak ties (Granovetter 1973; Onnela et al. 2007).

Checked: on a small graph, one tie across a structural hole lowers a
person's constraint and raises their betweenness (exact values); in a
network with strong ties inside fields and weak ties between them, removing
ties weakest first breaks the giant component sooner than removing them
strongest first (Onnela et al. 2007, Fig. 3); the one-node betweenness
equals networkx's.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import Connections
from connectivism.models.connections import betweenness_of, breaking_point, brokerage, fields_network, removal_curve


def two_cliques() -> nx.Graph:
    g = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))  # 0–3 and 4–7
    g.add_edge(3, 4)  # one existing bridge
    return g


def test_a_tie_across_a_structural_hole_lowers_constraint_and_raises_betweenness():
    g = two_cliques()
    c0, b0 = brokerage(g, 0)
    # Burt: c = Σ_j (p_0j + Σ_q p_0q p_qj)², contacts 1, 2, 3 all tied to each other (3 also to 4):
    # j = 1, 2: (1/3 + 1/9 + 1/12)² = (19/36)²; j = 3: (1/3 + 2/9)² = (20/36)²
    assert c0 == pytest.approx((2 * 19**2 + 20**2) / 36**2) and b0 == 0.0
    g.add_edge(0, 5)
    c1, b1 = brokerage(g, 0)
    assert c1 < c0 and b1 > b0
    assert c1 == pytest.approx(nx.constraint(g, [0])[0])
    assert b1 == pytest.approx(nx.betweenness_centrality(g)[0])


def test_betweenness_of_one_node_equals_networkx():
    for seed in range(3):
        g = fields_network(4, 10, 0.4, 0.3, seed=seed)
        expected = nx.betweenness_centrality(g)
        for v in (0, 7, 15, 39):
            assert betweenness_of(g, v) == pytest.approx(expected[v], abs=1e-12)


def test_fields_have_strong_ties_inside_and_weak_ties_between():
    g = fields_network(5, 20, 0.3, 0.5, seed=2)
    for a, b, d in g.edges(data=True):
        assert (d["strength"] >= 3) == (a // 20 == b // 20)


def test_weak_ties_first_fragments_sooner_than_strong_ties_first():
    """Onnela et al. (2007): the network collapses when weak ties go, not when strong ones do."""
    weak, strong = [], []
    for seed in range(5):
        r = Connections().run(seed=seed, fields=10, field_size=30, inside=0.3, between=0.5, bridges=0)
        weak.append(r.breaks_at[0])
        strong.append(r.breaks_at[1])
        assert r.breaks_at[0] < r.breaks_at[1]
    # measured: weakest first about 0.06, strongest first about 0.8
    assert np.mean(weak) < 0.2 and np.mean(strong) > 0.6


def test_removal_curve_ends():
    g = fields_network(3, 10, 0.5, 0.5, seed=1)
    e = np.array([(a, b, d["strength"]) for a, b, d in g.edges(data=True)])
    curve = removal_curve(30, e[:, 0], e[:, 1], e[:, 2], "weakest first", np.random.default_rng(0))
    assert curve[-1] == pytest.approx(1 / 30) and np.all(np.diff(curve) <= 0)
    assert breaking_point(curve) < 1


def test_more_bridges_less_constraint_more_betweenness():
    rs = [Connections().run(seed=3, bridges=b) for b in range(4)]
    assert all(x.constraint[0] == rs[0].constraint[0] for x in rs)
    assert np.all(np.diff([x.constraint[1] for x in rs]) < 0)
    assert np.all(np.diff([x.betweenness[1] for x in rs]) > 0)


def test_same_seed_same_run_and_seeds_differ():
    model = Connections()
    assert model.run(seed=4) == model.run(seed=4)
    assert model.run(seed=4) != model.run(seed=5)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"bridges": 6}, "bridges = 6 is outside 0–5"),
        ({"fields": 1}, "fields = 1 is outside 2–12"),
        ({"inside": 0}, "inside = 0 is outside 0.1–1"),
        ({"between": "many"}, "between = 'many' is not a number"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        Connections().run(**params)


def test_removal_curve_matches_connected_components_at_every_share():
    from connectivism.models.giant import TieSubsets

    g = fields_network(6, 15, 0.3, 0.4, seed=5)
    e = np.array([(a, b, d["strength"]) for a, b, d in g.edges(data=True)])
    u, v, s = e[:, 0], e[:, 1], e[:, 2]
    for order in ("weakest first", "strongest first"):
        curve = removal_curve(90, u, v, s, order, np.random.default_rng(1))
        key = s if order == "weakest first" else -s
        sequence = np.lexsort((np.random.default_rng(1).random(u.size), key))
        ties = TieSubsets(90, u, v)
        for share, got in zip(np.linspace(0, 1, 51), curve):
            alive = np.ones(u.size, dtype=bool)
            alive[sequence[: int(round(share * u.size))]] = False
            assert got == ties.giant(alive)
