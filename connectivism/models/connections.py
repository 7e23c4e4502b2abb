"""Seeing connections between fields: brokerage across structural holes, and the strength of weak ties.

Siemens' sixth principle calls the "ability to see connections between
fields, ideas, and concepts" a core skill. Network research gives it two
measurable sides:

* **Brokerage** (Burt 1992). People in several **fields** (subject
  departments, say) are densely tied within their field and sparsely across
  fields. A person whose contacts all know each other is **constrained**:
  everything they hear, their contacts hear too. A tie to another field
  spans a *structural hole*: Burt's **constraint** of the person falls and
  their **betweenness** (the share of shortest paths between others that
  pass through them) rises. Here *you* are one member of the first field,
  and the ``bridges`` slider gives you ties to other fields.
* **The strength of weak ties** (Granovetter 1973; Onnela et al. 2007). Ties
  inside a field are **strong** (strength 3–5: frequent, close), ties
  between fields **weak** (strength 1–2). Remove ties one by one, weakest
  first, and the network soon falls apart into its fields; remove them
  strongest first, and it stays connected far longer. The weak ties hold the
  network together; the strong ones hold the groups together.

Examples
--------
>>> from connectivism.models import Connections
>>> r = Connections().run(seed=1)
>>> bool(r.constraint[1] < r.constraint[0]), bool(r.betweenness[1] > r.betweenness[0])
(True, True)
>>> bool(r.breaks_at[0] < r.breaks_at[1])
True

References
----------
.. [1] Granovetter, M. S. (1973). The strength of weak ties. *American
   Journal of Sociology* 78(6), 1360–1380.
.. [2] Burt, R. S. (1992). *Structural Holes: The Social Structure of
   Competition*. Harvard University Press.
.. [3] Onnela, J.-P. et al. (2007). Structure and tie strengths in mobile
   communication networks. *PNAS* 104(18), 7332–7336.
   doi:10.1073/pnas.0610245104
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy.sparse import csgraph

from connectivism.models.base import Chart, Model, Parameter, Result, Series, View, int_seed, rng_for, spring_positions

__all__ = [
    "Connections",
    "ConnectionsResult",
    "fields_network",
    "add_bridges",
    "brokerage",
    "betweenness_of",
    "removal_curve",
    "breaking_point",
]

#: Shares of ties removed at which the giant component is measured.
REMOVED = np.round(np.linspace(0.0, 1.0, 51), 2)
ORDERS = ("weakest first", "strongest first")


def fields_network(fields: int, size: int, inside: float, between: float, seed: int) -> nx.Graph:
    """People in ``fields`` fields of ``size``: strong ties inside fields, weak ties between them.

    Inside a field each pair is tied with chance ``inside`` (strength 3, 4 or
    5, at random); people in different fields are tied with the chance that
    gives each person ``between`` cross-field ties on average (strength 1 or
    2). Nodes are 0, 1, ...; node ``i`` is in field ``i // size`` (attribute
    ``field``). A planted-partition graph (networkx), with tie strengths.

    Examples
    --------
    >>> g = fields_network(3, 10, 1.0, 0.0, seed=1)
    >>> g.number_of_edges(), sorted({d["strength"] for _, _, d in g.edges(data=True)})
    (135, [3, 4, 5])
    """
    n = fields * size
    p_out = min(1.0, between / max(n - size, 1))
    g = nx.planted_partition_graph(fields, size, inside, p_out, seed=seed)
    rng = np.random.default_rng(seed)
    g.graph.pop("partition", None)
    for v in g:
        g.nodes[v]["field"] = v // size
    for a, b in sorted(g.edges()):
        same = a // size == b // size
        g.edges[a, b]["strength"] = int(rng.integers(3, 6) if same else rng.integers(1, 3))
    return g


def add_bridges(g: nx.Graph, person: int, count: int, size: int, rng: np.random.Generator) -> list:
    """Give ``person`` ``count`` new weak ties to people in other fields (different fields first)."""
    fields = g.number_of_nodes() // size
    mine = person // size
    others = [f for f in rng.permutation(fields).tolist() if f != mine]
    added = []
    for i in range(count):
        if not others:
            break
        field = others[i % len(others)]
        free = [v for v in range(field * size, (field + 1) * size) if not g.has_edge(person, v) and v not in added]
        if free:
            other = int(rng.choice(free))
            g.add_edge(person, other, strength=1)
            added.append(other)
    return added


def brokerage(g: nx.Graph, node) -> tuple[float, float]:
    """Burt's constraint and the (normalised) betweenness of ``node``, ties unweighted.

    Constraint ``c_i = Σ_j (p_ij + Σ_q p_iq p_qj)²`` with ``p_ij`` the share
    of ``i``'s ties that go to ``j`` (:func:`networkx.constraint`); it is
    high when ``i``'s contacts are tied to each other.

    Examples
    --------
    >>> g = nx.Graph([(0, 1), (1, 2), (0, 2)])
    >>> round(brokerage(g, 0)[0], 3), brokerage(g, 0)[1]
    (1.125, 0.0)
    >>> g.add_edges_from([(0, 3), (3, 4), (4, 5), (3, 5)])
    >>> round(brokerage(g, 0)[0], 3), brokerage(g, 0)[1]
    (0.611, 0.6)
    """
    constraint = nx.constraint(g, [node])[node]
    return float(constraint), betweenness_of(g, node)


def betweenness_of(g: nx.Graph, node) -> float:
    """Normalised betweenness of one node, with whole-matrix shortest-path counts.

    Equals ``networkx.betweenness_centrality(g)[node]`` (normalised,
    unweighted) but counts shortest paths for all sources at once:
    ``σ_st = Σ_{u ~ t, d(s,u) = d(s,t) − 1} σ_su``, one matrix product per
    distance, then ``b(x) = Σ_{s ≠ x ≠ t} σ_sx σ_xt / σ_st`` over pairs with
    ``d(s,x) + d(x,t) = d(s,t)``, divided by ``(n − 1)(n − 2)``.

    Examples
    --------
    >>> round(betweenness_of(nx.path_graph(3), 1), 3)
    1.0
    """
    nodes = list(g)
    n = len(nodes)
    if n < 3:
        return 0.0
    a = nx.to_scipy_sparse_array(g, nodelist=nodes, dtype=np.float64, format="csr")
    dist = csgraph.shortest_path(a, unweighted=True, directed=False)
    sigma = np.eye(n)
    finite = dist[np.isfinite(dist)]
    for d in range(1, int(finite.max()) + 1 if finite.size else 1):
        layer = (a @ (sigma * (dist == d - 1)).T).T  # paths to u at d − 1, extended by one tie
        sigma = np.where(dist == d, layer, sigma)
    x = nodes.index(node)
    on_path = (dist[:, x][:, None] + dist[x, :][None, :]) == dist
    on_path &= np.isfinite(dist)
    on_path[x, :] = on_path[:, x] = False
    np.fill_diagonal(on_path, False)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(on_path, np.outer(sigma[:, x], sigma[x, :]) / sigma, 0.0)
    return float(share.sum() / ((n - 1) * (n - 2)))


def removal_curve(
    n: int, u: np.ndarray, v: np.ndarray, strength: np.ndarray, order: str, rng: np.random.Generator, removed=REMOVED
) -> np.ndarray:
    """Share of people in the giant component as ties are removed weakest or strongest first.

    Ties of equal strength are removed in random order. Returns one value per
    entry of ``removed`` (shares of ties removed).

    Examples
    --------
    >>> u, v = np.array([0, 1, 2]), np.array([1, 2, 3])
    >>> removal_curve(4, u, v, np.array([1, 5, 5]), "weakest first", np.random.default_rng(0),
    ...               removed=[0, 1 / 3, 1]).tolist()
    [1.0, 0.75, 0.25]
    """
    key = strength if order == "weakest first" else -np.asarray(strength)
    sequence = np.lexsort((rng.random(u.size), key))
    # Newman–Ziff: put the ties back in reverse order of removal, tracking the largest group
    # with union–find; the network after removing the first r ties is the one with the last
    # m − r ties put back.
    m = u.size
    parent = list(range(n))
    size = [1] * n
    largest = [1 if n else 0]  # largest[j]: largest group with the last j ties of the sequence
    biggest = largest[0]

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for tie in sequence[::-1].tolist():
        a, b = root(int(u[tie])), root(int(v[tie]))
        if a != b:
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
            biggest = max(biggest, size[a])
        largest.append(biggest)
    kept = [m - int(round(share * m)) for share in removed]
    return np.array([largest[j] / n for j in kept]) if n else np.zeros(len(kept))


def breaking_point(curve: np.ndarray, removed=REMOVED, level: float = 0.5) -> float:
    """The first share of ties removed at which the giant component holds less than ``level`` of people.

    Examples
    --------
    >>> breaking_point(np.array([1.0, 0.8, 0.4, 0.1]), removed=[0, 0.25, 0.5, 0.75])
    0.5
    """
    below = np.flatnonzero(np.asarray(curve) < level)
    return float(np.asarray(removed)[below[0]]) if below.size else 1.0


@dataclass(frozen=True, eq=False)
class ConnectionsResult(Result):
    """The result of :meth:`Connections.run`.

    Attributes
    ----------
    constraint, betweenness : numpy.ndarray
        Yours, before and after your bridges (two values each).
    bridged_to : numpy.ndarray
        The people your new ties reach.
    removed : numpy.ndarray
        Shares of ties removed.
    giant_weak_first, giant_strong_first : numpy.ndarray
        Share of people in the largest connected group at each share removed.
    breaks_at : numpy.ndarray
        Share of ties removed at which the largest group drops below half the
        people: weakest first, strongest first.
    strength_inside, strength_between : float
        Mean strength of ties inside fields and between fields.
    ties : int
        Number of ties (with your bridges).
    """

    constraint: np.ndarray
    betweenness: np.ndarray
    bridged_to: np.ndarray
    removed: np.ndarray
    giant_weak_first: np.ndarray
    giant_strong_first: np.ndarray
    breaks_at: np.ndarray
    strength_inside: float
    strength_between: float
    ties: int


def _network(values: dict, seed: int):
    rng = rng_for(seed, 0)
    g = fields_network(values["fields"], values["field_size"], values["inside"], values["between"], int_seed(rng))
    before = g.copy()
    added = add_bridges(g, 0, values["bridges"], values["field_size"], rng)
    return before, g, added, rng


class Connections(Model):
    """Brokerage across fields and weak-tie removal (Granovetter; Burt; Onnela et al.); see the module description."""

    name = "connections"
    title = "Seeing connections between fields"
    principle = (6, "Ability to see connections between fields, ideas, and concepts is a core skill")
    parameters = (
        Parameter(
            "bridges",
            int,
            1,
            0,
            5,
            step=1,
            label="your ties to other fields",
            help="the number of new ties you make to people in other fields",
        ),
        Parameter("fields", int, 6, 2, 12, step=1, label="fields", help="the number of fields (groups)"),
        Parameter(
            "field_size", int, 15, 5, 50, step=1, label="people per field", help="the number of people in each field"
        ),
        Parameter(
            "inside",
            float,
            0.4,
            0.1,
            1.0,
            step=0.05,
            label="ties inside a field",
            help="the chance that two people in the same field are tied",
        ),
        Parameter(
            "between",
            float,
            0.3,
            0.0,
            2.0,
            step=0.05,
            label="ties across fields",
            help="the average number of ties each person has to people in other fields",
        ),
    )
    view_size = 48
    challenge = (
        "You start with one tie to another field. Set it to 0, then back to 1 and 2: how do your "
        "constraint and betweenness change? Then look at the left chart: which ties hold the "
        "network together?"
    )

    def _run(self, seed: int, values: dict) -> ConnectionsResult:
        before, g, added, rng = _network(values, seed)
        c0, b0 = brokerage(before, 0)
        c1, b1 = brokerage(g, 0)
        n = g.number_of_nodes()
        edges = np.array([(a, b, d["strength"]) for a, b, d in g.edges(data=True)], dtype=np.intp)
        edges = edges.reshape(-1, 3)
        u, v, s = edges[:, 0], edges[:, 1], edges[:, 2]
        weak = removal_curve(n, u, v, s, "weakest first", rng_for(seed, 1))
        strong = removal_curve(n, u, v, s, "strongest first", rng_for(seed, 2))
        size = values["field_size"]
        same = (u // size) == (v // size)
        return ConnectionsResult(
            seed=seed,
            params=values,
            constraint=np.array([c0, c1]),
            betweenness=np.array([b0, b1]),
            bridged_to=np.array(added, dtype=np.intp),
            removed=REMOVED.copy(),
            giant_weak_first=weak,
            giant_strong_first=strong,
            breaks_at=np.array([breaking_point(weak), breaking_point(strong)]),
            strength_inside=float(s[same].mean()) if same.any() else 0.0,
            strength_between=float(s[~same].mean()) if (~same).any() else 0.0,
            ties=int(u.size),
        )

    def summary(self, result: ConnectionsResult) -> str:
        """Your constraint and betweenness without and with ties to other fields, and when the network breaks."""
        r = result
        k = r.bridged_to.size
        text = (
            f"Your constraint is {r.constraint[0]:.2f} and your betweenness {r.betweenness[0]:.3f} "
            f"with no ties to other fields"
        )
        if k:
            text += (
                f"; with {k} tie{'s' if k > 1 else ''} to other fields, constraint "
                f"{r.constraint[1]:.2f} and betweenness {r.betweenness[1]:.3f}"
            )
        weak, strong = r.breaks_at
        return text + (
            f". Removing ties weakest first, the largest connected group falls below half "
            f"the people after {weak:.0%} of ties are gone; strongest first, after "
            f"{strong:.0%}" + (" (or never)" if strong >= 1 else "") + "."
        )

    def charts(self, result: ConnectionsResult) -> tuple[Chart, ...]:
        """Two panels: the largest group as ties are removed weakest or strongest first, and your two figures."""
        r = result
        x = r.removed
        removal = Chart(
            title="Removing ties",
            xlabel="share of ties removed",
            ylabel="share of people in the largest group",
            series=(Series("weakest first", x, r.giant_weak_first), Series("strongest first", x, r.giant_strong_first)),
            ylim=(0, 1.02),
            hline=0.5,
            ref_label="half the people",
            alt=(
                f"Line chart of the share of people in the largest connected group as ties are removed. "
                f"Weakest first it falls below half at {r.breaks_at[0]:.0%} of ties removed; strongest "
                f"first at {r.breaks_at[1]:.0%}. With half the ties removed: "
                f"{r.giant_weak_first[25]:.2f} (weakest first) and {r.giant_strong_first[25]:.2f} "
                f"(strongest first)."
            ),
        )
        you = Chart(
            title="You, before and after your ties to other fields",
            xlabel="",
            ylabel="value",
            series=(
                Series("no ties across", [0, 1], [r.constraint[0], r.betweenness[0]], "bars"),
                Series(f"{r.bridged_to.size} tie(s) across", [0, 1], [r.constraint[1], r.betweenness[1]], "bars"),
            ),
            xticklabels=("constraint", "betweenness"),
            ylim=(0, max(1.0, float(r.constraint.max()) * 1.05)),
            alt=(
                f"Bar chart of your constraint ({r.constraint[0]:.2f} before, {r.constraint[1]:.2f} "
                f"after) and betweenness ({r.betweenness[0]:.3f} before, {r.betweenness[1]:.3f} after) "
                f"with {r.bridged_to.size} tie(s) to other fields."
            ),
        )
        return (removal, you)

    def view(self, result: ConnectionsResult) -> View:
        """A sample of at most four fields (you and the people you reach across highlighted)."""
        values = dict(result.params)
        values["fields"] = min(values["fields"], 4)
        values["field_size"] = min(values["field_size"], self.view_size // values["fields"])
        before, g, added, rng = _network(values, result.seed)
        name = {v: ("You" if v == 0 else f"F{v // values['field_size'] + 1}.{v % values['field_size'] + 1}") for v in g}
        h = nx.Graph(title="Fields")
        for v in g:
            h.add_node(name[v], kind="me" if v == 0 else "person", field=int(g.nodes[v]["field"]) + 1)
        for a, b, d in g.edges(data=True):
            h.add_edge(name[a], name[b], strength=int(d["strength"]))
        return View(
            graph=h,
            pos=spring_positions(h, seed=result.seed % 1000),
            highlight=frozenset(name[v] for v in [0, *added]),
            highlight_label="you and the people your ties to other fields reach",
            title=(f"{values['fields']} fields of {values['field_size']} (thick lines: strong ties)"),
        )
