"""Non-human appliances: what tools, feeds and databases hold together, and what happens without them.

Siemens' third principle says that "learning may reside in non-human
appliances". In a networked course, people are tied to each other and also to
non-human nodes: an **aggregator** (a daily newsletter that collects
everyone's posts, like *The Daily* of the first connectivist courses), a
course wiki, a hashtag, a research database. Two people who never met are
two steps apart if both use the same wiki. Following Skrypnyk et al. (2015),
who counted hashtags and aggregators as nodes of a cMOOC's network, this model
builds such a socio-technical network and runs a **knock-out experiment**:
remove the aggregator, or every non-human node, or (for comparison) the same
number of randomly chosen people, and compare how many people can still reach
each other, and in how many steps.

The network: ``groups`` groups of ``group_size`` people (schools, say), each
pair of colleagues tied with probability ``inside``; a few ties across
groups (``bridges`` per person on average); one aggregator that each person
follows with probability ``aggregator``; and ``tools`` other non-human nodes,
each used by each person with probability ``uptake``.

Why this module is long: it holds one whole model (network, knock-out
experiment, result, summary, chart data and sample network) with its
doctests; splitting it would scatter one mechanism over several files.

Examples
--------
>>> from connectivism.models import NonHuman
>>> r = NonHuman().run(seed=1, remove="the aggregator")
>>> r.people, r.nonhuman
(50, 3)
>>> round(r.giant_before, 2), round(r.giant_after, 2)
(1.0, 0.82)

References
----------
.. [1] Skrypnyk, O., Joksimović, S., Kovanović, V., Gašević, D. and Dawson, S.
   (2015). Roles of course facilitators, learners, and technology in the flow
   of information of a cMOOC. *International Review of Research in Open and
   Distributed Learning* 16(3).
.. [2] Siemens, G. (2005). Connectivism: A learning theory for the digital
   age. *International Journal of Instructional Technology and Distance
   Learning* 2(1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from connectivism.models.base import Chart, Model, Parameter, Result, Series, View, rng_for, spring_positions
from connectivism.models.giant import adjacency_from_edges
from connectivism.models.smallworld import distances

__all__ = ["NonHuman", "NonHumanResult", "course_network", "people_reach", "REMOVALS"]

REMOVALS = ("nothing", "the aggregator", "all non-human nodes", "as many random people")
AGGREGATOR = ("The Daily (aggregator)", "tool")
TOOLS = (
    ("Course wiki", "resource"),
    ("Course hashtag", "tool"),
    ("Research database", "resource"),
    ("Video channel", "resource"),
    ("Discussion forum", "tool"),
    ("Shared drive", "tool"),
)
#: Largest number of steps the reach curves show.
MAX_STEPS = 12


@dataclass(frozen=True)
class CourseNetwork:
    """A socio-technical network: people first (in group order), then non-human nodes.

    Attributes
    ----------
    names : tuple of str
        Node names; people are "A1", "A2", ... (letter = group).
    kinds : tuple of str
        ``person``, ``tool`` or ``resource`` for each node.
    group : numpy.ndarray
        Group of each person (−1 for non-human nodes).
    u, v : numpy.ndarray
        Tie ends (node indices).
    """

    names: tuple
    kinds: tuple
    group: np.ndarray
    u: np.ndarray
    v: np.ndarray

    @property
    def people(self) -> np.ndarray:
        return np.flatnonzero(self.group >= 0)

    @property
    def nonhuman(self) -> np.ndarray:
        return np.flatnonzero(self.group < 0)

    def adjacency(self) -> sp.csr_array:
        return adjacency_from_edges(len(self.names), self.u, self.v)

    def to_networkx(self, keep=None) -> nx.Graph:
        keep = set(range(len(self.names))) if keep is None else set(keep)
        g = nx.Graph()
        for i, (name, kind) in enumerate(zip(self.names, self.kinds)):
            if i in keep:
                g.add_node(name, kind=kind)
        g.add_edges_from(
            (self.names[a], self.names[b]) for a, b in zip(self.u.tolist(), self.v.tolist()) if a in keep and b in keep
        )
        return g


def _group_letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"G{i + 1}"


def course_network(
    *,
    groups: int,
    group_size: int,
    inside: float,
    bridges: float,
    aggregator: float,
    tools: int,
    uptake: float,
    rng: np.random.Generator,
) -> CourseNetwork:
    """Generate a course's socio-technical network (see the module description).

    Examples
    --------
    >>> net = course_network(groups=2, group_size=3, inside=1.0, bridges=0.0, aggregator=1.0,
    ...                      tools=0, uptake=0.0, rng=np.random.default_rng(1))
    >>> net.names
    ('A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'The Daily (aggregator)')
    >>> int(net.u.size)
    12
    """
    people = groups * group_size
    group = np.repeat(np.arange(groups), group_size)
    us, vs = [], []
    iu, ju = np.triu_indices(group_size, k=1)
    for g in range(groups):  # colleagues: a random graph inside each group
        keep = rng.random(iu.size) < inside
        us.append(g * group_size + iu[keep])
        vs.append(g * group_size + ju[keep])
    cross = int(round(bridges * people / 2))
    seen: set[tuple[int, int]] = set()
    tries = 0
    while len(seen) < cross and groups > 1 and tries < 100 * cross + 100:
        tries += 1
        a, b = rng.integers(0, people, 2)
        if group[a] != group[b]:
            seen.add((int(min(a, b)), int(max(a, b))))
    if seen:
        pairs = np.array(sorted(seen), dtype=np.intp)
        us.append(pairs[:, 0])
        vs.append(pairs[:, 1])
    names = [f"{_group_letter(int(group[i]))}{i % group_size + 1}" for i in range(people)]
    kinds = ["person"] * people
    hubs = [(AGGREGATOR, aggregator)] + [(TOOLS[t % len(TOOLS)], uptake) for t in range(tools)]
    for (name, kind), chance in hubs:
        node = len(names)
        names.append(name)
        kinds.append(kind)
        users = np.flatnonzero(rng.random(people) < chance)
        us.append(users)
        vs.append(np.full(users.size, node))
    group = np.concatenate([group, np.full(len(names) - people, -1)])
    u = np.concatenate(us).astype(np.intp) if us else np.zeros(0, np.intp)
    v = np.concatenate(vs).astype(np.intp) if vs else np.zeros(0, np.intp)
    return CourseNetwork(names=tuple(names), kinds=tuple(kinds), group=group, u=u, v=v)


def people_reach(adjacency, people: np.ndarray, max_steps: int = MAX_STEPS) -> dict:
    """How people reach each other: through any nodes, counting only people as targets.

    Parameters
    ----------
    adjacency : scipy.sparse matrix
        The network (people and non-human nodes).
    people : numpy.ndarray
        Indices of the people.
    max_steps : int
        Length of the reach curve.

    Returns
    -------
    dict
        ``reach`` (share of the other people within h steps, h = 0..max_steps,
        averaged over people), ``connected`` (share of pairs of people joined
        by a path), ``distance`` (mean steps between joined pairs), ``giant``
        (share of people in the largest group of people who can reach each
        other) and ``groups`` (number of such groups).

    Examples
    --------
    >>> a = adjacency_from_edges(3, np.array([0, 1]), np.array([2, 2]))  # two people, one tool
    >>> out = people_reach(a, np.array([0, 1]), max_steps=2)
    >>> out["reach"].tolist(), out["distance"], out["giant"]
    ([0.0, 0.0, 1.0], 2.0, 1.0)
    """
    p = people.size
    if p < 2:
        return {
            "reach": np.zeros(max_steps + 1),
            "connected": 0.0,
            "distance": math.nan,
            "giant": 1.0 if p else 0.0,
            "groups": p,
        }
    d = distances(adjacency, people)[:, people]
    finite = np.isfinite(d) & (d > 0)
    steps = d[finite].astype(np.intp)
    counts = np.bincount(steps, minlength=max_steps + 1)[: max_steps + 1].astype(float)
    reach = np.cumsum(counts) / (p * (p - 1))
    joined = np.isfinite(d)
    # groups of people: components of the "can reach" relation restricted to people
    labels = np.full(p, -1)
    groups = 0
    for i in range(p):
        if labels[i] < 0:
            labels[joined[i]] = groups
            groups += 1
    sizes = np.bincount(labels)
    return {
        "reach": reach,
        "connected": float(finite.sum() / (p * (p - 1))),
        "distance": float(d[finite].mean()) if finite.any() else math.nan,
        "giant": float(sizes.max() / p),
        "groups": int(groups),
    }


@dataclass(frozen=True, eq=False)
class NonHumanResult(Result):
    """The result of :meth:`NonHuman.run`: the network before and after the removal.

    Attributes
    ----------
    people, nonhuman : int
        Number of people and of non-human nodes.
    removed : tuple of str
        Names of the removed nodes.
    reach_before, reach_after : numpy.ndarray
        Share of the other people within ``h`` steps, ``h = 0..MAX_STEPS``.
    giant_before, giant_after : float
        Share of people in the largest group of people who can reach each other.
    groups_before, groups_after : int
        Number of such groups (a person cut off from everyone is a group).
    connected_before, connected_after : float
        Share of pairs of people joined by some path.
    distance_before, distance_after : float
        Mean steps between joined pairs of people.
    nonhuman_betweenness : float
        Share of all betweenness (shortest paths passing through a node) that
        the non-human nodes carry, before the removal.
    cut_off : tuple of str
        People outside the largest group after the removal.
    """

    people: int
    nonhuman: int
    removed: tuple
    reach_before: np.ndarray
    reach_after: np.ndarray
    giant_before: float
    giant_after: float
    groups_before: int
    groups_after: int
    connected_before: float
    connected_after: float
    distance_before: float
    distance_after: float
    nonhuman_betweenness: float
    cut_off: tuple


def _network(values: dict, seed: int, group_size: int | None = None) -> CourseNetwork:
    return course_network(
        groups=values["groups"],
        group_size=group_size or values["group_size"],
        inside=values["inside"],
        bridges=values["bridges"],
        aggregator=values["aggregator"],
        tools=values["tools"],
        uptake=values["uptake"],
        rng=rng_for(seed, 0),
    )


def _removal(net: CourseNetwork, how: str, seed: int) -> np.ndarray:
    if how == "the aggregator":
        return np.array([net.names.index(AGGREGATOR[0])])
    if how == "all non-human nodes":
        return net.nonhuman
    if how == "as many random people":
        rng = rng_for(seed, 1)
        return np.sort(rng.choice(net.people, min(net.nonhuman.size, net.people.size), replace=False))
    return np.zeros(0, dtype=np.intp)


class NonHuman(Model):
    """A network of people and non-human nodes, and a knock-out experiment (principle 3).

    Notes
    -----
    Reach is measured among people only, but paths may pass through any node:
    person → wiki → person is two steps. For each removal the model reports
    the share of people in the largest group that can still reach each other,
    the number of such groups, the share of pairs of people joined by a
    path, the mean number of steps between them, and the reach curve
    ``R(h)``, the mean share of the other people within ``h`` steps:

    .. math:: R(h) = \\frac{1}{P(P-1)} \\sum_{i \\ne j \\in \\text{people}} [d_{ij} \\le h] .

    The share of betweenness carried by non-human nodes (Freeman's
    betweenness, computed with networkx, sampled from 150 sources in large
    networks) says how much of the traffic between people they broker.
    Removing "as many random people" as there are non-human nodes is the
    control: it shows whether what is lost is due to *those* nodes or to
    losing any nodes at all.

    Examples
    --------
    >>> model = NonHuman()
    >>> model.run(seed=2) == model.run(seed=2)
    True
    >>> model.run(remove="everything")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: remove = 'everything' is not one of the choices: remove
    is what to take out of the network; use one of 'nothing', 'the aggregator', 'all non-human
    nodes', 'as many random people'.
    """

    name = "nonhuman"
    title = "Non-human appliances"
    principle = (3, "Learning may reside in non-human appliances")
    parameters = (
        Parameter(
            "remove", str, "the aggregator", choices=REMOVALS, label="remove", help="what to take out of the network"
        ),
        Parameter(
            "aggregator",
            float,
            0.5,
            0.0,
            1.0,
            step=0.05,
            label="follow the Daily",
            help="the chance that a person follows the aggregator",
        ),
        Parameter(
            "tools",
            int,
            2,
            0,
            6,
            step=1,
            label="other tools",
            help="the number of non-human nodes besides the aggregator",
        ),
        Parameter(
            "uptake",
            float,
            0.1,
            0.0,
            1.0,
            step=0.05,
            label="tool uptake",
            help="the chance that a person uses each of the other tools",
        ),
        Parameter(
            "inside",
            float,
            0.3,
            0.0,
            1.0,
            step=0.05,
            label="ties in a group",
            help="the chance that two people in the same group are tied",
        ),
        Parameter(
            "bridges",
            float,
            0.05,
            0.0,
            3.0,
            step=0.05,
            label="ties across",
            help="the average number of ties each person has with people in other groups",
        ),
        Parameter("groups", int, 5, 1, 12, step=1, label="groups", help="the number of groups (schools, say)"),
        Parameter("group_size", int, 10, 2, 40, step=1, label="group size", help="the number of people in each group"),
    )
    view_size = 60
    challenge = (
        "Remove the aggregator: how many people lose touch with the main group? Then remove "
        "as many random people instead. Which loss hurts more, and why?"
    )

    def _run(self, seed: int, values: dict) -> NonHumanResult:
        net = _network(values, seed)
        a = net.adjacency()
        removed = _removal(net, values["remove"], seed)
        keep = np.setdiff1d(np.arange(len(net.names)), removed)
        people_kept = np.flatnonzero(np.isin(keep, net.people))
        before = people_reach(a, net.people)
        sub = a[keep][:, keep]
        after = people_reach(sub, people_kept)
        # who is cut off: people outside the largest group after the removal
        if people_kept.size:
            d = distances(sub, people_kept)[:, people_kept]
            best = int(np.argmax(np.isfinite(d).sum(axis=1)))
            outside = keep[people_kept[~np.isfinite(d[best])]]
        else:
            outside = np.zeros(0, dtype=np.intp)
        return NonHumanResult(
            seed=seed,
            params=values,
            people=int(net.people.size),
            nonhuman=int(net.nonhuman.size),
            removed=tuple(net.names[i] for i in removed.tolist()),
            reach_before=before["reach"],
            reach_after=after["reach"],
            giant_before=before["giant"],
            giant_after=after["giant"],
            groups_before=before["groups"],
            groups_after=after["groups"],
            connected_before=before["connected"],
            connected_after=after["connected"],
            distance_before=before["distance"],
            distance_after=after["distance"],
            nonhuman_betweenness=_nonhuman_betweenness(net, seed),
            cut_off=tuple(net.names[i] for i in outside.tolist()),
        )

    def summary(self, result: NonHumanResult) -> str:
        """The non-human nodes' share of shortest paths, and what removing the chosen nodes does to reach."""
        r = result
        what = (
            "Nothing removed"
            if not r.removed
            else f"Removing {r.removed[0]}"
            if len(r.removed) == 1
            else f"Removing {len(r.removed)} nodes"
        )
        if r.params["remove"] == "as many random people":
            what = f"Removing {len(r.removed)} random people"
        return (
            f"{r.people} people and {r.nonhuman} non-human nodes; the non-human nodes carry "
            f"{r.nonhuman_betweenness:.0%} of the shortest paths. {what}: the largest group that "
            f"can reach each other goes from {r.giant_before:.0%} to {r.giant_after:.0%} of the "
            f"people ({r.groups_before} → {r.groups_after} separate groups), {len(r.cut_off)} "
            f"{'person is' if len(r.cut_off) == 1 else 'people are'} cut off from it, and two "
            f"people who can still reach each other are {r.distance_before:.1f} → "
            f"{r.distance_after:.1f} steps apart on average."
        )

    def charts(self, result: NonHumanResult) -> tuple[Chart, ...]:
        """Two panels: reach among people, and the network's figures before and after the removal."""
        r = result
        h = np.arange(r.reach_before.size)
        last = int(min(h[-1], max(np.searchsorted(r.reach_before, r.reach_before[-1] - 1e-9) + 1, 4)))
        label = "after removing " + (
            r.params["remove"] if r.params["remove"] != "as many random people" else f"{len(r.removed)} random people"
        )
        reach = Chart(
            title="Reach among people",
            xlabel="steps h",
            ylabel="share of the other people within h steps",
            series=(
                Series("whole network", h[: last + 1], r.reach_before[: last + 1]),
                Series(label, h[: last + 1], r.reach_after[: last + 1]),
            ),
            ylim=(0, 1.05),
            alt=(
                f"Line chart of the share of the other people within h steps, h from 0 to {last}. "
                f"Whole network: {r.reach_before[2]:.2f} within 2 steps, {r.reach_before[last]:.2f} "
                f"within {last}. After the removal: {r.reach_after[2]:.2f} within 2 steps, "
                f"{r.reach_after[last]:.2f} within {last}."
            ),
        )
        cats = ("largest group", "pairs joined", "within 2 steps")
        before = [r.giant_before, r.connected_before, r.reach_before[2]]
        after = [r.giant_after, r.connected_after, r.reach_after[2]]
        bars = Chart(
            title="Before and after",
            xlabel="",
            ylabel="share of people / pairs",
            series=(Series("whole network", np.arange(3), before, "bars"), Series(label, np.arange(3), after, "bars")),
            xticklabels=cats,
            ylim=(0, 1.05),
            alt=(
                "Bar chart, before and after the removal: "
                + "; ".join(f"{c}: {b:.2f} → {a:.2f}" for c, b, a in zip(cats, before, after))
                + "."
            ),
        )
        return (reach, bars)

    def view(self, result: NonHumanResult) -> View:
        """The course network (or a sample) with the chosen nodes removed and the largest group highlighted."""
        values = dict(result.params)
        size = min(values["group_size"], max(2, (self.view_size - 7) // values["groups"]))
        net = _network(values, result.seed, group_size=size)
        full = net.to_networkx()
        pos = spring_positions(full, seed=result.seed % 1000)
        removed = _removal(net, values["remove"], result.seed)
        keep = np.setdiff1d(np.arange(len(net.names)), removed)
        g = net.to_networkx(keep)
        g.graph["title"] = "Course network"
        people = [n for n, k in g.nodes(data="kind") if k == "person"]
        parts = sorted(nx.connected_components(g), key=lambda c: (-sum(1 for x in c if x in people), min(c)))
        main = frozenset(x for x in (parts[0] if parts else ()) if x in people)
        gone = len(removed)
        sample = "" if size == values["group_size"] else f" (a sample: {size} per group)"
        return View(
            graph=g,
            pos={n: pos[n] for n in g},
            highlight=main,
            highlight_label="people in the largest connected group",
            title=f"The course network{sample} with {gone} node{'s' if gone != 1 else ''} removed",
        )


def _nonhuman_betweenness(net: CourseNetwork, seed: int) -> float:
    g = nx.Graph()
    g.add_nodes_from(range(len(net.names)))
    g.add_edges_from(zip(net.u.tolist(), net.v.tolist()))
    k = None if g.number_of_nodes() <= 150 else 150
    bc = nx.betweenness_centrality(g, k=k, seed=seed % (2**31) if k else None, normalized=False)
    total = sum(bc.values())
    return float(sum(bc[i] for i in net.nonhuman.tolist()) / total) if total else 0.0
