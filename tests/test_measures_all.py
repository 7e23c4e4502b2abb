"""measure_all: one record of every figure; the example networks; MEASURE_INFO; edge cases."""

from __future__ import annotations

import dataclasses
import datetime
import math

import pytest

from connectivism.examples import load_example
from connectivism.measures import MEASURE_INFO, NetworkMeasures, measure_all
from connectivism.messages import MESSAGES
from connectivism.network import LearningNetwork

AS_OF = datetime.date(2026, 10, 1)


def no_nan(m: NetworkMeasures) -> bool:
    values = [getattr(m, f) for f in m.__slots__] + list(m.downes.as_dict().values())
    return not any(isinstance(v, float) and math.isnan(v) for v in values)


def test_teacher_example_reads_as_the_notebook_says():
    net = load_example("teacher")
    m = measure_all(net, as_of=net.metadata.as_of)
    assert m.as_of == AS_OF and m.me == "Amira"
    assert (m.n_nodes, len(m.contacts), len(m.reach_2)) == (13, 12, 13)
    assert m.same_field == ("Lena", "Physics teachers' network")
    assert [(p.node, p.cut_off, p.topics_lost) for p in m.cut_points] == [
        ("Lena", ("Video channel of classroom demonstrations",), ())
    ]
    assert [t.name for t in m.stale] == ["Physics teachers' network", "Online forum for science teachers", "Dr Okafor"]
    assert (m.newest_contact, m.newest_since) == ("Feed reader", datetime.date(2023, 8, 20))
    assert round(m.freshness, 2) == 0.82 and m.downes.newness == 0.0


def test_clinical_example_differs_where_the_notebook_says():
    net = load_example("clinical-educator")
    m = measure_all(net, as_of=net.metadata.as_of)
    assert m.me == "Jonas" and m.my_field == "emergency medicine"
    assert (len(m.same_field), m.compared_fields) == (8, 15)  # homophilous
    assert [(p.node, p.topics_lost) for p in m.cut_points] == [
        ("Clara Holm", ("medical education research", "assessment"))
    ]
    assert len(m.stale) == 6  # many ties gone quiet
    assert m.downes.self_direction < 0.4  # most ties started by others
    teacher = load_example("teacher")
    t = measure_all(teacher, as_of=AS_OF)
    assert m.homophily > t.homophily and len(m.stale) > len(t.stale) and m.freshness < t.freshness


def test_only_me():
    m = measure_all(LearningNetwork("Me"), as_of=AS_OF)
    assert (m.n_nodes, m.n_ties, m.contacts, m.reach_1, m.reachable, m.unreachable) == (0, 0, (), (), (), ())
    assert (m.homophily, m.constraint, m.freshness, m.median_age, m.newest_contact) == (None,) * 5
    assert (m.betweenness, m.effective_size, m.nonhuman_node_share, m.kind_entropy) == (0.0,) * 4
    assert no_nan(m)


def test_me_without_ties_and_a_disconnected_part():
    net = LearningNetwork("Me")
    net.add("A", "person", topic="x")
    net.add("B", "tool", topic="y")
    net.connect("A", "B", last_contact="2020-01-01")
    m = measure_all(net, as_of=AS_OF)
    assert m.unreachable == ("A", "B") and m.reachable == ()
    assert m.stale == () and m.freshness is None  # only me's ties count for currency
    assert m.kind_spread == 1.0 and m.downes.connectivity == 0.0
    assert no_nan(m)


def test_missing_dates():
    net = LearningNetwork("Me")
    net.add("A", "person")
    net.add("B", "person")
    net.connect("Me", "A", last_contact="2026-09-01")
    net.connect("Me", "B")
    m = measure_all(net, as_of=AS_OF)
    assert m.undated == ("B",) and m.median_age == 30.0 and m.freshness == pytest.approx(2 ** (-30 / 180))
    assert m.newest_contact is None and m.downes.newness is None


def test_parameters_and_time_are_explicit():
    net = load_example("teacher")
    with pytest.raises(TypeError):
        measure_all(net)  # type: ignore[call-arg]  # as_of is required
    with pytest.raises(TypeError):
        measure_all(net, AS_OF)  # type: ignore[misc]  # and keyword-only
    m = measure_all(net, as_of=AS_OF, half_life_days=30, stale_after_days=60)
    assert (m.half_life_days, m.stale_after_days) == (30, 60)
    assert len(m.stale) > 3 and m.freshness < measure_all(net, as_of=AS_OF).freshness
    with pytest.raises(ValueError):
        measure_all(net, as_of=AS_OF, stale_after_days=0)


def test_record_is_frozen_and_deterministic():
    net = load_example("clinical-educator")
    m = measure_all(net, as_of=AS_OF)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.betweenness = 0.0  # type: ignore[misc]
    assert m == measure_all(load_example("clinical-educator"), as_of="2026-10-01")


def test_measure_info_is_complete_and_consistent():
    fields = set(NetworkMeasures.__slots__)
    covered = set()
    for key, info in MEASURE_INFO.items():
        assert info.id == key
        assert set(info.fields) <= fields, key
        covered |= set(info.fields)
        assert all(1 <= p <= 8 for p in info.principles)
        assert set(info.downes) <= {"diversity", "autonomy", "openness", "connectivity"}
        assert info.principles or info.downes
        assert info.label in MESSAGES["en"] and info.explanation in MESSAGES["en"]
    # every figure but the bookkeeping ones belongs to a measure
    assert fields - covered <= {
        "me",
        "as_of",
        "n_nodes",
        "n_ties",
        "contacts",
        "reachable",
        "median_age",
        "newest_contact",
        "newest_since",
        "started_by_others",
    }
