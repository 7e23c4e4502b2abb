"""Reach against values computed by hand."""

from __future__ import annotations

import pytest

from connectivism.measures import Reach, reach, reach_profile, unreachable
from connectivism.network import LearningNetwork


@pytest.fixture
def chain():
    # Me – A – B – C, with A also tied to W; D stands apart (a disconnected part).
    net = LearningNetwork("Me")
    for name, kind, topic in [
        ("A", "person", "maths"),
        ("B", "person", "art"),
        ("C", "tool", "maths"),
        ("W", "resource", ""),
        ("D", "person", "law"),
    ]:
        net.add(name, kind, topic=topic)
    for a, b in [("Me", "A"), ("A", "B"), ("B", "C"), ("A", "W")]:
        net.connect(a, b)
    return net


def test_reach_by_hand(chain):
    # distance 1: A; distance 2: B, W; distance 3: C; D never.
    assert reach(chain, 0) == Reach(0, (), ())
    assert reach(chain, 1) == Reach(1, ("A",), ("maths",))
    assert reach(chain, 2) == Reach(2, ("A", "B", "W"), ("maths", "art"))
    assert reach(chain, 3).nodes == ("A", "B", "W", "C")
    assert reach(chain, 3).topics == ("maths", "art")  # C's maths is already counted
    assert reach(chain, None).nodes == ("A", "B", "W", "C")
    assert reach(chain, 99).nodes == reach(chain, None).nodes
    assert reach(chain).k == 2  # default


def test_reach_profile(chain):
    assert [len(r.nodes) for r in reach_profile(chain)] == [1, 3]
    assert [r.k for r in reach_profile(chain, ks=(3, 1, None))] == [3, 1, None]


def test_unreachable_lists_disconnected_parts(chain):
    assert unreachable(chain) == ("D",)


def test_edge_cases():
    only_me = LearningNetwork("Me")
    assert reach(only_me, 2) == Reach(2, (), ())
    assert unreachable(only_me) == ()
    no_ties = LearningNetwork("Me")
    no_ties.add("A", "person")
    assert reach(no_ties, None).nodes == ()
    assert unreachable(no_ties) == ("A",)


@pytest.mark.parametrize("k, error", [(-1, ValueError), (1.5, TypeError), ("2", TypeError), (True, TypeError)])
def test_bad_k(chain, k, error):
    with pytest.raises(error, match="k must be"):
        reach(chain, k)
    with pytest.raises(error):
        reach_profile(chain, ks=(1, k))
