"""``wargame sensitivity`` end to end: a tiny Morris design run through the design sweeper."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from sim.analysis.sensitivity_cli import sensitivity_main
from sim.experiment.sweep_job import read_json


@pytest.mark.slow
def test_morris_through_the_design_sweeper_and_resume(tmp_path, capsys):
    out = tmp_path / "sens"
    argv = [
        "--n",
        "2",
        "--param",
        "rules.noise=0.1:0.8",
        "--param",
        "rules.reactivity",
        "--outcome",
        "prk_combat",
        "--out",
        str(out),
        "replicates=2",
        "steps=3",
    ]
    assert sensitivity_main(argv) == 0
    design = pd.read_csv(out / "design.csv")
    assert list(design.columns) == ["rules.noise", "rules.reactivity"] and len(design) == 6
    sweep = pd.read_parquet(out / "sweep.parquet")
    assert sorted(sweep["job"].unique()) == list(range(6))
    # common random numbers: replicate i has the same seed at every point
    assert sweep.groupby("replicate")["seed"].nunique().eq(1).all()
    jobs = {j["num"]: j for j in json.loads((out / "manifest.json").read_text())["jobs"]}
    run = json.loads((Path(jobs[3]["output_dir"]) / "run.json").read_text())
    assert run["config"]["rules"]["noise"] == pytest.approx(design.loc[3, "rules.noise"])
    table = pd.read_csv(out / "sensitivity.csv")
    assert set(table["index"]) == {"mu_star", "sigma", "mu"}
    assert (out / "plots" / "morris_prk_combat.png").exists()
    assert sensitivity_main([*argv, "--resume"]) == 0
    assert read_json(Path(jobs[0]["output_dir"]) / "job.json")["resumed"] is True
    assert "mu_star" in capsys.readouterr().out
