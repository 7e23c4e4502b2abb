"""Measuring the class network: its core, communities, brokers, diversity and Downes summary.

:func:`measure_class` takes the merged graph (from
:mod:`~connectivism.facilitator.merge`) and the learners' own networks and
returns one frozen :class:`ClassMeasures`:

* the **class core**: every learner and everything two or more learners
  named (:func:`ordered_subgraph`, in the graph's order);
* **communities** of the core (Louvain, seeded) and its **brokers**
  (betweenness, exact up to :data:`BETWEENNESS_SAMPLE` nodes, estimated from
  that many sources above it);
* the spread of the whole network's sources over kinds and topics
  (:class:`ClassDiversity`), computed by
  :func:`connectivism.measures.diversity.spread`;
* Downes' four properties, measured on each learner's own network (it has
  one "me") and summarised over the class (:class:`DownesSummary`).

Every figure is rounded as the report shows it, so the outputs are the same
on every machine.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx

from connectivism.measures import downes_profile
from connectivism.measures.diversity import spread
from connectivism.measures.downes import PROPERTIES
from connectivism.network import OTHER_KINDS, LearningNetwork

__all__ = [
    "BETWEENNESS_SAMPLE",
    "LEARNER_KIND",
    "Spread",
    "ClassDiversity",
    "PropertyRange",
    "DownesSummary",
    "ClassMeasures",
    "ordered_subgraph",
    "measure_class",
]

#: Above this many nodes in the class core, betweenness is estimated from this many sampled sources.
BETWEENNESS_SAMPLE = 120
#: Kind given to learner nodes in the class network.
LEARNER_KIND = "learner"


@dataclass(frozen=True)
class Spread:
    """How evenly the class network's sources spread over categories (kinds or topics).

    Attributes
    ----------
    entropy : float
        Shannon entropy in bits, rounded to 3 places.
    blau : float
        Blau's index, rounded to 3 places.
    normalised : float
        ``entropy`` over the largest entropy possible, rounded to 3 places
        (0 = everything in one category, 1 = spread evenly).
    counts : tuple of (str, int)
        Each category that occurs and its count, most common first (ties in
        the order of the nodes).
    """

    entropy: float
    blau: float
    normalised: float
    counts: tuple[tuple[str, int], ...]

    @classmethod
    def of(cls, counts: Counter, categories: int) -> Spread:
        """The spread of ``counts`` (in the order of the nodes) over ``categories`` possible ones."""
        found = spread(((k, c) for k, c in counts.items() if c), categories)
        return cls(
            round(found.entropy, 3),
            round(found.blau, 3),
            round(found.normalised, 3),
            tuple(sorted(found.counts, key=lambda kc: -kc[1])),
        )

    def as_dict(self) -> dict:
        """The spread as JSON-ready values; ``counts`` as a dict in the same order."""
        return {"entropy": self.entropy, "blau": self.blau, "normalised": self.normalised, "counts": dict(self.counts)}


@dataclass(frozen=True)
class ClassDiversity:
    """The spread of the class network's sources (people, communities, resources, tools)."""

    kinds: Spread
    topics: Spread

    def as_dict(self) -> dict:
        """Kinds and topics as JSON-ready dicts."""
        return {"kinds": self.kinds.as_dict(), "topics": self.topics.as_dict()}


@dataclass(frozen=True)
class PropertyRange:
    """One of Downes' properties over the class: mean, lowest and highest (rounded to 3 places).

    All three are None when no learner's network could be measured for it;
    ``learners`` is how many could.
    """

    mean: float | None
    min: float | None
    max: float | None
    learners: int

    @classmethod
    def of(cls, values: Sequence[float]) -> PropertyRange:
        """The range of ``values`` (the measurable learners' figures)."""
        if not values:
            return cls(None, None, None, 0)
        return cls(round(statistics.fmean(values), 3), round(min(values), 3), round(max(values), 3), len(values))

    def as_dict(self) -> dict:
        """The range as a JSON-ready dict."""
        return {"mean": self.mean, "min": self.min, "max": self.max, "learners": self.learners}


@dataclass(frozen=True)
class DownesSummary:
    """Downes' four properties over the class: each measured on one learner's network, then summarised."""

    diversity: PropertyRange
    autonomy: PropertyRange
    openness: PropertyRange
    connectivity: PropertyRange

    def as_dict(self) -> dict:
        """The four ranges by name, in :data:`~connectivism.measures.downes.PROPERTIES` order."""
        return {name: getattr(self, name).as_dict() for name in PROPERTIES}


@dataclass(frozen=True, eq=False)
class ClassMeasures:
    """What :func:`measure_class` found. Compared by identity: networkx graphs have no value equality."""

    core: nx.Graph
    communities: tuple[tuple[str, ...], ...]
    brokers: tuple[tuple[str, float], ...]
    betweenness: Mapping[str, float]
    diversity: ClassDiversity
    downes: DownesSummary


def ordered_subgraph(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph on ``nodes``, in ``graph``'s order.

    networkx's subgraph views follow set order, which changes from one run to the next.
    """
    keep = set(nodes)
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((a, b, d) for a, b, d in graph.edges(data=True) if a in keep and b in keep)
    return out


def measure_class(
    graph: nx.Graph, networks: Iterable[LearningNetwork], *, as_of: datetime.date, seed: int
) -> ClassMeasures:
    """Measure a merged class network.

    Parameters
    ----------
    graph : networkx.Graph
        The merged network: nodes with ``kind``, ``topic`` and ``count``; ties with ``strength``.
    networks : iterable of LearningNetwork
        The learners' own networks, for Downes' properties.
    as_of : date
        The date the Downes profiles are measured at.
    seed : int
        Seed of the community detection and of the betweenness sample.
    """
    # the class core: learners and everything two or more learners named
    core = ordered_subgraph(
        graph, [n for n, d in graph.nodes(data=True) if d["kind"] == LEARNER_KIND or d["count"] > 1]
    )
    if core.number_of_edges():
        found = nx.community.louvain_communities(core, weight="strength", seed=seed)
        # exact up to BETWEENNESS_SAMPLE nodes, estimated from that many sources above it
        sample = None if len(core) <= BETWEENNESS_SAMPLE else BETWEENNESS_SAMPLE
        between = nx.betweenness_centrality(core, k=sample, normalized=True, seed=seed)
    else:
        found, between = [{n} for n in core], {n: 0.0 for n in core}
    communities = sorted(
        (tuple(sorted(c, key=lambda n: (-graph.nodes[n]["count"], n.casefold()))) for c in found if len(c) > 1),
        key=lambda c: (-len(c), c[0].casefold()),
    )
    brokers = sorted(((n, round(b, 4)) for n, b in between.items() if b > 0), key=lambda t: (-t[1], t[0].casefold()))[
        :5
    ]
    others = [d for _, d in graph.nodes(data=True) if d["kind"] in OTHER_KINDS]
    diversity = ClassDiversity(
        kinds=Spread.of(Counter(d["kind"] for d in others), len(OTHER_KINDS)),
        topics=Spread.of(
            Counter(d["topic"] for d in others if d["topic"]), len({d["topic"] for d in others if d["topic"]})
        ),
    )
    profiles = [downes_profile(net, as_of) for net in networks]
    downes = DownesSummary(
        **{
            prop: PropertyRange.of([getattr(p, prop) for p in profiles if getattr(p, prop) is not None])
            for prop in PROPERTIES
        }
    )
    return ClassMeasures(
        core=core,
        communities=tuple(communities),
        brokers=tuple(brokers),
        betweenness=MappingProxyType(between),
        diversity=diversity,
        downes=downes,
    )
