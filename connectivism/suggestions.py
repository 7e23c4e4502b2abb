"""Suggestions: plain-language next steps derived from a network's measures.

Each rule is a small function of a network and its
:class:`~connectivism.measures.NetworkMeasures`. It returns zero or more
:class:`Suggestion` records, each naming the principle behind it and the
nodes it is about. Its docstring says when it fires and when it must not.
:func:`suggest` runs the rules in :data:`RULES` order (their priority) and
keeps at most :data:`MAX_SUGGESTIONS`.

The texts live in :mod:`connectivism.messages` (keys ``suggest.*``); this
module only chooses keys and fills in names, numbers and dates. The tone is a
colleague's: specific, warm, about the next step, never about failing.

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> for s in suggest(net, as_of=net.metadata.as_of):
...     print(s.rule, "|", s.principle, "|", s.nodes[:2])
stale | Principle 5: nurturing connections | ('Dr Okafor', "Physics teachers' network")
only_route | Principle 4: capacity to know more | ('Lena', 'Video channel of classroom demonstrations')
no_new_ties | Downes: openness | ('Feed reader',)
introduce | Downes: connectivity | ('Science department', 'Online forum for science teachers')
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from connectivism.measures import NetworkMeasures, measure_all
from connectivism.measures.downes import NEW_TIE_DAYS
from connectivism.measures.view import check_date, check_network
from connectivism.messages import format_date, join_names, text
from connectivism.network import LearningNetwork, normalise_name

__all__ = [
    "Suggestion",
    "suggest",
    "RULES",
    "MAX_SUGGESTIONS",
    "NAMES_SHOWN",
    "OWN_FIELD_SHARE",
    "OTHERS_STARTED_SHARE",
    "MIN_TIES_TO_JUDGE",
    "rule_no_ties",
    "rule_unreachable",
    "rule_stale",
    "rule_only_route",
    "rule_own_field",
    "rule_no_nonhuman",
    "rule_no_new_ties",
    "rule_others_started",
    "rule_introduce",
]

#: Most suggestions :func:`suggest` returns.
MAX_SUGGESTIONS = 6
#: Most names listed in one suggestion before "and N more".
NAMES_SHOWN = 4
#: :func:`rule_own_field` fires at or above this homophily.
OWN_FIELD_SHARE = 0.5
#: :func:`rule_others_started` fires below this share of self-started ties.
OTHERS_STARTED_SHARE = 0.4
#: Rules that judge a proportion of ties need at least this many data points.
MIN_TIES_TO_JUDGE = 3
#: Kinds that can be introduced to each other.
_HUMAN = ("person", "community")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One next step for the learner.

    Attributes
    ----------
    rule : str
        The id of the rule that made it (``"stale"``, ``"only_route"`` ...).
    principle : str
        The principle or property behind it, as a label such as
        "Principle 5: nurturing connections" or "Downes: openness".
    text : str
        The suggestion itself, in plain language.
    nodes : tuple of str
        The nodes it is about, most important first (may be empty).
    principle_key : str
        The message key of the principle's label (``"principle.5"``,
        ``"downes.openness"``), for grouping and translation.
    """

    rule: str
    principle: str
    text: str
    nodes: tuple[str, ...]
    principle_key: str = ""


def _make(rule: str, principle_key: str, message: str, nodes, language: str | None, **fields) -> Suggestion:
    return Suggestion(
        rule, text(principle_key, language), text(message, language, **fields), tuple(nodes), principle_key
    )


def _names(names, language: str | None) -> str:
    return join_names(names, language, limit=NAMES_SHOWN)


def _percent(share: float, language: str | None) -> str:
    return text("percent", language, value=round(share * 100))


# --- the rules, in priority order --------------------------------------------------


def rule_no_ties(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when "me" has no ties at all; must not fire once "me" has one tie.

    Principle 2 (learning connects specialised sources). Names no nodes (any
    untied nodes are named by :func:`rule_unreachable`).

    Examples
    --------
    >>> m = measure_all(LearningNetwork("Me"), as_of="2026-10-01")
    >>> [s.rule for s in rule_no_ties(LearningNetwork("Me"), m)]
    ['no_ties']
    """
    if m.contacts:
        return []
    return [_make("no_ties", "principle.2", "suggest.no_ties", (), language)]


def rule_unreachable(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when some nodes have no path to "me"; must not fire when every node is reachable.

    Principle 2 (learning connects specialised sources). Names the unreachable
    nodes in network order.
    """
    if not m.unreachable:
        return []
    return [
        _make(
            "unreachable",
            "principle.2",
            "suggest.unreachable",
            m.unreachable,
            language,
            names=_names(m.unreachable, language),
        )
    ]


def rule_stale(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when a tie of "me" has had no contact for more than ``m.stale_after_days``.

    Must not fire when every dated tie is more recent, or when no tie has a
    last-contact date (missing dates are not evidence of neglect).
    Principle 5 (nurturing connections). Names the stale contacts, strongest
    tie first (then longest quiet, then network order), and suggests starting
    with the first.
    """
    if not m.stale:
        return []
    ordered = sorted(m.stale, key=lambda a: (-a.strength, -a.days))  # stable: network order last
    names = [a.name for a in ordered]
    first = ordered[0]
    key = "suggest.stale.one" if len(ordered) == 1 else "suggest.stale.many"
    return [
        _make(
            "stale",
            "principle.5",
            key,
            names,
            language,
            names=_names(names, language),
            first=first.name,
            days=first.days,
            limit=round(m.stale_after_days),
        )
    ]


def rule_only_route(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when one contact is "me"'s only route to other sources (a cut point).

    Must not fire when no node other than "me" is an articulation point (every
    source can be reached another way). Speaks for the cut point that cuts off
    most; when its loss would take whole fields with it, the label is
    principle 6 (seeing connections between fields) and the text names the
    fields; otherwise principle 4 (capacity to know more). Names the cut point,
    then what it cuts off; suggests a direct tie to the source behind it that
    the cut point is most strongly tied to.
    """
    if not m.cut_points:
        return []
    point = m.cut_points[0]
    nodes = (point.node, *point.cut_off)
    strength = {(t.b if t.a == point.node else t.a): t.strength for t in net.ties if point.node in (t.a, t.b)}
    first = min(point.cut_off, key=lambda n: -strength.get(n, 0))  # min is stable: network order breaks ties
    common = dict(node=point.node, cut_off=_names(point.cut_off, language), first=first)
    if point.topics_lost:
        return [
            _make(
                "only_route",
                "principle.6",
                "suggest.only_route.topics",
                nodes,
                language,
                topics=join_names(point.topics_lost, language),
                **common,
            )
        ]
    return [_make("only_route", "principle.4", "suggest.only_route", nodes, language, **common)]


def rule_own_field(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when at least :data:`OWN_FIELD_SHARE` of "me"'s contacts are in "me"'s own field.

    Must not fire when homophily is lower, when it cannot be computed ("me"
    has no topic, or no contact has one), or when fewer than
    :data:`MIN_TIES_TO_JUDGE` contacts have a topic. Principle 1 (diversity of
    opinions). Names the contacts in the same field.
    """
    if m.homophily is None or m.compared_fields < MIN_TIES_TO_JUDGE or m.homophily < OWN_FIELD_SHARE:
        return []
    return [
        _make(
            "own_field",
            "principle.1",
            "suggest.own_field",
            m.same_field,
            language,
            percent=_percent(m.homophily, language),
            field=m.my_field,
            names=_names(m.same_field, language),
        )
    ]


def rule_no_nonhuman(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when "me" has ties but none to a resource or a tool.

    Must not fire when "me" has no ties (see :func:`rule_no_ties`) or is tied
    to at least one resource or tool. Principle 3 (learning may reside in
    non-human appliances). Names no nodes.
    """
    if not m.contacts or m.nonhuman_strength_share > 0:
        return []
    return [_make("no_nonhuman", "principle.3", "suggest.no_nonhuman", (), language)]


def rule_no_new_ties(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when no tie of "me" began in the year before ``as_of``.

    Needs at least :data:`MIN_TIES_TO_JUDGE` ties with a ``since`` date and
    none of them newer than :data:`~connectivism.measures.downes.NEW_TIE_DAYS`
    days; must not fire otherwise (a new tie exists, or too few dates to
    judge). Downes' openness. Names the newest contact.
    """
    dated = sum(1 for t in net.ties if m.me in (t.a, t.b) and t.since is not None)
    if dated < MIN_TIES_TO_JUDGE or m.newest_since is None:
        return []
    if (m.as_of - m.newest_since).days < NEW_TIE_DAYS:
        return []
    return [
        _make(
            "no_new_ties",
            "downes.openness",
            "suggest.no_new_ties",
            (m.newest_contact,),
            language,
            node=m.newest_contact,
            date=format_date(m.newest_since, language),
        )
    ]


def rule_others_started(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when fewer than :data:`OTHERS_STARTED_SHARE` of "me"'s ties were started by "me".

    Uses the self-direction part of the Downes profile (``initiated_by`` "me"
    or "both"); needs at least :data:`MIN_TIES_TO_JUDGE` ties with
    ``initiated_by`` recorded. Must not fire with fewer records or a higher
    share. Downes' autonomy. Names the contacts who started their tie.
    """
    recorded = sum(1 for t in net.ties if m.me in (t.a, t.b) and t.initiated_by is not None)
    share = m.downes.self_direction
    if recorded < MIN_TIES_TO_JUDGE or share is None or share >= OTHERS_STARTED_SHARE:
        return []
    return [
        _make(
            "others_started",
            "downes.autonomy",
            "suggest.others_started",
            m.started_by_others,
            language,
            names=_names(m.started_by_others, language),
        )
    ]


def rule_introduce(net: LearningNetwork, m: NetworkMeasures, language: str | None = None) -> list[Suggestion]:
    """Fires when two of "me"'s contacts could be introduced to each other.

    A pair qualifies when both are people or communities, both have the same
    topic, that topic is *not* "me"'s own field (colleagues in one's own
    field usually know each other already), and they have no tie.
    Must not fire when no pair qualifies. Speaks for the first pair in
    network order.
    Downes' connectivity. Names the pair.
    """
    mine = normalise_name(m.my_field) if m.my_field else ""
    nodes = {n.name: n for n in net.nodes}
    by_topic: dict[str, list[str]] = {}
    for name in m.contacts:
        node = nodes[name]
        key = normalise_name(node.topic) if node.topic else ""
        if node.kind in _HUMAN and key and key != mine:
            by_topic.setdefault(key, []).append(name)
    if not any(len(group) > 1 for group in by_topic.values()):
        return []
    order = {name: i for i, name in enumerate(nodes)}
    tied = {frozenset((t.a, t.b)) for t in net.ties}
    pairs = []
    for group in by_topic.values():
        group.sort(key=order.__getitem__)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if frozenset((a, b)) not in tied:
                    pairs.append((order[a], order[b], a, b))
                    break
    if not pairs:
        return []
    _, _, a, b = min(pairs)
    return [
        _make(
            "introduce",
            "downes.connectivity",
            "suggest.introduce",
            (a, b),
            language,
            first=a,
            second=b,
            topic=nodes[a].topic,
        )
    ]


#: The rules, in priority order.
RULES: tuple[Callable[..., list[Suggestion]], ...] = (
    rule_no_ties,
    rule_unreachable,
    rule_stale,
    rule_only_route,
    rule_own_field,
    rule_no_nonhuman,
    rule_no_new_ties,
    rule_others_started,
    rule_introduce,
)


def suggest(
    net: LearningNetwork,
    *,
    as_of: datetime.date | str,
    measures: NetworkMeasures | None = None,
    language: str | None = None,
    limit: int = MAX_SUGGESTIONS,
) -> list[Suggestion]:
    """Return plain-language next steps for a learning network, most important first.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at.
    measures : NetworkMeasures, optional
        The network's measures, if already computed with
        :func:`~connectivism.measures.measure_all` for the same `as_of`;
        computed here otherwise.
    language : str, optional
        Language of the texts (see :mod:`connectivism.messages`).
    limit : int, optional
        Most suggestions to return (default :data:`MAX_SUGGESTIONS`).

    Returns
    -------
    list of Suggestion
        In :data:`RULES` order; deterministic (the same network and date
        always give the same list).

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork or `as_of` is not a date.
    ValueError
        If `measures` were computed for another date or another learner.

    Notes
    -----
    Each rule reads only the measures (and, for names and topics, the
    network). The thresholds are module constants: :data:`OWN_FIELD_SHARE`,
    :data:`OTHERS_STARTED_SHARE`, :data:`MIN_TIES_TO_JUDGE`, and the
    ``stale_after_days`` the measures were computed with.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.connect("Me", "Ada", last_contact="2025-01-01")
    >>> for s in suggest(net, as_of="2026-10-01"):
    ...     print(s.rule, s.nodes)
    stale ('Ada',)
    no_nonhuman ()
    """
    check_network(net)
    if measures is None:
        measures = measure_all(net, as_of=as_of)
    else:
        if measures.as_of != check_date(as_of):
            raise ValueError(
                f"the measures were computed as of {measures.as_of}, not {as_of}: "
                "compute them for the same date, or leave measures out"
            )
        if measures.me != net.me:
            raise ValueError(f"the measures are for {measures.me!r}, not for this network's {net.me!r}")
    found: list[Suggestion] = []
    for rule in RULES:
        found.extend(rule(net, measures, language))
    return found[:limit]
