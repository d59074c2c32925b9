"""Comparisons that know their seeds: paired differences over shared replicate seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.analysis.compare import (
    differences,
    entries,
    format_differences,
    milestone_table,
    peak_differences,
)
from sim.analysis.metrics import newcombe_interval
from sim.analysis.paired import (
    multiple_comparisons_note,
    newcombe_paired_interval,
    paired_difference,
    shared_pairs,
)
from tests.analysis.conftest import make_run


def test_paired_difference_cancels_common_luck():
    rng = np.random.default_rng(0)
    luck = rng.normal(0, 5, 200)
    x, y = luck, luck + 0.3
    diff, lo, hi = paired_difference(x, y)
    assert diff == pytest.approx(0.3) and lo == pytest.approx(0.3) and hi == pytest.approx(0.3)


def test_shared_pairs_needs_enough_common_seeds():
    a = pd.DataFrame({"seed": range(20), "m_step": 1.0})
    assert len(shared_pairs(a, a.iloc[:12])) == 12
    assert shared_pairs(a, a.iloc[:5]) is None
    assert shared_pairs(a.drop(columns="seed"), a) is None


def test_a_short_and_a_long_run_of_the_same_settings_differ_by_exactly_zero(tmp_path):
    """The 12 replicates of the short run are the first 12 of the long one: paired, every
    difference is 0, and its interval is Newcombe's paired score interval: as wide as the
    unpaired one where every pair agrees on "never" (12 seeds only show the difference is
    small), never a zero-width [+0.00, +0.00]."""
    short = make_run(tmp_path / "short", replicates=12, steps=8)
    long = make_run(tmp_path / "long", replicates=20, steps=8)
    items = entries([short, long])
    table = milestone_table(items, ["prk_combat", "nuclear_signal"], 8)
    diff = differences(table, items)
    assert (diff["difference"] == 0).all()
    assert (diff["ci_low"] < -0.1).all() and (diff["ci_high"] > 0.1).all()
    assert diff["method"].str.startswith("Newcombe paired score (12 shared seeds)").all()
    text = format_differences(diff)
    assert "paired over shared replicate seeds" in text and "Bonferroni" in text
    assert "Newcombe's paired score interval" in text
    peaks = peak_differences(items, ["russia", "united_states"])
    assert peaks["method"].str.startswith("Newcombe paired score (12 shared seeds)").all()
    assert (peaks["difference"] == 0).all() and (peaks["ci_high"] > 0).all()


def test_paired_zero_against_zero_is_as_wide_as_unpaired_zero_against_zero():
    never = np.zeros(100, dtype=bool)
    lo, hi = newcombe_paired_interval(never, never)
    assert (lo, hi) == pytest.approx(newcombe_interval(0, 100, 0, 100))
    assert hi == pytest.approx(0.037, abs=0.001)


def test_the_paired_interval_is_narrower_when_the_pairs_agree():
    x = np.array([True] * 30 + [False] * 70)
    y = x.copy()
    y[30:40] = True  # 10 more reached in the other run, the same 30 in both
    lo, hi = newcombe_paired_interval(x, y)
    unpaired = newcombe_interval(30, 100, 40, 100)
    assert lo < 0.1 < hi and lo > 0  # the ten discordant pairs all go one way
    assert hi - lo < unpaired[1] - unpaired[0]
    # The worked examples of Fagerland, Lydersen & Laake (2017), ch. 8, by their "square and
    # add" formula (Bentur 2009: 1 both, 1 first only, 7 second only, 12 neither; Cavo 2012:
    # 59, 6, 16, 80); the difference is P(first) - P(second).
    for (both, first, second, neither), expected in (
        ((1, 1, 7, 12), (-0.5069, -0.0256)),
        ((59, 6, 16, 80), (-0.1186, -0.0046)),
    ):
        x = np.array([1] * both + [1] * first + [0] * second + [0] * neither, dtype=bool)
        y = np.array([1] * both + [0] * first + [1] * second + [0] * neither, dtype=bool)
        assert newcombe_paired_interval(y, x) == pytest.approx(expected, abs=0.0001)


def test_multiple_comparisons_note():
    assert multiple_comparisons_note(1) == ""
    note = multiple_comparisons_note(20)
    assert "about 1.0 of them would exclude zero by" in note and "99.75%" in note
