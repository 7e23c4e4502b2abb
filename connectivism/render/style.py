"""How each kind of node looks: shape and colour, never colour alone.

Colours are from the Okabe–Ito palette, which stays distinguishable for the
common forms of colour blindness; each kind also has its own shape, so the
drawing reads in greyscale and in print.

References
----------
Okabe, M. and Ito, K. (2008). *Color Universal Design (CUD): How to make
figures and presentations that are friendly to colorblind people.*
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KindStyle", "KIND_STYLES", "OTHER_STYLE", "style_for", "edge_width"]


@dataclass(frozen=True)
class KindStyle:
    """The look of one kind of node.

    Parameters
    ----------
    label : str
        Plural name shown in the legend ("people").
    shape : str
        vis-network shape name (``dot``, ``square``, ``triangle``, ``diamond``, ``star``).
    colour : str
        Fill colour, as ``#rrggbb``.
    border : str
        Border colour, darker than the fill.
    size : int
        Size in vis-network units.
    """

    label: str
    shape: str
    colour: str
    border: str
    size: int = 16


#: Styles of the kit's node kinds (see :data:`connectivism.network.KINDS`).
KIND_STYLES: dict[str, KindStyle] = {
    "me": KindStyle("me", "star", "#D55E00", "#7a3500", 26),
    "person": KindStyle("people", "dot", "#0072B2", "#003f63", 16),
    "community": KindStyle("communities", "square", "#009E73", "#00573f", 15),
    "resource": KindStyle("resources", "triangle", "#E69F00", "#7f5800", 16),
    "tool": KindStyle("tools", "diamond", "#CC79A7", "#7a3f63", 16),
}

#: Style of a node whose ``kind`` is missing or not one of the kit's kinds.
OTHER_STYLE = KindStyle("other", "dot", "#999999", "#555555", 14)


def style_for(kind: object) -> KindStyle:
    """Return the style for a node kind, or :data:`OTHER_STYLE`.

    Examples
    --------
    >>> style_for("tool").shape
    'diamond'
    >>> style_for(None).label
    'other'
    """
    return KIND_STYLES.get(kind, OTHER_STYLE) if isinstance(kind, str) else OTHER_STYLE


def edge_width(strength: object) -> float:
    """Line width for a tie of the given strength (1–5); 1.5 when unknown.

    Examples
    --------
    >>> edge_width(1), edge_width(5), edge_width(None)
    (1.0, 5.0, 1.5)
    """
    if isinstance(strength, (int, float)) and not isinstance(strength, bool):
        return float(min(max(strength, 1), 5))
    return 1.5
