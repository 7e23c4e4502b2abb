"""A network drawn elsewhere as candidates: GraphML from yEd, Gephi, Cytoscape or networkx.

:func:`connectivism.formats.read_graphml` reads a *learning network* in GraphML
and refuses a file without the kit's ``kind`` for every node and one ``me``.
This reader takes any GraphML graph instead, and returns its nodes as
candidates and its edges as ties between them; the learner chooses which to
add and, per group, their kind (``"person"`` unless the file says). Tested
with the files of yEd 3.23, Gephi 0.10, Cytoscape 3.10 and networkx 3.x
(see ``tests/data/imports/``). What is read, and nothing else:

* ``<key>`` elements: their ``id``, ``for``, ``attr.name`` (compared
  ignoring case), ``yfiles.type`` and ``<default>``;
* for every ``<node>``, its **name**: the data named ``name`` (Cytoscape,
  networkx files the kit wrote), else ``label`` (Gephi), else the first
  ``y:NodeLabel`` text of its yEd graphics (``yfiles.type="nodegraphics"``),
  else its ``id`` (networkx writes the name there);
* its **kind**: the data named ``kind`` if it is person, community, resource or
  tool (a node of kind ``me``, the learner of a kit file, is not a
  candidate: ties to it are implied); else ``"person"``;
* its **group**: the label of the yEd group node it is drawn in (a node holding
  a nested ``<graph>``; the group node itself is not a candidate), else its
  data named ``group``, else its ``kind`` data, else ``""``;
* its **topic**: the data named ``topic``;
* every ``<edge>`` between two candidates is a tie (direction ignored,
  repeats merged); its data named ``strength``, else ``weight``, is kept
  when it is a whole number from 1 to 5, and ``since`` and ``last_contact``
  when they are dates written YYYY-MM-DD.

Everything else (coordinates, colours, shapes, other data, hyperedges) is
ignored; edges to nodes that are not candidates are skipped, with a notice.
The file goes through the same defences as the kit's GraphML reader (its
declared encoding honoured, :func:`~connectivism.formats._safety.parse_xml`),
and each key's default is looked up once, so time is linear in the size of
the file.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

from connectivism.errors import FileFormatError
from connectivism.formats._safety import Source, parse_xml, read_source
from connectivism.formats._xml_encoding import _as_utf8
from connectivism.formats.graphml_format import _bare, _local, _text
from connectivism.imports import READERS
from connectivism.imports._candidates import Candidates
from connectivism.imports._reading import Collector
from connectivism.messages import text
from connectivism.network import OTHER_KINDS

__all__ = ["read_drawn_graphml"]

_DEFAULT_NAME = "network.graphml"
_WANTED = ("name", "label", "kind", "group", "topic", "strength", "weight", "since", "last_contact")
_STRENGTH = re.compile(r"\s*([1-5])(?:\.0*)?\s*")
_DATE = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})\s*")


def _date(value: str | None) -> datetime.date | None:
    match = _DATE.fullmatch(value or "")
    if match is None:
        return None
    try:
        return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _strength(values: dict[str, str]) -> int | None:
    for attr in ("strength", "weight"):
        match = _STRENGTH.fullmatch(values.get(attr, ""))
        if match:
            return int(match.group(1))
    return None


def _yed_label(data: ET.Element) -> str:
    """The first non-empty ``NodeLabel`` text inside a yEd graphics data element."""
    for element in data.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.endswith("NodeLabel"):
            label = _text(element).strip()
            if label:
                return label
    return ""


def read_drawn_graphml(source: Source, *, name: str | None = None) -> Candidates:
    """Read the nodes and edges of any GraphML graph as candidates (see the module docstring).

    Parameters
    ----------
    source : str, os.PathLike, bytes-like or binary file object
        A path, the bytes of a file (an upload), or an open binary file.
    name : str, optional
        The name used in messages; by default the file's own name.

    Returns
    -------
    Candidates
        One candidate per node (``"person"`` unless the file gives a kind) and
        the ties between them.

    Raises
    ------
    FileTooLargeError, EncodingError, UnsafeFileError, MalformedFileError
        As :func:`connectivism.formats.read_graphml`.
    FileFormatError
        If the file is XML but not GraphML, or has no graph.

    Examples
    --------
    >>> import io, networkx as nx
    >>> graph = nx.Graph([("Ada", "Grace"), ("Grace", "Alan")])
    >>> stream = io.BytesIO(); nx.write_graphml(graph, stream)
    >>> found = read_drawn_graphml(stream.getvalue())
    >>> [(c.name, c.kind) for c in found.candidates], [(t.a, t.b) for t in found.ties]
    ([('Ada', 'person'), ('Grace', 'person'), ('Alan', 'person')], [('Ada', 'Grace'), ('Grace', 'Alan')])
    """
    data, label = read_source(source, name=name or _DEFAULT_NAME)
    label = name or label
    root = parse_xml(_as_utf8(data, label), label)
    if _local(root) != "graphml":
        raise FileFormatError(
            f"The file '{label}' is XML but not GraphML: its outer element is <{_bare(root.tag)}>, not <graphml>.",
            field="graphml",
        )
    # (id, domain) -> (attribute, yfiles type); Cytoscape gives a graph's, a node's and an
    # edge's keys the same id ("name"), so the domain is part of the key
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for key in root:
        if _local(key) != "key" or not key.get("id"):
            continue
        domain = key.get("for", "all")
        attr = (key.get("attr.name") or "").strip().lower()
        keys[(key.get("id"), domain)] = (attr, key.get("yfiles.type", ""))
        for child in key:
            if _local(child) == "default" and attr in _WANTED:
                for target in defaults:
                    if domain in (target, "all"):
                        defaults[target][attr] = _text(child)

    def values(element: ET.Element, domain: str) -> dict[str, str]:
        found = dict(defaults[domain])
        for child in element:
            if _local(child) != "data":
                continue
            key = child.get("key")
            attr, yfiles = keys.get((key, domain)) or keys.get((key, "all")) or ("", "")
            if attr in _WANTED:
                found[attr] = _text(child).strip()
            elif yfiles == "nodegraphics" and "yed" not in found:
                found["yed"] = _yed_label(child)
        return found

    graphs = [(child, "") for child in reversed(list(root)) if _local(child) == "graph"]
    if not graphs:
        raise FileFormatError(f"The file '{label}' has no <graph>: there is no network in it.", field="graph")
    found = Collector("drawn")
    names: dict[str, str | None] = {}  # node id -> candidate name (None: not a candidate)
    edges: list[ET.Element] = []
    while graphs:
        graph, group = graphs.pop()
        for child in graph:
            local = _local(child)
            if local == "edge":
                edges.append(child)
                continue
            if local != "node":
                continue
            node_id = child.get("id") or ""
            if found.full:  # the rest of the file is left out: not even read
                names[node_id] = None
                found.left_out += 1
                continue
            found_values = values(child, "node")
            shown = found_values.get("name") or found_values.get("label") or found_values.get("yed") or node_id
            nested = [grandchild for grandchild in child if _local(grandchild) == "graph"]
            if nested:  # a yEd group: its members are in its group
                names[node_id] = None
                graphs.extend((inner, shown) for inner in reversed(nested))
                continue
            kind = found_values.get("kind", "").strip().lower()
            if kind == "me":
                names[node_id] = None
                continue
            names[node_id] = found.add(
                shown,
                kind if kind in OTHER_KINDS else "person",
                group=group or found_values.get("group") or found_values.get("kind", ""),
                topic=found_values.get("topic", ""),
            )
    for edge in edges:
        a, b = names.get(edge.get("source") or ""), names.get(edge.get("target") or "")
        if a is None or b is None:
            if edge.get("source") not in names or edge.get("target") not in names:
                found.skipped_ties += 1
            continue
        tie_values = values(edge, "edge")
        found.tie(
            a,
            b,
            strength=_strength(tie_values),
            since=_date(tie_values.get("since")),
            last_contact=_date(tie_values.get("last_contact")),
        )
    hyperedges = sum(1 for graph in root.iter() if _local(graph) == "hyperedge")
    if hyperedges:
        found.notices.append(text("import.notice.hyperedges", count=hyperedges))
    return found.result()


READERS["drawn"] = read_drawn_graphml
