"""Cross-checks of the measures against networkx reference functions on random networks.

Each random network is a G(n, p) graph with node 0 as "me", random kinds,
topics, strengths, dates and initiators, and often a few nodes outside me's
component (disconnected parts).
"""

from __future__ import annotations

import datetime
import importlib
import math
import random

import networkx as nx
import pytest

from connectivism.measures import (
    bridges_and_cut_points,
    brokerage,
    measure_all,
    reach,
    reach_profile,
    unreachable,
)
from connectivism.network import LearningNetwork

# The function connectivism.measures.brokerage hides the module of the same name
# as a package attribute; the module is reached through importlib.
brokerage_module = importlib.import_module("connectivism.measures.brokerage")

AS_OF = datetime.date(2026, 10, 1)
KINDS = ["person", "community", "resource", "tool"]
TOPICS = ["", "maths", "Maths", "art", "history", "biology"]
SEEDS = range(40)


def random_network(seed: int, n: int | None = None, p: float | None = None) -> LearningNetwork:
    rng = random.Random(seed)
    n = rng.randint(1, 24) if n is None else n
    p = rng.uniform(0.03, 0.45) if p is None else p
    graph = nx.gnp_random_graph(n, p, seed=seed)
    net = LearningNetwork("me")
    net.edit("me", topic=rng.choice(TOPICS))
    name = {0: "me"}
    for i in range(1, n):
        name[i] = f"n{i}"
        net.add(name[i], rng.choice(KINDS), topic=rng.choice(TOPICS))
    for u, v in graph.edges:
        day = lambda: rng.choice([None, AS_OF - datetime.timedelta(days=rng.randint(-10, 900))])  # noqa: E731
        net.connect(
            name[u],
            name[v],
            strength=rng.randint(1, 5),
            since=day(),
            last_contact=day(),
            initiated_by=rng.choice([None, "me", "them", "both"]),
        )
    return net


def me_component(graph: nx.Graph) -> set:
    return nx.node_connected_component(graph, "me")


@pytest.mark.parametrize("seed", SEEDS)
def test_betweenness_equals_networkx(seed):
    net = random_network(seed)
    graph = net.to_networkx()
    assert brokerage(net).betweenness == pytest.approx(nx.betweenness_centrality(graph)["me"], abs=1e-12)


def test_betweenness_in_blocks_equals_networkx(monkeypatch):
    # Force many small blocks of sources, as in a large network.
    monkeypatch.setattr(brokerage_module, "_BLOCK_CELLS", 500)
    for seed in range(3):
        net = random_network(100 + seed, n=120, p=0.03)
        graph = net.to_networkx()
        expected = nx.betweenness_centrality(graph)["me"]
        assert brokerage(net).betweenness == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_constraint_and_effective_size_equal_networkx(seed):
    net = random_network(seed)
    graph = net.to_networkx()
    result = brokerage(net)
    if graph.degree("me") == 0:
        # networkx returns NaN for an isolated node; the kit returns None and 0.0.
        assert math.isnan(nx.constraint(graph, ["me"], weight="strength")["me"])
        assert result.constraint is None and result.effective_size == 0.0
        return
    assert result.constraint == pytest.approx(nx.constraint(graph, ["me"], weight="strength")["me"], rel=1e-12)
    assert result.effective_size == pytest.approx(nx.effective_size(graph, ["me"])["me"], rel=1e-12)
    assert result.contacts == graph.degree("me")


@pytest.mark.parametrize("seed", SEEDS)
def test_reach_equals_networkx_shortest_paths(seed):
    net = random_network(seed)
    graph = net.to_networkx()
    for k in (0, 1, 2, 3):
        lengths = nx.single_source_shortest_path_length(graph, "me", cutoff=k)
        result = reach(net, k)
        assert len(result.nodes) == len(lengths) - 1
        assert set(result.nodes) == set(lengths) - {"me"}
        topics = {graph.nodes[v]["topic"].casefold() for v in lengths if v != "me" and graph.nodes[v]["topic"]}
        assert {t.casefold() for t in result.topics} == topics
    everything = reach(net, None)
    assert set(everything.nodes) == me_component(graph) - {"me"}
    assert set(unreachable(net)) == set(graph) - me_component(graph)
    assert [r.nodes for r in reach_profile(net, ks=(1, 2))] == [reach(net, 1).nodes, reach(net, 2).nodes]


@pytest.mark.parametrize("seed", SEEDS)
def test_cut_points_and_bridges_equal_networkx_and_brute_force(seed):
    net = random_network(seed)
    graph = net.to_networkx()
    component = graph.subgraph(me_component(graph)).copy()
    result = bridges_and_cut_points(net)
    # Cut points: articulation points of me's component, except me.
    assert {c.node for c in result.cut_points} == set(nx.articulation_points(component)) - {"me"}
    reached = me_component(graph) - {"me"}
    for point in result.cut_points:
        # Brute force: remove the node and see what "me" can no longer reach.
        without = component.copy()
        without.remove_node(point.node)
        still = nx.node_connected_component(without, "me")
        assert set(point.cut_off) == reached - still - {point.node}
    # Bridges: nx.bridges of me's component; each cuts off the side away from me.
    assert {frozenset((b.near, b.far)) for b in result.bridges} == {frozenset(e) for e in nx.bridges(component)}
    for bridge in result.bridges:
        without = component.copy()
        without.remove_edge(bridge.near, bridge.far)
        assert set(bridge.cut_off) == set(component) - nx.node_connected_component(without, "me")
        assert bridge.near in nx.node_connected_component(without, "me")


@pytest.mark.parametrize("seed", SEEDS)
def test_measure_all_agrees_with_the_single_functions(seed):
    net = random_network(seed)
    m = measure_all(net, as_of=AS_OF)
    b = brokerage(net)
    assert (m.betweenness, m.constraint, m.effective_size) == (b.betweenness, b.constraint, b.effective_size)
    assert m.reach_2 == reach(net, 2).nodes
    assert m.cut_points == bridges_and_cut_points(net).cut_points
    # No NaN and every share within [0, 1]
    for name in m.__slots__:
        value = getattr(m, name)
        if isinstance(value, float):
            assert not math.isnan(value), name
    for value in m.downes.as_dict().values():
        assert value is None or 0.0 <= value <= 1.0


def test_a_200_node_network_matches_networkx_betweenness():
    net = random_network(7, n=200, p=0.015)
    graph = net.to_networkx()
    assert brokerage(net).betweenness == pytest.approx(nx.betweenness_centrality(graph)["me"], abs=1e-12)
