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
