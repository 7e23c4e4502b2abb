"""The measures' shared view (connectivism.measures.view): public, one error policy, old names deprecated."""

from __future__ import annotations

import datetime
import importlib

import pytest

from connectivism import measures
from connectivism.errors import MeasureArgumentError, MeasureTypeError, NetworkError
from connectivism.examples import load_example
from connectivism.measures import NetworkView, SourceDiversity, measure_all
from connectivism.network import LearningNetwork

AS_OF = datetime.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("call", "error", "builtin"),
    [
        (lambda: measures.reach({"me": []}), MeasureTypeError, TypeError),
        (lambda: measure_all(LearningNetwork("Me"), as_of="1 October"), MeasureArgumentError, ValueError),
        (lambda: measure_all(LearningNetwork("Me"), as_of=None), MeasureTypeError, TypeError),
        (lambda: measure_all(LearningNetwork("Me"), as_of=AS_OF, half_life_days=0), MeasureArgumentError, ValueError),
        (lambda: measure_all(LearningNetwork("Me"), as_of=AS_OF, stale_after_days="x"), MeasureTypeError, TypeError),
        (lambda: measures.reach(LearningNetwork("Me"), k=-1), MeasureArgumentError, ValueError),
        (lambda: measures.reach(LearningNetwork("Me"), k=1.5), MeasureTypeError, TypeError),
        (lambda: measures.shannon_entropy([1, -1]), MeasureArgumentError, ValueError),
        (lambda: measures.blau_index([-2]), MeasureArgumentError, ValueError),
    ],
)
def test_every_measure_error_is_the_kits_own_and_still_a_builtin(call, error, builtin):
    with pytest.raises(error) as caught:
        call()
    assert isinstance(caught.value, NetworkError) and isinstance(caught.value, builtin)
    assert caught.value.field is not None


def test_no_measure_module_raises_a_bare_builtin():
    import ast
    from pathlib import Path

    folder = Path(measures.__file__).parent
    bare = []
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if isinstance(target, ast.Name) and target.id in ("ValueError", "TypeError"):
                    bare.append(f"{path.name}:{node.lineno}")
    assert bare == []


def test_shared_view_functions_give_what_the_public_functions_give():
    net = load_example("teacher")
    view = NetworkView(net)
    assert measures.reach_from_view(view, 2) == measures.reach(net, 2)
    assert measures.brokerage_from_view(view) == measures.brokerage(net)
    assert measures.kind_diversity_from_view(view) == measures.kind_diversity(net)
    assert measures.downes_profile_from_view(view, AS_OF) == measures.downes_profile(net, as_of=AS_OF)
    ages = measures.tie_ages_from_view(view, AS_OF)
    assert measures.freshness_from_ages(ages, 180) == measures.freshness(net, as_of=AS_OF)
    assert measures.stale_from_ages(ages, 180) == measures.stale_ties(net, as_of=AS_OF)
    assert all(name in measures.__all__ for name in ("NetworkView", "reach_from_view", "stale_from_ages"))


def test_measures_init_imports_no_private_name():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(measures.__file__).read_text("utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
        if alias.name.startswith("_") or (node.module or "").split(".")[-1].startswith("_")
    ]
    assert private == []


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("connectivism.measures", "Diversity", SourceDiversity),
        ("connectivism.measures.diversity", "Diversity", SourceDiversity),
        ("connectivism.measures", "View", NetworkView),
        ("connectivism.measures._view", "View", NetworkView),
    ],
)
def test_old_names_still_work_and_warn(module, old, new):
    with pytest.warns(DeprecationWarning, match=new.__name__):
        assert getattr(importlib.import_module(module), old) is new


def test_the_two_diversity_and_view_names_are_distinct():
    from connectivism import models
    from connectivism.models import base

    assert models.Diversity is not SourceDiversity and models.Diversity.__name__ != SourceDiversity.__name__
    assert base.View.__name__ != NetworkView.__name__
