"""Currency: how recently the learner was in touch with each source.

Siemens' fifth principle asks learners to nurture and maintain connections;
the seventh makes currency (accurate, up-to-date knowledge) the intent of
connectivist learning. Siemens (2005), quoting Gonzalez (2004), speaks of the
*half-life* of knowledge. This module counts the days since the last contact
on each of the learner's ties, turns them into a half-life-weighted
**freshness** score, and lists **stale** ties.

Every function takes the date the network is read at (``as_of``) explicitly:
measures never use today's date, so the same network gives the same figures
tomorrow. A network's own date is ``net.metadata.as_of``.

Examples
--------
>>> import datetime
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> day = net.metadata.as_of
>>> day
datetime.date(2026, 10, 1)
>>> round(freshness(net, day), 2)
0.82
>>> [(t.name, t.days) for t in stale_ties(net, day)]
[("Physics teachers' network", 315), ('Online forum for science teachers', 259), ('Dr Okafor', 205)]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from connectivism.measures.view import NetworkView, age_in_days, check_date, check_days
from connectivism.network import LearningNetwork

__all__ = [
    "TieAge",
    "tie_ages",
    "freshness",
    "stale_ties",
    "DEFAULT_HALF_LIFE_DAYS",
    "DEFAULT_STALE_DAYS",
    "tie_ages_from_view",
    "freshness_from_ages",
    "stale_from_ages",
]

#: Default half-life of a tie's freshness, in days (about six months).
DEFAULT_HALF_LIFE_DAYS = 180
#: Default age, in days, after which a tie counts as stale (about six months).
DEFAULT_STALE_DAYS = 180


@dataclass(frozen=True, slots=True)
class TieAge:
    """The age of one of the learner's ties.

    Attributes
    ----------
    name : str
        The contact at the other end of the tie.
    days : int or None
        Whole days from the last contact to ``as_of``; None when the last
        contact is not recorded. A last contact after ``as_of`` counts as 0.
    strength : int
        The tie's strength, 1–5.
    last_contact : datetime.date or None
        The recorded date.
    """

    name: str
    days: int | None
    strength: int
    last_contact: datetime.date | None


def tie_ages_from_view(view: NetworkView, as_of: datetime.date) -> tuple[TieAge, ...]:
    """:func:`tie_ages` of a shared :class:`~connectivism.measures.view.NetworkView` (``as_of`` a date)."""
    return tuple(
        TieAge(name, age_in_days(tie.last_contact, as_of), tie.strength, tie.last_contact) for name, tie in view.my_ties
    )


def freshness_from_ages(ages: tuple[TieAge, ...], half_life: float) -> float | None:
    """:func:`freshness` of ages already computed by :func:`tie_ages` (``half_life`` checked)."""
    dated = [a for a in ages if a.days is not None]
    if not dated:
        return None
    weight = sum(a.strength for a in dated)
    return sum(a.strength * 2.0 ** (-a.days / half_life) for a in dated) / weight  # type: ignore[operator]


def stale_from_ages(ages: tuple[TieAge, ...], older_than: float) -> tuple[TieAge, ...]:
    """:func:`stale_ties` of ages already computed by :func:`tie_ages`, longest first."""
    stale = [a for a in ages if a.days is not None and a.days > older_than]
    return tuple(sorted(stale, key=lambda a: -a.days))  # type: ignore[operator]  # stable: ties keep network order


def tie_ages(net: LearningNetwork, as_of: datetime.date | str) -> tuple[TieAge, ...]:
    """Return the days since the last contact on each of the learner's ties.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at ("YYYY-MM-DD" accepted).

    Returns
    -------
    tuple of TieAge
        One per tie of "me", in the network's tie order.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork or `as_of` is not a date.
    ValueError
        If `as_of` is a string that is not a YYYY-MM-DD date.

    See Also
    --------
    freshness, stale_ties

    Notes
    -----
    Principle 5 (nurturing and maintaining connections) (Siemens 2005).
    :math:`a_j = \\max(0, \\text{as\\_of} - \\text{last\\_contact}_j)` in days.
    Only "me"'s own ties count: those are the ones the learner can nurture.

    Edge cases: a missing last contact gives ``days=None``; a last contact
    after `as_of` gives 0 (the network is read as it stood on `as_of`). With
    only "me", or no ties, the result is empty.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("Bo", "person")
    >>> _ = net.connect("Me", "Ada", strength=4, last_contact="2026-09-01")
    >>> _ = net.connect("Me", "Bo", strength=2)
    >>> [(t.name, t.days) for t in tie_ages(net, "2026-10-01")]
    [('Ada', 30), ('Bo', None)]
    """
    return tie_ages_from_view(NetworkView(net), check_date(as_of))


def freshness(
    net: LearningNetwork, as_of: datetime.date | str, half_life_days: float = DEFAULT_HALF_LIFE_DAYS
) -> float | None:
    """Return the strength-weighted freshness of the learner's ties, 0–1.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at.
    half_life_days : float, optional
        Days after which a tie's freshness halves (default 180).

    Returns
    -------
    float or None
        1.0 when every dated tie was in contact on `as_of`, falling towards 0
        as contacts age; None when no tie of "me" has a last-contact date.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork, `as_of` is not a date or
        `half_life_days` is not a number.
    ValueError
        If `half_life_days` is not positive and finite.

    See Also
    --------
    tie_ages, stale_ties

    Notes
    -----
    Principle 7 (currency is the intent of connectivist learning) and
    principle 5 (nurturing connections) (Siemens 2005). Knowledge is modelled
    as decaying exponentially with a half-life :math:`T_{1/2}`, as Siemens
    (2005) does after Gonzalez (2004):

    .. math:: F = \\frac{\\sum_j s_j \\, 2^{-a_j / T_{1/2}}}{\\sum_j s_j}

    over "me"'s ties *j* with a last-contact date, where :math:`s_j` is the
    strength and :math:`a_j` the age in days (:func:`tie_ages`). Stronger ties
    weigh more: a strong tie gone quiet costs more currency than a weak one.

    Edge cases: ties without a last-contact date are left out (their age is
    unknown, not old). None when no tie is dated, including only "me" and
    "me" without ties.

    References
    ----------
    G. Siemens (2005), "Connectivism: A learning theory for the digital age",
    *International Journal of Instructional Technology and Distance
    Learning* 2(1).

    Examples
    --------
    One tie contacted today (strength 1), one 180 days ago (strength 3):
    (1·1 + 3·0.5) / 4 = 0.625.

    >>> net = LearningNetwork("Me")
    >>> _ = net.add("Ada", "person")
    >>> _ = net.add("Bo", "person")
    >>> _ = net.connect("Me", "Ada", strength=1, last_contact="2026-10-01")
    >>> _ = net.connect("Me", "Bo", strength=3, last_contact="2026-04-04")
    >>> freshness(net, "2026-10-01")
    0.625
    >>> freshness(LearningNetwork("Me"), "2026-10-01") is None
    True
    """
    return freshness_from_ages(
        tie_ages_from_view(NetworkView(net), check_date(as_of)), check_days(half_life_days, "half_life_days")
    )


def stale_ties(
    net: LearningNetwork, as_of: datetime.date | str, older_than_days: float = DEFAULT_STALE_DAYS
) -> tuple[TieAge, ...]:
    """Return the learner's ties not in contact for more than `older_than_days`.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at.
    older_than_days : float, optional
        A tie is stale when its last contact is *more* than this many days
        before `as_of` (default 180).

    Returns
    -------
    tuple of TieAge
        Oldest first; ties of the same age in network order.

    Raises
    ------
    TypeError, ValueError
        As :func:`freshness`, for `older_than_days`.

    See Also
    --------
    tie_ages, freshness

    Notes
    -----
    Principle 5 (nurturing and maintaining connections) (Siemens 2005).
    :math:`\\{j \\in N(me) : a_j > \\text{older\\_than\\_days}\\}`. Ties without
    a last-contact date are never listed (nothing says they are stale). Empty
    with only "me" or no ties.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> for name, date in [("Ada", "2026-09-01"), ("Bo", "2025-01-01"), ("Cy", "2026-04-04")]:
    ...     _ = net.add(name, "person")
    ...     _ = net.connect("Me", name, last_contact=date)
    >>> [(t.name, t.days) for t in stale_ties(net, "2026-10-01")]
    [('Bo', 638)]
    >>> [t.name for t in stale_ties(net, "2026-10-01", older_than_days=179)]
    ['Bo', 'Cy']
    """
    ages = tie_ages_from_view(NetworkView(net), check_date(as_of))
    return stale_from_ages(ages, check_days(older_than_days, "older_than_days"))
