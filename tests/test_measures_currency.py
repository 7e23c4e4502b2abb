"""Currency measures against values computed by hand; explicit dates and their edge cases."""

from __future__ import annotations

import datetime

import pytest

from connectivism.measures import TieAge, freshness, stale_ties, tie_ages
from connectivism.network import LearningNetwork

AS_OF = datetime.date(2026, 10, 1)


@pytest.fixture
def net():
    network = LearningNetwork("Me")
    for name in ["A", "B", "C", "D", "E"]:
        network.add(name, "person")
    network.connect("Me", "A", strength=2, last_contact="2026-10-01")  # 0 days
    network.connect("Me", "B", strength=1, last_contact="2025-10-06")  # 360 days
    network.connect("Me", "C", strength=5)  # no date
    network.connect("Me", "D", strength=3, last_contact="2026-12-24")  # after as_of -> 0 days
    network.connect("A", "E", strength=4, last_contact="2020-01-01")  # not me's tie: ignored
    return network


def test_tie_ages_by_hand(net):
    assert tie_ages(net, AS_OF) == (
        TieAge("A", 0, 2, datetime.date(2026, 10, 1)),
        TieAge("B", 360, 1, datetime.date(2025, 10, 6)),
        TieAge("C", None, 5, None),
        TieAge("D", 0, 3, datetime.date(2026, 12, 24)),
    )


def test_freshness_by_hand(net):
    # dated ties: A (s=2, 0 days), B (s=1, 360 days), D (s=3, 0 days); C has no date.
    # half-life 180: 2^0 = 1, 2^(-360/180) = 1/4
    # F = (2*1 + 1*0.25 + 3*1) / (2 + 1 + 3) = 5.25 / 6
    assert freshness(net, AS_OF) == pytest.approx(5.25 / 6)
    # half-life 360: B counts 1/2 -> (2 + 0.5 + 3) / 6
    assert freshness(net, AS_OF, half_life_days=360) == pytest.approx(5.5 / 6)


def test_stale_ties_by_hand(net):
    assert [t.name for t in stale_ties(net, AS_OF)] == ["B"]  # 360 > 180
    assert stale_ties(net, AS_OF, older_than_days=360) == ()  # "more than": 360 is not stale
    assert [t.name for t in stale_ties(net, AS_OF, older_than_days=359)] == ["B"]
    # a later reading date makes more ties stale, oldest first
    later = datetime.date(2027, 9, 1)
    assert [(t.name, t.days) for t in stale_ties(net, later)] == [("B", 695), ("A", 335), ("D", 251)]


def test_time_is_explicit(net):
    with pytest.raises(TypeError, match="as_of"):
        freshness(net, None)  # never assumes today
    with pytest.raises(TypeError):
        tie_ages(net)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        stale_ties(net, "1 October 2026")
    assert tie_ages(net, "2026-10-01") == tie_ages(net, AS_OF)
    assert tie_ages(net, datetime.datetime(2026, 10, 1, 15, 30)) == tie_ages(net, AS_OF)


@pytest.mark.parametrize(
    "bad, error",
    [
        (0, ValueError),
        (-5, ValueError),
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        ("180", TypeError),
        (True, TypeError),
    ],
)
def test_bad_numbers_of_days(net, bad, error):
    with pytest.raises(error, match="half_life_days"):
        freshness(net, AS_OF, half_life_days=bad)
    with pytest.raises(error, match="older_than_days"):
        stale_ties(net, AS_OF, older_than_days=bad)


def test_edge_cases():
    only_me = LearningNetwork("Me")
    assert tie_ages(only_me, AS_OF) == ()
    assert freshness(only_me, AS_OF) is None
    assert stale_ties(only_me, AS_OF) == ()
    undated = LearningNetwork("Me")
    undated.add("A", "person")
    undated.connect("Me", "A")
    assert freshness(undated, AS_OF) is None  # unknown, not old
    assert stale_ties(undated, AS_OF) == ()
