"""Charts of the models' results as SVG: the live plots of the model explorers.

A model describes its plot as data (:class:`~connectivism.models.base.Chart`
panels of :class:`~connectivism.models.base.Series`, with alt text); this
module draws those panels side by side as one small SVG document
(:func:`charts_svg`), gives them one text alternative (:func:`charts_alt`) and
wraps both in an ``<img>`` for a notebook (:func:`charts_html`).
:class:`connectivism.widgets.models.ModelExplorer` shows the result on every
slider change. It draws lines, points, bars (hatched every other series), a
star marker and dashed reference lines, with round ticks, linear or log x
axes, and a legend under each panel. Series differ in colour (Okabe–Ito)
*and* in dash pattern, markers or hatching, so a plot reads in greyscale.
Every label is escaped. :func:`star_points` is the kit's one star shape,
also used by the print drawing (:mod:`connectivism.render.static`).

Why not matplotlib
------------------
These are the only charts the package draws, and they need a handful of
primitives. matplotlib would draw them too, but it costs more than it gives
where the kit runs (measured with ``benchmarks/charts.py`` on the kit's
2-core test machine, Python 3.11, matplotlib 3.11.2; machine shared, so
timings vary by about a factor of two):

* **download**: matplotlib is 25 MB installed, about 10 MB compressed (its
  wheel); with the packages it brings (pillow, fonttools, kiwisolver,
  contourpy, pyparsing, cycler) 76 MB installed, 24 MB compressed. In the
  browser edition (Pyodide, JupyterLite) every byte is downloaded before the
  first cell runs; Pyodide's own ``networkx`` entry pulls matplotlib
  (~10 MB), which is why the browser edition swaps it for the pure networkx
  wheel (see the project's technical notes).
* **import**: a fresh interpreter takes 0.48 s to ``import numpy`` and
  ``matplotlib.pyplot`` (median of 5; 1.05 s while the machine was busy),
  against 0.13 s for numpy alone; ``python -X importtime -c "import
  matplotlib.pyplot"`` reports 0.34–0.79 s cumulative (numpy included). Pyodide
  runs Python several times slower than this (not measured here), so the
  first plot would wait seconds more.
* **redraw**: one explorer plot (two panels) takes 0.1–1.6 ms here (median
  0.3 ms, 6–23 kB of SVG); the same panels drawn by matplotlib take 80–400 ms
  (median 84–170 ms over two runs) as SVG of 60–85 kB, and about as long as a
  PNG of 45–75 kB. An explorer redraws on every slider release, and the
  kit's target for a whole redraw is 300 ms (``benchmarks/models.py``).

The output is deterministic (the same panels give the same bytes), which
keeps notebook outputs stable under nbval.

Examples
--------
>>> from connectivism.models.base import Chart, Series
>>> chart = Chart("Reach", "steps", "share", (Series("people", [1, 2, 3], [0.2, 0.5, 0.9]),), alt="rising")
>>> svg = charts_svg([chart])
>>> svg.startswith("<svg xmlns='http://www.w3.org/2000/svg' width='480'"), svg.count("<polyline")
(True, 1)
>>> charts_alt([chart, chart])
'Left panel, Reach: rising Right panel, Reach: rising'
"""

from __future__ import annotations

import base64
import html
import math
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from connectivism.models.base import Chart

__all__ = ["charts_svg", "charts_alt", "charts_html", "star_points"]

#: Okabe–Ito colours; series also differ in dash pattern, markers or hatching.
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")

_DASHES = ("", "7 4", "2 3", "9 3 2 3")
_PANEL_W, _PANEL_H = 480, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 62, 14, 30, 52
_LEGEND_ROW = 17


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) covering [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    value = math.ceil(low / step - 1e-9) * step
    ticks = []
    while value <= high + step * 1e-9:
        ticks.append(round(value, 12))
        value += step
    return ticks


def _fmt(value: float) -> str:
    return f"{value:g}"


def star_points(x: float, y: float, r: float) -> str:
    """The ``points`` of a five-pointed star centred on (x, y), outer radius ``r``, first point up.

    The one star of the kit: the charts' marker and the print drawing's
    ``star`` nodes (:mod:`connectivism.render.static`) both use it.

    Examples
    --------
    >>> star_points(0, 0, 10).split()[:2]
    ['0.0,-10.0', '2.6,-3.6']
    """
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append(f"{x + rad * math.cos(ang):.1f},{y + rad * math.sin(ang):.1f}")
    return " ".join(pts)


def _star(x: float, y: float, r: float) -> str:
    return f"<polygon points='{star_points(x, y, r)}' fill='#000000'/>"


def _x_range(chart: Chart, bars: list) -> tuple[float, float]:
    xs = np.concatenate([s.x for s in chart.series]) if chart.series else np.array([0.0, 1.0])
    xs = xs[np.isfinite(xs)]
    if chart.xscale == "log":
        xs = xs[xs > 0]
    if chart.vline is not None:
        xs = np.append(xs, chart.vline)
    if xs.size == 0:
        xs = np.array([1.0, 10.0]) if chart.xscale == "log" else np.array([0.0, 1.0])
    if bars or chart.xticklabels:
        return float(xs.min()) - 0.6, float(xs.max()) + 0.6
    if chart.xscale == "log":
        return math.floor(math.log10(xs.min())), math.ceil(math.log10(xs.max()))
    low, high = float(xs.min()), float(xs.max())
    return (low - 1, high + 1) if high <= low else (low, high)


def _panel_svg(chart: Chart, x0: float) -> tuple[str, int]:
    """One chart panel as SVG elements starting ``x0`` pixels from the left; also its legend rows."""
    esc = html.escape
    left, top = x0 + _LEFT, _TOP
    width, height = _PANEL_W - _LEFT - _RIGHT, _PANEL_H - _TOP - _BOTTOM
    log = chart.xscale == "log"
    bars = [s for s in chart.series if s.kind == "bars"]
    xlo, xhi = _x_range(chart, bars)
    ys = np.concatenate([s.y for s in chart.series]) if chart.series else np.array([0.0, 1.0])
    ys = ys[np.isfinite(ys)]
    ylo, yhi = (
        chart.ylim
        if chart.ylim
        else (min(0.0, float(ys.min()) if ys.size else 0.0), float(ys.max()) if ys.size else 1.0)
    )
    if yhi <= ylo:
        yhi = ylo + 1.0

    def px(x: float) -> float:
        return left + ((math.log10(x) if log else x) - xlo) / (xhi - xlo) * width

    def py(y: float) -> float:
        return top + height - (min(max(y, ylo), yhi) - ylo) / (yhi - ylo) * height

    out = [
        f"<text x='{x0 + _PANEL_W / 2:.1f}' y='18' text-anchor='middle' font-size='14' "
        f"font-weight='bold'>{esc(chart.title)}</text>"
    ]
    for yt in _nice_ticks(ylo, yhi):
        if ylo - 1e-12 <= yt <= yhi + 1e-12:
            out.append(f"<line x1='{left}' x2='{left + width}' y1='{py(yt):.1f}' y2='{py(yt):.1f}' stroke='#dddddd'/>")
            out.append(f"<text x='{left - 6}' y='{py(yt) + 4:.1f}' text-anchor='end'>{_fmt(yt)}</text>")
    if bars or chart.xticklabels:
        ticks = sorted({int(x) for s in chart.series for x in s.x})
        labels = [chart.xticklabels[i] if chart.xticklabels and i < len(chart.xticklabels) else _fmt(i) for i in ticks]
    elif log:
        ticks = [10.0**e for e in range(int(xlo), int(xhi) + 1)]
        labels = [_fmt(t) for t in ticks]
    else:
        ticks = [t for t in _nice_ticks(xlo, xhi) if xlo - 1e-9 <= t <= xhi + 1e-9]
        labels = [_fmt(t) for t in ticks]
    for xt, label in zip(ticks, labels):
        out.append(
            f"<line x1='{px(xt):.1f}' x2='{px(xt):.1f}' y1='{top + height}' y2='{top + height + 4}' stroke='#444444'/>"
        )
        out.append(f"<text x='{px(xt):.1f}' y='{top + height + 17}' text-anchor='middle'>{esc(label)}</text>")
    out.append(f"<rect x='{left}' y='{top}' width='{width}' height='{height}' fill='none' stroke='#444444'/>")
    out.append(
        f"<text x='{left + width / 2:.1f}' y='{top + height + 36}' text-anchor='middle'>{esc(chart.xlabel)}</text>"
    )
    out.append(
        f"<text transform='translate({x0 + 16},{top + height / 2:.1f}) rotate(-90)' "
        f"text-anchor='middle'>{esc(chart.ylabel)}</text>"
    )
    legend = []
    line_no = bar_no = 0
    bar_w = 0.8 / max(len(bars), 1)
    for s in chart.series:
        if s.kind == "bars":
            colour = _COLOURS[bar_no % len(_COLOURS)]
            fill = colour if bar_no % 2 == 0 else f"url(#hatch{bar_no % len(_COLOURS)})"
            offset = (bar_no - (len(bars) - 1) / 2) * bar_w
            for x, y in zip(s.x, s.y):
                if math.isfinite(y):
                    x1, x2 = px(x + offset - bar_w / 2), px(x + offset + bar_w / 2)
                    out.append(
                        f"<rect x='{x1:.1f}' y='{py(y):.1f}' width='{x2 - x1:.1f}' "
                        f"height='{py(ylo) - py(y):.1f}' fill='{fill}' stroke='#222222'/>"
                    )
            legend.append(("bar", colour, fill, s.label))
            bar_no += 1
            continue
        pts = [(px(x), py(y)) for x, y in zip(s.x, s.y) if math.isfinite(x) and math.isfinite(y) and (x > 0 or not log)]
        if s.kind == "marker":
            out.extend(_star(x, y, 9) for x, y in pts)
            legend.append(("marker", "#000000", "", s.label))
            continue
        colour = _COLOURS[line_no % len(_COLOURS)]
        dash = "2 3" if s.kind == "points" else _DASHES[line_no % len(_DASHES)]
        if len(pts) > 1:
            coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            out.append(
                f"<polyline points='{coords}' fill='none' stroke='{colour}' stroke-width='2.2' "
                f"stroke-dasharray='{dash}'/>"
            )
        if s.kind == "points":
            out.extend(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3.5' fill='{colour}'/>" for x, y in pts)
        legend.append(("points" if s.kind == "points" else "line", colour, dash, s.label))
        line_no += 1
    for value, vertical in ((chart.hline, False), (chart.vline, True)):
        if value is None:
            continue
        if vertical:
            out.append(
                f"<line x1='{px(value):.1f}' x2='{px(value):.1f}' y1='{top}' y2='{top + height}' "
                "stroke='#555555' stroke-dasharray='4 3'/>"
            )
        else:
            out.append(
                f"<line x1='{left}' x2='{left + width}' y1='{py(value):.1f}' y2='{py(value):.1f}' "
                "stroke='#555555' stroke-dasharray='4 3'/>"
            )
        if chart.ref_label:
            legend.append(("ref", "#555555", "4 3", chart.ref_label))
    for i, (kind, colour, style, label) in enumerate(legend):  # the legend, under the panel
        y, x = _PANEL_H + 8 + i * _LEGEND_ROW, x0 + _LEFT
        if kind == "bar":
            out.append(f"<rect x='{x}' y='{y - 9}' width='22' height='11' fill='{style}' stroke='#222222'/>")
        elif kind == "marker":
            out.append(_star(x + 11, y - 4, 7))
        else:
            out.append(
                f"<line x1='{x}' x2='{x + 22}' y1='{y - 4}' y2='{y - 4}' stroke='{colour}' "
                f"stroke-width='{1.4 if kind == 'ref' else 2.2}' stroke-dasharray='{style}'/>"
            )
            if kind == "points":
                out.append(f"<circle cx='{x + 11}' cy='{y - 4}' r='3.5' fill='{colour}'/>")
        out.append(f"<text x='{x + 28}' y='{y}'>{esc(label)}</text>")
    return "".join(out), len(legend)


def charts_svg(charts) -> str:
    """Draw chart panels side by side as one SVG document (lines, points, bars, a marker).

    Series differ in colour (Okabe–Ito) **and** in dash pattern, markers or
    hatching, and each panel has its legend under it, so the plot reads in
    greyscale. Every label is escaped. Drawing takes well under a
    millisecond for most plots, which keeps a slider's redraw fast (figures
    against matplotlib in the module description).

    Examples
    --------
    >>> from connectivism.models.base import Chart, Series
    >>> svg = charts_svg([Chart("<t>", "x", "y", (Series("a", [0, 1], [0, 1]),), alt="a line")])
    >>> svg.startswith("<svg xmlns="), "&lt;t&gt;" in svg, "<t>" in svg
    (True, True, False)
    """
    charts = list(charts)
    parts, rows = [], 0
    for i, chart in enumerate(charts):
        markup, legend_rows = _panel_svg(chart, i * _PANEL_W)
        parts.append(markup)
        rows = max(rows, legend_rows)
    width = _PANEL_W * max(len(charts), 1)
    height = _PANEL_H + 8 + rows * _LEGEND_ROW
    hatches = "".join(
        f"<pattern id='hatch{i}' width='6' height='6' patternUnits='userSpaceOnUse' "
        f"patternTransform='rotate(45)'><rect width='6' height='6' fill='#ffffff'/>"
        f"<rect width='3' height='6' fill='{colour}'/></pattern>"
        for i, colour in enumerate(_COLOURS)
    )
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' font-family='sans-serif' font-size='12' fill='#222222'>"
        f"<defs>{hatches}</defs><rect width='{width}' height='{height}' fill='#ffffff'/>" + "".join(parts) + "</svg>"
    )


def charts_alt(charts) -> str:
    """One text alternative for side-by-side panels: each panel's title and alt text."""
    charts = list(charts)
    if len(charts) == 1:
        return f"{charts[0].title}. {charts[0].alt}"
    places = ["Left panel", "Right panel"] if len(charts) == 2 else [f"Panel {i + 1}" for i in range(len(charts))]
    return " ".join(f"{place}, {c.title}: {c.alt}" for place, c in zip(places, charts))


def charts_html(charts) -> str:
    """The panels as an ``<img>`` with alt text (a data URL), ready for ``widgets.HTML``.

    Examples
    --------
    >>> from connectivism.models.base import Chart, Series
    >>> markup = charts_html([Chart("t", "x", "y", (Series("a", [0, 1], [0, 1]),), alt="a <line>")])
    >>> markup.startswith("<img alt='t. a &lt;line&gt;'"), "data:image/svg+xml;base64," in markup
    (True, True)
    """
    charts = list(charts)
    data = base64.b64encode(charts_svg(charts).encode("utf-8")).decode("ascii")
    return (
        f"<img alt='{html.escape(charts_alt(charts), quote=True)}' class='kit-model-plot' "
        f"src='data:image/svg+xml;base64,{data}' style='max-width:100%;height:auto'>"
    )
