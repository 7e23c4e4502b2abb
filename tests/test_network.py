"""Tests for connectivism.network: the learning-network model and its rules."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
import unicodedata

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectivism import errors
from connectivism import network as network_module
from connectivism.errors import (
    DuplicateNodeError,
    DuplicateTieError,
    InvalidDateError,
    InvalidFieldError,
    InvalidKindError,
    InvalidNameError,
    InvalidStrengthError,
    LimitExceededError,
    MeNodeError,
    NetworkError,
    SelfTieError,
    UnknownNodeError,
    UnknownTieError,
)
from connectivism.network import (
    KINDS,
    OTHER_KINDS,
    LearningNetwork,
    Metadata,
    Node,
    Tie,
    match_key,
    normalise_name,
)


@pytest.fixture
def network_sam_ada_forum() -> LearningNetwork:
    """Sam (me), Ada (person), Forum (community); Sam–Ada and Sam–Forum tied."""
    net = LearningNetwork("Sam", title="Week 1", as_of="2024-03-01")
    net.add("Ada Lovelace", "person", topic="computing", tags=["mentor"], note="Met at a meetup.")
    net.add("Forum", "community", topic="open education")
    net.connect("Sam", "Ada Lovelace", strength=4, since="2023-09-01", initiated_by="them")
    net.connect("Forum", "Sam", strength=2, last_contact=datetime.date(2024, 2, 1))
    return net


def _state(net: LearningNetwork):
    """Everything about a network, order included, for 'nothing changed' checks."""
    return (net.me, net.metadata, net.nodes, net.ties)


# --- names ------------------------------------------------------------------------


class TestNormaliseName:
    def test_case_spacing_and_ends(self):
        assert normalise_name("  Ada \t  LOVELACE \n") == "ada lovelace"

    def test_unicode_compatibility_forms(self):
        assert normalise_name("ＡＤＡ") == "ada"  # full-width letters
        assert normalise_name("ﬁona") == normalise_name("Fiona")  # ligature
        composed = unicodedata.normalize("NFC", "José")
        decomposed = unicodedata.normalize("NFD", "José")
        assert composed != decomposed
        assert normalise_name(composed) == normalise_name(decomposed)

    def test_casefold_is_stronger_than_lower(self):
        assert normalise_name("Straße") == normalise_name("STRASSE")

    def test_invisible_format_characters_are_ignored(self):
        assert normalise_name("Ada\u200b Lovelace\ufeff") == "ada lovelace"
        assert normalise_name("\u200b\u200d") == ""

    def test_accents_still_count(self):
        assert normalise_name("José") != normalise_name("Jose")

    def test_not_text(self):
        with pytest.raises(TypeError):
            normalise_name(42)  # type: ignore[arg-type]


def test_match_key_ignores_accents_too():
    assert match_key("José  MARTÍ") == "jose marti"
    assert match_key("Zoë") == match_key("ZOE")
    assert match_key("Ｊｏｓé") == "jose"
    assert match_key("Łódź") == "łodz"  # ł is a letter of its own, not l + accent


# --- construction ---------------------------------------------------------------------


def test_new_network_has_exactly_one_me():
    net = LearningNetwork()
    assert net.me == "Me"
    assert net.nodes == (Node("Me", "me"),)
    assert net.ties == ()
    assert len(net) == 1
    assert net.node("me").is_me


def test_me_name_is_cleaned_and_validated():
    assert LearningNetwork("  Sam   Rivera ").me == "Sam Rivera"
    with pytest.raises(InvalidNameError, match="learner's name"):
        LearningNetwork("   ")


def test_metadata():
    net = LearningNetwork("Sam", title="  Week   3 ", created="2024-01-05", as_of=datetime.date(2024, 3, 1))
    assert net.metadata == Metadata("Week 3", datetime.date(2024, 1, 5), datetime.date(2024, 3, 1))
    assert net.set_metadata(as_of=None).as_of is None
    with pytest.raises(InvalidDateError, match="as_of"):
        net.set_metadata(as_of="1/3/2024")
    with pytest.raises(InvalidFieldError, match="'author'"):
        net.set_metadata(author="Sam")


def test_kinds_constants():
    assert KINDS == ("me", "person", "community", "resource", "tool")
    assert OTHER_KINDS == KINDS[1:]


# --- adding and looking up -------------------------------------------------------------


def test_add_returns_frozen_node_and_keeps_order(network_sam_ada_forum):
    net = network_sam_ada_forum
    node = net.add("  Zotero  ", "Tool", tags=("references", "  references ", "pdf"), note="  x \r\n y ")
    assert node == Node("Zotero", "tool", "", ("references", "pdf"), "x \n y")
    assert [n.name for n in net.nodes] == ["Sam", "Ada Lovelace", "Forum", "Zotero"]
    with pytest.raises(AttributeError):
        node.name = "Other"  # type: ignore[misc]


def test_lookup_by_any_spelling(network_sam_ada_forum):
    net = network_sam_ada_forum
    assert net.node("  ada  LOVELACE").name == "Ada Lovelace"
    assert "ＡＤＡ lovelace" in net
    assert "Bob" not in net
    assert 42 not in net
    assert list(net) == ["Sam", "Ada Lovelace", "Forum"]
    assert len(net) == 3


def test_unknown_node_suggests_a_close_name(network_sam_ada_forum):
    with pytest.raises(UnknownNodeError) as caught:
        network_sam_ada_forum.node("Ada Lovelance")
    assert "'Ada Lovelance'" in str(caught.value)
    assert "did you mean 'Ada Lovelace'?" in str(caught.value)
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "is empty"),
        ("   \t ", "is empty"),
        ("\u200b", "is empty"),
        (None, "is missing"),
        (42, "is not text"),
        ("Ada\x00", "control character (U+0000)"),
        ("Ada\x07x", "control character (U+0007)"),
        ("x" * 201, "at most 200 characters"),
    ],
)
def test_invalid_names(name, message):
    net = LearningNetwork("Sam")
    with pytest.raises(InvalidNameError, match=re.escape(message)):
        net.add(name, "person")


@pytest.mark.parametrize(
    "existing, second",
    [
        ("Ada Lovelace", "ada lovelace"),
        ("Ada Lovelace", "Ada   Lovelace"),
        ("Ada Lovelace", " Ada Lovelace "),
        ("Ada", "ＡＤＡ"),
        (unicodedata.normalize("NFC", "José"), unicodedata.normalize("NFD", "josé")),
        ("Fiona", "ﬁona"),
        ("Ada", "Ada\u200b"),
    ],
)
def test_duplicates_that_differ_only_by_case_spacing_or_unicode(existing, second):
    net = LearningNetwork("Sam")
    net.add(existing, "person")
    with pytest.raises(DuplicateNodeError) as caught:
        net.add(second, "community")
    assert f"'{existing}'" in str(caught.value)
    assert caught.value.field == "name"
    assert len(net) == 2


def test_duplicate_of_me_is_refused():
    net = LearningNetwork("Sam")
    with pytest.raises(DuplicateNodeError, match="already a node called 'Sam'"):
        net.add("SAM", "person")


def test_accented_and_plain_names_are_different_nodes():
    net = LearningNetwork("Sam")
    net.add("José", "person")
    net.add("Jose", "person")
    assert len(net) == 3


@pytest.mark.parametrize("kind", ["persn", "", None, "people", 3, "me "])
def test_unknown_or_reserved_kinds(kind):
    net = LearningNetwork("Sam")
    expected = MeNodeError if kind == "me " else InvalidKindError
    with pytest.raises(expected) as caught:
        net.add("Ada", kind)
    assert "person, community, resource or tool" in str(caught.value)
    assert caught.value.field == "kind"


def test_second_me_message_names_both():
    net = LearningNetwork("Sam")
    with pytest.raises(MeNodeError) as caught:
        net.add("Kim", "me")
    assert str(caught.value) == (
        "'Kim' cannot be a second 'me': a network has exactly one me node, the learner "
        "(here 'Sam'). Use person, community, resource or tool."
    )


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("tags", "mentor", "must be a list of words"),
        ("tags", ["ok", ""], "is empty"),
        ("tags", ["a|b"], "contains '|'"),
        ("tags", [3], "is not text"),
        ("tags", ["x" * 101], "at most 100 characters"),
        ("tags", [f"t{i}" for i in range(21)], "at most 20 tags"),
        ("topic", 7, "is not text"),
        ("topic", "x" * 201, "at most 200 characters"),
        ("note", "x" * 5001, "at most 5000 characters"),
        ("note", "bell\x07", "control character"),
        ("note", b"bytes", "not text"),
    ],
)
def test_invalid_node_fields(field, value, message):
    net = LearningNetwork("Sam")
    with pytest.raises(InvalidFieldError, match=message):
        net.add("Ada", "person", **{field: value})
    assert len(net) == 1


def test_notes_keep_tabs_and_line_breaks():
    net = LearningNetwork("Sam")
    node = net.add("Ada", "person", note="line 1\r\n\tline 2\rline 3")
    assert node.note == "line 1\n\tline 2\nline 3"


def test_node_limit(monkeypatch):
    monkeypatch.setattr(network_module, "MAX_NODES", 3)
    net = LearningNetwork("Sam")
    net.add("A", "person")
    net.add("B", "person")
    with pytest.raises(LimitExceededError, match="already has 3 nodes"):
        net.add("C", "person")
    assert len(net) == 3


# --- editing, renaming, removing ---------------------------------------------------------


def test_edit_changes_only_given_fields(network_sam_ada_forum):
    net = network_sam_ada_forum
    node = net.edit("ada lovelace", kind="Community", tags=["history"])
    assert node == Node("Ada Lovelace", "community", "computing", ("history",), "Met at a meetup.")
    assert net.node("Ada Lovelace") == node
    assert net.edit("Forum") == net.node("Forum")


def test_edit_me_fields_but_not_its_kind(network_sam_ada_forum):
    net = network_sam_ada_forum
    assert net.edit("Sam", topic="learning design", kind="ME").topic == "learning design"
    with pytest.raises(MeNodeError, match="always 'me'"):
        net.edit("Sam", kind="person")
    with pytest.raises(MeNodeError, match="second 'me'"):
        net.edit("Forum", kind="me")


def test_edit_unknown_field_or_name(network_sam_ada_forum):
    with pytest.raises(InvalidFieldError, match=r"no field 'colour'.*kind, topic, tags and note"):
        network_sam_ada_forum.edit("Forum", colour="red")
    with pytest.raises(InvalidFieldError, match=r"use rename\(\)"):
        network_sam_ada_forum.edit("Forum", name="Other")


def test_rename_moves_ties_and_keeps_order(network_sam_ada_forum):
    net = network_sam_ada_forum
    renamed = net.rename("ada lovelace", "Augusta Ada King")
    assert renamed.name == "Augusta Ada King"
    assert [n.name for n in net.nodes] == ["Sam", "Augusta Ada King", "Forum"]
    assert "Ada Lovelace" not in net
    tie = net.tie("Sam", "augusta ada king")
    assert (tie.a, tie.b, tie.strength) == ("Sam", "Augusta Ada King", 4)
    net.rename("Forum", "Open Forum")
    assert net.ties[1].a == "Open Forum"  # the end keeps its side


def test_rename_respelling_and_me(network_sam_ada_forum):
    net = network_sam_ada_forum
    assert net.rename("Forum", "FORUM").name == "FORUM"
    net.rename("sam", "Samira")
    assert net.me == "Samira"
    assert net.node("samira").is_me
    assert net.tie("Samira", "Ada Lovelace").a == "Samira"


def test_rename_to_an_existing_name(network_sam_ada_forum):
    with pytest.raises(DuplicateNodeError, match="already a node called 'Forum'"):
        network_sam_ada_forum.rename("Ada Lovelace", " forum ")
    with pytest.raises(InvalidNameError):
        network_sam_ada_forum.rename("Ada Lovelace", "")
    with pytest.raises(UnknownNodeError):
        network_sam_ada_forum.rename("Nobody", "Somebody")


def test_remove_takes_ties_along(network_sam_ada_forum):
    net = network_sam_ada_forum
    removed = net.remove("FORUM")
    assert removed.name == "Forum"
    assert [t.b for t in net.ties] == ["Ada Lovelace"]
    with pytest.raises(UnknownNodeError):
        net.remove("Forum")


def test_removing_me_is_refused(network_sam_ada_forum):
    with pytest.raises(MeNodeError) as caught:
        network_sam_ada_forum.remove("sam")
    assert str(caught.value) == (
        "'Sam' is the learner at the centre of this network and cannot be removed: "
        "rename it instead, or start a new network."
    )


# --- ties ----------------------------------------------------------------------------------


def test_connect_defaults_and_dates():
    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    tie = net.connect("sam", "ADA")
    assert tie == Tie("Sam", "Ada", 3, None, None, None)
    tie = net.edit_tie("Ada", "Sam", since="2023-09-01", last_contact=datetime.date(2024, 2, 20), initiated_by=" Both ")
    assert tie.since == datetime.date(2023, 9, 1)
    assert tie.last_contact == datetime.date(2024, 2, 20)
    assert tie.initiated_by == "both"
    assert net.edit_tie("Sam", "Ada", since=None, initiated_by="").since is None
    assert net.tie("Ada", "Sam").initiated_by is None


def test_tie_key_is_unordered(network_sam_ada_forum):
    net = network_sam_ada_forum
    assert net.tie("Ada Lovelace", "Sam") is net.tie("Sam", "Ada Lovelace")
    with pytest.raises(DuplicateTieError) as caught:
        net.connect("ada lovelace", "Sam", strength=1)
    assert "already tied" in str(caught.value)
    assert "Ada Lovelace–Sam and Sam–Ada Lovelace are the same tie" in str(caught.value)
    assert net.tie("Sam", "Ada Lovelace").strength == 4


def test_self_ties(network_sam_ada_forum):
    with pytest.raises(SelfTieError, match="'Forum' cannot be tied to itself"):
        network_sam_ada_forum.connect("Forum", "Forum")
    with pytest.raises(SelfTieError, match="'Forum' and 'forum' are the same node"):
        network_sam_ada_forum.connect("Forum", "forum")


def test_ties_to_missing_nodes(network_sam_ada_forum):
    with pytest.raises(UnknownNodeError, match="no node called 'Bob'") as caught:
        network_sam_ada_forum.connect("Sam", "Bob")
    assert caught.value.field == "b"
    with pytest.raises(UnknownNodeError) as caught:
        network_sam_ada_forum.connect("Bob", "Sam")
    assert caught.value.field == "a"


@pytest.mark.parametrize(
    "strength, message",
    [
        (7, "Strength 7 for the tie Sam–Ada is outside 1–5: use a whole number from 1 (weak) to 5 (strong)."),
        (0, "Strength 0 for the tie Sam–Ada is outside 1–5"),
        (-2, "Strength -2 for the tie Sam–Ada is outside 1–5"),
        (3.0, "Strength 3.0 for the tie Sam–Ada is not a whole number"),
        ("3", "Strength '3' for the tie Sam–Ada is not a whole number"),
        (True, "Strength True for the tie Sam–Ada is not a whole number"),
        (None, "The strength of the tie Sam–Ada is missing"),
    ],
)
def test_strength_rules(strength, message):
    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    with pytest.raises(InvalidStrengthError) as caught:
        net.connect("Sam", "Ada", strength=strength)
    assert str(caught.value).startswith(message)
    assert net.ties == ()


def test_strength_accepts_integer_like_numbers():
    import numpy as np

    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    assert net.connect("Sam", "Ada", strength=np.int64(5)).strength == 5
    assert type(net.tie("Sam", "Ada").strength) is int


@pytest.mark.parametrize(
    "value, message",
    [
        ("01/03/2024", "is not an ISO 8601 date: write it as YYYY-MM-DD, for example 2024-03-01."),
        ("2024-3-1", "is not an ISO 8601 date"),
        ("20240301", "is not an ISO 8601 date"),
        ("2024-W10-1", "is not an ISO 8601 date"),
        ("2024-03-01T10:00", "is not an ISO 8601 date"),
        ("１９９９-01-01", "is not an ISO 8601 date"),
        ("2024-02-30", "is not a real date"),
        ("2023-13-01", "is not a real date"),
        (datetime.datetime(2024, 3, 1, 10, 0), "includes a time of day"),
        (20240301, "is not a date"),
    ],
)
def test_dates_must_be_iso_8601(value, message):
    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    with pytest.raises(InvalidDateError) as caught:
        net.connect("Sam", "Ada", since=value)
    assert message in str(caught.value)
    assert "since" in str(caught.value)
    assert caught.value.field == "since"
    assert caught.value.value == value


def test_initiated_by_rules():
    net = LearningNetwork("Sam")
    net.add("Ada", "person")
    with pytest.raises(InvalidFieldError) as caught:
        net.connect("Sam", "Ada", initiated_by="they")
    assert str(caught.value) == (
        "'they' is not accepted for initiated_by on the tie Sam–Ada: use me, them, both, or leave it empty."
    )


def test_edit_tie_and_disconnect(network_sam_ada_forum):
    net = network_sam_ada_forum
    with pytest.raises(InvalidFieldError, match="no field 'weight'"):
        net.edit_tie("Sam", "Forum", weight=2)
    with pytest.raises(UnknownTieError, match="no tie between 'Ada Lovelace' and 'Forum'"):
        net.edit_tie("Ada Lovelace", "Forum", strength=2)
    removed = net.disconnect("forum", "sam")
    assert removed.a == "Forum"
    with pytest.raises(UnknownTieError):
        net.disconnect("Sam", "Forum")
    with pytest.raises(UnknownTieError):
        net.tie("Sam", "Forum")
    with pytest.raises(SelfTieError):
        net.tie("Sam", "sam")


def test_tie_limit(monkeypatch):
    monkeypatch.setattr(network_module, "MAX_TIES", 1)
    net = LearningNetwork("Sam")
    net.add("A", "person")
    net.add("B", "person")
    net.connect("Sam", "A")
    with pytest.raises(LimitExceededError, match="already has 1 ties"):
        net.connect("Sam", "B")


# --- a failed operation changes nothing -------------------------------------------------------

FAILING_OPERATIONS = [
    ("add empty name", lambda n: n.add(" ", "person")),
    ("add duplicate", lambda n: n.add("ADA LOVELACE", "person")),
    ("add bad kind", lambda n: n.add("Bob", "persn")),
    ("add second me", lambda n: n.add("Bob", "me")),
    ("add bad tags", lambda n: n.add("Bob", "person", tags=["ok", "a|b"])),
    ("edit bad note after good topic", lambda n: n.edit("Forum", topic="new", note="\x00")),
    ("edit bad tags after good kind", lambda n: n.edit("Forum", kind="tool", tags="x")),
    ("edit me kind", lambda n: n.edit("Sam", kind="person", topic="new")),
    ("edit unknown field", lambda n: n.edit("Forum", topic="new", colour="red")),
    ("rename to duplicate", lambda n: n.rename("Forum", "sam")),
    ("rename to empty", lambda n: n.rename("Forum", "")),
    ("remove me", lambda n: n.remove("Sam")),
    ("remove missing", lambda n: n.remove("Bob")),
    ("connect self", lambda n: n.connect("Forum", "FORUM")),
    ("connect missing", lambda n: n.connect("Forum", "Bob")),
    ("connect duplicate", lambda n: n.connect("Ada Lovelace", "Sam")),
    ("connect bad strength", lambda n: n.connect("Forum", "Ada Lovelace", strength=6)),
    ("connect bad date", lambda n: n.connect("Forum", "Ada Lovelace", since="2024/01/01")),
    ("connect bad initiator", lambda n: n.connect("Forum", "Ada Lovelace", initiated_by="x")),
    ("edit tie bad last date", lambda n: n.edit_tie("Sam", "Forum", strength=1, last_contact="x")),
    ("edit tie bad strength", lambda n: n.edit_tie("Sam", "Forum", since="2024-01-01", strength=0)),
    ("edit missing tie", lambda n: n.edit_tie("Forum", "Ada Lovelace", strength=1)),
    ("disconnect missing tie", lambda n: n.disconnect("Forum", "Ada Lovelace")),
    ("metadata bad date after good title", lambda n: n.set_metadata(title="T", as_of="soon")),
]


@pytest.mark.parametrize("label, operation", FAILING_OPERATIONS, ids=[f[0] for f in FAILING_OPERATIONS])
def test_a_failed_operation_changes_nothing(network_sam_ada_forum, label, operation):
    net = network_sam_ada_forum
    before = _state(net)
    snapshot = net.copy()
    with pytest.raises(NetworkError) as caught:
        operation(net)
    assert str(caught.value)
    assert _state(net) == before
    assert net == snapshot


# --- equality, copies, networkx -----------------------------------------------------------------


def test_equality_ignores_order_and_tie_direction_but_not_values():
    one = LearningNetwork("Sam")
    one.add("Ada", "person")
    one.add("Bob", "tool")
    one.connect("Sam", "Ada", strength=2)
    one.connect("Bob", "Ada")
    two = LearningNetwork("Sam")
    two.add("Bob", "tool")
    two.add("Ada", "person")
    two.connect("Ada", "Bob")
    two.connect("Ada", "Sam", strength=2)
    assert one == two
    two.edit_tie("Ada", "Sam", strength=3)
    assert one != two
    three = one.copy()
    three.rename("Ada", "ADA")  # display name counts
    assert one != three
    four = one.copy()
    four.set_metadata(title="x")
    assert one != four
    assert one != "not a network"
    with pytest.raises(TypeError):
        hash(one)


def test_copy_is_independent(network_sam_ada_forum):
    copy = network_sam_ada_forum.copy()
    assert copy == network_sam_ada_forum
    copy.add("New", "tool")
    copy.rename("Sam", "Samira")
    assert "New" not in network_sam_ada_forum
    assert network_sam_ada_forum.me == "Sam"


def test_replace_with(network_sam_ada_forum):
    shown = LearningNetwork("Kim")
    shown.replace_with(network_sam_ada_forum)
    assert shown == network_sam_ada_forum
    shown.add("Only here", "tool")
    assert "Only here" not in network_sam_ada_forum
    with pytest.raises(TypeError):
        shown.replace_with("x")  # type: ignore[arg-type]


def test_repr(network_sam_ada_forum):
    assert repr(network_sam_ada_forum) == "<LearningNetwork me='Sam': 3 nodes, 2 ties>"


def test_to_networkx(network_sam_ada_forum):
    graph = network_sam_ada_forum.to_networkx()
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    assert list(graph.nodes) == ["Sam", "Ada Lovelace", "Forum"]
    assert graph.nodes["Sam"] == {
        "kind": "me",
        "topic": "",
        "tags": (),
        "note": "",
        "is_me": True,
    }
    assert graph.nodes["Ada Lovelace"] == {
        "kind": "person",
        "topic": "computing",
        "tags": ("mentor",),
        "note": "Met at a meetup.",
        "is_me": False,
    }
    assert graph.edges["Ada Lovelace", "Sam"] == {
        "strength": 4,
        "since": datetime.date(2023, 9, 1),
        "last_contact": None,
        "initiated_by": "them",
    }
    assert graph.graph == {
        "me": "Sam",
        "title": "Week 1",
        "created": None,
        "as_of": datetime.date(2024, 3, 1),
    }
    graph.add_node("Extra")
    assert "Extra" not in network_sam_ada_forum
    assert nx.degree_centrality(graph)["Sam"] > 0


# --- errors --------------------------------------------------------------------------------------


def test_every_error_is_a_network_error_with_a_builtin_parent():
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, NetworkError)
        if cls is not NetworkError:
            assert issubclass(cls, (ValueError, TypeError, LookupError)), name


def test_located_errors_keep_type_and_fields():
    error = InvalidStrengthError("Strength 9 is outside 1–5.", field="strength", value=9)
    located = error.located("ties.csv", "row 4, column 'strength'")
    assert type(located) is InvalidStrengthError
    assert str(located) == "ties.csv, row 4, column 'strength': Strength 9 is outside 1–5."
    assert (located.source, located.location, located.field, located.value) == (
        "ties.csv",
        "row 4, column 'strength'",
        "strength",
        9,
    )
    assert located.located("other.csv", "row 1") is located
    assert str(error) == "Strength 9 is outside 1–5."


def test_model_layer_imports_no_widget_or_plotting_library():
    code = (
        "import sys, connectivism.network, connectivism.errors, connectivism.formats\n"
        "bad = [m for m in ('ipywidgets', 'pyvis', 'matplotlib') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- property: random operations never leave a half-done change ------------------------------------

_names = st.sampled_from(["Sam", "sam", "Ada", "ADA ", "Bob", "Forum", "", "José", "Jose\u0301", "ｂｏｂ"])
_operations = st.one_of(
    st.tuples(st.just("add"), _names, st.sampled_from(["person", "tool", "me", "x"])),
    st.tuples(st.just("edit"), _names, st.sampled_from(["community", "me", "bad"])),
    st.tuples(st.just("rename"), _names, _names),
    st.tuples(st.just("remove"), _names),
    st.tuples(st.just("connect"), _names, _names, st.integers(-1, 7)),
    st.tuples(st.just("edit_tie"), _names, _names, st.sampled_from(["2024-01-01", "2024-1-1", None])),
    st.tuples(st.just("disconnect"), _names, _names),
)


def _apply(net: LearningNetwork, op: tuple) -> None:
    name, *args = op
    if name == "add":
        net.add(args[0], args[1])
    elif name == "edit":
        net.edit(args[0], kind=args[1])
    elif name == "rename":
        net.rename(args[0], args[1])
    elif name == "remove":
        net.remove(args[0])
    elif name == "connect":
        net.connect(args[0], args[1], strength=args[2])
    elif name == "edit_tie":
        net.edit_tie(args[0], args[1], since=args[2])
    else:
        net.disconnect(args[0], args[1])


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_operations, max_size=25))
def test_random_operations_keep_the_invariants(ops):
    net = LearningNetwork("Sam")
    for op in ops:
        before = _state(net)
        try:
            _apply(net, op)
        except NetworkError as error:
            assert _state(net) == before, (op, error)
            assert str(error)
        mes = [node for node in net.nodes if node.is_me]
        assert len(mes) == 1 and mes[0].name == net.me
        keys = [normalise_name(node.name) for node in net.nodes]
        assert len(keys) == len(set(keys))
        for tie in net.ties:
            assert tie.a in net and tie.b in net
            assert normalise_name(tie.a) != normalise_name(tie.b)
            assert net.node(tie.a).name == tie.a and net.node(tie.b).name == tie.b
            assert 1 <= tie.strength <= 5
        assert net == net.copy()
