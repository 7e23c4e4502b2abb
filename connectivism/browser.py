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
be awaited once, before anything under :data:`STORE` is read.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

__all__ = ["IN_BROWSER", "STORE", "forget", "flush", "last_error", "open_store", "persist"]

#: True when running on Pyodide (the browser edition).
IN_BROWSER = sys.platform == "emscripten"

#: The folder kept in the browser's IndexedDB.
STORE = "/connectivism-store"

_state: dict[str, object] = {"mounted": False, "error": None}


def last_error() -> str | None:
    """What went wrong with the last copy to the browser's storage, or ``None``."""
    return _state["error"]  # type: ignore[return-value]


async def _syncfs(populate: bool) -> None:
    """Run ``FS.syncfs`` and wait for it (populate: IndexedDB -> memory)."""
    import asyncio

    import pyodide_js  # type: ignore[import-not-found]
    from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]

    done = asyncio.get_event_loop().create_future()

    def finished(error=None):
        if not done.done():
            done.set_result(error)

    # A plain Python callable would be a borrowed proxy, destroyed when
    # syncfs returns and before IndexedDB answers: the callback never runs.
    pyodide_js.FS.syncfs(populate, create_once_callable(finished))
    error = await done
    _state["error"] = None if error is None else str(error)


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
        await _syncfs(True)
    return Path(STORE)


def persist() -> None:
    """Copy :data:`STORE` to the browser's storage, in the background.

    Does nothing outside the browser edition or before :func:`open_store`.
    Any failure is kept for :func:`last_error`.
    """
    if IN_BROWSER and _state["mounted"]:
        import asyncio

        asyncio.ensure_future(_syncfs(False))


async def flush() -> None:
    """Copy :data:`STORE` to the browser's storage and wait until it is done."""
    if IN_BROWSER and _state["mounted"]:
        await _syncfs(False)


async def forget() -> None:
    """Delete everything the kit kept in this browser, and wait until it is gone."""
    if not (IN_BROWSER and _state["mounted"]):
        return
    for entry in Path(STORE).iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    await _syncfs(False)
