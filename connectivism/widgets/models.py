"""Explore a model of the principles: sliders, a live plot with alt text, a sample network.

:class:`ModelExplorer` is one generic view for every model in
:mod:`connectivism.models`: it builds its controls from the model's
:class:`~connectivism.models.base.Parameter` specifications (sliders with
``continuous_update=False``, so a model runs once per change, not once per
pixel dragged), runs the model on every change, and shows

* a challenge or question to try first;
* the live plot: the model's :class:`~connectivism.models.base.Chart` panels
  drawn as one SVG (:func:`charts_svg`), shown as ``<img alt=...>`` so the
  plot has a text alternative;
* a one-sentence result under it (:meth:`Model.summary`);
* a small sample network drawn by :func:`connectivism.render.draw`, with the
  model's state marked by a thick black ring.

Everything can be driven from Python, which is how the tests use it::

    explorer = ModelExplorer(SmallWorld())
    explorer.sliders["p"].value = 0.1     # runs the model and redraws
    explorer.result                       # the SmallWorldResult of that run

On the static site the controls keep the state the page was built in
("snapshot — launch to interact").
"""

from __future__ import annotations

import base64
import html
import math
import time

import ipywidgets as widgets
import numpy as np

from connectivism.errors import NetworkError
from connectivism.models.base import MAX_SEED, Chart, Model, Parameter
from connectivism.render import draw
from connectivism.widgets.messages import text

__all__ = ["ModelExplorer", "control_for", "charts_svg", "charts_alt", "charts_html"]

#: Okabe–Ito colours; series also differ in dash pattern, markers or hatching.
_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


def control_for(spec: Parameter) -> widgets.ValueWidget:
    """The control for one parameter: a slider (linear or log) or a drop-down.

    Every slider has ``continuous_update=False``: the model runs when the
    reader lets go, not for every position on the way.

    Examples
    --------
    >>> from connectivism.models import SmallWorld
    >>> slider = control_for(SmallWorld().parameter("p"))
    >>> type(slider).__name__, slider.continuous_update, slider.value
    ('FloatLogSlider', False, 0.01)
    """
    common = {
        "description": spec.label or spec.name,
        "style": {"description_width": "initial"},
        "tooltip": f"{spec.name}: {spec.help}" if spec.help else spec.name,
        "layout": widgets.Layout(width="100%", max_width="26em"),
    }
    if spec.type is str:
        return widgets.Dropdown(options=list(spec.choices), value=spec.default, **common)
    if spec.type is int:
        return widgets.IntSlider(
            value=spec.default,
            min=int(spec.min),
            max=int(spec.max),
            step=int(spec.step or 1),
            continuous_update=False,
            **common,
        )
    if spec.log:
        low = spec.slider_min if spec.slider_min is not None else max(spec.min, 1e-6)
        return widgets.FloatLogSlider(
            value=max(spec.default, low),
            base=10,
            min=math.log10(low),
            max=math.log10(spec.max),
            step=spec.step or 0.05,
            readout_format=".3g",
            continuous_update=False,
            **common,
        )
    step = spec.step or (spec.max - spec.min) / 100
    decimals = max(0, -int(math.floor(math.log10(step)))) if step < 1 else 0
    return widgets.FloatSlider(
        value=spec.default,
        min=spec.min,
        max=spec.max,
        step=step,
        readout_format=f".{decimals}f",
        continuous_update=False,
        **common,
    )


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


def _star(x: float, y: float, r: float) -> str:
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.45
        ang = -math.pi / 2 + i * math.pi / 5
        pts.append(f"{x + rad * math.cos(ang):.1f},{y + rad * math.sin(ang):.1f}")
    return f"<polygon points='{' '.join(pts)}' fill='#000000'/>"


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
    greyscale. Every label is escaped. Drawing takes about a millisecond,
    which keeps a slider's redraw fast: a two-panel matplotlib PNG took
    200–400 ms on the kit's 2-core test machine.

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
    places = ["Left", "Right"] if len(charts) == 2 else [f"Panel {i + 1}" for i in range(len(charts))]
    return " ".join(f"{place} panel, {c.title}: {c.alt}" for place, c in zip(places, charts))


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


class ModelExplorer(widgets.VBox):
    """Sliders, a live plot and a sample network for one model.

    Parameters
    ----------
    model : connectivism.models.base.Model
        The model to explore.
    seed : int, optional
        The first run's seed (the seed box can change it).
    network : bool, optional
        Show the sample network (default True).
    **values
        Starting values for some of the model's parameters (defaults otherwise).

    Attributes
    ----------
    sliders : dict
        Parameter name → control. Setting ``.value`` runs the model again.
    seed : ipywidgets.BoundedIntText
        The seed of the runs.
    rerun : ipywidgets.Button
        Runs again with the next seed.
    result : Result or None
        The latest run's result (None if the last settings were rejected).
    plot, text, picture, message : ipywidgets.HTML
        The live plot, the one-sentence result, the sample network, and any
        error message (shown instead of raising).
    timings : dict
        Seconds taken by the latest redraw: ``run``, ``plot``, ``network``, ``total``.

    Examples
    --------
    >>> from connectivism.models import SmallWorld
    >>> explorer = ModelExplorer(SmallWorld(), network=False)
    >>> explorer.sliders["p"].value = 0.1
    >>> explorer.result.params["p"]
    0.1
    >>> "alt=" in explorer.plot.value and explorer.text.value.startswith("<p")
    True
    """

    def __init__(self, model: Model, *, seed: int = 1, network: bool = True, **values) -> None:
        self.model = model
        start = model.validate(**values)
        self.sliders: dict[str, widgets.ValueWidget] = {}
        for spec in model.parameters:
            control = control_for(spec)
            control.value = start[spec.name]
            self.sliders[spec.name] = control
        self.seed = widgets.BoundedIntText(
            value=seed,
            min=0,
            max=MAX_SEED,
            description=text("explorer.seed"),
            tooltip=text("explorer.seed.tooltip"),
            layout=widgets.Layout(width="12em"),
        )
        self.rerun = widgets.Button(
            description=text("explorer.rerun"),
            icon="refresh",
            tooltip=text("explorer.rerun.tooltip"),
            layout=widgets.Layout(width="auto"),
        )
        self.challenge = widgets.HTML(
            f"<p class='kit-model-challenge'><strong>{html.escape(text('explorer.try_this'))}</strong> "
            f"{html.escape(model.challenge)}</p>"
            if model.challenge
            else ""
        )
        self.message = widgets.HTML()
        self.plot = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.text = widgets.HTML()
        self.picture = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.show_network = network
        self.result = None
        self.timings: dict[str, float] = {}
        controls = widgets.VBox(
            list(self.sliders.values()) + [widgets.HBox([self.seed, self.rerun]), self.message],
            layout=widgets.Layout(width="100%"),
        )
        parts = [self.challenge, controls, self.plot, self.text] + ([self.picture] if network else [])
        super().__init__(parts, layout=widgets.Layout(width="100%"))
        for control in [*self.sliders.values(), self.seed]:
            control.observe(self._changed, names="value")
        self.rerun.on_click(self._next_seed)
        self.update()

    def values(self) -> dict:
        """The parameter values the controls show."""
        return {name: control.value for name, control in self.sliders.items()}

    def _changed(self, change=None) -> None:
        self.update()

    def _next_seed(self, button=None) -> None:
        self.seed.value = (self.seed.value + 1) % (MAX_SEED + 1)  # the observer runs the model

    def update(self) -> None:
        """Run the model with the controls' values and redraw everything."""
        start = time.perf_counter()
        try:
            result = self.model.run(seed=int(self.seed.value), **self.values())
        except NetworkError as error:
            self.result = None
            self.message.value = (
                f"<p class='kit-model-error' role='alert' style='color:#a40000'>{html.escape(str(error))}</p>"
            )
            return
        ran = time.perf_counter()
        self.result = result
        self.message.value = ""
        self.plot.value = charts_html(self.model.charts(result))
        self.text.value = (
            f"<p class='kit-model-result' aria-live='polite'>{html.escape(self.model.summary(result))}</p>"
        )
        plotted = time.perf_counter()
        if self.show_network:
            view = self.model.view(result)
            if view is not None:
                drawing = draw(
                    view.graph,
                    title=view.title,
                    pos=view.pos,
                    height=380,
                    highlight=view.highlight,
                    highlight_label=view.highlight_label,
                )
                self.picture.value = (
                    f"<p class='kit-model-view-title'><strong>{html.escape(view.title)}</strong></p>" + drawing.html
                )
        done = time.perf_counter()
        self.timings = {"run": ran - start, "plot": plotted - ran, "network": done - plotted, "total": done - start}
