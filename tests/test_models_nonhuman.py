"""Non-human appliances: the knock-out experiment on a network of people, tools and an aggregator."""

from __future__ import annotations

import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import NonHuman
from connectivism.models.giant import adjacency_from_edges
from connectivism.models.nonhuman import course_network, people_reach

SEEDS = range(12)


def test_people_reach_counts_paths_through_tools_but_only_people_as_targets():
    # people 0, 1, 2; a wiki (3) used by 0 and 1; person 2 alone
    a = adjacency_from_edges(4, np.array([0, 1]), np.array([3, 3]))
    out = people_reach(a, np.array([0, 1, 2]), max_steps=3)
    assert out["reach"].tolist() == pytest.approx([0, 0, 2 / 6, 2 / 6])
    assert out["groups"] == 2 and out["giant"] == pytest.approx(2 / 3)
    assert out["distance"] == 2.0 and out["connected"] == pytest.approx(2 / 6)


def test_course_network_has_the_requested_parts():
    net = course_network(
        groups=3,
        group_size=4,
        inside=1.0,
        bridges=0.0,
        aggregator=0.0,
        tools=2,
        uptake=0.0,
        rng=np.random.default_rng(0),
    )
    assert net.people.size == 12 and net.nonhuman.size == 3
    assert net.u.size == 3 * 6  # complete groups, nobody uses a tool
    assert set(net.kinds) == {"person", "tool", "resource"}
    g = net.to_networkx()
    assert g.nodes["The Daily (aggregator)"]["kind"] == "tool" and g.nodes["A1"]["kind"] == "person"


def test_removing_nothing_changes_nothing():
    r = NonHuman().run(seed=3, remove="nothing")
    assert r.removed == ()
    assert len(r.cut_off) == round((1 - r.giant_before) * r.people)  # only those never connected
    assert np.array_equal(r.reach_before, r.reach_after)
    assert r.giant_before == r.giant_after and r.groups_before == r.groups_after


def test_removing_the_aggregator_never_brings_people_closer():
    for seed in SEEDS:
        r = NonHuman().run(seed=seed, remove="the aggregator")
        assert r.removed == ("The Daily (aggregator)",)
        assert np.all(r.reach_after <= r.reach_before + 1e-12)
        assert r.giant_after <= r.giant_before + 1e-12


def test_non_human_nodes_hold_the_network_together_more_than_as_many_people():
    model = NonHuman()
    tools = np.mean([model.run(seed=s, remove="all non-human nodes").giant_after for s in SEEDS])
    people = np.mean([model.run(seed=s, remove="as many random people").giant_after for s in SEEDS])
    aggregator = np.mean([model.run(seed=s, remove="the aggregator").giant_after for s in SEEDS])
    before = np.mean([model.run(seed=s).giant_before for s in SEEDS])
    assert tools < aggregator < before
    assert people > tools + 0.3
    assert people > aggregator


def test_with_many_bridges_between_groups_the_tools_matter_less():
    model = NonHuman()
    sparse = np.mean([model.run(seed=s, remove="all non-human nodes").giant_after for s in SEEDS])
    bridged = np.mean([model.run(seed=s, remove="all non-human nodes", bridges=1.0).giant_after for s in SEEDS])
    assert bridged > sparse + 0.3


def test_betweenness_share_of_non_human_nodes():
    model = NonHuman()
    none = model.run(seed=1, tools=0, aggregator=0.0)
    assert none.nonhuman_betweenness == 0.0
    assert model.run(seed=1).nonhuman_betweenness > 0.2


def test_same_seed_same_run_and_seeds_differ():
    model = NonHuman()
    assert model.run(seed=4) == model.run(seed=4)
    assert model.run(seed=4) != model.run(seed=5)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"remove": "everything"}, "remove = 'everything' is not one of the choices"),
        ({"groups": 0}, "groups = 0 is outside 1–12"),
        ({"uptake": 2}, "uptake = 2 is outside 0–1"),
        ({"tools": 1.5}, "tools = 1.5 is not a whole number"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        NonHuman().run(**params)
