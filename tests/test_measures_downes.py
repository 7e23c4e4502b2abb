"""Downes' four properties against values computed by hand, and their edge cases."""

from __future__ import annotations

import datetime
import math

import pytest

from connectivism.measures import DownesProfile, downes_profile, kind_diversity, topic_diversity
from connectivism.network import LearningNetwork

AS_OF = datetime.date(2026, 10, 1)


@pytest.fixture
def net():
    n = LearningNetwork("Me")
    n.edit("Me", topic="biology")
    for name, kind, topic in [
        ("Ada", "person", "biology"),
        ("Bo", "person", "chemistry"),
        ("Atlas", "resource", "anatomy"),
        ("Club", "community", "biology"),
        ("Far", "tool", "anatomy"),
        ("Lone", "person", ""),
    ]:
        n.add(name, kind, topic=topic)
    n.connect("Me", "Ada", since="2026-03-01", initiated_by="me")  # new (214 days)
    n.connect("Me", "Bo", since="2020-01-01", initiated_by="them")
    n.connect("Me", "Atlas", since="2025-10-02", initiated_by="both")  # new (364 days)
    n.connect("Me", "Club", since="2025-10-01")  # 365 days: not new; no initiator
    n.connect("Ada", "Club")
    n.connect("Atlas", "Far")  # Far hangs on Atlas
    return n  # Lone: disconnected


def test_profile_by_hand(net):
    p = downes_profile(net, AS_OF)
    # diversity: kinds over 6 sources: person 3, community 1, resource 1, tool 1
    kinds = kind_diversity(net)
    h_kind = -(0.5 * math.log2(0.5) + 3 * (1 / 6) * math.log2(1 / 6))
    assert kinds.entropy == pytest.approx(h_kind)
    assert p.kind_spread == pytest.approx(h_kind / 2)  # log2(min(4, 6)) = 2
    # fields over the 5 sources with a topic: biology 2, chemistry 1, anatomy 2
    h_field = -(2 * 0.4 * math.log2(0.4) + 0.2 * math.log2(0.2))
    assert topic_diversity(net).entropy == pytest.approx(h_field)
    assert p.field_spread == pytest.approx(h_field / math.log2(5))
    assert p.diversity == pytest.approx((h_kind / 2 + h_field / math.log2(5)) / 2)
    # autonomy: initiated_by recorded on 3 ties (me, them, both): self-started 2/3.
    # Me reaches Ada, Bo, Atlas, Club, Far (5); Atlas alone leads to Far: independence 1 - 1/5
    assert p.self_direction == pytest.approx(2 / 3)
    assert p.independence == pytest.approx(4 / 5)
    assert p.autonomy == pytest.approx((2 / 3 + 4 / 5) / 2)
    # openness: since on 4 ties; less than 365 days before as_of: Ada (214), Atlas (364) -> 2/4.
    # homophily: contacts Ada, Bo, Atlas, Club all have topics; biology: Ada, Club -> 2/4; outward 1/2
    assert p.newness == pytest.approx(0.5)
    assert p.outwardness == pytest.approx(0.5)
    assert p.openness == pytest.approx(0.5)
    # connectivity: contacts tied to another contact: Ada and Club (tied) -> 2/4;
    # reachable 5 of 6 others (Lone is not) -> 5/6
    assert p.cohesion == pytest.approx(0.5)
    assert p.reachability == pytest.approx(5 / 6)
    assert p.connectivity == pytest.approx((0.5 + 5 / 6) / 2)
    assert list(p.as_dict()) == ["diversity", "autonomy", "openness", "connectivity"]


def test_a_since_after_as_of_counts_as_new(net):
    net.edit_tie("Me", "Bo", since="2027-01-01")
    assert downes_profile(net, AS_OF).newness == pytest.approx(3 / 4)


def test_only_me_gives_no_profile():
    p = downes_profile(LearningNetwork("Me"), AS_OF)
    assert p == DownesProfile(*([None] * 12))


def test_me_without_ties():
    net = LearningNetwork("Me")
    net.add("A", "person", topic="x")
    net.add("T", "tool", topic="y")
    p = downes_profile(net, AS_OF)
    # diversity is about the sources, tied or not: both parts 1.0
    assert p.diversity == pytest.approx(1.0)
    assert (p.autonomy, p.openness) == (None, None)
    # nothing reachable: reachability 0.0; cohesion needs two contacts
    assert (p.cohesion, p.reachability, p.connectivity) == (None, 0.0, 0.0)


def test_a_property_falls_back_on_the_part_that_can_be_computed():
    net = LearningNetwork("Me")  # no topic on me; no dates; no initiators
    net.add("A", "person", topic="x")
    net.add("B", "tool", topic="x")
    net.connect("Me", "A")
    net.connect("Me", "B")
    p = downes_profile(net, AS_OF)
    assert p.self_direction is None and p.autonomy == p.independence == 1.0
    assert p.newness is None and p.outwardness is None and p.openness is None
    # kinds: person + tool = as spread as two sources can be (1.0); one field (0.0)
    assert (p.kind_spread, p.field_spread, p.diversity) == (1.0, 0.0, 0.5)
