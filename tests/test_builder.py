"""The builder, driven from Python as a learner would drive it: values set, buttons clicked."""

from __future__ import annotations

import base64
import datetime
import re

import pytest

from connectivism.examples import load_example
from connectivism.formats import from_graphml, from_json, read_json, to_csv, to_json
from connectivism.network import LearningNetwork
from connectivism.session import EditSession, autosave_location
from connectivism.widgets.builder import NetworkBuilder

AS_OF = datetime.date(2026, 10, 1)
#: A fixed save time, so that two files written a second apart compare equal.
AT = datetime.datetime(2026, 10, 1, 9, 0, tzinfo=datetime.timezone.utc)


def fake_measures(net, as_of):
    return (f"<p>measures of {len(net)} nodes</p>", f"<p>suggestions for {len(net.ties)} ties</p>")


@pytest.fixture()
def builder(tmp_path):
    session = EditSession(LearningNetwork("Sam"), autosave=tmp_path / "auto.json")
    return NetworkBuilder(session, as_of=AS_OF, measures=fake_measures)


def add(b, name, kind="person", topic=""):
    b.node_name.value, b.node_kind.value, b.node_topic.value = name, kind, topic
    b.add_button.click()


def connect(b, x, y, strength=3):
    b.tie_a.value, b.tie_b.value, b.tie_strength.value = x, y, strength
    b.connect_button.click()


def test_adding_nodes_and_a_tie_updates_model_view_and_panels(builder):
    picture, measures = builder.picture.value, builder.measures_html.value
    add(builder, "Ada", "person", "computing")
    assert "Ada" in builder.network and builder.network.node("Ada").topic == "computing"
    assert "✓ Added Ada." in builder.add_message.value
    assert builder.node_name.value == ""  # the form is cleared for the next node
    assert builder.picture.value != picture and "2 nodes" in builder.picture.value
    assert builder.measures_html.value == "<p>measures of 2 nodes</p>" != measures
    add(builder, "Open Ed Weekly", "resource")
    connect(builder, "Sam", "Ada", 4)
    assert builder.network.tie("Sam", "Ada").strength == 4
    assert builder.suggestions_html.value == "<p>suggestions for 1 ties</p>"
    assert set(builder.tie_b.options) == {"Sam", "Ada", "Open Ed Weekly"}


@pytest.mark.parametrize("name", ["", "   ", "sam", "SAM "])
def test_bad_names_show_a_message_and_change_nothing(builder, name):
    before = builder.network.copy()
    picture = builder.picture.value
    add(builder, name)
    assert builder.network == before
    assert builder.picture.value == picture
    assert "kit-error" in builder.add_message.value and "role='alert'" in builder.add_message.value
    assert not builder.session.can_undo


def test_bad_ties_show_a_message_and_change_nothing(builder):
    add(builder, "Ada")
    connect(builder, "Sam", "Ada")
    before = builder.network.copy()
    connect(builder, "Ada", "Sam")  # the same tie again
    assert "already tied" in builder.connect_message.value
    connect(builder, "Ada", "Ada")
    assert "cannot be tied to itself" in builder.connect_message.value
    assert builder.network == before


def test_undo_restores_exactly_step_by_step(builder):
    states = [builder.network.copy()]
    add(builder, "Ada")
    states.append(builder.network.copy())
    add(builder, "Wiki", "resource")
    states.append(builder.network.copy())
    connect(builder, "Sam", "Ada", 5)
    states.append(builder.network.copy())
    builder.edit_node.value = "Ada"
    builder.edit_new_name.value = "Ada L."
    builder.rename_button.click()
    states.append(builder.network.copy())
    builder.edit_node.value = "Wiki"
    builder.remove_button.click()
    states.append(builder.network.copy())
    assert [n.name for n in builder.network.nodes] == ["Sam", "Ada L."]
    for expected in reversed(states[:-1]):
        builder.undo_button.click()
        assert builder.network == expected
        assert to_json(builder.network, saved_at=AT) == to_json(expected, saved_at=AT)
    assert builder.undo_button.disabled
    builder.undo_button.click()
    assert "Nothing to undo" in builder.status.value


def test_history_keeps_the_last_hundred(tmp_path):
    session = EditSession(LearningNetwork("Sam"), autosave=False)
    for i in range(120):
        session.do(f"add {i}", lambda net, i=i: net.add(f"n{i}", "tool"))
    assert len(session.history) == 100
    for _ in range(100):
        session.undo()
    assert len(session.network) == 21 and not session.can_undo


def test_edit_tie_and_disconnect(builder):
    add(builder, "Ada")
    connect(builder, "Sam", "Ada", 2)
    builder.edit_tie.value = ("Sam", "Ada")
    assert builder.edit_strength.value == 2
    builder.edit_strength.value = 5
    builder.edit_last.value = datetime.date(2026, 9, 1)
    builder.edit_tie_button.click()
    assert builder.network.tie("Sam", "Ada").strength == 5
    assert builder.network.tie("Sam", "Ada").last_contact == datetime.date(2026, 9, 1)
    builder.disconnect_button.click()
    assert not builder.network.ties


def test_every_change_autosaves_and_a_new_builder_restores_it(tmp_path):
    path = tmp_path / "auto.json"
    first = NetworkBuilder(EditSession(LearningNetwork("Sam"), autosave=path), as_of=AS_OF, measures=fake_measures)
    add(first, "Ada")
    connect(first, "Sam", "Ada", 4)
    assert read_json(path) == first.network
    # a kernel restart: nothing but the file survives
    second = NetworkBuilder(EditSession.resume(autosave=path), as_of=AS_OF, measures=fake_measures)
    assert second.network == first.network
    assert "restored" in second.status.value


def test_damaged_autosave_is_kept_and_reported(tmp_path):
    path = tmp_path / "auto.json"
    path.write_text("{ not json")
    session = EditSession.resume(autosave=path)
    assert len(session.network) == 1
    kept = list(tmp_path.glob("auto.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"
    assert "could not be read" in session.notice


def test_autosave_folder_falls_back_to_home_with_a_notice(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.delenv("CONNECTIVISM_AUTOSAVE_DIR", raising=False)
    try:
        where = autosave_location(locked, home=tmp_path / "home")
    finally:
        locked.chmod(0o700)
    import os

    if os.geteuid() == 0:  # root can write anywhere: the fallback cannot be provoked by permissions
        assert where.path.parent == locked
    else:
        assert where.path.parent == tmp_path / "home" / "connectivism-autosave"
        assert "cannot be written" in where.notice


def test_autosave_folder_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNECTIVISM_AUTOSAVE_DIR", str(tmp_path / "env"))
    assert autosave_location().path == tmp_path / "env" / "my-learning-network.autosave.json"


def decode_links(markup):
    out = {}
    for name, data in re.findall(r"download='([^']+)' href='data:[^;]+;charset=utf-8;base64,([^']+)'", markup):
        out[name] = base64.b64decode(data).decode("utf-8")
    return out


def test_export_links_round_trip_and_anonymise(builder):
    builder.session.replace(load_example("teacher"), "load")
    builder.refresh()
    builder.export_button.click()
    files = decode_links(builder.export_links.value)
    assert set(files) == {
        "my-learning-network.json",
        "my-learning-network.graphml",
        "my-learning-network-nodes.csv",
        "my-learning-network-ties.csv",
        "my-learning-network-anonymised.json",
    }
    assert from_json(files["my-learning-network.json"]) == builder.network
    assert from_graphml(files["my-learning-network.graphml"].encode("utf-8")) == builder.network
    anon = from_json(files["my-learning-network-anonymised.json"])
    people = {n.name for n in builder.network.nodes if n.kind in ("me", "person")}
    text = files["my-learning-network-anonymised.json"]
    assert not any(p in text for p in people)
    assert all(n.note == "" for n in anon.nodes)
    assert len(anon) == len(builder.network) and len(anon.ties) == len(builder.network.ties)


def upload(b, *files):
    b.upload.value = tuple(
        {
            "name": n,
            "type": "",
            "size": len(c),
            "content": memoryview(c),
            "last_modified": datetime.datetime(2026, 10, 1),
        }
        for n, c in files
    )
    b.import_button.click()


def test_import_json_and_csv_pair_then_undo(builder):
    teacher = load_example("teacher")
    upload(builder, ("amira.json", to_json(teacher).encode()))
    assert builder.network == teacher and "Imported a network of 14 nodes" in builder.share_message.value
    nodes, ties = to_csv(teacher)
    builder.undo_button.click()
    assert len(builder.network) == 1
    upload(builder, ("ties.csv", ties.encode()), ("nodes.csv", nodes.encode()))
    assert to_csv(builder.network) == (nodes, ties)  # CSV carries no metadata, all else equal
    assert builder.upload.value == ()


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("x.json", b'{"format": "connectivism-learning-network", "format_version": 99}', "newer version"),
        ("x.json", b'{"format": "\xff\xfe"}', "UTF-8"),
        ("x.graphml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><graphml/>', "type declaration"),
        ("x.txt", b"hello", "neither a JSON nor a GraphML"),
    ],
)
def test_bad_uploads_are_refused_and_change_nothing(builder, name, content, expected):
    add(builder, "Ada")
    before = builder.network.copy()
    history = list(builder.session.history)
    upload(builder, (name, content))
    assert builder.network == before and builder.session.history == history
    assert expected in builder.share_message.value and "kit-error" in builder.share_message.value


def test_html_in_labels_is_escaped_in_messages_and_view(builder):
    add(builder, "<img src=x onerror=alert(1)>")
    assert "<img src=x" not in builder.add_message.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in builder.add_message.value
    outer = re.sub(r'srcdoc="[^"]*"', "", builder.picture.value)
    assert "<img src=x" not in outer


def test_start_over_from_an_example_is_undoable(builder):
    add(builder, "Ada")
    builder.start_choice.value = "teacher"
    builder.start_button.click()
    assert builder.network.me == "Amira"
    builder.undo_button.click()
    assert builder.network.me == "Sam" and "Ada" in builder.network
    builder.start_choice.value = ""
    builder.start_name.value = "Kim"
    builder.start_button.click()
    assert builder.network.me == "Kim" and len(builder.network) == 1


def test_kit_measures_and_suggestions_follow_each_step(tmp_path):
    """With the kit's own measures: a first tie clears the 'no ties yet' suggestion."""
    b = NetworkBuilder(EditSession(LearningNetwork("Sam"), autosave=tmp_path / "a.json"), as_of=AS_OF)
    assert "no ties yet" in b.suggestions_html.value
    add(b, "Ada", "person", "computing")
    add(b, "Open Ed Weekly", "resource", "open education")
    before = (b.measures_html.value, b.suggestions_html.value)
    connect(b, "Sam", "Ada", 4)
    connect(b, "Sam", "Open Ed Weekly", 2)
    assert "no ties yet" not in b.suggestions_html.value
    assert (b.measures_html.value, b.suggestions_html.value) != before
    assert "as of 1 October 2026" in b.measures_html.value


def test_positions_stay_put_as_nodes_are_added(builder):
    add(builder, "Ada")
    connect(builder, "Sam", "Ada")
    first = dict(builder._positions)
    add(builder, "Bea")
    connect(builder, "Ada", "Bea")
    assert all(builder._positions[n] == p for n, p in first.items())
