"""Storage that survives a reload in the browser edition, on any page.

In the browser edition (JupyterLite on Pyodide) the kernel runs in the
reader's browser. Where the kernel can write is not obvious:

* Over ``https`` or from ``localhost`` (a *secure context*), JupyterLite's
  service worker lets the kernel write into the notebook's folder
  (``/drive``), which the browser keeps.
* Over plain ``http`` from another address, as in a workshop room where
  participants open ``http://<laptop address>/``, there is no service worker:
  ``/drive`` cannot be reached (writing there fails with ``FileNotFoundError``)
  and every other folder is in memory, gone on reload.

This module mounts Emscripten's IDBFS, a folder kept in the browser's
IndexedDB, at :data:`STORE`. IndexedDB works in web workers and in pages that
are not secure contexts, so the same folder works on the published site, on
a laptop serving a room, and from ``localhost``. It is kept per browser and
per site address (the browser's same-origin rule): another browser, another
computer or another address of the same laptop does not see it.

Checked in headless Chromium (Pyodide 0.27.7, JupyterLite 0.6.4) with the
site opened as ``http://kitroom.test:<port>/`` mapped to loopback, so
``window.isSecureContext`` was false: a file written and persisted in one tab
was read back by a new tab after the first was closed.

Outside the browser (JupyterLab, Binder, a hub) nothing here does anything:
:func:`open_store` returns ``None`` and the caller keeps using its folder.

Writing is in two steps, because IndexedDB is asynchronous and Python's file
calls are not: a file written under :data:`STORE` is in memory at once, and
:func:`persist` copies the folder to IndexedDB in the background (a few
milliseconds for a network of a few hundred nodes). :func:`open_store` must
be awaited once, before anything under :data:`STORE` is read. The copies run
one at a time, in the order they were asked for.

Tabs. Each tab of the browser edition runs its own kernel, with its own copy
of :data:`STORE` in memory, read when the store was opened: a file another tab
writes afterwards is not seen by a file check alone. So after each copy to
IndexedDB this kernel tells the other tabs of the same site, through a
``BroadcastChannel`` (:data:`CHANNEL`; it works in web workers and in pages
that are not secure contexts), and a kernel that hears another tab has saved
or forgotten reads the store again before telling its listeners
(:func:`listen`). A kernel that opens the store says so too, and the tabs that
have it open answer, so a builder can say at once that it is open twice.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = [
    "CHANNEL",
    "IN_BROWSER",
    "STORE",
    "forget",
    "flush",
    "in_store",
    "is_open",
    "last_error",
    "listen",
    "open_store",
    "persist",
]

#: True when running on Pyodide (the browser edition).
IN_BROWSER = sys.platform == "emscripten"

#: The folder kept in the browser's IndexedDB.
STORE = "/connectivism-store"

#: The ``BroadcastChannel`` the kernels of one site's tabs tell each other on.
CHANNEL = "connectivism-store"

_state: dict[str, Any] = {"mounted": False, "error": None, "last": None, "channel": None, "tab": None}
_listeners: list[Callable[[str], None]] = []


def last_error() -> str | None:
    """What went wrong with the last copy to or from the browser's storage, or ``None``."""
    return _state["error"]


def is_open() -> bool:
    """True once :func:`open_store` has mounted :data:`STORE` (always False outside the browser)."""
    return bool(_state["mounted"])


def in_store(path: str | os.PathLike[str] | None) -> bool:
    """True if `path` is under :data:`STORE` and the store is open.

    Examples
    --------
    >>> in_store("/connectivism-store/my.json")  # the store is never open outside the browser
    False
    """
    if path is None or not is_open():
        return False
    return Path(STORE) in Path(path).parents


def _reason(error: Any) -> str:
    """Name what went wrong (a DOMException's name, such as QuotaExceededError), not its message."""
    name = getattr(error, "name", None)
    return str(name) if name else type(error).__name__


async def _syncfs(populate: bool) -> str | None:
    """Run ``FS.syncfs`` once and wait for it (populate: IndexedDB -> memory); the error's name or None."""
    import asyncio

    import pyodide_js  # type: ignore[import-not-found]
    from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]

    done = asyncio.get_event_loop().create_future()

    def finished(error=None):
        if not done.done():
            done.set_result(error)

    # A plain Python callable would be a borrowed proxy, destroyed when
    # syncfs returns and before IndexedDB answers: the callback never runs.
    try:
        pyodide_js.FS.syncfs(populate, create_once_callable(finished))
        error = await done
    except Exception as err:  # IndexedDB refused (private mode, no storage): say so, lose nothing
        error = err
    _state["error"] = None if error is None else _reason(error)
    return _state["error"]


def _queued(populate: bool):
    """Ask for a copy now; it runs after every copy asked before (a task whose result is its error).

    The queue is joined at once, not when the task first runs: a copy to
    IndexedDB asked right after a write cannot be overtaken by a read that
    would bring the old file back.
    """
    import asyncio

    previous = _state["last"]

    async def after() -> str | None:
        if previous is not None and not previous.done():
            await asyncio.wait([previous])
        return await _syncfs(populate)

    task = asyncio.ensure_future(after())
    _state["last"] = task
    return task


def _tell(kind: str) -> None:
    """Tell the other tabs of this site (``"open"``, ``"here"``, ``"saved"``, ``"forgot"``)."""
    channel = _state["channel"]
    if channel is not None:
        channel.postMessage(json.dumps({"kind": kind, "tab": _state["tab"]}))


async def _heard(kind: str) -> None:
    if kind in {"saved", "forgot"}:
        await _queued(True)  # read what the other tab wrote, or that it is gone
    elif kind == "open":
        _tell("here")
    for listener in list(_listeners):
        listener(kind)


def _open_channel() -> None:
    """Listen to the other tabs; browsers without ``BroadcastChannel`` just do not hear them."""
    import asyncio
    import uuid

    import js  # type: ignore[import-not-found]
    from pyodide.ffi import create_proxy  # type: ignore[import-not-found]

    if not hasattr(js, "BroadcastChannel"):
        return

    def received(event) -> None:
        try:
            message = json.loads(str(event.data))
            kind, tab = str(message["kind"]), message["tab"]
        except (ValueError, KeyError, TypeError):
            return  # not one of ours
        if tab != _state["tab"] and kind in {"open", "here", "saved", "forgot"}:
            asyncio.ensure_future(_heard(kind))

    _state["tab"] = uuid.uuid4().hex
    channel = js.BroadcastChannel.new(CHANNEL)
    channel.onmessage = create_proxy(received)  # kept alive as long as the channel
    _state["channel"] = channel


def listen(listener: Callable[[str], None]) -> None:
    """Call ``listener(kind)`` when another tab of this site opens the store or uses it.

    `kind` is ``"open"`` (another tab opened the store), ``"here"`` (a tab
    that has it open answered), ``"saved"`` or ``"forgot"`` (another tab wrote
    to the store, or forgot it: this kernel has read the store again before
    the call). Nothing is ever heard outside the browser edition.
    """
    _listeners.append(listener)


async def open_store() -> Path | None:
    """Mount :data:`STORE` (once) and read what this browser kept there.

    Returns
    -------
    pathlib.Path or None
        The folder, or ``None`` outside the browser edition.
    """
    if not IN_BROWSER:
        return None
    if not _state["mounted"]:
        import js  # type: ignore[import-not-found]
        import pyodide_js  # type: ignore[import-not-found]

        fs = pyodide_js.FS
        os.makedirs(STORE, exist_ok=True)
        options = js.Object.new()
        options.autoPersist = False
        fs.mount(fs.filesystems.IDBFS, options, STORE)
        _state["mounted"] = True
        await _queued(True)
        _open_channel()
        _tell("open")
    return Path(STORE)


def persist(done: Callable[[str | None], None] | None = None) -> None:
    """Copy :data:`STORE` to the browser's storage, in the background, and tell the other tabs.

    Does nothing outside the browser edition or before :func:`open_store`.
    Any failure is kept for :func:`last_error`.

    Parameters
    ----------
    done : callable, optional
        Called with :func:`last_error` (``None`` when the copy was kept) once
        the copy is finished.
    """
    if IN_BROWSER and _state["mounted"]:

        def finished(task) -> None:
            error = task.result()
            if error is None:
                _tell("saved")
            if done is not None:
                done(error)

        _queued(False).add_done_callback(finished)


async def flush() -> None:
    """Copy :data:`STORE` to the browser's storage and wait until it is done."""
    if IN_BROWSER and _state["mounted"]:
        await _queued(False)


async def forget() -> None:
    """Delete everything the kit kept in this browser, and wait until it is gone."""
    if not (IN_BROWSER and _state["mounted"]):
        return
    import asyncio

    # copies asked before finish first: a read from IndexedDB still waiting
    # would otherwise bring the deleted files back
    if _state["last"] is not None and not _state["last"].done():
        await asyncio.wait([_state["last"]])
    for entry in Path(STORE).iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if await _queued(False) is None:
        _tell("forgot")
