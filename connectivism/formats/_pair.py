"""Replace two files together, or neither: how a CSV pair is written.

Part of :mod:`connectivism.formats.csv_format` (see
:func:`~connectivism.formats.csv_format.write_csv`): both new files are
written and synced beside the old ones first, then put in place; if the
second cannot be, the first is put back.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path


def _temporary(path: Path, label: str) -> Path:
    return path.parent / f".{path.name}.{secrets.token_hex(8)}.{label}"


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file beside `path` (with `path`'s permissions)."""
    temporary = _temporary(path, "tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _remove(*paths: Path | None) -> None:
    for path in paths:
        if path is not None:
            try:
                os.unlink(path)
            except OSError:
                pass


def _write_pair(nodes_path: Path, nodes_data: bytes, ties_path: Path, ties_data: bytes) -> None:
    """Replace both files, or neither (see :func:`write_csv`)."""
    if os.path.abspath(nodes_path) == os.path.abspath(ties_path):
        raise ValueError("The nodes and the ties of a CSV pair need two different files.")
    new_nodes = new_ties = backup = None
    try:
        new_nodes = _stage(nodes_path, nodes_data)
        new_ties = _stage(ties_path, ties_data)
        if nodes_path.exists():
            backup = _temporary(nodes_path, "bak")
            try:
                os.link(nodes_path, backup)
            except OSError:  # no hard links here: copy instead
                shutil.copy2(nodes_path, backup)
        os.replace(new_nodes, nodes_path)
        new_nodes = None
        try:
            os.replace(new_ties, ties_path)
        except BaseException:
            if backup is not None:
                kept, backup = backup, None  # if putting it back fails, the backup stays
                os.replace(kept, nodes_path)
            else:
                os.unlink(nodes_path)
            raise
        new_ties = None
    finally:
        _remove(new_nodes, new_ties, backup)
