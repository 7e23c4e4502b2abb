"""Map your learning network: the interactive builder.

A thin view over :class:`connectivism.session.EditSession` (undo, autosave),
the measures, the suggestions and the renderer. Every control can be driven
from Python (set ``.value``, call ``.click()``), which is how it is tested.
Bad input shows a message next to the control and changes nothing.
"""

from __future__ import annotations

import base64
import datetime
import html
from collections.abc import Callable

import ipywidgets as widgets

from connectivism.errors import NetworkError
from connectivism.examples import EXAMPLES, load_example
from connectivism.formats import FORMAT_VERSION, load, to_csv, to_json
from connectivism.formats.csv_format import NODE_COLUMNS, TIE_COLUMNS, csv_kind
from connectivism.network import INITIATORS, OTHER_KINDS, LearningNetwork
from connectivism.notices import caught_notices
from connectivism.privacy import anonymised
from connectivism.render import draw, extend_positions
from connectivism.session import EditSession, as_of_default

__all__ = ["NetworkBuilder", "build_network"]

_KIND_LABELS = {
    "person": "Person",
    "community": "Community",
    "resource": "Resource (blog, journal, database…)",
    "tool": "Tool (app, feed reader…)",
}
_WIDE = widgets.Layout(width="auto", min_width="16em")


def _message(kind: str, text: str) -> str:
    colour = {"error": "#a40000", "ok": "#1a6b2f", "info": "#333"}[kind]
    icon = {"error": "⚠", "ok": "✓", "info": "ℹ"}[kind]
    role = "alert" if kind == "error" else "status"
    return f"<div class='kit-message kit-{kind}' role='{role}' style='color:{colour}'>{icon} {html.escape(text)}</div>"


def _date_or_none(value: datetime.date | None) -> datetime.date | None:
    return value if isinstance(value, datetime.date) else None


class NetworkBuilder(widgets.VBox):
    """The builder: add, connect, edit, undo, see measures and suggestions, save and share.

    Parameters
    ----------
    session : EditSession, optional
        The network being edited (default: the autosave if there is one,
        else a network with only "Me").
    as_of : datetime.date, optional
        The date measures count from (default: :func:`as_of_default`, i.e.
        today unless ``CONNECTIVISM_AS_OF`` fixes it).
    measures : callable, optional
        ``measures(network, as_of) -> (measures_html, suggestions_html)``;
        default: the kit's measures and suggestions.
    start : str, optional
        An example network (see :data:`connectivism.examples.EXAMPLES`) to
        open when there is no autosave yet; default: only "Me".
    """

    def __init__(
        self,
        session: EditSession | None = None,
        *,
        as_of: datetime.date | None = None,
        measures: Callable | None = None,
        start: str | None = None,
    ) -> None:
        if session is None:
            session = EditSession.resume(start=(lambda: load_example(start)) if start else None)
        self.session = session
        self.as_of = as_of or as_of_default()
        self._measures = measures or _kit_measures
        self._build_controls()
        super().__init__(
            [self.status, self.conflict_box, self.toolbar, self.tabs, self.picture, self.panels],
            layout=widgets.Layout(width="100%"),
        )
        note = self.session.notice
        if self.session.restored:
            self.status.value = _message("ok", "Welcome back: your network was restored from the autosave.")
            if note:
                self.status.value += _message("info", note)
        elif note:
            self.status.value = _message("info", note)
        self.refresh()

    # --- controls -------------------------------------------------------------------

    def _build_controls(self) -> None:
        W = widgets
        self.status = W.HTML()
        self.undo_button = W.Button(description="Undo", icon="undo", tooltip="Undo the last change")
        self.undo_button.on_click(lambda _: self.undo())
        self.start_choice = W.Dropdown(
            options=[("Just me (empty network)", "")] + [(f"Example: {d}", k) for k, (_, d) in EXAMPLES.items()],
            description="Start over:",
            style={"description_width": "initial"},
            layout=_WIDE,
        )
        self.start_name = W.Text(description="Your name:", placeholder="Me", style={"description_width": "initial"})
        self.start_button = W.Button(description="Start over", tooltip="Replace the network (you can undo this)")
        self.start_button.on_click(lambda _: self.start_over())
        self.toolbar = W.HBox(
            [self.undo_button, self.start_choice, self.start_name, self.start_button],
            layout=W.Layout(flex_flow="row wrap"),
        )

        # another builder saved to the same autosave file: two choices, neither loses anything
        self.keep_mine_button = W.Button(
            description="Keep mine in a new file",
            icon="save",
            tooltip="Autosave this network in a new file from now on",
        )
        self.open_other_button = W.Button(
            description="Open the other network",
            icon="folder-open",
            tooltip="Yours is first kept in a new file; Undo brings it back",
        )
        self.keep_mine_button.on_click(lambda _: self.keep_mine())
        self.open_other_button.on_click(lambda _: self.open_other())
        self.conflict_box = W.HBox(
            [self.keep_mine_button, self.open_other_button], layout=W.Layout(flex_flow="row wrap", display="none")
        )

        # add a node
        self.node_name = W.Text(description="Name:", placeholder="e.g. Ada Lovelace")
        self.node_kind = W.Dropdown(options=[(_KIND_LABELS[k], k) for k in OTHER_KINDS], description="Kind:")
        self.node_topic = W.Text(description="Topic:", placeholder="main topic or field")
        self.node_tags = W.Text(description="Tags:", placeholder="comma-separated, optional")
        self.node_note = W.Textarea(description="Note:", placeholder="optional")
        self.add_button = W.Button(description="Add node", button_style="primary", icon="plus")
        self.add_message = W.HTML()
        self.add_button.on_click(lambda _: self.add_node())
        add_box = W.VBox(
            [
                self.node_name,
                self.node_kind,
                self.node_topic,
                self.node_tags,
                self.node_note,
                self.add_button,
                self.add_message,
            ]
        )

        # connect two nodes
        self.tie_a = W.Dropdown(description="From:")
        self.tie_b = W.Dropdown(description="To:")
        self.tie_strength = W.IntSlider(value=3, min=1, max=5, description="Strength:", continuous_update=False)
        self.tie_since = W.DatePicker(description="Since:")
        self.tie_last = W.DatePicker(description="Last contact:", style={"description_width": "initial"})
        self.tie_initiator = W.Dropdown(
            options=[("not recorded", None)] + [(i, i) for i in INITIATORS],
            description="Started by:",
            style={"description_width": "initial"},
        )
        self.connect_button = W.Button(description="Connect", button_style="primary", icon="link")
        self.connect_message = W.HTML()
        self.connect_button.on_click(lambda _: self.connect())
        connect_box = W.VBox(
            [
                self.tie_a,
                self.tie_b,
                self.tie_strength,
                self.tie_since,
                self.tie_last,
                self.tie_initiator,
                self.connect_button,
                self.connect_message,
            ]
        )

        # edit or remove
        self.edit_node = W.Dropdown(description="Node:")
        self.edit_new_name = W.Text(description="New name:", style={"description_width": "initial"})
        self.rename_button = W.Button(description="Rename")
        self.edit_topic = W.Text(description="Topic:")
        self.edit_topic_button = W.Button(description="Change topic")
        self.remove_button = W.Button(description="Remove node", button_style="danger", icon="trash")
        self.edit_tie = W.Dropdown(description="Tie:")
        self.edit_strength = W.IntSlider(value=3, min=1, max=5, description="Strength:", continuous_update=False)
        self.edit_last = W.DatePicker(description="Last contact:", style={"description_width": "initial"})
        self.edit_tie_button = W.Button(description="Update tie")
        self.disconnect_button = W.Button(description="Remove tie", button_style="danger", icon="unlink")
        self.edit_message = W.HTML()
        self.rename_button.on_click(lambda _: self.rename())
        self.edit_topic_button.on_click(lambda _: self.change_topic())
        self.remove_button.on_click(lambda _: self.remove())
        self.edit_tie_button.on_click(lambda _: self.update_tie())
        self.disconnect_button.on_click(lambda _: self.disconnect())
        edit_box = W.VBox(
            [
                W.HTML("<b>A node</b>"),
                self.edit_node,
                W.HBox([self.edit_new_name, self.rename_button]),
                W.HBox([self.edit_topic, self.edit_topic_button]),
                self.remove_button,
                W.HTML("<b>A tie</b>"),
                self.edit_tie,
                self.edit_strength,
                self.edit_last,
                W.HBox([self.edit_tie_button, self.disconnect_button]),
                self.edit_message,
            ]
        )

        # save and share
        self.export_links = W.HTML()
        self.export_button = W.Button(description="Prepare downloads", icon="download")
        self.export_button.on_click(lambda _: self.prepare_downloads())
        self.upload = W.FileUpload(accept=".json,.graphml,.xml,.csv", multiple=True, description="Import")
        self.import_button = W.Button(description="Import the uploaded file(s)", icon="upload")
        self.import_button.on_click(lambda _: self.import_upload())
        self.share_message = W.HTML()
        share_box = W.VBox(
            [
                W.HTML(
                    "<p>Your network is <b>autosaved</b> after every change. Binder sessions end after "
                    "about ten idle minutes and their files are deleted: download a copy to keep it.</p>"
                ),
                self.export_button,
                self.export_links,
                W.HTML(
                    "<p>Import a network saved by the kit (JSON or GraphML), or a CSV pair "
                    "(the nodes file and the ties file together, in either order: their header rows tell "
                    "them apart). Importing replaces the network; Undo brings it back.</p>"
                ),
                W.HBox([self.upload, self.import_button]),
                self.share_message,
            ]
        )

        self.tabs = W.Tab(children=[add_box, connect_box, edit_box, share_box])
        for i, title in enumerate(["Add a node", "Connect", "Edit or remove", "Save & share"]):
            self.tabs.set_title(i, title)
        self.picture = W.HTML(layout=W.Layout(width="100%"))
        self.measures_html = W.HTML()
        self.suggestions_html = W.HTML()
        self.panels = W.VBox([self.measures_html, self.suggestions_html])
        self.edit_node.observe(self._load_node_fields, names="value")
        self.edit_tie.observe(self._load_tie_fields, names="value")

    # --- actions (each: validate in the model, refresh, or show the message) ----------

    def _attempt(self, label: str, change: Callable, message: widgets.HTML, done: str, clear: tuple = ()) -> bool:
        try:
            self.session.do(label, change)
        except NetworkError as err:
            message.value = _message("error", str(err))
            return False
        for field in clear:  # before the message, so a fast learner never types into a stale form
            field.value = ""
        self.refresh()
        message.value = _message("ok", done)
        return True

    @property
    def network(self) -> LearningNetwork:
        """The network being built (the session's current network)."""
        return self.session.network

    def add_node(self) -> bool:
        """Add the node described in the form; True if it was added, else the reason is shown."""
        name = self.node_name.value
        tags = [t.strip() for t in self.node_tags.value.split(",") if t.strip()]
        topic, note = self.node_topic.value.strip(), self.node_note.value
        return self._attempt(
            f"add {name.strip()}",
            lambda net: net.add(name, self.node_kind.value, topic=topic, tags=tags, note=note),
            self.add_message,
            f"Added {name.strip()}.",
            clear=(self.node_name, self.node_topic, self.node_tags, self.node_note),
        )

    def connect(self) -> bool:
        """Tie the two chosen nodes; True if the tie was added, else the reason is shown."""
        a, b = self.tie_a.value, self.tie_b.value
        if a is None or b is None:
            self.connect_message.value = _message("error", "Choose two nodes to connect (add a node first).")
            return False
        return self._attempt(
            f"connect {a} and {b}",
            lambda net: net.connect(
                a,
                b,
                strength=self.tie_strength.value,
                since=_date_or_none(self.tie_since.value),
                last_contact=_date_or_none(self.tie_last.value),
                initiated_by=self.tie_initiator.value,
            ),
            self.connect_message,
            f"Connected {a} and {b}.",
        )

    def rename(self) -> bool:
        """Rename the chosen node; True if it was renamed, else the reason is shown."""
        old, new = self.edit_node.value, self.edit_new_name.value
        if old is None:
            self.edit_message.value = _message("error", "Choose a node first.")
            return False
        return self._attempt(
            f"rename {old}",
            lambda net: net.rename(old, new),
            self.edit_message,
            f"Renamed {old} to {new.strip()}.",
            clear=(self.edit_new_name,),
        )

    def change_topic(self) -> bool:
        """Set the chosen node's topic; True if it was changed, else the reason is shown."""
        name = self.edit_node.value
        if name is None:
            self.edit_message.value = _message("error", "Choose a node first.")
            return False
        return self._attempt(
            f"change the topic of {name}",
            lambda net: net.edit(name, topic=self.edit_topic.value.strip()),
            self.edit_message,
            f"Changed the topic of {name}.",
        )

    def remove(self) -> bool:
        """Remove the chosen node and its ties; True if it was removed, else the reason is shown."""
        name = self.edit_node.value
        if name is None:
            self.edit_message.value = _message("error", "Choose a node first.")
            return False
        return self._attempt(
            f"remove {name}",
            lambda net: net.remove(name),
            self.edit_message,
            f"Removed {name} and its ties (Undo brings them back).",
        )

    def _chosen_tie(self):
        pair = self.edit_tie.value
        if pair is None:
            self.edit_message.value = _message("error", "Choose a tie first.")
        return pair

    def update_tie(self) -> bool:
        """Set the chosen tie's strength and last contact; True if it was changed, else the reason is shown."""
        pair = self._chosen_tie()
        if pair is None:
            return False
        a, b = pair
        return self._attempt(
            f"update the tie {a}–{b}",
            lambda net: net.edit_tie(
                a, b, strength=self.edit_strength.value, last_contact=_date_or_none(self.edit_last.value)
            ),
            self.edit_message,
            f"Updated the tie {a}–{b}.",
        )

    def disconnect(self) -> bool:
        """Remove the chosen tie; True if it was removed, else the reason is shown."""
        pair = self._chosen_tie()
        if pair is None:
            return False
        a, b = pair
        return self._attempt(
            f"remove the tie {a}–{b}", lambda net: net.disconnect(a, b), self.edit_message, f"Removed the tie {a}–{b}."
        )

    def _say(self, kind: str, text: str) -> None:
        """Show a message in the status line, unless an autosave problem is shown there."""
        if not self.session.save_error:
            self.status.value = _message(kind, text)

    def undo(self) -> str | None:
        """Undo the last change; its label, or None when there was nothing to undo."""
        label = self.session.undo()
        self.refresh()
        if label:
            self._say("ok", f"Undid: {label}.")
        else:
            self._say("info", "Nothing to undo.")
        return label

    def start_over(self) -> bool:
        """Replace the network by the chosen example or an empty one; True if it was replaced."""
        key = self.start_choice.value
        try:
            if key:
                fresh = load_example(key)
            else:
                fresh = LearningNetwork(self.start_name.value.strip() or "Me")
            self.session.replace(fresh, "start over")
        except NetworkError as err:
            self.status.value = _message("error", str(err))
            return False
        self.refresh()
        self._say("ok", "Started a new network. Undo brings the previous one back.")
        return True

    def _download_kinds(self) -> list[tuple[str, str, Callable[[], str], str]]:
        """Each download: file name, type, how to make its text, label."""
        net = self.network
        return [
            ("my-learning-network.json", "application/json", lambda: to_json(net), "Your network (JSON: everything)"),
            (
                "my-learning-network-nodes.csv",
                "text/csv",
                lambda: "\ufeff" + to_csv(net)[0],
                "Nodes (CSV, for spreadsheets)",
            ),
            ("my-learning-network-ties.csv", "text/csv", lambda: "\ufeff" + to_csv(net)[1], "Ties (CSV)"),
            (
                "my-learning-network-anonymised.json",
                "application/json",
                lambda: to_json(anonymised(net)),
                "Anonymised copy (people's names replaced, notes removed): for sharing with a class",
            ),
        ]

    def prepare_downloads(self) -> None:
        """Put download links (JSON, CSV pair, anonymised JSON) under the button.

        Each link is made on its own: if one cannot be made, the others still
        appear, and a message in its place says which one failed.
        """
        items = []
        for filename, mime, make, label in self._download_kinds():
            try:
                data = base64.b64encode(make().encode("utf-8")).decode("ascii")
            except Exception as err:  # one kind failing must not take the others with it
                # a kit error explains itself to the learner; anything else is named, not quoted
                why = err if isinstance(err, NetworkError) else f"an error in the kit ({type(err).__name__})"
                items.append(
                    f"<li class='kit-error' role='alert' style='color:#a40000'>⚠ "
                    f"{html.escape(label)}: could not be prepared ({html.escape(f'{why}')}). "
                    "The other downloads are complete.</li>"
                )
                continue
            items.append(
                f"<li><a download='{filename}' href='data:{mime};charset=utf-8;base64,{data}'>"
                f"{html.escape(label)}</a></li>"
            )
        self.export_links.value = (
            f"<ul class='kit-downloads'>{''.join(items)}</ul><small>File format version {FORMAT_VERSION}.</small>"
        )

    def keep_mine(self) -> bool:
        """After another builder saved to the same file: autosave this network in a new file."""
        path = self.session.save_as_new()
        self.refresh()
        if path is None:
            return False
        self._say(
            "ok",
            f"Your network is kept and autosaved in {path.name} from now on; "
            "the other builder's file was left as it is.",
        )
        return True

    def open_other(self) -> bool:
        """After another builder saved to the same file: open its network, keeping this one."""
        kept = self.session.open_other()
        self.refresh()
        if kept is None:
            return False
        self._say(
            "ok",
            f"Opened the network the other builder saved. Yours is kept in {kept.name}, and Undo brings it back here.",
        )
        return True

    def _csv_pair(self, files: list) -> tuple[bytes, bytes] | None:
        """The (nodes, ties) contents of two uploaded CSV files, told apart by their header rows."""
        kinds = [csv_kind(bytes(f["content"])) for f in files]
        if sorted(kinds, key=str) == ["nodes", "ties"]:
            nodes, ties = (files[0], files[1]) if kinds[0] == "nodes" else (files[1], files[0])
            return bytes(nodes["content"]), bytes(ties["content"])
        described = "; ".join(
            f"'{f['name']}' " + (f"looks like the {kind} file" if kind else "is neither")
            for f, kind in zip(files, kinds)
        )
        self.share_message.value = _message(
            "error",
            f"Could not tell which file holds the nodes and which the ties ({described}): the first row of "
            f"the nodes file must be {','.join(NODE_COLUMNS)} and that of the ties file "
            f"{','.join(TIE_COLUMNS)}. Fix the header rows (the templates show them) and upload both again.",
        )
        return None

    def import_upload(self) -> bool:
        """Replace the network by the uploaded file(s); True if it was replaced, else the reason is shown."""
        files = list(self.upload.value)
        if not files:
            self.share_message.value = _message("error", "Choose a file with the Import button first.")
            return False
        try:
            if len(files) == 2:
                pair = self._csv_pair(files)
                if pair is None:
                    return False
                with caught_notices() as notices:
                    fresh = load(pair)
            elif len(files) == 1:
                with caught_notices() as notices:
                    fresh = load(bytes(files[0]["content"]), name=files[0]["name"])
            else:
                self.share_message.value = _message(
                    "error", "Upload one JSON or GraphML file, or two CSV files (nodes and ties) together."
                )
                return False
            self.session.replace(fresh, "import")
        except NetworkError as err:
            self.share_message.value = _message("error", str(err))
            return False
        finally:
            self.upload.value = ()
        self.share_message.value = _message(
            "ok",
            f"Imported a network of {len(fresh)} nodes and {len(fresh.ties)} ties (Undo brings back the previous one).",
        )
        for notice in notices:
            self.share_message.value += _message("info", notice)
        self.refresh()
        return True

    # --- the view -----------------------------------------------------------------------

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

    def refresh(self) -> None:
        """Redraw the graph and recompute measures and suggestions from the network."""
        net = self.network
        names = [n.name for n in net.nodes]
        for dropdown in (self.tie_a, self.tie_b):
            keep = dropdown.value
            dropdown.options = names
            dropdown.value = keep if keep in names else (names[0] if dropdown is self.tie_a and names else None)
        others = [n for n in names if n != net.me]
        keep = self.edit_node.value
        self.edit_node.options = others
        self.edit_node.value = keep if keep in others else None
        ties = [(f"{t.a} – {t.b}", (t.a, t.b)) for t in net.ties]
        keep = self.edit_tie.value
        self.edit_tie.options = ties
        self.edit_tie.value = keep if keep in [v for _, v in ties] else None
        self.undo_button.disabled = not self.session.can_undo
        graph = net.to_networkx()
        self._positions = extend_positions(graph, getattr(self, "_positions", {}))
        self.picture.value = draw(
            graph, title=net.metadata.title or f"{net.me}'s learning network", pos=self._positions
        ).html
        measures_html, suggestions_html = self._measures(net, self.as_of)
        self.measures_html.value = measures_html
        self.suggestions_html.value = suggestions_html
        self.conflict_box.layout.display = "flex" if self.session.conflict else "none"
        if self.session.save_error:
            self.status.value = _message("error", self.session.save_error)
            self._showing_save_error = True
        elif getattr(self, "_showing_save_error", False):
            self.status.value = _message("ok", "Your network is autosaved again.")
            self._showing_save_error = False


def _kit_measures(net: LearningNetwork, as_of: datetime.date) -> tuple[str, str]:
    """The kit's measures (with the Downes profile) and suggestions, as HTML."""
    from connectivism.measures import measure_all
    from connectivism.measures.report import measures_table, profile_table, suggestions_list
    from connectivism.suggestions import suggest

    measures = measure_all(net, as_of=as_of)
    suggestions = suggest(net, as_of=as_of, measures=measures)
    return (
        f"<div class='kit-measures'>{measures_table(measures).html}{profile_table(measures).html}</div>",
        f"<div class='kit-next-steps'>{suggestions_list(suggestions, measures).html}</div>",
    )


def build_network(**kwargs) -> NetworkBuilder:
    """Start the builder (restoring your autosave if there is one); see :class:`NetworkBuilder`."""
    return NetworkBuilder(**kwargs)
