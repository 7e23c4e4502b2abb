"""Cleaning text from other tools' exports into names, topics and tags the network accepts.

Shared by the readers of :mod:`connectivism.imports`. A value that the model
would refuse (a control character, a bidirectional override, too long) is
dropped rather than raised, and the reader counts it in a notice, so that one
odd row never spoils a file. Text that holds an e-mail address or a web
address is dropped too: imports keep names, groups and dates, never contact
details.
"""

from __future__ import annotations

import re

from connectivism._cleaners import _clean_line
from connectivism._limits import MAX_TAG_LENGTH, MAX_TOPIC_LENGTH
from connectivism._names import _clean_name
from connectivism.errors import NetworkError

__all__ = ["holds_address", "clean_name", "clean_line", "clean_tag", "Memo"]

# An e-mail address (a character, "@", then a "." before the next space or "@"), or a
# web address ("://", "www.", LinkedIn, a profile path). Each alternative starts at a
# fixed character and scans at most to the next space or "@", so a search takes time
# linear in the text, whatever it holds (a word of a million letters included).
_ADDRESS = re.compile(r"(?<=[^\s@])@[^\s@]*\.|://|\bwww\.|linkedin\.com|/in/[^\s/]", re.IGNORECASE)


def holds_address(text: str) -> bool:
    """Whether `text` holds an e-mail address or a web address.

    Examples
    --------
    >>> holds_address("ada@example.org"), holds_address("https://www.linkedin.com/in/ada")
    (True, True)
    >>> holds_address("Ada Lovelace"), holds_address("R&D @ Open University")
    (False, False)
    """
    return _ADDRESS.search(text) is not None


def clean_name(text: str) -> str | None:
    """The name as :meth:`LearningNetwork.add` accepts it, or ``None`` if it would be refused.

    Examples
    --------
    >>> clean_name("  George   Siemens ")
    'George Siemens'
    >>> clean_name("ada@example.org") is None, clean_name("\\u202eevil") is None, clean_name("  ") is None
    (True, True, True)
    """
    if holds_address(text):
        return None
    try:
        return _clean_name(text)
    except NetworkError:
        return None


def clean_line(text: str, *, limit: int = MAX_TOPIC_LENGTH) -> str:
    """A topic or tag as the network accepts it, or ``""`` if it would be refused.

    Examples
    --------
    >>> clean_line(" Senior  Lecturer ")
    'Senior Lecturer'
    >>> clean_line("x" * 500), clean_line("see https://example.org")
    ('', '')
    """
    if holds_address(text):
        return ""
    try:
        return _clean_line(text, field="topic", owner="", limit=limit)
    except NetworkError:
        return ""


def clean_tag(text: str) -> str:
    """A tag as the network accepts it (no ``|``, at most 100 characters), or ``""``.

    Examples
    --------
    >>> clean_tag("Open University"), clean_tag("a|b")
    ('Open University', '')
    """
    if "|" in text:
        return ""
    return clean_line(text, limit=MAX_TAG_LENGTH)


class Memo(dict):
    """A cache of one function for one file: values that repeat (journals, companies) are cleaned once.

    Made anew for each file, so nothing of one file is kept after it is read.

    Examples
    --------
    >>> lengths = Memo(len)
    >>> lengths["abc"], dict(lengths)
    (3, {'abc': 3})
    """

    def __init__(self, function) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key):
        value = self[key] = self.function(key)
        return value
