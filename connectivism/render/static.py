"""A static drawing of a network as inline SVG: the print and no-script fallback.

It uses the same positions, shapes and colours as the interactive frame, so
the printed page shows the graph the reader saw. SVG rather than a bitmap:
it is drawn in about a millisecond (a matplotlib PNG of a 50-node network took
about 110 ms here, most of it placing labels), stays sharp on paper, and its
labels are real text. Every label is escaped.
"""

from __future__ import annotations

import html

import networkx as nx

from connectivism.render.charts import star_points
from connectivism.render.style import edge_width, style_for

__all__ = ["static_svg"]

_PAD = 40


def _shape(shape: str, x: float, y: float, r: float) -> str:
    if shape == "square":
        return f"<rect x='{x - r:.1f}' y='{y - r:.1f}' width='{2 * r:.1f}' height='{2 * r:.1f}'/>"
    if shape == "triangle":
        return f"<polygon points='{x:.1f},{y - r:.1f} {x + r:.1f},{y + r * 0.8:.1f} {x - r:.1f},{y + r * 0.8:.1f}'/>"
    if shape == "diamond":
        return f"<polygon points='{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}'/>"
    if shape == "star":
        return f"<polygon points='{star_points(x, y, r)}'/>"
    return f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}'/>"


def static_svg(graph: nx.Graph, pos: dict, *, label: str, marked=None) -> str:
    """Return an ``<svg>`` drawing of ``graph`` at ``pos``, hidden on screen.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes may carry ``kind``; edges ``strength``.
    pos : dict
        Node → (x, y), as from :func:`connectivism.render.layout.positions`.
    label : str
        The accessible description (``aria-label`` and ``<title>``).
    marked : collection of nodes, optional
        Nodes to ring in thick black (a model's state); the caller says in
        ``label`` what the ring means.

    Examples
    --------
    >>> g = nx.Graph(); g.add_edge("a", "<i>b</i>")
    >>> svg = static_svg(g, {"a": (0, 0), "<i>b</i>": (100, 0)}, label="two nodes")
    >>> "&lt;i&gt;b&lt;/i&gt;" in svg and "<i>" not in svg
    True
    >>> static_svg(g, {"a": (0, 0), "<i>b</i>": (100, 0)}, label="x", marked={"a"}).count("stroke-width='3'")
    1
    """
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        x0, y0 = min(xs) - _PAD, min(ys) - _PAD
        w, h = max(xs) - min(xs) + 2 * _PAD, max(ys) - min(ys) + 2 * _PAD
    else:
        x0, y0, w, h = -100, -50, 200, 100
    out = [
        f"<svg class='kit-graph-print' role='img' aria-label=\"{html.escape(label)}\" "
        f"viewBox='{x0} {y0} {w} {h}' xmlns='http://www.w3.org/2000/svg' "
        "style='display:none;width:100%;max-height:16cm'>",
        f"<title>{html.escape(label)}</title><g stroke='#8c8c8c'>",
    ]
    for a, b, d in graph.edges(data=True):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        out.append(f"<line x1='{xa}' y1='{ya}' x2='{xb}' y2='{yb}' stroke-width='{edge_width(d.get('strength'))}'/>")
    out.append("</g>")
    for name, d in graph.nodes(data=True):
        st = style_for(d.get("kind"))
        x, y = pos[name]
        r = st.size * 0.75
        out.append(f"<g fill='{st.colour}' stroke='{st.border}'>{_shape(st.shape, x, y, r)}</g>")
        out.append(
            f"<text x='{x}' y='{y + r + 13:.1f}' text-anchor='middle' font-size='13' "
            f"font-family='sans-serif' fill='#222'>{html.escape(str(name))}</text>"
        )
    if marked:
        rings = "".join(
            f"<circle cx='{pos[n][0]}' cy='{pos[n][1]}' r='{style_for(graph.nodes[n].get('kind')).size:.1f}'/>"
            for n in graph
            if n in marked
        )
        out.append(f"<g fill='none' stroke='#000000' stroke-width='3'>{rings}</g>")
    out.append("</svg>")
    return "".join(out)
