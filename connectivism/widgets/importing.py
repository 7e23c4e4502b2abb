"""The builder's "Import from your tools" panel: read an export, choose candidates, add them as one change.

A :class:`~connectivism.widgets.panels.Panel` like the others. The learner
picks the kind of file (one per reader of :data:`connectivism.imports.READERS`,
or of the readers given), uploads it and presses "Read the file"; the
candidates appear by group (folder, server, site), one multi-select list per
group with the kind to add them as. Groups of more than :data:`OPEN_LIMIT`
start unselected. Candidates whose name matches a node of the network are
marked, and merged into it when added. "Add the selected" adds them with
:func:`connectivism.imports.add_candidates` inside one
:meth:`~connectivism.session.EditSession.do`: one Undo takes it back, and an
addition that would pass the network's limits is refused with nothing added,
saying how many to deselect.

Readers that take a ``threshold`` (the reference libraries: authors and
journals cited in at least that many entries) get a slider, shown only while
such a reader is chosen; moving it reads the last file again. A file that
the chosen reader refuses but that has another export's header structure
(:data:`connectivism.imports.SIGNS`: a LinkedIn CSV read as Mastodon's, or
the other way round) is refused saying which export it looks like.

The panel can be made and driven alone::

    panel = ImportPanel(session, changed=lambda: None)            # every registered reader
    panel = ImportPanel(session, changed, readers={"opml": read_opml})
    panel.show(read_opml("subscriptions.opml"))   # or upload, then panel.read_upload()
    panel.groups[0].select.value = (0, 1)
    panel.add_selected()

Every text comes from :mod:`connectivism.widgets.messages`. The file is read
by the kernel (the browser's, in the browser edition) and sent nowhere.
"""

from __future__ import annotations

import html
import inspect
from collections import Counter
from collections.abc import Callable, Mapping

import ipywidgets as widgets

from connectivism.errors import FileFormatError, NetworkError, SelectionTooLargeError
from connectivism.imports import READERS, SIGNS, Candidate, Candidates, add_candidates
from connectivism.imports.references import DEFAULT_THRESHOLD
from connectivism.network import MAX_NODES, MAX_TIES, OTHER_KINDS, LearningNetwork, normalise_name
from connectivism.session import EditSession
from connectivism.widgets.messages import text
from connectivism.widgets.panels import Panel, message_html

__all__ = ["OPEN_LIMIT", "MAX_THRESHOLD", "GroupChoice", "ImportPanel", "reader_label", "takes_threshold"]

#: Groups with more candidates than this start unselected.
OPEN_LIMIT = 25
#: The highest threshold the slider offers (the lowest is 1: every author cited).
MAX_THRESHOLD = 20


def takes_threshold(reader: Callable[..., Candidates]) -> bool:
    """Whether `reader` takes a keyword ``threshold`` (as the reference readers do).

    Examples
    --------
    >>> from connectivism.imports import READERS
    >>> [key for key, reader in READERS.items() if takes_threshold(reader)]
    ['bibtex', 'ris']
    """
    try:
        return "threshold" in inspect.signature(reader).parameters
    except (TypeError, ValueError):  # a callable without a signature
        return False


def reader_label(key: str) -> str:
    """The label of a reader in the panel: its catalogue text, else its key (a reader added later)."""
    try:
        return text(f"import.reader.{key}")
    except KeyError:
        return key


class GroupChoice:
    """One group of candidates: a heading, the kind to add them as, and a multi-select list.

    Parameters
    ----------
    group : str
        The group's name (``""``: none).
    candidates : tuple of Candidate
    """

    def __init__(self, group: str, candidates: tuple[Candidate, ...]) -> None:
        W = widgets
        self.group = group
        self.candidates = candidates
        self.keys = [normalise_name(c.name) for c in candidates]
        kind = Counter(c.kind for c in candidates).most_common(1)[0][0]
        self.heading = W.HTML()
        self.kind = W.Dropdown(
            options=[(text(f"kind.{k}"), k) for k in OTHER_KINDS],
            value=kind if kind in OTHER_KINDS else "person",
            description=text("import.group.kind"),
        )
        # at least two rows: a list of one row looks like a drop-down in browsers (LinkedIn's years, a library's groups)
        rows = max(2, min(len(candidates), 8))
        self.select = W.SelectMultiple(rows=rows, layout=W.Layout(width="auto", min_width="24em"))
        self._labels: tuple = ()
        self.box = W.VBox([self.heading, W.HBox([self.select, self.kind], layout=W.Layout(flex_flow="row wrap"))])

    def update(self, keys: set[str], me: str, first: bool = False) -> None:
        """Mark the candidates whose key is in `keys` (the network's), or is `me`'s; keep the selection.

        At first (``first=True``) a group of at most :data:`OPEN_LIMIT` is all selected, a larger one not.
        """
        labels = []
        merged = 0
        for index, (candidate, key) in enumerate(zip(self.candidates, self.keys)):
            if key == me:
                shown = text("import.is_you", name=candidate.name)
            elif key in keys:
                shown = text("import.in_network", name=candidate.name)
                merged += 1
            else:
                shown = candidate.name
            labels.append((shown, index))
        name = self.group or text("import.group.none")
        heading = (
            text("import.group.heading.merged", group=name, count=len(self.candidates), merged=merged)
            if merged
            else text("import.group.heading", group=name, count=len(self.candidates))
        )
        self.heading.value = f"<b>{html.escape(heading)}</b>"
        if tuple(labels) != self._labels:
            keep = self.select.value
            self.select.options = labels
            self._labels = tuple(labels)
            if first:
                keep = tuple(range(len(labels))) if len(labels) <= OPEN_LIMIT else ()
            self.select.value = keep

    def chosen(self) -> list[tuple[Candidate, str]]:
        """The selected candidates, each with the kind chosen for the group."""
        return [(self.candidates[index], self.kind.value) for index in self.select.value]


class ImportPanel(Panel):
    """Import from your tools: read an export, choose candidates by group, add them as one change.

    Parameters
    ----------
    session : EditSession
        The network being edited.
    changed : callable
        Called with no arguments after every change.
    readers : mapping of str to callable, optional
        The readers offered, by key (default: every reader registered in
        :data:`connectivism.imports.READERS` when the panel is made). A
        reader takes the bytes of a file and a keyword ``name`` and returns
        :class:`~connectivism.imports.Candidates`; a key with no label in the
        catalogue (``import.reader.<key>``) is shown as it is.
    """

    def __init__(
        self,
        session: EditSession,
        changed: Callable[[], None],
        readers: Mapping[str, Callable[..., Candidates]] | None = None,
    ) -> None:
        super().__init__(session, changed)
        W = widgets
        self.readers = dict(READERS if readers is None else readers)
        self.reader = W.Dropdown(
            options=[(reader_label(key), key) for key in self.readers],
            description=text("import.reader"),
            style={"description_width": "initial"},
            layout=W.Layout(width="auto"),
        )
        self.threshold = W.IntSlider(
            value=DEFAULT_THRESHOLD,
            min=1,
            max=MAX_THRESHOLD,
            description=text("import.threshold"),
            style={"description_width": "initial"},
            layout=W.Layout(width="auto", min_width="32em"),
        )
        self.threshold.observe(lambda _: self._read_again(), names="value")
        self.reader.observe(lambda _: self._show_threshold(), names="value")
        self.upload = W.FileUpload(multiple=False, description=text("import.upload"))
        self.read_button = W.Button(description=text("import.read"), icon="search")
        self.read_button.on_click(lambda _: self.read_upload())
        self.found_html = W.HTML()
        self.groups_box = W.VBox()
        self.add_button = W.Button(description=text("import.add"), button_style="primary", icon="plus", disabled=True)
        self.add_button.on_click(lambda _: self.add_selected())
        self.found: Candidates | None = None
        self.file_name = ""
        self.groups: list[GroupChoice] = []
        # the last file read by a reader that takes a threshold, read again when the threshold moves
        self._last: tuple[str, bytes, str] | None = None
        self._show_threshold()
        self.box = W.VBox(
            [
                W.HTML(text("import.privacy.html")),
                self.reader,
                self.threshold,
                W.HBox([self.upload, self.read_button], layout=W.Layout(flex_flow="row wrap")),
                self.message,
                self.found_html,
                self.groups_box,
                self.add_button,
            ]
        )

    def read_upload(self) -> bool:
        """Read the uploaded file with the chosen reader and show its candidates; True if it was read."""
        files = list(self.upload.value)
        if not files or self.reader.value not in self.readers:
            self.say("error", text("import.choose_file"))
            return False
        upload = files[0]
        try:
            return self._read(self.reader.value, bytes(upload["content"]), upload["name"])
        finally:
            self.upload.value = ()

    def _read(self, key: str, data: bytes, file_name: str) -> bool:
        """Read `data` with the reader `key` (and the threshold, if it takes one) and show the candidates."""
        reader = self.readers[key]
        options = {"threshold": self.threshold.value} if takes_threshold(reader) else {}
        self._last = None
        try:
            found = reader(data, name=file_name, **options)
        except FileFormatError as err:
            other = self._looks_like(key, data)
            if other is None:
                self.say("error", str(err))
            else:
                self.say(
                    "error",
                    text("import.looks_like", file=file_name, looks=reader_label(other), chosen=reader_label(key)),
                )
            return False
        except NetworkError as err:
            self.say("error", str(err))
            return False
        if options:
            self._last = (key, data, file_name)
        self.show(found, file_name)
        return True

    def _looks_like(self, key: str, data: bytes) -> str | None:
        """The key of another offered reader whose export `data` looks like (by its header), or None."""
        for other, sign in SIGNS.items():
            if other != key and other in self.readers and sign(data):
                return other
        return None

    def _show_threshold(self) -> None:
        """Show the threshold only while a reader that takes one is chosen."""
        reader = self.readers.get(self.reader.value)
        self.threshold.layout.display = "" if reader is not None and takes_threshold(reader) else "none"

    def _read_again(self) -> None:
        """The threshold moved: read the last file again, if it was read by a reader that takes one."""
        if self._last is not None:
            self._read(*self._last)

    def show(self, found: Candidates, file_name: str = "") -> None:
        """Show `found` by group, ready to choose from (replacing what was shown)."""
        self.found, self.file_name = found, file_name
        self.groups = [GroupChoice(group, members) for group, members in found.groups().items()]
        keys, me = _keys(self.network)
        for choice in self.groups:
            choice.update(keys, me, first=True)
        self.groups_box.children = [choice.box for choice in self.groups]
        self.add_button.disabled = not self.groups
        self.message.value = message_html(
            "ok" if found.candidates else "info",
            text("import.found", count=len(found.candidates), groups=len(self.groups), most=OPEN_LIMIT),
        ) + "".join(message_html("info", notice) for notice in found.notices)

    def chosen(self) -> list[tuple[Candidate, str]]:
        """Every selected candidate with its group's kind, group by group."""
        return [pair for choice in self.groups for pair in choice.chosen()]

    def add_selected(self) -> bool:
        """Add the selected candidates as one change; True if added, else the reason is shown."""
        chosen = self.chosen()
        if self.found is None or not chosen:
            self.say("error", text("import.choose"))
            return False
        ties = self.found.ties
        try:
            done = self.session.do(
                text("import.label", count=len(chosen)), lambda net: add_candidates(net, chosen, ties)
            )
        except SelectionTooLargeError as err:
            most = {"nodes": f"{MAX_NODES:,}", "ties": f"{MAX_TIES:,}", "text": ""}[err.limit]
            self.say(
                "error", text(f"import.too_many.{err.limit}", chosen=len(chosen), deselect=err.deselect, most=most)
            )
            return False
        except NetworkError as err:
            self.say("error", str(err))
            return False
        self.changed()
        self.say("ok", text("import.added", added=done.added, merged=done.merged, ties=done.ties))
        return True

    def update(self, network: LearningNetwork) -> None:
        """Mark again which candidates are in the network (after an add, an undo, an import)."""
        keys, me = _keys(network)
        for choice in self.groups:
            choice.update(keys, me)


def _keys(network: LearningNetwork) -> tuple[set[str], str]:
    """The normalised names of the network's nodes, and of its learner."""
    return {normalise_name(node.name) for node in network.nodes}, normalise_name(network.me)
