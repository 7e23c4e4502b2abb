"""The learning network: one learner ("me"), the nodes they learn from, and ties.

A :class:`LearningNetwork` is what every notebook, exercise, measure and
facilitator tool in the kit works on. It holds

* exactly one **me** node, the learner at the centre;
* other **nodes**, each a person, a community, a resource (a blog, a journal,
  a database ...) or a tool (Siemens' "non-human appliances"), with a main
  topic or field, optional tags and a free-text note;
* **ties** between two nodes, without direction, each with a strength from 1
  (weak) to 5 (strong), the date the tie began (``since``), the date of the
  last contact, and who started it (``initiated_by``: me, them or both).

Every operation checks its input completely before it changes anything, so an
operation that raises an error leaves the network exactly as it was. Errors
are the types in :mod:`connectivism.errors`; their messages name the offending
value and say what is accepted.

Names are compared by :func:`normalise_name`: "Ada Lovelace", "ada  lovelace"
and "ＡＤＡ LOVELACE" are the same node, which is looked up by any of these
spellings and displayed as it was first typed.

Examples
--------
>>> from connectivism.network import LearningNetwork
>>> net = LearningNetwork("Sam")
>>> net.add("Ada Lovelace", "person", topic="computing", tags=["mentor"])
Node(name='Ada Lovelace', kind='person', topic='computing', tags=('mentor',), note='')
>>> _ = net.add("Open Ed Weekly", "resource", topic="open education")
>>> _ = net.connect("Sam", "ada lovelace", strength=4, since="2023-09-01")
>>> _ = net.connect("Sam", "Open Ed Weekly", strength=2)
>>> len(net), len(net.ties)
(3, 2)
>>> [node.name for node in net.nodes]
['Sam', 'Ada Lovelace', 'Open Ed Weekly']
>>> net.tie("Ada Lovelace", "Sam").since
datetime.date(2023, 9, 1)
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import functools
import numbers
import operator
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from connectivism.errors import (
    DuplicateNodeError,
    DuplicateTieError,
    InvalidDateError,
    InvalidFieldError,
    InvalidKindError,
    InvalidNameError,
    InvalidStrengthError,
    LimitExceededError,
    MeNodeError,
    NetworkError,
    SelfTieError,
    UnknownNodeError,
    UnknownTieError,
)
from connectivism.notices import EXCERPT_LENGTH, excerpt

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = [
    "KINDS",
    "OTHER_KINDS",
    "INITIATORS",
    "MIN_STRENGTH",
    "MAX_STRENGTH",
    "MAX_NODES",
    "MAX_TIES",
    "MAX_NAME_LENGTH",
    "MAX_TOPIC_LENGTH",
    "MAX_TAGS",
    "MAX_TAG_LENGTH",
    "MAX_NOTE_LENGTH",
    "MAX_TITLE_LENGTH",
    "MAX_TEXT_LENGTH",
    "BIDI_CONTROLS",
    "CODECS",
    "Node",
    "Tie",
    "Metadata",
    "FieldInfo",
    "record_field",
    "fields_of",
    "LearningNetwork",
    "normalise_name",
    "match_key",
    "new_learner_id",
]

#: Every kind of node. ``"me"`` is reserved for the single learner node.
KINDS = ("me", "person", "community", "resource", "tool")
#: The kinds a node other than "me" can have.
OTHER_KINDS = KINDS[1:]
#: Accepted values of a tie's ``initiated_by`` (``None`` means not recorded).
INITIATORS = ("me", "them", "both")
#: Weakest tie strength.
MIN_STRENGTH = 1
#: Strongest tie strength.
MAX_STRENGTH = 5
#: Most nodes in one network, "me" included.
MAX_NODES = 2_000
#: Most ties in one network.
MAX_TIES = 10_000
#: Longest name, in characters.
MAX_NAME_LENGTH = 200
#: Longest topic, in characters.
MAX_TOPIC_LENGTH = 200
#: Most tags on one node.
MAX_TAGS = 20
#: Longest tag, in characters.
MAX_TAG_LENGTH = 100
#: Longest note, in characters.
MAX_NOTE_LENGTH = 5_000
#: Longest network title, in characters.
MAX_TITLE_LENGTH = 200
#: Most characters of text in one network (see :attr:`LearningNetwork.text_length`).
#: With :data:`MAX_NODES`, :data:`MAX_TIES` and :data:`MAX_TAGS` this keeps every
#: file the kit writes (JSON, GraphML, each CSV file) under the file limit
#: ``connectivism.formats.MAX_FILE_BYTES``, so that any network the model holds
#: can be saved, exported and read back (``tests/test_limits.py`` proves it).
MAX_TEXT_LENGTH = 500_000

#: Bidirectional control characters (U+202A–U+202E, U+2066–U+2069), refused in
#: names, topics, tags and titles: they make text display in another order than
#: it is stored ("Trojan Source", CVE-2021-42574). Notes may hold them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_LEARNER_ID = re.compile(r"[0-9a-f]{32}")
_ISO_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})"
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KINDS_TEXT = "person, community, resource or tool"
_STRENGTH_HINT = "use a whole number from 1 (weak) to 5 (strong)"
_DATE_HINT = "write it as YYYY-MM-DD, for example 2024-03-01"


# --- names ----------------------------------------------------------------------


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


# --- field cleaners ---------------------------------------------------------------


def _clean_line(value: object, *, field: str, owner: str, limit: int) -> str:
    """Validate one line of text (topic, title): stripped, spaces collapsed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidFieldError(
            f"The {field} {_q(value)} {owner} is not text: write it as text, or leave it empty.",
            field=field,
            value=value,
        )
    text = " ".join(value.split())
    bad = _bad_character(text)
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} contains an invisible control character (U+{ord(bad):04X}): remove it.",
            field=field,
            value=value,
        )
    bad = _bidi_character(text)
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} contains {_BIDI_HINT.format(code=ord(bad))}.",
            field=field,
            value=value,
        )
    if len(text) > limit:
        raise InvalidFieldError(
            f"The {field} {_q(text)} {owner} is {len(text)} characters long: it can be at "
            f"most {limit} characters; put longer text in the note.",
            field=field,
            value=value,
        )
    return text


def _clean_note(value: object, *, owner: str, field: str = "note") -> str:
    """Validate a note (or another free text): line breaks become "\\n"; ends stripped."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidFieldError(
            f"The {field} {owner} is {_q(value)}, which is not text: write it as text, or leave it empty.",
            field=field,
            value=value,
        )
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    bad = _bad_character(text, allow="\n\t")
    if bad is not None:
        raise InvalidFieldError(
            f"The {field} {owner} contains an invisible control character (U+{ord(bad):04X}): "
            "remove it; notes can hold any text, tabs and line breaks.",
            field=field,
            value=value,
        )
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidFieldError(
            f"The {field} {owner} is {len(text)} characters long: a {field} can be at most "
            f"{MAX_NOTE_LENGTH} characters.",
            field=field,
            value=value,
        )
    return text


def _clean_tags(value: object, *, owner: str) -> tuple[str, ...]:
    """Validate tags: a list of short texts without "|"; duplicates dropped."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise InvalidFieldError(
            f"The tags {owner} must be a list of words such as ['mentor', 'ethics'], not {_q(value)}.",
            field="tags",
            value=value,
        )
    tags: list[str] = []
    seen: set[str] = set()
    for raw in value:
        if not isinstance(raw, str):
            raise InvalidFieldError(
                f"The tag {_q(raw)} {owner} is not text: each tag is a short text such as 'mentor'.",
                field="tags",
                value=value,
            )
        tag = _clean_line(raw, field="tag", owner=owner, limit=MAX_TAG_LENGTH)
        if not tag:
            raise InvalidFieldError(
                f"One of the tags {owner} is empty: remove it, or write a word.",
                field="tags",
                value=value,
            )
        if "|" in tag:
            raise InvalidFieldError(
                f"The tag {_q(tag)} {owner} contains '|', which separates tags in files: split it into separate tags.",
                field="tags",
                value=value,
            )
        if tag not in seen:
            seen.add(tag)
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise InvalidFieldError(
            f"There are {len(tags)} tags {owner}: a node can have at most {MAX_TAGS} tags.",
            field="tags",
            value=value,
        )
    return tuple(tags)


def _clean_kind(value: object, *, name: str) -> str:
    """Validate a kind; accepts any case and surrounding spaces."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidKindError(
            f"The kind of {_q(name)} is missing: use {_KINDS_TEXT}.",
            field="kind",
            value=value,
        )
    kind = value.strip().lower() if isinstance(value, str) else None
    if kind not in KINDS:
        raise InvalidKindError(
            f"The kind {_q(value)} for {_q(name)} is not a kind of node: use {_KINDS_TEXT}.",
            field="kind",
            value=value,
        )
    return kind


def _clean_strength(value: object, *, tie: str) -> int:
    """Validate a strength: a whole number from 1 to 5."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidStrengthError(
            f"The strength of the tie {tie} is missing: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InvalidStrengthError(
            f"Strength {_q(value)} for the tie {tie} is not a whole number: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    strength = int(value)
    if not MIN_STRENGTH <= strength <= MAX_STRENGTH:
        raise InvalidStrengthError(
            f"Strength {strength} for the tie {tie} is outside 1–5: {_STRENGTH_HINT}.",
            field="strength",
            value=value,
        )
    return strength


def _clean_date(value: object, *, field: str, owner: str) -> datetime.date | None:
    """Validate a date: a ``datetime.date``, a "YYYY-MM-DD" string, or None/empty."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} includes a time of day: give just the date; {_DATE_HINT}.",
            field=field,
            value=value,
        )
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not a date: {_DATE_HINT}, or leave it empty.",
            field=field,
            value=value,
        )
    text = value.strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not an ISO 8601 date: {_DATE_HINT}.",
            field=field,
            value=value,
        )
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidDateError(
            f"The {field} date {_q(value)} {owner} is not a real date ({error}): {_DATE_HINT}.",
            field=field,
            value=value,
        ) from None


def _clean_initiator(value: object, *, tie: str) -> str | None:
    """Validate ``initiated_by``: me, them, both, or None/empty."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().lower()
        if not text:
            return None
        if text in INITIATORS:
            return text
    raise InvalidFieldError(
        f"{_q(value)} is not accepted for initiated_by on the tie {tie}: use me, them, both, or leave it empty.",
        field="initiated_by",
        value=value,
    )


def _check_fields(fields: dict[str, Any], allowed: tuple[str, ...], *, what: str, extra: str) -> None:
    unknown = [name for name in fields if name not in allowed]
    if unknown:
        raise InvalidFieldError(
            f"{what} have no field {_q(unknown[0])}: you can edit {', '.join(allowed[:-1])} and {allowed[-1]}{extra}.",
            field=unknown[0],
            value=fields[unknown[0]],
        )


def _clean_learner_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LEARNER_ID.fullmatch(value):
        # the value is not quoted: it is an identity field, and a file's author controls it
        raise InvalidFieldError(
            "The learner_id in the metadata is not a learner id made by the kit: it must be "
            "32 hexadecimal digits (0-9, a-f), or be left out.",
            field="learner_id",
        )
    return value


def _clean_saved_at(value: object) -> datetime.datetime | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_TIME.fullmatch(value.strip()):
        try:
            value = datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            value = None
    if not isinstance(value, datetime.datetime) or value.tzinfo is None:
        raise InvalidDateError(
            "The saved_at time in the metadata is not a real time in ISO 8601 with a time zone: "
            "write it as YYYY-MM-DDTHH:MM:SSZ, for example 2026-10-01T09:30:00Z, or leave it out.",
            field="saved_at",
        )
    return value.astimezone(datetime.timezone.utc).replace(microsecond=0)


# --- the fields ----------------------------------------------------------------------
#
# Every field of Node, Tie and Metadata says, in its dataclasses.field metadata, what
# the rest of the kit needs to know about it (see record_field). Everything that
# lists fields -- the network's checks and equality, the document layer, the CSV,
# GraphML and JSON readers and writers, anonymised() -- reads that list with
# fields_of(), so adding a field to a record is a change in one place.

#: The codecs (kinds of value) a field can have. Each says how the value is checked
#: by default, how formats write it, and whether it counts as text.
CODECS = ("name", "word", "line", "text", "tags", "int", "date", "id", "time")
#: Codecs whose text counts in :attr:`LearningNetwork.text_length`.
_TEXT_CODECS = frozenset({"name", "line", "text", "tags"})
#: Codecs whose values the model refuses bidirectional controls in (see BIDI_CONTROLS).
_ONE_LINE_CODECS = frozenset({"name", "line", "tags"})
_FACTS = "connectivism"  # the key of the kit's facts in a dataclasses.field's metadata

#: ``clean(value, *, field, owner, label) -> value``: checks one value of a field and
#: returns what the record keeps, or raises a NetworkError. `owner` places the value
#: in a message ("for 'Ada'", "on the tie Ada–Bob", "in the metadata"); `label` is the
#: node's name or the tie's "Ada–Bob".
Cleaner = Callable[..., Any]


def _line_cleaner(limit: int) -> Cleaner:
    def clean(value: object, *, field: str, owner: str, label: str) -> str:
        return _clean_line(value, field=field, owner=owner, limit=limit)

    return clean


def _text_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_note(value, owner=owner, field=field)


def _tags_cleaner(value: object, *, field: str, owner: str, label: str) -> tuple[str, ...]:
    return _clean_tags(value, owner=owner)


def _date_cleaner(value: object, *, field: str, owner: str, label: str) -> datetime.date | None:
    return _clean_date(value, field=field, owner=owner)


def _kind_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_kind(value, name=label)


def _strength_cleaner(value: object, *, field: str, owner: str, label: str) -> int:
    return _clean_strength(value, tie=label)


def _initiator_cleaner(value: object, *, field: str, owner: str, label: str) -> str | None:
    return _clean_initiator(value, tie=label)


def _title_cleaner(value: object, *, field: str, owner: str, label: str) -> str:
    return _clean_line(value, field=field, owner="of the network", limit=MAX_TITLE_LENGTH)


def _learner_id_cleaner(value: object, *, field: str, owner: str, label: str) -> str | None:
    return _clean_learner_id(value)


def _saved_at_cleaner(value: object, *, field: str, owner: str, label: str) -> datetime.datetime | None:
    return _clean_saved_at(value)


#: The cleaner a field of each codec gets when it names none.
_DEFAULT_CLEANERS: dict[str, Cleaner] = {
    "line": _line_cleaner(MAX_TOPIC_LENGTH),
    "text": _text_cleaner,
    "tags": _tags_cleaner,
    "date": _date_cleaner,
}


@dataclass(frozen=True, slots=True)
class FieldInfo:
    """What the kit knows about one field of a :class:`Node`, :class:`Tie` or :class:`Metadata`.

    Made by :func:`fields_of` from the field's ``dataclasses.field`` metadata
    (written with :func:`record_field`); never written by hand.

    Parameters
    ----------
    name : str
        The field's name: its keyword in :meth:`LearningNetwork.edit` and
        friends, its key in the JSON document and its GraphML key.
    codec : str
        The kind of value, one of :data:`CODECS`:

        * ``"name"``: a node's name (``Node.name``, a tie's ends ``a``, ``b``);
          the record's identity, never edited, pseudonymised by
          :func:`~connectivism.privacy.anonymised`;
        * ``"word"``: one of a fixed set of words, or None (``kind``,
          ``initiated_by``);
        * ``"line"``: one line of text (``topic``, ``title``);
        * ``"text"``: free text that may have line breaks (``note``);
        * ``"tags"``: a tuple of short lines, written ``a|b`` in CSV and GraphML;
        * ``"int"``: a whole number (``strength``), GraphML type ``int``;
        * ``"date"``: a :class:`datetime.date` or None, written YYYY-MM-DD;
        * ``"id"``: an identifier or None (``learner_id``);
        * ``"time"``: an aware :class:`datetime.datetime` or None (``saved_at``).

        Names, lines, text and tags count in
        :attr:`LearningNetwork.text_length`; names, lines and tags refuse
        bidirectional controls (readers strip them from old files).
    column : str
        Its column in a CSV file (``from`` and ``to`` for a tie's ends).
    private : bool
        True if :func:`~connectivism.privacy.anonymised` leaves it out (notes).
    required : bool
        True if the field has no default: it is given positionally to
        :meth:`LearningNetwork.add` or :meth:`LearningNetwork.connect`.
    compare : bool
        False for a field that ``==`` ignores (the network's identity).
    default : object
        The value when none is given (``dataclasses.MISSING`` if required).
    clean : callable or None
        Checks a new value (see :data:`Cleaner`); None for names, which the
        network checks itself.

    Examples
    --------
    >>> [(f.name, f.codec, f.column) for f in fields_of(Tie)][:3]
    [('a', 'name', 'from'), ('b', 'name', 'to'), ('strength', 'int', 'strength')]
    """

    name: str
    codec: str
    column: str
    private: bool
    required: bool
    compare: bool
    default: Any
    clean: Cleaner | None

    @property
    def is_name(self) -> bool:
        """True for a node's name and a tie's ends: the identity, not an editable value."""
        return self.codec == "name"

    @property
    def one_line(self) -> bool:
        """True if the model refuses bidirectional control characters in this field."""
        return self.codec in _ONE_LINE_CODECS


def record_field(
    default: Any = dataclasses.MISSING,
    *,
    codec: str,
    clean: Cleaner | None = None,
    column: str | None = None,
    private: bool = False,
    compare: bool = True,
    repr: bool = True,
) -> Any:
    """Declare a field of :class:`Node`, :class:`Tie` or :class:`Metadata` with the kit's facts.

    This is the one place a field is defined: the network's checks, equality,
    every file format and :func:`~connectivism.privacy.anonymised` follow it.

    Parameters
    ----------
    default : object, optional
        The value when none is given; leave it out for a required field.
    codec : str
        The kind of value, one of :data:`CODECS` (see :class:`FieldInfo`).
    clean : callable, optional
        ``clean(value, *, field, owner, label)`` checks a new value and returns
        what to keep; by default the codec's own check (``"line"``, ``"text"``,
        ``"tags"`` and ``"date"`` have one).
    column : str, optional
        The CSV column; the field's name by default.
    private : bool, optional
        True if an anonymised copy leaves the field out.
    compare, repr : bool, optional
        As in :func:`dataclasses.field`.

    Returns
    -------
    dataclasses.Field

    Raises
    ------
    ValueError
        If `codec` is unknown, or it has no default check and `clean` is not
        given (except for names).

    Examples
    --------
    >>> @dataclass(frozen=True)
    ... class Reminder:
    ...     due: datetime.date | None = record_field(None, codec="date")
    >>> fields_of(Reminder)[0].codec
    'date'
    """
    if codec not in CODECS:
        raise ValueError(f"unknown codec {codec!r}: use one of {', '.join(CODECS)}")
    if clean is None and codec != "name":
        if codec not in _DEFAULT_CLEANERS:
            raise ValueError(f"a field with codec {codec!r} needs clean=")
        clean = _DEFAULT_CLEANERS[codec]
    facts = {"codec": codec, "clean": clean, "column": column, "private": private}
    return dataclasses.field(default=default, compare=compare, repr=repr, metadata={_FACTS: facts})


_FIELDS_CACHE: dict[type, tuple[FieldInfo, ...]] = {}


def fields_of(record: type) -> tuple[FieldInfo, ...]:
    """The fields of a record class, in order, with the kit's facts about each.

    Parameters
    ----------
    record : type
        :class:`Node`, :class:`Tie`, :class:`Metadata` (or a subclass): a
        dataclass whose fields are all declared with :func:`record_field`.

    Returns
    -------
    tuple of FieldInfo

    Raises
    ------
    TypeError
        If `record` is not a dataclass, or a field was declared without
        :func:`record_field` (so nothing would know how to read or write it).

    Examples
    --------
    >>> [f.name for f in fields_of(Node)]
    ['name', 'kind', 'topic', 'tags', 'note']
    >>> [f.name for f in fields_of(Node) if f.private]
    ['note']
    """
    found = _FIELDS_CACHE.get(record)
    if found is not None:
        return found
    infos = []
    for field in dataclasses.fields(record):
        facts = field.metadata.get(_FACTS)
        if facts is None:
            raise TypeError(
                f"{record.__name__}.{field.name} is declared without record_field(): "
                "say its codec, so that the checks and every file format know it"
            )
        infos.append(
            FieldInfo(
                name=field.name,
                codec=facts["codec"],
                column=facts["column"] or field.name,
                private=facts["private"],
                required=field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
                compare=field.compare,
                default=field.default,
                clean=facts["clean"],
            )
        )
    found = _FIELDS_CACHE[record] = tuple(infos)
    return found


@functools.cache
def _editable(record: type) -> tuple[str, ...]:
    """The names of the fields that the network's edit methods can change."""
    return tuple(f.name for f in fields_of(record) if not f.is_name)


@functools.cache
def _optional(record: type) -> tuple[str, ...]:
    """The names of the fields with a default: the keywords of ``add`` and ``connect``."""
    return tuple(f.name for f in fields_of(record) if not f.required)


@functools.cache
def _text_fields(record: type) -> tuple[tuple[str, str], ...]:
    """(name, codec) of the fields whose text counts in ``text_length``."""
    return tuple((f.name, f.codec) for f in fields_of(record) if f.codec in _TEXT_CODECS)


def _text_of(record: Any) -> int:
    """Characters of a record's text, as :attr:`LearningNetwork.text_length` counts them."""
    total = 0
    for name, codec in _text_fields(type(record)):
        value = getattr(record, name)
        if codec == "name":
            total += _name_cost(value)
        elif codec == "tags":
            total += sum(len(tag) for tag in value)
        else:
            total += len(value or "")
    return total


def _cleaned(record: type, fields: dict[str, Any], *, owner: str, label: str) -> dict[str, Any]:
    """Check the given values of a record's fields, in the record's order."""
    return {
        info.name: info.clean(fields[info.name], field=info.name, owner=owner, label=label)
        for info in fields_of(record)
        if info.name in fields and info.clean is not None
    }


# --- records -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """One node of a learning network: the learner, a person, community, resource or tool.

    Nodes are immutable records made by :class:`LearningNetwork`; change a node
    with :meth:`LearningNetwork.edit` or :meth:`LearningNetwork.rename`.

    Parameters
    ----------
    name : str
        The display name, as typed (ends stripped, inner spaces collapsed).
    kind : str
        One of :data:`KINDS`; ``"me"`` only for the learner.
    topic : str, optional
        The node's main topic or field, such as "machine learning".
    tags : tuple of str, optional
        Short labels, in the order given.
    note : str, optional
        Free text; line breaks are ``"\\n"``.

    Examples
    --------
    >>> node = Node("Ada", "person", topic="computing")
    >>> node.is_me
    False
    """

    name: str = record_field(codec="name")
    kind: str = record_field(codec="word", clean=_kind_cleaner)
    topic: str = record_field("", codec="line")
    tags: tuple[str, ...] = record_field((), codec="tags")
    note: str = record_field("", codec="text", private=True)

    @property
    def is_me(self) -> bool:
        """True for the learner's own node.

        Examples
        --------
        >>> Node("Sam", "me").is_me, Node("Ada", "person").is_me
        (True, False)
        """
        return self.kind == "me"


@dataclass(frozen=True, slots=True)
class Tie:
    """A tie between two nodes; it has no direction.

    Ties are immutable records made by :meth:`LearningNetwork.connect`; change
    one with :meth:`LearningNetwork.edit_tie`.

    Parameters
    ----------
    a, b : str
        Display names of the two ends, in the order they were connected. The
        order carries no meaning: the tie Ada–Bob is the tie Bob–Ada.
    strength : int, optional
        From 1 (weak) to 5 (strong).
    since : datetime.date or None, optional
        When the tie began.
    last_contact : datetime.date or None, optional
        When the two were last in contact.
    initiated_by : {"me", "them", "both", None}, optional
        Who started the tie, seen from the learner; ``None`` if not recorded.

    Examples
    --------
    >>> tie = Tie("Me", "Ada", strength=4)
    >>> tie.a, tie.b, tie.strength
    ('Me', 'Ada', 4)
    """

    a: str = record_field(codec="name", column="from")
    b: str = record_field(codec="name", column="to")
    strength: int = record_field(3, codec="int", clean=_strength_cleaner)
    since: datetime.date | None = record_field(None, codec="date")
    last_contact: datetime.date | None = record_field(None, codec="date")
    initiated_by: str | None = record_field(None, codec="word", clean=_initiator_cleaner)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about a whole network, kept in its JSON and GraphML files.

    Parameters
    ----------
    title : str, optional
        A title such as "Sam's network, week 3".
    created : datetime.date or None, optional
        When the network was first made.
    as_of : datetime.date or None, optional
        The day the network describes. Measures of recency ("days since last
        contact") count from this day, so results do not change as the
        calendar moves on.

    Examples
    --------
    >>> Metadata(title="Week 3").title
    'Week 3'
    """

    title: str = record_field("", codec="line", clean=_title_cleaner, private=True)
    created: datetime.date | None = record_field(None, codec="date")
    as_of: datetime.date | None = record_field(None, codec="date")
    #: The network's identity: 32 random hex digits made with the network (None for an
    #: example or a starter file). Not content: ``==`` and ``repr`` leave it out.
    learner_id: str | None = record_field(None, codec="id", clean=_learner_id_cleaner, compare=False, repr=False)
    #: When the file this network was read from was saved (UTC), if it says.
    saved_at: datetime.datetime | None = record_field(
        None, codec="time", clean=_saved_at_cleaner, compare=False, repr=False, private=True
    )


def new_learner_id() -> str:
    """A fresh random learner id: 32 hex digits (128 bits from :mod:`secrets`).

    Examples
    --------
    >>> len(new_learner_id()), new_learner_id() != new_learner_id()
    (32, True)
    """
    return secrets.token_hex(16)


def _clean_metadata(fields: dict[str, Any], base: Metadata) -> Metadata:
    _check_fields(fields, _editable(Metadata), what="Metadata", extra="")
    return dataclasses.replace(base, **_cleaned(Metadata, fields, owner="in the metadata", label=""))


#: The least a name counts for in :attr:`LearningNetwork.text_length`: as long as
#: the longest pseudonym, so an anonymised copy never holds more text than the original.
_NAME_COST = 12


def _name_cost(name: str) -> int:
    return max(len(name), _NAME_COST)


def _node_text(node: Node) -> int:
    """Characters of a node's text (its name once; see ``LearningNetwork.text_length``)."""
    return _text_of(node)


def _tie_text(tie: Tie) -> int:
    """Characters a tie adds to the text: the names of its two ends, repeated in files, and its text."""
    return _text_of(tie)


# --- the network ----------------------------------------------------------------------


class LearningNetwork:
    """A learner's network of people, communities, resources and tools.

    Parameters
    ----------
    me_name : str, optional
        The learner's name; the network starts with this one "me" node.
    title : str, optional
        Metadata: a title for the network.
    created : datetime.date or str, optional
        Metadata: when the network was made ("YYYY-MM-DD" or a date).
    as_of : datetime.date or str, optional
        Metadata: the day the network describes; recency is counted from it.
    learner_id : str, optional
        The network's identity (32 hex digits); by default a fresh random one
        (:func:`new_learner_id`). It travels with the network's files so that
        a class report can tell two learners apart and one learner's two
        files together; it is not content (``==`` ignores it).

    Raises
    ------
    InvalidNameError
        If `me_name` is not a valid name.
    InvalidFieldError, InvalidDateError
        If a metadata value is not accepted.

    See Also
    --------
    connectivism.formats.load : read a network from a file.

    Notes
    -----
    *The "me" node.* The learner is a node of kind ``"me"``. There is always
    exactly one: it is made with the network, cannot be removed, and its kind
    cannot change. It can be renamed and given a topic, tags and a note. No
    other node can have kind ``"me"``.

    *Names.* A node is found by any spelling of its name that has the same
    :func:`normalise_name` key, and two nodes cannot share a key. Display names
    keep the spelling first typed (ends stripped, inner spaces collapsed).

    *Atomic operations.* Each method checks everything before it changes
    anything: if it raises, the network is unchanged.

    *Order.* Nodes and ties keep the order they were added in, and files keep
    that order. Equality (``==``) ignores order and which end of a tie was named
    first, but compares every other value exactly: names as displayed, kinds,
    topics, tags (in order), notes, tie fields and metadata. The identity
    (``metadata.learner_id`` and ``metadata.saved_at``) is not compared.

    Examples
    --------
    >>> net = LearningNetwork("Sam", as_of="2024-03-01")
    >>> net.me
    'Sam'
    >>> _ = net.add("Data Science Forum", "community", topic="statistics")
    >>> _ = net.connect("Sam", "Data Science Forum", strength=3, initiated_by="me")
    >>> "data science forum" in net
    True
    >>> net.metadata.as_of
    datetime.date(2024, 3, 1)
    """

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __init__(
        self,
        me_name: str = "Me",
        *,
        title: str = "",
        created: datetime.date | str | None = None,
        as_of: datetime.date | str | None = None,
        learner_id: str | None = None,
    ) -> None:
        display = _clean_name(me_name, what="learner's name")
        metadata = _clean_metadata(
            {"title": title, "created": created, "as_of": as_of, "learner_id": learner_id or new_learner_id()},
            Metadata(),
        )
        key = normalise_name(display)
        self._nodes: dict[str, Node] = {key: Node(display, "me")}
        self._ties: dict[frozenset[str], Tie] = {}
        self._me = key
        self._metadata = metadata
        self._text = 2 * _name_cost(display) + _text_of(metadata)

    # --- looking things up ---------------------------------------------------------

    @property
    def me(self) -> str:
        """The display name of the learner's node.

        Examples
        --------
        >>> LearningNetwork("Sam").me
        'Sam'
        """
        return self._nodes[self._me].name

    @property
    def nodes(self) -> tuple[Node, ...]:
        """All nodes, "me" included, in the order they were added.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> [node.name for node in net.nodes]
        ['Sam', 'Ada']
        """
        return tuple(self._nodes.values())

    @property
    def ties(self) -> tuple[Tie, ...]:
        """All ties, in the order they were made.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> _ = net.connect("Sam", "Ada")
        >>> net.ties
        (Tie(a='Sam', b='Ada', strength=3, since=None, last_contact=None, initiated_by=None),)
        """
        return tuple(self._ties.values())

    @property
    def metadata(self) -> Metadata:
        """Title, creation date and "as of" date of the network.

        Examples
        --------
        >>> LearningNetwork("Sam", title="Week 1").metadata
        Metadata(title='Week 1', created=None, as_of=None)
        """
        return self._metadata

    def node(self, name: str) -> Node:
        """Return the node with this name (any spelling with the same key).

        Parameters
        ----------
        name : str
            The node's name.

        Returns
        -------
        Node

        Raises
        ------
        UnknownNodeError
            If no node has this name.
        InvalidNameError
            If `name` is not text.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada Lovelace", "person")
        >>> net.node("  ada  LOVELACE ").name
        'Ada Lovelace'
        """
        return self._nodes[self._find(name)]

    def tie(self, a: str, b: str) -> Tie:
        """Return the tie between two nodes, named in either order.

        Parameters
        ----------
        a, b : str
            Names of the two ends.

        Returns
        -------
        Tie

        Raises
        ------
        UnknownNodeError
            If either name is not a node.
        SelfTieError
            If both names are the same node.
        UnknownTieError
            If the two are not tied.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> _ = net.connect("Sam", "Ada", strength=5)
        >>> net.tie("Ada", "Sam").strength
        5
        """
        return self._ties[self._tie_key(a, b)]

    def __len__(self) -> int:
        return len(self._nodes)

    def __iter__(self) -> Iterator[str]:
        return (node.name for node in self._nodes.values())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalise_name(name) in self._nodes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LearningNetwork):
            return NotImplemented
        return (
            self._me == other._me
            and self._metadata == other._metadata
            and self._nodes == other._nodes
            and self._tie_values() == other._tie_values()
        )

    def __repr__(self) -> str:
        return f"<LearningNetwork me={self.me!r}: {len(self._nodes)} nodes, {len(self._ties)} ties>"

    def copy(self) -> LearningNetwork:
        """Return an independent copy (nodes and ties are immutable, so this is cheap).

        Returns
        -------
        LearningNetwork

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> snapshot = net.copy()
        >>> _ = net.add("Ada", "person")
        >>> len(snapshot), len(net), snapshot == net
        (1, 2, False)
        """
        new = LearningNetwork.__new__(LearningNetwork)
        new._nodes = dict(self._nodes)
        new._ties = dict(self._ties)
        new._me = self._me
        new._metadata = self._metadata
        new._text = self._text
        return new

    def replace_with(self, other: LearningNetwork) -> None:
        """Make this network a copy of `other`, in place.

        Useful when a view holds on to one network object and the learner
        imports a file or undoes a step: read the file into a new network, then
        replace the shown one with it.

        Parameters
        ----------
        other : LearningNetwork

        Raises
        ------
        TypeError
            If `other` is not a LearningNetwork.

        Examples
        --------
        >>> shown = LearningNetwork("Sam")
        >>> loaded = LearningNetwork("Kim")
        >>> shown.replace_with(loaded)
        >>> shown.me
        'Kim'

        A network started from an example or a starter file (no learner id)
        keeps its own identity; one re-imported from the learner's own export
        takes the file's:

        >>> mine = shown.metadata.learner_id
        >>> shown.replace_with(LearningNetwork("Kim").as_template())
        >>> shown.metadata.learner_id == mine
        True
        """
        if not isinstance(other, LearningNetwork):
            raise TypeError(f"replace_with() needs a LearningNetwork, not {type(other).__name__}")
        self._nodes = dict(other._nodes)
        self._ties = dict(other._ties)
        self._me = other._me
        if other._metadata.learner_id is None and self._metadata.learner_id is not None:
            self._metadata = dataclasses.replace(other._metadata, learner_id=self._metadata.learner_id)
        else:
            self._metadata = other._metadata
        self._text = other._text

    def as_template(self) -> LearningNetwork:
        """A copy with no identity (no learner id, no save time), to hand out as a starter file.

        Every network started from a template in the builder gets a fresh
        learner id, so one starter file shared by a class never makes two
        learners one. The kit's examples are templates.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> starter = net.as_template()
        >>> starter.metadata.learner_id is None, starter == net
        (True, True)
        """
        new = self.copy()
        new._metadata = dataclasses.replace(self._metadata, learner_id=None, saved_at=None)
        return new

    # --- changing nodes -----------------------------------------------------------

    def add(
        self,
        name: str,
        kind: str,
        topic: str = "",
        tags: Iterable[str] = (),
        note: str = "",
        **fields: Any,
    ) -> Node:
        """Add a node.

        Parameters
        ----------
        name : str
            A name not yet in the network (ignoring case, spacing and Unicode
            variants).
        kind : {"person", "community", "resource", "tool"}
            Any case is accepted.
        topic : str, optional
            The node's main topic or field.
        tags : iterable of str, optional
            Short labels; none may contain "|". Repeated tags are kept once.
        note : str, optional
            Free text.
        **fields
            Any other field of :class:`Node` (see :func:`fields_of`).

        Returns
        -------
        Node
            The new node.

        Raises
        ------
        InvalidNameError
            If the name is missing, empty, too long or holds control characters.
        DuplicateNodeError
            If a node with the same name exists.
        InvalidKindError
            If the kind is missing or unknown.
        MeNodeError
            If the kind is "me": the network already has its learner.
        InvalidFieldError
            If the topic, tags or note (or another field) are not accepted, or a
            field does not exist.
        LimitExceededError
            If the network already has :data:`MAX_NODES` nodes.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> net.add("Zotero", "Tool", tags=("references", "references"))
        Node(name='Zotero', kind='tool', topic='', tags=('references',), note='')
        """
        values = {"topic": topic, "tags": tags, "note": note, **fields}
        _check_fields(values, _optional(Node), what="Nodes", extra="")
        display = _clean_name(name)
        key = normalise_name(display)
        if key in self._nodes:
            raise self._duplicate(display, key)
        kind = _clean_kind(kind, name=display)
        if kind == "me":
            raise MeNodeError(
                f"{_q(display)} cannot be a second 'me': a network has exactly one me node, "
                f"the learner (here {_q(self.me)}). Use {_KINDS_TEXT}.",
                field="kind",
                value=kind,
            )
        node = Node(display, kind, **_cleaned(Node, values, owner=f"for {_q(display)}", label=display))
        if len(self._nodes) >= MAX_NODES:
            raise LimitExceededError(
                f"This network already has {len(self._nodes)} nodes, the most the kit allows: "
                f"{_q(display)} was not added.",
                field="name",
                value=display,
            )
        added = _node_text(node)
        self._check_text(added, f"Adding {_q(display)}", field="note", value=display)
        self._nodes[key] = node
        self._text += added
        return node

    def edit(self, name: str, /, **fields: Any) -> Node:
        """Change a node's kind, topic, tags or note.

        Parameters
        ----------
        name : str
            The node to change.
        **fields
            Any of ``kind``, ``topic``, ``tags``, ``note`` (every field of
            :class:`Node` but its name); fields not given keep their values.

        Returns
        -------
        Node
            The node as it is now.

        Raises
        ------
        UnknownNodeError
            If there is no such node.
        InvalidFieldError
            If a field does not exist (``name`` included: use :meth:`rename`) or
            a value is not accepted.
        InvalidKindError
            If the kind is unknown.
        MeNodeError
            If the edit would change the kind of "me" or make a second "me".

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> net.edit("ada", topic="computing", note="Met at a meetup.")
        Node(name='Ada', kind='person', topic='computing', tags=(), note='Met at a meetup.')
        >>> net.edit("Sam", topic="learning design").topic
        'learning design'
        """
        key = self._find(name)
        node = self._nodes[key]
        _check_fields(fields, _editable(Node), what="Nodes", extra=" (use rename() to change a name)")
        changes = _cleaned(Node, fields, owner=f"for {_q(node.name)}", label=node.name)
        if "kind" in changes:
            kind = changes["kind"]
            if node.is_me and kind != "me":
                raise MeNodeError(
                    f"The kind of {_q(node.name)}, the learner, is always 'me' and cannot change to {_q(kind)}.",
                    field="kind",
                    value=fields["kind"],
                )
            if not node.is_me and kind == "me":
                raise MeNodeError(
                    f"{_q(node.name)} cannot become a second 'me': a network has exactly one "
                    f"me node, the learner (here {_q(self.me)}). Use {_KINDS_TEXT}.",
                    field="kind",
                    value=fields["kind"],
                )
        new = dataclasses.replace(node, **changes)
        added = _node_text(new) - _node_text(node)
        self._check_text(added, f"This change to {_q(node.name)}", field="note", value=node.name)
        self._nodes[key] = new
        self._text += added
        return new

    def rename(self, old: str, new: str) -> Node:
        """Rename a node; its ties follow it.

        Renaming to a spelling with the same key (such as "ada" to "Ada") only
        changes how the name is displayed.

        Parameters
        ----------
        old : str
            The node's current name.
        new : str
            The new name.

        Returns
        -------
        Node
            The renamed node.

        Raises
        ------
        UnknownNodeError
            If there is no node called `old`.
        InvalidNameError
            If `new` is not a valid name.
        DuplicateNodeError
            If another node already has the name `new`.

        Examples
        --------
        >>> net = LearningNetwork("Me")
        >>> _ = net.add("ada", "person")
        >>> _ = net.connect("Me", "ada")
        >>> net.rename("ada", "Ada Lovelace").name
        'Ada Lovelace'
        >>> net.rename("Me", "Sam").name
        'Sam'
        >>> net.ties[0].a, net.ties[0].b
        ('Sam', 'Ada Lovelace')
        """
        key = self._find(old)
        display = _clean_name(new, what="new name")
        new_key = normalise_name(display)
        if new_key != key and new_key in self._nodes:
            raise self._duplicate(display, new_key)
        node = dataclasses.replace(self._nodes[key], name=display)
        # A name is written once for the node, once for each tie, and again for "me".
        copies = 1 + (key == self._me) + sum(1 for tkey in self._ties if key in tkey)
        added = copies * (_name_cost(display) - _name_cost(self._nodes[key].name))
        self._check_text(added, f"Renaming {_q(self._nodes[key].name)}", field="name", value=new)
        nodes = {(new_key if k == key else k): (node if k == key else v) for k, v in self._nodes.items()}
        ties: dict[frozenset[str], Tie] = {}
        for tkey, tie in self._ties.items():
            if key in tkey:
                other = next(iter(tkey - {key}))
                if normalise_name(tie.a) == key:
                    tie = dataclasses.replace(tie, a=display)
                else:
                    tie = dataclasses.replace(tie, b=display)
                tkey = frozenset((new_key, other))
            ties[tkey] = tie
        self._nodes = nodes
        self._ties = ties
        self._text += added
        if self._me == key:
            self._me = new_key
        return node

    def remove(self, name: str) -> Node:
        """Remove a node and all its ties.

        Parameters
        ----------
        name : str
            The node to remove.

        Returns
        -------
        Node
            The removed node.

        Raises
        ------
        UnknownNodeError
            If there is no such node.
        MeNodeError
            If the node is "me", which cannot be removed.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> _ = net.connect("Sam", "Ada")
        >>> net.remove("Ada").name
        'Ada'
        >>> len(net), len(net.ties)
        (1, 0)
        """
        key = self._find(name)
        node = self._nodes[key]
        if key == self._me:
            raise MeNodeError(
                f"{_q(node.name)} is the learner at the centre of this network and cannot be "
                "removed: rename it instead, or start a new network.",
                field="name",
                value=name,
            )
        ties = {tkey: tie for tkey, tie in self._ties.items() if key not in tkey}
        removed = _node_text(node) + sum(_tie_text(tie) for tkey, tie in self._ties.items() if key in tkey)
        del self._nodes[key]
        self._ties = ties
        self._text -= removed
        return node

    # --- changing ties --------------------------------------------------------------

    def connect(
        self,
        a: str,
        b: str,
        strength: int = 3,
        since: datetime.date | str | None = None,
        last_contact: datetime.date | str | None = None,
        initiated_by: str | None = None,
        **fields: Any,
    ) -> Tie:
        """Tie two existing nodes together.

        Parameters
        ----------
        a, b : str
            Names of two different nodes that are not yet tied.
        strength : int, optional
            From 1 (weak) to 5 (strong); 3 if not given.
        since : datetime.date or str, optional
            When the tie began: a date or "YYYY-MM-DD".
        last_contact : datetime.date or str, optional
            When the two were last in contact: a date or "YYYY-MM-DD".
        initiated_by : {"me", "them", "both"}, optional
            Who started the tie, seen from the learner.
        **fields
            Any other field of :class:`Tie` (see :func:`fields_of`).

        Returns
        -------
        Tie
            The new tie.

        Raises
        ------
        UnknownNodeError
            If either node does not exist.
        SelfTieError
            If `a` and `b` are the same node.
        DuplicateTieError
            If the two are already tied (in either order); use :meth:`edit_tie`.
        InvalidStrengthError
            If the strength is not a whole number from 1 to 5.
        InvalidDateError
            If a date is not a date or not in YYYY-MM-DD form.
        InvalidFieldError
            If `initiated_by` is not me, them, both or empty, or a field does
            not exist.
        LimitExceededError
            If the network already has :data:`MAX_TIES` ties.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> net.connect("Sam", "Ada", strength=4, since="2023-09-01", initiated_by="them")
        Tie(a='Sam', b='Ada', strength=4, since=datetime.date(2023, 9, 1), last_contact=None, initiated_by='them')
        """
        values = {"strength": strength, "since": since, "last_contact": last_contact, "initiated_by": initiated_by}
        values.update(fields)
        _check_fields(values, _optional(Tie), what="Ties", extra="")
        tkey, na, nb = self._pair(a, b)
        label = f"{na}–{nb}"
        if tkey in self._ties:
            raise DuplicateTieError(
                f"{_q(na)} and {_q(nb)} are already tied: change the existing tie instead of "
                f"adding another (a tie has no direction, so {na}–{nb} and {nb}–{na} are the "
                "same tie).",
                field="b",
                value=b,
            )
        tie = Tie(na, nb, **_cleaned(Tie, values, owner=f"on the tie {label}", label=label))
        if len(self._ties) >= MAX_TIES:
            raise LimitExceededError(
                f"This network already has {len(self._ties)} ties, the most the kit allows: "
                f"the tie {label} was not added.",
                field="b",
                value=b,
            )
        added = _tie_text(tie)
        self._check_text(added, f"The tie {label}", field="b", value=b)
        self._ties[tkey] = tie
        self._text += added
        return tie

    def edit_tie(self, a: str, b: str, /, **fields: Any) -> Tie:
        """Change a tie's strength, dates or initiator.

        Parameters
        ----------
        a, b : str
            The two ends, in either order.
        **fields
            Any of ``strength``, ``since``, ``last_contact``, ``initiated_by``
            (every field of :class:`Tie` but its ends); ``None`` clears a date
            or the initiator.

        Returns
        -------
        Tie
            The tie as it is now.

        Raises
        ------
        UnknownNodeError, SelfTieError, UnknownTieError
            If there is no such tie.
        InvalidFieldError
            If a field does not exist or `initiated_by` is not accepted.
        InvalidStrengthError, InvalidDateError
            If a value is not accepted.
        LimitExceededError
            If a text field would bring the network over :data:`MAX_TEXT_LENGTH`.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> _ = net.connect("Sam", "Ada")
        >>> net.edit_tie("Ada", "Sam", strength=5, last_contact="2024-02-20").strength
        5
        """
        tkey = self._tie_key(a, b)
        tie = self._ties[tkey]
        _check_fields(fields, _editable(Tie), what="Ties", extra="")
        label = f"{tie.a}–{tie.b}"
        new = dataclasses.replace(tie, **_cleaned(Tie, fields, owner=f"on the tie {label}", label=label))
        added = _tie_text(new) - _tie_text(tie)
        self._check_text(added, f"This change to the tie {label}", field="b", value=b)
        self._ties[tkey] = new
        self._text += added
        return new

    def disconnect(self, a: str, b: str) -> Tie:
        """Remove the tie between two nodes, named in either order.

        Parameters
        ----------
        a, b : str
            The two ends.

        Returns
        -------
        Tie
            The removed tie.

        Raises
        ------
        UnknownNodeError, SelfTieError, UnknownTieError
            If there is no such tie.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person")
        >>> _ = net.connect("Sam", "Ada")
        >>> net.disconnect("Ada", "Sam").strength
        3
        >>> net.ties
        ()
        """
        tie = self._ties.pop(self._tie_key(a, b))
        self._text -= _tie_text(tie)
        return tie

    def set_metadata(self, **fields: Any) -> Metadata:
        """Change the network's title, ``created`` or ``as_of`` date (or its identity).

        Parameters
        ----------
        **fields
            Any of ``title``, ``created``, ``as_of``; dates as dates or
            "YYYY-MM-DD"; ``None`` clears a date. The readers also set
            ``learner_id`` (32 hex digits or ``None``) and ``saved_at`` (an
            ISO 8601 time with a time zone) from a file.

        Returns
        -------
        Metadata
            The metadata as it is now.

        Raises
        ------
        InvalidFieldError
            If a field does not exist or the title is not accepted.
        InvalidDateError
            If a date is not accepted.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> net.set_metadata(title="Week 2", as_of="2024-03-08")
        Metadata(title='Week 2', created=None, as_of=datetime.date(2024, 3, 8))
        """
        metadata = _clean_metadata(fields, self._metadata)
        added = _text_of(metadata) - _text_of(self._metadata)
        self._check_text(added, "This title", field="title", value=metadata.title)
        self._metadata = metadata
        self._text += added
        return self._metadata

    # --- networkx ---------------------------------------------------------------------

    def to_networkx(self) -> nx.Graph:
        """Return the network as an undirected :class:`networkx.Graph`, for measures.

        Returns
        -------
        networkx.Graph
            A new graph, independent of this network.

            * Nodes are display names, in network order. Node attributes:
              ``kind`` (str), ``topic`` (str), ``tags`` (tuple of str),
              ``note`` (str) and ``is_me`` (bool).
            * Edges are ties. Edge attributes: ``strength`` (int 1–5),
              ``since`` and ``last_contact`` (:class:`datetime.date` or
              ``None``), ``initiated_by`` ("me", "them", "both" or ``None``).
            * Graph attributes: ``me`` (the learner's name), ``title``,
              ``created`` and ``as_of``.

        Notes
        -----
        No ``weight`` attribute is set. networkx algorithms that take a
        ``weight`` should be given ``weight="strength"`` where a stronger tie
        should count more (as in weighted degree); for path lengths, where a
        larger weight means a *longer* path, derive a distance first.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person", topic="computing")
        >>> _ = net.connect("Sam", "Ada", strength=4)
        >>> graph = net.to_networkx()
        >>> graph.nodes["Ada"]["kind"], graph.nodes["Sam"]["is_me"]
        ('person', True)
        >>> graph.edges["Ada", "Sam"]["strength"]
        4
        >>> graph.graph["me"]
        'Sam'
        """
        import networkx as nx

        meta = self._metadata
        content = [f.name for f in fields_of(Metadata) if f.compare]
        graph = nx.Graph(me=self.me, **{name: getattr(meta, name) for name in content})
        node_values = _editable(Node)
        for node in self._nodes.values():
            graph.add_node(node.name, **{name: getattr(node, name) for name in node_values}, is_me=node.is_me)
        tie_values = _editable(Tie)
        for tie in self._ties.values():
            graph.add_edge(tie.a, tie.b, **{name: getattr(tie, name) for name in tie_values})
        return graph

    # --- helpers -------------------------------------------------------------------------

    @property
    def text_length(self) -> int:
        """How many characters of text the network's files hold, at most :data:`MAX_TEXT_LENGTH`.

        Every name, topic, tag and note, and the title, counted in characters;
        a node's name counts once for the node and once more for each of its
        ties (and the learner's once more), because files repeat it there, and
        a name counts as at least 12 characters (as long as the longest
        pseudonym of :func:`connectivism.privacy.anonymised`, so that an
        anonymised copy always fits too). With the limits on nodes, ties and
        tags, this bounds the size of every file the kit writes.

        Examples
        --------
        >>> net = LearningNetwork("Sam")
        >>> _ = net.add("Ada", "person", topic="maths", note="Met at a meetup.")
        >>> _ = net.connect("Sam", "Ada")
        >>> net.text_length  # Sam ×3 and Ada ×2 at 12 each, maths, the note
        81
        """
        return self._text

    def _check_text(self, added: int, what: str, *, field: str, value: object) -> None:
        """Refuse a change that would bring the text over :data:`MAX_TEXT_LENGTH`."""
        total = self._text + added
        if added > 0 and total > MAX_TEXT_LENGTH:
            raise LimitExceededError(
                f"{what} would bring the text of this network to {total:,} characters, more "
                f"than the {MAX_TEXT_LENGTH:,} the kit can keep in one file, so it was not done: "
                "shorten the longest notes, or split the network into two networks.",
                field=field,
                value=value,
            )

    def _find(self, name: object, field: str = "name") -> str:
        """Return the key of an existing node, or raise a helpful error."""
        if not isinstance(name, str):
            error = _clean_name_error(name)
            error.field = field
            raise error
        key = normalise_name(name)
        if key not in self._nodes:
            close = difflib.get_close_matches(key, list(self._nodes), n=1, cutoff=0.8)
            hint = f" (did you mean {_q(self._nodes[close[0]].name)}?)" if close else ""
            shown = " ".join(name.split()) or name
            raise UnknownNodeError(
                f"There is no node called {_q(shown)} in this network{hint}: add it as a node "
                "first, or check the spelling.",
                field=field,
                value=name,
            )
        return key

    def _pair(self, a: object, b: object) -> tuple[frozenset[str], str, str]:
        ka = self._find(a, "a")
        kb = self._find(b, "b")
        na, nb = self._nodes[ka].name, self._nodes[kb].name
        if ka == kb:
            same = f"{_q(na)}" if a == b else f"{_q(a)} and {_q(b)} are the same node, and it"
            raise SelfTieError(
                f"{same} cannot be tied to itself: a tie joins two different nodes.",
                field="b",
                value=b,
            )
        return frozenset((ka, kb)), na, nb

    def _tie_key(self, a: object, b: object) -> frozenset[str]:
        tkey, na, nb = self._pair(a, b)
        if tkey not in self._ties:
            raise UnknownTieError(
                f"There is no tie between {_q(na)} and {_q(nb)}: connect them first.",
                field="b",
                value=b,
            )
        return tkey

    def _duplicate(self, display: str, key: str) -> DuplicateNodeError:
        existing = self._nodes[key].name
        if existing == display:
            message = (
                f"There is already a node called {_q(existing)}: choose a different name or edit the existing node."
            )
        else:
            message = (
                f"There is already a node called {_q(existing)}, and {_q(display)} counts as the "
                "same name (names are compared ignoring case, spacing and Unicode variants): "
                "choose a different name or edit the existing node."
            )
        return DuplicateNodeError(message, field="name", value=display)

    def _tie_values(self) -> dict[frozenset[str], Any]:
        """Every compared value of each tie but its ends, whose order ``==`` ignores."""
        values = operator.attrgetter(*(f.name for f in fields_of(Tie) if f.compare and not f.is_name))
        return {tkey: values(tie) for tkey, tie in self._ties.items()}


def _clean_name_error(value: object) -> NetworkError:
    try:
        _clean_name(value)
    except InvalidNameError as error:
        return error
    raise AssertionError("unreachable")  # pragma: no cover
