"""Calibration: the prior design, ABC acceptance, pooled scores; and the command end to end."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from sim.analysis.calibration import accept, pooled, prior_design
from sim.analysis.ranges import Range
from tests.analysis.test_history import KURSK


def test_prior_design_starts_from_the_defaults_and_fills_the_ranges():
    ranges = [Range("rules.noise", 0.2, 0.6), Range("combat.noise", 0.0, 1.0)]
    design = prior_design(ranges, 20, seed=4, defaults={"rules.noise": 0.4, "combat.noise": 0.25})
    assert design.iloc[0].tolist() == [0.4, 0.25] and len(design) == 21
    sampled = design.iloc[1:]
    assert sampled["rules.noise"].between(0.2, 0.6).all()
    # a Latin hypercube: one sample in each tenth of each range
    for r in ranges:
        tenths = ((sampled[r.key] - r.low) / (r.high - r.low) * 20).astype(int)
        assert sorted(tenths) == list(range(20))
    assert prior_design(ranges, 20, 4, {"rules.noise": 0.4, "combat.noise": 0.25}).equals(design)


def test_accept_keeps_the_best_samples_never_the_defaults():
    per_job = pd.DataFrame(
        {
            "job": [0, 1, 2, 3, 4, 5],
            "log_score": [0.1, 0.9, 0.3, 0.5, 0.2, 0.8],
            "brier": [0.0, 0.3, 0.1, 0.2, 0.4, 0.1],
        }
    )
    assert per_job["job"][accept(per_job, "log_score", 0.4, None)].tolist() == [2, 4]
    assert per_job["job"][accept(per_job, "brier", 0.2, None)].tolist() == [2]  # tie: lower job
    assert per_job["job"][accept(per_job, "log_score", None, 0.5)].tolist() == [2, 3, 4]
    with pytest.raises(Exception, match="allowed: log_score, brier"):
        accept(per_job, "crps", 0.1, None)


def test_pooled_scores_put_the_points_replicates_together():
    per_obs = pd.DataFrame(
        {
            "job": [1, 2, 1, 2],
            "observation": ["a", "a", "b", "b"],
            "replicates": [10, 30, 10, 30],
            "probability": [1.0, 0.0, 0.5, 0.5],
            "happened": [True, True, False, False],
        }
    )
    got = pooled(per_obs, [1, 2])
    # a: 10 of 40 -> 0.25; b: 20 of 40 -> 0.5
    assert got["brier"] == pytest.approx(((1 - 0.25) ** 2 + 0.5**2) / 2)
    expected_log = (-math.log(10.5 / 41) - math.log(1 - 20.5 / 41)) / 2
    assert got["log_score"] == pytest.approx(expected_log)
    assert pooled(per_obs, [1])["brier"] == pytest.approx((0 + 0.25) / 2)


@pytest.mark.slow
def test_calibrate_command(tmp_path, capsys):
    from sim.analysis.calibrate_cli import calibrate_main

    out, exp = tmp_path / "cal", tmp_path / "exp"
    argv = [
        "--history",
        str(KURSK),
        "--param",
        "rules.noise",
        "--samples",
        "4",
        "--accept",
        "0.5",
        "--out",
        str(out),
        "--experiment-dir",
        str(exp),
        "--name",
        "kursk_test",
        "replicates=2",
        "steps=5",
    ]
    assert calibrate_main(argv) == 0
    table = pd.read_csv(out / "calibration.csv")
    assert table["job"].tolist() == [0, 1, 2, 3, 4] and table["accepted"].sum() == 2
    best = table[table["job"] > 0].nsmallest(2, "log_score")["job"]
    assert sorted(table[table["accepted"]]["job"]) == sorted(best)
    accepted = pd.read_csv(exp / "kursk_test.csv")
    assert accepted["rules.noise"].tolist() == pytest.approx(
        table[table["accepted"]]["rules.noise"].tolist(), rel=1e-9
    )
    config = (exp / "kursk_test.yaml").read_text()
    assert (
        "override /hydra/sweeper: design" in config
        and "design: experiment/kursk_test.csv" in config
    )
    summary = json.loads((out / "calibration.json").read_text())
    assert summary["accepted"]["log_score"] <= summary["prior"]["log_score"]
    assert (out / "plots" / "prior_vs_accepted.png").exists()
    assert "accepted (calibrated)" in capsys.readouterr().out


def test_a_design_starts_from_the_scenario_files_values_for_scenario_keys():
    """Scenario values live in the scenario file, not the composed config: a calibration of a
    doctrine entry's rate starts from the file's value, changed by the command line's."""
    from sim.analysis.launch import config_values

    entry = "scenario.actors.russia.doctrine.commit_north_korean_troops.probability"
    keys = [entry, "scenario.actors.russia.risk_tolerance", "rules.noise"]
    assert config_values(keys, []) == {entry: 0.3, keys[1]: 0.6, "rules.noise": 0.4}
    assert config_values([entry], [f"{entry}=0.25"]) == {entry: 0.25}


@pytest.mark.parametrize(
    "key", ["scenario.actors.atlantis.risk_tolerance", "scenario.actors.russia.name", "rules.nois"]
)
def test_a_design_key_that_names_no_number_is_refused(key):
    from sim.analysis.errors import ResultsError
    from sim.analysis.launch import config_values

    with pytest.raises(ResultsError, match=f"--param {key}: no such numeric config value"):
        config_values([key], [])
