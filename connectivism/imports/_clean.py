"""The one cleaning policy of the imports: clean what can be cleaned, drop what cannot, and say so.

Shared by every reader of :mod:`connectivism.imports` (through
:class:`~connectivism.imports._reading.Collector` or directly). A file from
another tool holds text the model would refuse; one odd value never spoils a
file, and nothing is raised for it:

* **cleaned**: control, surrogate and bidirectional control characters are
  removed, runs of whitespace become one space, and text longer than the
  field allows (:data:`~connectivism.network.MAX_NAME_LENGTH`,
  :data:`~connectivism.network.MAX_TOPIC_LENGTH`,
  :data:`~connectivism.network.MAX_TAG_LENGTH`) is cut with "…", as the
  learner would cut it; in a tag, ``|`` (the CSV files' tag separator)
  becomes a space;
* **dropped**: a value with nothing visible left and, for readers of files about people
  (``private=True``: LinkedIn, reference libraries), a value holding an
  e-mail or web address, since imports keep names, groups and dates, never
  contact details. Readers whose names *are* addresses by design (Mastodon
  accounts, bookmark sites, feeds) do not ask for this.

The readers count what they drop and say it in a notice
(:class:`~connectivism.imports._reading.Collector` does so for them).
"""

from __future__ import annotations

import re
import unicodedata

from connectivism._limits import BIDI_CONTROLS, MAX_NAME_LENGTH, MAX_TAG_LENGTH, MAX_TOPIC_LENGTH
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


def clean_line(text: str, limit: int = MAX_TOPIC_LENGTH, *, private: bool = False) -> str:
    """`text` as one line a name, topic or tag may hold: cleaned, at most `limit` characters; ``""`` if dropped.

    Parameters
    ----------
    text : str
    limit : int, optional
        The most characters kept; longer text is cut with "…".
    private : bool, optional
        Drop text holding an e-mail or web address (see the module docstring).

    Examples
    --------
    >>> clean_line("  Open\\u202e  Ed\\x00 Weekly ")
    'Open Ed Weekly'
    >>> clean_line("x" * 300, 10)
    'xxxxxxxxx…'
    >>> clean_line("see https://example.org", private=True), clean_line(" \\x00\\x01 ")
    ('', '')
    """
    if private and holds_address(text):
        return ""
    if not text.isprintable():
        text = "".join(
            " " if ch.isspace() else ch
            for ch in text
            if ch.isspace()
            or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in BIDI_CONTROLS and ch not in "\ufffe\uffff")
        )
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def clean_name(text: str, *, private: bool = False) -> str | None:
    """The name as :meth:`LearningNetwork.add` accepts it (cleaned, cut), or ``None`` if it is dropped.

    Examples
    --------
    >>> clean_name("  George \\u202e  Siemens ")
    'George Siemens'
    >>> clean_name("ada@example.org", private=True) is None, clean_name("\\u200b") is None, clean_name("  ") is None
    (True, True, True)
    >>> len(clean_name("x" * 500))
    200
    """
    line = clean_line(text, MAX_NAME_LENGTH, private=private)
    if not line:
        return None
    try:
        return _clean_name(line)
    except NetworkError:  # nothing visible left (only formatting characters)
        return None


def clean_tag(text: str, *, private: bool = False) -> str:
    """A tag as the network accepts it (``|`` made a space, at most 100 characters), or ``""``.

    Examples
    --------
    >>> clean_tag("Open University"), clean_tag("a|b"), clean_tag("|")
    ('Open University', 'a b', '')
    """
    return clean_line(text.replace("|", " "), MAX_TAG_LENGTH, private=private)


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
