"""Merging learners' networks into one class network, built and measured in one step.

:func:`merge` takes what :func:`~connectivism.facilitator.submissions.read_folder`
accepted and returns a frozen :class:`ClassNetwork`: the merged graph, each
learner's contribution, the files set aside, and what
:func:`~connectivism.facilitator.measure.measure_class` found.

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
  learners) with the same name treated as one person. Otherwise a person is
  shown by a pseudonym keyed on their learner's identity and their name
  (:mod:`~connectivism.facilitator.keys`).
* A tie named by several learners is kept once, with its strongest strength
  and the number of learners who recorded it.

Notes and tags are dropped; topics are kept. Every list is in the order of
pseudonyms or of a measure, never of file names.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import networkx as nx

from connectivism.facilitator.keys import _Names
from connectivism.facilitator.measure import LEARNER_KIND, ClassDiversity, DownesSummary, measure_class
from connectivism.facilitator.submissions import Rejection, Submission, Submissions
from connectivism.network import match_key

__all__ = ["MERGED_KINDS", "LearnerContribution", "ClassNetwork", "merge"]

#: Kinds merged across learners by name.
MERGED_KINDS = ("community", "resource", "tool")


@dataclass(frozen=True)
class LearnerContribution:
    """What one learner brought to the class network."""

    learner: str
    nodes: int  # nodes other than "me"
    shared: int  # of which named by two or more learners
    unique: int  # of which named by this learner alone
    ties: int


@dataclass(frozen=True, eq=False)
class ClassNetwork:
    """The merged class network and what was measured on it, made in one step by :func:`merge`.

    ``graph`` holds every node with ``kind`` (learner, person, community,
    resource, tool), ``topic``, ``named_by`` (learners, sorted) and ``count``;
    every tie with ``strength`` (the strongest recorded) and ``learners``.
    ``core`` is the class core (learners and everything two or more learners
    named); ``shared`` is every merged community, resource and tool with the
    number of learners who named it, most named first. The other measures
    are described in :mod:`~connectivism.facilitator.measure`. Compared by
    identity: networkx graphs have no value equality.
    """

    graph: nx.Graph
    learners: tuple[LearnerContribution, ...]
    rejected: tuple[Rejection, ...]
    keep_names: bool
    as_of: datetime.date
    shared: tuple[tuple[str, int], ...]
    core: nx.Graph
    communities: tuple[tuple[str, ...], ...]
    brokers: tuple[tuple[str, float], ...]
    betweenness: Mapping[str, float]
    diversity: ClassDiversity
    downes: DownesSummary

    @property
    def anonymised(self) -> bool:
        """Whether the learners are shown by pseudonym (the default) rather than by name."""
        return not self.keep_names


class _Key(NamedTuple):
    """Which merged node a learner's node joins.

    ``group`` is "learner" (a learner, by pseudonym), "person" (a person,
    within one learner), "people" (a person or learner by name, with
    ``keep_names``) or "shared" (a community, resource or tool, by name).
    """

    group: str
    learner: str  # the learner, for "learner" and "person"; "" otherwise
    name: str  # the name's match key; "" for "learner"


@dataclass
class _Node:
    """A merged node while the networks are read: what each learner called it."""

    spellings: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    named_by: set[str] = field(default_factory=set)


@dataclass
class _Tie:
    """A merged tie while the networks are read."""

    strength: int = 0
    learners: set[str] = field(default_factory=set)


def _most_common(values: list[str]) -> str:
    if len(values) == 1:
        return values[0]
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    # among equally common spellings prefer mixed case ("Local library" over "LOCAL LIBRARY")
    return min((v for v, c in counts.items() if c == best), key=lambda v: (v.isupper() or v.islower(), v.casefold(), v))


def _person_text(sub: Submission) -> bytes:
    # a person is pseudonymised within their learner: by the learner id (survives renaming), or,
    # for a file without one, by the file's pseudonym as before (the pseudonyms of a class that
    # has not re-exported stay the same)
    if sub.identity.startswith(b"\x00"):
        return sub.identity + b"\x00"
    return sub.file.encode("utf-8") + b"\x00"


def merge(found: Submissions, *, as_of: datetime.date | str, seed: int = 7) -> ClassNetwork:
    """Merge accepted submissions into one class network and measure it.

    Parameters
    ----------
    found : Submissions
        From :func:`~connectivism.facilitator.submissions.read_submissions` or
        :func:`~connectivism.facilitator.submissions.read_folder`.
    as_of : date or "YYYY-MM-DD"
        The date the Downes profiles are measured at.
    seed : int
        Seed of the community detection (the same input gives the same result).

    Returns
    -------
    ClassNetwork
        Frozen; its lists are tuples.
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

    merged: dict[_Key, _Node] = {}
    ties: dict[frozenset[_Key], _Tie] = {}
    per_learner: list[tuple[str, list[_Key], int]] = []

    def join(key: _Key, spelling: str, kind: str, topic: str, learner: str) -> None:
        node = merged.setdefault(key, _Node())
        node.spellings.append(spelling)
        node.kinds.append(kind)
        node.topics.append(topic)
        node.named_by.add(learner)

    for sub in found.accepted:
        net = sub.network
        lkey = _Key("people", "", mkey(sub.learner)) if keep else _Key("learner", sub.learner, "")
        join(lkey, sub.learner, LEARNER_KIND, net.node(net.me).topic or "", sub.learner)
        local: dict[str, _Key] = {net.me: lkey}
        mine: list[_Key] = []
        for node in net.nodes:
            if node.kind == "me":
                continue
            if node.kind == "person":
                if keep:
                    key, spelling = _Key("people", "", mkey(node.name)), node.name
                else:
                    key = _Key("person", sub.learner, mkey(node.name))
                    spelling = names("Person", _person_text(sub) + mkey(node.name).encode("utf-8"))
            else:
                key, spelling = _Key("shared", "", mkey(node.name)), node.name
            join(key, spelling, node.kind, node.topic or "", sub.learner)
            local[node.name] = key
            mine.append(key)
        for tie in net.ties:
            a, b = local[tie.a], local[tie.b]
            if a == b:
                continue
            entry = ties.setdefault(frozenset((a, b)), _Tie())
            entry.strength = max(entry.strength, tie.strength)
            entry.learners.add(sub.learner)
        per_learner.append((sub.learner, mine, len(net.ties)))

    # ids: the shown spelling, made unique
    graph = nx.Graph(title="Class network", anonymised=not keep, as_of=as_of.isoformat())
    ids: dict[_Key, str] = {}
    used: set[str] = set()
    order = sorted(
        merged,
        key=lambda k: (
            LEARNER_KIND not in merged[k].kinds,
            -len(merged[k].named_by),
            _most_common(merged[k].spellings).casefold(),
            _most_common(merged[k].spellings),
        ),
    )
    for key in order:
        node = merged[key]
        label = _most_common(node.spellings)
        kind = LEARNER_KIND if LEARNER_KIND in node.kinds else _most_common(node.kinds)
        node_id, n = label, 1
        while node_id in used:
            n += 1
            node_id = f"{label} ({n})"
        used.add(node_id)
        ids[key] = node_id
        graph.add_node(
            node_id,
            kind=kind,
            topic=_most_common(node.topics),
            named_by=sorted(node.named_by),
            count=len(node.named_by),
        )
    position = {node_id: i for i, node_id in enumerate(graph)}
    edges = []
    for pair, tie in ties.items():
        a, b = sorted((ids[k] for k in pair), key=position.__getitem__)
        edges.append((a, b, tie.strength, len(tie.learners)))
    # ties in the order of the nodes (learners by pseudonym, then by measure), never by file
    for a, b, strength, n in sorted(edges, key=lambda e: (position[e[0]], position[e[1]])):
        graph.add_edge(a, b, strength=strength, learners=n)

    counts = {ids[k]: len(node.named_by) for k, node in merged.items()}
    learners = []
    for learner, mine, n_ties in per_learner:
        shared = sum(1 for k in mine if counts[ids[k]] > 1)
        learners.append(LearnerContribution(learner, len(mine), shared, len(mine) - shared, n_ties))
    learners.sort(key=lambda c: (c.learner.casefold(), c.learner))

    measured = measure_class(graph, [sub.network for sub in found.accepted], as_of=as_of, seed=seed)
    return ClassNetwork(
        graph=graph,
        learners=tuple(learners),
        rejected=tuple(sorted(found.rejected, key=lambda r: (r.file.casefold(), r.file, r.kind.value))),
        keep_names=keep,
        as_of=as_of,
        shared=tuple(
            sorted(
                ((n, d["count"]) for n, d in graph.nodes(data=True) if d["kind"] in MERGED_KINDS),
                key=lambda t: (-t[1], t[0].casefold()),
            )
        ),
        core=measured.core,
        communities=measured.communities,
        brokers=measured.brokers,
        betweenness=measured.betweenness,
        diversity=measured.diversity,
        downes=measured.downes,
    )
