"""An anonymised copy of a learning network, for sharing with a class or a facilitator.

Learning networks name real people. :func:`anonymised` replaces the learner's
name and the name of every *person* with a pseudonym ("Learner", "Person 1",
"Person 2", … in the network's order) and drops every note (every field
declared private, see :class:`~connectivism.network.FieldInfo`). Communities,
resources and tools keep their names: they are usually public (a journal, a
forum, a tool) and they are what a class wants to compare. Topics and tags
stay; if they could identify someone, edit them before sharing.

Pseudonyms never clash with the names that are kept: a pseudonym that is
already the name of a community, resource or tool (in any case or spelling
that :func:`~connectivism.network.normalise_name` counts as the same) is
skipped, so a tool called "Learner" makes the learner "Learner 2".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from connectivism import network as _network
from connectivism.errors import LimitExceededError
from connectivism.network import LearningNetwork, fields_of, normalise_name

__all__ = ["anonymised", "LEARNER_PSEUDONYM"]

LEARNER_PSEUDONYM = "Learner"
#: The title of an anonymised copy.
ANONYMISED_TITLE = "Anonymised learning network"


def anonymised(net: LearningNetwork) -> LearningNetwork:
    """Return a copy with people pseudonymised and notes dropped.

    Examples
    --------
    >>> net = LearningNetwork("Sam Rivera")
    >>> _ = net.add("Ada Lovelace", "person", note="phone 555-0101")
    >>> _ = net.add("Open Ed Weekly", "resource", note="my notes")
    >>> _ = net.connect("Sam Rivera", "Ada Lovelace", strength=4)
    >>> anon = anonymised(net)
    >>> [n.name for n in anon.nodes], [n.note for n in anon.nodes]
    (['Learner', 'Person 1', 'Open Ed Weekly'], ['', '', ''])
    >>> anon.tie("Learner", "Person 1").strength
    4

    A pseudonym that a kept name already has, in any case, is skipped:

    >>> net = LearningNetwork("Sam")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("learner", "tool")
    >>> _ = net.add("PERSON 1", "community")
    >>> [n.name for n in anonymised(net).nodes]
    ['Learner 2', 'Person 2', 'learner', 'PERSON 1']

    Notes
    -----
    Never fails. The copy never holds more text than the original
    (:attr:`~connectivism.network.LearningNetwork.text_length` counts every
    name as at least as long as a pseudonym, and notes are dropped), except
    for its title: a network already at
    :data:`~connectivism.network.MAX_TEXT_LENGTH` gets a copy without a title.
    """
    taken = {normalise_name(n.name) for n in net.nodes if n.kind not in ("me", "person")}

    def free(names: Iterator[str]) -> str:
        for name in names:
            if normalise_name(name) not in taken:
                taken.add(normalise_name(name))
                return name
        raise AssertionError("unreachable")  # pragma: no cover - the iterators are endless

    names: dict[str, str] = {}
    people = (f"Person {i}" for i in itertools.count(1))
    learner = itertools.chain([LEARNER_PSEUDONYM], (f"{LEARNER_PSEUDONYM} {i}" for i in itertools.count(2)))
    for node in net.nodes:
        if node.kind == "me":
            names[node.name] = free(learner)
        elif node.kind == "person":
            names[node.name] = free(people)
        else:
            names[node.name] = node.name
    try:
        return _copy(net, names, ANONYMISED_TITLE)
    except LimitExceededError:
        return _copy(net, names, "")


def _kept(record: object, names: tuple[str, ...]) -> dict[str, object]:
    return {name: getattr(record, name) for name in names}


def _copy(net: LearningNetwork, names: dict[str, str], title: str) -> LearningNetwork:
    # what is copied: every field that is not private, besides the names (pseudonymised
    # here) and a node's kind; the identity (learner_id) travels with the export
    node_kept, tie_kept, metadata_kept = (
        tuple(f.name for f in fields_of(record) if not (f.required or f.private))
        for record in (_network.Node, _network.Tie, _network.Metadata)
    )
    out = LearningNetwork(names[net.me], title=title)
    out.set_metadata(**_kept(net.metadata, metadata_kept))
    for node in net.nodes:
        if node.kind == "me":
            out.edit(out.me, **_kept(node, node_kept))
        else:
            out.add(names[node.name], node.kind, **_kept(node, node_kept))
    for tie in net.ties:
        out.connect(names[tie.a], names[tie.b], **_kept(tie, tie_kept))
    return out
