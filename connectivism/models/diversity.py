"""Diversity of opinions: bounded confidence on networks of different density.

Siemens' first principle says that "learning and knowledge rests in diversity
of opinions". This model, the bounded-confidence model of Hegselmann and
Krause (2002), asks when a group keeps its diversity and when it loses it.
Each person holds an **opinion**, a number between 0 and 1 (how far they
favour one way of teaching fractions over another, say). At every step
everyone at once moves to the average opinion of the contacts (and
themselves) whose opinions lie within their **confidence** ``epsilon`` of
their own; opinions further away are ignored.

Two things decide how much diversity survives:

* **open-mindedness** (``epsilon``): with a large confidence everyone ends
  in one consensus; with a small one the group splits into about
  ``1/(2 epsilon)`` opinion clusters that no longer listen to each other;
* **density**: when everyone hears everyone (a complete network), opinions
  collapse within a few steps; on a sparse network (a ring of neighbours
  with a few shortcuts) the same rule takes many times longer, and a variety
  of opinions stays in play for longer.

This is the synchronous variant of Hegselmann and Krause, run on a network
instead of on everyone at once (as Lorenz 2007 reviews). It models how views
converge, not whether they are right: there is no "true" opinion here.

Examples
--------
>>> from connectivism.models import Diversity
>>> r = Diversity().run(seed=1, network="everyone", epsilon=0.3, n=300)
>>> r.clusters, bool(r.converged_at < 20)
(1, True)

References
----------
.. [1] Hegselmann, R. and Krause, U. (2002). Opinion dynamics and bounded
   confidence: models, analysis and simulation. *Journal of Artificial
   Societies and Social Simulation* 5(3).
.. [2] Lorenz, J. (2007). Continuous opinion dynamics under bounded
   confidence: a survey. *International Journal of Modern Physics C* 18,
   1819–1838. doi:10.1142/S0129183107011789
.. [3] Lazer, D. and Friedman, A. (2007). The network structure of
   exploration and exploitation. *Administrative Science Quarterly* 52(4),
   667–694. doi:10.2189/asqu.52.4.667
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp

from connectivism.models.base import (
    Chart,
    Model,
    Parameter,
    Result,
    Series,
    View,
    check_even_and_below,
    int_seed,
    rng_for,
    spring_positions,
)

__all__ = [
    "Diversity",
    "DiversityResult",
    "make_network",
    "hk_step",
    "hk_step_everyone",
    "opinion_clusters",
    "bounded_confidence",
]

NETWORKS = ("everyone", "small world", "ring")
#: Opinions closer than this count as the same opinion (cluster).
SAME = 1e-3
#: A run has converged when no opinion moves more than this in a step.
TOLERANCE = 1e-6


def make_network(kind: str, n: int, k: int, rng: np.random.Generator) -> sp.csr_array | None:
    """The network people listen along, as a CSR adjacency matrix (None for ``"everyone"``).

    ``"ring"``: each person hears the ``k`` nearest on a ring; ``"small world"``:
    the same ring with 5 % of ties rewired at random (Watts–Strogatz).

    Examples
    --------
    >>> float(make_network("ring", 10, 2, np.random.default_rng(0)).sum())
    20.0
    """
    if kind == "everyone":
        return None
    p = 0.05 if kind == "small world" else 0.0
    g = nx.watts_strogatz_graph(n, k, p, seed=int_seed(rng))
    return nx.to_scipy_sparse_array(g, nodelist=range(n), dtype=np.float64, format="csr")


def hk_step(x: np.ndarray, rows: np.ndarray, cols: np.ndarray, epsilon: float) -> np.ndarray:
    """One synchronous Hegselmann–Krause step on a network.

    Parameters
    ----------
    x : numpy.ndarray
        Everyone's opinion.
    rows, cols : numpy.ndarray
        Directed tie list (both directions of each tie; self-ties are added here).
    epsilon : float
        Confidence bound.

    Returns
    -------
    numpy.ndarray
        ``x_i' = mean{ x_j : j = i or j ~ i, |x_j − x_i| ≤ epsilon }``.

    Examples
    --------
    >>> hk_step(np.array([0.0, 0.1, 0.9]), np.array([0, 1, 1, 2]), np.array([1, 0, 2, 1]), 0.2)
    array([0.05, 0.05, 0.9 ])
    """
    n = x.size
    near = np.abs(x[rows] - x[cols]) <= epsilon
    r, c = rows[near], cols[near]
    total = np.bincount(r, weights=x[c], minlength=n) + x
    count = np.bincount(r, minlength=n) + 1.0
    return total / count


def hk_step_everyone(x: np.ndarray, epsilon: float) -> np.ndarray:
    """One Hegselmann–Krause step when everyone hears everyone (sorting and prefix sums, O(n log n)).

    Examples
    --------
    >>> hk_step_everyone(np.array([0.0, 0.1, 0.9]), 0.2)
    array([0.05, 0.05, 0.9 ])
    """
    order = np.argsort(x, kind="stable")
    s = x[order]
    prefix = np.concatenate([[0.0], np.cumsum(s)])
    lo = np.searchsorted(s, s - epsilon, side="left")
    hi = np.searchsorted(s, s + epsilon, side="right")
    out = np.empty_like(x)
    out[order] = (prefix[hi] - prefix[lo]) / (hi - lo)
    return out


def opinion_clusters(x: np.ndarray, gap: float = SAME) -> np.ndarray:
    """Sizes of the opinion clusters: opinions sorted, split wherever neighbours differ by more than ``gap``.

    Examples
    --------
    >>> opinion_clusters(np.array([0.2, 0.8, 0.2001, 0.5])).tolist()
    [2, 1, 1]
    """
    s = np.sort(x)
    cuts = np.flatnonzero(np.diff(s) > gap) + 1
    return np.diff(np.concatenate([[0], cuts, [s.size]]))


def bounded_confidence(x0: np.ndarray, adjacency, epsilon: float, steps: int):
    """Run the model; return opinions per step (``(steps + 1) × n``) and the step it settled (−1: not yet)."""
    x = np.array(x0, dtype=float)
    history = np.empty((steps + 1, x.size))
    history[0] = x
    if adjacency is not None:
        a = sp.coo_array(adjacency)
        rows, cols = a.row.astype(np.intp), a.col.astype(np.intp)
    settled = -1
    for t in range(1, steps + 1):
        new = hk_step_everyone(x, epsilon) if adjacency is None else hk_step(x, rows, cols, epsilon)
        history[t] = new
        if settled < 0 and np.max(np.abs(new - x)) < TOLERANCE:
            settled = t
        x = new
        if settled >= 0:
            history[t + 1 :] = x  # a fixed point: nothing moves any more
            break
    return history, settled


@dataclass(frozen=True, eq=False)
class DiversityResult(Result):
    """The result of :meth:`Diversity.run`.

    Attributes
    ----------
    opinions : numpy.ndarray
        ``(steps + 1) × n``: everyone's opinion at each step (step 0: the start).
    spread : numpy.ndarray
        Per step: standard deviation of opinions (how diverse the group still is).
    distinct : numpy.ndarray
        Per step: number of distinct opinions (clusters, opinions within 0.001 counted as one).
    final : numpy.ndarray
        Sizes of the final opinion clusters, largest first.
    clusters : int
        Number of final clusters holding at least 2 % of people.
    converged_at : int
        Step at which no opinion moved more than 10⁻⁶ (−1 if not within ``steps``).
    """

    opinions: np.ndarray
    spread: np.ndarray
    distinct: np.ndarray
    final: np.ndarray
    clusters: int
    converged_at: int


def _simulate(values: dict, seed: int, n: int):
    rng = rng_for(seed, 0)
    x0 = rng_for(seed, 1).random(n)
    a = make_network(values["network"], n, values["k"], rng)
    history, settled = bounded_confidence(x0, a, values["epsilon"], values["steps"])
    return a, history, settled


class Diversity(Model):
    """Bounded-confidence opinion dynamics on a network (Hegselmann & Krause 2002); see the module description."""

    name = "diversity"
    title = "Diversity of opinions"
    principle = (1, "Learning and knowledge rests in diversity of opinions")
    parameters = (
        Parameter(
            "epsilon",
            float,
            0.15,
            0.01,
            0.5,
            step=0.01,
            label="open-mindedness",
            help="the confidence bound: people listen only to opinions at most this far from their own",
        ),
        Parameter(
            "network",
            str,
            "small world",
            choices=NETWORKS,
            label="who hears whom",
            help="everyone hears everyone, a ring of neighbours with a few shortcuts, or a plain ring",
        ),
        Parameter(
            "k",
            int,
            6,
            2,
            20,
            step=2,
            label="neighbours (ring)",
            help="the number of neighbours each person hears on the ring networks (an even number)",
        ),
        Parameter("n", int, 200, 20, 20000, step=20, label="people", help="the number of people"),
        Parameter("steps", int, 100, 10, 500, step=10, label="steps", help="the number of steps to run"),
    )
    view_size = 40
    challenge = (
        "Set open-mindedness to 0.15. With everyone hearing everyone, how many steps until "
        "opinions settle, and into how many camps? Now switch to a small world: what changes?"
    )

    def _check_together(self, values: dict) -> None:
        check_even_and_below(
            values,
            "k",
            odd="on a ring each person hears as many neighbours on the left as on the right; "
            "use an even number from 2 to 20.",
            too_large="use fewer neighbours than people.",
        )

    def _run(self, seed: int, values: dict) -> DiversityResult:
        a, history, settled = _simulate(values, seed, values["n"])
        distinct = np.array([opinion_clusters(row).size for row in history])
        final = np.sort(opinion_clusters(history[-1]))[::-1]
        return DiversityResult(
            seed=seed,
            params=values,
            opinions=history,
            spread=history.std(axis=1),
            distinct=distinct,
            final=final,
            clusters=int((final >= 0.02 * values["n"]).sum()),
            converged_at=int(settled),
        )

    def summary(self, result: DiversityResult) -> str:
        """Whether opinions settled, into how many camps, and how that compares with the 1/(3ε) to 1/(2ε) rule."""
        r, p = result, result.params
        where = {
            "everyone": "everyone hears everyone",
            "small world": f"each person hears {p['k']} neighbours and a few hear someone far away",
            "ring": f"each person hears only their {p['k']} nearest neighbours",
        }[p["network"]]
        if r.converged_at < 0:
            return (
                f"With open-mindedness {p['epsilon']:.2f}, where {where}: after {p['steps']} steps "
                f"opinions were still moving, with {r.distinct[-1]} distinct opinions left (from "
                f"{r.distinct[0]} at the start); the spread of opinions went from {r.spread[0]:.2f} "
                f"to {r.spread[-1]:.2f}."
            )
        camps = "one consensus" if r.clusters == 1 else f"{r.clusters} camps that no longer listen to each other"
        return (
            f"With open-mindedness {p['epsilon']:.2f}, where {where}: opinions settled after "
            f"{r.converged_at} steps, in {camps}. When everyone hears everyone, expect between "
            f"1/(3ε) and 1/(2ε) camps, here {1 / (3 * p['epsilon']):.1f} to {1 / (2 * p['epsilon']):.1f}."
        )

    def charts(self, result: DiversityResult) -> tuple[Chart, ...]:
        """Two panels: the opinions of 12 people over time, and how diverse the group stays."""
        r = result
        steps = r.opinions.shape[0]
        shown = np.linspace(0, r.opinions.shape[1] - 1, min(12, r.opinions.shape[1])).astype(int)
        t = np.arange(steps)
        x0 = r.opinions[0]
        order = shown[np.argsort(x0[shown])]
        paths = Chart(
            title="Opinions over time (12 people)",
            xlabel="step",
            ylabel="opinion",
            series=tuple(Series(f"person {i + 1}" if j == 0 else "", t, r.opinions[:, i]) for j, i in enumerate(order)),
            ylim=(0, 1),
            alt=(
                f"Line chart of the opinions of 12 people over {steps - 1} steps. They start spread "
                f"between {x0[order].min():.2f} and {x0[order].max():.2f} and end at "
                + ", ".join(f"{v:.2f}" for v in np.unique(np.round(r.opinions[-1, order], 2)))
                + "."
            ),
        )
        diversity = Chart(
            title="How diverse the group stays",
            xlabel="step",
            ylabel="spread of opinions (std)",
            series=(Series("spread of opinions", t, r.spread),),
            ylim=(0, max(0.3, float(r.spread.max()) * 1.05)),
            alt=(
                f"Line chart of the spread (standard deviation) of opinions: {r.spread[0]:.2f} at the "
                f"start, {r.spread[min(10, steps - 1)]:.2f} after 10 steps, {r.spread[-1]:.2f} at the end; "
                f"{r.clusters} camp(s) at the end."
            ),
        )
        return (paths, diversity)

    def view(self, result: DiversityResult) -> View:
        """A sample of the group at the end, with the largest camp highlighted."""
        values = dict(result.params)
        size = min(values["n"], self.view_size)
        values["n"] = size
        values["k"] = min(values["k"], 4 if values["network"] != "everyone" else values["k"])
        net = values["network"]
        if net == "everyone":
            values["network"] = "small world"  # draw a neighbourhood, not a hairball of 780 ties
        a, history, settled = _simulate(values, result.seed, size)
        g = nx.Graph(title="A sample group")
        final = history[-1]
        sizes = opinion_clusters(final)
        biggest = np.sort(final)[np.argmax(np.repeat(sizes, sizes))]
        camp = np.abs(final - biggest) <= SAME
        for i in range(size):
            g.add_node(f"P{i + 1}", kind="person", opinion=round(float(final[i]), 3))
        upper = sp.triu(a, k=1).tocoo()
        g.add_edges_from((f"P{i + 1}", f"P{j + 1}") for i, j in zip(upper.row.tolist(), upper.col.tolist()))
        title = f"{size} people on a ring with shortcuts at the end" + (
            " (the explorer's run hears everyone)" if net == "everyone" else ""
        )
        return View(
            graph=g,
            pos=spring_positions(g, seed=result.seed % 1000),
            highlight=frozenset(f"P{i + 1}" for i in np.flatnonzero(camp).tolist()),
            highlight_label="in the largest camp",
            title=title,
        )
