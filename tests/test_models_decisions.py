"""Decisions in a shifting reality: social learning in a restless two-armed bandit.

Checked: copying alone finds the better option but herds on it after the
world changes (accuracy after a change stays near 0); a little exploration
restores adaptation (accuracy in the 20 steps after each change is much
higher with ε = 0.1 than with ε = 0, over seeds); exploring all the time is
choosing at random (accuracy ½).
"""

from __future__ import annotations

import numpy as np
import pytest

from connectivism.errors import ModelParameterError
from connectivism.models import Decisions
from connectivism.models.decisions import better_option, make_network, recovery, social_learning

SEEDS = range(6)


def test_better_option_flips_on_schedule():
    assert better_option(6, 2).tolist() == [0, 0, 1, 1, 0, 0]


def test_copying_alone_herds_on_yesterdays_answer():
    for seed in SEEDS:
        r = Decisions().run(seed=seed, explore=0.0, steps=100, flip_every=50)
        assert r.accuracy[40:50].mean() > 0.95 or r.accuracy[40:50].mean() < 0.05  # everyone agrees
        if r.accuracy[49] > 0.95:  # the group had found the right answer ...
            assert r.accuracy[50:].max() < 0.05  # ... and keeps it after it became wrong


def test_exploration_restores_adaptation_after_a_flip():
    model = Decisions()
    after = {e: [model.run(seed=s, explore=e).after_flips for s in SEEDS] for e in (0.0, 0.1)}
    # measured means: ε = 0 → 0.33 (right only when the world flips back), ε = 0.1 → 0.73
    assert np.mean(after[0.1]) > np.mean(after[0.0]) + 0.25
    assert min(after[0.1]) > 0.6


def test_exploring_all_the_time_is_choosing_at_random():
    r = Decisions().run(seed=1, explore=1.0, n=2000)
    assert r.accuracy.mean() == pytest.approx(0.5, abs=0.01)


def test_without_change_copying_finds_the_better_option():
    accs = [Decisions().run(seed=s, explore=0.0, flip_every=500, steps=100).accuracy[-1] for s in SEEDS]
    assert np.mean(accs) > 0.8


def test_copy_rule_copies_only_what_worked():
    """With a sure better option (quality 1) and nobody exploring, nobody switches to the worse one."""
    a = make_network(50, 4, np.random.default_rng(0))
    choices = social_learning(a, explore=0.0, quality=1.0, best=np.zeros(30, dtype=int), rng=np.random.default_rng(1))
    right = choices == 0
    assert np.all(right[1:] >= right[:-1])  # once right, always right


def test_recovery_measure():
    assert recovery(np.array([1.0, 0, 0, 1]), 2, window=2) == 0.5
    assert np.isnan(recovery(np.ones(5), 10))


def test_same_seed_same_run_and_seeds_differ():
    model = Decisions()
    assert model.run(seed=3, n=100, explore=0.05) == model.run(seed=3, n=100, explore=0.05)
    assert model.run(seed=3, n=100, explore=0.05) != model.run(seed=4, n=100, explore=0.05)


@pytest.mark.parametrize(
    "params, words",
    [
        ({"explore": -0.1}, "explore = -0.1 is outside 0–1"),
        ({"quality": 0.4}, "quality = 0.4 is outside 0.5–1"),
        ({"k": 3}, "k = 3 is odd"),
        ({"n": 20, "k": 20}, "k = 20 is too large for n = 20"),
        ({"flip_every": 5}, "flip_every = 5 is outside 10–500"),
    ],
)
def test_bad_parameters_give_clear_errors(params, words):
    with pytest.raises(ModelParameterError, match=words):
        Decisions().run(**params)
