"""Seeded, stable node positions for drawings.

Positions are computed once in Python (networkx's spring layout, seeded) and
handed to the browser with physics off, so the same network always looks the
same, the drawing does not wobble, and outputs are byte-identical across runs.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["positions"]

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
