"""Measures of a learning network, in the words of Siemens' principles and Downes' properties.

Pure functions of a :class:`~connectivism.network.LearningNetwork`, one
concept per module:

=================  ==========================================================  ============
Module             Measures                                                    Principles
=================  ==========================================================  ============
``diversity``      :func:`kind_diversity`, :func:`topic_diversity`             1, 3, 6
                   (Shannon entropy, Blau index), :func:`homophily`
``reach``          :func:`reach`, :func:`reach_profile`, :func:`unreachable`   4, 2
``brokerage``      :func:`brokerage` (betweenness, constraint, effective       6, 4
                   size), :func:`bridges_and_cut_points`
``nonhuman``       :func:`nonhuman_share`                                      3
``currency``       :func:`tie_ages`, :func:`freshness`, :func:`stale_ties`     5, 7
``downes``         :func:`downes_profile` (diversity, autonomy, openness,      Downes
                   connectivity)
``report``         tables for notebooks (:mod:`connectivism.measures.report`)  --
``view``           :class:`NetworkView`, the one pass the measures share;      --
                   argument checks
=================  ==========================================================  ============

The functions are re-exported here. Note that ``connectivism.measures.reach``
and ``connectivism.measures.brokerage`` are therefore the *functions*; reach
their modules with ``importlib.import_module("connectivism.measures.reach")``
or ``from connectivism.measures.reach import ...``.

:func:`measure_all` computes every figure at once (sharing the work) into one
:class:`NetworkMeasures`: it builds one
:class:`~connectivism.measures.view.NetworkView` and calls each module's
``*_from_view`` function on it (public, re-exported here, for any code that
needs several measures of one network). :data:`MEASURE_INFO` says which
principle each measure speaks to and where its label and explanation live in
:mod:`connectivism.messages`. :mod:`connectivism.measures.report` turns the
figures into tables for notebooks.

Time is explicit: every date-dependent function takes ``as_of``; nothing here
reads today's date.

Value conventions: ``None`` means the data needed is not in the network
(nothing to compare, no date recorded); ``0.0`` means there is none of the
thing measured. No function returns NaN or divides by zero.

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> m = measure_all(net, as_of=net.metadata.as_of)
>>> len(m.reach_1), len(m.reach_2), round(m.homophily, 2)
(12, 13, 0.17)
>>> [c.node for c in m.cut_points], [t.name for t in m.stale]
(['Lena'], ["Physics teachers' network", 'Online forum for science teachers', 'Dr Okafor'])
"""

from __future__ import annotations

import datetime
import statistics
import warnings
from dataclasses import dataclass

from connectivism.measures.brokerage import (
    Bridge,
    BridgesAndCutPoints,
    Brokerage,
    CutPoint,
    bridges_and_cut_points,
    bridges_and_cut_points_from_view,
    brokerage,
    brokerage_from_view,
)
from connectivism.measures.currency import (
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_STALE_DAYS,
    TieAge,
    freshness,
    freshness_from_ages,
    stale_from_ages,
    stale_ties,
    tie_ages,
    tie_ages_from_view,
)
from connectivism.measures.diversity import (
    Homophily,
    SourceDiversity,
    blau_index,
    homophily,
    homophily_from_view,
    kind_diversity,
    kind_diversity_from_view,
    shannon_entropy,
    topic_diversity,
    topic_diversity_from_view,
)
from connectivism.measures.downes import PROPERTIES, DownesProfile, downes_profile, downes_profile_from_view
from connectivism.measures.nonhuman import NonHumanShare, nonhuman_share, nonhuman_share_from_view
from connectivism.measures.reach import Reach, reach, reach_from_view, reach_profile, unreachable, unreachable_from_view
from connectivism.measures.view import NetworkView, check_date, check_days
from connectivism.network import LearningNetwork

__all__ = [
    "NetworkMeasures",
    "MeasureInfo",
    "MEASURE_INFO",
    "measure_all",
    # diversity
    "SourceDiversity",
    "Homophily",
    "shannon_entropy",
    "blau_index",
    "kind_diversity",
    "topic_diversity",
    "homophily",
    # reach
    "Reach",
    "reach",
    "reach_profile",
    "unreachable",
    # brokerage
    "Brokerage",
    "CutPoint",
    "Bridge",
    "BridgesAndCutPoints",
    "brokerage",
    "bridges_and_cut_points",
    # non-human
    "NonHumanShare",
    "nonhuman_share",
    # currency
    "TieAge",
    "tie_ages",
    "freshness",
    "stale_ties",
    "DEFAULT_HALF_LIFE_DAYS",
    "DEFAULT_STALE_DAYS",
    # Downes
    "DownesProfile",
    "downes_profile",
    "PROPERTIES",
    # the shared view: several measures of one network from one pass
    "NetworkView",
    "kind_diversity_from_view",
    "topic_diversity_from_view",
    "homophily_from_view",
    "reach_from_view",
    "unreachable_from_view",
    "brokerage_from_view",
    "bridges_and_cut_points_from_view",
    "nonhuman_share_from_view",
    "tie_ages_from_view",
    "freshness_from_ages",
    "stale_from_ages",
    "downes_profile_from_view",
]


def __getattr__(name: str):
    # Deprecated names, kept working with a warning.
    if name in ("Diversity", "View"):
        new = {"Diversity": "SourceDiversity", "View": "NetworkView"}[name]
        warnings.warn(
            f"connectivism.measures.{name} is deprecated: use connectivism.measures.{new}",
            DeprecationWarning,
            stacklevel=2,
        )
        return globals()[new]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class MeasureInfo:
    """What a measure is for: its principles, and its texts in :mod:`connectivism.messages`.

    Attributes
    ----------
    id : str
        The measure's id, a key of :data:`MEASURE_INFO`.
    principles : tuple of int
        Siemens' principles (1–8) it speaks to, most direct first.
    downes : tuple of str
        Downes' properties it feeds into.
    fields : tuple of str
        The :class:`NetworkMeasures` fields that hold it.
    label, explanation : str
        Message keys of its short label and its plain-language explanation.
    """

    id: str
    principles: tuple[int, ...]
    downes: tuple[str, ...]
    fields: tuple[str, ...]
    label: str
    explanation: str


def _info(id: str, principles: tuple[int, ...], downes: tuple[str, ...], fields: tuple[str, ...]) -> MeasureInfo:
    return MeasureInfo(id, principles, downes, fields, f"measure.{id}.label", f"measure.{id}.explain")


#: Measure id → :class:`MeasureInfo`, in the order the report shows them.
MEASURE_INFO: dict[str, MeasureInfo] = {
    info.id: info
    for info in [
        _info("kinds", (1, 3), ("diversity",), ("kind_counts", "kind_entropy", "kind_blau", "kind_spread")),
        _info("fields", (1, 6), ("diversity",), ("topic_counts", "topic_entropy", "topic_blau", "topic_spread")),
        _info("homophily", (1,), ("openness",), ("my_field", "homophily", "same_field", "compared_fields")),
        _info("reach", (4, 2), (), ("reach_1", "reach_2", "topics_1", "topics_2")),
        _info("unreachable", (2,), ("connectivity",), ("unreachable",)),
        _info("betweenness", (6,), (), ("betweenness",)),
        _info("constraint", (6,), (), ("constraint",)),
        _info("effective_size", (6,), (), ("effective_size", "ties_among_contacts")),
        _info("cut_points", (4, 6), ("autonomy",), ("cut_points",)),
        _info("bridges", (6,), (), ("bridges",)),
        _info("nonhuman", (3,), (), ("nonhuman_node_share", "nonhuman_strength_share", "nonhuman")),
        _info("tie_ages", (5, 7), (), ("tie_ages", "undated")),
        _info("freshness", (7, 5), (), ("freshness", "half_life_days")),
        _info("stale", (5,), (), ("stale", "stale_after_days")),
        _info("downes.diversity", (1,), ("diversity",), ("downes",)),
        _info("downes.autonomy", (), ("autonomy",), ("downes",)),
        _info("downes.openness", (), ("openness",), ("downes",)),
        _info("downes.connectivity", (2,), ("connectivity",), ("downes",)),
    ]
}


@dataclass(frozen=True, slots=True)
class NetworkMeasures:
    """Every figure the kit shows about one learning network on one date.

    Values are unrounded; round only for display. Names are display names;
    tuples of names are in network order unless said otherwise. See the
    function named in brackets for each figure's definition and edge cases.

    Attributes
    ----------
    me : str
        The learner.
    as_of : datetime.date
        The date the network was read at.
    half_life_days, stale_after_days : float
        The parameters used for ``freshness`` and ``stale``.
    n_nodes : int
        Nodes other than "me".
    n_ties : int
        All ties.
    contacts : tuple of str
        "me"'s direct contacts, in tie order.
    kind_counts, kind_entropy, kind_blau, kind_spread
        Sources per kind, Shannon entropy (bits), Blau index, normalised
        entropy (:func:`kind_diversity`).
    topic_counts, topic_entropy, topic_blau, topic_spread
        The same over fields (:func:`topic_diversity`).
    my_field : str
        "me"'s topic.
    homophily : float or None
        Share of contacts in "me"'s field (:func:`homophily`).
    same_field : tuple of str
        Those contacts.
    compared_fields : int
        Contacts with a topic.
    reach_1, reach_2 : tuple of str
        Sources within one and two steps, nearest first (:func:`reach`).
    topics_1, topics_2 : tuple of str
        Their fields.
    reachable : tuple of str
        Every source "me" can reach, nearest first.
    unreachable : tuple of str
        Sources no path connects to "me" (:func:`unreachable`).
    betweenness, constraint, effective_size, ties_among_contacts
        :func:`brokerage` (``constraint`` None without ties).
    cut_points, bridges
        :func:`bridges_and_cut_points`.
    nonhuman_node_share, nonhuman_strength_share : float
        :func:`nonhuman_share`.
    nonhuman : tuple of str
        The resources and tools.
    tie_ages : tuple of TieAge
        :func:`tie_ages`, in tie order.
    median_age : float or None
        Median of the known ages, in days.
    undated : tuple of str
        Contacts whose tie has no last-contact date.
    freshness : float or None
        :func:`freshness`.
    stale : tuple of TieAge
        :func:`stale_ties`, longest first.
    newest_contact : str or None
        The contact whose tie began most recently (``since``); None if no
        tie has a ``since`` date.
    newest_since : datetime.date or None
        When it began.
    started_by_others : tuple of str
        Contacts whose tie has ``initiated_by == "them"``.
    downes : DownesProfile
        :func:`downes_profile`.
    """

    me: str
    as_of: datetime.date
    half_life_days: float
    stale_after_days: float
    n_nodes: int
    n_ties: int
    contacts: tuple[str, ...]
    kind_counts: tuple[tuple[str, int], ...]
    kind_entropy: float
    kind_blau: float
    kind_spread: float
    topic_counts: tuple[tuple[str, int], ...]
    topic_entropy: float
    topic_blau: float
    topic_spread: float
    my_field: str
    homophily: float | None
    same_field: tuple[str, ...]
    compared_fields: int
    reach_1: tuple[str, ...]
    reach_2: tuple[str, ...]
    topics_1: tuple[str, ...]
    topics_2: tuple[str, ...]
    reachable: tuple[str, ...]
    unreachable: tuple[str, ...]
    betweenness: float
    constraint: float | None
    effective_size: float
    ties_among_contacts: int
    cut_points: tuple[CutPoint, ...]
    bridges: tuple[Bridge, ...]
    nonhuman_node_share: float
    nonhuman_strength_share: float
    nonhuman: tuple[str, ...]
    tie_ages: tuple[TieAge, ...]
    median_age: float | None
    undated: tuple[str, ...]
    freshness: float | None
    stale: tuple[TieAge, ...]
    newest_contact: str | None
    newest_since: datetime.date | None
    started_by_others: tuple[str, ...]
    downes: DownesProfile


def measure_all(
    net: LearningNetwork,
    *,
    as_of: datetime.date | str,
    half_life_days: float = DEFAULT_HALF_LIFE_DAYS,
    stale_after_days: float = DEFAULT_STALE_DAYS,
) -> NetworkMeasures:
    """Compute every measure of a learning network at once.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at; required (use
        ``net.metadata.as_of`` for the network's own date). Only widgets
        default it to today.
    half_life_days : float, optional
        Half-life for :func:`freshness` (default 180).
    stale_after_days : float, optional
        Threshold for :func:`stale_ties` (default 180).

    Returns
    -------
    NetworkMeasures
        Every figure, unrounded.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork or `as_of` is not a date.
    ValueError
        If `as_of` is a malformed string or a number of days is not positive.

    Notes
    -----
    Builds one shared view of the network (adjacency, one breadth-first and
    one depth-first search from "me") and derives every measure from it, so
    the result equals calling each function separately. Betweenness, the
    costliest figure, is exact and computed for "me" only.

    Examples
    --------
    >>> m = measure_all(LearningNetwork("Me"), as_of="2026-10-01")
    >>> m.n_nodes, m.reach_2, m.homophily, m.constraint, m.freshness
    (0, (), None, None, None)
    """
    day = check_date(as_of)
    half_life = check_days(half_life_days, "half_life_days")
    stale_after = check_days(stale_after_days, "stale_after_days")
    view = NetworkView(net)
    kinds = kind_diversity_from_view(view)
    topics = topic_diversity_from_view(view)
    homo = homophily_from_view(view)
    r1, r2 = reach_from_view(view, 1), reach_from_view(view, 2)
    broker = brokerage_from_view(view)
    weak = bridges_and_cut_points_from_view(view)
    nh = nonhuman_share_from_view(view)
    ages = tie_ages_from_view(view, day)
    known = [a.days for a in ages if a.days is not None]
    dated = [(tie.since, view.order[name], name) for name, tie in view.my_ties if tie.since is not None]
    newest = max(dated, key=lambda d: (d[0], -d[1]), default=None)
    return NetworkMeasures(
        me=view.me,
        as_of=day,
        half_life_days=half_life,
        stale_after_days=stale_after,
        n_nodes=len(view.others),
        n_ties=len(net.ties),
        contacts=view.contacts,
        kind_counts=kinds.counts,
        kind_entropy=kinds.entropy,
        kind_blau=kinds.blau,
        kind_spread=kinds.normalised,
        topic_counts=topics.counts,
        topic_entropy=topics.entropy,
        topic_blau=topics.blau,
        topic_spread=topics.normalised,
        my_field=homo.field,
        homophily=homo.share,
        same_field=homo.same_field,
        compared_fields=homo.compared,
        reach_1=r1.nodes,
        reach_2=r2.nodes,
        topics_1=r1.topics,
        topics_2=r2.topics,
        reachable=view.reached_in_order,
        unreachable=unreachable_from_view(view),
        betweenness=broker.betweenness,
        constraint=broker.constraint,
        effective_size=broker.effective_size,
        ties_among_contacts=broker.ties_among_contacts,
        cut_points=weak.cut_points,
        bridges=weak.bridges,
        nonhuman_node_share=nh.node_share,
        nonhuman_strength_share=nh.strength_share,
        nonhuman=nh.nodes,
        tie_ages=ages,
        median_age=float(statistics.median(known)) if known else None,
        undated=tuple(a.name for a in ages if a.days is None),
        freshness=freshness_from_ages(ages, half_life),
        stale=stale_from_ages(ages, stale_after),
        newest_contact=newest[2] if newest else None,
        newest_since=newest[0] if newest else None,
        started_by_others=tuple(name for name, tie in view.my_ties if tie.initiated_by == "them"),
        downes=downes_profile_from_view(view, day),
    )
