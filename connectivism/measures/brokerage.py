"""Brokerage: where a learner stands between parts of their network, and what hangs on one tie.

Siemens' sixth principle calls the ability to see connections between fields,
ideas and concepts a core skill. Network research measures the position that
makes such connections possible: standing *between* sources that are not
otherwise connected (betweenness; Freeman 1977), spanning *structural holes*
rather than sitting in a closed clique (Burt's constraint and effective size;
Burt 1992). The reverse matters too: a contact who is the learner's only route
to part of the network (an **articulation point**, or **cut point**) and a tie
whose loss splits the network (a **bridge**; Granovetter 1973).

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> b = brokerage(net)
>>> round(b.betweenness, 2), round(b.constraint, 2), round(b.effective_size, 2)
(0.87, 0.24, 10.83)
>>> [(c.node, c.cut_off) for c in bridges_and_cut_points(net).cut_points]
[('Lena', ('Video channel of classroom demonstrations',))]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from connectivism.measures.view import NetworkView
from connectivism.network import LearningNetwork

__all__ = [
    "Brokerage",
    "CutPoint",
    "Bridge",
    "BridgesAndCutPoints",
    "brokerage",
    "bridges_and_cut_points",
    "brokerage_from_view",
    "bridges_and_cut_points_from_view",
]

#: Largest number of matrix cells (sources x nodes) held at once by the
#: betweenness computation; larger networks are processed in blocks.
_BLOCK_CELLS = 1_000_000


@dataclass(frozen=True, slots=True)
class Brokerage:
    """The learner's brokerage position.

    Attributes
    ----------
    betweenness : float
        Normalised betweenness centrality of "me" in the whole network, 0–1.
    constraint : float or None
        Burt's constraint on "me", weighted by tie strength; None when "me"
        has no ties.
    effective_size : float
        Burt's effective size of "me"'s contacts (unweighted); 0.0 without ties.
    contacts : int
        Number of "me"'s direct contacts.
    ties_among_contacts : int
        Number of ties between two of "me"'s contacts.
    """

    betweenness: float
    constraint: float | None
    effective_size: float
    contacts: int
    ties_among_contacts: int


@dataclass(frozen=True, slots=True)
class CutPoint:
    """A source whose loss would cut "me" off from other sources.

    Attributes
    ----------
    node : str
        The source (never "me").
    cut_off : tuple of str
        The sources "me" could no longer reach without it (itself excluded),
        in network order.
    topics_lost : tuple of str
        Fields that only this source and those cut off bring to "me": "me"
        would reach no one in them any more.
    """

    node: str
    cut_off: tuple[str, ...]
    topics_lost: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Bridge:
    """A tie whose loss would split the part of the network "me" is in.

    Attributes
    ----------
    near, far : str
        The end on "me"'s side and the end beyond it.
    cut_off : tuple of str
        The sources "me" could no longer reach without the tie (``far``
        included), in network order.
    """

    near: str
    far: str
    cut_off: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BridgesAndCutPoints:
    """Single points of failure around "me".

    Attributes
    ----------
    cut_points : tuple of CutPoint
        Most cut off first, then network order.
    bridges : tuple of Bridge
        Most cut off first, then network order of the ends.
    """

    cut_points: tuple[CutPoint, ...]
    bridges: tuple[Bridge, ...]


# --- betweenness of one node, exact, vectorised ------------------------------------


def _path_counts(adjacency, dist: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Number of shortest paths from each source (rows) to every node (columns)."""
    counts = np.zeros_like(dist)
    counts[np.arange(len(sources)), sources] = 1.0
    finite = dist[np.isfinite(dist)]
    for level in range(1, int(finite.max()) + 1 if finite.size else 1):
        previous = np.where(dist == level - 1, counts, 0.0)
        following = (adjacency @ previous.T).T  # adjacency is symmetric
        here = dist == level
        counts[here] = following[here]
    return counts


def _betweenness(view: NetworkView) -> float:
    n_total = len(view.order)
    component = view.dfs[2]  # me's component, me first
    n = len(component)
    if n_total <= 2 or n <= 2:
        return 0.0
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path

    index = {name: i for i, name in enumerate(component)}
    rows, cols = [], []
    for name in component:
        i = index[name]
        for other in view.adj[name]:
            rows.append(i)
            cols.append(index[other])
    adjacency = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    me = np.array([0])
    dist_me = shortest_path(adjacency, unweighted=True, directed=False, indices=me)
    sigma_me = _path_counts(adjacency, dist_me, me)[0]
    dist_me = dist_me[0]
    total = 0.0
    block = max(1, _BLOCK_CELLS // n)
    for start in range(1, n, block):  # sources other than me
        sources = np.arange(start, min(n, start + block))
        dist = shortest_path(adjacency, unweighted=True, directed=False, indices=sources)
        sigma = _path_counts(adjacency, dist, sources)
        through = (dist[:, :1] + dist_me[None, :]) == dist  # d(s,me) + d(me,t) = d(s,t)
        through[:, 0] = False
        total += float((np.outer(sigma_me[sources], sigma_me)[through] / sigma[through]).sum())
    return total / ((n_total - 1) * (n_total - 2))


# --- Burt's measures for me only ---------------------------------------------------


def brokerage_from_view(view: NetworkView) -> Brokerage:
    """:func:`brokerage` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    me, adj = view.me, view.adj
    contacts = list(adj[me])
    among = sum(1 for c in contacts for other in adj[c] if other != me and other in adj[me]) // 2
    if not contacts:
        return Brokerage(_betweenness(view), None, 0.0, 0, 0)
    total = {x: sum(t.strength for t in adj[x].values()) for x in [me, *contacts]}
    share = {j: adj[me][j].strength / total[me] for j in contacts}
    indirect = dict.fromkeys(contacts, 0.0)
    for q in contacts:
        for j, tie in adj[q].items():
            if j != me and j in indirect:
                indirect[j] += share[q] * tie.strength / total[q]
    constraint = sum((share[j] + indirect[j]) ** 2 for j in contacts)
    size = len(contacts)
    effective = size - 2 * among / size
    return Brokerage(_betweenness(view), constraint, effective, size, among)


def bridges_and_cut_points_from_view(view: NetworkView) -> BridgesAndCutPoints:
    """:func:`bridges_and_cut_points` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    reached = view.dfs[2]
    held = Counter(view.topic_key[n] for n in reached)
    mine = view.topic_key[view.me]
    points = []
    for node, cut in view.cut_off_by.items():
        lost = Counter(view.topic_key[n] for n in (node, *cut))
        cut_off = view.in_order(cut)
        gone = [
            view.topic_display[key]
            for key in dict.fromkeys(view.topic_key[n] for n in (node, *cut_off))
            if key and key != mine and lost[key] == held[key]
        ]
        points.append(CutPoint(node, cut_off, tuple(gone)))
    points.sort(key=lambda p: (-len(p.cut_off), view.order[p.node]))
    bridges = [Bridge(near, far, view.in_order(view.subtree(far))) for near, far in view.bridge_ties]
    bridges.sort(key=lambda b: (-len(b.cut_off), view.order[b.near], view.order[b.far]))
    return BridgesAndCutPoints(tuple(points), tuple(bridges))


def brokerage(net: LearningNetwork) -> Brokerage:
    """Return the learner's betweenness, constraint and effective size.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.

    Returns
    -------
    Brokerage
        Betweenness (whole network, normalised), constraint (strength-weighted)
        and effective size (unweighted) of "me", with the counts behind them.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    See Also
    --------
    bridges_and_cut_points

    Notes
    -----
    Principle 6 (seeing connections between fields, ideas and concepts)
    (Siemens 2005). All three are computed for "me" only, on the **whole**
    network (every node and tie, not only "me"'s ego network), as networkx
    does; they equal ``nx.betweenness_centrality(G)[me]``,
    ``nx.constraint(G, [me], weight="strength")[me]`` and
    ``nx.effective_size(G, [me])[me]`` for ``G = net.to_networkx()``.

    *Betweenness* (Freeman 1977), normalised for an undirected graph of *n*
    nodes:

    .. math:: b(me) = \\frac{2}{(n-1)(n-2)} \\sum_{s < t;\\ s, t \\neq me}
              \\frac{\\sigma_{st}(me)}{\\sigma_{st}}

    where :math:`\\sigma_{st}` counts shortest paths between *s* and *t* and
    :math:`\\sigma_{st}(me)` those through "me". It is the share of pairs of
    sources whose shortest link runs through the learner. Computed exactly,
    with :math:`\\sigma_{st}(me) = \\sigma_{s,me}\\sigma_{me,t}` when
    :math:`d(s,me) + d(me,t) = d(s,t)` (Brandes 2001), in blocks of sources
    with numpy and scipy.

    *Constraint* (Burt 1992, eq. 2.4), with :math:`p_{ij}` the share of *i*'s
    total tie strength that goes to *j*:

    .. math:: C(me) = \\sum_{j} \\Big(p_{me,j} + \\sum_{q \\neq me, j}
              p_{me,q}\\, p_{qj}\\Big)^2

    over "me"'s contacts *j*, *q*. It is high (1 for a single contact, a
    little more for two strongly tied contacts) when the learner's time and
    attention go to a few contacts who are themselves tied to one another;
    low when contacts are many and unconnected.

    *Effective size* (Burt 1992; in Borgatti's 1997 unweighted form):
    :math:`n - 2t/n` for *n* contacts with *t* ties among them: the number of
    contacts, less their redundancy.

    Edge cases: only "me", or "me" without ties: betweenness 0.0, constraint
    None (undefined: networkx returns NaN), effective size 0.0. Networks of
    one or two nodes: betweenness 0.0. Nodes in parts not connected to "me"
    count in *n* but lie on no path through "me".

    References
    ----------
    L. C. Freeman (1977), "A set of measures of centrality based on
    betweenness", *Sociometry* 40(1), 35–41.
    U. Brandes (2001), "A faster algorithm for betweenness centrality",
    *Journal of Mathematical Sociology* 25(2), 163–177.
    R. S. Burt (1992), *Structural Holes: The Social Structure of
    Competition*. Cambridge, MA: Harvard University Press.
    S. P. Borgatti (1997), "Structural holes: Unpacking Burt's redundancy
    measures", *Connections* 20(1), 35–38.

    Examples
    --------
    A star: "me" between three contacts who do not know each other.

    >>> net = LearningNetwork("Me")
    >>> for name in ["A", "B", "C"]:
    ...     _ = net.add(name, "person")
    ...     _ = net.connect("Me", name, strength=2)
    >>> brokerage(net)
    Brokerage(betweenness=1.0, constraint=0.3333333333333333, effective_size=3.0, contacts=3, ties_among_contacts=0)
    >>> _ = net.connect("A", "B", strength=2)
    >>> b = brokerage(net)
    >>> round(b.betweenness, 4), round(b.constraint, 4), round(b.effective_size, 4)
    (0.6667, 0.6111, 2.3333)
    """
    return brokerage_from_view(NetworkView(net))


def bridges_and_cut_points(net: LearningNetwork) -> BridgesAndCutPoints:
    """Return the sources and ties whose loss would cut "me" off from others.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.

    Returns
    -------
    BridgesAndCutPoints
        ``cut_points``: every node other than "me" whose removal leaves some
        sources unreachable from "me", with those sources and the fields
        "me" would lose altogether; ``bridges``: every tie in "me"'s part of
        the network whose removal cuts "me" off from some sources, with them.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    See Also
    --------
    brokerage

    Notes
    -----
    Principle 4 (capacity to know more) and principle 6 (connections between
    fields) (Siemens 2005); for Downes' *autonomy*, a network that hangs on
    one node is a dependent one. A cut point is the learner's only route to
    what lies behind it; a bridge is the only tie to it (Granovetter 1973).

    The cut points are the articulation points of "me"'s connected component
    other than "me" itself (``nx.articulation_points``); the bridges are
    ``nx.bridges`` of that component. Both come from one depth-first search
    from "me" (Hopcroft & Tarjan 1973): a node *c* cuts off the depth-first
    subtree of each child *u* with :math:`low(u) \\ge disc(c)`; the tree tie
    (*c*, *u*) is a bridge when :math:`low(u) > disc(c)`.

    A field counts as lost when every source in it that "me" reaches is the
    cut point or behind it, and it is not the learner's own field.

    A tie to a source with no other ties (a "leaf") is a bridge too: losing
    it loses only that source.

    Edge cases: only "me", or "me" without ties: both empty. Parts of the
    network not connected to "me" are ignored here (see
    :func:`~connectivism.measures.reach.unreachable`); "me" itself is never
    listed, even when the learner holds separate parts together.

    References
    ----------
    J. Hopcroft & R. Tarjan (1973), "Algorithm 447: Efficient algorithms for
    graph manipulation", *Communications of the ACM* 16(6), 372–378.
    M. S. Granovetter (1973), "The strength of weak ties", *American Journal
    of Sociology* 78(6), 1360–1380.

    Examples
    --------
    "Me" reaches a journal only through Ada.

    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person", topic="teaching")
    >>> _ = net.add("Journal", "resource", topic="research")
    >>> _ = net.add("Bo", "person", topic="teaching")
    >>> _ = net.connect("Me", "Ada")
    >>> _ = net.connect("Ada", "Journal")
    >>> _ = net.connect("Me", "Bo")
    >>> _ = net.connect("Bo", "Ada")
    >>> result = bridges_and_cut_points(net)
    >>> result.cut_points
    (CutPoint(node='Ada', cut_off=('Journal',), topics_lost=('research',)),)
    >>> result.bridges
    (Bridge(near='Ada', far='Journal', cut_off=('Journal',)),)
    """
    return bridges_and_cut_points_from_view(NetworkView(net))
