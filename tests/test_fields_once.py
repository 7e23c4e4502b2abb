"""A node or tie field is defined in one place: its dataclass (issue 23, item 1).

Each test here adds a field to :class:`~connectivism.network.Tie` or
:class:`~connectivism.network.Node` in one place only, a test-only subclass
declared with :func:`~connectivism.network.record_field` and put in the
record's place with ``monkeypatch``, and shows that everything else follows:
the network's checks and ``==``, the document layer, JSON, the CSV pair,
GraphML, error locations and :func:`~connectivism.privacy.anonymised`.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from connectivism import network
from connectivism.errors import InvalidFieldError
from connectivism.formats import from_csv, from_graphml, from_json, to_csv, to_graphml, to_json
from connectivism.network import LearningNetwork, fields_of, record_field
from connectivism.privacy import anonymised

WHEN = datetime.datetime(2026, 10, 1, 9, 30, tzinfo=datetime.timezone.utc)


@dataclasses.dataclass(frozen=True, slots=True)
class ChannelTie(network.Tie):
    """A tie that also says how the two keep in touch (one line of text, shared)."""

    channel: str = record_field("", codec="line")


@dataclasses.dataclass(frozen=True, slots=True)
class FollowUpTie(network.Tie):
    """A tie with a date to get back in touch (private: left out when anonymised)."""

    follow_up: datetime.date | None = record_field(None, codec="date", private=True)


@dataclasses.dataclass(frozen=True, slots=True)
class PhoneNode(network.Node):
    """A node with a phone number (private: left out when anonymised)."""

    phone: str = record_field("", codec="line", private=True)


ROUND_TRIPS = {
    "json": lambda net: from_json(to_json(net, saved_at=WHEN)),
    "csv": lambda net: from_csv(*to_csv(net)),
    "graphml": lambda net: from_graphml(to_graphml(net, saved_at=WHEN)),
}


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.setattr(network, "Tie", ChannelTie)


@pytest.fixture
def follow_up(monkeypatch):
    monkeypatch.setattr(network, "Tie", FollowUpTie)


@pytest.fixture
def phone(monkeypatch):
    monkeypatch.setattr(network, "Node", PhoneNode)


def _network(**tie_fields) -> LearningNetwork:
    net = LearningNetwork("Sam")
    net.add("Ada", "person", topic="maths", note="Met at a meetup.")
    net.add("Open Forum", "community")
    net.connect("Sam", "Ada", strength=4, since="2024-01-05", **tie_fields)
    net.connect("Sam", "Open Forum")
    return net


# --- a tie field ------------------------------------------------------------------------


@pytest.mark.usefixtures("channel")
@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_every_format_round_trips_a_new_tie_field(fmt):
    net = _network(channel="email")
    back = ROUND_TRIPS[fmt](net)
    assert back.tie("Ada", "Sam").channel == "email"
    assert back.tie("Open Forum", "Sam").channel == ""
    assert back == net


@pytest.mark.usefixtures("channel")
def test_the_new_tie_field_is_written_where_each_format_puts_fields():
    net = _network(channel="email")
    tie = to_json(net, saved_at=WHEN).split('"ties": [', 1)[1]
    assert '"initiated_by": null,\n      "channel": "email"' in tie
    nodes_csv, ties_csv = to_csv(net)
    assert ties_csv.splitlines()[:2] == [
        "from,to,strength,since,last_contact,initiated_by,channel",
        "Sam,Ada,4,2024-01-05,,,email",
    ]
    assert nodes_csv.splitlines()[0] == "name,kind,topic,tags,note"
    graphml = to_graphml(net, saved_at=WHEN).decode()
    assert '<key id="channel" for="edge" attr.name="channel" attr.type="string" />' in graphml
    assert '<data key="channel">email</data>' in graphml


@pytest.mark.usefixtures("channel")
def test_equality_sees_the_new_tie_field():
    net = _network(channel="email")
    other = net.copy()
    assert other == net
    other.edit_tie("Ada", "Sam", channel="phone")
    assert other != net
    other.edit_tie("Sam", "Ada", channel="email")
    assert other == net


@pytest.mark.usefixtures("channel")
def test_the_network_checks_and_counts_the_new_tie_field():
    net = _network(channel="email")
    assert net.to_networkx().edges["Sam", "Ada"]["channel"] == "email"
    before = net.text_length
    net.edit_tie("Sam", "Ada", channel="video call")
    assert net.text_length == before + len("video call") - len("email")
    with pytest.raises(InvalidFieldError) as caught:
        net.edit_tie("Sam", "Ada", channel=42)
    assert caught.value.field == "channel"
    with pytest.raises(InvalidFieldError, match="initiated_by and channel"):
        net.edit_tie("Sam", "Ada", mood="good")


@pytest.mark.usefixtures("channel")
def test_errors_in_the_new_tie_field_are_located_in_each_format():
    bad = "Sam,Ada,3,,,,e\x07mail"  # a control character, which the line codec refuses
    nodes_csv = "name,kind,topic,tags,note\nSam,me,,,\nAda,person,,,\n"
    ties_csv = "from,to,strength,since,last_contact,initiated_by,channel\n" + bad + "\n"
    with pytest.raises(InvalidFieldError) as caught:
        from_csv(nodes_csv, ties_csv)
    assert caught.value.location == "row 2, column 'channel'"
    text = to_json(_network(channel="email"), saved_at=WHEN).replace('"email"', '"e\\u0007mail"')
    with pytest.raises(InvalidFieldError) as caught:
        from_json(text)
    assert caught.value.location == "ties[0].channel"


@pytest.mark.usefixtures("channel")
def test_anonymised_keeps_a_tie_field_that_is_not_private():
    anon = anonymised(_network(channel="email"))
    assert anon.tie("Learner", "Person 1").channel == "email"


@pytest.mark.usefixtures("follow_up")
@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_a_new_private_date_field_round_trips_and_is_dropped_when_anonymised(fmt):
    net = _network(follow_up="2026-11-02")
    assert net.tie("Sam", "Ada").follow_up == datetime.date(2026, 11, 2)
    back = ROUND_TRIPS[fmt](net)
    assert back.tie("Sam", "Ada").follow_up == datetime.date(2026, 11, 2)
    assert back == net
    assert anonymised(net).tie("Learner", "Person 1").follow_up is None


# --- a node field --------------------------------------------------------------------------


@pytest.mark.usefixtures("phone")
@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_every_format_round_trips_a_new_node_field(fmt):
    net = _network()
    net.edit("Ada", phone="555-0101")
    net.edit("Sam", phone="555-0199")
    back = ROUND_TRIPS[fmt](net)
    assert back.node("Ada").phone == "555-0101"
    assert back.node("Sam").phone == "555-0199"
    assert back == net
    other = back.copy()
    other.edit("Ada", phone="555-0000")
    assert other != back


@pytest.mark.usefixtures("phone")
def test_anonymised_drops_a_private_node_field():
    net = _network()
    net.add("Zotero", "tool", phone="555-0102")
    net.edit("Ada", phone="555-0101")
    anon = anonymised(net)
    assert [node.phone for node in anon.nodes] == ["", "", "", ""]
    assert anon.node("Zotero").kind == "tool"


# --- the one place ---------------------------------------------------------------------------


def test_the_kit_ships_the_fields_the_formats_have_always_had():
    assert [f.name for f in fields_of(network.Node)] == ["name", "kind", "topic", "tags", "note"]
    assert [f.column for f in fields_of(network.Tie)] == [
        "from",
        "to",
        "strength",
        "since",
        "last_contact",
        "initiated_by",
    ]
    assert [f.name for f in fields_of(network.Metadata) if not f.compare] == ["learner_id", "saved_at"]
    assert [f.name for f in fields_of(network.Node) if f.private] == ["note"]


def test_a_field_declared_without_its_facts_is_refused():
    @dataclasses.dataclass(frozen=True)
    class Loose(network.Tie):
        mood: str = ""

    with pytest.raises(TypeError, match="record_field"):
        fields_of(Loose)
    with pytest.raises(ValueError, match="codec"):
        record_field(None, codec="colour")
    with pytest.raises(ValueError, match="clean="):
        record_field(None, codec="int")
