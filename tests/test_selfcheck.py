"""The exercises' self-checks on good, partial, wrong and not-attempted answers.

Every check must: say "not attempted yet" for a placeholder (and never raise),
say "good" for a model answer, "keep going" for a partial or wrong one, and
explain itself in sentences that state criteria without giving the answer.
The networks are the kit's examples (Amira's teacher network unless said).
"""

from __future__ import annotations

import copy

import pytest

from connectivism import selfcheck as sc
from connectivism.examples import load_example
from connectivism.selfcheck.messages import MESSAGES, text

NET = load_example("teacher")
CLINICAL = load_example("clinical-educator")

WHY = "This gives me a second route and brings views from another field."
ACTION = "Send one short message with a question from my own teaching."
LONG = "a sentence that is long enough to count as a real part of the answer here"

READING = {
    "most_common_kind": "person",
    "kind_spread": 0.96,
    "same_field_share": 0.17,
    "next_source": {"kind": "tool", "topic": "special educational needs"},
}
TIES = [
    {"to": "Video channel of classroom demonstrations", "kind": "resource", "topic": "physics teaching", "why": WHY},
    {"to": "Primary science network", "kind": "community", "topic": "primary science", "why": WHY},
]
STALE = ["Physics teachers' network", "Online forum for science teachers", "Dr Okafor"]
ROUTINE = [{"tie": name, "action": ACTION, "every_days": 60} for name in STALE]
CURRENCY_ROUTINE = {
    "sources": ["A", "B"],
    "every_days": 7,
    "lever": "beta",
    "check": "I compare each new claim with the guidelines before I use it.",
}
NONHUMAN = {
    "nonhuman_share": 0.38,
    "key_tool": "Feed reader",
    "backup": "Research digest newsletter",
    "if_lost": "I would lose the weekly stream of research summaries and forum threads.",
    "model_remove": "the aggregator",
}
ARGUMENT = {
    "criticism": "the learning paradox",
    "principle": 6,
    "model": "smallworld",
    "claim": (
        "Seeing connections needs concepts the learner does not have yet, "
        "so the principle cannot explain how they arise."
    ),
    "evidence": "With 2 % shortcuts the distance fell to 46 % of the ring's in the model run.",
    "reply": (
        "Recognition can grow through repeated exposure along such ties, as patterns strengthen with use over time."
    ),
    "limit": "The model moves distances between nodes and shows nothing about understanding.",
}
PLAN = {"step": 4, "minutes": 50, "principle": 1, "activity": LONG, "risk": LONG, "mitigation": LONG, "check": LONG}


def with_(base, **changes):
    out = copy.deepcopy(base)
    out.update(changes)
    return out


#: name -> (call(answer...), good answer args, partial answer args, wrong answer args)
CASES = {
    "01 diversity": (
        lambda a: sc.check_diversity_reading(a, NET),
        (READING,),
        (with_(READING, next_source={"kind": "person", "topic": "physics teaching"}),),
        ({"most_common_kind": "tool", "kind_spread": 38, "same_field_share": "half"},),
    ),
    "02 single points": (
        lambda c, t: sc.check_single_points(c, t, NET),
        (["Lena"], TIES),
        (["Lena"], [TIES[1]]),
        (["Daniel"], [{"to": "Someone new", "kind": "person", "topic": "physics teaching", "why": "yes"}] * 2),
    ),
    "03 fading": (
        lambda s, r: sc.check_fading_ties(s, r, NET),
        (STALE, ROUTINE),
        (STALE[:1], ROUTINE[:1]),
        (["Daniel"], [{"tie": "Daniel", "action": "hi", "every_days": 400}]),
    ),
    "04 currency": (
        lambda s, r: sc.check_currency_routine(s, r),
        ({"beta": 0.5}, CURRENCY_ROUTINE),
        ({"beta": 0.5}, {"sources": ["A"]}),
        ({"beta": 0.1, "sources": 1, "lifetime": 1}, {"sources": "A"}),
    ),
    "05 non-human": (
        lambda a: sc.check_nonhuman(a, NET),
        (NONHUMAN,),
        (with_(NONHUMAN, backup="Feed reader"),),
        ({"nonhuman_share": 38, "key_tool": "Daniel", "model_remove": "everything"},),
    ),
    "06 long ties": (
        lambda p, t: sc.check_long_ties(p, t, NET),
        (0.02, ["cognitive psychology", "museum education"]),
        (0.02, ["chemistry teaching", "museum education"]),
        (0.005, ["physics teaching"]),
    ),
    "07 argument": (
        lambda a: sc.check_argument(a),
        (ARGUMENT,),
        (with_(ARGUMENT, evidence="The model shows that shortcuts matter a great deal here.", limit=""),),
        ({"principle": 12, "model": "weather", "claim": "Wrong."},),
    ),
    "08 Bell": (
        lambda p: sc.check_bell_plan(p),
        (PLAN,),
        (with_(PLAN, risk="none", check=""),),
        ({"step": 7, "minutes": 5000, "principle": 0, "activity": "blogs"},),
    ),
}
PLACEHOLDERS = [None, ..., "", [], {}]


@pytest.mark.parametrize("name", CASES)
def test_good_answer_is_good(name):
    call, good, _, _ = CASES[name]
    fb = call(*good)
    assert fb.status == sc.GOOD, str(fb)
    assert fb.points, "good feedback still says what is good"


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("which", ["partial", "wrong"])
def test_partial_and_wrong_answers_say_keep_going_with_a_next_step(name, which):
    call, _, partial, wrong = CASES[name]
    fb = call(*(partial if which == "partial" else wrong))
    assert fb.status == sc.KEEP_GOING, str(fb)
    assert fb.points and all(p.strip().endswith((".", ")")) for p in fb.points), str(fb)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("placeholder", PLACEHOLDERS, ids=repr)
def test_placeholders_are_not_attempted_and_never_raise(name, placeholder):
    call, good, _, _ = CASES[name]
    args = [placeholder] + list(good[1:])
    if name in ("02 single points", "03 fading") and placeholder in ([],):
        args = list(good[:1]) + [placeholder]  # an empty list of cut points is an answer
    fb = call(*args)
    assert fb.status == sc.NOT_ATTEMPTED, str(fb)
    assert "None" in fb.points[0] or "placeholder" in fb.points[0]


@pytest.mark.parametrize("name", CASES)
def test_odd_types_never_raise(name):
    call, good, _, _ = CASES[name]
    for odd in (42, "text", [1, 2], {"x": object()}, 3.5):
        fb = call(*([odd] + list(good[1:])))
        assert fb.status in sc.STATUSES


def test_feedback_reveals_criteria_not_answers():
    """Partial feedback never names what the learner has not already written."""
    fb = sc.check_single_points([], [TIES[1]], NET)
    assert "Lena" not in str(fb) and "Video channel" not in str(fb)
    fb = sc.check_fading_ties([], ROUTINE[:0] or [{"tie": "x", "action": ACTION, "every_days": 9}], NET)
    assert not any(name in str(fb) for name in STALE)
    fb = sc.check_diversity_reading({"most_common_kind": "tool", "kind_spread": 0.1, "same_field_share": 0.9}, NET)
    assert "person" not in str(fb) and "0.96" not in str(fb) and "0.17" not in str(fb)


def test_checks_read_the_learners_own_network():
    """The same reading is right for one network and wrong for another."""
    assert sc.check_single_points(["Lena"], TIES, NET).status == sc.GOOD
    assert sc.check_single_points(["Lena"], TIES, CLINICAL).status == sc.KEEP_GOING
    assert (
        sc.check_single_points(
            ["Clara Holm"],
            [
                {"to": "Assessment research group", "kind": "community", "topic": "assessment", "why": WHY},
                {
                    "to": "Medical education journal",
                    "kind": "resource",
                    "topic": "medical education research",
                    "why": WHY,
                },
            ],
            CLINICAL,
        ).status
        == sc.GOOD
    )


def test_plan_that_does_not_fix_the_cut_point_says_so():
    fb = sc.check_single_points(["Lena"], [TIES[1], with_(TIES[1], to="Another group")], NET)
    assert fb.status == sc.KEEP_GOING
    assert text("s.ties.notfixed") in fb.points


def test_feedback_html_is_escaped_and_text_is_plain():
    fb = sc.Feedback(sc.KEEP_GOING, ("<script>alert(1)</script>",))
    assert "<script>" not in fb._repr_html_() and "&lt;script&gt;" in fb._repr_html_()
    assert str(fb).splitlines()[0] == "Self-check: keep going"
    with pytest.raises(ValueError):
        sc.Feedback("perfect")


def test_every_message_template_is_used_or_documented():
    import inspect

    from connectivism.selfcheck import _answer_checks, _feedback, _network_checks

    source = "".join(inspect.getsource(m) for m in (sc, _feedback, _network_checks, _answer_checks))
    unused = [k for k in MESSAGES["en"] if f'"{k}"' not in source and not k.startswith(("status.", "title", "part."))]
    assert not unused, unused


def test_my_network_falls_back_to_the_example_and_reads_an_autosave(tmp_path, monkeypatch, capsys):
    from connectivism.formats import write_json
    from connectivism.session import AUTOSAVE_NAME

    monkeypatch.setenv("CONNECTIVISM_AUTOSAVE_DIR", str(tmp_path))
    assert sc.my_network().me == "Amira"
    assert "example network" in capsys.readouterr().out
    own = load_example("clinical-educator")
    write_json(own, tmp_path / AUTOSAVE_NAME)
    assert sc.my_network() == own
    assert "your own network" in capsys.readouterr().out
    (tmp_path / AUTOSAVE_NAME).write_text("{ broken")
    assert sc.my_network().me == "Amira"


def test_my_network_finds_the_builders_autosave_next_door(tmp_path, monkeypatch, capsys):
    """Without the environment variable, an exercise in exercises/ finds the autosave in notebooks/."""
    from connectivism.formats import write_json
    from connectivism.session import AUTOSAVE_NAME

    monkeypatch.delenv("CONNECTIVISM_AUTOSAVE_DIR", raising=False)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "exercises").mkdir()
    monkeypatch.chdir(tmp_path / "exercises")
    assert sc.my_network().me == "Amira"
    own = load_example("clinical-educator")
    write_json(own, tmp_path / "notebooks" / AUTOSAVE_NAME)
    assert sc.my_network() == own
    assert "your own network" in capsys.readouterr().out
