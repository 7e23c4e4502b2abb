"""What every self-check shares: the statuses, :class:`Feedback`, the helpers that read an answer.

Also :func:`my_network` and :func:`reading_date`, which the exercises call to
get the network they are about. :mod:`connectivism.selfcheck` re-exports the
public names: import them from there.
"""

from __future__ import annotations

import datetime
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from connectivism.examples import EXAMPLES, load_example
from connectivism.network import LearningNetwork, normalise_name
from connectivism.selfcheck.messages import text

# Status identifiers (values, not texts: they are shown through the catalogue, see _shown)
NOT_ATTEMPTED = "not attempted yet"
KEEP_GOING = "keep going"
GOOD = "good"
STATUSES = (NOT_ATTEMPTED, KEEP_GOING, GOOD)
_STATUS_KEYS = {NOT_ATTEMPTED: "status.none", KEEP_GOING: "status.partial", GOOD: "status.good"}

#: Words a sentence-long part of an answer needs.
SENTENCE_WORDS = 8


@dataclass(frozen=True)
class Feedback:
    """The result of a self-check: a status and the points behind it.

    Examples
    --------
    >>> fb = Feedback("good", ("A <b> tag is shown as text.",))
    >>> print(fb)
    Self-check: good
    - A <b> tag is shown as text.
    >>> "&lt;b&gt;" in fb._repr_html_()
    True
    """

    status: str
    points: tuple[str, ...] = ()

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES}, not {self.status!r}")
        object.__setattr__(self, "points", tuple(self.points))

    def __str__(self) -> str:
        lines = [f"{text('title')}: {self._shown}"] + [f"- {p}" for p in self.points]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = {GOOD: "#009E73", KEEP_GOING: "#E69F00", NOT_ATTEMPTED: "#56B4E9"}[self.status]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.points)
        return (
            f'<div class="kit-selfcheck" style="border-left:4px solid {colour};padding-left:0.6em">'
            f"<p><strong>{html.escape(text('title'))}: {html.escape(self._shown)}</strong></p>"
            f"<ul>{items}</ul></div>"
        )

    def __repr__(self) -> str:
        return str(self)

    @property
    def _shown(self) -> str:
        """The status as shown to the learner, from the catalogue."""
        return text(_STATUS_KEYS[self.status])


# --- helpers ------------------------------------------------------------------------


def _blank(value) -> bool:
    """True for a placeholder: None, Ellipsis, or an empty string/collection."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set)):
        return len(value) == 0
    return False


def _unanswered_list(value) -> bool:
    """A placeholder for a list answer; an empty list is an answer ("none")."""
    return value is None or value is Ellipsis or (isinstance(value, (str, dict)) and not value)


def _none(name: str) -> Feedback:
    return Feedback(NOT_ATTEMPTED, (text("none.hint", name=name),))


def _wrong_type(name: str, expected: str, value) -> Feedback:
    return Feedback(KEEP_GOING, (text("bad_type", name=name, expected=expected, actual=type(value).__name__),))


def _words(value) -> int:
    return len(re.findall(r"\w+", value)) if isinstance(value, str) else 0


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _verdict(good: list[str], todo: list[str]) -> Feedback:
    return Feedback(KEEP_GOING if todo else GOOD, tuple(good + todo))


def _same(a, b) -> bool:
    return isinstance(a, str) and isinstance(b, str) and normalise_name(a) == normalise_name(b)


def _names(values) -> list[str]:
    if isinstance(values, str):
        return [values]
    return [v for v in values if isinstance(v, str)] if isinstance(values, (list, tuple, set)) else []


def _in(name, names) -> bool:
    return any(_same(name, n) for n in names)


def reading_date(net: LearningNetwork) -> datetime.date:
    """The date to read a network at: its own ``as_of``, else the widgets' date (today)."""
    from connectivism.session import as_of_default

    return net.metadata.as_of or as_of_default()


def my_network(example: str = "teacher") -> LearningNetwork:
    """The learner's network from the builder's autosave, else an example network.

    Looks where the builder autosaves (``$CONNECTIVISM_AUTOSAVE_DIR``, else
    this folder and the sibling ``notebooks/`` folder, where the builder
    notebook runs). Prints which network is used, so the learner always knows.
    """
    import os

    from connectivism.formats import read_json
    from connectivism.session import AUTOSAVE_ENV, AUTOSAVE_NAME, autosave_location

    candidates = [Path(autosave_location().path)]
    if not os.environ.get(AUTOSAVE_ENV):
        # the builder runs in notebooks/ and autosaves there; exercises run in exercises/
        candidates.append(Path.cwd().parent / "notebooks" / AUTOSAVE_NAME)
    for path in candidates:
        if path.is_file():
            try:
                net = read_json(path)
            except Exception:  # a damaged autosave: try the next place, never raise
                continue
            print(text("network.own", path=path.name))
            return net
    net = load_example(example)
    print(text("network.example", me=net.me, example=EXAMPLES[example][1]))
    return net
