"""Explore a model of the principles: sliders, a live plot with alt text, a sample network.

:class:`ModelExplorer` is one generic view for every model in
:mod:`connectivism.models`: it builds its controls from the model's
:class:`~connectivism.models.base.Parameter` specifications (sliders with
``continuous_update=False``, so a model runs once per change, not once per
pixel dragged), runs the model on every change, and shows

* a challenge or question to try first;
* the live plot: the model's :class:`~connectivism.models.base.Chart` panels
  drawn as one SVG by :mod:`connectivism.render.charts` (``charts_svg``,
  re-exported here with ``charts_alt`` and ``charts_html``), shown as
  ``<img alt=...>`` so the plot has a text alternative;
* a one-sentence result under it (:meth:`Model.summary`);
* a small sample network drawn by :func:`connectivism.render.draw`, with the
  model's state marked by a thick black ring.

Everything can be driven from Python, which is how the tests use it::

    explorer = ModelExplorer(SmallWorld())
    explorer.sliders["p"].value = 0.1     # runs the model and redraws
    explorer.result                       # the SmallWorldResult of that run

On the static site the controls keep the state the page was built in (a
snapshot) until the reader presses "Run it live in your browser", which runs
the notebook's explorer cell in the browser edition.
"""

from __future__ import annotations

import html
import math
import time

import ipywidgets as widgets

from connectivism.errors import NetworkError
from connectivism.models.base import MAX_SEED, Model, Parameter
from connectivism.render import draw
from connectivism.render.charts import charts_alt, charts_html, charts_svg
from connectivism.widgets.messages import text

__all__ = ["ModelExplorer", "control_for", "charts_svg", "charts_alt", "charts_html"]


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
