"""The builder's panels: add, connect, edit or remove, and the view (save and share: :mod:`.sharing`).

Each panel is a small class that owns its controls and its message line and
works on an :class:`~connectivism.session.EditSession`; after a change it
calls ``changed()`` (the builder's :meth:`~connectivism.widgets.builder.NetworkBuilder.refresh`),
and :meth:`Panel.update` brings its choices in line with the network. A panel
can be made and driven alone, which is how it is tested::

    panel = AddPanel(EditSession(LearningNetwork("Sam"), autosave=None), changed=lambda: None)
    panel.node_name.value = "Ada"
    panel.add_node()   # True; the message says "Added Ada."

Every text comes from :mod:`connectivism.widgets.messages`.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable

import ipywidgets as widgets

from connectivism.errors import NetworkError
from connectivism.network import INITIATORS, OTHER_KINDS, LearningNetwork
from connectivism.render import draw, extend_positions
from connectivism.session import EditSession
from connectivism.widgets.messages import text

__all__ = ["Panel", "AddPanel", "ConnectPanel", "EditPanel", "ViewPanel", "message_html"]

_STRENGTH = {"value": 3, "min": 1, "max": 5, "continuous_update": False}
_INITIAL = {"description_width": "initial"}


def message_html(kind: str, message: str) -> str:
    """A message line ("error", "ok" or "info") as HTML, the message escaped.

    Examples
    --------
    >>> message_html("ok", "Added <b>.")
    "<div class='kit-message kit-ok' role='status' style='color:#1a6b2f'>✓ Added &lt;b&gt;.</div>"
    """
    colour = {"error": "#a40000", "ok": "#1a6b2f", "info": "#333"}[kind]
    icon = {"error": "⚠", "ok": "✓", "info": "ℹ"}[kind]
    role = "alert" if kind == "error" else "status"
    return (
        f"<div class='kit-message kit-{kind}' role='{role}' style='color:{colour}'>{icon} {html.escape(message)}</div>"
    )


def _date_or_none(value: datetime.date | None) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


class Panel:
    """What every panel shares: the session, its message line and :meth:`attempt`.

    Parameters
    ----------
    session : EditSession
        The network being edited.
    changed : callable
        Called with no arguments after every change, to redraw everything.
    """

    def __init__(self, session: EditSession, changed: Callable[[], None]) -> None:
        self.session = session
        self.changed = changed
        self.message = widgets.HTML()

    @property
    def network(self) -> LearningNetwork:
        """The session's current network."""
        return self.session.network

    def say(self, kind: str, message: str) -> None:
        """Show one message ("error", "ok" or "info") in this panel."""
        self.message.value = message_html(kind, message)

    def attempt(self, label: str, change: Callable, done: str, clear: tuple = ()) -> bool:
        """Apply `change` as one undoable step: True and `done` shown, or False and the reason shown."""
        try:
            self.session.do(label, change)
        except NetworkError as err:
            self.say("error", str(err))
            return False
        for field in clear:  # before the message, so a fast learner never types into a stale form
            field.value = ""
        self.changed()
        self.say("ok", done)
        return True

    def update(self, network: LearningNetwork) -> None:
        """Bring the panel's choices in line with `network` (nothing to do by default)."""


class AddPanel(Panel):
    """Add a node: name, kind, topic, tags and note."""

    def __init__(self, session: EditSession, changed: Callable[[], None]) -> None:
        super().__init__(session, changed)
        W = widgets
        self.node_name = W.Text(description=text("add.name"), placeholder=text("add.name.placeholder"))
        self.node_kind = W.Dropdown(options=[(text(f"kind.{k}"), k) for k in OTHER_KINDS], description=text("add.kind"))
        self.node_topic = W.Text(description=text("add.topic"), placeholder=text("add.topic.placeholder"))
        self.node_tags = W.Text(description=text("add.tags"), placeholder=text("add.tags.placeholder"))
        self.node_note = W.Textarea(description=text("add.note"), placeholder=text("add.note.placeholder"))
        self.add_button = W.Button(description=text("add"), button_style="primary", icon="plus")
        self.add_button.on_click(lambda _: self.add_node())
        self.box = W.VBox(
            [self.node_name, self.node_kind, self.node_topic, self.node_tags, self.node_note, self.add_button]
            + [self.message]
        )

    def add_node(self) -> bool:
        """Add the node described in the form; True if it was added, else the reason is shown."""
        name = self.node_name.value
        tags = [t.strip() for t in self.node_tags.value.split(",") if t.strip()]
        topic, note = self.node_topic.value.strip(), self.node_note.value
        return self.attempt(
            text("add.label", name=name.strip()),
            lambda net: net.add(name, self.node_kind.value, topic=topic, tags=tags, note=note),
            text("add.done", name=name.strip()),
            clear=(self.node_name, self.node_topic, self.node_tags, self.node_note),
        )


class ConnectPanel(Panel):
    """Tie two nodes: strength, since, last contact and who started it."""

    def __init__(self, session: EditSession, changed: Callable[[], None]) -> None:
        super().__init__(session, changed)
        W = widgets
        self.tie_a = W.Dropdown(description=text("connect.from"))
        self.tie_b = W.Dropdown(description=text("connect.to"))
        self.tie_strength = W.IntSlider(description=text("tie.strength"), **_STRENGTH)
        self.tie_since = W.DatePicker(description=text("connect.since"))
        self.tie_last = W.DatePicker(description=text("tie.last_contact"), style=_INITIAL)
        self.tie_initiator = W.Dropdown(
            options=[(text("connect.not_recorded"), None)] + [(i, i) for i in INITIATORS],
            description=text("connect.initiator"),
            style=_INITIAL,
        )
        self.connect_button = W.Button(description=text("connect"), button_style="primary", icon="link")
        self.connect_button.on_click(lambda _: self.connect())
        self.box = W.VBox(
            [self.tie_a, self.tie_b, self.tie_strength, self.tie_since, self.tie_last, self.tie_initiator]
            + [self.connect_button, self.message]
        )

    def connect(self) -> bool:
        """Tie the two chosen nodes; True if the tie was added, else the reason is shown."""
        a, b = self.tie_a.value, self.tie_b.value
        if a is None or b is None:
            self.say("error", text("connect.choose"))
            return False
        return self.attempt(
            text("connect.label", a=a, b=b),
            lambda net: net.connect(
                a,
                b,
                strength=self.tie_strength.value,
                since=_date_or_none(self.tie_since.value),
                last_contact=_date_or_none(self.tie_last.value),
                initiated_by=self.tie_initiator.value,
            ),
            text("connect.done", a=a, b=b),
        )

    def update(self, network: LearningNetwork) -> None:
        """Offer every node at both ends; keep the choices that still exist."""
        names = [n.name for n in network.nodes]
        for dropdown in (self.tie_a, self.tie_b):
            keep = dropdown.value
            dropdown.options = names
            dropdown.value = keep if keep in names else (names[0] if dropdown is self.tie_a and names else None)


class EditPanel(Panel):
    """Rename a node, change its topic or remove it; change or remove a tie."""

    def __init__(self, session: EditSession, changed: Callable[[], None]) -> None:
        super().__init__(session, changed)
        W = widgets
        self.edit_node = W.Dropdown(description=text("edit.node"))
        self.edit_new_name = W.Text(description=text("edit.new_name"), style=_INITIAL)
        self.rename_button = W.Button(description=text("edit.rename"))
        self.edit_topic = W.Text(description=text("edit.topic"))
        self.edit_topic_button = W.Button(description=text("edit.change_topic"))
        self.remove_button = W.Button(description=text("edit.remove"), button_style="danger", icon="trash")
        self.edit_tie = W.Dropdown(description=text("edit.tie"))
        self.edit_strength = W.IntSlider(description=text("tie.strength"), **_STRENGTH)
        self.edit_last = W.DatePicker(description=text("tie.last_contact"), style=_INITIAL)
        self.edit_tie_button = W.Button(description=text("edit.update_tie"))
        self.disconnect_button = W.Button(description=text("edit.disconnect"), button_style="danger", icon="unlink")
        self.rename_button.on_click(lambda _: self.rename())
        self.edit_topic_button.on_click(lambda _: self.change_topic())
        self.remove_button.on_click(lambda _: self.remove())
        self.edit_tie_button.on_click(lambda _: self.update_tie())
        self.disconnect_button.on_click(lambda _: self.disconnect())
        self.box = W.VBox(
            [
                W.HTML(f"<b>{html.escape(text('edit.node_heading'))}</b>"),
                self.edit_node,
                W.HBox([self.edit_new_name, self.rename_button]),
                W.HBox([self.edit_topic, self.edit_topic_button]),
                self.remove_button,
                W.HTML(f"<b>{html.escape(text('edit.tie_heading'))}</b>"),
                self.edit_tie,
                self.edit_strength,
                self.edit_last,
                W.HBox([self.edit_tie_button, self.disconnect_button]),
                self.message,
            ]
        )
        self.edit_node.observe(self._load_node_fields, names="value")
        self.edit_tie.observe(self._load_tie_fields, names="value")

    def _chosen_node(self) -> str | None:
        name = self.edit_node.value
        if name is None:
            self.say("error", text("edit.choose_node"))
        return name

    def _chosen_tie(self) -> tuple[str, str] | None:
        pair = self.edit_tie.value
        if pair is None:
            self.say("error", text("edit.choose_tie"))
        return pair

    def rename(self) -> bool:
        """Rename the chosen node; True if it was renamed, else the reason is shown."""
        old, new = self._chosen_node(), self.edit_new_name.value
        if old is None:
            return False
        return self.attempt(
            text("edit.rename.label", old=old),
            lambda net: net.rename(old, new),
            text("edit.rename.done", old=old, new=new.strip()),
            clear=(self.edit_new_name,),
        )

    def change_topic(self) -> bool:
        """Set the chosen node's topic; True if it was changed, else the reason is shown."""
        name = self._chosen_node()
        if name is None:
            return False
        return self.attempt(
            text("edit.change_topic.label", name=name),
            lambda net: net.edit(name, topic=self.edit_topic.value.strip()),
            text("edit.change_topic.done", name=name),
        )

    def remove(self) -> bool:
        """Remove the chosen node and its ties; True if it was removed, else the reason is shown."""
        name = self._chosen_node()
        if name is None:
            return False
        return self.attempt(
            text("edit.remove.label", name=name), lambda net: net.remove(name), text("edit.remove.done", name=name)
        )

    def update_tie(self) -> bool:
        """Set the chosen tie's strength and last contact; True if it was changed, else the reason is shown."""
        pair = self._chosen_tie()
        if pair is None:
            return False
        a, b = pair
        return self.attempt(
            text("edit.update_tie.label", a=a, b=b),
            lambda net: net.edit_tie(
                a, b, strength=self.edit_strength.value, last_contact=_date_or_none(self.edit_last.value)
            ),
            text("edit.update_tie.done", a=a, b=b),
        )

    def disconnect(self) -> bool:
        """Remove the chosen tie; True if it was removed, else the reason is shown."""
        pair = self._chosen_tie()
        if pair is None:
            return False
        a, b = pair
        return self.attempt(
            text("edit.disconnect.label", a=a, b=b),
            lambda net: net.disconnect(a, b),
            text("edit.disconnect.done", a=a, b=b),
        )

    def _load_node_fields(self, change=None) -> None:
        name = self.edit_node.value
        if name is not None and name in self.network:
            self.edit_topic.value = self.network.node(name).topic

    def _load_tie_fields(self, change=None) -> None:
        pair = self.edit_tie.value
        if pair is not None:
            tie = self.network.tie(*pair)
            self.edit_strength.value = tie.strength
            self.edit_last.value = tie.last_contact

    def update(self, network: LearningNetwork) -> None:
        """Offer every node but "me" and every tie; keep the choices that still exist."""
        others = [n.name for n in network.nodes if n.name != network.me]
        keep = self.edit_node.value
        self.edit_node.options = others
        self.edit_node.value = keep if keep in others else None
        ties = [(text("edit.tie_option", a=t.a, b=t.b), (t.a, t.b)) for t in network.ties]
        keep = self.edit_tie.value
        self.edit_tie.options = ties
        self.edit_tie.value = keep if keep in [v for _, v in ties] else None


class ViewPanel:
    """The picture of the network, its measures and its suggestions.

    Node positions are kept from one redraw to the next, so nodes stay put
    as the network grows.

    Parameters
    ----------
    measures : callable
        ``measures(network, as_of) -> (measures_html, suggestions_html)``.
    as_of : datetime.date
        The date measures count from.
    """

    def __init__(self, measures: Callable, as_of: datetime.date) -> None:
        self.measures = measures
        self.as_of = as_of
        self.positions: dict = {}
        self.picture = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.measures_html = widgets.HTML()
        self.suggestions_html = widgets.HTML()
        self.panels = widgets.VBox([self.measures_html, self.suggestions_html])

    def update(self, network: LearningNetwork) -> None:
        """Redraw the picture and recompute measures and suggestions from `network`."""
        graph = network.to_networkx()
        self.positions = extend_positions(graph, self.positions)
        title = network.metadata.title or text("view.title", me=network.me)
        self.picture.value = draw(graph, title=title, pos=self.positions).html
        self.measures_html.value, self.suggestions_html.value = self.measures(network, self.as_of)
