"""Learning networks as a pair of CSV files, for spreadsheets and hand-writing.

A network in CSV is two files, ``nodes.csv`` and ``ties.csv``, whose first
rows are exactly these headers (templates ship with the kit, see
:func:`csv_templates`)::

    name,kind,topic,tags,note
    from,to,strength,since,last_contact,initiated_by

* Columns may come in any order; none may be missing and no others may be
  added. Headers are lower case. The columns are the fields of
  :class:`~connectivism.network.Node` and :class:`~connectivism.network.Tie`
  in their order (a tie's ends are ``from`` and ``to``), each written as its
  codec says (:class:`~connectivism.network.FieldInfo`).
* One row of ``nodes.csv`` has kind ``me``: the learner.
* ``tags`` are separated by ``|``; ``strength`` is a whole number from 1 to 5;
  dates are ISO 8601 (YYYY-MM-DD); empty cells mean "not recorded".
* Files are UTF-8, with or without a byte-order mark, separated by ``,`` or
  ``;`` (decided from the header row). Blank rows are skipped.
* Rows are numbered as a spreadsheet numbers them, the header being row 1, so
  error messages point to the right row.

CSV carries no metadata (title, ``created``, ``as_of``): use JSON for a
complete copy.

Reading one table (its cells, header row and rows) is in
:mod:`connectivism.formats._csv_table`, and replacing both files together in
:mod:`connectivism.formats._pair`; this module puts them together and
re-exports their public names.

Formula injection
-----------------
A spreadsheet treats a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return) as a formula, which a hostile file can use to run
commands or leak data. On export such cells are written with a leading
apostrophe (``'=1+1``), which spreadsheets show as text. On import, one
leading apostrophe is removed when what follows is such a character, so
export then import gives back exactly the same names and notes. To keep that
exact, a cell whose text already starts with apostrophes followed by such a
character gets one more apostrophe on export.
"""

from __future__ import annotations

import csv
import io
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from connectivism import network as _network
from connectivism.formats._csv_table import (
    MAX_CSV_COLUMNS,
    _table_rows,
    neutralise_cell,
    restore_cell,
)
from connectivism.formats._document import network_from_document
from connectivism.formats._pair import _write_pair
from connectivism.formats._safety import (
    Source,
    bytes_of,
    check_output_size,
    read_source,
)
from connectivism.formats.migrations import FORMAT_NAME, FORMAT_VERSION
from connectivism.network import FieldInfo, LearningNetwork, fields_of

__all__ = [
    "NODE_COLUMNS",
    "TIE_COLUMNS",
    "MAX_CSV_COLUMNS",
    "to_csv",
    "from_csv",
    "write_csv",
    "read_csv",
    "csv_templates",
    "csv_kind",
    "neutralise_cell",
    "restore_cell",
]


def _columns(record: type) -> tuple[str, ...]:
    """The CSV header for a record's fields (looked up when used, so it follows the record)."""
    return tuple(f.column for f in fields_of(record))


#: The header of nodes.csv: the columns of the fields of Node.
NODE_COLUMNS = _columns(_network.Node)
#: The header of ties.csv: the columns of the fields of Tie.
TIE_COLUMNS = _columns(_network.Tie)
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]{1,9}")


# --- writing -------------------------------------------------------------------------


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise_cell(cell) for cell in row])
    return buffer.getvalue()


def _cell(info: FieldInfo, value: Any) -> str:
    """A field's value as a cell: tags joined by "|", dates as YYYY-MM-DD, nothing as ""."""
    if value is None:
        return ""
    if info.codec == "tags":
        return "|".join(value)
    if info.codec == "date":
        return value.isoformat()
    return str(value)


def _row(record: Any) -> list[str]:
    return [_cell(info, getattr(record, info.name)) for info in fields_of(type(record))]


def _value(info: FieldInfo, cell: str) -> Any:
    """A cell as the document holds it: tags split on "|", whole numbers as int, the rest as text."""
    if info.codec == "tags":
        return [tag for tag in cell.split("|") if tag.strip()]
    if info.codec == "int":
        return _strength(cell)
    return cell


def to_csv(net: LearningNetwork) -> tuple[str, str]:
    """Return the text of nodes.csv and ties.csv for a network.

    Parameters
    ----------
    net : LearningNetwork

    Returns
    -------
    (str, str)
        The nodes table and the ties table: comma-separated, rows ending in
        CRLF, cells that could start a formula prefixed with an apostrophe.
        The "me" row comes first.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> _ = net.add("Ada", "person", tags=["mentor", "maths"])
    >>> _ = net.connect("Sam", "Ada", strength=4, since="2023-09-01")
    >>> nodes, ties = to_csv(net)
    >>> nodes.splitlines()
    ['name,kind,topic,tags,note', 'Sam,me,,,', 'Ada,person,,mentor|maths,']
    >>> ties.splitlines()
    ['from,to,strength,since,last_contact,initiated_by', 'Sam,Ada,4,2023-09-01,,']
    >>> from_csv(nodes, ties) == net
    True
    """
    nodes = [_row(node) for node in net.nodes]
    ties = [_row(tie) for tie in net.ties]
    return _table(_columns(_network.Node), nodes), _table(_columns(_network.Tie), ties)


def write_csv(
    net: LearningNetwork,
    nodes_path: str | os.PathLike[str],
    ties_path: str | os.PathLike[str],
    *,
    bom: bool = True,
) -> None:
    """Write a network to nodes.csv and ties.csv.

    Parameters
    ----------
    net : LearningNetwork
    nodes_path, ties_path : str or os.PathLike
        Where to write the two files.
    bom : bool, optional
        Start the files with a UTF-8 byte-order mark (the default), so that
        Excel opens them as UTF-8 and shows accents correctly.

    Raises
    ------
    FileTooLargeError
        If a file would be larger than the readers accept; neither is written.
    OSError
        If a file cannot be written.

    Notes
    -----
    Metadata is not written: CSV has no place for it. The pair is written all
    or nothing: both files are first written in full to temporary files beside
    them, the old nodes file is kept as a backup, and only then are the two
    replaced; if replacing the ties file fails, the old nodes file is put back.
    After a failed write the folder holds the old pair (or none, if there was
    none), never a new file next to an old one.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     nodes = pathlib.Path(folder) / "nodes.csv"
    ...     ties = pathlib.Path(folder) / "ties.csv"
    ...     write_csv(net, nodes, ties)
    ...     print(read_csv(nodes, ties) == net)
    True
    """
    encoding = "utf-8-sig" if bom else "utf-8"
    nodes_text, ties_text = to_csv(net)
    nodes_data, ties_data = nodes_text.encode(encoding), ties_text.encode(encoding)
    check_output_size(nodes_data, Path(nodes_path).name)
    check_output_size(ties_data, Path(ties_path).name)
    _write_pair(Path(nodes_path), nodes_data, Path(ties_path), ties_data)


def csv_templates() -> tuple[str, str]:
    """Return the text of the template files nodes.csv and ties.csv.

    The templates are in the package folder ``connectivism/templates``; each
    has the exact header row and a few example rows.

    Returns
    -------
    (str, str)

    Examples
    --------
    >>> nodes, ties = csv_templates()
    >>> nodes.splitlines()[0]
    'name,kind,topic,tags,note'
    >>> from_csv(nodes, ties).me
    'Sam Rivera'
    """
    folder = resources.files("connectivism") / "templates"
    return (
        (folder / "nodes.csv").read_text(encoding="utf-8"),
        (folder / "ties.csv").read_text(encoding="utf-8"),
    )


# --- reading ---------------------------------------------------------------------------


def from_csv(
    nodes: str | bytes,
    ties: str | bytes,
    *,
    names: tuple[str, str] = ("nodes.csv", "ties.csv"),
) -> LearningNetwork:
    """Read a network from the text (or bytes) of nodes.csv and ties.csv.

    Parameters
    ----------
    nodes, ties : str or bytes
        The content of the two files.
    names : (str, str), optional
        The names used for the two in messages.

    Returns
    -------
    LearningNetwork
        A new network.

    Raises
    ------
    NetworkError
        As :func:`read_csv`.

    Examples
    --------
    >>> net = from_csv("name;kind;topic;tags;note\\nKim;me;;;\\nAda;person;;;\\n",
    ...                "from;to;strength;since;last_contact;initiated_by\\nKim;Ada;2;;;\\n")
    >>> [node.name for node in net.nodes], net.tie("Kim", "Ada").strength
    (['Kim', 'Ada'], 2)
    >>> from_csv("name,kind,topic,tags,note\\nKim,me,,,\\n",  # doctest: +NORMALIZE_WHITESPACE
    ...          "from,to,strength,since,last_contact,initiated_by\\nKim,Ada,2,,,\\n")
    Traceback (most recent call last):
    ...
    connectivism.errors.UnknownNodeError: ties.csv, row 2, column 'to': There is no node called
    'Ada' in this network: add it as a node first, or check the spelling.
    """
    return _parse(bytes_of(nodes, name=names[0]), names[0], bytes_of(ties, name=names[1]), names[1])


def read_csv(
    nodes: Source,
    ties: Source,
    *,
    names: tuple[str | None, str | None] = (None, None),
) -> LearningNetwork:
    """Read a network from nodes.csv and ties.csv.

    Parameters
    ----------
    nodes, ties : str, os.PathLike, bytes-like or binary file object
        The two files: paths, their bytes (uploads), or open binary files.
    names : (str or None, str or None), optional
        Names used in messages; by default the files' own names.

    Returns
    -------
    LearningNetwork
        A new network; nothing else changes, whether reading succeeds or not.

    Raises
    ------
    FileTooLargeError
        If a file is over :data:`connectivism.formats.MAX_FILE_BYTES`.
    EncodingError
        If a file is not UTF-8; a file saved as Windows/cp1252 text gets a
        hint on saving it as "CSV UTF-8" instead.
    FileFormatError
        If a header row is wrong (the message lists missing and unexpected
        columns), a row has more cells than the header, or quoting is broken.
    MeNodeError
        If no row, or more than one, has kind ``me``.
    NetworkError
        If a value breaks a rule of the model; the message starts with the
        file, the row (the header is row 1) and the column.
    OSError
        If a file cannot be opened.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:  # doctest: +NORMALIZE_WHITESPACE
    ...     nodes = pathlib.Path(folder) / "nodes.csv"
    ...     ties = pathlib.Path(folder) / "ties.csv"
    ...     _ = nodes.write_text("name,kind,topic,tags,note\\nKim,me,,,\\nAda,person,,,\\n")
    ...     _ = ties.write_text("from,to,strength,since,last_contact,initiated_by\\n"
    ...                         "Kim,Ada,9,,,\\n")
    ...     read_csv(nodes, ties)
    Traceback (most recent call last):
    ...
    connectivism.errors.InvalidStrengthError: ties.csv, row 2, column 'strength': Strength 9 for the
    tie Kim–Ada is outside 1–5: use a whole number from 1 (weak) to 5 (strong).
    """
    nodes_data, nodes_name = read_source(nodes, name=names[0] or "nodes.csv")
    ties_data, ties_name = read_source(ties, name=names[1] or "ties.csv")
    return _parse(nodes_data, names[0] or nodes_name, ties_data, names[1] or ties_name)


def _parse(nodes_data: bytes, nodes_name: str, ties_data: bytes, ties_name: str) -> LearningNetwork:
    node_fields, tie_fields = fields_of(_network.Node), fields_of(_network.Tie)
    node_numbers, node_rows = _table_rows(nodes_data, nodes_name, _columns(_network.Node), "nodes.csv")
    tie_numbers, tie_rows = _table_rows(ties_data, ties_name, _columns(_network.Tie), "ties.csv")
    doc: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "nodes": [{f.name: _value(f, row[f.column]) for f in node_fields} for row in node_rows],
        "ties": [{f.name: _value(f, row[f.column]) for f in tie_fields} for row in tie_rows],
    }
    node_columns = {f.name: f.column for f in node_fields}
    tie_columns = {f.name: f.column for f in tie_fields}

    def where(section: str, index: int, field: str | None) -> tuple[str, str | None]:
        if section == "nodes":
            source, number, column = nodes_name, node_numbers[index], node_columns.get(field or "")
        else:
            source, number, column = ties_name, tie_numbers[index], tie_columns.get(field or "")
        place = f"row {number}"
        return source, f"{place}, column '{column}'" if column else place

    return network_from_document(doc, source=nodes_name, where=where)


def _strength(cell: str) -> Any:
    text = cell.strip()
    if not text:
        return None
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else text


#: Longest header row :func:`csv_kind` looks at, in characters.
_KIND_HEADER_LIMIT = 4096


def csv_kind(data: bytes | str) -> str | None:
    """Tell from its header row whether a CSV file is the nodes or the ties of a pair.

    Only the content counts, not the file's name: a file whose first row has the
    columns ``name`` and ``kind`` is the nodes, one with ``from`` and ``to`` the
    ties (in any order and case, separated by ``,`` or ``;``).

    Parameters
    ----------
    data : bytes or str
        The file's content (UTF-8, with or without a byte-order mark).

    Returns
    -------
    {"nodes", "ties"} or None
        None if the header row is neither (or the file is not UTF-8 text).

    Examples
    --------
    >>> nodes, ties = csv_templates()
    >>> csv_kind(nodes), csv_kind(ties.encode()), csv_kind("just,some,columns\\n")
    ('nodes', 'ties', None)
    """
    if isinstance(data, str):
        text = data
    else:
        head = bytes(data[: _KIND_HEADER_LIMIT * 4 + 3])
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "ignore")
    text = text.removeprefix("\ufeff")
    first = text[:_KIND_HEADER_LIMIT].splitlines()[0] if text.strip() else ""
    cells = {cell.strip().strip('"').strip().lower() for cell in re.split("[,;]", first)}
    is_nodes = {"name", "kind"} <= cells
    is_ties = {"from", "to"} <= cells
    if is_nodes == is_ties:
        return None
    return "nodes" if is_nodes else "ties"
