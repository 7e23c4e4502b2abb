"""How each measure's value is written in the measures table: one formatter per measure.

Each measure of :data:`connectivism.measures.report.GROUPS` registers a
:data:`Formatter` with :func:`formats`, beside the others here, instead of a
branch in one long chain; ``tests/test_measures_report.py`` fails if a
measure of :data:`~connectivism.measures.MEASURE_INFO` shown in the table
has none. Values are rounded here, and only here; every word comes from
:mod:`connectivism.messages`.

Examples
--------
>>> from connectivism.examples import load_example
>>> from connectivism.measures import measure_all
>>> net = load_example("teacher")
>>> FORMATTERS["reach"](measure_all(net, as_of=net.metadata.as_of), None)
('one step: 12 sources in 7 fields; two steps: 13 sources in 7 fields', {})
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from connectivism.errors import MeasureArgumentError
from connectivism.measures import MEASURE_INFO, NetworkMeasures
from connectivism.messages import join_names, text

__all__ = ["Formatter", "FORMATTERS", "formats", "number"]


def number(value: float | None, places: int = 2, language: str | None = None) -> str:
    """`value` with `places` decimals, or "not enough data" for None."""
    if value is None:
        return text("not_available", language)
    return f"{value:.{places}f}"


def _pct(value: float, language: str | None) -> str:
    return text("percent", language, value=round(value * 100))


def _names(names: Iterable[str], language: str | None, limit: int | None = 6) -> str:
    names = list(names)
    return join_names(names, language, limit=limit) if names else text("none", language)


def _kind_counts(m: NetworkMeasures, language: str | None) -> str:
    parts = [text(f"count.kind.{kind}.{'one' if n == 1 else 'many'}", language, n=n) for kind, n in m.kind_counts]
    return join_names(parts, language)


def _most_bits(n: int, possible: float) -> str:
    most = min(n, possible)
    return f"{math.log2(most):.2f}" if most >= 1 else "0.00"


#: How a measure's value is written: ``(measures, language) -> (value, fields of its explanation)``.
Formatter = Callable[[NetworkMeasures, "str | None"], tuple[str, dict[str, object]]]

#: Measure id (a key of :data:`~connectivism.measures.MEASURE_INFO`) → its :data:`Formatter`, one per
#: measure of :data:`~connectivism.measures.report.GROUPS`, registered with :func:`formats`.
FORMATTERS: dict[str, Formatter] = {}


def formats(measure: str) -> Callable[[Formatter], Formatter]:
    """Register the decorated function as the :data:`Formatter` of `measure`.

    Raises
    ------
    KeyError
        If `measure` is not in :data:`~connectivism.measures.MEASURE_INFO`.
    MeasureArgumentError
        If it already has a formatter (also a ``ValueError``).
    """
    if measure not in MEASURE_INFO:
        raise KeyError(f"no measure {measure!r} in MEASURE_INFO")
    if measure in FORMATTERS:
        raise MeasureArgumentError(f"measure {measure!r} already has a formatter")

    def register(formatter: Formatter) -> Formatter:
        FORMATTERS[measure] = formatter
        return formatter

    return register


@formats("kinds")
def _kinds(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    value = text(
        "measure.kinds.value",
        language,
        counts=_kind_counts(m, language),
        entropy=number(m.kind_entropy),
        most=_most_bits(m.n_nodes, 4),
        blau=number(m.kind_blau),
    )
    return value, {}


@formats("fields")
def _fields(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    total = sum(n for _, n in m.topic_counts)
    if not total:
        return text("not_available", language), {}
    top_name, top_n = m.topic_counts[0]
    value = text(
        "measure.fields.value",
        language,
        count=len(m.topic_counts),
        total=total,
        top=text("report.count_in", language, name=top_name, count=top_n),
        entropy=number(m.topic_entropy),
        most=_most_bits(total, math.inf),
        blau=number(m.topic_blau),
    )
    return value, {}


@formats("homophily")
def _homophily(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    explain = {"field": m.my_field or text("none", language)}
    if m.homophily is None:
        return text("not_available", language), explain
    names = text("measure.homophily.names", language, names=_names(m.same_field, language)) if m.same_field else ""
    value = text(
        "measure.homophily.value",
        language,
        percent=_pct(m.homophily, language),
        same=len(m.same_field),
        compared=m.compared_fields,
        names=names,
    )
    return value, explain


@formats("reach")
def _reach(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    value = text(
        "measure.reach.value", language, n1=len(m.reach_1), t1=len(m.topics_1), n2=len(m.reach_2), t2=len(m.topics_2)
    )
    return value, {}


@formats("unreachable")
def _unreachable(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    return _names(m.unreachable, language), {}


@formats("betweenness")
def _betweenness(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    return number(m.betweenness), {}


@formats("constraint")
def _constraint(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    return number(m.constraint, language=language), {}


@formats("effective_size")
def _effective_size(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    value = text(
        "measure.effective_size.value",
        language,
        value=number(m.effective_size, 1),
        contacts=len(m.contacts),
        among=m.ties_among_contacts,
    )
    return value, {}


@formats("cut_points")
def _cut_points(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    items = [
        text(
            "measure.cut_points.item_topics" if point.topics_lost else "measure.cut_points.item",
            language,
            node=point.node,
            cut_off=_names(point.cut_off, language),
            topics=join_names(point.topics_lost, language),
        )
        for point in m.cut_points
    ]
    return (text("list.items", language).join(items) if items else text("none", language)), {}


@formats("bridges")
def _bridges(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    items = [text("measure.bridges.item", language, near=b.near, far=b.far) for b in m.bridges]
    if not items:
        return text("none", language), {}
    return text("measure.bridges.value", language, count=len(items), items=_names(items, language)), {}


@formats("nonhuman")
def _nonhuman(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    value = text(
        "measure.nonhuman.value",
        language,
        nodes=_pct(m.nonhuman_node_share, language),
        count=len(m.nonhuman),
        total=m.n_nodes,
        strength=_pct(m.nonhuman_strength_share, language),
    )
    return value, {}


@formats("tie_ages")
def _tie_ages(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    dated = [a for a in m.tie_ages if a.days is not None]
    if not dated:
        return text("not_available", language), {}
    oldest = max(dated, key=lambda a: a.days)  # type: ignore[arg-type,return-value]
    value = text("measure.tie_ages.value", language, median=f"{m.median_age:g}", oldest=oldest.days, name=oldest.name)
    return value, {}


@formats("freshness")
def _freshness(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    return number(m.freshness, language=language), {"half_life": f"{m.half_life_days:g}"}


@formats("stale")
def _stale(m: NetworkMeasures, language: str | None) -> tuple[str, dict[str, object]]:
    items = [text("measure.stale.item", language, name=a.name, days=a.days) for a in m.stale]
    return (_names(items, language) if items else text("none", language)), {"limit": f"{m.stale_after_days:g}"}
