"""Comparisons that know their seeds: paired differences over shared replicate seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.analysis.compare import differences, entries, format_differences, milestone_table
from sim.analysis.paired import multiple_comparisons_note, paired_difference, shared_pairs
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
    difference is 0 with a zero-width interval (unpaired, Newcombe's would be about +-0.4)."""
    short = make_run(tmp_path / "short", replicates=12, steps=8)
    long = make_run(tmp_path / "long", replicates=20, steps=8)
    items = entries([short, long])
    table = milestone_table(items, ["prk_combat", "nuclear_signal"], 8)
    diff = differences(table, items)
    assert (diff["difference"] == 0).all()
    assert (diff["ci_low"] == 0).all() and (diff["ci_high"] == 0).all()
    assert diff["method"].str.startswith("paired bootstrap (12 shared seeds)").all()
    unpaired = differences(table)
    assert (unpaired["ci_high"] - unpaired["ci_low"] > 0.3).all()
    text = format_differences(diff)
    assert "paired over shared replicate seeds" in text and "Bonferroni" in text


def test_multiple_comparisons_note():
    assert multiple_comparisons_note(1) == ""
    note = multiple_comparisons_note(20)
    assert "about 1.0 of them would exclude zero by" in note and "99.75%" in note
