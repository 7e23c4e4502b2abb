"""Decisions in a shifting reality: copying and exploring when the right answer changes.

Siemens' eighth principle says that "decision-making is itself a learning
process", seen "through the lens of a shifting reality": "while there is a
right answer now, it may be wrong tomorrow". This model is social learning
in a restless two-armed bandit. Each of ``n`` people chooses one of two
options every step (two ways to run homework, say). The **better** option
works (pays 1) with chance ``quality`` and the other with chance
``1 − quality``; every ``flip_every`` steps the two swap, and yesterday's
right answer becomes today's wrong one.

After each step a person either **explores** (with chance ``explore``: picks
an option at random) or **copies**: looks at themselves and their contacts,
and copies the option of someone for whom it just worked (each successful
person equally likely; if nobody's option worked, they keep their own).

Copying is a powerful filter: it spreads whatever is working, and a group
that copies finds the better option quickly. But when the world shifts, a
group that only copies has nobody left trying the other option, and it herds
on yesterday's answer for good. A little independent exploration keeps the
other option in view, and the group adapts again; a lot of exploration is
just noise.

Examples
--------
>>> from connectivism.models import Decisions
>>> copy_only = Decisions().run(seed=1, explore=0.0)
>>> some = Decisions().run(seed=1, explore=0.05)
>>> bool(some.after_flips > copy_only.after_flips + 0.3)
True

References
----------
.. [1] Rendell, L. et al. (2010). Why copy others? Insights from the social
   learning strategies tournament. *Science* 328, 208–213.
   doi:10.1126/science.1184719
.. [2] Lazer, D. and Friedman, A. (2007). The network structure of
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

__all__ = ["Decisions", "DecisionsResult", "make_network", "better_option", "social_learning", "recovery"]

#: Steps after each flip over which recovery is measured.
WINDOW = 20


def make_network(n: int, k: int, rng: np.random.Generator) -> sp.csr_array:
    """A small world of ``n`` people with ``k`` contacts each (Watts–Strogatz, 10 % rewired).

    Examples
    --------
    >>> make_network(100, 4, np.random.default_rng(0)).shape
    (100, 100)
    """
    g = nx.watts_strogatz_graph(n, k, 0.1, seed=int_seed(rng))
    return nx.to_scipy_sparse_array(g, nodelist=range(n), dtype=np.float64, format="csr")


def better_option(steps: int, flip_every: int) -> np.ndarray:
    """Which option (0 or 1) is better at each step: 0 first, swapping every ``flip_every`` steps.

    Examples
    --------
    >>> better_option(7, 3).tolist()
    [0, 0, 0, 1, 1, 1, 0]
    """
    return (np.arange(steps) // flip_every) % 2


def social_learning(adjacency, *, explore, quality: float, best: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Everyone's choice at each step: explore at random, or copy an option that just worked nearby.

    Parameters
    ----------
    adjacency : scipy.sparse.csr_array
        Who sees whom (symmetric, ``n × n``).
    explore : float or array of float
        Chance per step of choosing at random instead of copying. An array
        runs one independent group per value, all at once, on the same network.
    quality : float
        Chance that the better option works (the other works with ``1 − quality``).
    best : numpy.ndarray
        The better option (0 or 1) at each step.
    rng : numpy.random.Generator
        Source of randomness.

    Returns
    -------
    numpy.ndarray
        ``steps × n`` array of choices (int8), or ``steps × groups × n`` if
        ``explore`` is an array.

    Notes
    -----
    Let ``w_j`` be 1 if ``j``'s choice worked at step ``t``. A copier ``i``
    picks one person at random among those in ``{i} ∪ N(i)`` with ``w_j = 1``
    and takes their choice; equivalently it chooses option 1 with
    probability ``c₁ / (c₀ + c₁)``, where ``c_o = Σ_{j ∈ {i} ∪ N(i)} w_j [a_j = o]``
    (two sparse matrix products per step, for every group at once). If
    ``c₀ + c₁ = 0`` it keeps its choice. Start: choices at random.

    Examples
    --------
    >>> a = make_network(30, 4, np.random.default_rng(0))
    >>> social_learning(a, explore=[0.0, 1.0], quality=0.7, best=np.zeros(5, dtype=int),
    ...                 rng=np.random.default_rng(1)).shape
    (5, 2, 30)
    """
    single = np.ndim(explore) == 0
    rates = np.atleast_1d(np.asarray(explore, dtype=float))[:, None]
    a = sp.csr_array(adjacency) + sp.eye_array(adjacency.shape[0], format="csr")
    n, steps, groups = a.shape[0], best.size, rates.shape[0]
    choice = rng.random((groups, n)) < 0.5
    out = np.empty((steps, groups, n), dtype=np.int8)
    for t in range(steps):
        out[t] = choice
        chance = np.where(choice == bool(best[t]), quality, 1.0 - quality)
        worked = rng.random((groups, n)) < chance
        c1 = (a @ (worked & choice).T.astype(float)).T
        c = (a @ worked.T.astype(float)).T
        draws = rng.random((3, groups, n))
        copied = np.where(c > 0, draws[0] * c < c1, choice)
        choice = np.where(draws[1] < rates, draws[2] < 0.5, copied)
    return out[:, 0, :] if single else out


def recovery(accuracy: np.ndarray, flip_every: int, window: int = WINDOW) -> float:
    """Mean accuracy over the ``window`` steps after each flip (NaN if there is no flip).

    Examples
    --------
    >>> recovery(np.array([1, 1, 0, 0.5, 1, 1]), 2, window=2)
    0.625
    """
    flips = np.arange(flip_every, accuracy.size, flip_every)
    parts = [accuracy[f : f + window] for f in flips]
    return float(np.concatenate(parts).mean()) if parts else float("nan")


@dataclass(frozen=True, eq=False)
class DecisionsResult(Result):
    """The result of :meth:`Decisions.run`.

    Attributes
    ----------
    best : numpy.ndarray
        The better option at each step.
    accuracy : numpy.ndarray
        Per step: share of people choosing the better option.
    flips : numpy.ndarray
        Steps at which the better option changed.
    before_flips : float
        Mean accuracy in the ``WINDOW`` steps before each change (and before the end).
    after_flips : float
        Mean accuracy in the ``WINDOW`` steps after each change (NaN if none).
    payoff : float
        Mean payoff per person per step.
    sweep_explore, sweep_after : numpy.ndarray
        Reference sweep: recovery after flips for several exploration rates (same other settings).
    """

    best: np.ndarray
    accuracy: np.ndarray
    flips: np.ndarray
    before_flips: float
    after_flips: float
    payoff: float
    sweep_explore: np.ndarray
    sweep_after: np.ndarray


#: Exploration rates of the reference sweep.
SWEEP = np.array([0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0])
#: The reference sweep runs on at most this many people.
SWEEP_MAX_N = 300


def _simulate(values: dict, seed: int, n: int):
    a = make_network(n, values["k"], rng_for(seed, 0))
    best = better_option(values["steps"], values["flip_every"])
    choices = social_learning(a, explore=values["explore"], quality=values["quality"], best=best, rng=rng_for(seed, 1))
    return a, best, choices


def _before(accuracy: np.ndarray, flip_every: int) -> float:
    ends = list(range(flip_every, accuracy.size, flip_every)) + [accuracy.size]
    return float(np.concatenate([accuracy[max(0, e - WINDOW) : e] for e in ends]).mean())


class Decisions(Model):
    """Social learning in a two-armed bandit whose better arm flips; see the module description."""

    name = "decisions"
    title = "Decisions in a shifting reality"
    principle = (
        8,
        "Decision-making is itself a learning process. Choosing what to learn and the "
        "meaning of incoming information is seen through the lens of a shifting reality. "
        "While there is a right answer now, it may be wrong tomorrow due to alterations "
        "in the information climate affecting the decision",
    )
    parameters = (
        Parameter(
            "explore",
            float,
            0.0,
            0.0,
            1.0,
            step=0.01,
            label="explore",
            help="the chance per step that a person tries an option at random instead of copying",
        ),
        Parameter(
            "flip_every",
            int,
            50,
            10,
            500,
            step=10,
            label="world changes every",
            help="the number of steps after which the better option becomes the worse one",
        ),
        Parameter(
            "quality",
            float,
            0.7,
            0.5,
            1.0,
            step=0.05,
            label="better option works",
            help="the chance that the better option works (the other works with 1 minus this)",
        ),
        Parameter(
            "k",
            int,
            4,
            2,
            20,
            step=2,
            label="contacts",
            help="the number of contacts each person sees (an even number)",
        ),
        Parameter("n", int, 200, 20, 20000, step=20, label="people", help="the number of people"),
        Parameter("steps", int, 200, 20, 1000, step=10, label="steps", help="the number of steps to run"),
    )
    view_size = 40
    challenge = (
        "With nobody exploring, the group finds the better option, then the world changes at "
        "step 50. What happens? How little exploring is enough to adapt again?"
    )

    def _check_together(self, values: dict) -> None:
        check_even_and_below(
            values,
            "k",
            odd="the small-world network needs an even number of contacts; use an even number from 2 to 20.",
            too_large="use fewer contacts than people.",
        )

    def _run(self, seed: int, values: dict) -> DecisionsResult:
        n, flip_every = values["n"], values["flip_every"]
        a, best, choices = _simulate(values, seed, n)
        correct = choices == best[:, None]
        accuracy = correct.mean(axis=1)
        chance = np.where(correct, values["quality"], 1 - values["quality"])
        sweep_n = min(n, SWEEP_MAX_N)
        b = make_network(sweep_n, values["k"], rng_for(seed + 1, 0))
        many = social_learning(b, explore=SWEEP, quality=values["quality"], best=best, rng=rng_for(seed + 1, 1))
        right = (many == best[:, None, None]).mean(axis=2)
        sweep = [recovery(right[:, i], flip_every) for i in range(SWEEP.size)]
        return DecisionsResult(
            seed=seed,
            params=values,
            best=best,
            accuracy=accuracy,
            flips=np.arange(flip_every, values["steps"], flip_every),
            before_flips=_before(accuracy, flip_every),
            after_flips=recovery(accuracy, flip_every),
            payoff=float(chance.mean()),
            sweep_explore=SWEEP.copy(),
            sweep_after=np.array(sweep),
        )

    def summary(self, result: DecisionsResult) -> str:
        """The share choosing the better option before and after each change of the world, and the mean payoff."""
        r, p = result, result.params
        text = (
            f"With {p['explore']:.0%} exploring each step, {r.before_flips:.0%} of people chose the "
            f"better option just before each change of the world"
        )
        if r.flips.size:
            text += (
                f", and {r.after_flips:.0%} in the {WINDOW} steps after it "
                f"({r.flips.size} change{'s' if r.flips.size > 1 else ''} in {p['steps']} steps)"
            )
        else:
            text += f" (the world did not change within {p['steps']} steps)"
        return text + f". An option chosen worked {r.payoff:.0%} of the time on average."

    def charts(self, result: DecisionsResult) -> tuple[Chart, ...]:
        """The share choosing the better option over time and, by chance of exploring, the recovery after a change."""
        r, p = result, result.params
        t = np.arange(r.accuracy.size)
        time = Chart(
            title="Choosing the better option",
            xlabel="step",
            ylabel="share choosing the better option",
            series=(Series("choose the better option", t, r.accuracy),),
            ylim=(0, 1.02),
            hline=0.5,
            ref_label="choosing at random",
            alt=(
                f"Line chart over {p['steps']} steps; the better option changes every {p['flip_every']} "
                f"steps. Share choosing it: {r.before_flips:.2f} before changes"
                + (f", {r.after_flips:.2f} in the {WINDOW} steps after them" if r.flips.size else "")
                + f", {r.accuracy[-1]:.2f} at the end."
            ),
        )
        shown = ~np.isnan(r.sweep_after)
        if not shown.any():
            return (time,)
        labels = tuple(f"{e:g}" for e in r.sweep_explore)
        sweep = Chart(
            title=f"Adapting after a change ({min(p['n'], SWEEP_MAX_N)} people)",
            xlabel="chance of exploring",
            ylabel=f"share right, {WINDOW} steps after a change",
            series=(Series("recovery", np.flatnonzero(shown), r.sweep_after[shown], "bars"),),
            xticklabels=labels,
            ylim=(0, 1.02),
            alt=(
                "Bar chart of the share choosing the better option in the 20 steps after a change, "
                "by chance of exploring: "
                + ", ".join(f"{labels[i]}: {r.sweep_after[i]:.2f}" for i in np.flatnonzero(shown))
                + "."
            ),
        )
        return (time, sweep)

    def view(self, result: DecisionsResult) -> View:
        """A sample of the group at the last step, with those choosing the better option highlighted."""
        values = dict(result.params)
        size = min(values["n"], self.view_size)
        values["n"] = size
        values["k"] = min(values["k"], 4)
        a, best, choices = _simulate(values, result.seed, size)
        g = nx.Graph(title="A sample group")
        for i in range(size):
            g.add_node(f"P{i + 1}", kind="person", choice=int(choices[-1, i]))
        upper = sp.triu(a, k=1).tocoo()
        g.add_edges_from((f"P{i + 1}", f"P{j + 1}") for i, j in zip(upper.row.tolist(), upper.col.tolist()))
        right = np.flatnonzero(choices[-1] == best[-1]).tolist()
        return View(
            graph=g,
            pos=spring_positions(g, seed=result.seed % 1000),
            highlight=frozenset(f"P{i + 1}" for i in right),
            highlight_label="choose the better option at the last step",
            title=f"{size} people at the last step",
        )
