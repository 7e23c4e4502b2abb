"""The frame every model of the principles follows.

A model is one mechanism a reader can run: a handful of named, validated
parameters, a seed, and a :meth:`Model.run` that returns plain numbers and
numpy arrays in a frozen :class:`Result`. The same seed and parameters always
give the same result. Bad parameters raise
:class:`~connectivism.errors.ModelParameterError` before anything runs, with a
message that names the parameter, the value given and the values accepted.

Besides the run itself, a model describes its result in three ways that the
widgets layer (:class:`connectivism.widgets.models.ModelExplorer`) shows and
that tests can read without a browser:

* :meth:`Model.summary`: one plain sentence with the main figures;
* :meth:`Model.charts`: the data of the live plot as :class:`Chart` objects
  (series, axis labels and alt text; drawn as SVG by
  :mod:`connectivism.render.charts`, so this layer never draws anything);
* :meth:`Model.view`: a small sample network (at most :attr:`Model.view_size`
  nodes) with positions and the nodes to highlight, for
  :func:`connectivism.render.draw`.

Nothing here imports ipywidgets, a plotting library or the render layer.

Why this module is long: about half of it is docstrings and doctests;
the whole frame every model follows (parameters, results, chart data, sample
networks and their shared checks) is kept in one module so that it reads as one
contract.

Examples
--------
>>> from connectivism.models.base import Parameter
>>> size = Parameter("n", int, 100, 10, 1000, help="the number of people")
>>> size.check(50)
50
>>> size.check(5)  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
connectivism.errors.ModelParameterError: n = 5 is outside 10–1000: n is the number of people; use a
whole number from 10 to 1000.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, ClassVar

import networkx as nx
import numpy as np

from connectivism.errors import ModelParameterError

__all__ = [
    "Parameter",
    "Model",
    "Result",
    "Chart",
    "Series",
    "View",
    "check_seed",
    "check_even_and_below",
    "MAX_SEED",
    "circle_positions",
    "spring_positions",
    "rng_for",
    "int_seed",
]

#: The largest seed accepted (seeds are whole numbers from 0 to this).
MAX_SEED = 2**32 - 1


def _number(value: float) -> str:
    """A number as a reader would write it: 10, 0.5, 0.001."""
    if isinstance(value, numbers.Integral):
        return str(int(value))
    return f"{float(value):g}"


@dataclass(frozen=True)
class Parameter:
    """The specification of one model parameter: its type, range, default and meaning.

    Parameters
    ----------
    name : str
        The keyword :meth:`Model.run` takes (``"p"``, ``"budget"``).
    type : {int, float, str}
        Whole number, number, or one of ``choices``.
    default : int, float or str
        The value used when the parameter is not given (and the slider's start).
    min, max : float, optional
        The accepted range, both ends included (numbers only).
    help : str, optional
        What the parameter is, as a phrase that completes "``name`` is ...";
        used in error messages and as the slider's tooltip.
    label : str, optional
        A short label for the slider (defaults to ``name``).
    step : float, optional
        The slider's step.
    choices : tuple of str, optional
        The accepted values of a ``str`` parameter.
    log : bool, optional
        Offer the parameter on a logarithmic slider (for ranges over decades).
    slider_min : float, optional
        The smallest value a logarithmic slider offers (it cannot reach 0);
        smaller values stay valid for :meth:`Model.run`.

    Raises
    ------
    ValueError
        If the specification itself is inconsistent (a programming error).

    Examples
    --------
    >>> p = Parameter("p", float, 0.1, 0, 1, help="a probability")
    >>> p.check(1), p.accepted()
    (1.0, 'a number from 0 to 1')
    >>> Parameter("net", str, "random", choices=("random", "hubs")).check("hubs")
    'hubs'
    """

    name: str
    type: type
    default: Any
    min: float | None = None
    max: float | None = None
    help: str = ""
    label: str | None = None
    step: float | None = None
    choices: tuple = ()
    log: bool = False
    slider_min: float | None = None

    def __post_init__(self) -> None:
        if self.type not in (int, float, str):
            raise ValueError(f"parameter {self.name}: type must be int, float or str")
        if self.type is str and not self.choices:
            raise ValueError(f"parameter {self.name}: a str parameter needs choices")
        if self.type is not str and (self.min is None or self.max is None or self.min > self.max):
            raise ValueError(f"parameter {self.name}: a number needs min <= max")
        self.check(self.default)

    def accepted(self) -> str:
        """The values accepted, in words ("a whole number from 1 to 10")."""
        if self.type is str:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        what = "a whole number" if self.type is int else "a number"
        return f"{what} from {_number(self.min)} to {_number(self.max)}"

    def _fail(self, value: object, problem: str) -> ModelParameterError:
        about = f" {self.name} is {self.help};" if self.help else ""
        shown = _number(value) if isinstance(value, numbers.Real) and not isinstance(value, bool) else repr(value)
        return ModelParameterError(
            f"{self.name} = {shown} {problem}:{about} use {self.accepted()}.", field=self.name, value=value
        )

    def check(self, value: object):
        """Return ``value`` as the parameter's type, or raise ModelParameterError.

        Whole numbers are accepted for a ``float`` parameter (and returned as
        floats); numpy numbers are accepted and returned as Python numbers;
        ``True``/``False`` are not numbers here.
        """
        if self.type is str:
            if not isinstance(value, str) or value not in self.choices:
                raise self._fail(value, "is not one of the choices")
            return value
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise self._fail(value, "is not a number")
        if self.type is int:
            if not isinstance(value, numbers.Integral):
                if not (math.isfinite(value) and float(value).is_integer()):
                    raise self._fail(value, "is not a whole number")
            value = int(value)
        else:
            value = float(value)
            if not math.isfinite(value):
                raise self._fail(value, "is not a finite number")
        if not self.min <= value <= self.max:
            raise self._fail(value, f"is outside {_number(self.min)}–{_number(self.max)}")
        return value


def check_seed(seed: object) -> int:
    """Return ``seed`` as an int, or raise ModelParameterError.

    Examples
    --------
    >>> check_seed(7)
    7
    >>> check_seed(-1)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: seed = -1 is not accepted: the seed picks one of the
    model's random runs (the same seed always gives the same run); use a whole number from 0 to
    4294967295.
    """
    ok = isinstance(seed, numbers.Integral) and not isinstance(seed, bool) and 0 <= seed <= MAX_SEED
    if not ok:
        shown = repr(seed) if not isinstance(seed, numbers.Integral) or isinstance(seed, bool) else str(int(seed))
        raise ModelParameterError(
            f"seed = {shown} is not accepted: the seed picks one of the model's random runs "
            f"(the same seed always gives the same run); use a whole number from 0 to {MAX_SEED}.",
            field="seed",
            value=seed,
        )
    return int(seed)


def check_even_and_below(values: Mapping[str, Any], name: str, *, factor: int = 1, odd: str, too_large: str) -> None:
    """Raise ModelParameterError unless ``values[name]`` is even and ``factor × values[name] < values["n"]``.

    The rule of the ring-based networks (Watts–Strogatz, ring lattices): each
    person has ``k/2`` neighbours on each side, so ``k`` must be even, and
    fewer than the people there are. Four models share it; each says why in
    its own words.

    Parameters
    ----------
    values : mapping
        The model's checked parameter values, with ``name`` and ``"n"``.
    name : str
        The even parameter (``"k"``, ``"mean_degree"``).
    factor : int, optional
        The limit is ``factor × value < n`` (2 for "below n/2").
    odd, too_large : str
        What the message says after ``"k = 7 is odd: "`` and after
        ``"k = 30 is too large for n = 20: "``.

    Examples
    --------
    >>> check_even_and_below({"n": 20, "k": 4}, "k", odd="use an even number.", too_large="use fewer.")
    >>> check_even_and_below({"n": 20, "k": 20}, "k", odd="use an even number.", too_large="use fewer.")
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: k = 20 is too large for n = 20: use fewer.
    """
    value, n = values[name], values["n"]
    if value % 2:
        raise ModelParameterError(f"{name} = {value} is odd: {odd}", field=name, value=value)
    if factor * value >= n:
        raise ModelParameterError(f"{name} = {value} is too large for n = {n}: {too_large}", field=name, value=value)


def _freeze(value):
    if isinstance(value, np.ndarray):
        value.setflags(write=False)
    return value


@dataclass(frozen=True, eq=False)
class Result:
    """Base class of a model run's result: plain numbers and read-only numpy arrays.

    Subclasses add their own fields. Two results are equal when they are of
    the same type and every field is equal (arrays element by element, NaN
    equal to NaN): this is what "same seed, same run" means.

    Attributes
    ----------
    seed : int
        The seed of the run.
    params : Mapping
        Every parameter of the run, defaults filled in (read-only).
    """

    seed: int
    params: Mapping[str, Any]

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        for f in fields(self):
            _freeze(getattr(self, f.name))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
                a, b = np.asarray(a), np.asarray(b)
                if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
                    return False
                if not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
                    return False
            elif isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
                continue
            elif a != b:
                return False
        return True

    __hash__ = None  # results hold arrays: compare them, do not hash them

    def as_dict(self) -> dict[str, Any]:
        """The result's fields as a plain dict (arrays are not copied)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Series:
    """One series of a chart: a line, points or bars.

    Attributes
    ----------
    label : str
        The legend entry.
    x, y : numpy.ndarray
        The data (for bars, ``x`` holds the bar labels' positions 0, 1, ...).
    kind : {"line", "points", "bars", "marker"}
        How to draw it; a ``marker`` is one highlighted point (the current run).
    """

    label: str
    x: np.ndarray
    y: np.ndarray
    kind: str = "line"

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", _freeze(np.asarray(self.x, dtype=float)))
        object.__setattr__(self, "y", _freeze(np.asarray(self.y, dtype=float)))


@dataclass(frozen=True)
class Chart:
    """The data of one panel of a model's live plot, with its alt text.

    Attributes
    ----------
    title, xlabel, ylabel : str
        Panel title and axis labels.
    series : tuple of Series
        What to draw.
    alt : str
        A text alternative: what the panel shows and its main figures.
    xscale : {"linear", "log"}
        Scale of the x axis.
    ylim : tuple of float, optional
        Range of the y axis.
    xticklabels : tuple of str, optional
        Labels of the x positions 0, 1, ... (bar charts).
    hline : float, optional
        A horizontal reference line (for example a threshold) ...
    vline : float, optional
        ... or a vertical one, labelled with ``ref_label``.
    ref_label : str
        The reference line's legend entry.
    """

    title: str
    xlabel: str
    ylabel: str
    series: tuple
    alt: str
    xscale: str = "linear"
    ylim: tuple | None = None
    xticklabels: tuple | None = None
    hline: float | None = None
    vline: float | None = None
    ref_label: str = ""


@dataclass(frozen=True)
class View:
    """A small sample network to draw beside a model's plot.

    Attributes
    ----------
    graph : networkx.Graph
        Nodes carry ``kind`` (me, person, community, resource, tool) and may
        carry other attributes; edges may carry ``strength`` (1–5).
    pos : dict
        Node → (x, y) positions, so the drawing does not jump between runs.
    highlight : frozenset
        Nodes to mark (drawn with a thick black ring).
    highlight_label : str
        What the mark means ("within two steps of you").
    title : str
        The drawing's title.
    """

    graph: nx.Graph
    pos: dict
    highlight: frozenset = frozenset()
    highlight_label: str = ""
    title: str = "Sample network"


class Model:
    """Base class of the kit's models: parameters, validation, a seeded run.

    A subclass sets :attr:`name`, :attr:`title`, :attr:`principle` and
    :attr:`parameters`, and implements :meth:`_run` (and usually
    :meth:`_check_together`, :meth:`summary`, :meth:`charts` and
    :meth:`view`). Models hold no state: one instance can run many times.

    Attributes
    ----------
    name : str
        Short identifier ("smallworld").
    title : str
        Title for readers ("Reach in a small world").
    principle : tuple of (int, str)
        The number of Siemens' principle and its wording (Siemens 2005).
    parameters : tuple of Parameter
        The model's parameters, in the order the sliders show them.
    view_size : int
        The largest sample network :meth:`view` draws.
    challenge : str
        A question or small challenge for the reader to try first.
    """

    name: ClassVar[str] = "model"
    title: ClassVar[str] = "Model"
    principle: ClassVar[tuple[int, str]] = (0, "")
    parameters: ClassVar[tuple[Parameter, ...]] = ()
    view_size: ClassVar[int] = 60
    challenge: ClassVar[str] = ""

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def parameter(self, name: str) -> Parameter:
        """The specification of one parameter, by name."""
        for spec in self.parameters:
            if spec.name == name:
                return spec
        raise self._unknown(name)

    def _unknown(self, name: object) -> ModelParameterError:
        names = ", ".join(spec.name for spec in self.parameters)
        return ModelParameterError(
            f"The model {self.name!r} has no parameter {name!r}: use {names} (and seed).", field=str(name), value=name
        )

    def defaults(self) -> dict[str, Any]:
        """Every parameter's default value."""
        return {spec.name: spec.default for spec in self.parameters}

    def validate(self, **params) -> dict[str, Any]:
        """Check ``params``, fill in defaults, and return every parameter's value.

        Raises
        ------
        ModelParameterError
            For an unknown name, a value of the wrong type, a value out of
            range, or values that do not fit together (such as more
            neighbours than people).
        """
        known = {spec.name: spec for spec in self.parameters}
        for name in params:
            if name not in known:
                raise self._unknown(name)
        values = {name: spec.check(params.get(name, spec.default)) for name, spec in known.items()}
        self._check_together(values)
        return values

    def _check_together(self, values: dict[str, Any]) -> None:
        """Raise ModelParameterError if valid values do not fit together."""

    def run(self, seed: int = 0, **params) -> Result:
        """Run the model once and return its result.

        Parameters
        ----------
        seed : int, optional
            Seed of the run's random numbers (0 to :data:`MAX_SEED`): the same
            seed and parameters always give the same result.
        **params
            The model's parameters (see :attr:`parameters`); missing ones take
            their defaults.

        Returns
        -------
        Result
            A frozen dataclass of numbers and read-only numpy arrays.

        Raises
        ------
        ModelParameterError
            If a parameter or the seed is not accepted.
        """
        values = self.validate(**params)
        return self._run(check_seed(seed), values)

    def _run(self, seed: int, values: dict[str, Any]) -> Result:
        raise NotImplementedError

    def summary(self, result: Result) -> str:
        """One plain sentence (or two) with the run's main figures."""
        return f"{self.title}: run with seed {result.seed}."

    def charts(self, result: Result) -> tuple[Chart, ...]:
        """The data of the live plot, one :class:`Chart` per panel."""
        return ()

    def view(self, result: Result) -> View | None:
        """A small sample network for the run's parameters, or None."""
        return None


def circle_positions(nodes, radius: int = 300) -> dict:
    """Positions of ``nodes`` evenly around a circle, the first at the top.

    Examples
    --------
    >>> circle_positions(["a", "b"])
    {'a': (0, -300), 'b': (0, 300)}
    """
    nodes = list(nodes)
    out = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(len(nodes), 1)
        out[node] = (int(round(radius * math.sin(angle))), int(round(-radius * math.cos(angle))))
    return out


def spring_positions(graph: nx.Graph, seed: int = 7, radius: int = 300) -> dict:
    """Seeded spring-layout positions as integers within ±``radius`` (the renderer's scale).

    Isolated people and small groups would drift to the edge of a spring
    layout and squeeze everyone else into a blob, so for the layout only each
    smaller component is tied to a node of the largest one.

    Examples
    --------
    >>> spring_positions(nx.path_graph(3)) == spring_positions(nx.path_graph(3))
    True
    """
    n = graph.number_of_nodes()
    if n < 2:
        return {node: (0, 0) for node in graph}
    layout = nx.Graph(graph)
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))[0]))
    anchors = sorted(parts[0], key=str)
    for i, part in enumerate(parts[1:]):
        layout.add_edge(sorted(part, key=str)[0], anchors[(7 * i) % len(anchors)])
    raw = nx.spring_layout(layout, seed=seed, iterations=100, k=1.8 / math.sqrt(n))
    spread = max(max(abs(x), abs(y)) for x, y in raw.values()) or 1.0
    return {v: (int(round(raw[v][0] / spread * radius)), int(round(raw[v][1] / spread * radius))) for v in graph}


def rng_for(seed: int, *stream: int) -> np.random.Generator:
    """An independent random generator for one part of a run (seed plus stream numbers).

    Examples
    --------
    >>> float(rng_for(1, 2).random()) == float(rng_for(1, 2).random())
    True
    """
    return np.random.default_rng([seed, *stream])


def int_seed(rng: np.random.Generator) -> int:
    """A seed for a networkx generator, drawn from ``rng``."""
    return int(rng.integers(0, 2**31 - 1))
