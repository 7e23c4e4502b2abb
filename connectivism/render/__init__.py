"""Drawing networks and charts: interactive frames, text summaries, tables, print fallbacks, plots.

This layer knows nothing of widgets: it turns a graph into HTML, and a model's
chart data into SVG (:mod:`connectivism.render.charts`). The widgets
(:mod:`connectivism.widgets`) show that HTML; the Sphinx extension in
``tools/sphinx/kit_site.py`` swaps each frame's in-lined library for the
site's shared copy.
"""

from connectivism.render.charts import charts_alt, charts_html, charts_svg
from connectivism.render.describe import kind_counts, legend_html, summary, table_html
from connectivism.render.html import LIBRARY_END, LIBRARY_START, GraphView, draw, graph_of, share_library
from connectivism.render.layout import extend_positions, positions
from connectivism.render.static import static_svg
from connectivism.render.style import KIND_STYLES, edge_width, style_for

__all__ = [
    "GraphView",
    "draw",
    "graph_of",
    "share_library",
    "positions",
    "extend_positions",
    "summary",
    "table_html",
    "legend_html",
    "kind_counts",
    "static_svg",
    "charts_svg",
    "charts_alt",
    "charts_html",
    "KIND_STYLES",
    "style_for",
    "edge_width",
    "LIBRARY_START",
    "LIBRARY_END",
]
