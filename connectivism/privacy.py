"""An anonymised copy of a learning network, for sharing with a class or a facilitator.

Learning networks name real people. :func:`anonymised` replaces the learner's
name and the name of every *person* with a pseudonym ("Learner", "Person 1",
"Person 2", … in the network's order) and drops every note. Communities,
resources and tools keep their names: they are usually public (a journal, a
forum, a tool) and they are what a class wants to compare. Topics and tags
stay; if they could identify someone, edit them before sharing.
"""

from __future__ import annotations

from connectivism.network import LearningNetwork

__all__ = ["anonymised", "LEARNER_PSEUDONYM"]

LEARNER_PSEUDONYM = "Learner"


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
    """
    names: dict[str, str] = {}
    taken = {n.name for n in net.nodes if n.kind not in ("me", "person")}
    counter = 0
    for node in net.nodes:
        if node.kind == "me":
            names[node.name] = LEARNER_PSEUDONYM
        elif node.kind == "person":
            counter += 1
            pseudonym = f"Person {counter}"
            while pseudonym in taken or pseudonym == LEARNER_PSEUDONYM:
                counter += 1
                pseudonym = f"Person {counter}"
            names[node.name] = pseudonym
        else:
            names[node.name] = node.name
    out = LearningNetwork(names[net.me], title="Anonymised learning network",
                          created=net.metadata.created, as_of=net.metadata.as_of)
    out.set_metadata(learner_id=net.metadata.learner_id)  # the identity travels with the export
    for node in net.nodes:
        if node.kind == "me":
            out.edit(out.me, topic=node.topic, tags=node.tags)
        else:
            out.add(names[node.name], node.kind, topic=node.topic, tags=node.tags)
    for tie in net.ties:
        out.connect(names[tie.a], names[tie.b], strength=tie.strength, since=tie.since,
                    last_contact=tie.last_contact, initiated_by=tie.initiated_by)
    return out
