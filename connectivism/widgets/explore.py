"""Look at one part of a network at a time: a kind filter over the renderer."""

from __future__ import annotations

import ipywidgets as widgets

from connectivism.network import OTHER_KINDS
from connectivism.render import draw, graph_of
from connectivism.widgets.messages import text

__all__ = ["KindFilter"]


class KindFilter(widgets.VBox):
    """A drawing of a network with a control that shows one kind of node at a time.

    The learner ("me") always stays in the picture. On the static site the
    control keeps the state it had when the page was built.

    Parameters
    ----------
    network : LearningNetwork or networkx.Graph
        The network to draw.
    title : str, optional
        Title of the drawing.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph(me="Sam")
    >>> g.add_node("Sam", kind="me"); g.add_node("Ada", kind="person"); g.add_node("Wiki", kind="resource")
    >>> g.add_edge("Sam", "Ada"); g.add_edge("Sam", "Wiki")
    >>> view = KindFilter(g)
    >>> view.choice.value = "person"
    >>> view.caption.value
    'Showing people only, with you: 2 of 3 nodes.'
    """

    def __init__(self, network, *, title: str | None = None) -> None:
        self.graph = graph_of(network)
        self.title = title
        self.choice = widgets.ToggleButtons(
            options=[(text("filter.everything"), None)] + [(text(f"filter.{k}"), k) for k in OTHER_KINDS],
            value=None,
            description=text("filter.show"),
            style={"button_width": "auto"},
        )
        self.caption = widgets.HTML()
        self.picture = widgets.HTML(layout=widgets.Layout(width="100%"))
        super().__init__([self.choice, self.caption, self.picture], layout=widgets.Layout(width="100%"))
        self.choice.observe(self._redraw, names="value")
        self._redraw()

    def subgraph(self):
        """The part of the graph on show: "me" plus nodes of the chosen kind."""
        kind = self.choice.value
        if kind is None:
            return self.graph
        keep = [n for n, d in self.graph.nodes(data=True) if d.get("kind") in (kind, "me")]
        sub = self.graph.subgraph(keep).copy()
        sub.graph.update(self.graph.graph)
        return sub

    def _redraw(self, change=None) -> None:
        sub = self.subgraph()
        kind = self.choice.value
        key = "filter.caption.all" if kind is None else f"filter.caption.{kind}"
        self.caption.value = text(key, shown=sub.number_of_nodes(), total=self.graph.number_of_nodes())
        self.picture.value = draw(sub, title=self.title).html
