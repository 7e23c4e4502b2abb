"""LinkedIn's ``Connections.csv``: the people one is connected with, and since when.

LinkedIn's data export ("Settings & Privacy → Data privacy → Get a copy of
your data → Connections") holds a file ``Connections.csv``. Current exports
start with a few lines of notes before the header (a line ``Notes:``, a quoted
paragraph about e-mail addresses, a blank line); older ones start with the
header. The header is::

    First Name,Last Name,URL,Email Address,Company,Position,Connected On

and each row is one connection, the date written as ``12 Nov 2024``.

What is read, exactly:

* the header is the first of the first :data:`HEADER_SEARCH_ROWS` records
  that has the columns ``First Name``, ``Last Name`` and ``Connected On``
  (compared ignoring case and surrounding spaces); the columns may come in any
  order, and older exports without ``URL`` or ``Email Address`` are read the
  same way; a file saved again by a spreadsheet with ``;`` between cells is
  read too;
* ``First Name`` and ``Last Name`` make the candidate's name (a person);
* ``Connected On`` is the tie's ``since`` (``12 Nov 2024``, ``12 November
  2024`` or ``2024-11-12``; English month names whatever the computer's
  language), and its year the candidate's group ("Connected in 2024"), so the
  panel lists connections by the year they began;
* ``Position`` is the topic (``Company`` when there is no position), and
  ``Company`` a tag.

``URL`` and ``Email Address`` are never read, and a name, position or company
that holds an e-mail or web address is dropped: the import keeps names,
groups and dates only. Values are cleaned as every import cleans them
(:mod:`connectivism.imports._clean`); rows without a usable name are
skipped, repeated names merged into the first (its row kept), and
rows past :data:`~connectivism.imports._reading.MAX_CANDIDATES` left out
(LinkedIn allows 30,000 connections; a network holds 2,000 nodes), each
counted in the notices.

Examples
--------
>>> text = '''Notes:
... "When exporting your connection data, you may notice that some of the email addresses are missing."
...
... First Name,Last Name,URL,Email Address,Company,Position,Connected On
... Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Analytical Engines,Programmer,12 Nov 2024
... '''
>>> found = read_linkedin(text.encode())
>>> person = found.candidates[0]
>>> person.name, person.kind, person.group, person.topic, person.tags, person.since
('Ada Lovelace', 'person', 'Connected in 2024', 'Programmer', ('Analytical Engines',), datetime.date(2024, 11, 12))
"""

from __future__ import annotations

import csv
import datetime
import io
import re

from connectivism import messages
from connectivism.errors import FileFormatError, MalformedFileError
from connectivism.formats._csv_table import MAX_CSV_COLUMNS
from connectivism.formats._safety import Source, decode_text, read_source
from connectivism.imports import READERS, SIGNS
from connectivism.imports._candidates import Candidates
from connectivism.imports._clean import clean_line
from connectivism.imports._reading import Collector

__all__ = ["read_linkedin", "looks_like_connections", "HEADER_SEARCH_ROWS"]
#: How many records at the start of the file may come before the header (LinkedIn's notes).
HEADER_SEARCH_ROWS = 10

_FIRST, _LAST, _COMPANY, _POSITION, _SINCE = "first name", "last name", "company", "position", "connected on"

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date(text: str) -> datetime.date | None:
    """A date written as LinkedIn writes it ("12 Nov 2024"), or ISO; ``None`` if neither.

    >>> _date("12 Nov 2024"), _date("3 September 2019"), _date("2024-11-12")
    (datetime.date(2024, 11, 12), datetime.date(2019, 9, 3), datetime.date(2024, 11, 12))
    >>> _date("31 Feb 2024"), _date("yesterday"), _date("")
    (None, None, None)
    """
    text = text.strip()
    match = _DAY_MONTH_YEAR.fullmatch(text)
    try:
        if match:
            month = _MONTHS.get(match.group(2).casefold())
            if month is None:
                return None
            return datetime.date(int(match.group(3)), month, int(match.group(1)))
        match = _ISO.fullmatch(text)
        if match:
            return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def _header(records, name: str) -> dict[str, int] | None:
    """The columns of the header among the first records, or ``None`` if there is none."""
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            row = next(records)
        except StopIteration:
            return None
        if len(row) > MAX_CSV_COLUMNS:
            raise FileFormatError(
                f"The file '{name}' has a row of {len(row)} cells; LinkedIn's Connections.csv has 7, "
                "so the file was not read: check that you picked Connections.csv from LinkedIn's export.",
                field="columns",
                value=len(row),
            )
        columns: dict[str, int] = {}
        for index, cell in enumerate(row):
            columns.setdefault(cell.strip().casefold(), index)
        if {_FIRST, _LAST, _SINCE} <= columns.keys():
            return columns
    return None


def _columns(text: str, name: str) -> tuple[dict[str, int], object] | None:
    """The header's columns and the records after it, trying ``,`` then ``;``; ``None`` if no header."""
    for delimiter in (",", ";"):
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            columns = _header(records, name)
        except csv.Error:
            columns = None
        if columns is not None:
            return columns, records
    return None


def looks_like_connections(data: bytes) -> bool:
    """Whether the start of `data` has the structure of LinkedIn's ``Connections.csv`` (its header).

    Reads at most the first 64 KB, never raises: for telling a learner which
    export a file looks like when they picked another kind of file.

    Examples
    --------
    >>> looks_like_connections(b"Notes:\\n\\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\\n")
    True
    >>> looks_like_connections(b"Account address,Show boosts\\n"), looks_like_connections(b"\\xff" * 10)
    (False, False)
    """
    start = bytes(data[:65536]).decode("utf-8", errors="replace").lstrip("\ufeff")
    try:
        return _columns(start, "") is not None
    except FileFormatError:  # a row of too many cells: not LinkedIn's
        return False


def read_linkedin(source: Source, *, name: str = "Connections.csv") -> Candidates:
    """Read LinkedIn's ``Connections.csv`` into candidates: people, with the date each tie began.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        The file, as the readers of :mod:`connectivism.formats` take it.
    name : str, optional
        The file's name in messages when `source` has none.

    Returns
    -------
    Candidates
        One person per connection (repeated names merged), with ``since``,
        the year as group, position (or company) as topic, company as tag;
        ``source`` is ``"linkedin"``.

    Raises
    ------
    FileTooLargeError
        If the file is larger than 5 MB.
    EncodingError
        If the file is not UTF-8 text.
    MalformedFileError
        If the file is not readable CSV (for example a cell longer than the
        CSV reader allows).
    FileFormatError
        If no LinkedIn header is found near the start of the file.

    Examples
    --------
    >>> old = b"First Name,Last Name,Email Address,Company,Position,Connected On\\nGrace,Hopper,,Navy,,01 Jan 2010\\n"
    >>> [(c.name, c.topic, c.since.year) for c in read_linkedin(old).candidates]
    [('Grace Hopper', 'Navy', 2010)]
    """
    data, name = read_source(source, name=name)
    text = decode_text(data, name, spreadsheet=True)
    found_header = _columns(text, name)
    if found_header is None:
        raise FileFormatError(
            f"The file '{name}' is not LinkedIn's Connections.csv: no row near its start has the "
            "columns 'First Name', 'Last Name' and 'Connected On'. Check that you picked "
            "Connections.csv from the folder LinkedIn's data export gives you.",
            field="header",
        )
    columns, records = found_header
    found = Collector("linkedin", private=True, widen=False)
    undated = 0
    first, last, since_at = columns[_FIRST], columns[_LAST], columns[_SINCE]
    company_at, position_at = columns.get(_COMPANY), columns.get(_POSITION)
    rows = 0
    try:
        for row in records:
            if not any(cell.strip() for cell in row):
                continue
            rows += 1
            if found.full:  # the rest is left out, and counted
                found.left_out += 1
                continue

            def cell(index: int | None, row=row) -> str:
                return row[index] if index is not None and index < len(row) else ""

            since = _date(cell(since_at))
            company = cell(company_at)
            named = found.add(
                f"{cell(first)} {cell(last)}",
                "person",
                group=messages.text("import.group.connected", year=since.year)
                if since
                else messages.text("import.group.not_dated"),
                topic=clean_line(cell(position_at), private=True) or company,
                tags=(company,),
                since=since,
            )
            if named is not None and since is None:
                undated += 1
    except csv.Error as error:
        raise MalformedFileError(
            f"The file '{name}' could not be read as CSV after row {rows} ({type(error).__name__}: a "
            "cell is too long or a quote is not closed): it may be damaged; export it again from LinkedIn.",
            field="csv",
        ) from None
    found.notices.append(messages.text("import.notice.no_addresses"))
    if undated:
        found.notices.append(messages.text("import.notice.undated", count=undated))
    return found.result()


READERS["linkedin"] = read_linkedin
SIGNS["linkedin"] = looks_like_connections
