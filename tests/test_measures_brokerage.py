"""Brokerage, cut points and bridges against values computed by hand."""

from __future__ import annotations

import pytest

from connectivism.measures import Bridge, Brokerage, CutPoint, bridges_and_cut_points, brokerage
from connectivism.network import LearningNetwork


def network(nodes, ties):
    net = LearningNetwork("Me")
    for name, topic in nodes:
        net.add(name, "person", topic=topic)
    for a, b, strength in ties:
        net.connect(a, b, strength=strength)
    return net


def test_star_by_hand():
    # Me tied to A, B, C (strength 2 each); they do not know each other.
    net = network([("A", ""), ("B", ""), ("C", "")], [("Me", x, 2) for x in "ABC"])
    b = brokerage(net)
    # betweenness: all 3 pairs of sources pass through Me; normalised by (n-1)(n-2)/2 = 3 -> 1.0
    assert b.betweenness == pytest.approx(1.0)
    # constraint: p = 1/3 to each, no indirect paths -> 3 * (1/3)^2 = 1/3
    assert b.constraint == pytest.approx(1 / 3)
    # effective size: n - 2t/n = 3 - 0 = 3
    assert (b.effective_size, b.contacts, b.ties_among_contacts) == (3.0, 3, 0)


def test_weighted_triangle_by_hand():
    # Me–A 3, Me–B 1, A–B 2.  Total strengths: W(Me) = 4, W(A) = 5, W(B) = 3.
    net = network([("A", ""), ("B", "")], [("Me", "A", 3), ("Me", "B", 1), ("A", "B", 2)])
    b = brokerage(net)
    # p(Me,A) = 3/4, p(Me,B) = 1/4, p(B,A) = 2/3, p(A,B) = 2/5
    # c(Me,A) = (3/4 + 1/4 * 2/3)^2 = (11/12)^2 ; c(Me,B) = (1/4 + 3/4 * 2/5)^2 = (11/20)^2
    assert b.constraint == pytest.approx((11 / 12) ** 2 + (11 / 20) ** 2)
    # effective size: n = 2 contacts, t = 1 tie among them: 2 - 2*1/2 = 1
    assert b.effective_size == pytest.approx(1.0)
    # betweenness: A and B are tied directly, nothing passes through Me
    assert b.betweenness == 0.0


def test_betweenness_counts_shared_shortest_paths_and_all_nodes():
    # Square Me–A–C–B–Me. Pairs without Me: (A, B), (A, C), (B, C).
    # (A, B) has two shortest paths, A–Me–B and A–C–B: 1/2 through Me; (A, C) and (B, C) are tied.
    # n = 4: (n-1)(n-2)/2 = 3 pairs -> 0.5 / 3
    net = network([("A", ""), ("B", ""), ("C", "")], [("Me", "A", 1), ("A", "C", 1), ("C", "B", 1), ("B", "Me", 1)])
    assert brokerage(net).betweenness == pytest.approx(0.5 / 3)
    # A disconnected node counts in n: star of 3 plus E alone -> 3 pairs / ((5-1)(5-2)/2 = 6) = 0.5
    net = network([("A", ""), ("B", ""), ("C", ""), ("E", "")], [("Me", x, 1) for x in "ABC"])
    assert brokerage(net).betweenness == pytest.approx(0.5)


def test_brokerage_edge_cases():
    assert brokerage(LearningNetwork("Me")) == Brokerage(0.0, None, 0.0, 0, 0)
    net = network([("A", ""), ("B", "")], [("A", "B", 3)])  # me without ties
    assert brokerage(net) == Brokerage(0.0, None, 0.0, 0, 0)
    net = network([("A", "")], [("Me", "A", 3)])  # one contact
    # constraint (1)^2 = 1; effective size 1 - 0 = 1; two nodes: betweenness 0
    assert brokerage(net) == Brokerage(0.0, 1.0, 1.0, 1, 0)


@pytest.fixture
def research_thread():
    # Me, A, D form a triangle; A leads on to B, and B to C.
    # Topics: Me "x", A "x", D "y", B and C "research".
    net = network(
        [("A", "x"), ("B", "research"), ("C", "research"), ("D", "y")],
        [("Me", "A", 3), ("Me", "D", 2), ("A", "D", 1), ("A", "B", 2), ("B", "C", 1)],
    )
    net.edit("Me", topic="x")
    return net


def test_cut_points_by_hand(research_thread):
    result = bridges_and_cut_points(research_thread)
    # Losing A cuts off B and C (research is then out of reach altogether);
    # losing B cuts off C (B and C are all of research, so it is lost too).
    assert result.cut_points == (
        CutPoint("A", ("B", "C"), ("research",)),
        CutPoint("B", ("C",), ("research",)),
    )
    # Bridges: A–B (cuts off B and C) and B–C (cuts off C); the triangle has none.
    assert result.bridges == (Bridge("A", "B", ("B", "C")), Bridge("B", "C", ("C",)))


def test_a_field_held_elsewhere_is_not_lost(research_thread):
    research_thread.add("Journal", "resource", topic="research")
    research_thread.connect("Me", "Journal")
    result = bridges_and_cut_points(research_thread)
    assert [p.topics_lost for p in result.cut_points] == [(), ()]
    # Me's own field is never "lost" either
    net = network([("A", "x"), ("B", "x")], [("Me", "A", 1), ("A", "B", 1)])
    net.edit("Me", topic="x")
    assert bridges_and_cut_points(net).cut_points == (CutPoint("A", ("B",), ()),)


def test_me_is_never_a_cut_point_and_cycles_have_none():
    # Me holds two separate contacts together: Me is an articulation point, not listed.
    net = network([("A", ""), ("B", "")], [("Me", "A", 1), ("Me", "B", 1)])
    result = bridges_and_cut_points(net)
    assert result.cut_points == ()
    assert result.bridges == (Bridge("Me", "A", ("A",)), Bridge("Me", "B", ("B",)))
    # A cycle: nothing hangs on one node or one tie
    net = network([("A", ""), ("B", "")], [("Me", "A", 1), ("A", "B", 1), ("B", "Me", 1)])
    assert bridges_and_cut_points(net).cut_points == () and bridges_and_cut_points(net).bridges == ()


def test_cut_points_edge_cases():
    assert bridges_and_cut_points(LearningNetwork("Me")).cut_points == ()
    # Parts not connected to me are ignored: A–B–C is a chain (B is its articulation point)
    net = network([("A", ""), ("B", ""), ("C", "")], [("A", "B", 1), ("B", "C", 1)])
    result = bridges_and_cut_points(net)
    assert result.cut_points == () and result.bridges == ()


def test_cut_points_are_sorted_by_how_much_they_cut_off():
    # Me–A–A1 and Me–B–B1–B2: B cuts off two, A one, B1 one.
    net = network(
        [("A", ""), ("A1", ""), ("B", ""), ("B1", ""), ("B2", "")],
        [("Me", "A", 1), ("A", "A1", 1), ("Me", "B", 1), ("B", "B1", 1), ("B1", "B2", 1)],
    )
    assert [p.node for p in bridges_and_cut_points(net).cut_points] == ["B", "A", "B1"]
