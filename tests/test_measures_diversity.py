"""Diversity measures against values computed by hand."""

from __future__ import annotations

import math
import random

import pytest
from scipy.stats import entropy as scipy_entropy

from connectivism.measures import blau_index, homophily, kind_diversity, shannon_entropy, topic_diversity
from connectivism.network import LearningNetwork


def network(me_topic="", nodes=(), ties=()):
    net = LearningNetwork("Me")
    if me_topic:
        net.edit("Me", topic=me_topic)
    for name, kind, topic in nodes:
        net.add(name, kind, topic=topic)
    for a, b in ties:
        net.connect(a, b)
    return net


# --- Shannon entropy and Blau index ---------------------------------------------


def test_entropy_and_blau_by_hand():
    # counts 2, 1, 1 -> p = 1/2, 1/4, 1/4
    # H = -(1/2 log2 1/2 + 2 * 1/4 log2 1/4) = 1/2 + 1 = 1.5 bits
    # B = 1 - (1/4 + 1/16 + 1/16) = 0.625
    assert shannon_entropy([2, 1, 1]) == pytest.approx(1.5)
    assert blau_index([2, 1, 1]) == pytest.approx(0.625)
    # counts 3, 1 -> H = -(3/4 log2 3/4 + 1/4 log2 1/4) = 0.311278 + 0.5 = 0.811278
    assert shannon_entropy([3, 1]) == pytest.approx(0.75 * math.log2(4 / 3) + 0.25 * 2)
    # B = 1 - (9/16 + 1/16) = 6/16
    assert blau_index([3, 1]) == pytest.approx(0.375)


def test_entropy_and_blau_edge_cases():
    assert shannon_entropy([]) == 0.0 and blau_index([]) == 0.0
    assert shannon_entropy([0, 0]) == 0.0 and blau_index([0, 0]) == 0.0
    assert shannon_entropy([7]) == 0.0 and blau_index([7]) == 0.0
    assert shannon_entropy([4, 0, 4]) == 1.0  # zeros are ignored
    with pytest.raises(ValueError, match="negative"):
        shannon_entropy([1, -1])
    with pytest.raises(ValueError, match="negative"):
        blau_index([-2])


def test_entropy_equals_scipy_on_random_counts():
    rng = random.Random(5)
    for _ in range(50):
        counts = [rng.randint(0, 9) for _ in range(rng.randint(1, 8))]
        if sum(counts) == 0:
            continue
        assert shannon_entropy(counts) == pytest.approx(scipy_entropy(counts, base=2))
        total = sum(counts)
        assert blau_index(counts) == pytest.approx(1 - sum((c / total) ** 2 for c in counts))


# --- kinds ------------------------------------------------------------------------


def test_kind_diversity_by_hand():
    net = network(nodes=[("A", "person", ""), ("B", "person", ""), ("F", "community", ""), ("W", "resource", "")])
    d = kind_diversity(net)
    assert d.counts == (("person", 2), ("community", 1), ("resource", 1), ("tool", 0))
    assert d.total == 4
    # p = 2/4, 1/4, 1/4, 0 -> H = 1.5 bits; B = 0.625
    assert d.entropy == pytest.approx(1.5)
    assert d.blau == pytest.approx(0.625)
    # largest possible for 4 sources in 4 kinds: log2(min(4, 4)) = 2 -> 1.5 / 2
    assert d.normalised == pytest.approx(0.75)


def test_kind_diversity_normalises_by_what_is_possible_for_few_sources():
    # Two sources of different kinds are as diverse as two sources can be:
    # H = 1 bit; largest possible log2(min(4, 2)) = 1 -> normalised 1.0
    net = network(nodes=[("A", "person", ""), ("T", "tool", "")])
    assert kind_diversity(net).normalised == 1.0
    # Four kinds, equally common: H = 2 bits = the maximum
    net = network(nodes=[(k, k, "") for k in ("person", "community", "resource", "tool")])
    assert kind_diversity(net).entropy == pytest.approx(2.0)
    assert kind_diversity(net).normalised == pytest.approx(1.0)
    assert kind_diversity(net).blau == pytest.approx(0.75)


def test_kind_diversity_edge_cases():
    # Only me: no sources
    d = kind_diversity(LearningNetwork("Me"))
    assert (d.total, d.entropy, d.blau, d.normalised) == (0, 0.0, 0.0, 0.0)
    # One source
    d = kind_diversity(network(nodes=[("A", "person", "")]))
    assert (d.total, d.entropy, d.blau, d.normalised) == (1, 0.0, 0.0, 0.0)
    # Disconnected parts count like any other node (no ties at all here)
    assert kind_diversity(network(nodes=[("A", "person", ""), ("T", "tool", "")])).total == 2


def test_kind_diversity_rejects_other_types():
    with pytest.raises(TypeError, match="LearningNetwork"):
        kind_diversity({"Me": []})


# --- fields -----------------------------------------------------------------------


def test_topic_diversity_by_hand():
    net = network(
        nodes=[("A", "person", "maths"), ("B", "person", "  MATHS "), ("C", "tool", "art"), ("D", "person", "")]
    )
    d = topic_diversity(net)
    # "maths" and "  MATHS " are one field (case and spaces ignored); D has no topic: left out.
    assert d.counts == (("maths", 2), ("art", 1))
    assert d.total == 3
    # p = 2/3, 1/3 -> H = 2/3 log2(3/2) + 1/3 log2(3) = 0.918296
    h = 2 / 3 * math.log2(1.5) + 1 / 3 * math.log2(3)
    assert d.entropy == pytest.approx(h)
    # B = 1 - (4/9 + 1/9) = 4/9
    assert d.blau == pytest.approx(4 / 9)
    # largest possible: every one of the 3 sources in its own field: log2(3)
    assert d.normalised == pytest.approx(h / math.log2(3))


def test_topic_diversity_orders_most_common_first_then_network_order():
    net = network(nodes=[("A", "person", "z"), ("B", "person", "y"), ("C", "person", "y")])
    assert topic_diversity(net).counts == (("y", 2), ("z", 1))
    net = network(nodes=[("A", "person", "z"), ("B", "person", "y")])
    assert topic_diversity(net).counts == (("z", 1), ("y", 1))


def test_topic_diversity_edge_cases():
    d = topic_diversity(LearningNetwork("Me"))
    assert (d.counts, d.total, d.entropy, d.normalised) == ((), 0, 0.0, 0.0)
    d = topic_diversity(network(nodes=[("A", "person", ""), ("B", "tool", "")]))  # no topics at all
    assert (d.total, d.entropy, d.blau, d.normalised) == (0, 0.0, 0.0, 0.0)
    d = topic_diversity(network(nodes=[("A", "person", "x"), ("B", "tool", "x")]))  # one field
    assert (d.entropy, d.blau, d.normalised) == (0.0, 0.0, 0.0)


# --- homophily --------------------------------------------------------------------


def test_homophily_by_hand():
    net = network(
        me_topic="Physics teaching",
        nodes=[
            ("A", "person", "physics teaching"),
            ("B", "person", "history"),
            ("C", "community", "physics  teaching"),
            ("D", "person", ""),
            ("E", "person", "physics teaching"),
        ],
        ties=[("Me", "A"), ("Me", "B"), ("Me", "C"), ("Me", "D"), ("A", "E")],
    )
    h = homophily(net)
    # Direct contacts with a topic: A, B, C (D has none; E is two steps away).
    # Same field: A and C -> 2 / 3
    assert h.field == "Physics teaching"
    assert h.compared == 3
    assert h.same_field == ("A", "C")
    assert h.share == pytest.approx(2 / 3)


def test_homophily_edge_cases():
    # Only me
    assert homophily(LearningNetwork("Me")).share is None
    # Me with no topic: nothing to compare with
    net = network(nodes=[("A", "person", "x")], ties=[("Me", "A")])
    assert homophily(net).share is None
    # Me with no ties (the other node is a disconnected part)
    net = network(me_topic="x", nodes=[("A", "person", "x")])
    assert homophily(net).share is None and homophily(net).compared == 0
    # Contacts without topics
    net = network(me_topic="x", nodes=[("A", "person", "")], ties=[("Me", "A")])
    assert homophily(net).share is None
    # All contacts in another field
    net = network(me_topic="x", nodes=[("A", "person", "y")], ties=[("Me", "A")])
    assert homophily(net).share == 0.0 and homophily(net).same_field == ()
