"""The giant component: how much of a network hangs together, measured and predicted.

A network's **giant component** is a connected part that holds a fixed share
``S`` of all nodes however large the network grows. In a random network it
appears suddenly: Erdős and Rényi (1960) showed that a random graph with mean
degree ⟨k⟩ has one when ⟨k⟩ > 1 and none when ⟨k⟩ < 1, and its share solves

.. math:: S = 1 - e^{-\\langle k \\rangle S}.

For a random network with any degree distribution ``p_k`` (the configuration
model), Molloy and Reed (1995) gave the condition ⟨k²⟩ − 2⟨k⟩ > 0, and the
share follows from the generating functions ``G0(x) = Σ p_k x^k`` and
``G1(x) = G0'(x) / ⟨k⟩`` (Newman 2010, ch. 13): ``S = 1 − G0(u)``, where
``u`` is the smallest solution of ``u = G1(u)`` in [0, 1].

The maintenance model (:mod:`connectivism.models.maintenance`) uses these to
say when a network whose ties fade falls apart.

Examples
--------
>>> round(poisson_giant(2.0), 4)
0.7968
>>> poisson_giant(0.8)
0.0

References
----------
.. [1] Erdős, P. and Rényi, A. (1960). On the evolution of random graphs.
   *Publications of the Mathematical Institute of the Hungarian Academy of
   Sciences* 5, 17–61.
.. [2] Molloy, M. and Reed, B. (1995). A critical point for random graphs
   with a given degree sequence. *Random Structures & Algorithms* 6, 161–180.
.. [3] Newman, M. E. J. (2010). *Networks: An Introduction*. Oxford
   University Press.
"""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp
from scipy.optimize import brentq
from scipy.sparse import csgraph

__all__ = [
    "component_labels",
    "giant_fraction",
    "poisson_giant",
    "configuration_giant",
    "molloy_reed",
    "adjacency_from_edges",
    "TieSubsets",
    "giant_while_ties_vanish",
]


def adjacency_from_edges(n: int, u: np.ndarray, v: np.ndarray) -> sp.csr_array:
    """A symmetric 0/1 sparse adjacency matrix of ``n`` nodes from edge end arrays.

    Examples
    --------
    >>> a = adjacency_from_edges(3, np.array([0, 1]), np.array([1, 2]))
    >>> a.toarray().tolist()
    [[0, 1, 0], [1, 0, 1], [0, 1, 0]]
    """
    u = np.asarray(u, dtype=np.intp)
    v = np.asarray(v, dtype=np.intp)
    rows = np.concatenate([u, v])
    cols = np.concatenate([v, u])
    data = np.ones(rows.size, dtype=np.int8)
    return sp.csr_array((data, (rows, cols)), shape=(n, n))


class TieSubsets:
    """Adjacency matrices and giant components of subsets of one fixed set of ties, fast.

    A model in which ties are lost step by step asks for the giant component
    of the surviving ties at every step. The ties' two directions are sorted
    by node once; each step then builds the CSR arrays of the survivors with
    a mask and a :func:`numpy.bincount`, with no sorting.

    Parameters
    ----------
    n : int
        Number of nodes.
    u, v : numpy.ndarray
        The ends of every tie.

    Examples
    --------
    >>> ties = TieSubsets(4, np.array([0, 1, 2]), np.array([1, 2, 3]))
    >>> ties.giant(np.array([True, False, True]))
    0.5
    >>> ties.adjacency(np.array([True, True, True])).toarray().sum()
    np.int64(6)
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray) -> None:
        self.n = n
        rows = np.concatenate([u, v]).astype(np.intp)
        cols = np.concatenate([v, u]).astype(np.intp)
        tie = np.concatenate([np.arange(len(u))] * 2)
        order = np.lexsort((cols, rows))
        self._rows, self._cols, self._tie = rows[order], cols[order].astype(np.int32), tie[order]
        self._ones = np.ones(rows.size, dtype=np.int8)

    def adjacency(self, alive: np.ndarray) -> sp.csr_array:
        """The symmetric adjacency matrix of the ties where ``alive`` is True."""
        keep = alive[self._tie]
        indices = self._cols[keep]
        indptr = np.zeros(self.n + 1, dtype=np.int32)
        np.cumsum(np.bincount(self._rows[keep], minlength=self.n), out=indptr[1:])
        return sp.csr_array((self._ones[: indices.size], indices, indptr), shape=(self.n, self.n))

    def giant(self, alive: np.ndarray) -> float:
        """Share of the nodes in the largest component of the ties where ``alive`` is True."""
        if self.n == 0:
            return 0.0
        # the matrix is symmetric, so weak components of the directed graph are the components
        _, labels = csgraph.connected_components(self.adjacency(alive), directed=True, connection="weak")
        return float(np.bincount(labels).max() / self.n)


def _join(k: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Component labels of ``k`` nodes linked by ``(a[i], b[i])``: each takes its component's smallest node.

    Min-label propagation with pointer jumping; meant for the handful of
    components one time step joins, where it beats building a sparse matrix.
    """
    label = np.arange(k)
    while True:
        low = np.minimum(label[a], label[b])
        new = label.copy()
        np.minimum.at(new, a, low)
        np.minimum.at(new, b, low)
        new = new[new]
        if np.array_equal(new, label):
            return label
        label = new


def giant_while_ties_vanish(n: int, u: np.ndarray, v: np.ndarray, lost: np.ndarray, times: int) -> np.ndarray:
    """Giant-component shares at times 0..``times`` of ties that are only ever lost, never gained.

    Tie ``i`` exists at times ``t < lost[i]``. Rather than finding the
    components afresh at every time, this finds them once, for the ties left
    at the end, and goes backwards in time, merging the components that the
    ties lost at each time join again (the classic offline trick for
    deletions: run them in reverse as insertions). Each step relabels the
    nodes with one array lookup, so the whole history costs about one
    :func:`scipy.sparse.csgraph.connected_components` call plus ``times``
    cheap steps. The shares equal those of :meth:`TieSubsets.giant` at every
    time, exactly.

    Parameters
    ----------
    n : int
        Number of nodes.
    u, v : numpy.ndarray
        The ends of every tie.
    lost : numpy.ndarray
        The first time at which each tie is gone (``times + 1`` or more: kept
        to the end; 0: never there).
    times : int
        The last time.

    Returns
    -------
    numpy.ndarray
        ``times + 1`` shares of the nodes in the largest component, at times
        0..``times``.

    Examples
    --------
    >>> u, v = np.array([0, 1, 2]), np.array([1, 2, 3])
    >>> giant_while_ties_vanish(4, u, v, np.array([9, 2, 1]), 2).tolist()
    [1.0, 0.75, 0.5]
    """
    if n == 0:
        return np.zeros(times + 1)
    u = np.asarray(u, dtype=np.intp)
    v = np.asarray(v, dtype=np.intp)
    lost = np.asarray(lost, dtype=np.intp)
    kept = lost > times
    _, comp = csgraph.connected_components(adjacency_from_edges(n, u[kept], v[kept]), directed=False)
    sizes = np.bincount(comp, minlength=n).astype(np.int64)
    labels = np.arange(n)
    giant = np.empty(times + 1)
    giant[times] = sizes.max() / n
    # the ties grouped by the time they are lost: group L is order[start[L]:start[L + 1]]
    when = np.clip(lost, 0, times + 1)
    order = np.argsort(when, kind="stable")
    start = np.searchsorted(when[order], np.arange(times + 3))
    for t in range(times - 1, -1, -1):
        back = order[start[t + 1] : start[t + 2]]  # the ties lost at t + 1 are there at t
        if back.size:
            a, b = comp[u[back]], comp[v[back]]
            join = a != b
            if join.any():
                a, b = a[join], b[join]
                involved, local = np.unique(np.concatenate([a, b]), return_inverse=True)
                group = _join(involved.size, local[: a.size], local[a.size :])
                remap = labels.copy()
                remap[involved] = involved[group]  # each joined group takes one of its labels
                comp = remap[comp]
                sizes = np.bincount(remap, weights=sizes, minlength=n).astype(np.int64)
        giant[t] = sizes.max() / n
    return giant


def component_labels(adjacency) -> tuple[int, np.ndarray]:
    """Number of connected components and each node's component label (csgraph)."""
    return csgraph.connected_components(adjacency, directed=False)


def giant_fraction(adjacency) -> float:
    """Share of the nodes in the largest connected component.

    Examples
    --------
    >>> a = adjacency_from_edges(5, np.array([0, 1]), np.array([1, 2]))
    >>> giant_fraction(a)
    0.6
    """
    n = adjacency.shape[0]
    if n == 0:
        return 0.0
    _, labels = component_labels(adjacency)
    return float(np.bincount(labels).max() / n)


def poisson_giant(mean_degree: float, tol: float = 1e-12) -> float:
    """Giant-component share of a random graph G(n, ⟨k⟩/n) as n → ∞.

    Parameters
    ----------
    mean_degree : float
        ⟨k⟩, the mean degree (0 or more).

    Returns
    -------
    float
        The largest solution ``S`` of ``S = 1 − exp(−⟨k⟩ S)``: 0 for ⟨k⟩ ≤ 1.

    Raises
    ------
    ValueError
        If ``mean_degree`` is negative or not finite.

    Notes
    -----
    Solved with Brent's method on (0, 1], where the only root other than
    ``S = 0`` lies (Erdős & Rényi 1960; Newman 2010).

    Examples
    --------
    >>> [round(poisson_giant(c), 3) for c in (0.5, 1.5, 3)]
    [0.0, 0.583, 0.94]
    """
    if not (math.isfinite(mean_degree) and mean_degree >= 0):
        raise ValueError(f"mean degree {mean_degree!r} must be a finite number of 0 or more")
    if mean_degree <= 1:
        return 0.0
    return float(brentq(lambda x: 1.0 - math.exp(-mean_degree * x) - x, 1e-12, 1.0, xtol=tol))


def molloy_reed(degrees) -> float:
    """The Molloy–Reed quantity ⟨k²⟩ − 2⟨k⟩ of a degree sequence: a giant component iff > 0.

    Examples
    --------
    >>> molloy_reed([2, 2, 2, 2])
    0.0
    >>> molloy_reed([3, 3, 3, 3]) > 0
    True
    """
    k = np.asarray(degrees, dtype=float)
    return float((k * k).mean() - 2 * k.mean()) if k.size else 0.0


def configuration_giant(degrees, tol: float = 1e-12) -> float:
    """Predicted giant-component share of a random network with these degrees.

    Parameters
    ----------
    degrees : array of int
        The degree of every node (the degree distribution ``p_k``).

    Returns
    -------
    float
        ``S = 1 − G0(u)``, with ``u`` the smallest solution of ``u = G1(u)``
        in [0, 1]; 0 when there is no giant component.

    Notes
    -----
    ``G0(x) = Σ_k p_k x^k`` and ``G1(x) = Σ_k k p_k x^(k−1) / ⟨k⟩`` (Newman
    2010, ch. 13); ``u`` is found with Brent's method. When
    ⟨k²⟩ − 2⟨k⟩ ≤ 0 the only solution is ``u = 1``, so ``S = 0``. For Poisson
    degrees this is ``S = 1 − e^{−⟨k⟩S}``.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> round(configuration_giant(rng.poisson(2.0, 200_000)), 2)
    0.8
    >>> configuration_giant([1, 1, 2, 2])
    0.0
    """
    k = np.asarray(degrees, dtype=np.intp)
    if k.size == 0 or k.sum() == 0 or molloy_reed(k) <= 0:
        return 0.0
    pk = np.bincount(k) / k.size
    ks = np.arange(pk.size)
    mean = float((ks * pk).sum())
    q = (ks[1:] * pk[1:]) / mean  # excess-degree distribution q_{k-1}
    if q[0] == 0:  # nobody has a single tie: every tie leads on, u = 0
        return float(1.0 - pk[0])

    def excess(x: float) -> float:
        return float(np.polynomial.polynomial.polyval(x, q)) - x

    # excess(0) > 0 and excess(x) < 0 just below 1 (the network is above the threshold)
    top = next((1.0 - 10.0**-j for j in range(1, 13) if excess(1.0 - 10.0**-j) < 0), None)
    if top is None:  # too close to the threshold to tell apart from 0
        return 0.0
    u = brentq(excess, 0.0, top, xtol=tol)
    return float(1.0 - np.polynomial.polynomial.polyval(u, pk))
