"""The self-checks of the exercises that do not read the learner's network: 04, 07 and 08.

:mod:`connectivism.selfcheck` re-exports them: import them from there.
"""

from __future__ import annotations

import re

from connectivism.selfcheck._feedback import (
    KEEP_GOING,
    SENTENCE_WORDS,
    Feedback,
    _blank,
    _names,
    _none,
    _number,
    _verdict,
    _words,
    _wrong_type,
)
from connectivism.selfcheck.messages import part, text

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
