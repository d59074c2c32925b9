"""Replicates in a process pool: the same tables whatever the number of workers and chunks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from sim.experiment import pool
from sim.experiment.chunking import Footprint, chunk_size_for
from sim.experiment.run import chunks, run_job
from sim.experiment.tables import SCHEMAS


def read_all(out) -> dict[str, pd.DataFrame]:
    names = [*SCHEMAS, "outcomes"]
    return {n: pd.read_parquet(out / f"{n}.parquet") for n in names}


def test_results_do_not_depend_on_workers_or_chunking(job, tmp_path):
    layouts = [(1, 12), (1, 1), (2, 5), (2, 0), (3, 2)]
    results = []
    for workers, size in layouts:
        out = tmp_path / f"w{workers}_c{size}"
        run_job(job, out, {}, None, chunk_size=size, progress=False, workers=workers)
        results.append(read_all(out))
        run = json.loads((out / "run.json").read_text())
        assert run["execution"]["workers"] == min(workers, job.replicates)
    first = results[0]
    for other, layout in zip(results[1:], layouts[1:], strict=True):
        for name, table in first.items():
            pd.testing.assert_frame_equal(table, other[name], obj=f"{name} with {layout}")
    assert sorted(first["outcomes"]["replicate"]) == list(range(job.replicates))


def test_seeds_are_those_of_the_job(job, tmp_path):
    run_job(job, tmp_path, {}, None, chunk_size=4, progress=False, workers=2)
    outcomes = pd.read_parquet(tmp_path / "outcomes.parquet")
    assert list(outcomes["seed"]) == [job.replicate_seed(i) for i in range(job.replicates)]


def test_a_failing_worker_leaves_no_complete_looking_folder(job, tmp_path, monkeypatch):
    """A worker fails on a later chunk, after earlier chunks were streamed to disk: the
    clean-up, not an early failure, is what leaves the folder empty."""
    from sim.experiment.results import ResultsWriter

    real_simulate, real_add, written = pool.simulate_chunk, ResultsWriter.add, []

    def boom(job, indices):
        if indices[0] >= 6:
            raise RuntimeError("worker failed")
        return real_simulate(job, indices)

    def add(self, tables, outcomes):
        real_add(self, tables, outcomes)
        written.extend(p.name for p in self.out_dir.glob("*.partial"))

    monkeypatch.setattr(pool, "simulate_chunk", boom)
    monkeypatch.setattr(ResultsWriter, "add", add)
    with pytest.raises(RuntimeError, match="worker failed"):
        run_job(job, tmp_path, {}, None, chunk_size=3, progress=False, workers=2)
    assert written, "no chunk reached the disk before the failure: the test proves nothing"
    assert not (tmp_path / "run.json").exists()
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize(
    ("requested", "replicates", "expected"),
    [(1, 500, 1), (4, 3, 3), (2, 10, 2), (0, 10, 1), (0, 5000, "cores")],
)
def test_workers_zero_means_all_cores_for_large_jobs(requested, replicates, expected):
    want = pool.cores() if expected == "cores" else expected
    assert pool.resolve_workers(requested, replicates) == min(want, replicates)


def test_negative_workers_are_refused():
    from sim.domain.errors import ConfigError

    with pytest.raises(ConfigError, match="workers"):
        pool.resolve_workers(-1, 10)


def test_chunks_cover_every_replicate_once():
    assert chunks(7, 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunks(7, 3, start=1) == [[1, 2, 3], [4, 5, 6]]


def test_chunks_are_sized_to_the_memory_budget():
    small = Footprint(building=480_000, tables=32_000)  # measured: the default scenario
    assert chunk_size_for(10_000, 2, small, memory_mb=1000) == 250
    assert chunk_size_for(5, 8, small, memory_mb=1000) == 1
    large = Footprint(building=7_500_000, tables=870_000)  # measured: 1,000 units, 26 turns
    assert chunk_size_for(1000, 2, large, memory_mb=1000) == 51  # 2 x 51 x 10 MB < 1000 MB
    assert chunk_size_for(1000, 2, large, memory_mb=10) == 1


def test_automatic_chunks_keep_replicate_0_and_record_the_footprint(job, tmp_path):
    manifest = run_job(job, tmp_path, {}, None, progress=False, workers=2, memory_mb=1)
    assert manifest["execution"]["chunk_size"] == 1 and manifest["execution"]["replicate_kb"] > 0
    outcomes = pd.read_parquet(tmp_path / "outcomes.parquet")
    assert list(outcomes["replicate"]) == list(range(job.replicates))


LAUNCHERS = [  # (launcher config, cores available, workers per job)
    ({"_target_": "hydra._internal.core_plugins.basic_launcher.BasicLauncher"}, 8, 0),
    ({"_target_": "hydra_plugins.hydra_joblib_launcher.joblib_launcher.JoblibLauncher",
      "n_jobs": -1}, 8, 1),
    ({"_target_": "hydra_plugins.hydra_joblib_launcher.joblib_launcher.JoblibLauncher",
      "n_jobs": 2}, 8, 4),
    ({"_target_": "hydra_plugins.hydra_joblib_launcher.joblib_launcher.JoblibLauncher",
      "n_jobs": -7}, 8, 4),
    ({"_target_": "hydra_plugins.hydra_submitit_launcher.submitit_launcher.LocalLauncher",
      "cpus_per_task": None, "array_parallelism": 256}, 8, 1),
    ({"_target_": "hydra_plugins.hydra_submitit_launcher.submitit_launcher.LocalLauncher",
      "cpus_per_task": 3, "array_parallelism": 256}, 8, 3),
    ({"_target_": "hydra_plugins.hydra_submitit_launcher.submitit_launcher.SlurmLauncher",
      "cpus_per_task": 8}, 8, 0),
    ({"_target_": "hydra_plugins.hydra_ray_launcher.ray_launcher.RayLauncher",
      "ray": {"remote": {"num_cpus": 2}}}, 8, 2),
]  # fmt: skip


@pytest.mark.parametrize(("launcher", "available", "expected"), LAUNCHERS)
def test_jobs_running_at_once_share_the_cores(launcher, available, expected):
    assert pool.launcher_workers(launcher, available) == expected


ORPHAN_SCRIPT = """
import sys
from pathlib import Path
from tests.experiment.conftest import small_job
from sim.experiment.run import run_job
run_job(small_job(replicates=100000, steps=26), Path(sys.argv[1]), {}, None, chunk_size=5,
        progress=False, workers=2)
"""


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc")
def test_workers_exit_when_their_parent_is_killed_with_sigkill(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT, str(tmp_path / "out")],
                              cwd=root, env=env)  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(_children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = _children(parent.pid)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(1)  # the workers are simulating
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "orphaned workers still running"
    finally:
        parent.kill()
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
