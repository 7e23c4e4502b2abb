"""The ``"selfcheck"`` part of the catalogue: every learner-facing text of the exercises' self-checks.

Its tables are registered with :func:`connectivism.messages.register` and
served by the same code as every other text (:func:`text` is
:meth:`Catalogue.text <connectivism.messages.Catalogue.text>`), in the
language :data:`connectivism.messages.LANGUAGE` sets. Every value of
:data:`MESSAGES` is translatable, including the names of the parts of an
answer (``"part.claim"`` ...); the keys and ``{fields}`` are not. The texts
state *criteria* (what a good answer has), never an answer.

Examples
--------
>>> text("status.none")
'not attempted yet'
>>> text("nope")
Traceback (most recent call last):
...
KeyError: "no message 'nope' of the 'selfcheck' catalogue in language 'en'"
"""

from __future__ import annotations

from connectivism.messages import register

__all__ = ["CATALOGUE", "MESSAGES", "text", "part"]

_EN: dict[str, str] = {
    # --- statuses and display -------------------------------------------------
    "status.none": "not attempted yet",
    "status.partial": "keep going",
    "status.good": "good",
    "new_source": "New source {n}",
    # --- the parts of an answer -----------------------------------------------------
    "part.claim": "claim",
    "part.evidence": "evidence",
    "part.reply": "reply",
    "part.limit": "limit",
    "part.activity": "activity",
    "part.risk": "risk",
    "part.mitigation": "way to reduce the risk",
    "part.check": "way to check it worked",
    "part.interpretation": "interpretation",
    "title": "Self-check",
    "none.hint": "Replace the placeholder ({name} = None) with your answer, run that cell, then run this check again.",
    "bad_type": "{name} should be {expected}; it is a {actual}. Look at the example shape in the instructions.",
    "missing": "Your answer has no {field!s} yet.",
    "too_short": "Your {field} is very short ({n} words): say it in a full sentence of at least {need} words.",
    # --- network source -----------------------------------------------------------
    "network.own": "Using your own network from the autosave ({path}).",
    "network.example": (
        "No autosave of your network was found, so this exercise uses the example network of {me} "
        '({example}). Map your own in the notebook "Map your learning network" and run this cell again to '
        "use yours."
    ),
    # --- 01 diversity ---------------------------------------------------------------
    "d.kind.ok": "Your most common kind of source matches your network.",
    "d.kind.off": (
        "The kind you named is not the most common kind of source in your network; count the sources of "
        "each kind in the table again."
    ),
    "d.spread.ok": "Your kind spread matches the measure (within 0.05).",
    "d.spread.off": (
        'Your kind spread is not what the measures give for your network; read the row "spread" (0 = one '
        "kind only, 1 = all kinds equally)."
    ),
    "d.same.ok": "Your share of contacts in your own field matches the measure.",
    "d.same.off": (
        "Your share of contacts in your own field does not match the measure; it is a number between 0 "
        "and 1, not a percentage."
    ),
    "d.next.field.ok": (
        "The source you plan to add is outside your own field, which widens the range of opinions you "
        "meet (principle 1)."
    ),
    "d.next.field.same": (
        "The source you plan to add is in your own field; one from another field would do more for diversity."
    ),
    "d.next.kind.ok": "It is of a kind you have few of, so it also evens out your mix of kinds.",
    "d.next.kind.common": (
        "It is of the kind you already have most of; a kind you have fewer of would even out the mix."
    ),
    "d.next.kind.unknown": "The kind of the planned source must be one of person, community, resource or tool.",
    # --- 02 single points of failure -------------------------------------------------
    "s.found.all": "You found every single point of failure the measures find.",
    "s.found.some": (
        "You found {found} of the {total} single points of failure; look for other sources that are the "
        "only route to part of your network."
    ),
    "s.found.none": "Your network has no single point of failure; say so with an empty list.",
    "s.found.extra": (
        "{names} is not a single point of failure: removing it leaves everyone else reachable. Check the "
        "table of cut points."
    ),
    "s.ties.count": "Your plan names {n} new tie(s); the task asks for two.",
    "s.ties.field": (
        "New ties that lead outside your own field: {n}. Each adds a route to another field (principles 4 and 6)."
    ),
    "s.ties.field.none": "All your new ties stay in your own field; a tie to someone in another field would do more.",
    "s.ties.fixed": (
        "Applied to a copy of your network, your plan removes {fixed} of the {total} single points of failure."
    ),
    "s.ties.notfixed": (
        "Applied to a copy of your network, your plan removes none of the single points of failure: a new "
        "tie helps only if it reaches, directly, a source you can now reach through one person only."
    ),
    "s.ties.why": "Each new tie should say why in a sentence (at least {need} words).",
    "s.ties.shape": 'Each new tie is a dict with "to", "kind", "topic" and "why".',
    # --- 03 fading ties ------------------------------------------------------------------
    "f.found.all": "You named every tie that has gone stale.",
    "f.found.some": (
        "You named {found} of the {total} stale ties; the measure counts a tie as stale after {days} days "
        "without contact."
    ),
    "f.found.extra": "{names} is not stale by the measure's rule: look at the days since last contact.",
    "f.plan.count": "Your routine covers {covered} of the {total} stale ties; give each one an action.",
    "f.plan.every": "A contact every {days} days or less keeps a tie from going stale; {names} would still fade.",
    "f.plan.action": (
        "Say what you will do for each tie in a sentence (at least {need} words), not only that you will get in touch."
    ),
    "f.plan.gain": "If you kept your routine once, freshness would go from {before} to {after}.",
    "f.plan.shape": 'Each item of the routine is a dict with "tie", "action" and "every_days".',
    # --- 04 currency -------------------------------------------------------------------
    "c.run.better": "Your settings raise the model's average currency from {before} to {after}.",
    "c.run.worse": (
        "Your settings do not raise the model's average currency ({before} with the defaults, {after} "
        "with yours); try a different lever."
    ),
    "c.run.many": "You changed {n} settings at once; change at most two, so that you can tell which one helped.",
    "c.run.unknown": "{names} is not a setting of the Currency model; the settings are listed in the explorer.",
    "c.run.error": "The model could not run with your settings: {error}",
    "c.routine.sources": "Your routine names {n} source(s); at least two keep you from depending on one.",
    "c.routine.every": "Your routine has a rhythm (every {days} days).",
    "c.routine.every.missing": 'Give your routine a rhythm: "every_days" as a whole number of days.',
    "c.routine.check": (
        "Currency means accurate as well as new: say how you will check what you hear (at least {need} words)."
    ),
    "c.routine.lever": (
        'Name the model setting your routine acts on ("lever"), so that the routine and the model speak to each other.'
    ),
    "c.routine.lever.ok": 'Your routine acts on the model setting "{lever}", which you explored.',
    # --- 05 non-human -----------------------------------------------------------------------
    "n.share.ok": "Your non-human share matches the measure.",
    "n.share.off": (
        "Your non-human share does not match the measure; it is the share of your sources that are "
        "resources or tools, between 0 and 1."
    ),
    "n.tool.ok": "{name} is a resource or tool in your network.",
    "n.tool.person": "{name} is in your network but is not a resource or tool; choose a non-human source.",
    "n.tool.missing": "{name} is not in your network; use a name from the table.",
    "n.backup.same": "Your backup is the same source; name a different one.",
    "n.backup.ok": "You named a backup source.",
    "n.effect": "Say what you would lose if it disappeared, in a sentence (at least {need} words).",
    "n.model.ok": (
        "Your model run removed {remove}: the largest connected group went from {before} to {after} of the people."
    ),
    "n.model.unknown": "Choose what the model removes from: {choices}.",
    # --- 06 small world ---------------------------------------------------------------------
    "w.p.range": "p is a share of ties between 0 and 1.",
    "w.p.short": (
        "With p = {p} the average distance is {ratio} of the ring's: not yet half. Try a larger share of shortcuts."
    ),
    "w.p.ok": (
        "With p = {p} the average distance falls to {ratio} of the ring's while clustering stays at "
        "{clust} of the ring's: few long ties do a lot."
    ),
    "w.p.large": (
        "With p = {p} the distance is halved, but clustering falls to {clust} of the ring's; look for a "
        "smaller p that still halves it."
    ),
    "w.ties.count": "Name two long ties you could make; you named {n}.",
    "w.ties.far": "Long ties to a field you cannot reach now within two steps: {n}.",
    "w.ties.near": "{names} leads to a field you already reach within two steps; a long tie reaches somewhere new.",
    # --- 07 argument -------------------------------------------------------------------
    "a.part.ok": "Your argument has a {part}.",
    "a.part.missing": "Your argument has no {part} yet.",
    "a.principle.range": "Name one of Siemens' principles by its number, 1 to 8.",
    "a.model.unknown": "Name the model you ran: one of {choices}.",
    "a.evidence.number": "Your evidence should quote a figure from your model run (a number).",
    "a.reply.short": "Your reply is short; answer the criticism in at least {need} words.",
    "a.limit.short": "Say what the model cannot show about learning, in at least {need} words.",
    "a.claim.short": (
        "State your claim in at least {need} words: which principle, and what the criticism says against it."
    ),
    # --- 08 Bell's steps -------------------------------------------------------------
    "b.step.range": "Choose one of Bell's six steps by its number, 1 to 6.",
    "b.step.ok": "You chose step {step}.",
    "b.minutes.range": "Give the time the activity takes in minutes (5 to 600).",
    "b.minutes.ok": "Your activity fits in {minutes} minutes.",
    "b.principle.range": "Name the principle the activity serves by its number, 1 to 8.",
    "b.part.short": "Your {part} is short; describe it in at least {need} words.",
    "b.part.ok": "Your plan describes the {part}.",
}

#: Message tables by language.
MESSAGES: dict[str, dict[str, str]] = {"en": _EN}

#: This part of the catalogue.
CATALOGUE = register("selfcheck", MESSAGES)

#: Return the self-check message ``key`` with its fields filled in (see :func:`connectivism.messages.text`).
text = CATALOGUE.text


def part(name: str, language: str | None = None) -> str:
    """The learner-facing name of a part of an answer ("claim", "risk" ...); unknown parts as they are.

    Examples
    --------
    >>> part("mitigation"), part("title")
    ('way to reduce the risk', 'title')
    >>> text("s.ties.count", n=1)
    'Your plan names 1 new tie(s); the task asks for two.'
    """
    key = f"part.{name}"
    return text(key, language) if key in MESSAGES["en"] else name
