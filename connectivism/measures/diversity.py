"""Diversity: how varied a learner's sources are, in kind and in field.

Siemens' first principle says that learning and knowledge rest in a diversity
of opinions. A network cannot show opinions, but it shows two things that go
with them: the *kinds* of source (people, communities, resources, tools) and
their *fields* (each node's topic). This module measures how evenly the
sources are spread over both, and how many of the learner's own ties stay
inside the learner's own field (**homophily**).

Why this module is long: the two indices (:func:`shannon_entropy`,
:func:`blau_index`) and the three measures built on them each carry their
definition, notes on how to read them and a worked example with checked
numbers; the code itself is short and kept beside what it computes.

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> round(kind_diversity(net).entropy, 2), round(kind_diversity(net).blau, 2)
(1.92, 0.72)
>>> h = homophily(net)
>>> h.field, h.same_field, round(h.share, 2)
('physics teaching', ('Lena', "Physics teachers' network"), 0.17)
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from connectivism.errors import MeasureArgumentError
from connectivism.measures.view import SOURCE_KINDS, NetworkView
from connectivism.network import LearningNetwork

__all__ = [
    "SourceDiversity",
    "Homophily",
    "shannon_entropy",
    "blau_index",
    "spread",
    "kind_diversity",
    "topic_diversity",
    "homophily",
    "kind_diversity_from_view",
    "topic_diversity_from_view",
    "homophily_from_view",
]


@dataclass(frozen=True, slots=True)
class SourceDiversity:
    """How evenly a set of sources is spread over categories.

    Attributes
    ----------
    counts : tuple of (str, int)
        Each category and how many sources are in it. For kinds: all four
        kinds in the kit's order, zeros included. For fields: the fields that
        occur, most common first (ties in network order).
    total : int
        Sources counted (the sum of the counts).
    entropy : float
        Shannon entropy in bits.
    blau : float
        Blau's index of heterogeneity.
    normalised : float
        ``entropy`` divided by the largest entropy possible for ``total``
        sources in these categories; 0.0 when no spread is possible.
    """

    counts: tuple[tuple[str, int], ...]
    total: int
    entropy: float
    blau: float
    normalised: float


@dataclass(frozen=True, slots=True)
class Homophily:
    """The share of the learner's ties that stay inside the learner's own field.

    Attributes
    ----------
    field : str
        The learner's own topic ("" if none is given).
    share : float or None
        ``len(same_field) / compared``; None when it cannot be said (the
        learner has no topic, or no contact has one).
    same_field : tuple of str
        The learner's contacts in the same field, in network order.
    compared : int
        The learner's contacts that have a topic.
    """

    field: str
    share: float | None
    same_field: tuple[str, ...]
    compared: int


def shannon_entropy(counts) -> float:
    """Return the Shannon entropy, in bits, of a list of category counts.

    Parameters
    ----------
    counts : iterable of int
        How many items fall in each category; zeros are allowed and ignored.

    Returns
    -------
    float
        :math:`H = -\\sum_i p_i \\log_2 p_i` with :math:`p_i = n_i / N`;
        0.0 when there are no items or only one category.

    Raises
    ------
    ValueError
        If a count is negative.

    Notes
    -----
    *H* is the average surprise of learning which category a randomly picked
    item is in. It is 0 when all items are in one category and
    :math:`\\log_2 k` when they are spread evenly over *k* categories
    (Shannon 1948).

    References
    ----------
    C. E. Shannon (1948), "A mathematical theory of communication", *Bell
    System Technical Journal* 27(3), 379–423.

    Examples
    --------
    >>> shannon_entropy([1, 1])
    1.0
    >>> shannon_entropy([2, 1, 1])
    1.5
    >>> shannon_entropy([5]), shannon_entropy([])
    (0.0, 0.0)
    """
    values = [int(c) for c in counts]
    if any(c < 0 for c in values):
        raise MeasureArgumentError(f"counts cannot be negative: {values}", field="counts", value=values)
    total = sum(values)
    if total == 0:
        return 0.0
    h = -sum((c / total) * math.log2(c / total) for c in values if c)
    return h if h > 0 else 0.0


def blau_index(counts) -> float:
    """Return Blau's index of heterogeneity of a list of category counts.

    Parameters
    ----------
    counts : iterable of int
        How many items fall in each category; zeros are allowed.

    Returns
    -------
    float
        :math:`B = 1 - \\sum_i p_i^2`; 0.0 when there are no items.

    Raises
    ------
    ValueError
        If a count is negative.

    Notes
    -----
    *B* is the chance that two items drawn at random (with replacement) are in
    different categories. Its largest value for *k* categories is
    :math:`1 - 1/k` (Blau 1977).

    References
    ----------
    P. M. Blau (1977), *Inequality and Heterogeneity: A Primitive Theory of
    Social Structure*. New York: Free Press.

    Examples
    --------
    >>> blau_index([1, 1])
    0.5
    >>> blau_index([2, 1, 1])
    0.625
    >>> blau_index([3]), blau_index([])
    (0.0, 0.0)
    """
    values = [int(c) for c in counts]
    if any(c < 0 for c in values):
        raise MeasureArgumentError(f"counts cannot be negative: {values}", field="counts", value=values)
    total = sum(values)
    if total == 0:
        return 0.0
    return 1.0 - sum((c / total) ** 2 for c in values)


def _diversity(counts: tuple[tuple[str, int], ...], possible: float) -> SourceDiversity:
    values = [c for _, c in counts]
    total = sum(values)
    entropy = shannon_entropy(values)
    most = min(possible, total)
    normalised = entropy / math.log2(most) if most >= 2 else 0.0
    return SourceDiversity(counts, total, entropy, blau_index(values), min(1.0, normalised))


def spread(counts: Iterable[tuple[str, int]], categories: float) -> SourceDiversity:
    """Return how evenly counted items spread over categories.

    The computation behind :func:`kind_diversity` and :func:`topic_diversity`,
    for counts made elsewhere (the facilitator's class network).

    Parameters
    ----------
    counts : iterable of (str, int)
        Each category and how many items are in it, in the order wanted in
        the result.
    categories : int or float
        How many categories are possible (``math.inf`` for open-ended ones
        such as topics): the normalisation divides by
        :math:`\\log_2 \\min(categories, N)` for *N* items.

    Returns
    -------
    SourceDiversity
        With ``normalised`` 0.0 when no spread is possible (fewer than two
        items, or fewer than two possible categories).

    Raises
    ------
    ValueError
        If a count is negative.

    Examples
    --------
    >>> d = spread([("person", 2), ("tool", 2)], 4)
    >>> d.entropy, d.blau, d.normalised
    (1.0, 0.5, 0.5)
    >>> spread([], 4).normalised
    0.0
    """
    return _diversity(tuple(counts), categories)


def kind_diversity_from_view(view: NetworkView) -> SourceDiversity:
    """:func:`kind_diversity` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    found = Counter(view.kind[name] for name in view.others)
    return _diversity(tuple((k, found.get(k, 0)) for k in SOURCE_KINDS), len(SOURCE_KINDS))


def topic_diversity_from_view(view: NetworkView) -> SourceDiversity:
    """:func:`topic_diversity` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    found: Counter[str] = Counter()
    first: dict[str, int] = {}
    for name in view.others:
        key = view.topic_key[name]
        if key:
            found[key] += 1
            first.setdefault(key, view.order[name])
    keys = sorted(found, key=lambda k: (-found[k], first[k]))
    return _diversity(tuple((view.topic_display[k], found[k]) for k in keys), math.inf)


def homophily_from_view(view: NetworkView) -> Homophily:
    """:func:`homophily` of a shared :class:`~connectivism.measures.view.NetworkView`."""
    my_key = view.topic_key[view.me]
    with_topic = [c for c in view.contacts if view.topic_key[c]]
    if not my_key or not with_topic:
        return Homophily(view.topic(view.me), None, (), len(with_topic))
    same = tuple(c for c in with_topic if view.topic_key[c] == my_key)
    return Homophily(view.topic(view.me), len(same) / len(with_topic), view.in_order(same), len(with_topic))


def kind_diversity(net: LearningNetwork) -> SourceDiversity:
    """Return how evenly the network's sources spread over the four kinds.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network. Every node other than "me" counts, whether or
        not it is tied to "me" directly.

    Returns
    -------
    SourceDiversity
        Counts per kind (person, community, resource, tool), Shannon entropy
        (bits), Blau index, and entropy normalised by its largest possible
        value :math:`\\log_2 \\min(4, N)` for *N* sources.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    See Also
    --------
    topic_diversity, shannon_entropy, blau_index

    Notes
    -----
    Principle 1 (diversity of opinions) and principle 3 (learning may reside
    in non-human appliances) (Siemens 2005): a network of
    people only, or of resources only, draws on one way of knowing.

    With :math:`p_k` the share of sources of kind *k*,
    :math:`H = -\\sum_k p_k \\log_2 p_k` (at most 2 bits for four kinds),
    :math:`B = 1 - \\sum_k p_k^2` (at most 0.75), and
    ``normalised`` :math:`= H / \\log_2 \\min(4, N)`.

    Edge cases: only "me" (no sources) gives all zeros; one source gives
    entropy, Blau and normalised 0.0. Disconnected parts count like any other
    node: they are in the learner's picture of their network.

    References
    ----------
    C. E. Shannon (1948), "A mathematical theory of communication", *Bell
    System Technical Journal* 27(3), 379–423.
    P. M. Blau (1977), *Inequality and Heterogeneity: A Primitive Theory of
    Social Structure*. New York: Free Press.
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> for name, kind in [("Ada", "person"), ("Bo", "person"), ("Wiki", "resource"), ("Forum", "community")]:
    ...     _ = net.add(name, kind)
    >>> d = kind_diversity(net)
    >>> d.counts
    (('person', 2), ('community', 1), ('resource', 1), ('tool', 0))
    >>> d.entropy, d.blau, round(d.normalised, 3)
    (1.5, 0.625, 0.75)
    >>> kind_diversity(LearningNetwork("Me")).entropy
    0.0
    """
    return kind_diversity_from_view(NetworkView(net))


def topic_diversity(net: LearningNetwork) -> SourceDiversity:
    """Return how evenly the network's sources spread over fields (topics).

    Parameters
    ----------
    net : LearningNetwork
        The learner's network. Every node other than "me" that has a topic
        counts; topics are compared ignoring case and spacing.

    Returns
    -------
    SourceDiversity
        Counts per field (most common first), Shannon entropy (bits), Blau
        index, and entropy normalised by :math:`\\log_2 N`, the entropy if
        every one of the *N* sources with a topic were in a different field.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    See Also
    --------
    kind_diversity, homophily

    Notes
    -----
    Principle 1 (diversity of opinions) and principle 6 (seeing connections
    between fields) (Siemens 2005).

    :math:`H = -\\sum_f p_f \\log_2 p_f` over fields *f*;
    :math:`B = 1 - \\sum_f p_f^2`; ``normalised`` :math:`= H / \\log_2 N`.
    The number of possible fields is open, so the largest entropy is the one
    where each source has its own field.

    Edge cases: nodes without a topic are left out; no topics at all, or a
    single source, gives zeros.

    References
    ----------
    C. E. Shannon (1948), "A mathematical theory of communication", *Bell
    System Technical Journal* 27(3), 379–423.
    P. M. Blau (1977), *Inequality and Heterogeneity: A Primitive Theory of
    Social Structure*. New York: Free Press.
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> for name, topic in [("Ada", "maths"), ("Bo", "Maths"), ("Cy", "art"), ("Di", "")]:
    ...     _ = net.add(name, "person", topic=topic)
    >>> d = topic_diversity(net)
    >>> d.counts, d.total
    ((('maths', 2), ('art', 1)), 3)
    >>> round(d.entropy, 4), round(d.blau, 4), round(d.normalised, 4)
    (0.9183, 0.4444, 0.5794)
    """
    return topic_diversity_from_view(NetworkView(net))


def homophily(net: LearningNetwork) -> Homophily:
    """Return the share of the learner's ties that stay in the learner's own field.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network; "me"'s topic is the learner's field.

    Returns
    -------
    Homophily
        The field, the share, the contacts in the same field, and how many
        contacts were compared.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork.

    See Also
    --------
    topic_diversity

    Notes
    -----
    Principle 1 (diversity of opinions) (Siemens 2005).
    Sources in one's own field share one's vocabulary and one's blind spots;
    ties that cross fields bring news one's own field does not have
    (Granovetter 1973).

    :math:`h = |\\{j \\in N(me) : t_j = t_{me}\\}| \\, / \\, |\\{j \\in N(me) : t_j \\neq \\varnothing\\}|`
    where :math:`N(me)` are me's direct contacts and :math:`t_j` their
    topics (compared ignoring case and spacing). Contacts without a topic are
    left out: their field is unknown, not different.

    Edge cases: ``share`` is None when "me" has no topic, has no ties, or no
    contact has a topic (nothing to compare). Disconnected parts do not count:
    only direct ties do.

    References
    ----------
    M. McPherson, L. Smith-Lovin & J. M. Cook (2001), "Birds of a feather:
    Homophily in social networks", *Annual Review of Sociology* 27, 415–444.
    M. S. Granovetter (1973), "The strength of weak ties", *American Journal
    of Sociology* 78(6), 1360–1380.
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.edit("Me", topic="physics teaching")
    >>> for name, topic in [("Ada", "physics teaching"), ("Bo", "history"), ("Cy", "")]:
    ...     _ = net.add(name, "person", topic=topic)
    ...     _ = net.connect("Me", name)
    >>> h = homophily(net)
    >>> h.share, h.same_field, h.compared
    (0.5, ('Ada',), 2)
    >>> homophily(LearningNetwork("Me")).share is None
    True
    """
    return homophily_from_view(NetworkView(net))


def __getattr__(name: str):
    # Deprecated names, kept working with a warning.
    if name == "Diversity":
        warnings.warn(
            "connectivism.measures.Diversity is deprecated: use SourceDiversity "
            "(connectivism.models.Diversity is the opinion-diversity model)",
            DeprecationWarning,
            stacklevel=2,
        )
        return SourceDiversity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
