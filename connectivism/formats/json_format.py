"""Learning networks as JSON: the kit's main, versioned, lossless format.

A JSON file holds everything a network has, metadata included, and reading a
file the kit wrote gives back an equal network with nodes and ties in the same
order (an exact round trip). Output is deterministic: two-space indentation,
non-ASCII characters written as they are, keys in a fixed order, a final
newline.

Layout
------
::

    {
      "format": "connectivism-learning-network",
      "format_version": 2,
      "me": "Sam",
      "nodes": [
        {"name": "Sam", "kind": "me", "topic": "", "tags": [], "note": ""},
        {"name": "Ada", "kind": "person", "topic": "computing",
         "tags": ["mentor"], "note": "Met at a meetup."}
      ],
      "ties": [
        {"a": "Sam", "b": "Ada", "strength": 4, "since": "2023-09-01",
         "last_contact": null, "initiated_by": "me"}
      ],
      "metadata": {"title": "", "created": null, "as_of": null,
                   "learner_id": "0f6c…", "saved_at": "2026-10-01T09:30:00Z"}
    }

Output is the same for the same network and the same ``saved_at``; each
save stamps the time of the save unless given one.

Reading is strict: unknown keys are refused (except inside ``metadata``,
where they are ignored), each key may appear once per object, and nesting is
limited. Files of an older ``format_version`` are upgraded by
:func:`connectivism.formats.migrations.migrate`.
"""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any

from connectivism.errors import MalformedFileError, UnsafeFileError
from connectivism.formats._document import document_from_network, network_from_document
from connectivism.formats._safety import (
    Source,
    atomic_write,
    bytes_of,
    check_json_depth,
    check_output_size,
    decode_text,
    read_source,
)
from connectivism.network import LearningNetwork
from connectivism.notices import excerpt

__all__ = ["to_json", "from_json", "write_json", "read_json"]

_DEFAULT_NAME = "network.json"


def to_json(net: LearningNetwork, *, saved_at: datetime.datetime | None = None) -> str:
    """Return the JSON text of a network.

    Parameters
    ----------
    net : LearningNetwork
    saved_at : datetime.datetime, optional
        The save time written into ``metadata.saved_at`` (default: now, UTC,
        from :data:`connectivism.formats._document.clock`).

    Returns
    -------
    str
        Deterministic JSON ending in a newline.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.connect("Sam", "Ada", strength=4)
    >>> text = to_json(net)
    >>> print("\\n".join(text.splitlines()[:5]))
    {
      "format": "connectivism-learning-network",
      "format_version": 2,
      "me": "Sam",
      "nodes": [
    >>> from_json(text) == net
    True
    """
    return json.dumps(document_from_network(net, saved_at=saved_at), indent=2, ensure_ascii=False) + "\n"


def from_json(text: str | bytes, *, name: str = _DEFAULT_NAME) -> LearningNetwork:
    """Read a network from JSON text or bytes.

    Parameters
    ----------
    text : str or bytes
        The JSON. Bytes must be UTF-8 (a byte-order mark is allowed).
    name : str, optional
        The name used for the content in messages.

    Returns
    -------
    LearningNetwork
        A new network.

    Raises
    ------
    FileTooLargeError, EncodingError, UnsafeFileError, SchemaVersionError, FileFormatError
        If the content as a whole cannot be read (see :func:`read_json`).
    NetworkError
        If a value breaks a rule of the model; the message says where.

    Examples
    --------
    >>> from_json('{"format": "connectivism-learning-network", "format_version": 1, '
    ...           '"me": "Kim", "nodes": [{"name": "Kim", "kind": "me"}]}').me
    'Kim'
    >>> from_json('{"format": "connectivism-learning-network", "format_version": 1, '  # doctest: +NORMALIZE_WHITESPACE
    ...           '"me": "Kim", "me": "Lee", "nodes": []}')
    Traceback (most recent call last):
    ...
    connectivism.errors.UnsafeFileError: The file 'network.json' has the key 'me' twice in the same
    object: each key may appear only once, because programs disagree about which copy counts; remove
    one of them.
    """
    return _parse(bytes_of(text, name=name), name)


def read_json(source: Source, *, name: str | None = None) -> LearningNetwork:
    """Read a network from a JSON file.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    LearningNetwork
        A new network. Nothing else changes, whether reading succeeds or not:
        to show it, replace the old network (see
        :meth:`LearningNetwork.replace_with`).

    Raises
    ------
    FileTooLargeError
        If the file is over :data:`connectivism.formats.MAX_FILE_BYTES`; the
        size is checked before reading.
    EncodingError
        If the file is not UTF-8.
    UnsafeFileError
        If lists and objects are nested too deeply, or an object repeats a key.
    FileFormatError
        If the file is not JSON, not a learning network, has unexpected keys,
        or values of the wrong type.
    SchemaVersionError
        If the file is from a newer kit or an unknown older version.
    NetworkError
        If a value breaks a rule of the model (such as a strength of 7); the
        message starts with the file and the JSON path, such as
        ``ties[2].strength``.
    OSError
        If the file cannot be opened.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam", title="Week 1")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "sam.json"
    ...     write_json(net, path)
    ...     print(read_json(path) == net)
    True
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    return _parse(data, name or label)


def write_json(net: LearningNetwork, path: str | os.PathLike[str]) -> None:
    """Write a network to a JSON file, replacing it atomically.

    Parameters
    ----------
    net : LearningNetwork
    path : str or os.PathLike

    Raises
    ------
    FileTooLargeError
        If the file would be larger than the readers accept.
    OSError
        If the file cannot be written.

    Notes
    -----
    The file is UTF-8 without a byte-order mark. It is written to a temporary
    file that then replaces `path`, so a crash never leaves half a file; an
    existing file keeps its permissions.

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "sam.json"
    ...     write_json(LearningNetwork("Sam"), path)
    ...     print(json.loads(path.read_text(encoding="utf-8"))["me"])
    Sam
    """
    data = to_json(net).encode("utf-8")
    check_output_size(data, Path(path).name)
    atomic_write(path, data)


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _BadNumber(Exception):
    """A number JSON allows in syntax but a learning network never holds; ``what`` says which."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


def _no_constant(name: str) -> Any:
    raise _BadNumber(f"{name} is not a number JSON allows")


def _whole_number(text: str) -> int:
    # checked here, before int() would refuse it with a message of its own
    limit = sys.get_int_max_str_digits()
    if limit and len(text.lstrip("-")) > limit:
        raise _BadNumber("it contains a number with thousands of digits")
    return int(text)


def _parse(data: bytes, name: str) -> LearningNetwork:
    text = decode_text(data, name)
    check_json_depth(text, name)
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant, parse_int=_whole_number)
    except _DuplicateKey as error:
        raise UnsafeFileError(
            f"The file '{name}' has the key {excerpt(error.key)} twice in the same object: each key "
            "may appear only once, because programs disagree about which copy counts; remove "
            "one of them.",
            field="key",
            value=error.key,
        ) from None
    except RecursionError:  # pragma: no cover - check_json_depth stops this first
        raise UnsafeFileError(f"The file '{name}' nests lists or objects too deeply to read.", field="depth") from None
    except _BadNumber as error:
        raise MalformedFileError(
            f"The file '{name}' is not valid JSON ({error.what}): it may be damaged, or it is another kind of file.",
            field="json",
        ) from None
    except json.JSONDecodeError as error:
        raise MalformedFileError(
            f"The file '{name}' is not valid JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno}): it may be damaged, or it is another kind of file.",
            field="json",
        ) from None
    except ValueError:  # pragma: no cover - the hooks above catch what json.loads refuses
        raise MalformedFileError(
            f"The file '{name}' is not valid JSON: it may be damaged, or it is another kind of file.",
            field="json",
        ) from None
    return network_from_document(doc, source=name)
