"""The class network from uploaded files: a thin view over :mod:`connectivism.facilitator`.

The facilitator chooses the learners' exported files (many at once, or one
zip as an LMS gives them); :class:`ClassNetworkUpload` reads them with
:func:`~connectivism.facilitator.archive.read_uploads`, merges them with
:func:`~connectivism.facilitator.merge.merge` and shows the report, with the
HTML, JSON and GraphML as download links (``data:`` URIs, which work in the
browser edition). The files and the report are the command line's
(``python -m connectivism.facilitator class-network``) for the same files and
key.

The class key is kept in a file (``key_path``): in the browser edition, in
the browser's storage (:mod:`connectivism.browser`), so that it survives a
reload; in JupyterLab, wherever the notebook says. It is made on the first
merge, can be downloaded on request (its own download; it is never in the
report's, nor in the widgets' state until asked for) and uploaded again next
session, and forgotten on request. What the view says about the key never names the key
file's folder.

Every text comes from :mod:`connectivism.widgets.messages`.
"""

from __future__ import annotations

import base64
import datetime
import html
import os
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from connectivism import browser
from connectivism.errors import NetworkError
from connectivism.facilitator import classnet, report
from connectivism.formats._safety import atomic_write
from connectivism.widgets.messages import text
from connectivism.widgets.panels import message_html

__all__ = ["KEY_NAME", "ClassNetworkUpload", "key_location"]

#: The class key's file name, in the browser's storage or the home folder.
KEY_NAME = "class-key.txt"

_MIME = {"html": "text/html", "json": "application/json", "graphml": "application/xml"}


async def key_location() -> Path:
    """Where the class key is kept: the browser's storage in the browser edition, else the home folder.

    Awaited once (in the browser it reads what the browser kept).
    """
    store = await browser.open_store()
    if store is not None:
        return store / KEY_NAME
    return Path.home() / "connectivism-class" / KEY_NAME


def _link(filename: str, mime: str, data: bytes, label: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f"<li><a download='{filename}' href='data:{mime};charset=utf-8;base64,{encoded}'>{html.escape(label)}</a></li>"
    )


class ClassNetworkUpload:
    """Choose the learners' files, merge them, show the report and offer its files.

    Parameters
    ----------
    key_path : path
        Where the class key is kept (see :func:`key_location`).
    as_of : str, optional
        The date the measures use (YYYY-MM-DD); today if not given, as the command line.
    title : str, optional
        The report's title (the command line's default if not given).
    """

    def __init__(self, key_path: str | os.PathLike[str], *, as_of: str | None = None, title: str | None = None):
        W = widgets
        self.key_path = Path(key_path)
        self.as_of = as_of
        self.title = title or text("classnet.title")
        self.found: classnet.Submissions | None = None
        self.cls: classnet.ClassNetwork | None = None
        self.files = W.FileUpload(
            accept=".json,.graphml,.xml,.zip",
            multiple=True,
            description=text("classnet.files"),
            tooltip=text("classnet.files.tooltip"),
        )
        self.merge_button = W.Button(description=text("classnet.merge"), icon="users", button_style="primary")
        self.merge_button.on_click(lambda _: self.merge())
        self.key_status = W.HTML()
        self.key_link = W.HTML()
        self.key_upload = W.FileUpload(
            accept=".txt",
            multiple=False,
            description=text("classnet.key.upload"),
            tooltip=text("classnet.key.upload.tooltip"),
        )
        self.key_upload.observe(lambda _: self.use_uploaded_key(), names="value")
        self.forget_button = W.Button(
            description=text("classnet.key.forget"), tooltip=text("classnet.key.forget.tooltip")
        )
        self.forget_button.on_click(lambda _: self.forget_key())
        self.key_button = W.Button(description=text("classnet.key.offer"), icon="key")
        self.key_button.on_click(lambda _: self.offer_key())
        self.message = W.HTML()
        self.downloads = W.HTML()
        self.report = W.Output()
        where = "classnet.where.browser.html" if browser.IN_BROWSER else "classnet.where.server.html"
        self.box = W.VBox(
            [
                W.HTML(text(where)),
                self.key_status,
                W.HBox([self.key_button, self.key_upload, self.forget_button]),
                self.key_link,
                W.HBox([self.files, self.merge_button]),
                self.message,
                self.downloads,
                self.report,
            ]
        )
        self._show_key()

    def _ipython_display_(self) -> None:
        display(self.box)

    # ---- the class key ------------------------------------------------------------------------

    def _stored_key(self) -> bytes | None:
        if not os.path.lexists(self.key_path):
            return None
        return classnet.read_key(self.key_path)

    def _show_key(self) -> None:
        """Say whether a key is kept here; never the key or where the file is (a built page keeps this)."""
        self.key_link.value = ""
        try:
            key = self._stored_key()
        except (NetworkError, OSError):
            self.key_status.value = message_html("error", text("classnet.key.broken"))
            return
        if key is None:
            self.key_status.value = message_html("info", text("classnet.key.none"))
        else:
            self.key_status.value = message_html(
                "info", text("classnet.key.kept" if browser.IN_BROWSER else "classnet.key.kept.server")
            )

    def offer_key(self) -> bool:
        """Put the class key's download link under its button; False (and why) if there is no key yet.

        Only on request, so that the key is never in a widget's saved state (a
        notebook saved with its widgets, a page built from it) unless asked for.
        """
        try:
            key = self._stored_key()
        except (NetworkError, OSError):
            key = None
        if key is None:
            self.key_link.value = message_html("info", text("classnet.key.none"))
            return False
        self.key_link.value = (
            "<ul class='kit-downloads'>"
            + _link(KEY_NAME, "text/plain", key.hex().encode() + b"\n", text("classnet.key.download"))
            + "</ul>"
        )
        return True

    def _keep(self) -> None:
        """Copy the key's folder to the browser's storage (nothing outside the browser edition)."""
        browser.persist()

    def key(self) -> bytes:
        """The class key: the one kept here, or a new one made and kept now."""
        key = classnet.load_or_create_key(self.key_path)
        self._keep()
        self._show_key()
        return key

    def use_uploaded_key(self) -> bool:
        """Keep the uploaded key file as the class key; True if it was a key, else the reason is shown."""
        files = list(self.key_upload.value)
        if not files:
            return False
        try:
            key = classnet.key_from_text(bytes(files[0]["content"]), where=classnet.display_name(files[0]["name"]))
            self.key_path.parent.mkdir(parents=True, exist_ok=True)
            if not os.path.lexists(self.key_path):  # readable by its owner only, as the command line makes it
                os.close(os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            atomic_write(self.key_path, key.hex().encode("ascii") + b"\n")  # keeps the file's permissions
        except NetworkError as error:
            self.message.value = message_html("error", str(error))
            return False
        except OSError as error:
            self.message.value = message_html(
                "error", text("classnet.key.not_saved", why=error.strerror or type(error).__name__)
            )
            return False
        finally:
            self.key_upload.value = ()
        self._keep()
        self._show_key()
        self.message.value = message_html("ok", text("classnet.key.loaded"))
        return True

    def forget_key(self) -> None:
        """Delete the class key kept here (the browser's storage too)."""
        if os.path.lexists(self.key_path):
            self.key_path.unlink()
        self._keep()
        self._show_key()
        self.message.value = message_html("info", text("classnet.key.forgotten"))

    # ---- merging ------------------------------------------------------------------------------

    def merge(self) -> bool:
        """Merge the chosen files and show the report with its downloads; False if there was nothing to merge."""
        uploads = [(f["name"], bytes(f["content"])) for f in self.files.value]
        if not uploads:
            self.message.value = message_html("error", text("classnet.none"))
            return False
        try:
            key = self.key()
        except (NetworkError, OSError) as error:
            why = (
                text("classnet.key.broken")
                if isinstance(error, NetworkError)
                else text("classnet.key.not_saved", why=error.strerror or type(error).__name__)
            )
            self.message.value = message_html("error", why)
            return False
        as_of = self.as_of or datetime.date.today().isoformat()
        self.found = classnet.read_uploads(uploads, key=key)
        self.cls = classnet.merge(self.found, as_of=as_of)
        texts = classnet.output_texts(self.cls, html=report.report_html(self.cls, title=self.title))
        self.message.value = message_html(
            "ok", text("classnet.merged", accepted=len(self.found.accepted), rejected=len(self.found.rejected))
        )
        self.downloads.value = (
            text("classnet.downloads.html")
            + "<ul class='kit-downloads'>"
            + "".join(
                _link(
                    classnet.OUTPUT_NAMES[kind],
                    _MIME[kind],
                    texts[kind].encode("utf-8"),
                    text(f"classnet.download.{kind}"),
                )
                for kind in ("html", "json", "graphml")
            )
            + "</ul>"
        )
        self.report.outputs = ()
        self.report.append_display_data(HTML(report.report_fragment(self.cls, title=self.title)))
        return True
