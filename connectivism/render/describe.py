"""Words for a drawing: a one-sentence summary and a table of nodes and ties.

These make every graph readable without seeing it (screen readers, print,
search) and are plain functions of a graph, so they are tested without a
browser. All text that reaches HTML is escaped here or by the caller.
"""

from __future__ import annotations

import datetime
import html

import networkx as nx

from connectivism.render.style import KIND_STYLES, style_for

__all__ = ["summary", "table_html", "legend_html", "kind_counts"]

_SINGULAR = {"me": "me", "person": "person", "community": "community", "resource": "resource", "tool": "tool"}


def kind_counts(graph: nx.Graph) -> dict[str, int]:
    """Count nodes per kind, in the kit's kind order, then any others.

    Examples
    --------
    >>> g = nx.Graph(); g.add_node("a", kind="person"); g.add_node("b", kind="tool")
    >>> kind_counts(g)
    {'person': 1, 'tool': 1}
    """
    counts: dict[str, int] = {}
    for _, kind in graph.nodes(data="kind"):
        key = kind if isinstance(kind, str) and kind in KIND_STYLES else "other"
        counts[key] = counts.get(key, 0) + 1
    order = list(KIND_STYLES) + ["other"]
    return {k: counts[k] for k in order if k in counts}


def _plural(n: int, kind: str) -> str:
    if kind == "me":
        return "you"
    label = style_for(kind).label if kind != "other" else "other nodes"
    return f"{n} {_SINGULAR.get(kind, 'other node') if n == 1 else label}"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def strongest_ties(graph: nx.Graph, n: int = 3) -> list[tuple[object, object, int]]:
    """The ``n`` strongest ties, strongest first (ties broken by name order)."""
    ties = [(a, b, d.get("strength")) for a, b, d in graph.edges(data=True) if isinstance(d.get("strength"), int)]
    ties.sort(key=lambda t: (-t[2], str(t[0]), str(t[1])))
    return ties[:n]


def summary(graph: nx.Graph, title: str | None = None) -> str:
    """One plain sentence (or two) saying what the drawing shows.

    Examples
    --------
    >>> g = nx.Graph(me="Sam")
    >>> g.add_node("Sam", kind="me"); g.add_node("Ada", kind="person"); g.add_node("Wiki", kind="resource")
    >>> g.add_edge("Sam", "Ada", strength=5); g.add_edge("Sam", "Wiki", strength=2)
    >>> summary(g)
    'A network of 3 nodes (you, 1 person and 1 resource) with 2 ties. Strongest: Sam–Ada (5), Sam–Wiki (2).'
    >>> summary(nx.Graph())
    'An empty network: no nodes yet.'
    """
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n == 0:
        return "An empty network: no nodes yet."
    counts = kind_counts(graph)
    kinds = _join([_plural(c, k) for k, c in counts.items()])
    lead = f"{title}: a" if title else "A"
    text = f"{lead} network of {n} node{'s' if n != 1 else ''} ({kinds}) with {m} tie{'s' if m != 1 else ''}."
    strongest = strongest_ties(graph)
    if strongest:
        text += " Strongest: " + ", ".join(f"{a}–{b} ({s})" for a, b, s in strongest) + "."
    return text


def _cell(value: object) -> str:
    """A table cell's content: escaped, and text isolated in ``<bdi>``.

    Isolation keeps right-to-left text and any bidirectional control
    characters in a value (a graph given directly, a note) from reordering
    the rest of the row.
    """
    if value is None or value == "":
        return "—"
    if isinstance(value, (tuple, list)):
        text = ", ".join(f"<bdi>{html.escape(str(item))}</bdi>" for item in value)
        return text or "—"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return html.escape(str(value))
    return f"<bdi>{html.escape(str(value))}</bdi>"


def table_html(graph: nx.Graph) -> str:
    """An HTML table of nodes and one of ties, every value escaped.

    Examples
    --------
    >>> g = nx.Graph(); g.add_node("<b>x</b>", kind="person")
    >>> "&lt;b&gt;x&lt;/b&gt;" in table_html(g)
    True
    """
    rows = []
    for name, d in graph.nodes(data=True):
        kind = style_for(d.get("kind")).label if d.get("kind") != "me" else "me"
        rows.append(
            f"<tr><th scope='row'>{_cell(name)}</th><td>{_cell(kind)}</td>"
            f"<td>{_cell(d.get('topic'))}</td><td>{graph.degree(name)}</td></tr>"
        )
    nodes = (
        "<table class='kit-graph-nodes'><caption>Nodes</caption><thead><tr>"
        "<th scope='col'>Name</th><th scope='col'>Kind</th><th scope='col'>Topic</th>"
        "<th scope='col'>Ties</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
    rows = []
    for a, b, d in graph.edges(data=True):
        rows.append(
            f"<tr><td>{_cell(a)}</td><td>{_cell(b)}</td><td>{_cell(d.get('strength'))}</td>"
            f"<td>{_cell(d.get('since'))}</td><td>{_cell(d.get('last_contact'))}</td></tr>"
        )
    ties = (
        "<table class='kit-graph-ties'><caption>Ties</caption><thead><tr>"
        "<th scope='col'>From</th><th scope='col'>To</th><th scope='col'>Strength (1–5)</th>"
        "<th scope='col'>Since</th><th scope='col'>Last contact</th></tr></thead><tbody>"
        + ("".join(rows) or "<tr><td colspan='5'>No ties yet.</td></tr>")
        + "</tbody></table>"
    )
    return nodes + ties


_SHAPE_SVG = {
    "star": "<polygon points='8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6'/>",
    "dot": "<circle cx='8' cy='8' r='6.5'/>",
    "square": "<rect x='2' y='2' width='12' height='12'/>",
    "triangle": "<polygon points='8,1.5 15,14.5 1,14.5'/>",
    "diamond": "<polygon points='8,1 15,8 8,15 1,8'/>",
}


def legend_html(kinds: list[str], *, mark: str | None = None) -> str:
    """A legend: one shape-and-colour swatch per kind present, and the thick black ring if ``mark`` is given.

    Examples
    --------
    >>> "people" in legend_html(["person"])
    True
    >>> ringed = legend_html(["person"], mark="knows <it>")
    >>> ringed.count("<li"), "knows &lt;it&gt;" in ringed
    (2, True)
    """
    items = []
    for kind in kinds:
        st = style_for(kind)
        swatch = (
            f"<svg width='16' height='16' viewBox='0 0 16 16' aria-hidden='true' "
            f"style='vertical-align:-3px' fill='{st.colour}' stroke='{st.border}'>"
            f"{_SHAPE_SVG.get(st.shape, _SHAPE_SVG['dot'])}</svg>"
        )
        label = "me (you)" if kind == "me" else st.label
        items.append(f"<li style='display:inline-block;margin-right:1em'>{swatch} {html.escape(label)}</li>")
    if mark is not None:
        ring = (
            "<svg width='16' height='16' viewBox='0 0 16 16' aria-hidden='true' style='vertical-align:-3px'>"
            "<circle cx='8' cy='8' r='5.5' fill='#ffffff' stroke='#000000' stroke-width='3'/></svg>"
        )
        items.append(f"<li style='display:inline-block;margin-right:1em'>{ring} {html.escape(mark)}</li>")
    return (
        "<ul class='kit-graph-legend' aria-label='Legend' "
        "style='list-style:none;padding:0;margin:.3em 0;font-size:.9em'>" + "".join(items) + "</ul>"
    )
