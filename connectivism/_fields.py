"""The records of a learning network (:class:`Node`, :class:`Tie`, :class:`Metadata`) and their fields.

Part of the model, split out of :mod:`connectivism.network`, which
re-exports every public name here: import them from there. Each field is
declared once, with :func:`record_field`, and everything that lists fields
reads :func:`fields_of`.

Examples
--------
>>> from connectivism.network import Node, fields_of
>>> [f.name for f in fields_of(Node)]
['name', 'kind', 'topic', 'tags', 'note']
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import secrets
from dataclasses import dataclass
from typing import Any

from connectivism._cleaners import (
    _DEFAULT_CLEANERS,
    Cleaner,
    _check_fields,
    _initiator_cleaner,
    _kind_cleaner,
    _learner_id_cleaner,
    _saved_at_cleaner,
    _strength_cleaner,
    _title_cleaner,
)

__all__ = ["CODECS", "FieldInfo", "record_field", "fields_of", "Node", "Tie", "Metadata", "new_learner_id"]

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
