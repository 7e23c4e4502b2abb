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

The model is split by concern into package-internal modules, and this module
re-exports every public name of them, so import from here:
:mod:`connectivism._limits` (the kinds, initiators, strengths and limits),
:mod:`connectivism._names` (:func:`normalise_name`, :func:`match_key` and the
check of a new name), :mod:`connectivism._cleaners` (the checks of every other
field's value) and :mod:`connectivism._fields` (:class:`Node`, :class:`Tie`,
:class:`Metadata` and their field table: :func:`record_field`,
:func:`fields_of`, :class:`FieldInfo`).

Why this module is long: it is one class, :class:`LearningNetwork`, whose
every method checks all its input, and the limits it would break, before it
changes anything, and documents what it raises with a runnable example. The
checks of single values already live in the modules above; what remains is
the network's own state (the name index, the ties, the running text count)
and the order in which each change checks and then applies, which reads best
in one place. Splitting the class across mixins would scatter that state
without making any method shorter.

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
import operator
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from connectivism._cleaners import _KINDS_TEXT, _check_fields, _clean_kind
from connectivism._fields import (
    CODECS,
    FieldInfo,
    Metadata,
    Node,
    Tie,
    _clean_metadata,
    _cleaned,
    _editable,
    _name_cost,
    _node_text,
    _optional,
    _text_of,
    _tie_text,
    fields_of,
    new_learner_id,
    record_field,
)
from connectivism._limits import (
    BIDI_CONTROLS,
    INITIATORS,
    KINDS,
    MAX_NAME_LENGTH,
    MAX_NODES,
    MAX_NOTE_LENGTH,
    MAX_STRENGTH,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MAX_TEXT_LENGTH,
    MAX_TIES,
    MAX_TITLE_LENGTH,
    MAX_TOPIC_LENGTH,
    MIN_STRENGTH,
    OTHER_KINDS,
)
from connectivism._names import _clean_name, _clean_name_error, _q, match_key, normalise_name
from connectivism.errors import (
    DuplicateNodeError,
    DuplicateTieError,
    LimitExceededError,
    MeNodeError,
    SelfTieError,
    UnknownNodeError,
    UnknownTieError,
)

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
