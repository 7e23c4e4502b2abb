"""Adding chosen candidates to a network: all of them, merged with what is there, or none.

Part of :mod:`connectivism.imports` (import :func:`add_candidates` from
there). The builder's "Import from your tools" panel calls it inside one
:meth:`~connectivism.session.EditSession.do`, so one Undo takes the whole
addition back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from connectivism.errors import LimitExceededError, SelectionTooLargeError
from connectivism.imports._candidates import Candidate, CandidateTie
from connectivism.network import MAX_NODES, MAX_TAGS, MAX_TIES, LearningNetwork, normalise_name

__all__ = ["Added", "add_candidates"]


@dataclasses.dataclass(frozen=True)
class Added:
    """What :func:`add_candidates` did: counts of nodes added, nodes merged and ties added."""

    added: int = 0
    merged: int = 0
    ties: int = 0


def add_candidates(
    net: LearningNetwork, chosen: Sequence[tuple[Candidate, str]], ties: Iterable[CandidateTie] = ()
) -> Added:
    """Add the chosen candidates to `net`, each tied to the learner, merging those already there.

    Parameters
    ----------
    net : LearningNetwork
        Changed in place, and only if everything can be added.
    chosen : sequence of (Candidate, str)
        Each candidate with the kind the learner gave it.
    ties : iterable of CandidateTie
        Ties between candidates; those whose two ends are both chosen (or
        already in the network) are added.

    Returns
    -------
    Added

    Raises
    ------
    SelectionTooLargeError
        If the network's limits (:data:`~connectivism.network.MAX_NODES`,
        :data:`~connectivism.network.MAX_TIES`, its text) would be passed;
        nothing is added, and the error says how many to deselect.
    NetworkError
        If a value is refused by the model; nothing is added.

    Notes
    -----
    A candidate whose name matches a node of the network (the same
    :func:`~connectivism.network.normalise_name`) is **merged**: the node keeps
    its name and kind, takes the candidate's topic if it had none and its
    tags, and is tied to the learner if it was not. A candidate with the
    learner's own name is left out. New nodes are tied to the learner with the
    candidate's strength (else the kit's default), dates and initiator.

    Examples
    --------
    >>> net = LearningNetwork("Sam")
    >>> _ = net.add("OLDaily", "resource")
    >>> chosen = [(Candidate("oldaily", "resource", topic="open education"), "resource"),
    ...           (Candidate("Ada", "person"), "person")]
    >>> add_candidates(net, chosen, [CandidateTie("Ada", "OLDaily")])
    Added(added=1, merged=1, ties=3)
    >>> net.node("OLDaily").topic, len(net.ties)
    ('open education', 3)
    """
    work = net.copy()
    by_end: dict[str, list[CandidateTie]] = {}
    for tie in ties:
        by_end.setdefault(normalise_name(tie.a), []).append(tie)
        by_end.setdefault(normalise_name(tie.b), []).append(tie)
    placed: set[str] = set()
    me = normalise_name(work.me)
    added = merged = tied = 0
    for index, (candidate, kind) in enumerate(chosen):
        key = normalise_name(candidate.name)
        if key == me or key in placed:
            continue
        try:
            if key in work:
                node = work.node(candidate.name)
                changes = {}
                if candidate.topic and not node.topic:
                    changes["topic"] = candidate.topic
                tags = tuple(dict.fromkeys(node.tags + candidate.tags))[:MAX_TAGS]
                if tags != node.tags:
                    changes["tags"] = tags
                if changes:
                    work.edit(node.name, **changes)
                merged += 1
            else:
                work.add(candidate.name, kind, topic=candidate.topic, tags=candidate.tags)
                added += 1
            placed.add(key)
            if not _tied(work, work.me, candidate.name):
                work.connect(work.me, candidate.name, **_tie_fields(candidate))
                tied += 1
            for tie in by_end.get(key, ()):
                other = normalise_name(tie.b if normalise_name(tie.a) == key else tie.a)
                if other in placed and other != key and not _tied(work, tie.a, tie.b):
                    work.connect(tie.a, tie.b, **_tie_fields(tie))
                    tied += 1
        except LimitExceededError:
            limit = _passed(work)
            most = {"ties": f"{MAX_TIES:,} ties", "nodes": f"{MAX_NODES:,} nodes"}.get(limit)
            raise SelectionTooLargeError(
                f"Adding these {len(chosen)} would take the network past its limit of "
                f"{most or 'the text one network can hold'}, so nothing was added: deselect "
                f"{len(chosen) - index} of them (the first {index} fit).",
                limit=limit,
                fits=index,
                deselect=len(chosen) - index,
            ) from None
    net.replace_with(work)
    return Added(added, merged, tied)


def _tied(net: LearningNetwork, a: str, b: str) -> bool:
    try:
        net.tie(a, b)
    except LookupError:
        return False
    return True


def _tie_fields(item: Candidate | CandidateTie) -> dict:
    fields = {"since": item.since, "last_contact": item.last_contact}
    if item.strength is not None:
        fields["strength"] = item.strength
    if getattr(item, "initiated_by", None) is not None:
        fields["initiated_by"] = item.initiated_by
    return fields


def _passed(work: LearningNetwork) -> str:
    """Which limit a change refused for passing a limit would have passed."""
    if len(work.ties) >= MAX_TIES:
        return "ties"
    if len(work) >= MAX_NODES:
        return "nodes"
    return "text"
