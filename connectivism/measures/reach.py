"""Reach: the sources and fields a learner can get to in a few steps.

Siemens' fourth principle puts the *capacity to know more* above what is
known now. In a network that capacity is what the learner can reach: the
sources one tie away (asked directly), two ties away (through someone or
something they know) and so on, and the fields those sources cover.

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> [(r.k, len(r.nodes), len(r.topics)) for r in reach_profile(net)]
[(1, 12, 7), (2, 13, 7)]
>>> unreachable(net)
()
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from connectivism.errors import MeasureArgumentError, MeasureTypeError
from connectivism.measures.view import NetworkView
from connectivism.network import LearningNetwork

__all__ = ["Reach", "reach", "reach_profile", "unreachable", "reach_from_view", "unreachable_from_view"]


@dataclass(frozen=True, slots=True)
class Reach:
    """What a learner reaches within ``k`` steps.

    Attributes
    ----------
    k : int or None
        The number of steps (ties); None for "any number".
    nodes : tuple of str
        The sources reached, "me" excluded, nearest first (then network order).
    topics : tuple of str
        The distinct fields of those sources, in the same order of first
        appearance; nodes without a topic add none.
    """

    k: int | None
    nodes: tuple[str, ...]
    topics: tuple[str, ...]


def _check_k(k: object) -> int | None:
    if k is None:
        return None
    if isinstance(k, bool) or not isinstance(k, numbers.Integral):
        raise MeasureTypeError(f"k must be a whole number of steps (or None for any), not {k!r}", field="k", value=k)
    if k < 0:
        raise MeasureArgumentError(f"k must be 0 or more steps, not {k}", field="k", value=k)
    return int(k)


def reach_from_view(view: NetworkView, k: int | None) -> Reach:
    """:func:`reach` of a shared :class:`~connectivism.measures.view.NetworkView` (``k`` already checked)."""
    dist = view.distance
    nodes = tuple(n for n in view.reached_in_order if k is None or dist[n] <= k)
    return Reach(k, nodes, view.topics_of(nodes))


def unreachable_from_view(view: NetworkView) -> tuple[str, ...]:
    """:func:`unreachable` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    dist = view.distance
    return tuple(n for n in view.others if n not in dist)


def reach(net: LearningNetwork, k: int | None = 2) -> Reach:
    """Return the sources and fields within `k` steps of "me".

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    k : int or None, optional
        Largest number of ties on the way (default 2); 0 reaches nothing,
        1 reaches the direct contacts; None means any number of steps.

    Returns
    -------
    Reach
        The nodes reached (nearest first) and their distinct fields.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork or `k` is not a whole number.
    ValueError
        If `k` is negative.

    See Also
    --------
    reach_profile, unreachable

    Notes
    -----
    Principle 4 (capacity to know more is more critical than what is
    currently known) and principle 2 (learning connects specialised sources)
    (Siemens 2005).

    :math:`R_k = \\{v \\neq me : d(me, v) \\le k\\}` where *d* is the number
    of ties on a shortest path, ignoring tie strength (a weak tie still
    reaches). ``len(reach(net, k).nodes)`` equals
    ``len(nx.single_source_shortest_path_length(G, me, cutoff=k)) - 1``.

    Edge cases: with only "me", or no ties, nothing is reached (empty
    tuples). Nodes in parts of the network not connected to "me" are never
    reached, for any `k` (see :func:`unreachable`).

    References
    ----------
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person", topic="maths")
    >>> _ = net.add("Wiki", "resource", topic="history")
    >>> _ = net.add("Far", "person")
    >>> _ = net.connect("Me", "Ada")
    >>> _ = net.connect("Ada", "Wiki")
    >>> reach(net, 1)
    Reach(k=1, nodes=('Ada',), topics=('maths',))
    >>> reach(net, 2).nodes, reach(net, None).topics
    (('Ada', 'Wiki'), ('maths', 'history'))
    """
    return reach_from_view(NetworkView(net), _check_k(k))


def reach_profile(net: LearningNetwork, ks=(1, 2)) -> tuple[Reach, ...]:
    """Return :func:`reach` for several numbers of steps at once.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    ks : iterable of int or None, optional
        The numbers of steps, default ``(1, 2)``.

    Returns
    -------
    tuple of Reach
        One :class:`Reach` per entry of `ks`, in the same order.

    Raises
    ------
    TypeError, ValueError
        As :func:`reach`.

    Notes
    -----
    One breadth-first search from "me" serves every `k`. Edge cases as in
    :func:`reach`.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("Bo", "person")
    >>> _ = net.connect("Me", "Ada")
    >>> _ = net.connect("Ada", "Bo")
    >>> [len(r.nodes) for r in reach_profile(net, ks=(0, 1, 2, None))]
    [0, 1, 2, 2]
    """
    checked = [_check_k(k) for k in ks]
    view = NetworkView(net)
    return tuple(reach_from_view(view, k) for k in checked)


def unreachable(net: LearningNetwork) -> tuple[str, ...]:
    """Return the nodes no path connects to "me" (disconnected parts).

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.

    Returns
    -------
    tuple of str
        Nodes other than "me" with no path to "me", in network order; empty
        when every node can be reached.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    Notes
    -----
    Principle 2 (learning is connecting sources): a source the learner has
    listed but not connected cannot inform them through the network. With
    only "me", the result is empty; when "me" has no ties, it is every other
    node.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("Bo", "person")
    >>> _ = net.connect("Me", "Ada")
    >>> unreachable(net)
    ('Bo',)
    """
    return unreachable_from_view(NetworkView(net))
