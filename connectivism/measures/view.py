"""Shared groundwork for the measures: one pass over a network, and the argument checks.

:class:`NetworkView` turns a :class:`~connectivism.network.LearningNetwork`
into the few structures every measure needs (an adjacency dict, kinds,
topics, me's contacts, distances from me, one depth-first search for cut
points and bridges) and caches them, so
:func:`connectivism.measures.measure_all` does each piece of work once. The
public measure functions each build their own view; the ``*_from_view``
functions of the measure modules (:func:`connectivism.measures.reach_from_view`
...) take a view, so code that needs several measures of one network can
share one, as :func:`~connectivism.measures.measure_all` does::

    view = NetworkView(net)
    reach_from_view(view, 2), brokerage_from_view(view)

The checks (:func:`check_network`, :func:`check_date`, :func:`check_days`)
raise the kit's own :class:`~connectivism.errors.MeasureTypeError` and
:class:`~connectivism.errors.MeasureArgumentError`, which are also
``TypeError`` and ``ValueError``. Nothing here is learner-facing except those
error messages.

Examples
--------
>>> from connectivism.examples import load_example
>>> view = NetworkView(load_example("teacher"))
>>> view.me, len(view.contacts), len(view.reached_in_order)
('Amira', 12, 13)
"""

from __future__ import annotations

import datetime
from collections import deque
from functools import cached_property

from connectivism.errors import MeasureArgumentError, MeasureTypeError
from connectivism.network import LearningNetwork, normalise_name

__all__ = [
    "NetworkView",
    "check_network",
    "check_date",
    "check_days",
    "age_in_days",
    "NONHUMAN_KINDS",
    "SOURCE_KINDS",
]

#: Kinds counted as "non-human appliances" (Siemens' principle 3).
NONHUMAN_KINDS = ("resource", "tool")
#: Kinds other than "me", in the kit's order.
SOURCE_KINDS = ("person", "community", "resource", "tool")


def check_network(net: object) -> LearningNetwork:
    """Return `net`, or raise MeasureTypeError (a TypeError) unless it is a LearningNetwork."""
    if not isinstance(net, LearningNetwork):
        raise MeasureTypeError(
            f"expected a LearningNetwork, not {type(net).__name__}: load one with "
            "connectivism.formats.read_json() or connectivism.examples.load_example()",
            field="net",
            value=net,
        )
    return net


def check_date(value: object, name: str = "as_of") -> datetime.date:
    """Return `value` as a date; accepts a date, a datetime or "YYYY-MM-DD".

    Raises MeasureArgumentError (a ValueError) for a malformed string and
    MeasureTypeError (a TypeError) for anything else.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise MeasureArgumentError(
            f"{name}={value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-10-01", field=name, value=value
        )
    raise MeasureTypeError(
        f"{name} must be a datetime.date or a 'YYYY-MM-DD' string, not {type(value).__name__}"
        + (" (measures never assume today's date: pass one explicitly)" if value is None else ""),
        field=name,
        value=value,
    )


def check_days(value: object, name: str) -> float:
    """Return a positive number of days, or raise MeasureTypeError / MeasureArgumentError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MeasureTypeError(f"{name} must be a number of days, not {type(value).__name__}", field=name, value=value)
    if not value > 0 or value != value or value == float("inf"):
        raise MeasureArgumentError(
            f"{name} must be a positive, finite number of days, not {value!r}", field=name, value=value
        )
    return value


def age_in_days(date: datetime.date | None, as_of: datetime.date) -> int | None:
    """Whole days from `date` to `as_of`; dates after `as_of` count as 0; None stays None."""
    if date is None:
        return None
    return max(0, (as_of - date).days)


class NetworkView:
    """Cached structures of one network, shared by the measures.

    Parameters
    ----------
    net : LearningNetwork
        The network; the view reads it once and must not outlive changes to it.
    """

    def __init__(self, net: LearningNetwork):
        self.net = check_network(net)
        self.me: str = net.me
        nodes = net.nodes
        self.order: dict[str, int] = {node.name: i for i, node in enumerate(nodes)}
        self.kind: dict[str, str] = {node.name: node.kind for node in nodes}
        # Topics are free text: "Physics teaching" and "physics  teaching" are
        # one field. key -> display form (first spelling in network order).
        self.topic_key: dict[str, str] = {}
        self.topic_display: dict[str, str] = {}
        for node in nodes:
            key = normalise_name(node.topic) if node.topic else ""
            self.topic_key[node.name] = key
            if key and key not in self.topic_display:
                self.topic_display[key] = node.topic
        self.others: tuple[str, ...] = tuple(n.name for n in nodes if not n.is_me)
        adj: dict[str, dict[str, object]] = {node.name: {} for node in nodes}
        for tie in net.ties:
            adj[tie.a][tie.b] = tie
            adj[tie.b][tie.a] = tie
        self.adj = adj
        #: me's ties, in network tie order, as (contact, tie).
        self.my_ties = tuple(
            (tie.b if tie.a == self.me else tie.a, tie) for tie in net.ties if self.me in (tie.a, tie.b)
        )
        self.contacts: tuple[str, ...] = tuple(name for name, _ in self.my_ties)

    # --- helpers --------------------------------------------------------------

    def topic(self, name: str) -> str:
        """Display form of a node's field ("" if none)."""
        key = self.topic_key[name]
        return self.topic_display[key] if key else ""

    def in_order(self, names) -> tuple[str, ...]:
        """Names sorted by network order."""
        return tuple(sorted(names, key=self.order.__getitem__))

    def topics_of(self, names) -> tuple[str, ...]:
        """Distinct fields (display form) of `names`, by first appearance."""
        seen: dict[str, None] = {}
        for name in names:
            key = self.topic_key[name]
            if key and key not in seen:
                seen[key] = None
        return tuple(self.topic_display[k] for k in seen)

    # --- distances from me ------------------------------------------------------

    @cached_property
    def distance(self) -> dict[str, int]:
        """Shortest-path length (in ties) from me to every node it can reach, me included."""
        dist = {self.me: 0}
        queue = deque([self.me])
        adj = self.adj
        while queue:
            v = queue.popleft()
            d = dist[v] + 1
            for w in adj[v]:
                if w not in dist:
                    dist[w] = d
                    queue.append(w)
        return dist

    @cached_property
    def reached_in_order(self) -> tuple[str, ...]:
        """Nodes me can reach (me excluded), nearest first, then network order."""
        dist = self.distance
        return tuple(sorted((n for n in dist if n != self.me), key=lambda n: (dist[n], self.order[n])))

    # --- one depth-first search from me ----------------------------------------

    @cached_property
    def dfs(self) -> tuple[dict[str, int], dict[str, int], list[str], dict[str, str | None], dict[str, int]]:
        """Tarjan's depth-first search from me: (disc, low, preorder, parent, subtree size)."""
        adj = self.adj
        root = self.me
        disc = {root: 0}
        low = {root: 0}
        preorder = [root]
        parent: dict[str, str | None] = {root: None}
        stack = [(root, iter(adj[root]))]
        while stack:
            v, neighbours = stack[-1]
            for w in neighbours:
                if w not in disc:
                    disc[w] = low[w] = len(preorder)
                    preorder.append(w)
                    parent[w] = v
                    stack.append((w, iter(adj[w])))
                    break
                if w != parent[v] and disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                if stack:
                    p = stack[-1][0]
                    if low[v] < low[p]:
                        low[p] = low[v]
        size = dict.fromkeys(preorder, 1)
        for v in reversed(preorder[1:]):
            size[parent[v]] += size[v]  # type: ignore[index]
        return disc, low, preorder, parent, size

    def subtree(self, node: str) -> list[str]:
        """Nodes in the depth-first subtree of `node` (itself included)."""
        disc, _, preorder, _, size = self.dfs
        return preorder[disc[node] : disc[node] + size[node]]

    @cached_property
    def cut_off_by(self) -> dict[str, list[str]]:
        """For each node other than me whose loss cuts me off from others: who is cut off."""
        disc, low, preorder, parent, _ = self.dfs
        result: dict[str, list[str]] = {}
        for u in preorder[1:]:
            c = parent[u]
            if c != self.me and low[u] >= disc[c]:  # type: ignore[index]
                result.setdefault(c, []).extend(self.subtree(u))  # type: ignore[arg-type]
        return result

    @cached_property
    def bridge_ties(self) -> list[tuple[str, str]]:
        """Tree ties (near, far) in me's component whose loss splits it."""
        disc, low, preorder, parent, _ = self.dfs
        return [(parent[u], u) for u in preorder[1:] if low[u] > disc[parent[u]]]  # type: ignore[misc,index]
