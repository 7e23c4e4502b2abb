"""Reach and navigation in a small world: how a few long ties change how far you get.

Siemens' fourth principle says that the "capacity to know more is more
critical than what is currently known". In a network, what you can come to
know depends on how far away it is. This model is the small-world network of
Watts and Strogatz (1998): people on a ring, each tied to their ``k`` nearest
neighbours (a tight, local network such as one school's staff), with each tie
rewired with probability ``p`` into a long tie to a random person (a
**shortcut**: the teacher who joins a cross-school community). It measures

* the **average distance** L (steps along ties between two people) and the
  **clustering** C (how often two of your contacts know each other), each
  relative to the ring without shortcuts;
* **reach**: the share of the network within ``h`` steps of a person;
* **navigation**: the steps a search takes when each person only knows their
  own contacts and passes the question to the contact closest to its target
  on the ring (greedy, decentralised search; Kleinberg 2000).

A handful of shortcuts collapses L while C hardly moves: the small world.
Greedy search gains much less: the short paths exist, but with local
knowledge only they are hard to find.

Why this module is long: it holds one whole model (network, distances,
greedy search, result, summary, chart data and sample network) with its
doctests; splitting it would scatter one mechanism over several files.

Examples
--------
>>> from connectivism.models import SmallWorld
>>> result = SmallWorld().run(seed=1, n=200, k=6, p=0.05)
>>> result.shortcuts, result.ties
(24, 600)
>>> round(result.path_length / result.path_length_lattice, 2)
0.33
>>> round(result.clustering / result.clustering_lattice, 2)
0.88

References
----------
.. [1] Watts, D. J. and Strogatz, S. H. (1998). Collective dynamics of
   "small-world" networks. *Nature* 393, 440–442. doi:10.1038/30918
.. [2] Barrat, A. and Weigt, M. (2000). On the properties of small-world
   network models. *European Physical Journal B* 13, 547–560.
   doi:10.1007/s100510050067
.. [3] Kleinberg, J. M. (2000). Navigation in a small world. *Nature* 406,
   845. doi:10.1038/35022643
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import numpy as np
import scipy.sparse as sp
from scipy.sparse import csgraph

from connectivism.models.base import (
    Chart,
    Model,
    Parameter,
    Result,
    Series,
    View,
    check_even_and_below,
    circle_positions,
    rng_for,
)

__all__ = [
    "SmallWorld",
    "SmallWorldResult",
    "watts_strogatz",
    "lattice_clustering",
    "lattice_path_length",
    "distances",
    "average_path_length",
    "average_clustering",
    "reach_curve",
    "greedy_search",
    "count_shortcuts",
]

#: Rewiring probabilities of the reference curve (log-spaced, as in Watts & Strogatz's Figure 2).
SWEEP_P = np.round(np.logspace(-3, 0, 13), 6)
#: Above this many nodes, path lengths are averaged over this many sampled sources.
MAX_SOURCES = 300
#: Sources per network of the reference curve above MAX_SOURCES nodes.
SWEEP_SOURCES = 100
#: Number of start–target pairs for the greedy search.
SEARCH_PAIRS = 300


def watts_strogatz(n: int, k: int, p: float, seed: int) -> sp.csr_array:
    """A Watts–Strogatz small-world network as a sparse adjacency matrix.

    Built with :func:`networkx.watts_strogatz_graph`: a ring of ``n`` nodes,
    each tied to its ``k`` nearest neighbours (``k/2`` on each side); then
    each tie, going round the ring ``k/2`` times, has its far end moved with
    probability ``p`` to a node chosen uniformly at random (no self-ties, no
    double ties).

    Parameters
    ----------
    n, k : int
        Nodes and neighbours per node (``k`` even, ``k < n``).
    p : float
        Rewiring probability, 0–1.
    seed : int
        Seed of the rewiring.

    Returns
    -------
    scipy.sparse.csr_array
        Symmetric 0/1 adjacency matrix (int32), node ``i`` at row ``i``.

    Examples
    --------
    >>> a = watts_strogatz(10, 4, 0.0, seed=1)
    >>> a.shape, int(a.sum()) // 2
    ((10, 10), 20)
    """
    g = nx.watts_strogatz_graph(n, k, p, seed=seed)
    return nx.to_scipy_sparse_array(g, nodelist=range(n), dtype=np.int32, format="csr")


def lattice_clustering(k: int) -> float:
    """Clustering of the ring lattice: C(0) = 3(k − 2) / (4(k − 1)).

    Examples
    --------
    >>> lattice_clustering(10)
    0.6666666666666666
    """
    return 3 * (k - 2) / (4 * (k - 1))


def lattice_path_length(n: int, k: int) -> float:
    """Exact average distance on the ring lattice (about n / (2k) for large n).

    Two nodes ``r`` places apart round the ring are ``ceil(r / (k/2))``
    steps apart; the average runs over all ordered pairs.

    Examples
    --------
    >>> lattice_path_length(1000, 10)
    50.450450450450454
    """
    d = np.arange(1, n)
    r = np.minimum(d, n - d)
    return float(np.mean(np.ceil(r / (k // 2))))


def distances(adjacency, sources=None) -> np.ndarray:
    """Steps between nodes, by breadth-first search (:func:`scipy.sparse.csgraph.shortest_path`).

    Parameters
    ----------
    adjacency : scipy.sparse matrix
        Symmetric adjacency matrix.
    sources : array of int, optional
        Rows to compute (all nodes by default).

    Returns
    -------
    numpy.ndarray
        ``len(sources) × n`` floats; ``inf`` where no path exists.
    """
    # the matrix is symmetric, so the directed search gives the same distances, faster
    return csgraph.shortest_path(adjacency, method="D", directed=True, unweighted=True, indices=sources)


def average_path_length(adjacency, sources=None) -> float:
    """Average number of steps between two nodes, L, over connected pairs.

    Parameters
    ----------
    adjacency : scipy.sparse matrix
        Symmetric adjacency matrix.
    sources : array of int, optional
        Average over paths from these nodes only (an unbiased estimate);
        all nodes by default.

    Returns
    -------
    float
        Mean finite distance between distinct nodes (NaN if there is none).

    Notes
    -----
    .. math:: L = \\frac{1}{N(N-1)} \\sum_{i \\ne j} d_{ij}

    computed with breadth-first search from every source (csgraph); pairs
    with no path are left out.

    Examples
    --------
    >>> a = watts_strogatz(1000, 10, 0.0, seed=1)
    >>> average_path_length(a) == lattice_path_length(1000, 10)
    True
    """
    d = distances(adjacency, sources)
    finite = np.isfinite(d) & (d > 0)
    return float(d[finite].mean()) if finite.any() else math.nan


def average_clustering(adjacency) -> float:
    """Average local clustering coefficient, C (nodes with fewer than two ties count 0).

    Notes
    -----
    With ``A`` the adjacency matrix and ``d_i`` the degree,

    .. math:: C = \\frac{1}{N}\\sum_i \\frac{(A^3)_{ii}}{d_i(d_i - 1)}

    the share of pairs of a node's neighbours that are tied to each other
    (Watts & Strogatz 1998), the same as :func:`networkx.average_clustering`.

    Examples
    --------
    >>> a = watts_strogatz(100, 10, 0.0, seed=1)
    >>> round(average_clustering(a), 6) == round(lattice_clustering(10), 6)
    True
    """
    a = sp.csr_array(adjacency, dtype=np.float64)
    deg = np.asarray(a.sum(axis=1)).ravel()
    closed = np.asarray((a @ a).multiply(a).sum(axis=1)).ravel()  # = (A^3)_ii
    pairs = deg * (deg - 1)
    local = np.divide(closed, pairs, out=np.zeros_like(closed), where=pairs > 0)
    return float(local.mean())


def reach_curve(dist: np.ndarray, max_steps: int) -> np.ndarray:
    """Share of the other nodes within ``h`` steps, averaged over sources, for h = 0..max_steps.

    Parameters
    ----------
    dist : numpy.ndarray
        Distances from sources (rows) to all ``n`` nodes, as from :func:`distances`.
    max_steps : int
        Largest ``h``.

    Examples
    --------
    >>> a = watts_strogatz(20, 4, 0.0, seed=1)
    >>> reach_curve(distances(a), 3).round(3).tolist()
    [0.0, 0.211, 0.421, 0.632]
    """
    rows, n = dist.shape
    finite = dist[np.isfinite(dist)].astype(np.intp)
    counts = np.bincount(finite, minlength=max_steps + 1)[: max_steps + 1].astype(float)
    counts[0] = 0.0  # a node does not reach itself
    return np.cumsum(counts) / (rows * (n - 1))


def _ring_distance(a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    d = np.abs(a - b)
    return np.minimum(d, n - d)


def greedy_search(adjacency, pairs: np.ndarray, max_steps: int | None = None) -> np.ndarray:
    """Steps of a greedy, decentralised search on a ring, for many searches at once.

    Each search starts at ``pairs[i, 0]`` and looks for ``pairs[i, 1]``. At each
    step the current holder passes the search to their neighbour closest to the
    target round the ring (the only thing a person is assumed to know: where
    their own contacts are). If no neighbour is closer than the holder, the
    search fails.

    Parameters
    ----------
    adjacency : scipy.sparse.csr_array
        Adjacency of a network whose nodes 0..n−1 sit in order round a ring.
    pairs : numpy.ndarray
        ``(q, 2)`` start and target nodes.
    max_steps : int, optional
        Give up after this many steps (default ``n``).

    Returns
    -------
    numpy.ndarray
        Steps taken by each search; −1 for a failed search.

    Notes
    -----
    All searches advance together: the neighbour lists of the current holders
    are gathered from the CSR arrays and the closest neighbour of each is
    found with one :func:`numpy.minimum.reduceat`. On the ring lattice the
    search needs ``ceil(r / (k/2))`` steps for targets ``r`` places away; with
    shortcuts it is faster, but Kleinberg (2000) proved that with uniformly
    random shortcuts it still needs a number of steps that grows as a power of
    ``n``, unlike the shortest paths.

    Examples
    --------
    >>> a = watts_strogatz(20, 4, 0.0, seed=1)
    >>> greedy_search(a, np.array([[0, 5], [0, 10], [3, 3]])).tolist()
    [3, 5, 0]
    """
    a = sp.csr_array(adjacency)
    n = a.shape[0]
    indptr, indices = a.indptr, a.indices
    pairs = np.asarray(pairs, dtype=np.intp)
    cur, target = pairs[:, 0].copy(), pairs[:, 1]
    steps = np.where(cur == target, 0, -1)
    active = cur != target
    for step in range(1, (max_steps or n) + 1):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        u, t = cur[idx], target[idx]
        starts, lens = indptr[u], indptr[u + 1] - indptr[u]
        first = np.cumsum(lens) - lens
        owner = np.repeat(np.arange(idx.size), lens)
        nbrs = indices[np.repeat(starts, lens) + (np.arange(lens.sum()) - np.repeat(first, lens))]
        key = _ring_distance(nbrs, t[owner], n) * n + nbrs  # closest first, then lowest id
        best = np.full(idx.size, np.iinfo(np.int64).max)
        has = lens > 0
        if has.any():
            best[has] = np.minimum.reduceat(key, first[has])
        moved = has & (best // n < _ring_distance(u, t, n))
        nxt = best % n
        active[idx[~moved]] = False  # stuck: no neighbour is closer
        cur[idx[moved]] = nxt[moved]
        arrived = moved & (nxt == t)
        steps[idx[arrived]] = step
        active[idx[arrived]] = False
    return steps


@lru_cache(maxsize=64)
def _lattice(n: int, k: int) -> tuple[float, float]:
    return lattice_path_length(n, k), lattice_clustering(k)


def _sources(n: int, rng: np.random.Generator, count: int = MAX_SOURCES) -> np.ndarray | None:
    return None if n <= MAX_SOURCES else np.sort(rng.choice(n, count, replace=False))


@lru_cache(maxsize=32)
def _sweep(n: int, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """L(p)/L(0) and C(p)/C(0) over SWEEP_P, averaged over a few networks (cached)."""
    l0, c0 = _lattice(n, k)
    reps = 2 if n <= MAX_SOURCES else 1
    ls, cs = np.zeros(SWEEP_P.size), np.zeros(SWEEP_P.size)
    for i, p in enumerate(SWEEP_P):
        for r in range(reps):
            rng = rng_for(seed, 1, i, r)
            a = watts_strogatz(n, k, float(p), seed=int(rng.integers(2**31 - 1)))
            ls[i] += average_path_length(a, _sources(n, rng, SWEEP_SOURCES)) / l0
            cs[i] += average_clustering(a) / c0
    ls /= reps
    cs /= reps
    ls.setflags(write=False)
    cs.setflags(write=False)
    return ls, cs


@dataclass(frozen=True, eq=False)
class SmallWorldResult(Result):
    """The result of :meth:`SmallWorld.run`.

    Attributes
    ----------
    ties, shortcuts : int
        Ties in the network, and how many of them are long ties (their ends
        more than ``k/2`` places apart round the ring).
    path_length, clustering : float
        Average distance L and average clustering C of this network.
    path_length_lattice, clustering_lattice : float
        The same for the ring without shortcuts (exact values).
    connected_share : float
        Share of pairs joined by some path (1 unless rewiring cut the ring).
    reach, reach_lattice : numpy.ndarray
        Share of the network within ``h`` steps, ``h = 0, 1, ...``, for this
        network and for the ring.
    search_steps, search_steps_lattice : float
        Mean steps of the greedy search (successful searches) here and on the ring.
    search_success : float
        Share of greedy searches that reached their target.
    shortest_steps : float
        Mean length of the shortest paths between the same start–target pairs.
    sweep_p, sweep_path_length, sweep_clustering : numpy.ndarray
        The reference curve: L(p)/L(0) and C(p)/C(0) for the same ``n`` and
        ``k`` over a range of ``p``.
    """

    ties: int
    shortcuts: int
    path_length: float
    clustering: float
    path_length_lattice: float
    clustering_lattice: float
    connected_share: float
    reach: np.ndarray
    reach_lattice: np.ndarray
    search_steps: float
    search_steps_lattice: float
    search_success: float
    shortest_steps: float
    sweep_p: np.ndarray
    sweep_path_length: np.ndarray
    sweep_clustering: np.ndarray


def count_shortcuts(adjacency, k: int) -> int:
    """Number of ties whose ends are more than ``k/2`` places apart round the ring (long ties).

    Examples
    --------
    >>> count_shortcuts(watts_strogatz(100, 4, 0.0, seed=1), 4)
    0
    """
    a = sp.csr_array(adjacency)
    upper = sp.triu(a, k=1).tocoo()
    n = a.shape[0]
    return int((_ring_distance(upper.row, upper.col, n) > k // 2).sum())


class SmallWorld(Model):
    """Reach and navigation on a Watts–Strogatz small-world network (principle 4).

    Parameters of :meth:`run` (see :attr:`parameters`): ``n`` people round a
    ring, each tied to their ``k`` nearest neighbours; each tie is rewired
    into a shortcut with probability ``p``.

    Notes
    -----
    Watts & Strogatz (1998) found that rewiring a small share of ties makes
    the average distance ``L(p)`` almost as small as in a random network while
    the clustering ``C(p)`` stays almost that of the ring. For the ring,
    ``C(0) = 3(k−2)/(4(k−1))`` and ``L(0) ≈ n/(2k)``; Barrat & Weigt (2000)
    showed that

    .. math:: \\frac{C(p)}{C(0)} \\approx (1 - p)^3 ,

    since a triangle survives only if none of its three ties is rewired. The
    fall of ``L`` starts when there are a few shortcuts in the whole network,
    ``p n k / 2 ≳ 1``, so the larger the network, the smaller the ``p`` needed.

    Greedy search (:func:`greedy_search`) models navigation with local
    knowledge only. Kleinberg (2000) showed that with shortcuts spread
    uniformly, as here, no decentralised search finds the short paths quickly;
    only shortcuts whose length follows a particular distribution make a
    network navigable.

    Examples
    --------
    >>> model = SmallWorld()
    >>> [spec.name for spec in model.parameters]
    ['n', 'k', 'p']
    >>> model.run(seed=3) == model.run(seed=3)
    True
    >>> model.run(k=7)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: k = 7 is odd: each person has k/2 neighbours on each
    side, so use an even number from 4 to 20.

    References
    ----------
    Watts & Strogatz (1998); Barrat & Weigt (2000); Kleinberg (2000).
    """

    name = "smallworld"
    title = "Reach in a small world"
    principle = (4, "Capacity to know more is more critical than what is currently known")
    parameters = (
        Parameter("n", int, 200, 20, 1000, step=10, label="people", help="the number of people round the ring"),
        Parameter(
            "k",
            int,
            6,
            4,
            20,
            step=2,
            label="neighbours",
            help="the number of nearest neighbours each person is tied to (k/2 on each side; "
            "at least 4, so that the ring has triangles to measure clustering)",
        ),
        Parameter(
            "p",
            float,
            0.01,
            0.0,
            1.0,
            log=True,
            slider_min=0.001,
            step=0.05,
            label="shortcut chance",
            help="the chance that each tie is rewired into a long tie (a shortcut)",
        ),
    )
    view_size = 40
    challenge = (
        "How few shortcuts does it take to halve the average distance between two people? "
        "And does a search that only knows each person's own contacts get twice as fast too?"
    )

    def _check_together(self, values: dict) -> None:
        check_even_and_below(
            values,
            "k",
            factor=2,
            odd="each person has k/2 neighbours on each side, so use an even number from 4 to 20.",
            too_large="a small world needs many more people than neighbours; use k below n/2 "
            f"(here at most {((values['n'] - 1) // 2) // 2 * 2}) or more people.",
        )

    def _run(self, seed: int, values: dict) -> SmallWorldResult:
        n, k, p = values["n"], values["k"], values["p"]
        rng = rng_for(seed, 0)
        a = watts_strogatz(n, k, p, seed=int(rng.integers(2**31 - 1)))
        sources = _sources(n, rng)
        dist = distances(a, sources)
        finite = np.isfinite(dist) & (dist > 0)
        rows = dist.shape[0]
        l0, c0 = _lattice(n, k)
        horizon = int(math.ceil((n // 2) / (k // 2)))  # the ring's diameter
        # every node of the ring sees the same distances: one source is enough
        lattice = distances(watts_strogatz(n, k, 0.0, seed=0), [0])
        # greedy search between random pairs of distinct people
        starts = rng.integers(0, n, SEARCH_PAIRS)
        targets = (starts + rng.integers(1, n, SEARCH_PAIRS)) % n
        pairs = np.column_stack([starts, targets])
        found = greedy_search(a, pairs)
        lattice_steps = np.ceil(_ring_distance(starts, targets, n) / (k // 2))
        shortest = distances(a, np.unique(starts))
        row_of = {s: i for i, s in enumerate(np.unique(starts))}
        sp_steps = shortest[[row_of[s] for s in starts], targets]
        ok = found >= 0
        sweep_l, sweep_c = _sweep(n, k, seed)
        return SmallWorldResult(
            seed=seed,
            params=values,
            ties=int(a.sum()) // 2,
            shortcuts=count_shortcuts(a, k),
            path_length=float(dist[finite].mean()),
            clustering=average_clustering(a),
            path_length_lattice=l0,
            clustering_lattice=c0,
            connected_share=float(finite.sum() / (rows * (n - 1))),
            reach=reach_curve(dist, horizon),
            reach_lattice=reach_curve(lattice, horizon),
            search_steps=float(found[ok].mean()) if ok.any() else math.nan,
            search_steps_lattice=float(lattice_steps.mean()),
            search_success=float(ok.mean()),
            shortest_steps=float(sp_steps[np.isfinite(sp_steps)].mean()),
            sweep_p=SWEEP_P.copy(),
            sweep_path_length=sweep_l.copy(),
            sweep_clustering=sweep_c.copy(),
        )

    @staticmethod
    def half_reach_steps(reach: np.ndarray) -> int | None:
        """Fewest steps within which a person reaches half of the network (None if never)."""
        hit = np.flatnonzero(reach >= 0.5)
        return int(hit[0]) if hit.size else None

    def summary(self, result: SmallWorldResult) -> str:
        """Shortcuts, distance and clustering against the ring's, reach, and how a local search fares."""
        r = result
        ratio = r.path_length / r.path_length_lattice
        half, half0 = self.half_reach_steps(r.reach), self.half_reach_steps(r.reach_lattice)
        text = (
            f"{r.shortcuts} of {r.ties} ties are shortcuts (p = {r.params['p']:.3g}). "
            f"The average distance between two people is {r.path_length:.1f} steps, "
            f"{ratio:.0%} of the ring's {r.path_length_lattice:.1f}, while clustering is "
            f"{r.clustering / r.clustering_lattice:.0%} of the ring's. "
        )
        if half is not None and half0 is not None:
            text += f"Half of the network is within {half} steps of a person (ring: {half0}). "
        if r.search_success > 0:
            text += (
                f"A search that only knows each person's own contacts takes {r.search_steps:.1f} "
                f"steps on average (ring: {r.search_steps_lattice:.1f}; shortest paths: "
                f"{r.shortest_steps:.1f})"
            )
            if r.search_success < 1:
                text += f" and gets stuck in {1 - r.search_success:.0%} of searches"
            text += "."
        else:
            text += "A search that only knows each person's own contacts always gets stuck."
        if r.connected_share < 1:
            text += f" Rewiring cut the network: {1 - r.connected_share:.1%} of pairs have no path."
        return text

    def charts(self, result: SmallWorldResult) -> tuple[Chart, ...]:
        """Two panels: distance and clustering against the share of shortcuts, and reach within h steps."""
        r = result
        p = r.params["p"]
        sweep = Chart(
            title="Distance and clustering vs shortcuts",
            xlabel="chance p that a tie is a shortcut (log scale)",
            ylabel="share of the ring's value",
            series=(
                Series("average distance L(p)/L(0)", r.sweep_p, r.sweep_path_length),
                Series("clustering C(p)/C(0)", r.sweep_p, r.sweep_clustering),
                Series("(1 − p)³ (Barrat & Weigt)", r.sweep_p, (1 - r.sweep_p) ** 3),
                Series("this run: distance", [max(p, 1e-3)], [r.path_length / r.path_length_lattice], "marker"),
            ),
            xscale="log",
            ylim=(0, 1.05),
            vline=max(p, 1e-3),
            ref_label=f"p = {p:.3g}",
            alt=(
                f"Line chart over p from 0.001 to 1 on a log scale. The average distance, as a share "
                f"of the ring's, falls from {r.sweep_path_length[0]:.2f} to {r.sweep_path_length[-1]:.2f}; "
                f"clustering stays near 1 until p is about 0.1 and then falls to "
                f"{r.sweep_clustering[-1]:.2f}. This run, at p = {p:.3g}, is marked: distance "
                f"{r.path_length / r.path_length_lattice:.2f} and clustering "
                f"{r.clustering / r.clustering_lattice:.2f} of the ring's."
            ),
        )
        h = np.arange(r.reach.size)
        show = min(r.reach.size, max(int(np.searchsorted(r.reach, 0.999)) + 2, 6))
        reach = Chart(
            title="Reach: share of the network within h steps",
            xlabel="steps h",
            ylabel="share of the network",
            series=(
                Series(f"with {r.shortcuts} shortcuts", h[:show], r.reach[:show]),
                Series("ring, no shortcuts", h[:show], r.reach_lattice[:show]),
            ),
            ylim=(0, 1.02),
            alt=(
                f"Line chart of the share of the network within h steps, h from 0 to {show - 1}. "
                f"With {r.shortcuts} shortcuts, {r.reach[min(3, show - 1)]:.1%} is within 3 steps "
                f"and half is within {self.half_reach_steps(r.reach)} steps; on the ring "
                f"{r.reach_lattice[min(3, show - 1)]:.1%} is within 3 steps."
            ),
        )
        return (sweep, reach)

    def view(self, result: SmallWorldResult) -> View:
        """A sample small world with its shortcuts, the people within two steps of you highlighted."""
        n, k, p = result.params["n"], result.params["k"], result.params["p"]
        size = min(n, self.view_size)
        k = k if 2 * k < size else max(4, (size - 1) // 2 // 2 * 2)
        a = watts_strogatz(size, k, p, seed=int(rng_for(result.seed, 2).integers(2**31 - 1)))
        names = ["You"] + [str(i) for i in range(1, size)]
        g = nx.Graph(me="You", title="A sample small world")
        for i, name in enumerate(names):
            g.add_node(name, kind="me" if i == 0 else "person")
        upper = sp.triu(a, k=1).tocoo()
        g.add_edges_from((names[i], names[j]) for i, j in zip(upper.row.tolist(), upper.col.tolist()))
        near = nx.single_source_shortest_path_length(g, "You", cutoff=2)
        shortcuts = count_shortcuts(a, k)
        return View(
            graph=g,
            pos=circle_positions(names),
            highlight=frozenset(v for v in near if v != "You"),
            highlight_label="within two steps of you",
            title=f"A sample of {size} people with {shortcuts} shortcut{'s' if shortcuts != 1 else ''}",
        )
