"""The accounts one follows on Mastodon as candidates: the "Follows" CSV of Mastodon's export.

Mastodon (Preferences → Import and export → Data export → "Follows",
``following_accounts.csv``) writes one row per account. Tested with the
files of Mastodon 4.x and 3.x (see ``tests/data/imports/``). What is read,
and nothing else:

* the header row, if there is one: its first column must be
  ``Account address``; the other columns Mastodon writes (``Show boosts``,
  ``Notify on new posts``, ``Languages``; only the first of them before 4.0)
  are allowed and not read. Files without a header row (as Mastodon 2.x
  wrote them) are read when their first cell is an account address;
* the first cell of every row: an account address ``user@server`` (with or
  without a leading ``@``), which becomes a candidate of kind ``"person"``
  named ``@user@server``, in the group of its server;
* every server becomes a candidate too, of kind ``"community"``, in the group
  ``"Servers"``, tied to the accounts on it: choose it to add the server
  as a community, or leave it out.

Rows whose first cell is not an account address are skipped, with a notice.
The CSV is read with the kit's CSV reader (UTF-8, strict quoting, at most
:data:`~connectivism.formats.csv_format.MAX_CSV_COLUMNS` cells a row), in time
linear in the size of the file.
"""

from __future__ import annotations

import re

from connectivism.errors import FileFormatError
from connectivism.formats._csv_table import MAX_CSV_COLUMNS, _records
from connectivism.formats._safety import Source, decode_text, read_source
from connectivism.imports import READERS, SIGNS
from connectivism.imports._candidates import Candidates
from connectivism.imports._reading import Collector
from connectivism.messages import text

__all__ = ["read_mastodon_follows", "looks_like_follows", "ACCOUNT_COLUMN"]

_DEFAULT_NAME = "following_accounts.csv"
#: The first column of the header row Mastodon writes.
ACCOUNT_COLUMN = "Account address"
_USER = re.compile(r"[^@\s,;]{1,100}")
_LABEL = re.compile(r"[A-Za-z0-9-]{1,63}")


def _account(cell: str) -> tuple[str, str] | None:
    """The (user, server) of an account address ``user@server`` or ``@user@server``, else None.

    Checked without a backtracking pattern, so that any cell takes time linear in its length.
    """
    user, at, server = cell.removeprefix("@").partition("@")
    labels = server.split(".")
    if not at or not _USER.fullmatch(user) or len(server) > 253 or len(labels) < 2:
        return None
    if not all(_LABEL.fullmatch(label) for label in labels):
        return None
    return user, server.lower()


def looks_like_follows(data: bytes) -> bool:
    """Whether the first row of `data` is that of Mastodon's follows list (its header, or an account).

    Reads the first line only, never raises: for telling a learner which
    export a file looks like when they picked another kind of file.

    Examples
    --------
    >>> looks_like_follows(b"Account address,Show boosts\\nGargron@mastodon.social,true\\n")
    True
    >>> looks_like_follows(b"First Name,Last Name,Connected On\\n"), looks_like_follows(b"")
    (False, False)
    """
    first = bytes(data[:4096]).decode("utf-8", errors="replace").lstrip("\ufeff").partition("\n")[0]
    cell = first.partition(",")[0].strip().strip('"').strip()
    return cell == ACCOUNT_COLUMN or _account(cell) is not None


def read_mastodon_follows(source: Source, *, name: str | None = None) -> Candidates:
    """Read Mastodon's ``following_accounts.csv`` as candidates (see the module docstring).

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    Candidates
        One person per account, grouped by server, and one community per
        server (group ``"Servers"``) tied to its accounts.

    Raises
    ------
    FileTooLargeError, EncodingError
        If the file is over the size limit or not UTF-8.
    FileFormatError
        If the header row is not Mastodon's, a row has too many cells, or the
        quotes are broken.

    Examples
    --------
    >>> found = read_mastodon_follows(b"Account address,Show boosts\\nGargron@mastodon.social,true\\n")
    >>> [(c.name, c.kind, c.group) for c in found.candidates]
    [('@Gargron@mastodon.social', 'person', 'mastodon.social'), ('mastodon.social', 'community', 'Servers')]
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    label = name or label
    rows = _records(decode_text(data, label, spreadsheet=True), ",", label)
    found = Collector("mastodon")
    servers: dict[str, list[str]] = {}
    skipped = number = 0
    for number, record in rows:
        if len(record) > MAX_CSV_COLUMNS:
            raise FileFormatError(
                f"This row has {len(record)} cells: a row of Mastodon's follows list has 4, so the file was not read.",
                field="csv",
                value=len(record),
            ).located(label, f"row {number}")
        first = record[0].strip() if record else ""
        if number == 1:
            if first.lstrip("\ufeff") == ACCOUNT_COLUMN:
                continue
            if _account(first) is None:
                raise FileFormatError(
                    f"The file '{label}' is not Mastodon's list of the accounts you follow: its first row "
                    f"must start with the column '{ACCOUNT_COLUMN}' (or with an account such as "
                    "user@mastodon.social). Export 'Follows' under Preferences → Import and export → Data export.",
                    field="header",
                )
        if not any(cell.strip() for cell in record):
            continue
        if found.full:  # the rest is left out, and counted
            found.left_out += 1
            continue
        account = _account(first)
        if account is None:
            skipped += 1
            continue
        user, server = account
        named = found.add(f"@{user}@{server}", "person", group=server, initiated_by="me")
        if named is not None:
            servers.setdefault(server, []).append(named)
    if number == 0:
        raise FileFormatError(
            f"The file '{label}' is empty: Mastodon's list of the accounts you follow starts with the "
            f"header row '{ACCOUNT_COLUMN},Show boosts,...'.",
            field="header",
        )
    group = text("import.group.servers")
    for server, accounts in servers.items():
        community = found.add(server, "community", group=group)
        if community is not None:
            for account in accounts:
                found.tie(account, community)
    if skipped:
        found.notices.append(text("import.notice.not_accounts", count=skipped))
    return found.result()


READERS["mastodon"] = read_mastodon_follows
SIGNS["mastodon"] = looks_like_follows
