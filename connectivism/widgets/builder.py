"""Map your learning network: the interactive builder.

A thin view over :class:`connectivism.session.EditSession` (undo, autosave),
the measures, the suggestions and the renderer. The builder composes its
panels (add, connect, edit or remove, and the view in
:mod:`connectivism.widgets.panels`; import from your tools in
:mod:`connectivism.widgets.importing`; save and share in
:mod:`connectivism.widgets.sharing`) under a toolbar (undo, start over) and a
status line. Every control can be driven from Python (set ``.value``, call
``.click()``), which is how it is tested. Bad input shows a message next to
the control and changes nothing. Every text comes from
:mod:`connectivism.widgets.messages`.

In the browser edition the builder is started with ``builder = await
open_builder()``: opening the browser's storage (:mod:`connectivism.browser`)
must be awaited before the autosave can be read. Elsewhere
:func:`open_builder` is :func:`build_network`, so one notebook cell serves
JupyterLab, a hub, Binder and the browser edition alike (a top-level
``await`` works in all of them).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import ipywidgets as widgets

from connectivism import browser
from connectivism.errors import NetworkError
from connectivism.examples import EXAMPLES, load_example
from connectivism.network import LearningNetwork
from connectivism.session import EditSession, as_of_default
from connectivism.widgets.importing import ImportPanel
from connectivism.widgets.messages import text
from connectivism.widgets.panels import AddPanel, ConnectPanel, EditPanel, ViewPanel, message_html
from connectivism.widgets.sharing import SharePanel

__all__ = ["NetworkBuilder", "build_network", "open_builder"]

_WIDE = widgets.Layout(width="auto", min_width="16em")

#: The panels' controls that are also attributes of the builder (its API before the panels), by panel.
_SHOWN = {
    "adding": ("node_name", "node_kind", "node_topic", "node_tags", "node_note", "add_button"),
    "connecting": ("tie_a", "tie_b", "tie_strength", "tie_since", "tie_last", "tie_initiator", "connect_button"),
    "editing": (
        "edit_node",
        "edit_new_name",
        "rename_button",
        "edit_topic",
        "edit_topic_button",
        "remove_button",
        "edit_tie",
        "edit_strength",
        "edit_last",
        "edit_tie_button",
        "disconnect_button",
    ),
    "sharing": ("export_links", "export_button", "upload", "import_button"),
    "view": ("picture", "measures_html", "suggestions_html", "panels"),
}


class NetworkBuilder(widgets.VBox):
    """The builder: add, connect, edit, import from your tools, undo, see measures and suggestions, save and share.

    The panels are attributes (``adding``, ``connecting``, ``editing``,
    ``importing``, ``sharing``, ``view``); their controls are also attributes of the builder
    under the same names (``builder.node_name`` is ``builder.adding.node_name``),
    and so are their message lines (``add_message``, ``connect_message``,
    ``edit_message``, ``share_message``).

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
        self._showing_save_error = False
        W = widgets
        self.status = W.HTML()
        self.undo_button = W.Button(description=text("undo"), icon="undo", tooltip=text("undo.tooltip"))
        self.undo_button.on_click(lambda _: self.undo())
        self.start_choice = W.Dropdown(
            options=[(text("start.empty"), "")]
            + [(text("start.example", description=d), k) for k, (_, d) in EXAMPLES.items()],
            description=text("start.choice"),
            style={"description_width": "initial"},
            layout=_WIDE,
        )
        self.start_name = W.Text(
            description=text("start.name"),
            placeholder=text("start.default_name"),
            style={"description_width": "initial"},
        )
        self.start_button = W.Button(description=text("start"), tooltip=text("start.tooltip"))
        self.start_button.on_click(lambda _: self.start_over())
        self.toolbar = W.HBox(
            [self.undo_button, self.start_choice, self.start_name, self.start_button],
            layout=W.Layout(flex_flow="row wrap"),
        )
        # another builder saved to the same autosave file: two choices, neither loses anything
        self.keep_mine_button = W.Button(
            description=text("conflict.keep_mine"), icon="save", tooltip=text("conflict.keep_mine.tooltip")
        )
        self.open_other_button = W.Button(
            description=text("conflict.open_other"), icon="folder-open", tooltip=text("conflict.open_other.tooltip")
        )
        self.keep_mine_button.on_click(lambda _: self.keep_mine())
        self.open_other_button.on_click(lambda _: self.open_other())
        self.conflict_box = W.HBox(
            [self.keep_mine_button, self.open_other_button], layout=W.Layout(flex_flow="row wrap", display="none")
        )

        self.adding = AddPanel(session, self.refresh)
        self.connecting = ConnectPanel(session, self.refresh)
        self.editing = EditPanel(session, self.refresh)
        self.sharing = SharePanel(session, self.refresh)
        self.importing = ImportPanel(session, self.refresh)
        self.view = ViewPanel(measures or _kit_measures, self.as_of)
        for panel, names in _SHOWN.items():
            for name in names:
                setattr(self, name, getattr(getattr(self, panel), name))
        self.add_message = self.adding.message
        self.connect_message = self.connecting.message
        self.edit_message = self.editing.message
        self.share_message = self.sharing.message
        self.tabs = W.Tab(
            children=[self.adding.box, self.connecting.box, self.editing.box, self.importing.box, self.sharing.box]
        )
        for i, key in enumerate(["tab.add", "tab.connect", "tab.edit", "tab.import", "tab.share"]):
            self.tabs.set_title(i, text(key))

        super().__init__(
            [self.status, self.conflict_box, self.toolbar, self.tabs, self.picture, self.panels],
            layout=widgets.Layout(width="100%"),
        )
        note = self.session.notice
        if self.session.restored:
            self.status.value = message_html("ok", text("restored"))
            if note:
                self.status.value += message_html("info", note)
        elif note:
            self.status.value = message_html("info", note)
        if self.session.in_browser_store:
            self._in_browser()
        self.refresh()

    def _in_browser(self) -> None:
        """The browser edition: say where the network lives; hear about failed copies and other tabs."""
        error = browser.last_error()
        self.status.value += message_html(
            "error" if error else "info", text("browser.not_kept", error=error) if error else text("browser.kept")
        )
        self.session.on_stored = self._show_save_state
        browser.listen(self._other_tab)

    def _other_tab(self, kind: str) -> None:
        """Another tab of this browser opened the store, or saved or forgot there (see :func:`browser.listen`)."""
        key = {"open": "browser.other_tab", "here": "browser.other_tab", "saved": "browser.other_saved"}
        line = message_html("info", text(key.get(kind, "browser.other_forgot")))
        if line not in self.status.value:  # added to what the status says (welcome back, an autosave problem)
            self.status.value += line

    @property
    def network(self) -> LearningNetwork:
        """The network being built (the session's current network)."""
        return self.session.network

    @property
    def _positions(self) -> dict:
        """Where each node is drawn (kept by the view, so nodes stay put)."""
        return self.view.positions

    # --- the panels' actions, as before the panels ----------------------------------------

    def add_node(self) -> bool:
        """Add the node described in the form (:class:`~connectivism.widgets.panels.AddPanel`)."""
        return self.adding.add_node()

    def connect(self) -> bool:
        """Tie the two chosen nodes (:class:`~connectivism.widgets.panels.ConnectPanel`)."""
        return self.connecting.connect()

    def rename(self) -> bool:
        """Rename the chosen node (:class:`~connectivism.widgets.panels.EditPanel`)."""
        return self.editing.rename()

    def change_topic(self) -> bool:
        """Set the chosen node's topic (:class:`~connectivism.widgets.panels.EditPanel`)."""
        return self.editing.change_topic()

    def remove(self) -> bool:
        """Remove the chosen node and its ties (:class:`~connectivism.widgets.panels.EditPanel`)."""
        return self.editing.remove()

    def update_tie(self) -> bool:
        """Set the chosen tie's strength and last contact (:class:`~connectivism.widgets.panels.EditPanel`)."""
        return self.editing.update_tie()

    def disconnect(self) -> bool:
        """Remove the chosen tie (:class:`~connectivism.widgets.panels.EditPanel`)."""
        return self.editing.disconnect()

    def prepare_downloads(self) -> None:
        """Put download links under the button (:class:`~connectivism.widgets.sharing.SharePanel`)."""
        self.sharing.prepare_downloads()

    def import_upload(self) -> bool:
        """Replace the network by the uploaded file(s) (:class:`~connectivism.widgets.sharing.SharePanel`)."""
        return self.sharing.import_upload()

    # --- the toolbar ------------------------------------------------------------------

    def _say(self, kind: str, message: str) -> None:
        """Show a message in the status line, unless an autosave problem is shown there."""
        if not self.session.save_error:
            self.status.value = message_html(kind, message)

    def undo(self) -> str | None:
        """Undo the last change; its label, or None when there was nothing to undo."""
        label = self.session.undo()
        self.refresh()
        if label:
            self._say("ok", text("undo.done", label=label))
        else:
            self._say("info", text("undo.nothing"))
        return label

    def start_over(self) -> bool:
        """Replace the network by the chosen example or an empty one; True if it was replaced."""
        key = self.start_choice.value
        try:
            if key:
                fresh = load_example(key)
            else:
                fresh = LearningNetwork(self.start_name.value.strip() or text("start.default_name"))
            self.session.replace(fresh, text("start.label"))
        except NetworkError as err:
            self.status.value = message_html("error", str(err))
            return False
        self.refresh()
        self._say("ok", text("start.done"))
        return True

    def keep_mine(self) -> bool:
        """After another builder saved to the same file: autosave this network in a new file."""
        path = self.session.save_as_new()
        self.refresh()
        if path is None:
            return False
        self._say("ok", text("conflict.kept", file=path.name))
        return True

    def open_other(self) -> bool:
        """After another builder saved to the same file: open its network, keeping this one."""
        kept = self.session.open_other()
        self.refresh()
        if kept is None:
            return False
        self._say("ok", text("conflict.opened", file=kept.name))
        return True

    def refresh(self) -> None:
        """Bring every panel in line with the network; redraw, recompute measures and suggestions."""
        net = self.network
        self.connecting.update(net)
        self.editing.update(net)
        self.importing.update(net)
        self.undo_button.disabled = not self.session.can_undo
        self.view.update(net)
        self._show_save_state()

    def _show_save_state(self) -> None:
        """Show an autosave problem (or that autosaving works again) and the conflict's choices."""
        self.conflict_box.layout.display = "flex" if self.session.conflict else "none"
        if self.session.save_error:
            self.status.value = message_html("error", self.session.save_error)
            self._showing_save_error = True
        elif self._showing_save_error:
            self.status.value = message_html("ok", text("view.autosaved_again"))
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


async def open_builder(**kwargs) -> NetworkBuilder:
    """Start the builder, in the browser edition from the network kept in this browser.

    In the browser edition this opens the browser's storage first
    (:func:`connectivism.browser.open_store`), so the network autosaved there
    after a reload, or a closed tab, is resumed (format migrations apply, as
    for any file). Elsewhere it is :func:`build_network`. Await it:
    ``builder = await open_builder(start="teacher")``.

    Parameters
    ----------
    **kwargs
        As for :class:`NetworkBuilder`.
    """
    await browser.open_store()
    return NetworkBuilder(**kwargs)
