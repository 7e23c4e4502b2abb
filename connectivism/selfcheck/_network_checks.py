"""The self-checks of the exercises that read the learner's network: 01, 02, 03, 05 and 06.

Each takes the learner's answer and the network it is about.
:mod:`connectivism.selfcheck` re-exports them: import them from there.
"""

from __future__ import annotations

from connectivism.measures import measure_all
from connectivism.network import OTHER_KINDS, LearningNetwork
from connectivism.selfcheck._feedback import (
    KEEP_GOING,
    SENTENCE_WORDS,
    Feedback,
    _blank,
    _in,
    _names,
    _none,
    _number,
    _same,
    _unanswered_list,
    _verdict,
    _words,
    _wrong_type,
    reading_date,
)
from connectivism.selfcheck.messages import text

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
