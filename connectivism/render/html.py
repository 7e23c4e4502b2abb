"""Interactive drawings of learning networks, isolated in their own frames.

:func:`draw` turns a :class:`~connectivism.network.LearningNetwork` (or any
networkx graph) into a :class:`GraphView`: a vis-network drawing built with
pyvis, inside ``<iframe srcdoc=...>`` so that several graphs share a page
without drawing into each other, together with a text summary, a legend, a
collapsible table of nodes and ties, and a static SVG drawing that a print
stylesheet shows instead of the frame.

Safety: every label, tooltip and table cell is text, never markup. Labels and
tooltips travel as JSON whose ``<``, ``>`` and ``&`` are escaped, vis-network
shows tooltip strings as text, and the frame document is HTML-escaped into
the ``srcdoc`` attribute.

Weight: in live Jupyter the vis-network library is in-lined into each frame
(between ``<!-- kit:vis-network NONCE -->`` markers); when the book is built,
the kit's Sphinx extension swaps it for one ``<script src>`` to the vendored
copy, so the site loads the library once. NONCE is a hash of the frame's
content, labels included, so no label can write a marker that matches.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from connectivism.render.describe import kind_counts, legend_html, summary, table_html
from connectivism.render.layout import positions
from connectivism.render.static import static_svg
from connectivism.render.style import edge_width, style_for

__all__ = ["GraphView", "draw", "graph_of", "share_library", "LIBRARY_START", "LIBRARY_END"]

#: How the marker before a frame's in-lined library starts; the whole marker is
#: ``<!-- kit:vis-network NONCE -->``, NONCE being 32 hexadecimal digits of a
#: hash of the frame's content (see :func:`share_library`).
LIBRARY_START = "<!-- kit:vis-network "
#: How the marker after the library starts: ``<!-- /kit:vis-network NONCE -->``.
LIBRARY_END = "<!-- /kit:vis-network "
# The in-lined library as it appears inside a frame's (HTML-escaped) srcdoc:
# a start marker, then no other start marker, then the end marker with the
# same nonce. Label text on the page is escaped the same way, but cannot carry
# the nonce of its own frame (a hash of content that includes the label), and
# a span can never reach across another frame's start marker.
_START = re.escape(html.escape(LIBRARY_START))
_ESCAPED_LIBRARY = re.compile(
    _START + r"([0-9a-f]{32}) --&gt;(?:(?!" + _START + r").)*?" + re.escape(html.escape(LIBRARY_END)) + r"\1 --&gt;",
    flags=re.S,
)


def share_library(markup: str, src: str) -> str:
    """Replace every graph frame's in-lined vis-network with ``<script src=src>``.

    ``markup`` is page HTML (or saved widget state, which holds the same
    escaped frames inside JSON strings). Used by the site build so that the
    browser loads the library once per site; ``src`` is relative to the page.

    Examples
    --------
    >>> g = nx.path_graph(2)
    >>> page = draw(g).html
    >>> small = share_library(page, "../_static/vis-network/vis-network.min.js")
    >>> len(small) < len(page) // 10, "vis-network.min.js&quot;" in small
    (True, True)
    """
    replacement = html.escape(f'<script src="{src}"></script>', quote=True)
    return _ESCAPED_LIBRARY.sub(lambda _: replacement, markup)


def _nonce(*parts: str) -> str:
    """32 hexadecimal digits of a hash of the frame's content (labels included)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


_OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"dragView": False, "zoomView": False, "dragNodes": False, "hover": True, "tooltipDelay": 150},
    "nodes": {"font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1.5},
    "edges": {"smooth": False, "color": {"color": "#8c8c8c", "highlight": "#333333", "hover": "#333333"}},
}


@dataclass(frozen=True)
class GraphView:
    """A drawn network, ready to display in Jupyter or write into a page.

    Attributes
    ----------
    html : str
        The whole figure: frame, legend, summary, table and print fallback.
    summary : str
        The one-sentence text summary (also the frame's accessible label).
    title : str
        The frame's title.
    """

    html: str
    summary: str
    title: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.summary


def graph_of(network) -> nx.Graph:
    """Return a networkx graph for a LearningNetwork or a graph (unchanged)."""
    if isinstance(network, nx.Graph):
        return network
    to_nx = getattr(network, "to_networkx", None)
    if callable(to_nx):
        return to_nx()
    raise TypeError(f"draw() needs a LearningNetwork or a networkx graph, not {type(network).__name__}")


def _safe_json(value) -> str:
    """JSON that can sit inside a <script> element: no <, > or & survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    source = resources.files("connectivism.render").joinpath("templates/graph.html").read_text("utf-8")
    return jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(source)


def vis_network_file(lib: Path | None = None) -> Path:
    """The newest copy of vis-network that pyvis ships: ``lib/vis-X.Y.Z/vis-network.min.js``.

    Found by pattern, so a pyvis release with another vis-network version
    keeps working; ``lib`` is pyvis's ``lib`` folder (for tests).

    Raises
    ------
    FileNotFoundError
        If pyvis ships no such file.

    Examples
    --------
    >>> vis_network_file().name
    'vis-network.min.js'
    """
    if lib is None:
        import pyvis

        lib = Path(pyvis.__file__).parent / "lib"
    found = []
    for path in lib.glob("vis-*/vis-network.min.js"):
        version = re.fullmatch(r"vis-(\d+(?:\.\d+)*)", path.parent.name)
        if version and path.is_file():
            found.append((tuple(int(part) for part in version.group(1).split(".")), path))
    if not found:
        raise FileNotFoundError(f"pyvis ships no vis-network library (no vis-*/vis-network.min.js in {lib})")
    return max(found)[1]


@lru_cache(maxsize=1)
def inline_library() -> str:
    """The vis-network library as an in-line ``<script>``, from pyvis's newest copy (:func:`vis_network_file`)."""
    code = vis_network_file().read_text("utf-8").replace("</script", "<\\/script")
    return f"<script>{code}</script>"


def _tooltip(name, data: dict) -> str:
    kind = data.get("kind")
    parts = [str(name), "me (you)" if kind == "me" else (kind or "")]
    if data.get("topic"):
        parts.append(f"topic: {data['topic']}")
    if data.get("tags"):
        parts.append("tags: " + ", ".join(map(str, data["tags"])))
    return "\n".join(p for p in parts if p)


def _edge_tooltip(data: dict) -> str:
    parts = []
    if data.get("strength") is not None:
        parts.append(f"strength {data['strength']} of 5")
    if data.get("since"):
        parts.append(f"since {data['since']}")
    if data.get("last_contact"):
        parts.append(f"last contact {data['last_contact']}")
    return "\n".join(parts)


def network_data(graph: nx.Graph, pos: dict, highlight: frozenset | None = None) -> dict:
    """Nodes and edges for vis-network, assembled with pyvis.

    Node ids are positions in the graph's node order, so no name ever becomes
    an id or markup; names appear only as text labels and tooltips. Nodes in
    ``highlight`` get a thick black border.
    """
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=False)
    index = {}
    for i, (name, data) in enumerate(graph.nodes(data=True)):
        index[name] = i
        st = style_for(data.get("kind"))
        x, y = pos[name]
        marked = {} if not highlight or name not in highlight else {"borderWidth": _MARK_WIDTH}
        net.add_node(
            i,
            label=str(name),
            shape=st.shape,
            x=x,
            y=y,
            size=st.size,
            color={
                "background": st.colour,
                "border": "#000000" if marked else st.border,
                "highlight": {"background": st.colour, "border": "#000000"},
                "hover": {"background": st.colour, "border": "#000000"},
            },
            title=_tooltip(name, data),
            physics=False,
            **marked,
        )
    for a, b, data in graph.edges(data=True):
        net.add_edge(index[a], index[b], width=edge_width(data.get("strength")), title=_edge_tooltip(data))
    nodes, edges, *_ = net.get_network_data()
    return {"nodes": nodes, "edges": edges}


#: Border width of a highlighted node (vis-network units; the default border is 1.5).
_MARK_WIDTH = 5


def draw(
    network,
    *,
    title: str | None = None,
    seed: int = 7,
    height: int = 420,
    table: bool = True,
    pos: dict | None = None,
    highlight=None,
    highlight_label: str = "highlighted",
) -> GraphView:
    """Draw a learning network (or any networkx graph) as an interactive figure.

    Parameters
    ----------
    network : LearningNetwork or networkx.Graph
        What to draw. Graph nodes may carry ``kind`` (me, person, community,
        resource, tool), ``topic`` and ``tags``; edges ``strength`` (1–5),
        ``since`` and ``last_contact``: exactly what
        :meth:`LearningNetwork.to_networkx` provides.
    title : str, optional
        Title of the figure (frame title and the summary's lead).
    seed : int, optional
        Layout seed: the same network and seed always give the same drawing.
    height : int, optional
        Height of the drawing in CSS pixels (the width follows the page).
    table : bool, optional
        Add the collapsible table of nodes and ties (default True).
    pos : dict, optional
        Node positions to use instead of computing a layout (an editor keeps
        them from one drawing to the next; see
        :func:`connectivism.render.layout.extend_positions`).
    highlight : iterable of nodes, optional
        Nodes to mark with a thick black border (a model's state, such as
        "knows the newest item"). Off by default; when given, the summary, the
        legend and the print drawing say what the mark means and how many
        nodes carry it, so the mark is never conveyed by the picture alone.
    highlight_label : str, optional
        What the mark means, as a phrase ("within two steps of you").

    Returns
    -------
    GraphView
        Displays itself in Jupyter; ``.html`` is the figure's markup.

    Examples
    --------
    >>> g = nx.Graph(me="Sam")
    >>> g.add_node("Sam", kind="me"); g.add_node("<b>Ada</b>", kind="person")
    >>> g.add_edge("Sam", "<b>Ada</b>", strength=4)
    >>> view = draw(g, title="Sam's network")
    >>> view.summary
    'A network of 2 nodes (you and 1 person) with 1 tie. Strongest: Sam–<b>Ada</b> (4).'
    >>> view.title
    "Sam's network"
    >>> "<b>Ada</b>" in view.html
    False
    >>> draw(g).html == draw(g).html
    True
    >>> draw(g, highlight={"Sam"}, highlight_label="you").summary.endswith(
    ...     "1 of 2 nodes has a thick black ring: you.")
    True
    """
    graph = graph_of(network)
    title = title or graph.graph.get("title") or "Learning network"
    pos = positions(graph, seed=seed) if pos is None else pos
    text = summary(graph, title=None)
    marked = None if highlight is None else frozenset(n for n in highlight if n in graph)
    if marked is not None:
        count, total = len(marked), graph.number_of_nodes()
        text += (
            f" {count} of {total} node{'s' if total != 1 else ''} "
            f"{'has' if count == 1 else 'have'} a thick black ring: {highlight_label}."
        )
    data_json = _safe_json(network_data(graph, pos, marked))
    options_json = _safe_json(_OPTIONS)
    doc = _template().render(
        title=title,
        summary=text,
        library=Markup(inline_library()),
        nonce=_nonce(inline_library(), data_json, options_json, str(title), text),
        data_json=Markup(data_json),
        options_json=Markup(options_json),
    )
    kinds = list(kind_counts(graph))
    frame_title = f"{title}: interactive network graph"
    parts = [
        "<div class='kit-graph-figure'>",
        f'<iframe class=\'kit-graph\' title="{html.escape(frame_title)}" srcdoc="{html.escape(doc, quote=True)}" '
        f"style='display:block;width:100%;max-width:100%;height:{int(height)}px;border:1px solid #ccc;"
        "border-radius:4px;box-sizing:border-box'></iframe>",
        static_svg(graph, pos, label=f"{title}. {text}", marked=marked),
        legend_html(kinds, mark=None if marked is None else highlight_label),
        f"<p class='kit-graph-summary'>{html.escape(text)}</p>",
    ]
    if table:
        parts.append(
            "<details class='kit-graph-table'><summary>Nodes and ties as a table</summary>"
            f"<div style='overflow-x:auto'>{table_html(graph)}</div></details>"
        )
    parts.append("</div>")
    return GraphView(html="".join(parts), summary=text, title=title)
