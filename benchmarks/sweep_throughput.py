"""Replicate throughput of the default scenario, measured three ways.

(a) ours: ``run_job`` into a temporary folder, with one worker process per core (tables
    streamed to Parquet, run.json written);
(b) ``mesa.batch_run`` with the same model class (EscalationModel, given a DataCollector that
    records the outcome row, which batch_run requires), the same seeds and steps, one process
    per core;
(c) the floor: the bare model loop in one process, nothing recorded or written.

Prints a table for people and, as the last line, one JSON object for tools:
    python benchmarks/sweep_throughput.py [--replicates 2000] [--steps 26] [--skip-batch-run]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import mesa

from sim.abm.model import EscalationModel
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario, read_yaml
from sim.experiment.catalog import find_scenario
from sim.experiment.job import Job
from sim.experiment.pool import cores
from sim.experiment.run import run_job

BASE_SEED = 20241028
nan = float("nan")


class CollectingModel(EscalationModel):
    """EscalationModel with the DataCollector that ``mesa.batch_run`` insists on: it records
    the replicate's outcome row after every step (batch_run returns the last one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reporters = {"outcome": EscalationModel.outcome}
        self.datacollector = mesa.DataCollector(model_reporters=reporters)

    def step(self) -> None:
        super().step()
        self.datacollector.collect(self)


def default_job(replicates: int, steps: int) -> Job:
    """The default scenario (kursk_2024) with default rules and combat."""
    path = find_scenario("kursk_2024")
    world = parse_scenario(read_yaml(path), source=str(path))
    return Job(world, RuleParams(), CombatParams(), steps, replicates, BASE_SEED)


def peak_rss_mb(who: int) -> float:
    """Peak resident memory (MB) of this process, or of its largest finished child."""
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU seconds (user + system) used so far by this process and its finished children."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measured(fn, *args) -> tuple[object, float]:
    """``fn(*args)`` and the CPU seconds it used, in this process and its children."""
    before = cpu_seconds()
    value = fn(*args)
    return value, cpu_seconds() - before


def ours(job: Job, workers: int) -> tuple[float, float]:
    """Seconds for run_job with ``workers`` processes; and the peak memory of the whole run
    (parent plus every worker at its own peak: an upper bound)."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        run_job(job, Path(tmp), {}, None, progress=False, workers=workers)
        seconds = time.perf_counter() - t0
    rss = peak_rss_mb(resource.RUSAGE_SELF) + workers * peak_rss_mb(resource.RUSAGE_CHILDREN)
    return seconds, rss


def batch_run(job: Job, workers: int) -> float:
    """Seconds for mesa.batch_run over the same seeds and steps."""
    seeds = [job.replicate_seed(i) for i in range(job.replicates)]
    params = {"world": [job.world], "rules": [job.rules], "combat": [job.combat]}
    t0 = time.perf_counter()
    results = mesa.batch_run(CollectingModel, params, number_processes=workers,
                             max_steps=job.steps, display_progress=False, rng=seeds)  # fmt: skip
    seconds = time.perf_counter() - t0
    assert len(results) == job.replicates, len(results)
    return seconds


def floor(job: Job) -> float:
    """Seconds for the bare model loop in this process, nothing recorded or written."""
    t0 = time.perf_counter()
    for i in range(job.replicates):
        model = EscalationModel(job.world, job.rules, job.combat, rng=job.replicate_seed(i),
                                replicate=i)  # fmt: skip
        for _ in range(job.steps):
            model.step()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> dict:
    """Run the three measurements, print the table, then the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=26)
    parser.add_argument("--skip-batch-run", action="store_true", help="measure (a) and (c) only")
    args = parser.parse_args(argv)
    job, n = default_job(args.replicates, args.steps), cores()
    (t_ours, rss), cpu_ours = measured(ours, job, n)  # first: memory must not count the others
    t_batch, cpu_batch = (nan, nan) if args.skip_batch_run else measured(batch_run, job, n)
    t_floor, cpu_floor = measured(floor, job)
    cpu_ms = {k: c / args.replicates * 1e3 for k, c in (("ours", cpu_ours), ("batch", cpu_batch),
                                                        ("floor", cpu_floor))}  # fmt: skip
    rate = {k: args.replicates / t for k, t in (("ours", t_ours), ("batch", t_batch),
                                               ("floor", t_floor))}  # fmt: skip
    print(f"{args.replicates} replicates x {args.steps} steps, {n} cores")
    print(f"{'':32}{'seconds':>9}{'runs/s':>9}{'CPU ms/run':>12}")
    for label, key, t in (("(a) ours, run_job", "ours", t_ours),
                          ("(b) mesa.batch_run", "batch", t_batch),
                          ("(c) floor, bare loop, 1 process", "floor", t_floor)):  # fmt: skip
        print(f"{label:32}{t:9.2f}{rate[key]:9.1f}{cpu_ms[key]:12.2f}")
    print(f"ours / batch_run = {rate['ours'] / rate['batch']:.2f}x (target >= 2, aim 5)")
    print(f"ours / (floor x cores) = {rate['ours'] / (rate['floor'] * n):.2f} (target >= 0.8)")
    print(f"ours peak memory (parent + workers) = {rss:.0f} MB")
    result = {
        "replicates": args.replicates,
        "steps": args.steps,
        "cores": n,
        "ours_runs_per_s": round(rate["ours"], 2),
        "batch_run_runs_per_s": _number(rate["batch"]),
        "floor_runs_per_s": round(rate["floor"], 2),
        "ours_vs_batch_run": _number(rate["ours"] / rate["batch"], 3),
        "ours_vs_floor_x_cores": round(rate["ours"] / (rate["floor"] * n), 3),
        "ours_peak_rss_mb": round(rss, 1),
        "cpu_ms_per_run": {k: _number(v) for k, v in cpu_ms.items()},
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result))
    return result


def _number(x: float, digits: int = 2) -> float | None:
    """Rounded, or None for a measurement that was skipped (NaN is not JSON)."""
    return None if x != x else round(x, digits)


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
