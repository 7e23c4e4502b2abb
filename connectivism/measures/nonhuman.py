"""Non-human sources: how much of a learner's network is resources and tools.

Siemens' third principle says learning may reside in non-human appliances:
databases, journals, feeds, video channels, software. This module measures
their share of the network, by count and by the strength of the learner's
ties to them.

Examples
--------
>>> from connectivism.examples import load_example
>>> share = nonhuman_share(load_example("teacher"))
>>> round(share.node_share, 2), round(share.strength_share, 2)
(0.38, 0.32)
"""

from __future__ import annotations

from dataclasses import dataclass

from connectivism.measures.view import NONHUMAN_KINDS, NetworkView
from connectivism.network import LearningNetwork

__all__ = ["NonHumanShare", "nonhuman_share", "nonhuman_share_from_view"]


@dataclass(frozen=True, slots=True)
class NonHumanShare:
    """The share of resources and tools in a learning network.

    Attributes
    ----------
    node_share : float
        Resources and tools among all nodes other than "me", 0–1.
    strength_share : float
        Their share of the total strength of "me"'s own ties, 0–1.
    nodes : tuple of str
        The resources and tools, in network order.
    """

    node_share: float
    strength_share: float
    nodes: tuple[str, ...]


def nonhuman_share_from_view(view: NetworkView) -> NonHumanShare:
    """:func:`nonhuman_share` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    nodes = tuple(n for n in view.others if view.kind[n] in NONHUMAN_KINDS)
    node_share = len(nodes) / len(view.others) if view.others else 0.0
    total = sum(tie.strength for _, tie in view.my_ties)
    part = sum(tie.strength for name, tie in view.my_ties if view.kind[name] in NONHUMAN_KINDS)
    return NonHumanShare(node_share, part / total if total else 0.0, nodes)


def nonhuman_share(net: LearningNetwork) -> NonHumanShare:
    """Return the share of resources and tools, by nodes and by tie strength.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.

    Returns
    -------
    NonHumanShare
        The share of nodes, the share of "me"'s tie strength, and the
        resources and tools themselves.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    Notes
    -----
    Principle 3 (learning may reside in non-human appliances) (Siemens 2005).
    Resources and tools are the non-human kinds; communities are groups of
    people and count as human.

    ``node_share`` :math:`= |\\{v \\neq me : kind(v) \\in \\{resource, tool\\}\\}| / |V \\setminus \\{me\\}|`
    counts every node, tied to "me" or not. ``strength_share``
    :math:`= \\sum_{j \\in N_{nh}(me)} s_{me,j} / \\sum_{j \\in N(me)} s_{me,j}`
    looks only at "me"'s own ties: how much of the learner's attention goes to
    non-human sources.

    Edge cases: only "me": both 0.0 (there are no sources, so none is
    non-human). "Me" without ties: ``strength_share`` 0.0.

    References
    ----------
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("Feed", "tool")
    >>> _ = net.add("Journal", "resource")
    >>> _ = net.connect("Me", "Ada", strength=3)
    >>> _ = net.connect("Me", "Feed", strength=1)
    >>> nonhuman_share(net)
    NonHumanShare(node_share=0.6666666666666666, strength_share=0.25, nodes=('Feed', 'Journal'))
    """
    return nonhuman_share_from_view(NetworkView(net))
