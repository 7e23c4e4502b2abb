"""Notices for the learner, and the one way messages quote what a learner or a file wrote.

* :class:`ImportNotice` is the warning a reader issues when it read a file but
  changed something on the way in (it never refuses the file for that).
* :func:`excerpt` and :func:`excerpts` quote values in messages, errors and
  notices alike: at most :data:`EXCERPT_LENGTH` characters each, so that no
  message repeats a whole hostile file, and with invisible characters shown.

Examples
--------
>>> excerpt("Ada")
"'Ada'"
>>> len(excerpt("x" * 1_000_000))
63
"""

from __future__ import annotations

import contextlib
import unicodedata
import warnings
from collections.abc import Iterator

__all__ = ["EXCERPT_LENGTH", "ImportNotice", "caught_notices", "excerpt", "excerpts"]

#: Most characters of a value that a message quotes (see :func:`excerpt`).
EXCERPT_LENGTH = 60
# control, surrogate and format characters (bidirectional controls are format characters)
_INVISIBLE = frozenset(("Cc", "Cs", "Cf"))


# --- notices ------------------------------------------------------------------


class ImportNotice(UserWarning):
    """A file was read, but something in it was changed on the way in.

    Readers issue it with :func:`warnings.warn` (so a notebook shows it) when
    they repair what the model would refuse but a learner may have saved with
    an older kit, such as bidirectional control characters in names. The
    builder and the autosave show its message as a notice; nothing is refused.

    Parameters
    ----------
    message : str
        A complete sentence that names what was changed and where.
    source : str, optional
        The file's name.
    changes : tuple of str, optional
        Where each change was made, such as ``"nodes[3].name"``.

    Examples
    --------
    >>> notice = ImportNotice("Removed a character.", source="a.json", changes=("nodes[1].name",))
    >>> str(notice), notice.source, notice.changes
    ('Removed a character.', 'a.json', ('nodes[1].name',))
    """

    def __init__(self, message: str, *, source: str | None = None, changes: tuple[str, ...] = ()):
        super().__init__(message)
        self.source = source
        self.changes = tuple(changes)


@contextlib.contextmanager
def caught_notices() -> Iterator[list[str]]:
    """Collect the messages of the :class:`ImportNotice` warnings issued in a block.

    For views that show notices themselves (the builder, the autosave):
    the notices are kept instead of printed; other warnings pass through.

    Yields
    ------
    list of str
        Filled with the notices' messages when the block ends.

    Examples
    --------
    >>> with caught_notices() as notices:
    ...     warnings.warn(ImportNotice("Removed a character."))
    >>> notices
    ['Removed a character.']
    """
    found: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ImportNotice)
        try:
            yield found
        finally:
            others = [w for w in caught if not issubclass(w.category, ImportNotice)]
            found.extend(str(w.message) for w in caught if issubclass(w.category, ImportNotice))
    for w in others:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


# --- quoting values in messages -------------------------------------------------


def excerpt(value: object, limit: int = EXCERPT_LENGTH) -> str:
    """Quote a value for a message: at most `limit` characters, cut with "…".

    The one place where a message quotes text that came from a learner or a
    file, so that no message repeats a whole hostile file. Text holding
    invisible characters (control, format or bidirectional characters) is
    shown as a Python literal, so that every character is visible and none can
    reorder the rest of the message.

    Parameters
    ----------
    value : object
        Usually a string; other values are shown with ``repr``.
    limit : int, optional
        The most characters of the value to show (:data:`EXCERPT_LENGTH`).

    Returns
    -------
    str
        The value in quotes, cut to `limit` characters plus "…" if longer.

    Examples
    --------
    >>> excerpt("Ada")
    "'Ada'"
    >>> len(excerpt("x" * 10_000)) <= EXCERPT_LENGTH + 3
    True
    >>> excerpt("\\u202eexe.txt")
    "'\\\\u202eexe.txt'"
    >>> excerpt(7), excerpt(None)
    ('7', 'None')
    """
    if isinstance(value, str):
        text = value if len(value) <= limit else value[:limit] + "…"
        if not text.isprintable() and any(unicodedata.category(ch) in _INVISIBLE for ch in text):
            return repr(text)
        return f"'{text}'"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, (int, float)):
        text = repr(value)
        return text if len(text) <= limit else text[:limit] + "…"
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def excerpts(values, *, most: int = 5, limit: int = EXCERPT_LENGTH) -> str:
    """Quote the first few values of a list, each with :func:`excerpt`.

    Parameters
    ----------
    values : iterable
    most : int, optional
        How many values to show; the rest are counted.
    limit : int, optional
        The most characters of each value.

    Returns
    -------
    str
        Such as ``"'a', 'b' and 3 more"``.

    Examples
    --------
    >>> excerpts(["a", "b"])
    "'a', 'b'"
    >>> excerpts([str(i) for i in range(100)], most=2)
    "'0', '1' and 98 more"
    """
    values = list(values)
    shown = ", ".join(excerpt(value, limit) for value in values[:most])
    rest = len(values) - most
    return f"{shown} and {rest} more" if rest > 0 else shown
