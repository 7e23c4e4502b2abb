"""Every suggestion rule: a network where it fires (with the nodes it names) and one where it must not."""

from __future__ import annotations

import ast
import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import connectivism.suggestions as suggestions_module
from connectivism.examples import load_example
from connectivism.measures import measure_all
from connectivism.messages import MESSAGES
from connectivism.network import LearningNetwork
from connectivism.suggestions import MAX_SUGGESTIONS, RULES, Suggestion, suggest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = datetime.date(2026, 10, 1)
RECENT = "2026-09-20"


def by_rule(net: LearningNetwork) -> dict[str, Suggestion]:
    found = suggest(net, as_of=AS_OF, limit=len(RULES) * 2)
    assert len({s.rule for s in found}) == len(found)  # one suggestion per rule
    return {s.rule: s for s in found}


def build(me_topic="", nodes=(), ties=()):
    """nodes: (name, kind, topic); ties: (a, b, dict of tie fields)."""
    net = LearningNetwork("Me")
    if me_topic:
        net.edit("Me", topic=me_topic)
    for name, kind, topic in nodes:
        net.add(name, kind, topic=topic)
    for a, b, fields in ties:
        net.connect(a, b, **fields)
    return net


def recent(**extra):
    return {"last_contact": RECENT, **extra}


# --- no_ties ------------------------------------------------------------------------


def test_no_ties_fires_without_ties():
    s = by_rule(LearningNetwork("Me"))
    assert list(s) == ["no_ties"] and s["no_ties"].nodes == ()
    assert s["no_ties"].principle == "Principle 2: connecting specialised sources"


def test_no_ties_does_not_fire_with_one_tie():
    net = build(nodes=[("A", "tool", "")], ties=[("Me", "A", recent())])
    assert "no_ties" not in by_rule(net)


# --- unreachable ----------------------------------------------------------------------


def test_unreachable_fires_and_names_the_disconnected_nodes():
    net = build(
        nodes=[("A", "tool", ""), ("B", "person", ""), ("C", "person", "")],
        ties=[("Me", "A", recent()), ("B", "C", {})],
    )
    s = by_rule(net)["unreachable"]
    assert s.nodes == ("B", "C") and "B and C" in s.text


def test_unreachable_does_not_fire_when_all_are_reachable():
    net = build(nodes=[("A", "tool", ""), ("B", "person", "")], ties=[("Me", "A", recent()), ("A", "B", {})])
    assert "unreachable" not in by_rule(net)


# --- stale ----------------------------------------------------------------------------


def test_stale_fires_naming_strongest_first():
    net = build(
        nodes=[("A", "person", ""), ("B", "person", ""), ("C", "tool", "")],
        ties=[
            ("Me", "A", {"strength": 1, "last_contact": "2025-01-01"}),  # 638 days
            ("Me", "B", {"strength": 4, "last_contact": "2026-03-01"}),  # 214 days
            ("Me", "C", recent()),
        ],
    )
    s = by_rule(net)["stale"]
    assert s.nodes == ("B", "A")
    assert "Start with B" in s.text and "214 days" in s.text
    assert s.principle == "Principle 5: nurturing connections"


def test_stale_with_one_tie_uses_the_singular_text():
    net = build(nodes=[("A", "tool", "")], ties=[("Me", "A", {"last_contact": "2025-01-01"})])
    s = by_rule(net)["stale"]
    assert s.nodes == ("A",) and s.text.startswith("You have not been in touch with A for 638 days.")


@pytest.mark.parametrize("last_contact", [RECENT, "2026-04-04", None])  # 11 days, exactly 180, no date
def test_stale_does_not_fire(last_contact):
    net = build(nodes=[("A", "tool", "")], ties=[("Me", "A", {"last_contact": last_contact})])
    assert "stale" not in by_rule(net)


# --- only_route -------------------------------------------------------------------------


def test_only_route_fires_naming_the_field_it_holds():
    net = build(
        me_topic="teaching",
        nodes=[
            ("Ana", "person", "teaching"),
            ("Journal", "resource", "research"),
            ("Group", "community", "research"),
            ("T", "tool", ""),
        ],
        ties=[
            ("Me", "Ana", recent()),
            ("Ana", "Journal", {"strength": 2}),
            ("Ana", "Group", {"strength": 4}),
            ("Me", "T", recent()),
        ],
    )
    s = by_rule(net)["only_route"]
    assert s.nodes == ("Ana", "Journal", "Group")
    assert s.principle == "Principle 6: seeing connections between fields"
    assert "only way into research" in s.text
    assert "a tie of your own to Group" in s.text  # the one Ana is most strongly tied to


def test_only_route_without_a_lost_field_speaks_of_reach():
    net = build(
        me_topic="teaching",
        nodes=[("Ana", "person", "teaching"), ("Vid", "resource", "teaching")],
        ties=[("Me", "Ana", recent()), ("Ana", "Vid", {})],
    )
    s = by_rule(net)["only_route"]
    assert s.nodes == ("Ana", "Vid") and s.principle == "Principle 4: capacity to know more"


def test_only_route_does_not_fire_when_there_is_a_second_way():
    net = build(
        nodes=[("Ana", "person", ""), ("Vid", "resource", "")],
        ties=[("Me", "Ana", recent()), ("Ana", "Vid", {}), ("Me", "Vid", recent())],
    )
    assert "only_route" not in by_rule(net)


# --- own_field ----------------------------------------------------------------------------


def own_field_network(topics, me_topic="x"):
    nodes = [(f"N{i}", "tool" if i == 0 else "person", t) for i, t in enumerate(topics)]
    return build(me_topic=me_topic, nodes=nodes, ties=[("Me", n, recent()) for n, _, _ in nodes])


def test_own_field_fires_at_half_or_more():
    s = by_rule(own_field_network(["x", "x", "y", "z"]))["own_field"]  # 2 of 4 = 50%
    assert s.nodes == ("N0", "N1") and "50% of your contacts" in s.text and "own field, x" in s.text
    assert s.principle == "Principle 1: diversity of opinions"


@pytest.mark.parametrize(
    "topics, me_topic",
    [
        (["x", "y", "z"], "x"),  # 1 of 3
        (["x", "x", "x"], ""),  # me has no topic: cannot compare
        (["x", "x", ""], "x"),  # only 2 contacts with a topic: too few to judge
    ],
)
def test_own_field_does_not_fire(topics, me_topic):
    assert "own_field" not in by_rule(own_field_network(topics, me_topic))


# --- no_nonhuman ----------------------------------------------------------------------------


def test_no_nonhuman_fires_when_all_contacts_are_human():
    net = build(
        nodes=[("A", "person", ""), ("F", "community", ""), ("W", "resource", "")],
        ties=[("Me", "A", recent()), ("Me", "F", recent()), ("F", "W", {})],
    )  # W only via F
    s = by_rule(net)["no_nonhuman"]
    assert s.nodes == () and s.principle == "Principle 3: learning in non-human appliances"


def test_no_nonhuman_does_not_fire():
    net = build(nodes=[("A", "person", ""), ("T", "tool", "")], ties=[("Me", "A", recent()), ("Me", "T", recent())])
    assert "no_nonhuman" not in by_rule(net)
    assert "no_nonhuman" not in by_rule(LearningNetwork("Me"))  # no ties: no_ties speaks instead


# --- no_new_ties ------------------------------------------------------------------------------


def since_network(dates):
    nodes = [(f"N{i}", "tool", "") for i in range(len(dates))]
    return build(nodes=nodes, ties=[("Me", f"N{i}", recent(since=d)) for i, d in enumerate(dates)])


def test_no_new_ties_fires_naming_the_newest():
    s = by_rule(since_network(["2020-01-01", "2025-10-01", "2022-05-05"]))["no_new_ties"]  # newest: 365 days
    assert s.nodes == ("N1",) and "1 October 2025" in s.text and s.principle == "Downes: openness"


@pytest.mark.parametrize(
    "dates",
    [
        ["2020-01-01", "2025-10-02", "2022-05-05"],  # 364 days: new
        ["2020-01-01", "2021-01-01", None],  # only two dated ties: too few to judge
    ],
)
def test_no_new_ties_does_not_fire(dates):
    assert "no_new_ties" not in by_rule(since_network(dates))


# --- others_started -----------------------------------------------------------------------------


def initiated_network(who):
    nodes = [(f"N{i}", "tool", "") for i in range(len(who))]
    return build(nodes=nodes, ties=[("Me", f"N{i}", recent(initiated_by=w)) for i, w in enumerate(who)])


def test_others_started_fires_naming_who_started():
    s = by_rule(initiated_network(["them", "them", "me", "them", None]))["others_started"]  # 1/4 = 25%
    assert s.nodes == ("N0", "N1", "N3") and s.principle == "Downes: autonomy"


def test_others_started_fires_below_forty_percent():
    # "both" counts as self-started: 1 of 3 = 33% < 40%
    assert by_rule(initiated_network(["them", "them", "both"]))["others_started"].nodes == ("N0", "N1")


@pytest.mark.parametrize(
    "who",
    [
        ["them", "me", "both"],  # 2/3 self-started
        ["them", "them", None, None],  # only 2 recorded: too few to judge
        ["them", "them", "me", "both", "them"],  # 2/5 = 40%: not below
    ],
)
def test_others_started_does_not_fire(who):
    assert "others_started" not in by_rule(initiated_network(who))


# --- introduce -------------------------------------------------------------------------------------


def introduce_network(kind_b="community", topic_b="y", tied=False, me_topic="x"):
    ties = [("Me", "A", recent()), ("Me", "B", recent()), ("Me", "T", recent())]
    if tied:
        ties.append(("A", "B", {}))
    return build(me_topic=me_topic, nodes=[("A", "person", "y"), ("B", kind_b, topic_b), ("T", "tool", "")], ties=ties)


def test_introduce_fires_for_two_untied_humans_in_one_outside_field():
    s = by_rule(introduce_network())["introduce"]
    assert s.nodes == ("A", "B") and "A and B both deal with y" in s.text
    assert s.principle == "Downes: connectivity"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tied": True},  # already tied
        {"me_topic": "y"},  # me's own field: they probably know each other
        {"kind_b": "resource"},  # a resource is not introduced
        {"topic_b": "z"},  # different fields
    ],
)
def test_introduce_does_not_fire(kwargs):
    assert "introduce" not in by_rule(introduce_network(**kwargs))


# --- together ----------------------------------------------------------------------------------------


def busy_network():
    """A network on which every rule but no_ties fires."""
    net = build(
        me_topic="x",
        nodes=[
            ("A", "person", "x"),
            ("B", "person", "x"),
            ("C", "community", "y"),
            ("D", "community", "y"),
            ("E", "person", "x"),
            ("Far", "person", "z"),
            ("Lone", "person", ""),
        ],
        ties=[
            (("Me", n, {"last_contact": "2025-01-01", "since": "2019-01-01", "initiated_by": "them"})) for n in "ABCD"
        ]
        + [("A", "E", {}), ("A", "B", {})],
    )
    net.add("Lone2", "tool")
    net.connect("Far", "Lone")
    return net


def test_priority_order_and_limit():
    net = busy_network()
    everything = suggest(net, as_of=AS_OF, limit=20)
    order = [rule.__name__.removeprefix("rule_") for rule in RULES]
    fired = [s.rule for s in everything]
    assert fired == sorted(fired, key=order.index)
    assert set(fired) == set(order) - {"no_ties"}
    assert [s.rule for s in suggest(net, as_of=AS_OF)] == fired[:MAX_SUGGESTIONS]
    assert len(suggest(net, as_of=AS_OF, limit=2)) == 2


def test_deterministic_within_and_across_processes():
    net = load_example("clinical-educator")
    first = suggest(net, as_of=AS_OF)
    assert first == suggest(load_example("clinical-educator"), as_of=AS_OF)
    # Python randomises string hashing per process: the order must not depend on it.
    code = (
        "import json; from connectivism.examples import load_example; from connectivism.suggestions import "
        "suggest; print(json.dumps([[[s.rule, s.text, s.nodes] for s in suggest(load_example(name), "
        "as_of='2026-10-01')] for name in ('teacher', 'clinical-educator')]))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=ROOT
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    teacher, clinical = json.loads(outputs.pop())
    assert [s[0] for s in clinical] == [s.rule for s in first]


def test_precomputed_measures_are_used_and_checked():
    net = load_example("teacher")
    m = measure_all(net, as_of=AS_OF)
    assert suggest(net, as_of=AS_OF, measures=m) == suggest(net, as_of=AS_OF)
    with pytest.raises(ValueError, match="as of 2026-10-01"):
        suggest(net, as_of="2026-11-01", measures=m)
    with pytest.raises(ValueError, match="Jonas"):
        suggest(load_example("clinical-educator"), as_of=AS_OF, measures=m)
    with pytest.raises(TypeError):
        suggest("not a network", as_of=AS_OF, measures=m)


def test_every_rule_has_a_docstring_saying_when_it_fires_and_when_not():
    for rule in RULES:
        doc = rule.__doc__ or ""
        flat = " ".join(doc.split()).lower()
        assert flat.startswith("fires") and "must not fire" in flat, rule.__name__


# --- texts live in messages ----------------------------------------------------------------------------


def string_constants(path: Path) -> list[str]:
    """String literals of a module, docstrings excluded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def test_no_learner_facing_text_is_hard_coded_in_suggestions():
    path = ROOT / "connectivism" / "suggestions.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # Error messages for programmers (raise ValueError(...)) are the only text allowed here.
    in_raise = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) and id(n) not in in_raise], (
        "no f-strings building texts outside error messages"
    )
    # Every other literal is a name (for __all__), an id or a message key: no spaces, no sentences.
    allowed = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)?$")
    in_raise_text = {n.value for n in ast.walk(tree) if id(n) in in_raise and isinstance(n, ast.Constant)}
    offenders = [text for text in string_constants(path) if not allowed.match(text) and text not in in_raise_text]
    assert offenders == [], offenders


def test_every_message_key_used_in_suggestions_exists():
    keys = [
        s
        for s in string_constants(ROOT / "connectivism" / "suggestions.py")
        if re.match(r"^(suggest|principle|downes)\.|^percent$", s)
    ]
    assert keys
    missing = [k for k in keys if k not in MESSAGES["en"]]
    assert missing == []
    # and every suggestion template is used by a rule
    templates = {k for k in MESSAGES["en"] if k.startswith("suggest.")}
    assert templates <= set(keys)


def test_suggestions_module_exports():
    for name in suggestions_module.__all__:
        assert hasattr(suggestions_module, name)
