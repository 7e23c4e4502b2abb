"""Downes' four properties of a learning network as one profile: diversity, autonomy, openness, connectivity.

Stephen Downes describes knowledge-generating networks by four properties:
**diversity**, **autonomy**, **openness** and **connectivity** (also called
*interactivity*) (Downes 2005; Downes 2012). Mackness, Mak & Williams (2010)
used them to study a connectivist MOOC and found them present but in tension
with each other.

Downes defines them in words, not numbers. The four measures here are **the
kit's own proposals** for reading them off one learner's network, built from
the other measures in this subpackage; they are not Downes' definitions, and
a network can score well on all four and still be a poor place to learn.
Each property is the mean of two parts, each in [0, 1]:

=============  =======================================  ==========================================
Property       Part one                                 Part two
=============  =======================================  ==========================================
diversity      spread over kinds (normalised entropy)   spread over fields (normalised entropy)
autonomy       self-direction: ties "me" started        independence: share of reach that does not
               (alone or jointly)                       hang on a single other node
openness       newness: ties begun in the last year     outwardness: ties outside "me"'s own field
connectivity   cohesion: contacts tied to another       reachability: share of nodes "me" can reach
               contact
=============  =======================================  ==========================================

When one part cannot be computed (its data is not recorded), the property is
the other part; when neither can, it is None.

Examples
--------
>>> from connectivism.examples import load_example
>>> net = load_example("teacher")
>>> p = downes_profile(net, net.metadata.as_of)
>>> [round(v, 2) for v in (p.diversity, p.autonomy, p.openness, p.connectivity)]
[0.84, 0.83, 0.42, 0.96]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from connectivism.measures.diversity import homophily_from_view, kind_diversity_from_view, topic_diversity_from_view
from connectivism.measures.view import NetworkView, age_in_days, check_date
from connectivism.network import LearningNetwork

__all__ = ["DownesProfile", "downes_profile", "PROPERTIES", "NEW_TIE_DAYS", "SELF_STARTED", "downes_profile_from_view"]

#: The four properties, in the order they are shown.
PROPERTIES = ("diversity", "autonomy", "openness", "connectivity")
#: A tie begun within this many days before ``as_of`` counts as new.
NEW_TIE_DAYS = 365
#: Values of ``initiated_by`` that count as "me" starting the tie.
SELF_STARTED = ("me", "both")


@dataclass(frozen=True, slots=True)
class DownesProfile:
    """Downes' four properties of a learning network, as the kit measures them.

    Each property and each part is a float in [0, 1] (higher = more of the
    property), or None when the data it needs is not in the network.

    Attributes
    ----------
    diversity : float or None
        Mean of ``kind_spread`` and ``field_spread``.
    autonomy : float or None
        Mean of ``self_direction`` and ``independence``.
    openness : float or None
        Mean of ``newness`` and ``outwardness``.
    connectivity : float or None
        Mean of ``cohesion`` and ``reachability``.
    kind_spread, field_spread : float or None
        Normalised entropy over kinds and over fields of all sources.
    self_direction : float or None
        Share of "me"'s ties with ``initiated_by`` "me" or "both", among ties
        where it is recorded.
    independence : float or None
        1 − the largest share of the sources "me" reaches that one other node
        alone connects "me" to.
    newness : float or None
        Share of "me"'s ties begun within :data:`NEW_TIE_DAYS` of ``as_of``,
        among ties with a ``since`` date.
    outwardness : float or None
        1 − homophily: share of "me"'s contacts (with a topic) outside "me"'s
        field.
    cohesion : float or None
        Share of "me"'s contacts tied to at least one other contact.
    reachability : float or None
        Share of the other nodes that "me" can reach by some path.
    """

    diversity: float | None
    autonomy: float | None
    openness: float | None
    connectivity: float | None
    kind_spread: float | None
    field_spread: float | None
    self_direction: float | None
    independence: float | None
    newness: float | None
    outwardness: float | None
    cohesion: float | None
    reachability: float | None

    def as_dict(self) -> dict[str, float | None]:
        """The four properties by name, in :data:`PROPERTIES` order.

        Examples
        --------
        >>> downes_profile(LearningNetwork("Me"), "2026-10-01").as_dict()
        {'diversity': None, 'autonomy': None, 'openness': None, 'connectivity': None}
        """
        return {name: getattr(self, name) for name in PROPERTIES}


def _mean(*parts: float | None) -> float | None:
    known = [p for p in parts if p is not None]
    return sum(known) / len(known) if known else None


def downes_profile_from_view(view: NetworkView, as_of: datetime.date) -> DownesProfile:
    """:func:`downes_profile` of a shared :class:`~connectivism.measures.view.NetworkView` (``as_of`` a date)."""
    # diversity
    if view.others:
        kind_spread: float | None = kind_diversity_from_view(view).normalised
        topics = topic_diversity_from_view(view)
        field_spread = topics.normalised if topics.total else None
    else:
        kind_spread = field_spread = None
    # autonomy
    recorded = [tie.initiated_by for _, tie in view.my_ties if tie.initiated_by is not None]
    self_direction = sum(i in SELF_STARTED for i in recorded) / len(recorded) if recorded else None
    reached = len(view.distance) - 1
    if reached:
        largest = max((len(cut) for cut in view.cut_off_by.values()), default=0)
        independence: float | None = 1.0 - largest / reached
    else:
        independence = None
    # openness
    since = [age_in_days(tie.since, as_of) for _, tie in view.my_ties if tie.since is not None]
    newness = sum(a < NEW_TIE_DAYS for a in since) / len(since) if since else None  # type: ignore[operator]
    share = homophily_from_view(view).share
    outwardness = None if share is None else 1.0 - share
    # connectivity
    contacts = set(view.contacts)
    if len(contacts) >= 2:
        linked = sum(1 for c in contacts if any(o in contacts for o in view.adj[c]))
        cohesion: float | None = linked / len(contacts)
    else:
        cohesion = None
    reachability = reached / len(view.others) if view.others else None
    return DownesProfile(
        _mean(kind_spread, field_spread),
        _mean(self_direction, independence),
        _mean(newness, outwardness),
        _mean(cohesion, reachability),
        kind_spread,
        field_spread,
        self_direction,
        independence,
        newness,
        outwardness,
        cohesion,
        reachability,
    )


def downes_profile(net: LearningNetwork, as_of: datetime.date | str) -> DownesProfile:
    """Return Downes' four properties of the network, each in [0, 1] or None.

    Parameters
    ----------
    net : LearningNetwork
        The learner's network.
    as_of : datetime.date or str
        The day the network is read at (for *newness*).

    Returns
    -------
    DownesProfile
        The four properties and the two parts behind each.

    Raises
    ------
    TypeError
        If `net` is not a LearningNetwork or `as_of` is not a date.
    ValueError
        If `as_of` is a string that is not a YYYY-MM-DD date.

    Notes
    -----
    These operationalisations are the kit's own proposals, in the spirit of
    the properties Downes (2005, 2012) names and of the metrics sketched in the
    kit's notes; they are not Downes' definitions. Mackness, Mak & Williams
    (2010) examined the same four properties in a MOOC.

    *Diversity* :math:`= \\tfrac12 (H_{kind}/H_{kind}^{max} +
    H_{field}/H_{field}^{max})`: the normalised entropies of
    :func:`~connectivism.measures.diversity.kind_diversity` and
    :func:`~connectivism.measures.diversity.topic_diversity` over all sources.

    *Autonomy* :math:`= \\tfrac12 (a_{self} + a_{ind})`. Self-direction
    :math:`a_{self}` is the share of "me"'s ties with ``initiated_by`` in
    {"me", "both"} among ties where it is recorded (Downes: members choose
    their own connections). Independence :math:`a_{ind} = 1 - \\max_c
    |cut(c)| / |R|`, where *R* is every node "me" reaches and *cut(c)* the
    nodes only reachable through one node *c*
    (:func:`~connectivism.measures.brokerage.bridges_and_cut_points`): 1 when
    no single node holds part of the network hostage.

    *Openness* :math:`= \\tfrac12 (o_{new} + o_{out})`. Newness
    :math:`o_{new}` is the share of "me"'s ties whose ``since`` date lies
    less than 365 days before `as_of` (a ``since`` after `as_of` counts as new),
    among ties with a ``since`` date: is the network still taking in new
    members? Outwardness :math:`o_{out} = 1 - h`, with *h* the
    :func:`~connectivism.measures.diversity.homophily`: do ties cross the
    boundary of the learner's own field?

    *Connectivity* :math:`= \\tfrac12 (c_{coh} + c_{reach})`. Cohesion
    :math:`c_{coh}` is the share of "me"'s contacts tied to at least one other
    contact (knowledge can flow between them, not only through the learner);
    reachability :math:`c_{reach}` the share of other nodes "me" can reach
    by any path.

    Edge cases: only "me": all None. "Me" without ties but with other
    nodes: diversity as usual, autonomy None, openness None, connectivity
    0.0 (nothing is reachable). Parts need: a topic on "me" and on some
    contact (outwardness), ``initiated_by`` on some tie (self-direction),
    ``since`` on some tie (newness), two contacts (cohesion).

    References
    ----------
    S. Downes (2005), "An introduction to connective knowledge", *Stephen's
    Web*, 22 December 2005.
    S. Downes (2012), *Connectivism and Connective Knowledge: Essays on
    meaning and learning networks*. National Research Council Canada.
    J. Mackness, S. F. J. Mak & R. Williams (2010), "The ideals and reality of
    participating in a MOOC", *Proceedings of the 7th International
    Conference on Networked Learning*.

    Examples
    --------
    >>> net = LearningNetwork("Me")
    >>> _ = net.edit("Me", topic="biology")
    >>> _ = net.add("Ada", "person", topic="biology")
    >>> _ = net.add("Atlas", "resource", topic="anatomy")
    >>> _ = net.connect("Me", "Ada", since="2026-03-01", initiated_by="me")
    >>> _ = net.connect("Me", "Atlas", since="2020-01-01", initiated_by="them")
    >>> p = downes_profile(net, "2026-10-01")
    >>> p.as_dict()
    {'diversity': 1.0, 'autonomy': 0.75, 'openness': 0.5, 'connectivity': 0.5}
    >>> p.self_direction, p.independence, p.newness, p.outwardness, p.cohesion
    (0.5, 1.0, 0.5, 0.5, 0.0)
    """
    return downes_profile_from_view(NetworkView(net), check_date(as_of))
