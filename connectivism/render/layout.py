"""Seeded, stable node positions for drawings.

Positions are computed once in Python (networkx's spring layout, seeded) and
handed to the browser with physics off, so the same network always looks the
same, the drawing does not wobble, and outputs are byte-identical across runs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["positions", "extend_positions"]

#: Half-width of the drawing area, in vis-network units.
SCALE = 300


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
    kwargs: dict = {"seed": seed, "k": 2.2 / max(graph.number_of_nodes(), 1) ** 0.5}
    if centre is not None and centre in graph:
        rng = np.random.default_rng(seed)
        initial = {n: tuple(rng.uniform(-1.0, 1.0, 2)) for n in graph}
        initial[centre] = (0.0, 0.0)
        kwargs.update(pos=initial, fixed=[centre])
    raw = nx.spring_layout(graph, iterations=80, **kwargs)
    spread = max(max(abs(x), abs(y)) for x, y in raw.values()) or 1.0
    return {n: (round(x / spread * SCALE), round(y / spread * SCALE)) for n, (x, y) in raw.items()}


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
