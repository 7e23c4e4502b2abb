"""Self-checks for the kit's exercises: pure functions that read a learner's answer.

Each ``check_*`` function takes the learner's answer (and, where the exercise
is about the learner's network, that network) and returns a :class:`Feedback`:
a status (``"not attempted yet"``, ``"keep going"`` or ``"good"``) and plain
sentences saying what is good and what to try next. The checks state
*criteria*, never the answer, and never raise on a learner's input: a
placeholder (``None``, ``...``, an empty value) gives "not attempted yet".

All texts live in :mod:`connectivism.selfcheck.messages`.

The checks live in two package-internal modules, re-exported here:
:mod:`~connectivism.selfcheck._network_checks` for the exercises that read the
learner's network (01, 02, 03, 05, 06) and
:mod:`~connectivism.selfcheck._answer_checks` for the others (04, 07, 08);
what they share (the statuses, :class:`Feedback`, :func:`my_network`, the
helpers that read an answer) is in :mod:`~connectivism.selfcheck._feedback`.

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

from connectivism.selfcheck._answer_checks import check_argument, check_bell_plan, check_currency_routine
from connectivism.selfcheck._feedback import (
    GOOD,
    KEEP_GOING,
    NOT_ATTEMPTED,
    Feedback,
    my_network,
    reading_date,
)
from connectivism.selfcheck._feedback import (
    SENTENCE_WORDS as SENTENCE_WORDS,  # noqa: F401 (kept importable from here)
)
from connectivism.selfcheck._feedback import (
    STATUSES as STATUSES,  # noqa: F401
)
from connectivism.selfcheck._network_checks import (
    check_diversity_reading,
    check_fading_ties,
    check_long_ties,
    check_nonhuman,
    check_single_points,
)

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
