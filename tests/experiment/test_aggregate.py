"""The sweep table and manifest: done jobs' rows, failed and missing jobs listed, stale folders
of another sweep ignored."""

from __future__ import annotations

import json

import pandas as pd

from sim.experiment.aggregate import aggregate
from sim.experiment.plan import SweepPlan

KEY = "rules.noise"


def fake_job(root, num, overrides, status="done", replicates=3, extra=None):
    out = root / str(num)
    out.mkdir(parents=True)
    error = None if status == "done" else "ConfigError: bad"
    record = {"num": num, "overrides": overrides, "status": status, "output_dir": str(out),
              "error": error, "wall_time_s": 0.5}  # fmt: skip
    (out / "job.json").write_text(json.dumps(record))
    if status == "done":
        rows = {"replicate": range(replicates), "seed": range(100, 100 + replicates),
                "prk_combat_step": [1.0, None, 3.0][:replicates], **(extra or {})}  # fmt: skip
        pd.DataFrame(rows).to_parquet(out / "outcomes.parquet", index=False)


def test_table_has_job_then_parameters_then_outcomes(tmp_path):
    plan = SweepPlan(jobs=[[f"{KEY}=0.1", "steps=3"], [f"{KEY}=0.2", "steps=3"]], swept=[KEY])
    fake_job(tmp_path, 0, plan.jobs[0])
    fake_job(tmp_path, 1, plan.jobs[1], extra={"final_control_kursk": [0.5, 0.4, 0.3]})
    manifest = aggregate(tmp_path, plan)
    table = pd.read_parquet(tmp_path / "sweep.parquet")
    assert list(table.columns[:4]) == ["job", KEY, "replicate", "seed"]
    assert list(table[KEY]) == [0.1] * 3 + [0.2] * 3
    assert table["final_control_kursk"].isna().sum() == 3  # a column only one job has
    assert manifest["counts"] == {"done": 2, "failed": 0, "missing": 0, "jobs": 2}
    assert manifest["swept"] == [KEY] and manifest["rows"] == 6


def test_failed_missing_and_stale_jobs(tmp_path):
    jobs = [[f"{KEY}=0.1"], [f"{KEY}=9"], [f"{KEY}=0.3"], [f"{KEY}=0.4"]]
    plan = SweepPlan(jobs=jobs, swept=[KEY])
    fake_job(tmp_path, 0, plan.jobs[0])
    fake_job(tmp_path, 1, plan.jobs[1], status="failed")
    fake_job(tmp_path, 3, [f"{KEY}=0.7"])  # left by an earlier, different sweep in this folder
    manifest = aggregate(tmp_path, plan)
    status = [j["status"] for j in manifest["jobs"]]
    assert status == ["done", "failed", "missing", "missing"]
    assert manifest["jobs"][1]["error"] == "ConfigError: bad"
    saved = json.loads((tmp_path / "manifest.json").read_text())
    assert saved["counts"] == {"done": 1, "failed": 1, "missing": 2, "jobs": 4}
    assert len(pd.read_parquet(tmp_path / "sweep.parquet")) == 3


def test_no_done_job_means_no_table(tmp_path):
    plan = SweepPlan(jobs=[[f"{KEY}=2"]], swept=[KEY])
    fake_job(tmp_path, 0, plan.jobs[0], status="failed")
    assert aggregate(tmp_path, plan)["rows"] == 0
    assert not (tmp_path / "sweep.parquet").exists()
