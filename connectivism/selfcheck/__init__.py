"""Self-checks for the kit's exercises: pure functions that read a learner's answer.

Each ``check_*`` function takes the learner's answer (and, where the exercise
is about the learner's network, that network) and returns a :class:`Feedback`:
a status (``"not attempted yet"``, ``"keep going"`` or ``"good"``) and plain
sentences saying what is good and what to try next. The checks state
*criteria*, never the answer, and never raise on a learner's input: a
placeholder (``None``, ``...``, an empty value) gives "not attempted yet".

All texts live in :mod:`connectivism.selfcheck.messages`.

Examples
--------
>>> check_bell_plan(None).status
'not attempted yet'
>>> fb = check_bell_plan({"step": 9})
>>> fb.status
'keep going'
>>> fb.points[0]
"Choose one of Bell's six steps by its number, 1 to 6."
"""

from __future__ import annotations

import datetime
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path

from connectivism.examples import EXAMPLES, load_example
from connectivism.measures import measure_all
from connectivism.network import OTHER_KINDS, LearningNetwork, normalise_name
from connectivism.selfcheck.messages import part, text

__all__ = [
    "Feedback",
    "NOT_ATTEMPTED",
    "KEEP_GOING",
    "GOOD",
    "my_network",
    "reading_date",
    "check_diversity_reading",
    "check_single_points",
    "check_fading_ties",
    "check_currency_routine",
    "check_nonhuman",
    "check_long_ties",
    "check_argument",
    "check_bell_plan",
]

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


# --- 01 map your network and read its diversity ------------------------------------


def check_diversity_reading(reading, net: LearningNetwork) -> Feedback:
    """Exercise 01: the learner's reading of their network's diversity.

    ``reading`` is a dict: ``most_common_kind``, ``kind_spread``,
    ``same_field_share`` (the measures' figures, read by the learner) and
    ``next_source`` (a dict with ``kind`` and ``topic`` of a source to add).
    """
    name = "my_reading"
    if _blank(reading):
        return _none(name)
    if not isinstance(reading, dict):
        return _wrong_type(name, "a dict", reading)
    m = measure_all(net, as_of=reading_date(net))
    counts = dict(m.kind_counts)
    good, todo = [], []
    kind = reading.get("most_common_kind")
    if _blank(kind):
        todo.append(text("missing", field="most_common_kind"))
    elif counts and counts.get(str(kind).strip().lower(), -1) == max(counts.values()):
        good.append(text("d.kind.ok"))
    else:
        todo.append(text("d.kind.off"))
    for field, actual, ok, off in (
        ("kind_spread", m.kind_spread, "d.spread.ok", "d.spread.off"),
        ("same_field_share", m.homophily, "d.same.ok", "d.same.off"),
    ):
        value = _number(reading.get(field))
        if reading.get(field) is None:
            todo.append(text("missing", field=field))
        elif value is not None and actual is not None and abs(value - actual) <= 0.05:
            good.append(text(ok))
        else:
            todo.append(text(off))
    nxt = reading.get("next_source")
    if _blank(nxt) or not isinstance(nxt, dict):
        todo.append(text("missing", field="next_source"))
    else:
        topic, nkind = nxt.get("topic"), str(nxt.get("kind", "")).strip().lower()
        if _blank(topic):
            todo.append(text("missing", field="next_source topic"))
        elif _same(topic, m.my_field):
            todo.append(text("d.next.field.same"))
        else:
            good.append(text("d.next.field.ok"))
        if nkind not in OTHER_KINDS:
            todo.append(text("d.next.kind.unknown"))
        elif counts and counts.get(nkind, 0) == max(counts.values()):
            todo.append(text("d.next.kind.common"))
        else:
            good.append(text("d.next.kind.ok"))
    return _verdict(good, todo)


# --- 02 single points of failure and two new ties -------------------------------------


def _apply_ties(net: LearningNetwork, plan) -> LearningNetwork:
    trial = net.copy()
    for i, tie in enumerate(plan):
        to = str(tie.get("to", "")).strip() or text("new_source", n=i + 1)
        if to not in trial:
            kind = str(tie.get("kind", "")).strip().lower()
            trial.add(to, kind if kind in OTHER_KINDS else "person", topic=str(tie.get("topic") or ""))
        try:
            trial.connect(trial.me, to)
        except Exception:  # already tied, or tied to "me" itself: nothing to add
            pass
    return trial


def check_single_points(cut_points, new_ties, net: LearningNetwork) -> Feedback:
    """Exercise 02: the learner's single points of failure and two planned ties.

    ``cut_points`` is a list of names; ``new_ties`` a list of dicts with
    ``to`` (a name, in the network or new), ``kind``, ``topic`` and ``why``.
    """
    if _unanswered_list(cut_points):
        return _none("my_single_points")
    if _blank(new_ties):
        return _none("my_new_ties")
    if not isinstance(new_ties, (list, tuple)) or not all(isinstance(t, dict) for t in new_ties):
        return Feedback(KEEP_GOING, (text("s.ties.shape"),))
    m = measure_all(net, as_of=reading_date(net))
    actual = [c.node for c in m.cut_points]
    named = _names(cut_points)
    good, todo = [], []
    found = [n for n in actual if _in(n, named)]
    extra = [n for n in named if not _in(n, actual)]
    if not actual and not named:
        good.append(text("s.found.all"))
    elif not actual:
        todo.append(text("s.found.none"))
    elif len(found) == len(actual):
        good.append(text("s.found.all"))
    else:
        todo.append(text("s.found.some", found=len(found), total=len(actual)))
    if extra:
        todo.append(text("s.found.extra", names=", ".join(extra)))
    if len(new_ties) != 2:
        todo.append(text("s.ties.count", n=len(new_ties)))
    outside = [t for t in new_ties if not _blank(t.get("topic")) and not _same(t.get("topic"), m.my_field)]
    if outside:
        good.append(text("s.ties.field", n=len(outside)))
    else:
        todo.append(text("s.ties.field.none"))
    if any(_words(t.get("why")) < SENTENCE_WORDS for t in new_ties):
        todo.append(text("s.ties.why", need=SENTENCE_WORDS))
    if actual:
        after = measure_all(_apply_ties(net, new_ties), as_of=reading_date(net))
        fixed = len([n for n in actual if n not in {c.node for c in after.cut_points}])
        if fixed:
            good.append(text("s.ties.fixed", fixed=fixed, total=len(actual)))
        else:
            todo.append(text("s.ties.notfixed"))
    return _verdict(good, todo)


# --- 03 nurture the ties that are fading -----------------------------------------


def check_fading_ties(stale, routine, net: LearningNetwork) -> Feedback:
    """Exercise 03: the learner's stale ties and a routine to tend them.

    ``stale`` is a list of names; ``routine`` a list of dicts with ``tie``
    (a name), ``action`` (a sentence) and ``every_days`` (whole days).
    """
    if _unanswered_list(stale):
        return _none("my_stale_ties")
    if _blank(routine):
        return _none("my_routine")
    if not isinstance(routine, (list, tuple)) or not all(isinstance(r, dict) for r in routine):
        return Feedback(KEEP_GOING, (text("f.plan.shape"),))
    as_of = reading_date(net)
    m = measure_all(net, as_of=as_of)
    actual = [t.name for t in m.stale]
    named = _names(stale)
    good, todo = [], []
    found = [n for n in actual if _in(n, named)]
    extra = [n for n in named if not _in(n, actual)]
    if len(found) == len(actual):
        good.append(text("f.found.all"))
    else:
        todo.append(text("f.found.some", found=len(found), total=len(actual), days=int(m.stale_after_days)))
    if extra:
        todo.append(text("f.found.extra", names=", ".join(extra)))
    covered = [n for n in actual if any(_same(r.get("tie"), n) for r in routine)]
    if actual and len(covered) < len(actual):
        todo.append(text("f.plan.count", covered=len(covered), total=len(actual)))
    slow = [
        str(r.get("tie"))
        for r in routine
        if _number(r.get("every_days")) is None or _number(r.get("every_days")) > m.stale_after_days
    ]
    if slow:
        todo.append(text("f.plan.every", days=int(m.stale_after_days), names=", ".join(slow)))
    if any(_words(r.get("action")) < SENTENCE_WORDS for r in routine):
        todo.append(text("f.plan.action", need=SENTENCE_WORDS))
    trial = net.copy()
    for r in routine:
        for n in actual:
            if _same(r.get("tie"), n):
                try:
                    trial.edit_tie(trial.me, n, last_contact=as_of)
                except Exception:  # a stale tie between two other nodes: skip
                    pass
    after = measure_all(trial, as_of=as_of)
    if m.freshness is not None and after.freshness is not None and after.freshness > m.freshness:
        good.append(text("f.plan.gain", before=f"{m.freshness:.2f}", after=f"{after.freshness:.2f}"))
    return _verdict(good, todo)


# --- 04 currency model and a routine -------------------------------------------------


def _mean_currency(**params) -> float:
    from connectivism.models import Currency

    return float(Currency().run(seed=1, **params).currency.mean())


def check_currency_routine(settings, routine) -> Feedback:
    """Exercise 04: settings of the Currency model and a routine to stay current.

    ``settings`` is a dict of Currency parameters (at most two changed);
    ``routine`` a dict with ``sources`` (names), ``every_days``, ``check``
    (how what is heard is checked) and ``lever`` (the model setting it acts on).
    """
    from connectivism.errors import ModelParameterError
    from connectivism.models import Currency

    if _blank(settings):
        return _none("my_settings")
    if not isinstance(settings, dict):
        return _wrong_type("my_settings", "a dict", settings)
    names = {p.name for p in Currency().parameters}
    good, todo = [], []
    unknown = [k for k in settings if k not in names]
    if unknown:
        return Feedback(KEEP_GOING, (text("c.run.unknown", names=", ".join(map(str, unknown))),))
    if len(settings) > 2:
        todo.append(text("c.run.many", n=len(settings)))
    try:
        before, after = _mean_currency(), _mean_currency(**settings)
    except (ModelParameterError, TypeError, ValueError) as err:
        return Feedback(KEEP_GOING, (text("c.run.error", error=str(err)),))
    if after > before + 0.02:
        good.append(text("c.run.better", before=f"{before:.2f}", after=f"{after:.2f}"))
    else:
        todo.append(text("c.run.worse", before=f"{before:.2f}", after=f"{after:.2f}"))
    if _blank(routine):
        todo.append(text("none.hint", name="my_routine"))
        return Feedback(KEEP_GOING, tuple(good + todo))
    if not isinstance(routine, dict):
        return _wrong_type("my_routine", "a dict", routine)
    n = len(_names(routine.get("sources", [])))
    (good if n >= 2 else todo).append(text("c.routine.sources", n=n))
    days = _number(routine.get("every_days"))
    if days is not None and days > 0:
        good.append(text("c.routine.every", days=int(days)))
    else:
        todo.append(text("c.routine.every.missing"))
    if _words(routine.get("check")) < SENTENCE_WORDS:
        todo.append(text("c.routine.check", need=SENTENCE_WORDS))
    lever = routine.get("lever")
    if isinstance(lever, str) and lever in names:
        good.append(text("c.routine.lever.ok", lever=lever))
    else:
        todo.append(text("c.routine.lever"))
    return _verdict(good, todo)


# --- 05 what the tools hold together -------------------------------------------------------


def check_nonhuman(answer, net: LearningNetwork) -> Feedback:
    """Exercise 05: the learner's non-human share, key tool, its backup and a model run.

    ``answer`` is a dict: ``nonhuman_share`` (0–1), ``key_tool`` (a resource
    or tool in the network), ``if_lost`` (a sentence), ``backup`` (another
    source) and ``model_remove`` (what the NonHuman model run removed).
    """
    from connectivism.models import NonHuman

    name = "my_answer"
    if _blank(answer):
        return _none(name)
    if not isinstance(answer, dict):
        return _wrong_type(name, "a dict", answer)
    m = measure_all(net, as_of=reading_date(net))
    good, todo = [], []
    share = _number(answer.get("nonhuman_share"))
    if share is not None and abs(share - m.nonhuman_node_share) <= 0.05:
        good.append(text("n.share.ok"))
    else:
        todo.append(text("n.share.off"))
    tool = answer.get("key_tool")
    if _blank(tool):
        todo.append(text("missing", field="key_tool"))
    elif _in(tool, m.nonhuman):
        good.append(text("n.tool.ok", name=tool))
    elif tool in net:
        todo.append(text("n.tool.person", name=tool))
    else:
        todo.append(text("n.tool.missing", name=tool))
    if _words(answer.get("if_lost")) < SENTENCE_WORDS:
        todo.append(text("n.effect", need=SENTENCE_WORDS))
    backup = answer.get("backup")
    if _blank(backup):
        todo.append(text("missing", field="backup"))
    elif _same(backup, tool):
        todo.append(text("n.backup.same"))
    else:
        good.append(text("n.backup.ok"))
    choices = dict((p.name, p) for p in NonHuman().parameters)["remove"].choices
    remove = answer.get("model_remove")
    if remove in choices and remove != "nothing":
        r = NonHuman().run(seed=1, remove=remove)
        good.append(text("n.model.ok", remove=remove, before=f"{r.giant_before:.0%}", after=f"{r.giant_after:.0%}"))
    else:
        todo.append(text("n.model.unknown", choices=", ".join(c for c in choices if c != "nothing")))
    return _verdict(good, todo)


# --- 06 capacity to know more: how few long ties -------------------------------------------


def check_long_ties(p, long_ties, net: LearningNetwork) -> Feedback:
    """Exercise 06: the smallest share of shortcuts that halves distance, and two long ties.

    ``p`` is a number (the SmallWorld model's share of shortcuts);
    ``long_ties`` a list of two fields (topics) the learner would reach.
    """
    from connectivism.models import SmallWorld

    if _blank(p):
        return _none("my_p")
    value = _number(p)
    if value is None or not 0 < value <= 1:
        return Feedback(KEEP_GOING, (text("w.p.range"),))
    r = SmallWorld().run(seed=1, p=value)
    ratio = r.path_length / r.path_length_lattice
    clust = r.clustering / r.clustering_lattice
    good, todo = [], []
    fields = dict(p=value, ratio=f"{ratio:.0%}", clust=f"{clust:.0%}")
    if ratio > 0.5:
        todo.append(text("w.p.short", **fields))
    elif clust < 0.8:
        todo.append(text("w.p.large", **fields))
    else:
        good.append(text("w.p.ok", **fields))
    if _blank(long_ties):
        todo.append(text("none.hint", name="my_long_ties"))
        return Feedback(KEEP_GOING, tuple(good + todo))
    topics = _names(long_ties)
    if len(topics) != 2:
        todo.append(text("w.ties.count", n=len(topics)))
    m = measure_all(net, as_of=reading_date(net))
    near_fields = set(m.topics_2) | {m.my_field}
    near = [t for t in topics if _in(t, near_fields)]
    far = [t for t in topics if t not in near]
    if far:
        good.append(text("w.ties.far", n=len(far)))
    for t in near:
        todo.append(text("w.ties.near", names=t))
    return _verdict(good, todo)


# --- 07 argue one criticism against one principle --------------------------------------


def check_argument(argument) -> Feedback:
    """Exercise 07: the structure of an argument (claim, evidence, reply, limit).

    ``argument`` is a dict: ``principle`` (1–8), ``criticism`` (its name),
    ``claim``, ``model`` (a name in :data:`connectivism.models.MODELS`),
    ``evidence`` (with a figure from a model run), ``reply`` and ``limit``.
    Only the structure is checked: whether the argument convinces is for the
    discussion.
    """
    from connectivism.models import MODELS

    name = "my_argument"
    if _blank(argument):
        return _none(name)
    if not isinstance(argument, dict):
        return _wrong_type(name, "a dict", argument)
    good, todo = [], []
    principle = argument.get("principle")
    if not (isinstance(principle, int) and not isinstance(principle, bool) and 1 <= principle <= 8):
        todo.append(text("a.principle.range"))
    if _blank(argument.get("criticism")):
        todo.append(text("missing", field="criticism"))
    if argument.get("model") not in MODELS:
        todo.append(text("a.model.unknown", choices=", ".join(sorted(MODELS))))
    checks = (
        ("claim", "a.claim.short", 12),
        ("evidence", None, SENTENCE_WORDS),
        ("reply", "a.reply.short", 12),
        ("limit", "a.limit.short", SENTENCE_WORDS),
    )
    for key, short, need in checks:
        value = argument.get(key)
        if _blank(value):
            todo.append(text("a.part.missing", part=part(key)))
        elif key == "evidence" and not re.search(r"\d", str(value)):
            todo.append(text("a.evidence.number"))
        elif _words(value) < need:
            todo.append(
                text(short, need=need) if short else text("too_short", field=part(key), n=_words(value), need=need)
            )
        else:
            good.append(text("a.part.ok", part=part(key)))
    return _verdict(good, todo)


# --- 08 plan one of Bell's six steps ---------------------------------------------------


def check_bell_plan(plan) -> Feedback:
    """Exercise 08: the parts of a plan for one of Bell's six steps.

    ``plan`` is a dict: ``step`` (1–6), ``activity``, ``minutes``,
    ``principle`` (1–8), ``risk``, ``mitigation`` and ``check``.
    """
    name = "my_plan"
    if _blank(plan):
        return _none(name)
    if not isinstance(plan, dict):
        return _wrong_type(name, "a dict", plan)
    good, todo = [], []
    step = plan.get("step")
    if isinstance(step, int) and not isinstance(step, bool) and 1 <= step <= 6:
        good.append(text("b.step.ok", step=step))
    else:
        todo.append(text("b.step.range"))
    minutes = _number(plan.get("minutes"))
    if minutes is not None and 5 <= minutes <= 600:
        good.append(text("b.minutes.ok", minutes=int(minutes)))
    else:
        todo.append(text("b.minutes.range"))
    principle = plan.get("principle")
    if not (isinstance(principle, int) and not isinstance(principle, bool) and 1 <= principle <= 8):
        todo.append(text("b.principle.range"))
    for key in ("activity", "risk", "mitigation", "check"):
        if _words(plan.get(key)) < SENTENCE_WORDS:
            todo.append(text("b.part.short", part=part(key), need=SENTENCE_WORDS))
        else:
            good.append(text("b.part.ok", part=part(key)))
    return _verdict(good, todo)
