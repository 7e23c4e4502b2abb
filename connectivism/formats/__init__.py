"""Reading and writing learning networks: JSON, a CSV pair, and GraphML.

=========  ============================  ==================================
Format     Use it for                    Functions
=========  ============================  ==================================
JSON       the kit's own, complete copy  :func:`to_json`, :func:`from_json`,
                                         :func:`write_json`, :func:`read_json`
CSV pair   spreadsheets, hand-writing    :func:`to_csv`, :func:`from_csv`,
                                         :func:`write_csv`, :func:`read_csv`
GraphML    Gephi, yEd, Cytoscape         :func:`to_graphml`, :func:`from_graphml`,
                                         :func:`write_graphml`, :func:`read_graphml`
=========  ============================  ==================================

:func:`load` and :func:`save` pick the format from the file name (or, for
uploads, from the content).

Every reader builds a *new* network: if reading fails, nothing has changed,
and if it succeeds the caller decides whether to replace its network (see
:meth:`~connectivism.network.LearningNetwork.replace_with`). Every reader
checks the size first (:data:`MAX_FILE_BYTES`) and refuses unsafe content
with :class:`~connectivism.errors.UnsafeFileError`. Writers replace files
atomically and refuse to write files the readers would refuse.
"""

from __future__ import annotations

import os
from pathlib import Path

from connectivism.errors import FileFormatError
from connectivism.formats._safety import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    MAX_XML_DEPTH,
    Source,
    read_source,
)
from connectivism.formats.csv_format import (
    NODE_COLUMNS,
    TIE_COLUMNS,
    csv_templates,
    from_csv,
    read_csv,
    to_csv,
    write_csv,
)
from connectivism.formats.graphml_format import from_graphml, read_graphml, to_graphml, write_graphml
from connectivism.formats.json_format import from_json, read_json, to_json, write_json
from connectivism.formats.migrations import FORMAT_NAME, FORMAT_VERSION, MIGRATIONS, migrate
from connectivism.network import LearningNetwork

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_XML_DEPTH",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "NODE_COLUMNS",
    "TIE_COLUMNS",
    "migrate",
    "load",
    "save",
    "to_json",
    "from_json",
    "read_json",
    "write_json",
    "to_csv",
    "from_csv",
    "read_csv",
    "write_csv",
    "csv_templates",
    "to_graphml",
    "from_graphml",
    "read_graphml",
    "write_graphml",
]

_JSON = (".json",)
_GRAPHML = (".graphml", ".xml")


def load(source: Source | tuple[Source, Source] | list[Source], *, name: str | None = None) -> LearningNetwork:
    """Read a network from a file, choosing the format from its name or content.

    Parameters
    ----------
    source : path, bytes-like, binary file object, or a pair of them
        A path ending in ``.json``, ``.graphml`` or ``.xml`` is read in that
        format. A pair ``(nodes, ties)`` is read as CSV; each of the two is a
        path, bytes, a binary file object, or the CSV text itself (a string
        containing a line break). Anything else (an
        upload's bytes, a file object, a path with another ending) is read as
        JSON if its text starts with ``{`` and as GraphML if it starts with
        ``<``.
    name : str, optional
        The name used in messages for bytes and file objects, such as the name
        of an uploaded file.

    Returns
    -------
    LearningNetwork
        A new network.

    Raises
    ------
    FileFormatError
        If the format cannot be told, or a single ``.csv`` path is given (CSV
        needs both files); and everything the chosen reader raises.
    OSError
        If a file cannot be opened.

    See Also
    --------
    read_json, read_csv, read_graphml

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> load(to_json(net).encode()) == net
    True
    >>> load(to_graphml(net)) == net
    True
    >>> load(to_csv(net)) == net
    True
    """
    if isinstance(source, (tuple, list)):
        if len(source) != 2:
            raise TypeError("A CSV network is two files: give load() a pair (nodes, ties).")
        nodes, ties = source
        if isinstance(nodes, str) and isinstance(ties, str) and "\n" in nodes + ties:
            return from_csv(nodes, ties)
        return read_csv(nodes, ties)
    if isinstance(source, (str, os.PathLike)):
        suffix = Path(source).suffix.lower()
        if suffix in _JSON:
            return read_json(source, name=name)
        if suffix in _GRAPHML:
            return read_graphml(source, name=name)
        if suffix == ".csv":
            raise FileFormatError(
                f"A network in CSV is two files, nodes and ties, but only "
                f"'{Path(source).name}' was given: use load((nodes_path, ties_path)).",
                field="format",
                value=os.fspath(source),
            )
    data, label = read_source(source, name=name or "network")
    label = name or label
    start = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    start = start.lstrip()[:1]
    if start == b"{":
        return from_json(data, name=label)
    if start == b"<":
        return from_graphml(data, name=label)
    raise FileFormatError(
        f"The file '{label}' is neither a JSON nor a GraphML learning network (JSON starts "
        "with '{', GraphML with '<'): open a file saved by the kit, or a CSV pair.",
        field="format",
    )


def save(net: LearningNetwork, path: str | os.PathLike[str]) -> None:
    """Write a network to a file, choosing the format from the file name.

    Parameters
    ----------
    net : LearningNetwork
    path : str or os.PathLike
        Ending in ``.json`` (complete, recommended) or ``.graphml``.

    Raises
    ------
    FileFormatError
        If the name has another ending (for CSV use :func:`write_csv`).
    FileTooLargeError
        If the file would be larger than the readers accept.
    OSError
        If the file cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "sam.graphml"
    ...     save(net, path)
    ...     print(load(path) == net)
    True
    """
    suffix = Path(path).suffix.lower()
    if suffix in _JSON:
        write_json(net, path)
    elif suffix in _GRAPHML:
        write_graphml(net, path)
    else:
        raise FileFormatError(
            f"Cannot tell which format to save '{Path(path).name}' in: use a name ending in "
            ".json or .graphml, or write_csv() for a pair of CSV files.",
            field="format",
            value=os.fspath(path),
        )
