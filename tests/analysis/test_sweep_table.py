"""The table a sweep prints: values people can read, milestone codes that mean the same
milestone in every sweep of a scenario."""

from __future__ import annotations

from sim.analysis.sweep import load_sweep
from sim.analysis.sweep_table import column_texts, format_sweep_table, value_text
from tests.analysis.conftest import make_sweep


def test_values_are_shown_with_three_significant_digits():
    assert value_text(0.3333333333) == "0.333"
    assert value_text(0.6000000000000001) == "0.6"
    assert value_text(0.2925640871) == "0.293"
    assert value_text(10000.0) == "10000" and value_text(12345.6) == "12300"
    assert value_text(0.000012345) == "0.0000123"
    assert value_text("cautious") == "cautious" and value_text(5) == "5"


def test_a_column_gets_the_digits_it_needs_to_tell_its_points_apart():
    assert column_texts([0.2925640871, 0.3365538744, 0.4]) == ["0.293", "0.337", "0.4"]
    assert column_texts([0.29251, 0.29262]) == ["0.2925", "0.2926"]


def test_milestone_codes_follow_the_scenario_not_the_sweep(tmp_path):
    sweep = load_sweep(make_sweep(tmp_path / "s", {"rules.noise": [0.1, 1 / 3]}, replicates=4))
    text = format_sweep_table(sweep)
    reached = [m for m in sweep.milestones if sweep.table[f"{m}_step"].notna().any()]
    for m in reached:
        code = f"M{sweep.milestones.index(m) + 1}"
        assert code in text.splitlines()[1]  # the header
    assert "0.333" in text and "0.3333333333" not in text
