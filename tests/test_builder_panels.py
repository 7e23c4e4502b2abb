"""Each panel of the builder, made and driven alone, and the builder composing them."""

from __future__ import annotations

import datetime

import pytest

from connectivism.examples import load_example
from connectivism.network import LearningNetwork
from connectivism.session import EditSession
from connectivism.widgets.builder import NetworkBuilder
from connectivism.widgets.panels import AddPanel, ConnectPanel, EditPanel, ViewPanel
from connectivism.widgets.sharing import SharePanel

AS_OF = datetime.date(2026, 10, 1)


class Changes:
    """A stand-in for the builder's refresh: counts the calls."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def session(tmp_path):
    return EditSession(LearningNetwork("Sam"), autosave=tmp_path / "a.json")


def test_add_panel_alone_adds_a_node_and_calls_changed_once(session):
    changed = Changes()
    panel = AddPanel(session, changed)
    panel.node_name.value, panel.node_kind.value, panel.node_tags.value = "Ada", "person", "maths, history"
    assert panel.add_node() is True
    assert session.network.node("Ada").tags == ("maths", "history")
    assert changed.count == 1 and "Added Ada." in panel.message.value and panel.node_name.value == ""


def test_add_panel_alone_refuses_bad_input_and_changes_nothing(session):
    changed = Changes()
    panel = AddPanel(session, changed)
    panel.node_name.value = "   "
    assert panel.add_node() is False
    assert changed.count == 0 and len(session.network) == 1 and "kit-error" in panel.message.value
    assert not session.can_undo


def test_connect_panel_alone_offers_the_nodes_and_ties_them(session):
    session.do("add", lambda net: net.add("Ada", "person"))
    panel = ConnectPanel(session, Changes())
    assert panel.connect() is False and "Choose two nodes" in panel.message.value
    panel.update(session.network)
    assert list(panel.tie_a.options) == ["Sam", "Ada"] and panel.tie_a.value == "Sam" and panel.tie_b.value is None
    panel.tie_b.value = "Ada"
    assert panel.connect() is True and session.network.tie("Sam", "Ada").strength == 3


def test_edit_panel_alone_has_one_guard_for_every_node_action(session):
    panel = EditPanel(session, Changes())
    for action in (panel.rename, panel.change_topic, panel.remove):
        panel.message.value = ""
        assert action() is False and "Choose a node first." in panel.message.value
    for action in (panel.update_tie, panel.disconnect):
        panel.message.value = ""
        assert action() is False and "Choose a tie first." in panel.message.value


def test_edit_panel_alone_loads_and_changes_the_chosen_tie(session):
    session.do("add", lambda net: (net.add("Ada", "person", topic="maths"), net.connect("Sam", "Ada", strength=2)))
    panel = EditPanel(session, Changes())
    panel.update(session.network)
    assert list(panel.edit_node.options) == ["Ada"]  # never "me"
    panel.edit_node.value = "Ada"
    assert panel.edit_topic.value == "maths"
    panel.edit_tie.value = ("Sam", "Ada")
    assert panel.edit_strength.value == 2
    panel.edit_strength.value = 5
    assert panel.update_tie() is True and session.network.tie("Sam", "Ada").strength == 5


def test_share_panel_alone_prepares_five_downloads_and_asks_for_a_file(session):
    panel = SharePanel(session, Changes())
    panel.prepare_downloads()
    assert panel.export_links.value.count("<a download=") == 5
    assert panel.import_upload() is False and "Choose a file" in panel.message.value


def test_view_panel_alone_keeps_positions_from_one_update_to_the_next():
    view = ViewPanel(lambda net, as_of: ("<p>m</p>", "<p>s</p>"), AS_OF)
    assert view.positions == {}
    net = load_example("teacher")
    view.update(net)
    first = dict(view.positions)
    net.add("Newcomer", "person")
    view.update(net)
    assert all(view.positions[n] == p for n, p in first.items()) and "Newcomer" in view.positions
    assert view.measures_html.value == "<p>m</p>" and view.suggestions_html.value == "<p>s</p>"


def test_the_builder_composes_the_panels_and_creates_no_state_after_init(session):
    builder = NetworkBuilder(session, as_of=AS_OF, measures=lambda net, as_of: ("", ""))
    assert builder.node_name is builder.adding.node_name and builder.add_message is builder.adding.message
    assert builder.picture is builder.view.picture and builder.upload is builder.sharing.upload
    assert [box for box in builder.tabs.children] == [
        builder.adding.box,
        builder.connecting.box,
        builder.editing.box,
        builder.importing.box,
        builder.sharing.box,
    ]
    before = set(vars(builder))
    builder.node_name.value = "Ada"
    builder.add_button.click()
    builder.undo()
    builder.undo()
    builder.prepare_downloads()
    builder.start_over()
    builder.refresh()
    assert set(vars(builder)) == before
