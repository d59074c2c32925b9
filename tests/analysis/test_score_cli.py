"""``wargame score`` end to end on a real (tiny) Kursk run, and its one-line errors."""

from __future__ import annotations

import json
import sys

import pandas as pd
import pytest

from sim import cli
from tests.analysis.test_history import KURSK
from tests.analysis.toolkit_fixtures import write_history


def wargame(monkeypatch, *argv: str) -> int:
    monkeypatch.setattr(sys, "argv", ["wargame", *argv])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    return exit_.value.code


def test_score_a_kursk_run(run_a, tmp_path, monkeypatch, capsys):
    out = tmp_path / "score"
    assert (
        wargame(monkeypatch, "score", str(run_a), "--history", str(KURSK), "--out", str(out)) == 0
    )
    table = pd.read_csv(out / "observations.csv")
    assert len(table) == 9 and table["probability"].between(0, 1).all()
    assert (out / "score.png").exists() and (out / "scores.csv").exists()
    assert "log_score" in capsys.readouterr().out


def test_bad_history_is_one_line(run_a, tmp_path, monkeypatch, capsys):
    bad = write_history(tmp_path / "h.yaml", "as_of: 2024-11-30\nobservations: []\n")
    assert wargame(monkeypatch, "score", str(run_a), "--history", str(bad)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("wargame score: ") and "observations" in err and "\n" not in err


def test_score_each_job_of_a_sweep(sweep2_dir, tmp_path, monkeypatch):
    out = tmp_path / "score"
    assert (
        wargame(monkeypatch, "score", str(sweep2_dir), "--history", str(KURSK), "--out", str(out))
        == 0
    )
    per_job = pd.read_csv(out / "scores.csv")
    assert sorted(per_job["job"]) == [0, 1, 2, 3]
    assert {"rules.restraint", "brier", "log_score"} <= set(per_job.columns)
    assert len(pd.read_csv(out / "observations.csv")) == 4 * 9
    assert json.loads((out / "pooled.json").read_text())["points"] == 4


def test_score_panels_are_titled_with_what_their_line_measures(run_a):
    """'No nuclear use' over the curve of P(nuclear use) read as P(no nuclear use) = 0: each
    panel names the event its line is the probability of, then what happened."""
    import matplotlib.pyplot as plt

    from sim.analysis.history import load_history
    from sim.analysis.results import load_run
    from sim.analysis.score_plots import observable_words, panel_title
    from sim.analysis.scoring import score_run

    run, history = load_run(run_a), load_history(KURSK)
    table, _ = score_run(run, history)
    by_id = {o.id: o for o in history.observations}
    row = table.set_index("observation").loc["no_nuclear_use"]
    title = panel_title(row, observable_words(by_id["no_nuclear_use"], run.names))
    assert title.startswith("Nuclear use by anyone\ndid not happen by 30 Nov 2024\nP = ")
    assert "No nuclear use" not in title
    words = observable_words(by_id["us_lifts_atacms_restrictions"], run.names)
    assert words == "United States: lift weapons restrictions (toward Ukraine)"
    plt.close("all")
