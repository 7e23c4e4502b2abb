"""Names in the learning network: how they are compared, and how a new one is checked.

Part of the model (:mod:`connectivism.network` re-exports the public names,
:func:`normalise_name` and :func:`match_key`: import them from there). The
private helpers here (:func:`_q` to quote a value in a message,
:func:`_bad_character` and :func:`_bidi_character` to find what files cannot
hold or what reorders text) are shared with the field cleaners.

Examples
--------
>>> from connectivism.network import normalise_name
>>> normalise_name("Ada  LOVELACE") == normalise_name("ada lovelace")
True
"""

from __future__ import annotations

import unicodedata

from connectivism._limits import BIDI_CONTROLS, MAX_NAME_LENGTH
from connectivism.errors import InvalidNameError, NetworkError
from connectivism.notices import EXCERPT_LENGTH, excerpt

__all__ = ["normalise_name", "match_key"]


def normalise_name(name: str) -> str:
    """Return the key under which a name is compared with other names.

    Two names with the same key are the same node: a network cannot hold both,
    and a lookup by either finds the node.

    Parameters
    ----------
    name : str
        A name as typed.

    Returns
    -------
    str
        The name in Unicode NFKC form, case-folded, with invisible formatting
        characters (zero-width spaces, byte-order marks ...) removed, runs of
        whitespace collapsed to one space and the ends stripped. An empty string
        means the name has nothing visible in it.

    Raises
    ------
    TypeError
        If `name` is not a string.

    See Also
    --------
    match_key : the same, and also ignores accents.

    Notes
    -----
    NFKC makes compatibility variants equal: full-width letters, ligatures such
    as "ﬁ", and composed and decomposed accents. Case folding is stronger than
    lower-casing ("Straße" and "STRASSE" are the same). Accents still count:
    "José" and "Jose" are different names.

    Examples
    --------
    >>> normalise_name("  Ada   LOVELACE ")
    'ada lovelace'
    >>> normalise_name("ＡＤＡ") == normalise_name("ada")
    True
    >>> normalise_name("José") == normalise_name("Jose")
    False
    """
    if not isinstance(name, str):
        raise TypeError(f"normalise_name() needs a string, not {type(name).__name__}")
    text = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def match_key(name: str) -> str:
    """Return a looser key than :func:`normalise_name` that also ignores accents.

    Meant for matching names *across* learners' files (a class network built by
    merging everyone's files), where one learner types "José Martí" and another
    "Jose Marti". Inside one network names are compared with
    :func:`normalise_name`, so "José" and "Jose" can be two different nodes.

    Parameters
    ----------
    name : str
        A name as typed.

    Returns
    -------
    str
        ``normalise_name(name)`` with accents and other combining marks removed
        (Unicode NFKD, combining marks dropped, then NFC).

    Raises
    ------
    TypeError
        If `name` is not a string.

    Notes
    -----
    Letters that are not "letter + accent" in Unicode, such as "ø" or "ł", are
    kept as they are.

    Examples
    --------
    >>> match_key("José  MARTÍ")
    'jose marti'
    >>> match_key("Zoë") == match_key("zoe")
    True
    """
    decomposed = unicodedata.normalize("NFKD", normalise_name(name))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def _q(value: object, limit: int = EXCERPT_LENGTH) -> str:
    """Quote a value for a message: short, and unambiguous about invisibles."""
    return excerpt(value, limit)


def _bad_character(text: str, allow: str = "") -> str | None:
    """Return the first character that files cannot hold, if any."""
    for ch in text:
        if ch in allow:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or ch in "\ufffe\uffff":
            return ch
    return None


def _bidi_character(text: str) -> str | None:
    """Return the first bidirectional control character in `text`, if any."""
    if BIDI_CONTROLS.isdisjoint(text):
        return None
    return next(ch for ch in text if ch in BIDI_CONTROLS)


_BIDI_HINT = (
    "a bidirectional control character (U+{code:04X}), which makes text display in "
    "another order than it is stored (so 'txt.exe' can look like 'exe.txt'): remove it"
)


def _clean_name(value: object, *, what: str = "name") -> str:
    """Validate a name and return its display form (stripped, spaces collapsed)."""
    if value is None:
        raise InvalidNameError(
            f"A {what} is missing: give every node a name, such as 'Ada Lovelace'.",
            field="name",
            value=value,
        )
    if not isinstance(value, str):
        raise InvalidNameError(
            f"The {what} {_q(value)} is not text: a name is text, such as 'Ada Lovelace'.",
            field="name",
            value=value,
        )
    display = " ".join(value.split())
    if not normalise_name(display):
        raise InvalidNameError(
            f"The {what} {_q(value)} is empty: give every node a name with at least one letter, digit or symbol.",
            field="name",
            value=value,
        )
    bad = _bad_character(display)
    if bad is not None:
        raise InvalidNameError(
            f"The {what} {_q(display)} contains an invisible control character "
            f"(U+{ord(bad):04X}): remove it; names can hold letters, digits, spaces "
            "and punctuation.",
            field="name",
            value=value,
        )
    bad = _bidi_character(display)
    if bad is not None:
        raise InvalidNameError(
            f"The {what} {_q(display)} contains {_BIDI_HINT.format(code=ord(bad))}.",
            field="name",
            value=value,
        )
    if len(display) > MAX_NAME_LENGTH:
        raise InvalidNameError(
            f"The {what} {_q(display)} is {len(display)} characters long: a name can be "
            f"at most {MAX_NAME_LENGTH} characters; put longer text in the note.",
            field="name",
            value=value,
        )
    return display


def _clean_name_error(value: object) -> NetworkError:
    try:
        _clean_name(value)
    except InvalidNameError as error:
        return error
    raise AssertionError("unreachable")  # pragma: no cover
