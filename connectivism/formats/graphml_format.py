"""Learning networks as GraphML, for Gephi, yEd, Cytoscape and networkx.

The kit writes standard GraphML: one undirected ``<graph>``, one ``<node>``
per node (ids ``n0``, ``n1`` ...) and one ``<edge>`` per tie (ids ``e0`` ...),
with the values as ``<data>`` elements declared by ``<key>`` elements:

==============  ========  =====================================================
attr.name       for       value
==============  ========  =====================================================
format          graph     ``connectivism-learning-network``
format_version  graph     ``2``
me              graph     the learner's name
title           graph     the network's title (left out when empty)
created, as_of  graph     "YYYY-MM-DD" (left out when unknown)
learner_id      graph     the network's identity (left out in a template)
saved_at        graph     when the file was written, "YYYY-MM-DDTHH:MM:SSZ"
name            node      the node's name
kind            node      me, person, community, resource or tool
topic, note     node      text (left out when empty)
tags            node      tags joined by "|" (left out when there are none)
strength        edge      1 to 5
since,          edge      "YYYY-MM-DD" (left out when unknown)
last_contact
initiated_by    edge      me, them or both (left out when unknown)
==============  ========  =====================================================

The node and edge keys are the fields of :class:`~connectivism.network.Node`
and :class:`~connectivism.network.Tie` (a tie's ends are the edge's ``source``
and ``target``), the graph's are ``format``, ``format_version``, ``me`` and the
fields of :class:`~connectivism.network.Metadata`, in their order; the table
shows them as the kit ships them.

Reading a file the kit wrote gives back an equal network, in the same order.

Reading is done with defusedxml, refusing document type declarations,
entities and external references; untrusted files are never given to
:func:`networkx.read_graphml`, which uses the standard library parser.
GraphML from other tools is accepted when it carries what a learning network
needs: ``<data>`` whose key has one of the attribute names above (other data
is ignored), a ``kind`` for every node, and exactly one node of kind ``me``.
A node's name is its ``name`` data, else its ``label`` data, else its id.
Files without ``format`` and ``format_version`` are read as the current
version. Files should be UTF-8, like everything GraphML tools write; a file
that declares another encoding in its XML declaration is read in it, and one
whose bytes do not match the declaration is refused with
:class:`~connectivism.errors.EncodingError` (never read garbled).
(That check is in :mod:`connectivism.formats._xml_encoding`.)

Why this module is long: it is the writer and the reader of one format, both
driven by the one key table above, kept together so that a change to the
table is made, and seen, in one place. Most of it is the reader, which
accepts GraphML from other tools (keys for "all", defaults, labels as names)
and refuses, naming the element, what a learning network cannot hold
(undeclared or repeated data, hyperedges, nested graphs, unknown nodes).
"""

from __future__ import annotations

import datetime
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from connectivism import network as _network
from connectivism.errors import FileFormatError
from connectivism.formats._document import document_from_network, network_from_document
from connectivism.formats._safety import (
    Source,
    atomic_write,
    bytes_of,
    check_output_size,
    parse_xml,
    read_source,
)
from connectivism.formats._xml_encoding import _as_utf8
from connectivism.formats.migrations import FORMAT_NAME, FORMAT_VERSION
from connectivism.network import FieldInfo, LearningNetwork, fields_of
from connectivism.notices import excerpt

__all__ = ["GRAPHML_NAMESPACE", "to_graphml", "from_graphml", "write_graphml", "read_graphml"]

#: The GraphML XML namespace.
GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_DEFAULT_NAME = "network.graphml"

#: Graph data that is not metadata.
_FILE_ATTRS = ("format", "format_version", "me")
_WHOLE_NUMBER = re.compile(r"\s*[+-]?[0-9]{1,9}\s*")


def _attrs() -> dict[str, tuple[FieldInfo, ...]]:
    """The fields written as data in each domain, in order (a tie's ends are source and target)."""
    return {
        "graph": fields_of(_network.Metadata),
        "node": fields_of(_network.Node),
        "edge": tuple(f for f in fields_of(_network.Tie) if not f.is_name),
    }


def _keys() -> list[tuple[str, str, str]]:
    """Every ``<key>``: (domain, attr.name, attr.type), graph keys first, then node, then edge."""
    keys = [("graph", name, "int" if name == "format_version" else "string") for name in _FILE_ATTRS]
    for domain, infos in _attrs().items():
        keys += [(domain, f.name, "int" if f.codec == "int" else "string") for f in infos]
    return keys


# --- writing -------------------------------------------------------------------------


def _text_of_value(info: FieldInfo, value: Any) -> Any:
    """A document value as GraphML data: tags joined by "|", the rest as they are."""
    return "|".join(value) if info.codec == "tags" else value


def _value_of_text(info: FieldInfo, text: str | None) -> Any:
    """GraphML data as the document holds it: tags split on "|", whole numbers as int."""
    if text is None:
        return None
    if info.codec == "tags":
        return [tag for tag in text.split("|") if tag.strip()]
    if info.codec == "int" and _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return text


def _data(parent: ET.Element, key: str, value: Any) -> None:
    if value is None or value == "":
        return
    element = ET.SubElement(parent, "data", {"key": key})
    element.text = str(value)


def to_graphml(net: LearningNetwork, *, saved_at: datetime.datetime | None = None) -> bytes:
    """Return the GraphML of a network, as UTF-8 bytes.

    Parameters
    ----------
    net : LearningNetwork
    saved_at : datetime.datetime, optional
        The save time written into the file (default: now, UTC).

    Returns
    -------
    bytes
        A deterministic GraphML document with an XML declaration.

    Examples
    --------
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam")
    >>> _ = net.add("Ada <3", "person", tags=["mentor", "maths"])
    >>> _ = net.connect("Sam", "Ada <3", strength=5)
    >>> data = to_graphml(net)
    >>> b'<data key="name">Ada &lt;3</data>' in data
    True
    >>> from_graphml(data) == net
    True
    """
    doc = document_from_network(net, saved_at=saved_at)
    root = ET.Element(
        "graphml",
        {"xmlns": GRAPHML_NAMESPACE, "xmlns:xsi": _XSI, "xsi:schemaLocation": f"{GRAPHML_NAMESPACE} {_SCHEMA}"},
    )
    for domain, name, kind in _keys():
        ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "G", "edgedefault": "undirected"})
    attrs = _attrs()
    for name in _FILE_ATTRS:
        _data(graph, name, doc[name])
    for info in attrs["graph"]:
        _data(graph, info.name, doc["metadata"][info.name])
    ids: dict[str, str] = {}
    for index, node in enumerate(doc["nodes"]):
        ids[node["name"]] = f"n{index}"
        element = ET.SubElement(graph, "node", {"id": f"n{index}"})
        for info in attrs["node"]:
            _data(element, info.name, _text_of_value(info, node[info.name]))
    for index, tie in enumerate(doc["ties"]):
        element = ET.SubElement(graph, "edge", {"id": f"e{index}", "source": ids[tie["a"]], "target": ids[tie["b"]]})
        for info in attrs["edge"]:
            _data(element, info.name, _text_of_value(info, tie[info.name]))
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_graphml(net: LearningNetwork, path: str | os.PathLike[str]) -> None:
    """Write a network to a GraphML file, replacing it atomically.

    Parameters
    ----------
    net : LearningNetwork
    path : str or os.PathLike

    Raises
    ------
    FileTooLargeError
        If the file would be larger than the readers accept.
    OSError
        If the file cannot be written.

    Notes
    -----
    See :func:`connectivism.formats.json_format.write_json` for how the file
    is replaced.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "sam.graphml"
    ...     write_graphml(LearningNetwork("Sam"), path)
    ...     print(path.read_bytes()[:38])
    b"<?xml version='1.0' encoding='utf-8'?>"
    """
    data = to_graphml(net)
    check_output_size(data, Path(path).name)
    atomic_write(path, data)


# --- reading ---------------------------------------------------------------------------


def from_graphml(data: bytes | str, *, name: str = _DEFAULT_NAME) -> LearningNetwork:
    """Read a network from GraphML bytes (or text).

    Parameters
    ----------
    data : bytes or str
        The GraphML document.
    name : str, optional
        The name used for the content in messages.

    Returns
    -------
    LearningNetwork
        A new network.

    Raises
    ------
    NetworkError
        As :func:`read_graphml`.

    Examples
    --------
    >>> from_graphml(b'<!DOCTYPE x [<!ENTITY a "aaaa">]><graphml/>')  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.UnsafeFileError: The file 'network.graphml' contains a document type
    declaration (<!DOCTYPE ...>), so the file was not read: learning-network files never need one,
    and such declarations can be used to attack the computer that opens a file (entities that expand
    to gigabytes, or that pull in other files).
    """
    return _parse(bytes_of(data, name=name), name)


def read_graphml(source: Source, *, name: str | None = None) -> LearningNetwork:
    """Read a network from a GraphML file, safely.

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    LearningNetwork
        A new network; nothing else changes, whether reading succeeds or not.

    Raises
    ------
    FileTooLargeError
        If the file is over :data:`connectivism.formats.MAX_FILE_BYTES`.
    UnsafeFileError
        If the file has a document type declaration, entities, external
        references, or too deeply nested elements. Nothing from it is used.
    FileFormatError
        If the file is not well-formed XML, not GraphML, or not a learning
        network (no single graph, hyperedges, nested graphs, undeclared keys,
        edges to missing nodes).
    SchemaVersionError
        If the file is from a newer kit or an unknown older version.
    NetworkError
        If a value breaks a rule of the model; the message names the node or
        edge.
    OSError
        If the file cannot be opened.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from connectivism.network import LearningNetwork
    >>> net = LearningNetwork("Sam", as_of="2024-03-01")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "sam.graphml"
    ...     write_graphml(net, path)
    ...     print(read_graphml(path) == net)
    True
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    return _parse(data, name or label)


def _local(element: ET.Element) -> str | None:
    """The element's name if it is in the GraphML namespace (or none), else None."""
    tag = element.tag
    if not isinstance(tag, str):
        return None
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return local if namespace == GRAPHML_NAMESPACE else None
    return tag


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _bare(value: object) -> str:
    """A short excerpt of a value, without the quotes (for places such as ``node 'n1' (Ada)``)."""
    return excerpt(value)[1:-1] if isinstance(value, str) else excerpt(value)


def _parse(data: bytes, name: str) -> LearningNetwork:
    data = _as_utf8(data, name)
    root = parse_xml(data, name)
    if _local(root) != "graphml":
        raise FileFormatError(
            f"The file '{name}' is XML but not GraphML: its outer element is <{_bare(root.tag)}>, not <graphml>.",
            field="graphml",
        )
    attrs = _attrs()
    # the attributes read in each domain: defaults of any other attribute are ignored
    wanted = {
        "graph": _FILE_ATTRS + tuple(f.name for f in attrs["graph"]),
        "node": tuple(f.name for f in attrs["node"]) + ("label",),
        "edge": tuple(f.name for f in attrs["edge"]),
    }
    keys: dict[str, tuple[str, str]] = {}
    defaults: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    for key in root:
        if _local(key) != "key":
            continue
        key_id = key.get("id")
        if not key_id:
            raise FileFormatError(f"The file '{name}' has a <key> without an id.", field="key")
        domain = key.get("for", "all")
        attr = key.get("attr.name") or key_id
        keys[key_id] = (domain, attr)
        for child in key:
            if _local(child) == "default":
                for target in ("graph", "node", "edge"):
                    if domain in (target, "all") and attr in wanted[target]:
                        defaults[target][attr] = _text(child)
    graphs = [child for child in root if _local(child) == "graph"]
    if len(graphs) != 1:
        raise FileFormatError(
            f"The file '{name}' has {len(graphs)} <graph> elements: a learning-network file has exactly one.",
            field="graph",
            value=len(graphs),
        )
    graph = graphs[0]

    def values(element: ET.Element, domain: str, wanted: tuple[str, ...], ident: str | None) -> dict[str, str]:
        # `ident` is the element's id (None for the graph), quoted only for a message
        def where() -> str:
            return f"the <{domain}>" if ident is None else f"{domain} {excerpt(ident)}"

        found = dict(defaults[domain])  # only wanted attributes have defaults
        seen: set[str] = set()
        for child in element:
            if _local(child) != "data":
                continue
            key_id = child.get("key")
            if key_id not in keys:
                raise FileFormatError(
                    f"The file '{name}': {where()} has <data key={excerpt(key_id)}>, but no <key> with "
                    "that id is declared.",
                    field="key",
                    value=key_id,
                )
            key_domain, attr = keys[key_id]
            if key_domain not in (domain, "all") or attr not in wanted:
                continue
            if attr in seen:
                raise FileFormatError(
                    f"The file '{name}': {where()} has two values for {attr!r}: give one.",
                    field=attr,
                )
            seen.add(attr)
            found[attr] = _text(child)
        return found

    meta = values(graph, "graph", wanted["graph"], None)
    version: Any = meta.get("format_version")
    if version is None:
        version = FORMAT_VERSION
    elif _WHOLE_NUMBER.fullmatch(version):
        version = int(version)
    doc: dict[str, Any] = {
        "format": meta.get("format", FORMAT_NAME),
        "format_version": version,
        "nodes": [],
        "ties": [],
        "metadata": {f.name: _value_of_text(f, meta[f.name]) for f in attrs["graph"] if f.name in meta},
    }
    if "me" in meta:
        doc["me"] = meta["me"]

    node_places: list[tuple[str, str]] = []  # (id, name), made into text only for a message
    tie_places: list[tuple[str, str, str]] = []
    names: dict[str, str] = {}
    edges: list[ET.Element] = []
    for child in graph:
        local = _local(child)
        if local in ("hyperedge", "graph"):
            raise FileFormatError(
                f"The file '{name}' has a <{local}>: learning networks have plain ties "
                "between two nodes, so hyperedges and nested graphs are not accepted.",
                field=local,
            )
        if local == "edge":
            edges.append(child)
            continue
        if local != "node":
            continue
        node_id = child.get("id")
        if not node_id:
            raise FileFormatError(f"The file '{name}' has a <node> without an id.", field="id")
        if node_id in names:
            raise FileFormatError(
                f"The file '{name}' has two nodes with the id {excerpt(node_id)}: ids must be unique.",
                field="id",
                value=node_id,
            )
        if any(_local(grandchild) == "graph" for grandchild in child):
            raise FileFormatError(
                f"The file '{name}': node {excerpt(node_id)} contains a nested graph, which learning "
                "networks do not have.",
                field="graph",
            )
        found = values(child, "node", wanted["node"], node_id)
        node_name = found.get("name") or found.get("label") or node_id
        names[node_id] = node_name
        entry = {f.name: _value_of_text(f, found.get(f.name)) for f in attrs["node"]}
        doc["nodes"].append({**entry, "name": node_name})
        node_places.append((node_id, node_name))
    for edge in edges:
        ends = (edge.get("source"), edge.get("target"))
        label = edge.get("id") or f"{ends[0]}–{ends[1]}"
        for end in ends:
            if end not in names:
                raise FileFormatError(
                    f"The file '{name}': edge {excerpt(label)} refers to the node {excerpt(end)}, which is "
                    "not in the file.",
                    field="edge",
                    value=end,
                )
        found = values(edge, "edge", wanted["edge"], label)
        entry = {f.name: _value_of_text(f, found.get(f.name)) for f in attrs["edge"]}
        doc["ties"].append({"a": names[ends[0]], "b": names[ends[1]], **entry})
        tie_places.append((label, names[ends[0]], names[ends[1]]))

    def where(section: str, index: int, field: str | None) -> tuple[str, str | None]:
        if section == "nodes":
            node_id, node_name = node_places[index]
            place = f"node {excerpt(node_id)} ({_bare(node_name)})"
        elif section == "ties":
            label, a, b = tie_places[index]
            place = f"edge {excerpt(label)} ({_bare(a)}–{_bare(b)})"
        else:
            place = "the <graph>"
        return name, f"{place}, data {field!r}" if field else place

    return network_from_document(doc, source=name, where=where)
