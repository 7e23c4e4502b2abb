"""The builder's "Save & share" panel: download links (JSON, GraphML, CSV pair, anonymised JSON) and import.

A :class:`~connectivism.widgets.panels.Panel` like the others; every text
comes from :mod:`connectivism.widgets.messages`. In the browser edition
(the autosave kept in the browser's storage, :mod:`connectivism.browser`)
it says where the network lives and how to move it, and offers "Forget my
network", with a confirmation in the panel, for shared computers.
"""

from __future__ import annotations

import asyncio
import base64
import html
from collections.abc import Callable

import ipywidgets as widgets

from connectivism import browser
from connectivism.errors import NetworkError
from connectivism.formats import FORMAT_VERSION, load, to_csv, to_graphml, to_json
from connectivism.formats.csv_format import NODE_COLUMNS, TIE_COLUMNS, csv_kind
from connectivism.network import LearningNetwork
from connectivism.notices import caught_notices
from connectivism.privacy import anonymised
from connectivism.session import EditSession
from connectivism.widgets.messages import text
from connectivism.widgets.panels import Panel, message_html

__all__ = ["SharePanel"]


class SharePanel(Panel):
    """Save and share: download links (JSON, GraphML, CSV pair, anonymised JSON) and import."""

    def __init__(self, session: EditSession, changed: Callable[[], None]) -> None:
        super().__init__(session, changed)
        W = widgets
        self.export_links = W.HTML()
        self.export_button = W.Button(
            description=text("share.export"), icon="download", layout=W.Layout(width="max-content")
        )
        self.export_button.on_click(lambda _: self.prepare_downloads())
        self.upload = W.FileUpload(accept=".json,.graphml,.xml,.csv", multiple=True, description=text("share.upload"))
        self.import_button = W.Button(
            description=text("share.import"), icon="upload", layout=W.Layout(width="max-content")
        )
        self.import_button.on_click(lambda _: self.import_upload())
        # forget my network (the browser edition): a confirmation in the panel, not a dialog
        self.forget_button = W.Button(
            description=text("share.forget"),
            icon="trash",
            tooltip=text("share.forget.tooltip"),
            layout=W.Layout(width="max-content"),
        )
        self.forget_yes = W.Button(
            description=text("share.forget.yes"), button_style="danger", layout=W.Layout(width="max-content")
        )
        self.forget_cancel = W.Button(description=text("share.forget.cancel"))
        self.forget_button.on_click(lambda _: self.ask_forget())
        self.forget_yes.on_click(lambda _: asyncio.ensure_future(self.forget()))
        self.forget_cancel.on_click(lambda _: self.cancel_forget())
        self.forget_confirm = W.VBox(
            [
                W.HTML(f"<p role='alert'>{html.escape(text('share.forget.ask'))}</p>"),
                W.HBox([self.forget_yes, self.forget_cancel]),
            ],
            layout=W.Layout(display="none"),
        )
        in_store = session.in_browser_store
        self.forget_box = W.VBox(
            [self.forget_button, self.forget_confirm], layout=W.Layout(display="flex" if in_store else "none")
        )
        self.box = W.VBox(
            [
                W.HTML(text("share.browser.html" if in_store else "share.autosave.html")),
                self.export_button,
                self.export_links,
                W.HTML(text("share.import.html")),
                W.HBox([self.upload, self.import_button]),
                self.forget_box,
                self.message,
            ]
        )

    def _download_kinds(self) -> list[tuple[str, str, Callable[[], str], str]]:
        """Each download: file name, type, how to make its text, label."""
        net = self.network
        return [
            ("my-learning-network.json", "application/json", lambda: to_json(net), text("share.download.json")),
            (
                "my-learning-network.graphml",
                "application/graphml+xml",
                lambda: to_graphml(net).decode("utf-8"),
                text("share.download.graphml"),
            ),
            (
                "my-learning-network-nodes.csv",
                "text/csv",
                lambda: "\ufeff" + to_csv(net)[0],
                text("share.download.nodes"),
            ),
            (
                "my-learning-network-ties.csv",
                "text/csv",
                lambda: "\ufeff" + to_csv(net)[1],
                text("share.download.ties"),
            ),
            (
                "my-learning-network-anonymised.json",
                "application/json",
                lambda: to_json(anonymised(net)),
                text("share.download.anonymised"),
            ),
        ]

    def prepare_downloads(self) -> None:
        """Put download links (JSON, GraphML, CSV pair, anonymised JSON) under the button.

        Each link is made on its own: if one cannot be made, the others still
        appear, and a message in its place says which one failed.
        """
        items = []
        for filename, mime, make, label in self._download_kinds():
            try:
                data = base64.b64encode(make().encode("utf-8")).decode("ascii")
            except Exception as err:  # one kind failing must not take the others with it
                # a kit error explains itself to the learner; anything else is named, not quoted
                why = (
                    err if isinstance(err, NetworkError) else text("share.download.kit_error", error=type(err).__name__)
                )
                failed = text("share.download.failed", label=label, why=why)
                items.append(f"<li class='kit-error' role='alert' style='color:#a40000'>⚠ {html.escape(failed)}</li>")
                continue
            items.append(
                f"<li><a download='{filename}' href='data:{mime};charset=utf-8;base64,{data}'>"
                f"{html.escape(label)}</a></li>"
            )
        version = html.escape(text("share.format_version", version=FORMAT_VERSION))
        self.export_links.value = f"<ul class='kit-downloads'>{''.join(items)}</ul><small>{version}</small>"

    def _csv_pair(self, files: list) -> tuple[bytes, bytes] | None:
        """The (nodes, ties) contents of two uploaded CSV files, told apart by their header rows."""
        kinds = [csv_kind(bytes(f["content"])) for f in files]
        if sorted(kinds, key=str) == ["nodes", "ties"]:
            nodes, ties = (files[0], files[1]) if kinds[0] == "nodes" else (files[1], files[0])
            return bytes(nodes["content"]), bytes(ties["content"])
        described = "; ".join(text(f"share.csv.{kind or 'neither'}", name=f["name"]) for f, kind in zip(files, kinds))
        self.say(
            "error",
            text("share.csv.unclear", described=described, nodes=",".join(NODE_COLUMNS), ties=",".join(TIE_COLUMNS)),
        )
        return None

    def import_upload(self) -> bool:
        """Replace the network by the uploaded file(s); True if it was replaced, else the reason is shown."""
        files = list(self.upload.value)
        if not files:
            self.say("error", text("share.choose_file"))
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
                self.say("error", text("share.how_many"))
                return False
            self.session.replace(fresh, text("share.import.label"))
        except NetworkError as err:
            self.say("error", str(err))
            return False
        finally:
            self.upload.value = ()
        self.say("ok", text("share.imported", nodes=len(fresh), ties=len(fresh.ties)))
        for notice in notices:
            self.message.value += message_html("info", notice)
        self.changed()
        return True

    # --- forget my network (the browser edition) ---------------------------------------------

    def ask_forget(self) -> None:
        """Show the confirmation: "Yes, forget it" or "Cancel"."""
        self.forget_confirm.layout.display = "flex"
        self.forget_button.disabled = True

    def cancel_forget(self) -> None:
        """Hide the confirmation; nothing is forgotten."""
        self.forget_confirm.layout.display = "none"
        self.forget_button.disabled = False
        self.say("info", text("share.forget.cancelled"))

    async def forget(self) -> bool:
        """Delete what the kit keeps in this browser and start afresh with only "Me".

        The undo history goes too, so nothing brings the forgotten network
        back. True if the browser's copy was deleted; otherwise the reason is
        shown and the network stays as it is.
        """
        self.forget_confirm.layout.display = "none"
        self.forget_button.disabled = False
        await browser.forget()
        error = browser.last_error()
        if error is not None:
            self.say("error", text("share.forget.failed", error=error))
            return False
        self.session.start_fresh(LearningNetwork(text("start.default_name")))
        self.upload.value = ()
        self.export_links.value = ""
        self.changed()
        self.say("ok", text("share.forget.done"))
        return True
