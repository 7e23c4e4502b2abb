"""The document: a learning network as plain data in the JSON layout.

Every reader turns its file into a document and hands it to
:func:`network_from_document`, so all formats share one set of rules, one
migration path and the same messages. :func:`document_from_network` is the
reverse, used by the JSON and GraphML writers.

A document is::

    {"format": "connectivism-learning-network", "format_version": 2,
     "me": "Sam",
     "nodes": [{"name", "kind", "topic", "tags", "note"}, ...],
     "ties": [{"a", "b", "strength", "since", "last_contact", "initiated_by"}, ...],
     "metadata": {"title", "created", "as_of", "learner_id", "saved_at"}}

The keys of nodes, ties and metadata are the fields of
:class:`~connectivism.network.Node`, :class:`~connectivism.network.Tie` and
:class:`~connectivism.network.Metadata`, in their order, each written as its
codec says (:class:`~connectivism.network.FieldInfo`): tags as a list, dates
as "YYYY-MM-DD", times as "YYYY-MM-DDTHH:MM:SSZ". :func:`node_keys`,
:func:`tie_keys` and :func:`metadata_keys` give them; ``NODE_KEYS``,
``TIE_KEYS`` and ``METADATA_KEYS`` are the same, as the kit ships them.

``learner_id`` is the network's identity (``null`` in examples and starter
files); ``saved_at`` is stamped by :data:`clock` every time a writer makes a
document, unless the writer is given the time.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Callable
from typing import Any

from connectivism import network as _network
from connectivism.errors import (
    FileFormatError,
    LimitExceededError,
    MeNodeError,
    NetworkError,
)
from connectivism.formats.migrations import FORMAT_NAME, FORMAT_VERSION, migrate
from connectivism.network import BIDI_CONTROLS, FieldInfo, LearningNetwork, _clean_kind, fields_of, normalise_name
from connectivism.notices import ImportNotice, excerpt, excerpts

__all__ = [
    "TOP_KEYS",
    "NODE_KEYS",
    "TIE_KEYS",
    "METADATA_KEYS",
    "node_keys",
    "tie_keys",
    "metadata_keys",
    "Where",
    "clock",
    "format_time",
    "document_from_network",
    "network_from_document",
    "json_where",
]

TOP_KEYS = ("format", "format_version", "me", "nodes", "ties", "metadata")


def node_keys() -> tuple[str, ...]:
    """The keys of a node in a document: the fields of :class:`~connectivism.network.Node`.

    Examples
    --------
    >>> node_keys()
    ('name', 'kind', 'topic', 'tags', 'note')
    """
    return tuple(f.name for f in fields_of(_network.Node))


def tie_keys() -> tuple[str, ...]:
    """The keys of a tie in a document: the fields of :class:`~connectivism.network.Tie`.

    Examples
    --------
    >>> tie_keys()
    ('a', 'b', 'strength', 'since', 'last_contact', 'initiated_by')
    """
    return tuple(f.name for f in fields_of(_network.Tie))


def metadata_keys() -> tuple[str, ...]:
    """The keys of the metadata: the fields of :class:`~connectivism.network.Metadata`.

    Examples
    --------
    >>> metadata_keys()
    ('title', 'created', 'as_of', 'learner_id', 'saved_at')
    """
    return tuple(f.name for f in fields_of(_network.Metadata))


#: The keys of a node, a tie and the metadata as the kit ships them (see :func:`node_keys`).
NODE_KEYS = node_keys()
TIE_KEYS = tie_keys()
METADATA_KEYS = metadata_keys()


def _utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


#: The clock that stamps ``saved_at``: a function returning an aware datetime.
#: Replace it (or give the writers ``saved_at=``) for reproducible files.
clock: Callable[[], datetime.datetime] = _utc_now

#: ``where(section, index, field) -> (source, location)``: says where a value
#: came from. `section` is "nodes", "ties" or "metadata"; `field` is a
#: document key or None.
Where = Callable[[str, int, "str | None"], "tuple[str, str | None]"]


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _json_value(info: FieldInfo, value: Any) -> Any:
    """A field's value as the document holds it (JSON types)."""
    if info.codec == "tags":
        return list(value)
    if info.codec == "date":
        return _iso(value)
    if info.codec == "time":
        return None if value is None else format_time(value)
    return value


def _document_entry(record: Any) -> dict[str, Any]:
    return {info.name: _json_value(info, getattr(record, info.name)) for info in fields_of(type(record))}


def format_time(moment: datetime.datetime) -> str:
    """A time as written in files: UTC, to the second, ``YYYY-MM-DDTHH:MM:SSZ``.

    Examples
    --------
    >>> format_time(datetime.datetime(2026, 10, 1, 9, 30, 5, 999, tzinfo=datetime.timezone.utc))
    '2026-10-01T09:30:05Z'
    """
    if moment.tzinfo is None:
        raise ValueError("saved_at needs a time zone (use UTC)")
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def document_from_network(net: LearningNetwork, *, saved_at: datetime.datetime | None = None) -> dict[str, Any]:
    """Return the document (JSON layout, JSON types) for a network.

    Parameters
    ----------
    net : LearningNetwork
    saved_at : datetime.datetime, optional
        The save time written into the document (aware); by default
        :data:`clock`'s time now.
    """
    metadata = _document_entry(net.metadata)
    metadata["saved_at"] = format_time(saved_at if saved_at is not None else clock())
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "me": net.me,
        "nodes": [_document_entry(node) for node in net.nodes],
        "ties": [_document_entry(tie) for tie in net.ties],
        "metadata": metadata,
    }


def json_where(source: str) -> Where:
    """Locations as JSON paths: ``nodes[3].kind``, ``metadata.as_of``."""

    def where(section: str, index: int, field: str | None) -> tuple[str, str | None]:
        place = section if section == "metadata" else f"{section}[{index}]"
        return source, f"{place}.{field}" if field else place

    return where


def _list(doc: dict[str, Any], key: str, source: str, *, required: bool) -> list[Any]:
    value = doc.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        what = "is missing" if key not in doc else f"is {type(value).__name__}, not a list"
        raise FileFormatError(
            f"The file '{source}' has no list of {key}: '{key}' {what}; it must be a list "
            f"[...] of {key[:-1]} objects (it may be empty).",
            field=key,
            value=value,
        )
    return value


def _entry(value: Any, allowed: tuple[str, ...], where: Where, section: str, index: int) -> dict[str, Any]:
    source, location = where(section, index, None)
    if not isinstance(value, dict):
        raise FileFormatError(
            f"This entry is {type(value).__name__}, not an object: each {section[:-1]} is an "
            f"object {{...}} with the keys {', '.join(allowed)}.",
            field=section,
            value=value,
        ).located(source, location)
    unknown = [key for key in value if key not in allowed]
    if unknown:
        raise FileFormatError(
            f"Unexpected key{'s' if len(unknown) > 1 else ''} "
            f"{excerpts(unknown)}: a {section[:-1]} accepts only "
            f"{', '.join(allowed)}.",
            field=unknown[0],
            value=value[unknown[0]],
        ).located(source, location)
    return value


def _is_me(entry: dict[str, Any]) -> bool:
    kind = entry.get("kind")
    return isinstance(kind, str) and kind.strip().lower() == "me"


def network_from_document(doc: Any, *, source: str, where: Where | None = None) -> LearningNetwork:
    """Check a document completely and build a new network from it.

    Parameters
    ----------
    doc : object
        The parsed file; anything that is not a valid document is refused.
    source : str
        The file's name, for messages.
    where : callable, optional
        Maps a place in the document to a place in the file (CSV rows,
        GraphML elements); JSON paths by default.

    Returns
    -------
    LearningNetwork
        A new network; nothing else is changed, whatever happens.

    Raises
    ------
    NetworkError
        Any model error, located in the file, or a :class:`FileFormatError`.
    """
    where = where or json_where(source)

    def located(error: NetworkError, section: str, index: int) -> NetworkError:
        return error.located(*where(section, index, _key_of(section, error.field)))

    doc = migrate(doc, source=source)
    unknown = [key for key in doc if key not in TOP_KEYS]
    if unknown:
        raise FileFormatError(
            f"The file '{source}' has unexpected top-level key{'s' if len(unknown) > 1 else ''} "
            f"{excerpts(unknown)}: the accepted keys are "
            f"{', '.join(TOP_KEYS)} (put anything else in 'metadata').",
            field=unknown[0],
        )
    nodes = _list(doc, "nodes", source, required=True)
    ties = _list(doc, "ties", source, required=False)
    max_nodes, max_ties = _network.MAX_NODES, _network.MAX_TIES
    if len(nodes) > max_nodes:
        raise LimitExceededError(
            f"The file '{source}' has {len(nodes)} nodes: a network can have at most "
            f"{max_nodes}, so the file was not read.",
            field="nodes",
            value=len(nodes),
        )
    if len(ties) > max_ties:
        raise LimitExceededError(
            f"The file '{source}' has {len(ties)} ties: a network can have at most "
            f"{max_ties}, so the file was not read.",
            field="ties",
            value=len(ties),
        )
    node_fields, tie_fields = fields_of(_network.Node), fields_of(_network.Tie)
    nodes = [_entry(entry, node_keys(), where, "nodes", i) for i, entry in enumerate(nodes)]
    ties = [_entry(entry, tie_keys(), where, "ties", i) for i, entry in enumerate(ties)]

    metadata = doc.get("metadata")
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        raise FileFormatError(
            f"The metadata in the file '{source}' is {type(metadata).__name__}: it must be an "
            "object {...} (or left out).",
            field="metadata",
            value=metadata,
        )
    # Unknown keys inside metadata are ignored on purpose: converters may add their own.
    metadata = {key: metadata[key] for key in metadata_keys() if key in metadata}
    identity = [f.name for f in fields_of(_network.Metadata) if not f.compare]
    doc_metadata = {key: metadata.pop(key) for key in identity if key in metadata}

    doc, nodes, ties, metadata = _without_bidi(doc, nodes, ties, metadata, source, where)
    # the keywords of add() and connect(): every field but those given in order (name and kind, the ends)
    node_extra = [f.name for f in node_fields if not f.required]
    tie_extra = [f.name for f in tie_fields if not f.required]

    # Kinds first: a file from another tool usually has none, and "the kind of
    # 'Ada' is missing" is a better first message than "no node is 'me'".
    for index, entry in enumerate(nodes):
        try:
            _clean_kind(entry.get("kind"), name=str(entry.get("name")))
        except NetworkError as error:
            raise located(error, "nodes", index) from None

    mes = [i for i, entry in enumerate(nodes) if _is_me(entry)]
    if not mes:
        raise MeNodeError(
            f"The file '{source}' has no node with kind 'me': mark exactly one node, the "
            "learner at the centre of the network, with kind 'me'.",
            field="kind",
        )
    if len(mes) > 1:
        names = " and ".join(excerpt(nodes[i].get("name")) for i in mes[:2])
        source_, location = where("nodes", mes[1], "kind")
        raise MeNodeError(
            f"More than one node has kind 'me' ({names}): exactly "
            "one node, the learner, has kind 'me'; give the others person, community, "
            "resource or tool.",
            field="kind",
            value="me",
        ).located(source_, location)
    me_index = mes[0]
    me_entry = nodes[me_index]

    try:
        net = LearningNetwork(me_entry.get("name"))
        net.edit(net.me, **{key: me_entry.get(key) for key in node_extra})
    except NetworkError as error:
        raise located(error, "nodes", me_index) from None
    try:
        net.set_metadata(**metadata)
    except NetworkError as error:
        raise located(error, "metadata", 0) from None
    # the file's identity, or none: a file without one (an example, a starter) never gets one here
    try:
        net.set_metadata(**{key: doc_metadata.get(key) for key in identity})
    except NetworkError as error:
        raise located(error, "metadata", 0) from None

    declared = doc.get("me")
    if declared is not None and (not isinstance(declared, str) or normalise_name(declared) != normalise_name(net.me)):
        raise MeNodeError(
            f"The file '{source}' names {excerpt(declared)} as me, but the node with kind 'me' "
            f"is {excerpt(net.me)}: they must be the same.",
            field="me",
            value=declared,
        )

    for index, entry in enumerate(nodes):
        if index == me_index:
            continue
        try:
            net.add(entry.get("name"), entry.get("kind"), **{key: entry.get(key) for key in node_extra})
        except NetworkError as error:
            raise located(error, "nodes", index) from None
    for index, entry in enumerate(ties):
        try:
            net.connect(entry.get("a"), entry.get("b"), **{key: entry.get(key) for key in tie_extra})
        except NetworkError as error:
            raise located(error, "ties", index) from None
    return net


def _strip_bidi(value: Any) -> Any:
    """`value` without bidirectional control characters (strings and lists of strings)."""
    if isinstance(value, str):
        if BIDI_CONTROLS.isdisjoint(value):
            return value
        return "".join(ch for ch in value if ch not in BIDI_CONTROLS)
    if isinstance(value, list):
        return [_strip_bidi(item) for item in value]
    return value


def _without_bidi(
    doc: dict[str, Any],
    nodes: list[dict[str, Any]],
    ties: list[dict[str, Any]],
    metadata: dict[str, Any],
    source: str,
    where: Where,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """Remove bidirectional controls from names, topics, tags and the title, with a notice.

    The model refuses these characters, but files saved before it did may hold
    them; nothing a learner made is refused for that. Notes keep them (they
    are always shown isolated). Ties are cleaned like the names they refer to.
    """
    changed: list[str] = []

    def clean(entry: dict[str, Any], keys: tuple[str, ...], section: str, index: int, report: bool):
        fixed = {key: _strip_bidi(entry[key]) for key in keys if key in entry}
        fixed = {key: value for key, value in fixed.items() if value != entry[key]}
        if not fixed:
            return entry
        if report:
            for key, value in fixed.items():
                src, location = where(section, index, key)
                now = ", ".join(map(excerpt, value)) if isinstance(value, list) else excerpt(value)
                changed.append(f"{location or src} (now {now})")
        return {**entry, **fixed}

    node_lines, tie_lines, metadata_lines = (
        tuple(f.name for f in fields_of(record) if f.one_line)
        for record in (_network.Node, _network.Tie, _network.Metadata)
    )
    nodes = [clean(entry, node_lines, "nodes", i, True) for i, entry in enumerate(nodes)]
    ties = [clean(entry, tie_lines, "ties", i, False) for i, entry in enumerate(ties)]
    metadata = clean(metadata, metadata_lines, "metadata", 0, True)
    doc = clean(doc, ("me",), "metadata", 0, False)
    if changed:
        places = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        warnings.warn(
            ImportNotice(
                f"The file '{source}' had bidirectional control characters (U+202A–U+202E, "
                "U+2066–U+2069), which make text display in another order than it is stored; "
                f"they were removed from {places}. Everything else was read as it is.",
                source=source,
                changes=tuple(changed),
            ),
            stacklevel=3,
        )
    return doc, nodes, ties, metadata


def _key_of(section: str, field: str | None) -> str | None:
    """Map an error's field to the document key it came from."""
    if field is None:
        return None
    if section == "nodes":
        field = "tags" if field == "tag" else field
        return field if field in node_keys() else None
    if section == "ties":
        return field if field in tie_keys() else None
    return field if field in metadata_keys() else None
