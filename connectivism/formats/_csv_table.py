"""One CSV table of a pair: its cells kept safe from formulas, its header checked, its rows read.

Part of :mod:`connectivism.formats.csv_format`, which re-exports the public
names (:data:`MAX_CSV_COLUMNS`, :func:`neutralise_cell`,
:func:`restore_cell`): import them from there. The module docstring of
:mod:`~connectivism.formats.csv_format` describes the format and the formula
injection these cells are kept safe from.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator

from connectivism.errors import FileFormatError
from connectivism.formats._safety import decode_text
from connectivism.notices import excerpts

__all__ = ["MAX_CSV_COLUMNS", "neutralise_cell", "restore_cell"]

#: Most columns (cells in a row) accepted: the six named ones and empty
#: columns a spreadsheet may add after them.
MAX_CSV_COLUMNS = 100

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")


def neutralise_cell(text: str) -> str:
    """Return a cell's text made safe from spreadsheet formula injection.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        `text` with a leading apostrophe if it would start a formula.

    Examples
    --------
    >>> neutralise_cell("=HYPERLINK(\\"http://example.com\\")")
    '\\'=HYPERLINK("http://example.com")'
    >>> neutralise_cell("Ada")
    'Ada'
    >>> restore_cell(neutralise_cell("'=x")) == "'=x"
    True
    """
    return "'" + text if _FORMULA.match(text) else text


def restore_cell(text: str) -> str:
    """Undo :func:`neutralise_cell` on a cell read from a file.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        `text` (ends stripped) without its first apostrophe when that is
        followed by apostrophes and then ``=``, ``+``, ``-``, ``@``, a tab or a
        carriage return; otherwise `text` unchanged.

    Examples
    --------
    >>> restore_cell("'=1+1")
    '=1+1'
    >>> restore_cell("'Tis a name")
    "'Tis a name"
    """
    stripped = text.strip()
    return stripped[1:] if _ESCAPED.match(stripped) else text


# --- reading a table ---------------------------------------------------------------


def _delimiter(text: str, columns: tuple[str, ...]) -> str:
    first = text.split("\n", 1)[0].rstrip("\r")
    best, best_count = ",", -1
    for delimiter in (",", ";"):
        try:
            header = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        cells = {cell.strip() for cell in header}
        count = len(cells & set(columns))
        if count > best_count:
            best, best_count = delimiter, count
    return best


def _records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    while True:
        number += 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileFormatError(
                f"The CSV cannot be read here ({error}): check the quotes in this row; a cell "
                "containing the separator, a quote or a line break must be in double quotes, "
                'with quotes inside it doubled ("").',
                field="csv",
            ).located(name, f"row {number}") from None
        yield number, record


def _table_rows(
    data: bytes, name: str, columns: tuple[str, ...], template: str
) -> tuple[list[int], list[dict[str, str]]]:
    text = decode_text(data, name, spreadsheet=True)
    delimiter = _delimiter(text, columns)
    records = _records(text, delimiter, name)
    first = next(records, None)
    header = [cell.strip() for cell in first[1]] if first else []
    expected = ",".join(columns)
    if not any(header):
        raise FileFormatError(
            f"The file '{name}' is empty: its first row must be the header {expected} (copy it "
            f"from the template {template} that comes with the kit).",
            field="header",
        )
    if len(header) > MAX_CSV_COLUMNS:
        raise FileFormatError(
            f"The header row of '{name}' has {len(header)} columns: a learning-network file "
            f"has {len(columns)} (at most {MAX_CSV_COLUMNS} with empty ones), so the file was "
            f"not read. The first row must be the header {expected} (copy it from the template "
            f"{template} that comes with the kit).",
            field="header",
            value=len(header),
        )
    counts = Counter(cell for cell in header if cell)
    missing = [column for column in columns if column not in counts]
    unexpected = [cell for cell in counts if cell not in columns]
    repeated = sorted(cell for cell, count in counts.items() if count > 1)
    if missing or unexpected or repeated:
        problems = []
        if missing:
            problems.append("missing " + excerpts(missing))
        if unexpected:
            problems.append("unexpected " + excerpts(unexpected))
        if repeated:
            problems.append("repeated " + excerpts(repeated))
        raise FileFormatError(
            f"The header row of '{name}' is not right ({'; '.join(problems)}): the first row "
            f"must have exactly the columns {expected}, in lower case, in any order, separated "
            f"by , or ; (copy it from the template {template} that comes with the kit).",
            field="header",
            value=header,
        )
    index = {column: header.index(column) for column in columns}
    unnamed = {i for i, cell in enumerate(header) if not cell}
    numbers: list[int] = []
    rows: list[dict[str, str]] = []
    for number, record in records:
        if len(record) > MAX_CSV_COLUMNS:
            raise FileFormatError(
                f"This row has {len(record)} cells: a row can have at most {MAX_CSV_COLUMNS} "
                f"(the header has {len(header)}), so the file was not read; a cell probably "
                f"contains unquoted '{delimiter}' characters: put such a cell in double quotes.",
                field="csv",
                value=len(record),
            ).located(name, f"row {number}")
        if not any(cell.strip() for cell in record):
            continue
        extra = [i for i in range(len(record)) if i >= len(header) or i in unnamed]
        if any(record[i].strip() for i in extra):
            raise FileFormatError(
                f"This row has {len(record)} cells with text in a column that has no header "
                f"(the header has {len(header)}): a cell probably contains an unquoted "
                f"'{delimiter}'; put such a cell in double quotes.",
                field="csv",
            ).located(name, f"row {number}")
        rows.append({column: restore_cell(record[i]) if i < len(record) else "" for column, i in index.items()})
        numbers.append(number)
    return numbers, rows
