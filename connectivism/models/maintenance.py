"""Nurturing connections: ties fade unless they are tended, and time to tend them is limited.

Siemens' fifth principle says that "nurturing and maintaining connections is
needed to facilitate continual learning". This model makes "maintaining"
concrete. People start in a random network (Erdős–Rényi, mean degree ⟨k⟩₀).
Every tie has a strength that halves every ``half_life`` steps without
contact; a tie whose strength falls below ``threshold`` is lost. Each step,
each person has time for about ``budget`` contacts, spread at random over
their ties; a contact brings a tie back to full strength.

With a generous budget most ties survive and almost everyone stays in one
connected group. As the budget shrinks, the busiest people lose ties first,
the mean degree falls, and below a critical budget the **giant component**
(the large connected group) breaks into small islands: a phase transition,
like the appearance of the giant component in a random graph run backwards.

Why this module is long: it holds one whole model (process, result,
reference sweep, summary, chart data and sample network) with its doctests;
splitting it would scatter one mechanism over several files.

Examples
--------
>>> from connectivism.models import Maintenance
>>> model = Maintenance()
>>> healthy = model.run(seed=1, n=1000, budget=1.0)
>>> starved = model.run(seed=1, n=1000, budget=0.3)
>>> round(float(healthy.giant[-1]), 2), round(float(starved.giant[-1]), 2)
(0.98, 0.01)

References
----------
.. [1] Molloy, M. and Reed, B. (1995). A critical point for random graphs
   with a given degree sequence. *Random Structures & Algorithms* 6, 161–180.
.. [2] Newman, M. E. J. (2010). *Networks: An Introduction*. Oxford
   University Press.
.. [3] Erdős, P. and Rényi, A. (1960). On the evolution of random graphs.
   *Publ. Math. Inst. Hung. Acad. Sci.* 5, 17–61.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import numpy as np

from connectivism.models.base import Chart, Model, Parameter, Result, Series, View, rng_for, spring_positions
from connectivism.models.giant import (
    TieSubsets,
    adjacency_from_edges,
    component_labels,
    configuration_giant,
    giant_while_ties_vanish,
)

__all__ = ["Maintenance", "MaintenanceResult", "random_ties", "tie_lifetime", "fade", "FadeRun"]

#: Budgets of the reference sweep (contacts per person per step).
SWEEP_BUDGETS = np.round(np.linspace(0.0, 3.0, 13), 2)
#: The reference sweep runs on at most this many people (shares hardly depend on size).
SWEEP_MAX_N = 2000


def random_ties(n: int, mean_degree: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The two end arrays of the ties of a random graph G(n, ⟨k⟩/(n − 1)).

    Built with :func:`networkx.fast_gnp_random_graph`, seeded from ``rng``.

    Examples
    --------
    >>> u, v = random_ties(1000, 4.0, np.random.default_rng(1))
    >>> round(2 * u.size / 1000, 1)
    3.8
    """
    g = nx.fast_gnp_random_graph(n, min(1.0, mean_degree / max(n - 1, 1)), seed=int(rng.integers(2**31 - 1)))
    edges = np.array(list(g.edges()), dtype=np.intp).reshape(-1, 2)
    return edges[:, 0].copy(), edges[:, 1].copy()


def tie_lifetime(half_life: float, threshold: float) -> int:
    """Steps a tie survives without contact: the largest ``s`` with ``2^(−s/half_life) ≥ threshold``.

    Examples
    --------
    >>> tie_lifetime(4, 0.25)
    8
    >>> tie_lifetime(4, 0.9)
    0
    """
    return int(math.floor(half_life * math.log2(1.0 / threshold) + 1e-9))


@dataclass(frozen=True, eq=False)
class FadeRun:
    """The outcome of :func:`fade`: read-only numpy arrays.

    Attributes
    ----------
    alive : numpy.ndarray
        Whether each tie is still alive at the end (bool per tie).
    since : numpy.ndarray
        Steps since each tie's last contact, at the end.
    lost : numpy.ndarray
        The step after which each tie is gone (``steps + 1`` if it lasts).
    giant : numpy.ndarray
        Share of people in the largest connected group, from step 0 (before
        anything fades); only step 0 and the last step if ``record`` is False.
    mean_degree : numpy.ndarray
        Live ties per person, at the same steps as ``giant``.
    """

    alive: np.ndarray
    since: np.ndarray
    lost: np.ndarray
    giant: np.ndarray
    mean_degree: np.ndarray

    def __post_init__(self) -> None:
        for value in (self.alive, self.since, self.lost, self.giant, self.mean_degree):
            value.setflags(write=False)

    def __getitem__(self, key: str) -> np.ndarray:
        # fade() returned a dict up to version 0.1.0: out["giant"] still works, with a warning.
        warnings.warn(f"fade() returns a FadeRun: use .{key} instead of [{key!r}]", DeprecationWarning, stacklevel=2)
        if key not in ("alive", "since", "lost", "giant", "mean_degree"):
            raise KeyError(key)
        return getattr(self, key)


def fade(
    n: int,
    u: np.ndarray,
    v: np.ndarray,
    *,
    budget: float,
    lifetime: int,
    steps: int,
    rng: np.random.Generator,
    record: bool = True,
) -> FadeRun:
    """Run the fading-ties process on the ties ``(u[i], v[i])`` of ``n`` people.

    Parameters
    ----------
    n : int
        Number of people.
    u, v : numpy.ndarray
        End points of each tie.
    budget : float
        Contacts per person per step (0 or more).
    lifetime : int
        Steps a tie survives without contact (:func:`tie_lifetime`).
    steps : int
        Number of steps.
    rng : numpy.random.Generator
        Source of randomness.
    record : bool, optional
        Measure the giant component after every step (else only at the end).

    Returns
    -------
    FadeRun
        ``alive`` (bool per tie), ``since`` (steps since each tie's last
        contact), ``lost`` (the step after which each tie is gone,
        ``steps + 1`` if it lasts), ``giant`` and ``mean_degree`` (one value
        per step, from step 0 before anything fades; only the ends if
        ``record`` is False).

    Notes
    -----
    Ties start at random ages, ``since`` uniform on 0..lifetime. At each
    step, for every tie still alive:

    1. it ages: ``since ← since + 1``;
    2. each end ``i`` contacts it with probability ``min(1, budget / d_i)``,
       where ``d_i`` is ``i``'s number of live ties (so each person makes
       about ``budget`` contacts, or one per tie if they have fewer ties);
       a contact sets ``since ← 0``;
    3. it is lost if ``since > lifetime``.

    Its strength is ``2^(−since / half_life)``. All ties step together:
    degrees with :func:`numpy.bincount`, contacts with one array of random
    numbers. Ties are only ever lost, so the giant component at every step
    comes afterwards, from the step each tie was lost, by going back in time
    and joining components again
    (:func:`~connectivism.models.giant.giant_while_ties_vanish`): one
    :func:`scipy.sparse.csgraph.connected_components` call, not one per step.
    """
    m = u.size
    since = rng.integers(0, lifetime + 1, m) if m else np.zeros(0, dtype=np.intp)
    alive = np.ones(m, dtype=bool)
    lost = np.full(m, steps + 1, dtype=np.intp)  # the step after which each tie is gone
    for step in range(steps):
        idx = np.flatnonzero(alive)
        if idx.size:
            eu, ev = u[idx], v[idx]
            deg = np.bincount(eu, minlength=n) + np.bincount(ev, minlength=n)
            draws = rng.random((2, idx.size))
            contact = (draws[0] * deg[eu] < budget) | (draws[1] * deg[ev] < budget)
            age = since[idx] + 1
            age[contact] = 0
            since[idx] = age
            gone = idx[age > lifetime]
            alive[gone] = False
            lost[gone] = step + 1
    if record or steps == 0:
        giant = giant_while_ties_vanish(n, u, v, lost, steps)
        mean_degree = 2 * (m - np.cumsum(np.bincount(lost, minlength=steps + 2))[: steps + 1]) / n
    else:
        ties = TieSubsets(n, u, v)
        giant = np.array([ties.giant(np.ones(m, dtype=bool)), ties.giant(alive)])
        mean_degree = np.array([2 * m / n, 2 * np.count_nonzero(alive) / n])
    return FadeRun(alive=alive, since=since, lost=lost, giant=giant, mean_degree=mean_degree)


@dataclass(frozen=True, eq=False)
class MaintenanceResult(Result):
    """The result of :meth:`Maintenance.run`.

    Attributes
    ----------
    giant : numpy.ndarray
        Share of people in the largest connected group, at steps 0..steps.
    mean_degree : numpy.ndarray
        Live ties per person, at steps 0..steps.
    degrees : numpy.ndarray
        Each person's live ties at the end.
    lifetime : int
        Steps a tie survives without contact.
    predicted_giant : float
        The giant component predicted from the final degrees for a random
        network with those degrees (configuration model).
    onward_ties : float
        Mean number of onward ties at the end of a tie, ⟨k²⟩/⟨k⟩ − 1; the
        network holds together when it exceeds 1.
    groups : int
        Number of connected groups at the end (isolated people count).
    sweep_budget, sweep_giant, sweep_mean_degree : numpy.ndarray
        Reference runs with the same settings at other budgets (on at most
        SWEEP_MAX_N people): the largest group and the live ties per person
        at the end.
    """

    giant: np.ndarray
    mean_degree: np.ndarray
    degrees: np.ndarray
    lifetime: int
    predicted_giant: float
    onward_ties: float
    groups: int
    sweep_budget: np.ndarray
    sweep_giant: np.ndarray
    sweep_mean_degree: np.ndarray


def _onward(degrees: np.ndarray) -> float:
    k = degrees.astype(float)
    return float((k * k).mean() / k.mean() - 1) if k.sum() else 0.0


@lru_cache(maxsize=32)
def _sweep(n: int, mean_degree: float, lifetime: int, steps: int, seed: int):
    giant, kbar = [], []
    for i, b in enumerate(SWEEP_BUDGETS):
        rng = rng_for(seed, 1, i)
        u, v = random_ties(n, mean_degree, rng)
        out = fade(n, u, v, budget=float(b), lifetime=lifetime, steps=steps, rng=rng, record=False)
        giant.append(out.giant[-1])
        kbar.append(out.mean_degree[-1])
    return np.array(giant), np.array(kbar)


class Maintenance(Model):
    """Ties that fade unless tended within a budget; the giant component's collapse (principle 5).

    Notes
    -----
    **When does the network fall apart?** Treat the surviving ties as a
    random network with the surviving degree distribution ``p_k``. Molloy and
    Reed (1995) showed that such a network has a giant component if and only
    if

    .. math:: \\langle k^2 \\rangle - 2\\langle k \\rangle > 0
              \\iff \\frac{\\langle k^2 \\rangle}{\\langle k \\rangle} - 1 > 1 ,

    that is, when following a tie leads, on average, to more than one onward
    tie. For Poisson degrees (the starting Erdős–Rényi network) the onward
    ties number ⟨k⟩, so the condition is the classic ⟨k⟩ > 1 and the giant
    share solves ``S = 1 − e^{−⟨k⟩S}``. Fading removes ties of busy people
    first (each of their ties gets less of their time), which narrows the
    degree distribution; then ⟨k²⟩/⟨k⟩ − 1 < ⟨k⟩ and the collapse comes at a
    mean degree **above** 1 (near 2 in the extreme where everyone keeps the
    same number of ties). :attr:`MaintenanceResult.onward_ties` and
    :attr:`MaintenanceResult.predicted_giant` give the criterion and the
    predicted share (:func:`connectivism.models.giant.configuration_giant`)
    for the network at the end of a run.

    **Why the budget matters.** A tie with ends of degrees ``d_i`` and
    ``d_j`` is contacted in a step with probability about
    ``1 − (1 − b/d_i)(1 − b/d_j)``, and is lost after ``lifetime + 1`` steps
    in a row without contact. Fewer contacts per person (smaller ``b``), a
    faster fade or a higher threshold (shorter lifetime) all push the
    network towards the collapse. Random contacts also mean that any tie a
    person cannot contact every step is eventually lost by bad luck, so a
    network keeps thinning slowly; the model reports it after ``steps``.

    Examples
    --------
    >>> model = Maintenance()
    >>> model.run(seed=2, n=500) == model.run(seed=2, n=500)
    True
    >>> model.run(threshold=0)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: threshold = 0 is outside 0.05–0.95: threshold is the
    strength (1 = just contacted) below which a tie is lost; use a number from 0.05 to 0.95.
    """

    name = "maintenance"
    title = "Nurturing connections"
    principle = (5, "Nurturing and maintaining connections is needed to facilitate continual learning")
    parameters = (
        Parameter(
            "budget",
            float,
            1.0,
            0.0,
            3.0,
            step=0.05,
            label="contacts / step",
            help="the number of contacts each person has time for in a step",
        ),
        Parameter(
            "half_life",
            float,
            4.0,
            0.5,
            52.0,
            step=0.5,
            label="half-life",
            help="the number of steps in which an untended tie loses half its strength",
        ),
        Parameter(
            "threshold",
            float,
            0.25,
            0.05,
            0.95,
            step=0.05,
            label="lost below",
            help="the strength (1 = just contacted) below which a tie is lost",
        ),
        Parameter(
            "mean_degree",
            float,
            4.0,
            0.5,
            12.0,
            step=0.5,
            label="ties at start",
            help="the average number of ties per person at the start",
        ),
        Parameter("n", int, 400, 20, 20000, step=20, label="people", help="the number of people"),
        Parameter("steps", int, 100, 1, 500, step=10, label="steps", help="the number of steps (weeks) to run"),
    )
    view_size = 50
    challenge = (
        "Find the smallest number of contacts per week that still keeps almost everyone "
        "in one connected group after 100 weeks. What happens just below it?"
    )

    def _run(self, seed: int, values: dict) -> MaintenanceResult:
        n, k0 = values["n"], values["mean_degree"]
        lifetime = tie_lifetime(values["half_life"], values["threshold"])
        rng = rng_for(seed, 0)
        u, v = random_ties(n, k0, rng)
        out = fade(n, u, v, budget=values["budget"], lifetime=lifetime, steps=values["steps"], rng=rng)
        live = out.alive
        degrees = np.bincount(u[live], minlength=n) + np.bincount(v[live], minlength=n)
        groups, _ = component_labels(adjacency_from_edges(n, u[live], v[live]))
        sweep_giant, sweep_k = _sweep(min(n, SWEEP_MAX_N), k0, lifetime, values["steps"], seed)
        return MaintenanceResult(
            seed=seed,
            params=values,
            giant=out.giant,
            mean_degree=out.mean_degree,
            degrees=degrees,
            lifetime=lifetime,
            predicted_giant=configuration_giant(degrees),
            onward_ties=_onward(degrees),
            groups=int(groups),
            sweep_budget=SWEEP_BUDGETS.copy(),
            sweep_giant=sweep_giant.copy(),
            sweep_mean_degree=sweep_k.copy(),
        )

    def summary(self, result: MaintenanceResult) -> str:
        """How many ties people keep, how large the largest group stays, and whether the network hangs together."""
        r, p = result, result.params
        state = (
            "still hangs together"
            if r.onward_ties > 1 and r.giant[-1] >= 0.5
            else "is falling apart"
            if r.onward_ties > 1
            else "has fallen apart"
        )
        contacts = "contact" if p["budget"] == 1 else "contacts"
        return (
            f"With {p['budget']:g} {contacts} per person per step, a tie untended for more than "
            f"{r.lifetime} steps is lost. After {p['steps']} steps people keep "
            f"{r.mean_degree[-1]:.2f} of their {r.mean_degree[0]:.2f} ties on average, and the "
            f"largest connected group holds {r.giant[-1]:.0%} of them (at the start "
            f"{r.giant[0]:.0%}). Following a tie leads on average to {r.onward_ties:.2f} onward "
            f"ties: the network {state} (it needs more than 1; predicted largest group "
            f"{r.predicted_giant:.0%})."
        )

    def charts(self, result: MaintenanceResult) -> tuple[Chart, ...]:
        """Two panels: ties and the largest group over time, and the largest group at the end by contacts per step."""
        r, p = result, result.params
        t = np.arange(r.giant.size)
        time = Chart(
            title="Over time",
            xlabel="step (week)",
            ylabel="share of people",
            series=(
                Series("in the largest connected group", t, r.giant),
                Series(
                    "ties kept (share of the start)",
                    t,
                    r.mean_degree / r.mean_degree[0] if r.mean_degree[0] else r.mean_degree,
                ),
            ),
            ylim=(0, 1.05),
            alt=(
                f"Line chart over {p['steps']} steps. The share of people in the largest group "
                f"goes from {r.giant[0]:.2f} to {r.giant[-1]:.2f}; the share of ties kept goes "
                f"from 1 to {r.mean_degree[-1] / max(r.mean_degree[0], 1e-12):.2f}."
            ),
        )
        budget = Chart(
            title=f"After {p['steps']} steps, by contacts per step",
            xlabel="contacts per person per step",
            ylabel="share of people in the largest group",
            series=(
                Series("other budgets, same settings", r.sweep_budget, r.sweep_giant, "points"),
                Series("this run", [p["budget"]], [r.giant[-1]], "marker"),
            ),
            ylim=(0, 1.05),
            vline=p["budget"],
            ref_label=f"budget {p['budget']:g}",
            alt=(
                "Chart of the largest group's share after the run against the budget, from 0 to 3 "
                "contacts per step: "
                + ", ".join(f"{b:g}: {s:.2f}" for b, s in zip(r.sweep_budget, r.sweep_giant))
                + f". This run, with budget {p['budget']:g}, ends at {r.giant[-1]:.2f}."
            ),
        )
        return (time, budget)

    def view(self, result: MaintenanceResult) -> View:
        """A sample of the group after the last step, with the largest connected group highlighted."""
        p = dict(result.params)
        size = min(p["n"], self.view_size)
        rng = rng_for(result.seed, 2)
        u, v = random_ties(size, p["mean_degree"], rng)
        out = fade(size, u, v, budget=p["budget"], lifetime=result.lifetime, steps=p["steps"], rng=rng, record=False)
        names = [f"P{i + 1}" for i in range(size)]
        start = nx.Graph()
        start.add_nodes_from(names)
        start.add_edges_from((names[a], names[b]) for a, b in zip(u.tolist(), v.tolist()))
        pos = spring_positions(start, seed=result.seed % 1000)
        g = nx.Graph(title="A sample group")
        for name in names:
            g.add_node(name, kind="person")
        strength = np.power(2.0, -out.since / p["half_life"])
        for i in np.flatnonzero(out.alive).tolist():
            g.add_edge(names[u[i]], names[v[i]], strength=int(min(5, 1 + math.floor(4 * strength[i] + 1e-9))))
        largest = max(nx.connected_components(g), key=len) if size else set()
        lost = u.size - g.number_of_edges()
        return View(
            graph=g,
            pos=pos,
            highlight=frozenset(largest),
            highlight_label="in the largest connected group",
            title=f"A sample of {size} people after {p['steps']} steps ({lost} of {u.size} ties lost)",
        )
