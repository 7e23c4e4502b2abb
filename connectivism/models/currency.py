"""Currency: new knowledge spreading along ties while it lasts, and who stays up to date.

Siemens' seventh principle makes "currency (accurate, up-to-date knowledge)"
the intent of connectivist learning, and his essay speaks of the shrinking
*half-life* of knowledge. In this model a few **sources** (people who read the
research, a subject association) receive a new **item** of knowledge every
``interval`` steps. Someone who has just learned an item passes it on to each
of their contacts with probability ``beta`` per step, for ``lifetime`` steps;
after that it is old news to them and they stop mentioning it. An item's
**value** halves every ``half_life`` steps after it appears. A person's
**currency** at a step is the value of the newest item they know (0 if they
know none).

Whether items reach far depends on one number, the **transmissibility**
``T = 1 − (1 − beta)^lifetime`` (the chance that an item crosses a given tie
at all), against the network's **epidemic threshold** ``T_c``. Below it,
items die out near their source; above it, they can reach a large part of
the network, and well above it they usually do. Who stays current depends on
**where** a person sits: close to a source, with several routes to it.

Why this module is long: it holds one whole model (networks,
spreading process, result, summary, chart data and sample network) with its
doctests; splitting it would scatter one mechanism over several files.

Examples
--------
>>> from connectivism.models import Currency
>>> r = Currency().run(seed=1)
>>> round(r.transmissibility, 3), round(r.threshold, 3)
(0.51, 0.265)
>>> bool(r.currency_by_distance[1] > r.currency_by_distance[4])
True

References
----------
.. [1] Siemens, G. (2005). Connectivism: A learning theory for the digital
   age. *International Journal of Instructional Technology and Distance
   Learning* 2(1).
.. [2] Newman, M. E. J. (2002). Spread of epidemic disease on networks.
   *Physical Review E* 66, 016128. doi:10.1103/PhysRevE.66.016128
.. [3] Pastor-Satorras, R. and Vespignani, A. (2001). Epidemic spreading in
   scale-free networks. *Physical Review Letters* 86, 3200–3203.
   doi:10.1103/PhysRevLett.86.3200
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
    rng_for,
    spring_positions,
)
from connectivism.models.smallworld import distances

__all__ = [
    "Currency",
    "CurrencyResult",
    "make_network",
    "transmissibility",
    "epidemic_threshold",
    "spread",
    "outbreak_size",
    "currency_over_time",
]

NETWORKS = ("random", "small world", "hubs")
#: Distance classes of the "who stays current" chart: 0 (the sources), 1, ..., MAX_DISTANCE or more.
MAX_DISTANCE = 6


def make_network(kind: str, n: int, mean_degree: int, rng: np.random.Generator) -> sp.csr_array:
    """A network of ``n`` people as a sparse adjacency matrix (networkx generators).

    Parameters
    ----------
    kind : {"random", "small world", "hubs"}
        Erdős–Rényi G(n, ⟨k⟩/(n−1)); Watts–Strogatz with ``k = mean_degree``
        and ``p = 0.1``; Barabási–Albert with ``m = mean_degree / 2`` (a few
        people with very many ties).
    n, mean_degree : int
        People and the mean number of ties per person (even).
    rng : numpy.random.Generator
        Seeds the generator.

    Examples
    --------
    >>> a = make_network("hubs", 500, 4, np.random.default_rng(1))
    >>> a.shape, round(float(a.sum()) / 500, 1)
    ((500, 500), 4.0)
    """
    seed = int(rng.integers(2**31 - 1))
    if kind == "random":
        g = nx.fast_gnp_random_graph(n, min(1.0, mean_degree / (n - 1)), seed=seed)
    elif kind == "small world":
        g = nx.watts_strogatz_graph(n, mean_degree, 0.1, seed=seed)
    elif kind == "hubs":
        g = nx.barabasi_albert_graph(n, mean_degree // 2, seed=seed)
    else:
        raise ValueError(f"unknown network kind {kind!r}: use one of {', '.join(NETWORKS)}")
    return nx.to_scipy_sparse_array(g, nodelist=range(n), dtype=np.float64, format="csr")


def transmissibility(beta: float, lifetime: int) -> float:
    """The chance that an item crosses a tie: ``T = 1 − (1 − beta)^lifetime``.

    Examples
    --------
    >>> transmissibility(0.5, 2)
    0.75
    """
    return 1.0 - (1.0 - beta) ** lifetime


def epidemic_threshold(degrees) -> float:
    """The epidemic threshold ``T_c = ⟨k⟩ / (⟨k²⟩ − ⟨k⟩)`` for a degree sequence.

    Parameters
    ----------
    degrees : array of int
        The degree of every node.

    Returns
    -------
    float
        The transmissibility above which an item can reach a finite share of
        a large random network with these degrees (``inf`` if no node has
        two ties or more).

    Notes
    -----
    An item that crosses each tie with probability ``T`` independently is
    bond percolation (Newman 2002). Following a tie leads to ``k − 1`` onward
    ties with probability proportional to ``k p_k``, so each newly informed
    person informs on average ``T (⟨k²⟩ − ⟨k⟩)/⟨k⟩`` others: above 1 the item
    can spread without end. For Poisson degrees ``T_c = 1/⟨k⟩``; with hubs
    ⟨k²⟩ is large and ``T_c`` small (Pastor-Satorras & Vespignani 2001).

    Examples
    --------
    >>> epidemic_threshold([4, 4, 4, 4])
    0.3333333333333333
    """
    k = np.asarray(degrees, dtype=float)
    excess = (k * k).mean() - k.mean()
    return float(k.mean() / excess) if excess > 0 else float("inf")


def spread(adjacency, *, beta: float, lifetime: int, publish, rng: np.random.Generator, steps: int) -> np.ndarray:
    """When each person learns each item, for items published at the given sources and steps.

    Parameters
    ----------
    adjacency : scipy.sparse.csr_array
        Symmetric adjacency matrix of ``n`` people.
    beta : float
        Chance per step that a person still passing an item on passes it to a
        given contact.
    lifetime : int
        Steps for which a person passes an item on after learning it.
    publish : sequence of (int, array of int)
        For each item, the step it appears and the people who have it then.
    rng : numpy.random.Generator
        Source of randomness.
    steps : int
        Steps to simulate (0..steps−1).

    Returns
    -------
    numpy.ndarray
        ``n × items`` int array: the step at which each person learned each
        item, −1 if never.

    Notes
    -----
    A person who learned an item at step ``s`` passes it on at steps
    ``s+1 … s+lifetime``. Each step handles every item in circulation at
    once: the contacts of everyone passing an item on are gathered from the
    CSR arrays, labelled with the item, and counted with one
    :func:`numpy.bincount`, giving ``a``, the number of contacts passing item
    ``j`` to person ``i``; ``i`` learns it with probability
    ``1 − (1 − beta)^a``. The work per step grows with the ties of the people
    passing items on, not with the number of items or steps.
    """
    a = sp.csr_array(adjacency)
    n = a.shape[0]
    indptr, indices = a.indptr, a.indices
    learned = np.full((len(publish), n), -1, dtype=np.intp)  # one row per item while running
    flat = learned.reshape(-1)  # learned[j, i] is flat[j * n + i]
    log_keep = np.log1p(-beta) if beta < 1 else -np.inf
    schedule: dict[int, list[int]] = {}
    for j, (when, _) in enumerate(publish):
        schedule.setdefault(int(when), []).append(j)
    last_publication = max(schedule, default=-1)
    empty = np.zeros(0, dtype=np.intp)
    slot_of = np.zeros(len(publish), dtype=np.intp)  # item -> its row among the items in circulation
    waves: list[tuple[np.ndarray, np.ndarray]] = []  # per step: (people, items) learned at that step
    for t in range(steps):
        # who passes what on: everyone who learned an item in the last `lifetime` steps (not this one)
        current = [w for w in waves[-lifetime:] if w[0].size]
        got_people, got_items = [empty], [empty]
        if current:
            people = np.concatenate([w[0] for w in current])
            items = np.concatenate([w[1] for w in current])
            live = np.flatnonzero(np.bincount(items, minlength=len(publish)))
            slot_of[live] = np.arange(live.size)
            slot = slot_of[items]
            starts, lens = indptr[people], indptr[people + 1] - indptr[people]
            first = np.cumsum(lens) - lens
            contacts = indices[np.repeat(starts, lens) + (np.arange(lens.sum()) - np.repeat(first, lens))]
            tally = np.bincount(np.repeat(slot, lens) * n + contacts, minlength=live.size * n)
            keys = np.flatnonzero(tally)
            who, which = keys % n, live[keys // n]
            fresh = flat[which * n + who] < 0
            keys, who, which = keys[fresh], who[fresh], which[fresh]
            hit = rng.random(keys.size) < -np.expm1(tally[keys] * log_keep)
            who, which = who[hit], which[hit]
            flat[which * n + who] = t
            got_people.append(who)
            got_items.append(which)
        elif t > last_publication:
            break  # every item has died out and no new one is coming
        for j in schedule.get(t, ()):
            who = np.unique(np.asarray(publish[j][1], dtype=np.intp))
            who = who[learned[j, who] < 0]
            learned[j, who] = t
            got_people.append(who)
            got_items.append(np.full(who.size, j, dtype=np.intp))
        waves.append((np.concatenate(got_people), np.concatenate(got_items)))
    return np.ascontiguousarray(learned.T)


def outbreak_size(adjacency, *, beta: float, lifetime: int, start: int, rng: np.random.Generator) -> float:
    """Share of people an item reaches when it starts with one person and runs until it dies out.

    Examples
    --------
    >>> a = make_network("random", 400, 6, np.random.default_rng(1))
    >>> outbreak_size(a, beta=1.0, lifetime=1, start=0, rng=np.random.default_rng(2)) > 0.9
    True
    """
    n = adjacency.shape[0]
    learned = spread(adjacency, beta=beta, lifetime=lifetime, publish=[(0, [start])], rng=rng, steps=n * lifetime + 2)
    return float((learned[:, 0] >= 0).mean())


@dataclass(frozen=True, eq=False)
class CurrencyResult(Result):
    """The result of :meth:`Currency.run`.

    Attributes
    ----------
    sources : numpy.ndarray
        The source people.
    published : numpy.ndarray
        The step at which each item appeared.
    reached : numpy.ndarray
        Share of people each item reached by the end.
    knows_latest : numpy.ndarray
        Per step: share of people who know the newest item published so far.
    currency : numpy.ndarray
        Per step: mean currency (value of the newest item a person knows).
    node_currency : numpy.ndarray
        Per person: mean currency over the second half of the run.
    source_distance : numpy.ndarray
        Per person: steps to the nearest source (−1 if there is no path).
    degrees : numpy.ndarray
        Per person: number of ties.
    currency_by_distance : numpy.ndarray
        Mean ``node_currency`` of people at distance 0, 1, ..., MAX_DISTANCE
        or more from the nearest source (NaN where nobody is).
    transmissibility, threshold : float
        ``T`` of the run and ``T_c`` of its network.
    """

    sources: np.ndarray
    published: np.ndarray
    reached: np.ndarray
    knows_latest: np.ndarray
    currency: np.ndarray
    node_currency: np.ndarray
    source_distance: np.ndarray
    degrees: np.ndarray
    currency_by_distance: np.ndarray
    transmissibility: float
    threshold: float


def _simulate(values: dict, seed: int, n: int):
    rng = rng_for(seed, 0)
    a = make_network(values["network"], n, values["mean_degree"], rng)
    degrees = np.asarray(a.sum(axis=1)).ravel().astype(np.intp)
    sources = np.sort(rng.choice(n, min(values["sources"], n), replace=False))
    steps = values["steps"]
    published = np.arange(0, steps, values["interval"])
    learned = spread(
        a,
        beta=values["beta"],
        lifetime=values["lifetime"],
        publish=[(int(t), sources) for t in published],
        rng=rng,
        steps=steps,
    )
    return a, degrees, sources, published, learned


def currency_over_time(learned: np.ndarray, published: np.ndarray, steps: int, half_life: float, from_step: int = 0):
    """Currency per step and per person, from when each person learned each item.

    Parameters
    ----------
    learned : numpy.ndarray
        ``n × items``: step at which each person learned each item (−1: never),
        as from :func:`spread`. Items are in publication order.
    published : numpy.ndarray
        Step at which each item appeared (increasing).
    steps : int
        Number of steps.
    half_life : float
        Steps in which an item loses half its value.
    from_step : int, optional
        First step of the per-person average.

    Returns
    -------
    mean_currency : numpy.ndarray
        Per step, the mean over people of ``2^(−age/half_life)``, where ``age``
        is the age of the newest item the person knows (0 if none).
    knows_latest : numpy.ndarray
        Per step, the share of people who know the newest item published so far.
    node_currency : numpy.ndarray
        Per person, the mean currency over steps ``from_step`` to the end.

    Examples
    --------
    >>> learned = np.array([[0, 10], [3, -1]])
    >>> mean, latest, per_person = currency_over_time(learned, np.array([0, 10]), 12, 1.0)
    >>> latest.tolist()
    [0.5, 0.5, 0.5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5]
    """
    n, items = learned.shape
    rows, cols = np.nonzero(learned >= 0)
    when = learned[rows, cols]
    # by step; within a step np.nonzero's order (by person, then item) is kept: a stable radix sort
    order = np.argsort(when.astype(np.int32 if steps >= 2**15 else np.int16), kind="stable")
    rows, cols, when = rows[order], cols[order], when[order]
    cut = np.searchsorted(when, np.arange(steps + 1), side="left")
    # the value of item j at step t is 2^((published_j − t)/half_life) = weight_j · decay_t
    weight = np.exp2(np.asarray(published, dtype=float) / half_life)
    decay = np.exp2(-np.arange(steps + 1) / half_life)
    from_step = min(max(from_step, 0), steps)
    window = np.concatenate([[0.0], np.cumsum(decay[:steps])])  # window[b] − window[a] = Σ_{a≤s<b} decay_s
    newest = np.full(n, -1, dtype=np.intp)
    holders = np.zeros(items + 1, dtype=np.intp)  # people whose newest item is j (last slot: none)
    holders[-1] = n
    since = np.zeros(n, dtype=np.intp)  # step from which each person's newest item holds
    total = np.zeros(n)  # Σ over the window of each person's value
    value_sum = 0.0  # Σ_i weight of each person's newest item
    mean = np.zeros(steps)
    latest_share = np.zeros(steps)
    latest = np.searchsorted(published, np.arange(steps), side="right") - 1
    for t in range(steps):
        r, c = rows[cut[t] : cut[t + 1]], cols[cut[t] : cut[t + 1]]
        if r.size:
            # rows are sorted by person, items by number within a person: keep each person's last
            last = np.ones(r.size, dtype=bool)
            last[:-1] = r[1:] != r[:-1]
            r, c = r[last], c[last]
            better = c > newest[r]
            r, c = r[better], c[better]
            old = newest[r]
            old_weight = np.where(old >= 0, weight[np.maximum(old, 0)], 0.0)
            lo = np.maximum(since[r], from_step)
            total[r] += old_weight * np.maximum(window[np.maximum(t, from_step)] - window[lo], 0.0)
            value_sum += float(weight[c].sum() - old_weight.sum())
            holders -= np.bincount(np.where(old >= 0, old, items), minlength=items + 1)
            holders += np.bincount(c, minlength=items + 1)
            newest[r] = c
            since[r] = t
        mean[t] = value_sum * decay[t] / n
        latest_share[t] = holders[latest[t]] / n if latest[t] >= 0 else 0.0
    held = newest >= 0
    lo = np.maximum(since, from_step)
    total[held] += weight[newest[held]] * (window[steps] - window[lo[held]])
    return mean, latest_share, total / max(steps - from_step, 1)


class Currency(Model):
    """Items of knowledge with a half-life spreading from sources; who stays current (principle 7).

    Notes
    -----
    **The threshold.** With a fixed ``lifetime``, an item crosses each tie
    independently with probability ``T = 1 − (1 − beta)^lifetime``, so its
    spread is bond percolation (Newman 2002). On a random network with
    degree distribution ``p_k``, an item reaches a finite share of the
    network only if

    .. math:: T > T_c = \\frac{\\langle k \\rangle}{\\langle k^2 \\rangle - \\langle k \\rangle} .

    For a random (Poisson) network ``T_c = 1/⟨k⟩``; hubs make ⟨k²⟩ large and
    ``T_c`` small (Pastor-Satorras & Vespignani 2001), so items spread on
    networks with hubs at transmissibilities that fail elsewhere.

    **Currency.** An item published at step ``s`` is worth
    ``2^(−(t − s)/half_life)`` at step ``t``. A person's currency is the
    worth of the newest item they know; it is high for people who get new
    items early and reliably, that is, close to a source and joined to it
    by several routes.

    Examples
    --------
    >>> model = Currency()
    >>> model.run(seed=4, n=100) == model.run(seed=4, n=100)
    True
    >>> model.run(network="ring")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    connectivism.errors.ModelParameterError: network = 'ring' is not one of the choices: network is
    the shape of the network; use one of 'random', 'small world', 'hubs'.
    """

    name = "currency"
    title = "Currency"
    principle = (7, "Currency (accurate, up-to-date knowledge) is the intent of all connectivist learning activities")
    parameters = (
        Parameter(
            "beta",
            float,
            0.3,
            0.0,
            1.0,
            step=0.01,
            label="pass-on chance",
            help="the chance per step that someone still talking about an item passes it to a given contact",
        ),
        Parameter(
            "lifetime",
            int,
            2,
            1,
            20,
            step=1,
            label="talked about for",
            help="the number of steps for which someone passes an item on after learning it",
        ),
        Parameter(
            "half_life",
            float,
            10.0,
            1.0,
            100.0,
            step=1.0,
            label="half-life",
            help="the number of steps in which an item loses half its value",
        ),
        Parameter(
            "interval",
            int,
            10,
            1,
            50,
            step=1,
            label="new item every",
            help="the number of steps between new items at the sources",
        ),
        Parameter("network", str, "random", choices=NETWORKS, label="network", help="the shape of the network"),
        Parameter(
            "mean_degree",
            int,
            4,
            2,
            12,
            step=2,
            label="ties per person",
            help="the average number of ties per person (an even number)",
        ),
        Parameter(
            "sources",
            int,
            1,
            1,
            10,
            step=1,
            label="sources",
            help="the number of people who receive each new item first",
        ),
        Parameter("n", int, 300, 20, 20000, step=20, label="people", help="the number of people"),
        Parameter("steps", int, 100, 10, 500, step=10, label="steps", help="the number of steps to run"),
    )
    view_size = 50
    challenge = (
        "Keep the pass-on chance at 0.3 and change how long people keep talking about an item. "
        "When do new items stop spreading beyond the source's neighbourhood? Who still stays "
        "current then?"
    )

    def _check_together(self, values: dict) -> None:
        check_even_and_below(
            values,
            "mean_degree",
            factor=2,
            odd="the small-world and hub networks need an even number of ties per person; "
            "use an even number from 2 to 12.",
            too_large="use fewer ties per person or more people (ties per person below n/2).",
        )

    def _run(self, seed: int, values: dict) -> CurrencyResult:
        n, steps = values["n"], values["steps"]
        a, degrees, sources, published, learned = _simulate(values, seed, n)
        currency, knows_latest, node_currency = currency_over_time(
            learned, published, steps, values["half_life"], from_step=steps // 2
        )
        dist = distances(a, sources).min(axis=0)
        dist = np.where(np.isfinite(dist), dist, -1).astype(np.intp)
        by = np.full(MAX_DISTANCE + 1, np.nan)
        for d in range(MAX_DISTANCE + 1):
            mask = (dist == d) if d < MAX_DISTANCE else (dist >= d)
            if mask.any():
                by[d] = node_currency[mask].mean()
        return CurrencyResult(
            seed=seed,
            params=values,
            sources=sources,
            published=published,
            reached=(learned >= 0).mean(axis=0),
            knows_latest=knows_latest,
            currency=currency,
            node_currency=node_currency,
            source_distance=dist,
            degrees=degrees,
            currency_by_distance=by,
            transmissibility=transmissibility(values["beta"], values["lifetime"]),
            threshold=epidemic_threshold(degrees),
        )

    def summary(self, result: CurrencyResult) -> str:
        """How T compares with the network's threshold, and how far items reached, near and far from a source."""
        r = result
        ratio = r.transmissibility / r.threshold if r.threshold > 0 else float("inf")
        verdict = (
            "below it, so items die out near the sources"
            if ratio <= 1
            else "just above it, so items can take off but often die out early"
            if ratio < 1.5
            else "well above it, so items often spread widely"
        )
        near = r.currency_by_distance[1]
        far = next(
            (r.currency_by_distance[d] for d in range(MAX_DISTANCE, 1, -1) if not np.isnan(r.currency_by_distance[d])),
            np.nan,
        )
        text = (
            f"Each item crosses a tie with chance T = {r.transmissibility:.2f}; this network's "
            f"threshold is T_c = {r.threshold:.2f}, and T is {verdict}. On average an item "
            f"reached {r.reached.mean():.0%} of people, and "
            f"{r.knows_latest[r.knows_latest.size // 2 :].mean():.0%} knew the newest item at a "
            f"typical step in the second half. "
        )
        if not (np.isnan(near) or np.isnan(far)):
            text += (
                f"Currency (value of the newest item known, 1 = brand new) averaged "
                f"{near:.2f} for the sources' direct contacts and {far:.2f} for the people "
                f"furthest away."
            )
        return text

    def charts(self, result: CurrencyResult) -> tuple[Chart, ...]:
        """Two panels: currency over time, and who stays current by distance from a source."""
        r, p = result, result.params
        t = np.arange(r.currency.size)
        time = Chart(
            title="Over time",
            xlabel="step",
            ylabel="share of people / mean value",
            series=(Series("know the newest item", t, r.knows_latest), Series("mean currency", t, r.currency)),
            ylim=(0, 1.05),
            alt=(
                f"Line chart over {p['steps']} steps, with a new item every {p['interval']} steps. "
                f"The share of people who know the newest item averages "
                f"{r.knows_latest.mean():.2f} (highest {r.knows_latest.max():.2f}); mean currency "
                f"averages {r.currency.mean():.2f}."
            ),
        )
        labels = ["source"] + [str(d) for d in range(1, MAX_DISTANCE)] + [f"{MAX_DISTANCE}+"]
        shown = ~np.isnan(r.currency_by_distance)
        xs = np.flatnonzero(shown)
        where = Chart(
            title="Who stays current: by distance from a source",
            xlabel="steps from the nearest source",
            ylabel="mean currency (second half)",
            series=(Series("mean currency", xs, r.currency_by_distance[shown], "bars"),),
            xticklabels=tuple(labels),
            ylim=(0, 1.05),
            alt=(
                "Bar chart of mean currency by steps from the nearest source: "
                + ", ".join(f"{labels[d]}: {r.currency_by_distance[d]:.2f}" for d in xs)
                + "."
            ),
        )
        return (time, where)

    def view(self, result: CurrencyResult) -> View:
        """A sample of the network at the end, with the people who know the newest item highlighted."""
        values = dict(result.params)
        size = min(values["n"], self.view_size)
        values["n"] = size
        values["mean_degree"] = min(values["mean_degree"], max(2, (size - 1) // 2 // 2 * 2))
        values["sources"] = min(values["sources"], size)
        a, degrees, sources, published, learned = _simulate(values, result.seed + 1, size)
        names = [f"P{i + 1}" for i in range(size)]
        for s in sources.tolist():
            names[s] = f"Source {sources.tolist().index(s) + 1}"
        g = nx.Graph(title="A sample network")
        src = set(sources.tolist())
        for i, name in enumerate(names):
            g.add_node(name, kind="resource" if i in src else "person")
        upper = sp.triu(a, k=1).tocoo()
        g.add_edges_from((names[i], names[j]) for i, j in zip(upper.row.tolist(), upper.col.tolist()))
        latest = learned[:, -1] >= 0 if learned.shape[1] else np.zeros(size, dtype=bool)
        return View(
            graph=g,
            pos=spring_positions(g, seed=result.seed % 1000),
            highlight=frozenset(names[i] for i in np.flatnonzero(latest).tolist()),
            highlight_label="know the newest item",
            title=f"A sample of {size} people at the end (sources are triangles)",
        )
