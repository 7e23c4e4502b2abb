"""Connecting specialised nodes: how a learning network grows, and what each way of growing gives.

Siemens' second principle says that "learning is a process of connecting
specialized nodes or information sources". People join a learning network
one at a time (a new teacher joining a subject community), each bringing a
**topic** of their own (one of ``topics`` specialisms) and making ``m`` ties.
How they choose whom to tie to shapes the network:

* **popular** (preferential attachment; Barabási & Albert 1999): tie to
  people with probability proportional to how many ties they already have.
  A few **hubs** emerge; the share of people with ``k`` ties falls off as a
  power law, ``P(k) ∝ k^−3``;
* **friends of friends** (triadic closure; after Holme & Kim 2002): tie to
  one person at random, then to ``m − 1`` of *their* contacts. The network
  is full of closed triangles (**clustering**); it grows hubs too, because
  a random person's contacts tend to be well connected (the friendship
  paradox), so reaching people through friends favours the popular;
* **topic seeking**: tie to people of ``m`` different topics other than your
  own, chosen at random, as someone who deliberately seeks specialists would.

For each network the model measures hubs (the largest number of ties, and
the share of all ties held by the best-connected 1 %), clustering, and
**topic coverage within two steps**: the share of the topics a person can
reach through a contact or a contact's contact.

Examples
--------
>>> from connectivism.models import Specialised
>>> r = Specialised().run(seed=1)
>>> [round(float(c), 2) for c in r.clustering]
[0.05, 0.69, 0.01]

References
----------
.. [1] Barabási, A.-L. and Albert, R. (1999). Emergence of scaling in
   random networks. *Science* 286, 509–512. doi:10.1126/science.286.5439.509
.. [2] Holme, P. and Kim, B. J. (2002). Growing scale-free networks with
   tunable clustering. *Physical Review E* 65, 026107.
   doi:10.1103/PhysRevE.65.026107
.. [3] Clauset, A., Shalizi, C. R. and Newman, M. E. J. (2009). Power-law
   distributions in empirical data. *SIAM Review* 51, 661–703.
   doi:10.1137/070710111
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from connectivism.models.base import Chart, Model, Parameter, Result, Series, View, rng_for, spring_positions

__all__ = ["Specialised", "SpecialisedResult", "grow", "clustering", "coverage", "degree_exponent"]

RULES = ("popular", "friends of friends", "topic seeking")


class _Picker:
    """One newcomer's picks: uniform draws from its row ``r`` of numbers drawn in advance, then from ``rng``."""

    def __init__(self, r: np.ndarray, rng: np.random.Generator) -> None:
        self.r = r
        self.rng = rng
        self.j = 0
        self.chosen: list[int] = []

    def pick(self, pool) -> None:
        """Pick one member of ``pool`` at random; add it to :attr:`chosen` unless it is there already."""
        if self.j < self.r.size:
            x = pool[int(self.r[self.j] * len(pool))]
            self.j += 1
        else:
            x = pool[int(self.rng.integers(len(pool)))]
        if x not in self.chosen:
            self.chosen.append(x)


def grow(n: int, m: int, rule: str, topic: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Grow a network of ``n`` people, each newcomer making ``m`` ties by ``rule``.

    Parameters
    ----------
    n, m : int
        People, and ties per newcomer. The first ``m + 1`` people start fully tied.
    rule : {"popular", "friends of friends", "topic seeking"}
        How a newcomer picks whom to tie to (see the module description).
    topic : numpy.ndarray
        Each person's topic (0 .. topics − 1).
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    u, v : numpy.ndarray
        The two ends of every tie (``v`` is the newcomer).

    Notes
    -----
    "popular" keeps the list of tie ends (each person once per tie), so a
    uniform pick from it is a pick proportional to degree (the usual
    implementation of Barabási & Albert). "friends of friends" falls back to
    random people when the first contact has too few contacts; "topic
    seeking" falls back to any topic when too few other topics exist.

    Examples
    --------
    >>> u, v = grow(50, 2, "popular", np.zeros(50, dtype=int), np.random.default_rng(0))
    >>> u.size, len(set(zip(u.tolist(), v.tolist())))
    (97, 97)
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}: use one of {', '.join(RULES)}")
    seed_size = m + 1
    us, vs = [], []
    for a in range(seed_size):
        for b in range(a + 1, seed_size):
            us.append(a)
            vs.append(b)
    ends = us + vs  # degree-weighted list of people
    nbrs = [set() for _ in range(n)]
    for a, b in zip(us, vs):
        nbrs[a].add(b)
        nbrs[b].add(a)
    by_topic: dict[int, list[int]] = {}
    for person in range(seed_size):
        by_topic.setdefault(int(topic[person]), []).append(person)
    # draw randomness in blocks to keep the loop light
    uniform = rng.random((n, 4 * m + 4))
    for new in range(seed_size, n):
        picker = _Picker(uniform[new], rng)
        chosen, pick = picker.chosen, picker.pick
        if rule == "popular":
            while len(chosen) < m:
                pick(ends)
        elif rule == "friends of friends":
            pick(range(new))
            friends = sorted(nbrs[chosen[0]])
            if len(friends) >= m - 1:
                for f in rng.choice(friends, m - 1, replace=False).tolist():
                    chosen.append(int(f))
            while len(chosen) < m:
                pick(range(new))
        else:
            mine = int(topic[new])
            others = [t for t in sorted(by_topic) if t != mine]
            wanted = rng.choice(others, min(m, len(others)), replace=False).tolist() if others else []
            for t in wanted:
                pick(by_topic[t])
            while len(chosen) < m:
                pick(range(new))
        for other in chosen:
            us.append(other)
            vs.append(new)
            ends.append(other)
            ends.append(new)
            nbrs[other].add(new)
            nbrs[new].add(other)
        by_topic.setdefault(int(topic[new]), []).append(new)
    return np.array(us, dtype=np.intp), np.array(vs, dtype=np.intp)


def _adjacency(n: int, u: np.ndarray, v: np.ndarray) -> sp.csr_array:
    rows, cols = np.concatenate([u, v]), np.concatenate([v, u])
    return sp.csr_array((np.ones(rows.size), (rows, cols)), shape=(n, n))


def clustering(a: sp.csr_array) -> float:
    """Mean local clustering: per person, the share of pairs of their contacts who are tied.

    A person with fewer than 2 contacts counts as 0.

    Examples
    --------
    >>> clustering(_adjacency(3, np.array([0, 1, 0]), np.array([1, 2, 2])))
    1.0
    """
    k = np.asarray(a.sum(axis=1)).ravel()
    triangles = np.asarray((a @ a).multiply(a).sum(axis=1)).ravel() / 2
    pairs = k * (k - 1) / 2
    local = np.divide(triangles, pairs, out=np.zeros_like(triangles), where=pairs > 0)
    return float(local.mean())


def coverage(a: sp.csr_array, topic: np.ndarray, topics: int) -> np.ndarray:
    """Per person: share of all topics held by someone within two steps (themselves included).

    Examples
    --------
    >>> coverage(_adjacency(3, np.array([0, 1]), np.array([1, 2])), np.array([0, 1, 2]), 3).tolist()
    [1.0, 1.0, 1.0]
    """
    onehot = sp.csr_array((np.ones(topic.size), (np.arange(topic.size), topic)), shape=(topic.size, topics))
    one = a @ onehot
    reach = onehot + one + a @ one
    return (reach > 0).sum(axis=1) / topics


def degree_exponent(degrees, k_min: int) -> float:
    """Maximum-likelihood power-law exponent of the degrees ``k ≥ k_min`` (discrete approximation).

    ``γ = 1 + N / Σ ln(k_i / (k_min − ½))`` (Clauset, Shalizi & Newman 2009, eq. 3.7).

    Examples
    --------
    >>> round(degree_exponent([4, 4, 8, 16], 4), 2)
    2.53
    """
    k = np.asarray(degrees, dtype=float)
    k = k[k >= k_min]
    return float(1 + k.size / np.log(k / (k_min - 0.5)).sum())


@dataclass(frozen=True, eq=False)
class SpecialisedResult(Result):
    """The result of :meth:`Specialised.run`: one network per rule, in the order of ``RULES``.

    Attributes
    ----------
    degrees : numpy.ndarray
        ``3 × n``: everyone's number of ties, per rule.
    max_degree, top_share, clustering, coverage : numpy.ndarray
        Per rule: the most ties anyone has; the share of all tie ends held by
        the best-connected 1 % of people; mean clustering; mean topic
        coverage within two steps.
    exponent : numpy.ndarray
        Per rule: the fitted power-law exponent of degrees ``k ≥ 3m``.
    topic : numpy.ndarray
        Everyone's topic.
    """

    degrees: np.ndarray
    max_degree: np.ndarray
    top_share: np.ndarray
    clustering: np.ndarray
    coverage: np.ndarray
    exponent: np.ndarray
    topic: np.ndarray


def _topics(n: int, topics: int, seed: int) -> np.ndarray:
    return rng_for(seed, 0).integers(0, topics, n)


class Specialised(Model):
    """Three growth rules for a learning network and what they give; see the module description."""

    name = "specialised"
    title = "Connecting specialised nodes"
    principle = (2, "Learning is a process of connecting specialized nodes or information sources")
    parameters = (
        Parameter(
            "rule",
            str,
            "popular",
            choices=RULES,
            label="newcomers tie to",
            help="how each newcomer chooses whom to tie to (the network in the drawing)",
        ),
        Parameter("m", int, 2, 1, 6, step=1, label="ties per newcomer", help="the number of ties each newcomer makes"),
        Parameter("topics", int, 12, 2, 30, step=1, label="topics", help="the number of specialist topics"),
        Parameter("n", int, 500, 20, 20000, step=20, label="people", help="the number of people"),
    )
    view_size = 40
    challenge = (
        "All three networks grow from the same newcomers making the same number of ties. "
        "Which one has hubs, which one has tight clusters, and in which one does a typical "
        "person reach most topics within two steps?"
    )

    def _check_together(self, values: dict) -> None:
        from connectivism.errors import ModelParameterError

        if values["m"] + 2 > values["n"]:
            raise ModelParameterError(
                f"m = {values['m']} is too large for n = {values['n']}: use fewer ties per newcomer or more people.",
                field="m",
                value=values["m"],
            )

    def _run(self, seed: int, values: dict) -> SpecialisedResult:
        n, m, topics = values["n"], values["m"], values["topics"]
        topic = _topics(n, topics, seed)
        out = {k: [] for k in ("degrees", "max", "top", "clust", "cover", "exp")}
        for i, rule in enumerate(RULES):
            u, v = grow(n, m, rule, topic, rng_for(seed, 1, i))
            a = _adjacency(n, u, v)
            k = np.asarray(a.sum(axis=1)).ravel().astype(np.intp)
            top = max(1, n // 100)
            out["degrees"].append(k)
            out["max"].append(k.max())
            out["top"].append(np.sort(k)[-top:].sum() / k.sum())
            out["clust"].append(clustering(a))
            out["cover"].append(coverage(a, topic, topics).mean())
            out["exp"].append(degree_exponent(k, 3 * m) if (k >= 3 * m).sum() >= 10 else np.nan)
        return SpecialisedResult(
            seed=seed,
            params=values,
            degrees=np.array(out["degrees"]),
            max_degree=np.array(out["max"]),
            top_share=np.array(out["top"]),
            clustering=np.array(out["clust"]),
            coverage=np.array(out["cover"]),
            exponent=np.array(out["exp"]),
            topic=topic,
        )

    def summary(self, result: SpecialisedResult) -> str:
        """For each way of growing: the most ties anyone has, clustering, and the topics within two steps."""
        r, p = result, result.params
        parts = [
            f"{rule}: most ties {r.max_degree[i]}, clustering {r.clustering[i]:.2f}, "
            f"{r.coverage[i]:.0%} of topics within two steps"
            for i, rule in enumerate(RULES)
        ]
        return (
            f"{p['n']} people, each newcomer making {p['m']} tie{'s' if p['m'] > 1 else ''} "
            f"(mean {2 * p['m'] * (1 - (p['m'] + 1) / (2 * p['n'])):.1f} ties each). " + "; ".join(parts) + "."
        )

    def charts(self, result: SpecialisedResult) -> tuple[Chart, ...]:
        """Two panels: how many people have at least k ties, and what each way of growing gives."""
        r = result
        series = []
        for i, rule in enumerate(RULES):
            ks, counts = np.unique(r.degrees[i], return_counts=True)
            ccdf = counts[::-1].cumsum()[::-1] / r.degrees.shape[1]
            series.append(Series(rule, ks, np.log10(ccdf), "points" if i else "line"))
        hubs = Chart(
            title="Hubs: how many people have at least k ties",
            xlabel="k (ties)",
            xscale="log",
            ylabel="log₁₀ share with at least k ties",
            series=tuple(series),
            alt=(
                "Chart of the share of people with at least k ties, both on logarithmic scales. "
                + "; ".join(
                    f"{rule}: most ties {r.max_degree[i]}, best-connected 1 % hold {r.top_share[i]:.0%} of tie ends"
                    for i, rule in enumerate(RULES)
                )
                + ". A straight falling line is a power law (hubs)."
            ),
        )
        measures = Chart(
            title="What each way of growing gives",
            xlabel="",
            ylabel="value (0 to 1)",
            series=tuple(
                Series(rule, [0, 1, 2], [r.clustering[i], r.coverage[i], r.top_share[i] * 5], "bars")
                for i, rule in enumerate(RULES)
            ),
            xticklabels=("clustering", "topics within 2 steps", "hub share × 5"),
            ylim=(0, 1.05),
            alt=(
                "Bar chart comparing the three rules. Clustering: "
                + ", ".join(f"{rule} {r.clustering[i]:.2f}" for i, rule in enumerate(RULES))
                + ". Topics within two steps: "
                + ", ".join(f"{rule} {r.coverage[i]:.2f}" for i, rule in enumerate(RULES))
                + ". Share of tie ends held by the best-connected 1 %, times 5: "
                + ", ".join(f"{rule} {5 * r.top_share[i]:.2f}" for i, rule in enumerate(RULES))
                + "."
            ),
        )
        return (hubs, measures)

    def view(self, result: SpecialisedResult) -> View:
        """The first people of a growing network, with the best-connected tenth highlighted."""
        p = result.params
        size = min(p["n"], self.view_size)
        topic = _topics(size, p["topics"], result.seed)
        u, v = grow(size, p["m"], p["rule"], topic, rng_for(result.seed, 2))
        g = nx.Graph(title="A growing network")
        for i in range(size):
            g.add_node(f"P{i + 1}", kind="person", topic=int(topic[i]) + 1)
        g.add_edges_from((f"P{a + 1}", f"P{b + 1}") for a, b in zip(u.tolist(), v.tolist()))
        deg = dict(g.degree())
        cut = sorted(deg.values())[-max(1, size // 10)]
        return View(
            graph=g,
            pos=spring_positions(g, seed=result.seed % 1000),
            highlight=frozenset(x for x, d in deg.items() if d >= cut),
            highlight_label="the best-connected tenth",
            title=f"The first {size} people, newcomers tying to the {p['rule']}"
            if p["rule"] != "topic seeking"
            else f"The first {size} people, topic seeking",
        )
