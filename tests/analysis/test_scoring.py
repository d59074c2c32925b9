"""Scoring against history: probabilities, time to event and proper scores on known answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sim.analysis.errors import ResultsError
from sim.analysis.history import HistoryError, load_history
from sim.analysis.results import load_run
from sim.analysis.scoring import brier, log_score, overall, score_folder, score_run
from tests.analysis.toolkit_fixtures import write_fake_run, write_history


@pytest.fixture
def scored(tmp_path):
    run = load_run(write_fake_run(tmp_path / "run"))
    table, curves = score_run(run, load_history(write_history(tmp_path / "h.yaml")))
    return table.set_index("observation"), curves


def test_probability_by_date_counts_turns_ended_by_then(scored):
    table, _ = scored
    # 2024-11-13 is after turn 2 (ends 11-11): replicates 0 and 1 of 4 reached prk_combat
    assert table.loc["prk_fights", "step"] == 2
    assert table.loc["prk_fights", "probability"] == 0.5
    assert table.loc["signal_any", "probability"] == 0.5
    assert table.loc["signal_at_ukraine", "probability"] == 0.25  # the target narrows it
    assert table.loc["no_nuclear_use", "probability"] == 0.0
    # control at turn 2: 0.6, 0.6, 1, 1 -> all above 0.5
    assert table.loc["kursk_held", "probability"] == 1.0


def test_proper_scores(scored):
    table, _ = scored
    assert table.loc["prk_fights", "brier"] == pytest.approx(0.25)
    assert table.loc["prk_fights", "log_score"] == pytest.approx(math.log(2))
    assert table.loc["signal_at_ukraine", "brier"] == pytest.approx(0.5625)
    assert table.loc["signal_at_ukraine", "log_score"] == pytest.approx(-math.log(1.5 / 5))
    assert table.loc["no_nuclear_use", "brier"] == 0.0
    assert table.loc["no_nuclear_use", "log_score"] == pytest.approx(-math.log(1 - 0.5 / 5))
    scores = overall(table)
    assert scores["brier"] == pytest.approx((0.25 + 0.25 + 0.5625 + 0 + 0) / 5)
    assert scores["observations"] == 5


def test_scores_are_proper():
    """The expected Brier and log scores are lowest when the forecast is the true chance."""
    truth = 0.3
    for score in (lambda p, y: brier(p, y), lambda p, y: log_score(round(p * 99), 99, y)):
        expected = {
            p: truth * score(p, True) + (1 - truth) * score(p, False)
            for p in (0.1, 0.2, 0.3, 0.4, 0.6)
        }
        assert min(expected, key=expected.get) == pytest.approx(truth, abs=0.011)


def test_time_to_event(scored):
    table, curves = scored
    # first turns 1, 2, 3 (one never): median (lower) turn 2 = 2024-11-11
    assert table.loc["prk_fights", "first_p50"] == pd.Timestamp("2024-11-11")
    assert table.loc["prk_fights", "first_p10"] == pd.Timestamp("2024-11-04")
    assert table.loc["prk_fights", "p_never"] == 0.25
    assert table.loc["no_nuclear_use", "p_never"] == 1.0
    prk = curves[curves["observation"] == "prk_fights"]["probability"].tolist()
    assert prk == [0, 0.25, 0.5, 0.75, 0.75]


def test_cameo_codes_match(tmp_path):
    run = load_run(write_fake_run(tmp_path / "run"))
    text = tmp_path / "h.yaml"
    write_history(
        text,
        """\
as_of: 2024-11-30
observations:
  signal_cameo:
    event: "1385"
    actor: russia
    happened: true
    date: 2024-11-11
    source: Reuters, 21 Nov 2024
""",
    )
    table, _ = score_run(run, load_history(text))
    assert table["probability"].tolist() == [0.5]


def test_a_history_the_run_cannot_answer_is_refused(tmp_path):
    run = load_run(write_fake_run(tmp_path / "run"))
    bad = write_history(
        tmp_path / "h.yaml",
        """\
as_of: 2024-12-30
observations:
  late:
    milestone: prk_combat
    happened: true
    date: 2024-12-30
    source: x
""",
    )
    with pytest.raises(ResultsError, match="outside the run"):
        score_run(run, load_history(bad))
    unknown = write_history(
        tmp_path / "u.yaml",
        """\
as_of: 2024-11-30
observations:
  typo:
    milestone: prk_comabt
    happened: true
    date: 2024-11-11
    source: x
""",
    )
    with pytest.raises(HistoryError, match="prk_comabt.*allowed: prk_combat, nuclear_use"):
        score_run(run, load_history(unknown))


def test_score_folder_of_a_run(tmp_path):
    path = write_fake_run(tmp_path / "run")
    per_run, per_obs, curves = score_folder(path, load_history(write_history(tmp_path / "h.yaml")))
    assert len(per_run) == 1 and len(per_obs) == 5
    assert per_run["brier"].iloc[0] == pytest.approx(1.0625 / 5)


def test_a_run_without_events_falls_back_to_decisions(tmp_path):
    path = write_fake_run(tmp_path / "run")
    (path / "events.parquet").unlink()
    table, _ = score_run(load_run(path), load_history(write_history(tmp_path / "h.yaml")))
    assert table.set_index("observation").loc["signal_at_ukraine", "probability"] == 0.25
