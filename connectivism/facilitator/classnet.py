"""The class network: learners' exported networks merged, anonymised and measured together.

:func:`read_folder` reads every file in a folder of learners' exported
networks with the kit's safe readers (:func:`connectivism.formats.load`: size
limit, encodings, schema) and sets aside the ones it cannot use, each with its
reason; one bad file never stops the others. :func:`merge` then builds one
class network from the accepted ones.

Merging
-------
* Every learner's "me" node becomes one **learner** node.
* Communities, resources and tools named by several learners become **one
  node**: names are matched with :func:`connectivism.network.match_key`
  (case, spacing, Unicode forms and accents folded), the most common spelling
  is shown (ties: the first in alphabetical order), and so is the most common
  kind and topic. Each merged node records which learners named it.
* **People are not merged across learners** by name: two learners' "Ana" may
  well be two different people. Only with ``keep_names=True`` are people (and
  learners) with the same name treated as one person.
* A tie named by several learners is kept once, with its strongest strength
  and the number of learners who recorded it.

Anonymity (the default)
-----------------------
Learners, people and submission file names become pseudonyms such as
"Learner 7F3A" and "Person 2B9C", made with HMAC-SHA256 under a per-class
random key (:func:`new_key`). A plain hash of a name could be reversed by
hashing guessed names; a keyed hash cannot without the key, which the
facilitator keeps outside the shared folder and which never goes into the
report. The same key gives the same pseudonyms every time (so next week's
report matches this week's); another key gives unrelated ones. Notes and
tags are dropped; topics are kept. Reasons for rejecting a file name the
kind of problem only, because the readers' detailed messages can quote what
is inside the file.

Examples
--------
>>> from connectivism.network import LearningNetwork
>>> from connectivism.formats import to_json
>>> a = LearningNetwork("Ana"); _ = a.add("Open Ed Weekly", "resource")
>>> _ = a.connect("Ana", "Open Ed Weekly", strength=3)
>>> b = LearningNetwork("Ben"); _ = b.add("open  ed WEEKLY", "resource"); _ = b.add("Cy", "person")
>>> _ = b.connect("Ben", "open  ed WEEKLY", strength=5); _ = b.connect("Ben", "Cy", strength=2)
>>> files = [("ana.json", to_json(a).encode()), ("ben.json", to_json(b).encode()), ("x.json", b"{oops")]
>>> cls = merge(read_submissions(files, key=b"k" * 32), as_of="2026-10-01")
>>> [n for n, d in cls.graph.nodes(data=True) if d["kind"] == "resource"]
['Open Ed Weekly']
>>> cls.graph.nodes["Open Ed Weekly"]["count"], len(cls.learners), len(cls.rejected)
(2, 2, 1)
>>> cls.rejected[0].reason
'malformed JSON or GraphML'
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac
import math
import os
import secrets
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import networkx as nx

from connectivism.errors import (
    EncodingError,
    FileFormatError,
    FileTooLargeError,
    NetworkError,
    SchemaVersionError,
    UnsafeFileError,
)
from connectivism.formats import MAX_FILE_BYTES, load
from connectivism.measures import downes_profile
from connectivism.measures.diversity import blau_index, shannon_entropy
from connectivism.network import OTHER_KINDS, LearningNetwork, match_key

__all__ = [
    "KEY_BYTES",
    "ACCEPTED_SUFFIXES",
    "MERGED_KINDS",
    "Submission",
    "Rejection",
    "Submissions",
    "LearnerContribution",
    "ClassNetwork",
    "new_key",
    "load_or_create_key",
    "pseudonym",
    "read_submissions",
    "read_folder",
    "merge",
    "class_document",
    "class_graphml",
    "write_outputs",
]

#: Length of a class key, in bytes.
KEY_BYTES = 32
#: File endings read as learners' networks.
ACCEPTED_SUFFIXES = (".json", ".graphml", ".xml")
#: Kinds merged across learners by name.
MERGED_KINDS = ("community", "resource", "tool")
#: Above this many nodes in the class core, betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 120
#: Kind given to learner nodes in the class network.
LEARNER_KIND = "learner"


# --- keys and pseudonyms ---------------------------------------------------------


def new_key() -> bytes:
    """A fresh random class key (:data:`KEY_BYTES` bytes from :mod:`secrets`)."""
    return secrets.token_bytes(KEY_BYTES)


def load_or_create_key(path: str | os.PathLike[str]) -> bytes:
    """Read the class key from ``path`` (hex text), creating it if the file is missing.

    A new key file is written readable by its owner only. Keep it outside
    the folder you share with the class, and keep it for the whole course:
    the same key gives the same pseudonyms every week.
    """
    path = Path(path)
    if path.exists():
        text = path.read_text("ascii").strip()
        try:
            key = bytes.fromhex(text)
        except ValueError:
            raise ValueError(f"The key file {path} does not hold a class key (hex text).") from None
        if len(key) < 16:
            raise ValueError(f"The key in {path} is too short: delete it to make a new one.")
        return key
    key = new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key


def _digest(key: bytes, role: str, text: str) -> str:
    return hmac.new(key, f"{role}\x00{text}".encode("utf-8"), hashlib.sha256).hexdigest().upper()


def pseudonym(key: bytes, role: str, text: str, length: int = 4) -> str:
    """A keyed pseudonym such as ``"Learner 7F3A"``: HMAC-SHA256 of ``text`` under ``key``.

    Parameters
    ----------
    key : bytes
        The class key.
    role : str
        "Learner", "Person" or "File": part of the pseudonym and of the hashed text.
    text : str
        What is pseudonymised (a file name, a person's name key).
    length : int
        Hex digits shown (longer ones resolve the rare clash).

    Examples
    --------
    >>> pseudonym(b"k" * 32, "Learner", "ana.json") == pseudonym(b"k" * 32, "Learner", "ana.json")
    True
    >>> pseudonym(b"k" * 32, "Learner", "ana.json") != pseudonym(b"j" * 32, "Learner", "ana.json")
    True
    >>> pseudonym(b"k" * 32, "Person", "x").startswith("Person ")
    True
    """
    return f"{role} {_digest(key, role, text)[:length]}"


class _Names:
    """Hands out pseudonyms, lengthening one on a clash so that all stay distinct."""

    def __init__(self, key: bytes):
        self.key = key
        self.given: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()

    def __call__(self, role: str, text: str) -> str:
        if (role, text) in self.given:
            return self.given[(role, text)]
        for length in range(4, 65, 2):
            name = pseudonym(self.key, role, text, length)
            if name not in self.taken:
                break
        self.taken.add(name)
        self.given[(role, text)] = name
        return name


# --- reading submissions ---------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    """A learner's accepted network."""

    learner: str            # pseudonym (or the learner's name with keep_names)
    file: str               # pseudonymised file name (or the real one with keep_names)
    network: LearningNetwork


@dataclass(frozen=True)
class Rejection:
    """A file set aside, and why."""

    file: str               # pseudonymised file name (or the real one with keep_names)
    reason: str             # the kind of problem, safe to show to the class
    detail: str = ""        # the reader's full message: only with keep_names


@dataclass
class Submissions:
    """What :func:`read_submissions` found."""

    accepted: list[Submission]
    rejected: list[Rejection]
    key: bytes = field(repr=False)
    keep_names: bool = False


def _reason(error: BaseException) -> tuple[str, bool]:
    """(the kind of problem, whether the reader's message is safe to show anonymised)."""
    if isinstance(error, FileTooLargeError):
        return f"too large (over {MAX_FILE_BYTES // (1024 * 1024)} MB)", True
    if isinstance(error, EncodingError):
        return "not valid UTF-8 text", True
    if isinstance(error, SchemaVersionError):
        return "made by another version of the kit (unknown format version)", True
    if isinstance(error, UnsafeFileError):
        return "unsafe file content (refused by the safe reader)", True
    if isinstance(error, FileFormatError):
        text = str(error)
        if "not valid JSON" in text or "neither a JSON nor a GraphML" in text or "not well-formed" in text:
            return "malformed JSON or GraphML", True
        return "not a learning-network file (wrong schema)", False
    if isinstance(error, NetworkError):
        return "the network inside breaks the kit's rules (wrong schema)", False
    if isinstance(error, OSError):
        return "could not be opened", False
    return f"could not be read ({type(error).__name__})", False


def read_submissions(files: Iterable[tuple[str, bytes | Path]], *, key: bytes,
                     keep_names: bool = False) -> Submissions:
    """Read learners' files, given as (file name, bytes or path) pairs.

    Files are taken in order of their names. A file is rejected, with a reason,
    if it has another ending than :data:`ACCEPTED_SUFFIXES`, if the safe
    reader refuses it, or if its content is identical to a file already read.
    """
    names = _Names(key)
    accepted: list[Submission] = []
    rejected: list[Rejection] = []
    seen: dict[str, str] = {}
    me_names: Counter[str] = Counter()
    for filename, source in sorted(files, key=lambda item: item[0]):
        label = filename if keep_names else names("File", filename) + Path(filename).suffix.lower()[:10]
        learner = None if keep_names else names("Learner", filename)
        if not filename.lower().endswith(ACCEPTED_SUFFIXES):
            rejected.append(Rejection(label, "not a network file (export it from the kit as .json)"))
            continue
        try:
            if isinstance(source, (bytes, bytearray)):
                data = bytes(source)
            else:
                with open(source, "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            digest = hashlib.sha256(data).hexdigest()
            if digest in seen:
                rejected.append(Rejection(label, f"duplicate: identical to {seen[digest]}"))
                continue
            net = load(data, name=label)
        except Exception as error:  # one bad file never stops the merge
            reason, safe = _reason(error)
            rejected.append(Rejection(label, reason, str(error) if (keep_names or safe) else ""))
            continue
        seen[digest] = label
        if keep_names:
            me_names[match_key(net.me)] += 1
            learner = net.me if me_names[match_key(net.me)] == 1 else f"{net.me} ({me_names[match_key(net.me)]})"
        accepted.append(Submission(learner, label, net))
    return Submissions(accepted, rejected, key, keep_names)


def read_folder(folder: str | os.PathLike[str], *, key: bytes, keep_names: bool = False) -> Submissions:
    """Read every file in ``folder`` (not sub-folders, not hidden files, not links)."""
    folder = Path(folder)
    files: list[tuple[str, bytes | Path]] = []
    links: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.is_symlink():
            links.append(path.name)
            continue
        if path.is_file():
            files.append((path.name, path))
    found = read_submissions(files, key=key, keep_names=keep_names)
    names = _Names(key)
    for name in links:
        label = name if keep_names else names("File", name) + Path(name).suffix.lower()[:10]
        found.rejected.append(Rejection(label, "a link, not a file (copy the file itself)"))
    return found


# --- merging ---------------------------------------------------------------------


@dataclass(frozen=True)
class LearnerContribution:
    """What one learner brought to the class network."""

    learner: str
    nodes: int      # nodes other than "me"
    shared: int     # of which named by two or more learners
    unique: int     # of which named by this learner alone
    ties: int


@dataclass
class ClassNetwork:
    """The merged class network and what was measured on it.

    ``graph`` holds every node with ``kind`` (learner, person, community,
    resource, tool), ``topic``, ``named_by`` (learners, sorted) and ``count``;
    every tie with ``strength`` (the strongest recorded) and ``learners``.
    """

    graph: nx.Graph
    learners: list[LearnerContribution]
    rejected: list[Rejection]
    keep_names: bool
    as_of: datetime.date
    shared: list[tuple[str, int]] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)
    brokers: list[tuple[str, float]] = field(default_factory=list)
    core: nx.Graph = field(default_factory=nx.Graph)
    diversity: dict = field(default_factory=dict)
    downes: dict = field(default_factory=dict)
    betweenness: dict = field(default_factory=dict)

    @property
    def anonymised(self) -> bool:
        return not self.keep_names


def _most_common(values: list[str]) -> str:
    if len(values) == 1:
        return values[0]
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    # among equally common spellings prefer mixed case ("Local library" over "LOCAL LIBRARY")
    return min((v for v, c in counts.items() if c == best),
               key=lambda v: (v.isupper() or v.islower(), v.casefold(), v))


def _entropy(counts: Counter, categories: int) -> dict:
    values = [c for c in counts.values() if c]
    total = sum(values)
    entropy = shannon_entropy(values) if values else 0.0
    possible = math.log2(min(categories, total)) if total and min(categories, total) > 1 else 0.0
    return {"entropy": round(entropy, 3), "blau": round(blau_index(values) if values else 0.0, 3),
            "normalised": round(entropy / possible, 3) if possible else 0.0,
            "counts": dict(counts.most_common())}


def merge(found: Submissions, *, as_of: datetime.date | str, seed: int = 7) -> ClassNetwork:
    """Merge accepted submissions into one class network and measure it.

    Parameters
    ----------
    found : Submissions
        From :func:`read_submissions` or :func:`read_folder`.
    as_of : date or "YYYY-MM-DD"
        The date the Downes profiles are measured at.
    seed : int
        Seed of the community detection (the same input gives the same result).
    """
    if isinstance(as_of, str):
        as_of = datetime.date.fromisoformat(as_of)
    names = _Names(found.key)
    keep = found.keep_names
    keys: dict[str, str] = {}

    def mkey(name: str) -> str:
        if name not in keys:
            keys[name] = match_key(name)
        return keys[name]
    # key of a merged node -> its id in the graph; spellings, kinds, topics, learners
    spellings: dict[tuple, list[str]] = defaultdict(list)
    kinds: dict[tuple, list[str]] = defaultdict(list)
    topics: dict[tuple, list[str]] = defaultdict(list)
    named_by: dict[tuple, set[str]] = defaultdict(set)
    ties: dict[frozenset, list] = {}
    per_learner: list[tuple[str, list[tuple], int]] = []
    for sub in found.accepted:
        net = sub.network
        lkey = ("people", mkey(sub.learner)) if keep else ("learner", sub.learner)
        spellings[lkey].append(sub.learner)
        kinds[lkey].append(LEARNER_KIND)
        me_node = net.node(net.me)
        topics[lkey].append(me_node.topic or "")
        named_by[lkey].add(sub.learner)
        local: dict[str, tuple] = {net.me: lkey}
        mine: list[tuple] = []
        for node in net.nodes:
            if node.kind == "me":
                continue
            if node.kind == "person":
                if keep:
                    key = ("people", mkey(node.name))
                    spellings[key].append(node.name)
                else:
                    key = ("person", sub.learner, mkey(node.name))
                    spellings[key].append(names("Person", f"{sub.file}\x00{mkey(node.name)}"))
            else:
                key = ("shared", mkey(node.name))
                spellings[key].append(node.name)
            kinds[key].append(node.kind)
            topics[key].append(node.topic or "")
            named_by[key].add(sub.learner)
            local[node.name] = key
            mine.append(key)
        for tie in net.ties:
            a, b = local[tie.a], local[tie.b]
            if a == b:
                continue
            pair = frozenset((a, b))
            entry = ties.setdefault(pair, [0, set()])
            entry[0] = max(entry[0], tie.strength)
            entry[1].add(sub.learner)
        per_learner.append((sub.learner, mine, len(net.ties)))

    # ids: the shown spelling, made unique
    graph = nx.Graph(title="Class network", anonymised=not keep, as_of=as_of.isoformat())
    ids: dict[tuple, str] = {}
    used: set[str] = set()
    order = sorted(spellings, key=lambda k: (LEARNER_KIND not in kinds[k], -len(named_by[k]),
                                             _most_common(spellings[k]).casefold()))
    for key in order:
        label = _most_common(spellings[key])
        kind = LEARNER_KIND if LEARNER_KIND in kinds[key] else _most_common(kinds[key])
        node_id, n = label, 1
        while node_id in used:
            n += 1
            node_id = f"{label} ({n})"
        used.add(node_id)
        ids[key] = node_id
        graph.add_node(node_id, kind=kind, topic=_most_common(topics[key]),
                       named_by=sorted(named_by[key]), count=len(named_by[key]))
    for pair, (strength, who) in ties.items():
        a, b = sorted(pair)
        graph.add_edge(ids[a], ids[b], strength=strength, learners=len(who))

    counts = {ids[k]: len(v) for k, v in named_by.items()}
    learners = []
    for learner, mine, n_ties in per_learner:
        shared = sum(1 for k in mine if counts[ids[k]] > 1)
        learners.append(LearnerContribution(learner, len(mine), shared, len(mine) - shared, n_ties))

    result = ClassNetwork(graph=graph, learners=learners, rejected=list(found.rejected),
                          keep_names=keep, as_of=as_of)
    result.shared = sorted(((n, d["count"]) for n, d in graph.nodes(data=True)
                            if d["kind"] in MERGED_KINDS), key=lambda t: (-t[1], t[0].casefold()))
    _measure(result, found, seed)
    return result


def _induced(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph on ``nodes``, in ``graph``'s order (networkx's subgraph views follow set order,
    which changes from one run to the next)."""
    keep = set(nodes)
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((a, b, d) for a, b, d in graph.edges(data=True) if a in keep and b in keep)
    return out


def _measure(result: ClassNetwork, found: Submissions, seed: int) -> None:
    graph = result.graph
    # the class core: learners and everything two or more learners named
    core = _induced(graph, [n for n, d in graph.nodes(data=True) if d["kind"] == LEARNER_KIND or d["count"] > 1])
    result.core = core
    if core.number_of_edges():
        communities = nx.community.louvain_communities(core, weight="strength", seed=seed)
        # exact up to BETWEENNESS_SAMPLE nodes, estimated from that many sources above it
        sample = None if len(core) <= BETWEENNESS_SAMPLE else BETWEENNESS_SAMPLE
        between = nx.betweenness_centrality(core, k=sample, normalized=True, seed=seed)
    else:
        communities, between = [{n} for n in core], {n: 0.0 for n in core}
    result.communities = sorted(
        (sorted(c, key=lambda n: (-graph.nodes[n]["count"], n.casefold())) for c in communities if len(c) > 1),
        key=lambda c: (-len(c), c[0].casefold()))
    result.betweenness = between
    result.brokers = sorted(((n, round(b, 4)) for n, b in between.items() if b > 0),
                            key=lambda t: (-t[1], t[0].casefold()))[:5]
    others = [d for _, d in graph.nodes(data=True) if d["kind"] in OTHER_KINDS]
    result.diversity = {
        "kinds": _entropy(Counter(d["kind"] for d in others), len(OTHER_KINDS)),
        "topics": _entropy(Counter(d["topic"] for d in others if d["topic"]),
                           len({d["topic"] for d in others if d["topic"]})),
    }
    profiles = [downes_profile(sub.network, result.as_of) for sub in found.accepted]
    summary = {}
    for prop in ("diversity", "autonomy", "openness", "connectivity"):
        values = [getattr(p, prop) for p in profiles if getattr(p, prop) is not None]
        summary[prop] = {
            "mean": round(statistics.fmean(values), 3) if values else None,
            "min": round(min(values), 3) if values else None,
            "max": round(max(values), 3) if values else None,
            "learners": len(values),
        }
    result.downes = summary


# --- outputs -----------------------------------------------------------------------


def class_document(cls: ClassNetwork) -> dict:
    """The class network as a JSON-ready dict (format ``connectivism-class-network``)."""
    graph = cls.graph
    return {
        "format": "connectivism-class-network",
        "format_version": 1,
        "anonymised": cls.anonymised,
        "as_of": cls.as_of.isoformat(),
        "nodes": [{"id": n, "kind": d["kind"], "topic": d["topic"], "named_by": d["named_by"],
                   "count": d["count"]} for n, d in graph.nodes(data=True)],
        "ties": [{"a": a, "b": b, "strength": d["strength"], "learners": d["learners"]}
                 for a, b, d in graph.edges(data=True)],
        "learners": [dataclasses.asdict(c) for c in cls.learners],
        "rejected": [{"file": r.file, "reason": r.reason, **({"detail": r.detail} if r.detail else {})}
                     for r in cls.rejected],
        "shared": [{"id": n, "learners": c} for n, c in cls.shared],
        "communities": cls.communities,
        "brokers": [{"id": n, "betweenness": b} for n, b in cls.brokers],
        "diversity": cls.diversity,
        "downes": cls.downes,
    }


def _x(text: object) -> str:
    return xml_escape(str(text), {'"': "&quot;"})


def class_graphml(cls: ClassNetwork) -> str:
    """The class network as GraphML (Gephi, yEd, Cytoscape): node ids n0, n1 … with a label."""
    graph = cls.graph
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="label" for="node" attr.name="label" attr.type="string"/>',
             '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
             '<key id="topic" for="node" attr.name="topic" attr.type="string"/>',
             '<key id="count" for="node" attr.name="count" attr.type="int"/>',
             '<key id="named_by" for="node" attr.name="named_by" attr.type="string"/>',
             '<key id="strength" for="edge" attr.name="strength" attr.type="int"/>',
             '<key id="learners" for="edge" attr.name="learners" attr.type="int"/>',
             f'<graph id="class-network" edgedefault="undirected">']
    ids = {}
    for i, (n, d) in enumerate(graph.nodes(data=True)):
        ids[n] = f"n{i}"
        lines.append(f'<node id="n{i}"><data key="label">{_x(n)}</data><data key="kind">{_x(d["kind"])}</data>'
                     f'<data key="topic">{_x(d["topic"])}</data><data key="count">{int(d["count"])}</data>'
                     f'<data key="named_by">{_x("; ".join(d["named_by"]))}</data></node>')
    for a, b, d in graph.edges(data=True):
        lines.append(f'<edge source="{ids[a]}" target="{ids[b]}"><data key="strength">{int(d["strength"])}</data>'
                     f'<data key="learners">{int(d["learners"])}</data></edge>')
    lines += ["</graph>", "</graphml>", ""]
    return "\n".join(lines)


def write_outputs(cls: ClassNetwork, out_dir: str | os.PathLike[str], *, html: str | None = None) -> dict[str, Path]:
    """Write class-network.json, class-network.graphml (and .html if given) into ``out_dir``."""
    import json

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "class-network.json", "graphml": out / "class-network.graphml"}
    paths["json"].write_text(json.dumps(class_document(cls), ensure_ascii=False, separators=(",", ":")), "utf-8")
    paths["graphml"].write_text(class_graphml(cls), "utf-8")
    if html is not None:
        paths["html"] = out / "class-network.html"
        paths["html"].write_text(html, "utf-8")
    return paths
