"""Sweeps through the real ``wargame -m`` command: failures recorded and reported, resume runs
only what is missing, and a sweep killed half-way resumes without losing or repeating a job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from tests.experiment.conftest import start_wargame, wargame

pytestmark = pytest.mark.slow
TINY = ["replicates=4", "steps=3", "plots=false"]


def manifest_of(sweep_dir):
    return json.loads((sweep_dir / "manifest.json").read_text())


# A job that fails while it runs (every value is checked before a sweep starts, so the failure
# is made here: the run of rules.noise=0.5 raises).
FAILING = """
import sys
import sim.experiment.run as run
real = run.run_job
def run_job(job, *args, **kwargs):
    if job.rules.noise == 0.5:
        raise RuntimeError("boom")
    return real(job, *args, **kwargs)
run.run_job = run_job
import sim.cli
sys.argv = ["wargame", *sys.argv[1:]]
sim.cli.main()
"""


def test_a_failing_job_is_recorded_and_the_sweep_exits_non_zero(tmp_path):
    sweep_dir = tmp_path / "sweep"
    args = ["-m", "rules.noise=0.3,0.5,0.6", *TINY, f"hydra.sweep.dir={sweep_dir}"]
    env = {**os.environ, "CI": "1"}
    command = [sys.executable, "-c", FAILING, *args]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "1 of 3 sweep jobs did not finish" in done.stderr
    assert "rules.noise=0.5" in done.stderr
    manifest = manifest_of(sweep_dir)
    assert [j["status"] for j in manifest["jobs"]] == ["done", "failed", "done"]
    assert "RuntimeError: boom" in manifest["jobs"][1]["error"]
    table = pd.read_parquet(sweep_dir / "sweep.parquet")
    assert sorted(table["rules.noise"].unique()) == [0.3, 0.6]
    assert len(table) == 2 * 4

    again = subprocess.run([*command, "resume=true"], cwd=tmp_path, env=env, capture_output=True,
                           text=True)  # fmt: skip
    assert again.returncode == 1  # the failing job still fails; the others are skipped
    jobs = manifest_of(sweep_dir)["jobs"]
    assert [j["resumed"] for j in jobs] == [True, False, True]


def test_an_experiment_runs_as_a_sweep(tmp_path):
    sweep_dir = tmp_path / "rule_sets"
    done = wargame(["experiment=rule_sets", *TINY, f"hydra.sweep.dir={sweep_dir}"], tmp_path)
    assert done.returncode == 0, done.stderr
    table = pd.read_parquet(sweep_dir / "sweep.parquet")
    assert table.groupby("rules").size().to_dict() == {
        "cautious": 4, "doctrine_only": 4, "doctrine_richardson": 4, "tit_for_tat": 4,
    }  # fmt: skip


def test_a_killed_sweep_resumes_without_losing_or_repeating_jobs(tmp_path):
    sweep_dir = tmp_path / "sweep"
    noise = ",".join(f"0.{i}" for i in range(1, 7))
    args = ["-m", f"rules.noise={noise}", "replicates=40", "steps=26", "workers=1",
            "plots=false", f"hydra.sweep.dir={sweep_dir}"]  # fmt: skip
    proc = start_wargame(args, tmp_path)
    deadline = time.time() + 120
    while time.time() < deadline and len(list(sweep_dir.glob("*/job.json"))) < 2:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    folders = {json.loads(p.read_text())["num"]: p.parent for p in sweep_dir.glob("*/job.json")}
    finished = set(folders)
    assert 2 <= len(finished) < 6, "the sweep should be killed half-way"
    assert not (sweep_dir / "manifest.json").exists()
    before = {n: (folders[n] / "run.json").stat().st_mtime_ns for n in finished}

    done = wargame([*args, "resume=true"], tmp_path)
    assert done.returncode == 0, done.stderr
    manifest = manifest_of(sweep_dir)
    assert manifest["counts"] == {"done": 6, "failed": 0, "missing": 0, "jobs": 6}
    resumed = {j["num"] for j in manifest["jobs"] if j["resumed"]}
    assert resumed == finished  # finished jobs were skipped, the others ran
    for n, mtime in before.items():
        assert (folders[n] / "run.json").stat().st_mtime_ns == mtime
    table = pd.read_parquet(sweep_dir / "sweep.parquet")
    assert len(table) == 6 * 40
    assert not table.duplicated(["job", "replicate"]).any()
    assert sorted(table["rules.noise"].unique()) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]


def test_every_rule_set_runs_and_a_rerun_into_the_folder_is_refused(tmp_path):
    sweep_dir = tmp_path / "rules"
    args = ["-m", "rules=glob(*)", "replicates=2", "steps=2", f"hydra.sweep.dir={sweep_dir}"]
    done = wargame(args, tmp_path)
    assert done.returncode == 0, done.stderr
    manifest = manifest_of(sweep_dir)
    assert manifest["counts"] == {"done": 4, "failed": 0, "missing": 0, "jobs": 4}
    assert done.stdout.count("Sweep of 4 points") == 1  # the table, printed once
    assert (sweep_dir / "plots" / "sweep_peak_rung.png").exists()  # the sweep's figures
    assert not list(sweep_dir.glob("*/plots"))  # per-job figures are opt-in
    again = wargame(args, tmp_path)
    assert again.returncode == 2
    assert "already holds a sweep's results" in again.stderr and "--force" in again.stderr
    forced = wargame([*args, "--force"], tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_a_resume_with_another_config_is_refused_and_the_same_config_skips_done_jobs(tmp_path):
    sweep_dir = tmp_path / "sweep"
    args = ["-m", "rules.noise=0.1,0.2", "steps=2", "plots=false", f"hydra.sweep.dir={sweep_dir}"]
    assert wargame([*args, "replicates=3"], tmp_path).returncode == 0
    files = {p: p.stat().st_mtime_ns for p in sweep_dir.rglob("*")}

    other = wargame([*args, "replicates=5", "resume=true"], tmp_path)  # the review's case
    assert other.returncode == 2
    assert "different config (replicates = 3 then, 5 now)" in other.stderr
    assert "Traceback" not in other.stderr
    assert {p: p.stat().st_mtime_ns for p in sweep_dir.rglob("*")} == files  # nothing touched

    same = wargame([*args, "replicates=3", "resume=true", "workers=1"], tmp_path)
    assert same.returncode == 0, same.stderr
    assert [j["resumed"] for j in manifest_of(sweep_dir)["jobs"]] == [True, True]
    assert len(pd.read_parquet(sweep_dir / "sweep.parquet")) == 2 * 3


def test_a_design_sweep_keeps_its_identity_for_resume(tmp_path):
    design = tmp_path / "design.csv"
    design.write_text("rules.noise\n0.3\n0.5\n")
    sweep_dir = tmp_path / "sweep"
    args = ["-m", "hydra/sweeper=design", f"hydra.sweeper.design={design}", *TINY,
            f"hydra.sweep.dir={sweep_dir}"]  # fmt: skip
    assert wargame(args, tmp_path).returncode == 0
    assert json.loads((sweep_dir / "sweep_plan.json").read_text())["identity"]["jobs"]
    other = wargame([*args, "steps=4", "resume=true"], tmp_path)
    assert other.returncode == 2 and "steps = 3 then, 4 now" in other.stderr
    assert wargame([*args, "resume=true"], tmp_path).returncode == 0


def test_a_sweep_saved_before_the_engine_knob_resumes_as_agents_runs(tmp_path):
    """Its plan and run.json files name no engine: that means agents. The default engine is now
    batched, so a plain resume is refused saying engine=agents; with it, done jobs are kept."""
    sweep_dir = tmp_path / "sweep"
    args = ["-m", "rules.noise=0.1,0.2", "steps=2", "replicates=3", "plots=false",
            f"hydra.sweep.dir={sweep_dir}"]  # fmt: skip
    assert wargame([*args, "engine=agents"], tmp_path).returncode == 0
    plan = json.loads((sweep_dir / "sweep_plan.json").read_text())
    assert "engine" not in plan["identity"]["settings"]  # as the plans saved before the knob
    for path in sweep_dir.glob("*/run.json"):  # and their runs, made before it
        run = json.loads(path.read_text())
        del run["engine"], run["config"]["engine"]
        path.write_text(json.dumps(run))

    plain = wargame([*args, "resume=true"], tmp_path)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert "engine = agents then, batched now (add engine=agents to resume it)" in plain.stderr

    agents = wargame([*args, "resume=true", "engine=agents"], tmp_path)
    assert agents.returncode == 0, agents.stderr
    assert [j["resumed"] for j in manifest_of(sweep_dir)["jobs"]] == [True, True]
