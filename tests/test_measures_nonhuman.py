"""Non-human share against values computed by hand."""

from __future__ import annotations

import pytest

from connectivism.measures import NonHumanShare, nonhuman_share
from connectivism.network import LearningNetwork


def test_nonhuman_share_by_hand():
    net = LearningNetwork("Me")
    for name, kind in [
        ("Ada", "person"),
        ("Forum", "community"),
        ("Feed", "tool"),
        ("Journal", "resource"),
        ("Wiki", "resource"),
    ]:
        net.add(name, kind)
    net.connect("Me", "Ada", strength=4)
    net.connect("Me", "Forum", strength=2)
    net.connect("Me", "Feed", strength=1)
    net.connect("Me", "Journal", strength=3)
    net.connect("Ada", "Wiki", strength=5)  # not me's tie: does not count for strength
    share = nonhuman_share(net)
    # nodes: Feed, Journal, Wiki of 5 sources -> 3/5 (communities are people, so human)
    assert share.node_share == pytest.approx(3 / 5)
    # me's tie strength: 4 + 2 + 1 + 3 = 10; to tools and resources: 1 + 3 = 4 -> 0.4
    assert share.strength_share == pytest.approx(0.4)
    assert share.nodes == ("Feed", "Journal", "Wiki")


def test_edge_cases():
    assert nonhuman_share(LearningNetwork("Me")) == NonHumanShare(0.0, 0.0, ())
    net = LearningNetwork("Me")
    net.add("Feed", "tool")  # disconnected: counts as a node, not as strength
    assert nonhuman_share(net) == NonHumanShare(1.0, 0.0, ("Feed",))
    net = LearningNetwork("Me")
    net.add("Ada", "person")
    net.connect("Me", "Ada")
    assert nonhuman_share(net) == NonHumanShare(0.0, 0.0, ())
