"""Seeded, stable node positions for drawings.

Positions are computed once in Python (a seeded spring layout with the rules
of networkx's, see :func:`_spring`) and handed to the browser with physics
off, so the same network always looks the same, the drawing does not wobble,
and outputs are byte-identical across runs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["positions", "extend_positions"]

#: Half-width of the drawing area, in vis-network units.
SCALE = 300
#: Nodes whose pushes :func:`_spring` sums in one block (64 × n numbers fit the cache).
_ROWS = 64


def positions(graph: nx.Graph, *, seed: int = 7, centre: object = None) -> dict[object, tuple[int, int]]:
    """Return integer ``(x, y)`` positions for every node of ``graph``.

    Parameters
    ----------
    graph : networkx.Graph
        Any graph; node order decides nothing but the starting positions.
    seed : int, optional
        Seed of the layout: the same graph and seed give the same positions.
    centre : node, optional
        A node to pin at the centre (the learner's "me"); defaults to the
        graph attribute ``me`` when present.

    Returns
    -------
    dict
        Node → (x, y), rounded to whole units, within ±:data:`SCALE`.

    Examples
    --------
    >>> g = nx.path_graph(3)
    >>> positions(g) == positions(g)
    True
    >>> positions(nx.Graph())
    {}
    """
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() == 1:
        return {next(iter(graph)): (0, 0)}
    centre = graph.graph.get("me") if centre is None else centre
    nodes = list(graph)
    if centre is not None and centre in graph:
        rng = np.random.default_rng(seed)
        initial = np.array([rng.uniform(-1.0, 1.0, 2) for _ in nodes])
        fixed = nodes.index(centre)
        initial[fixed] = 0.0
    else:
        initial = np.random.RandomState(seed).rand(len(nodes), 2)  # networkx's start for this seed
        fixed = None
    raw = _spring(graph, nodes, initial, fixed=fixed, k=2.2 / len(nodes) ** 0.5, iterations=80)
    if fixed is None:  # centred on the mean, as networkx rescales an unpinned layout
        raw -= raw.mean(axis=0)
    spread = float(np.abs(raw).max()) or 1.0
    return {n: (round(x / spread * SCALE), round(y / spread * SCALE)) for n, (x, y) in zip(nodes, raw.tolist())}


def _spring(
    graph: nx.Graph, nodes: list, pos: np.ndarray, *, fixed: int | None, k: float, iterations: int
) -> np.ndarray:
    """Fruchterman–Reingold forces from ``pos``: networkx's dense ``spring_layout`` rules, faster.

    Every pair of nodes repels with force ``k²/d`` and every tie pulls its
    ends together with force ``w·d²/k`` (``w`` its ``weight``, 1 if none),
    distances below 0.01 counting as 0.01; each node moves along its net
    force by the current temperature, which starts at a tenth of the
    drawing's width and falls linearly to nothing, stopping early when the
    nodes hardly move. These are the rules of networkx's dense solver
    (``nx.spring_layout`` below 500 nodes, which this reproduces to a unit or
    so); from 500 nodes on networkx switches to other solvers (an energy
    minimiser, or a sparse one that loops over the nodes in Python) that take
    seconds. Here the pull is summed over the ties only and the push over all
    pairs with whole-array arithmetic on the x and y coordinates separately,
    a block of :data:`_ROWS` nodes at a time (no ``n × n × 2`` arrays), so
    500 nodes take well under a tenth of a second.
    """
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ties = [(index[a], index[b], d.get("weight", 1)) for a, b, d in graph.edges(data=True) if a != b]
    a = np.array([t[0] for t in ties], dtype=np.intp)
    b = np.array([t[1] for t in ties], dtype=np.intp)
    w = np.array([t[2] for t in ties], dtype=float)
    x, y = pos[:, 0].astype(float), pos[:, 1].astype(float)
    t = max(np.ptp(x), np.ptp(y)) * 0.1
    dt = t / (iterations + 1)
    kk = k * k
    for _ in range(iterations):
        fx, fy = np.empty(n), np.empty(n)
        for start in range(0, n, _ROWS):  # a block of rows at a time stays in the processor's cache
            rows = slice(start, start + _ROWS)
            dx = x[rows, None] - x
            dy = y[rows, None] - y
            push = dx * dx
            push += dy * dy
            np.maximum(push, 1e-4, out=push)
            np.divide(kk, push, out=push)
            dx *= push
            dy *= push
            fx[rows] = dx.sum(axis=1)
            fy[rows] = dy.sum(axis=1)
        if a.size:
            ex, ey = x[a] - x[b], y[a] - y[b]
            pull = w * np.maximum(np.hypot(ex, ey), 0.01) / k
            ex *= pull
            ey *= pull
            fx -= np.bincount(a, ex, n) - np.bincount(b, ex, n)
            fy -= np.bincount(a, ey, n) - np.bincount(b, ey, n)
        step = t / np.maximum(np.hypot(fx, fy), 0.01)
        fx *= step
        fy *= step
        if fixed is not None:
            fx[fixed] = fy[fixed] = 0.0
        x += fx
        y += fy
        t -= dt
        if np.sqrt((fx * fx).sum() + (fy * fy).sum()) / n < 1e-4:
            break
    return np.column_stack([x, y])


def extend_positions(
    graph: nx.Graph, previous: dict, *, seed: int = 7, relayout_share: float = 0.2
) -> dict[object, tuple[int, int]]:
    """Positions for ``graph`` that keep every node already placed where it was.

    An editor calls this after each change, so the drawing does not jump
    around as a learner adds nodes, and no layout has to be recomputed: a new
    node goes next to the middle of its placed neighbours (or on a ring around
    the centre when it has none), nudged by a seeded offset. If more than
    ``relayout_share`` of the nodes are new (an import, a fresh start), the
    whole layout is computed again with :func:`positions` (never for up to three
    new nodes).

    Examples
    --------
    >>> g = nx.path_graph(3)
    >>> first = positions(g)
    >>> g.add_edge(2, 3)
    >>> later = extend_positions(g, first, relayout_share=0.5)
    >>> all(later[n] == first[n] for n in first), 3 in later
    (True, True)
    """
    kept = {n: p for n, p in previous.items() if n in graph}
    new = [n for n in graph if n not in kept]
    if not kept or len(new) > max(3, relayout_share * graph.number_of_nodes()):
        return positions(graph, seed=seed)
    rng = np.random.default_rng(seed + len(kept))
    out = dict(kept)
    for i, node in enumerate(new):
        placed = [out[m] for m in graph[node] if m in out]
        jitter = rng.uniform(-1.0, 1.0, 2) * SCALE * 0.12
        if placed:
            x = sum(p[0] for p in placed) / len(placed)
            y = sum(p[1] for p in placed) / len(placed)
            if len(placed) == 1:  # a leaf: step outwards from its neighbour
                cx, cy = placed[0]
                norm = max((cx * cx + cy * cy) ** 0.5, 1.0)
                x, y = cx + cx / norm * SCALE * 0.25, cy + cy / norm * SCALE * 0.25
        else:
            angle = 2 * np.pi * ((len(kept) + i) * 0.618034 % 1.0)
            x, y = np.cos(angle) * SCALE * 0.8, np.sin(angle) * SCALE * 0.8
        out[node] = (int(round(x + jitter[0])), int(round(y + jitter[1])))
    return {n: out[n] for n in graph}
