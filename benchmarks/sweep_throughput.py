"""Replicate throughput of the default scenario, four ways, measured side by side.

(a) ours: ``run_job`` into a temporary folder with N worker processes (every table streamed to
    Parquet, run.json written);
(a') ours with ``engine=batched``: the same ``run_job``, replicates stepped together in blocks
    of 1,000 (``sim.batch``), one block per task in the same N processes (so give it at least
    N x 1,000 replicates: the default is 2,000);
(b) ``mesa.batch_run`` as a competent user would configure it: the model takes the scenario by
    *name* (each process reads the file once), collects the outcome row once, at the last step,
    and runs in the same N processes;
(c) the floor: the bare loop (model construction + steps, nothing recorded, nothing written)
    split over the same N processes.

All get the same base seed, steps and rule and combat parameters. One round runs the ways
one after another (in a rotating order); rounds repeat until the CPU ratios of both engines to
batch_run and to the floor over the last three rounds lie within ``--tolerance`` of their
median (or ``--max-rounds``). Two ratios are given: of throughput (runs/s, wall time) and of
CPU time per replicate. The load average is printed before and after: on a shared machine
identical work varies by 20-40% between runs and wall time follows the other users' load, so
only ratios taken in the same round mean much, and the CPU ratios (used for the stopping rule)
move less.

    python benchmarks/sweep_throughput.py [--replicates 2000] [--steps 26] [--processes N]

Prints a table per round and a summary, then as the last line one JSON object for tools.
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import mesa

from sim.abm.model import EscalationModel
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import load_scenario
from sim.experiment.catalog import find_scenario
from sim.experiment.job import Job
from sim.experiment.pool import cores
from sim.experiment.run import run_job

BASE_SEED = 20241028
SCENARIO = "kursk_2024"
WAYS = ("ours", "batched", "batch_run", "floor")
RATIOS = {  # ratio name -> (our way, the other way, the unit compared); > 1: ours is better
    f"{label}{unit_label} vs {other}": (way, other, unit)
    for way, label in (("ours", ""), ("batched", "batched "))
    for other in ("batch_run", "floor")
    for unit_label, unit in (("runs/s", "runs_per_s"), ("cpu", "cpu_ms_per_run"))
}


@functools.cache
def world_named(name: str):
    """The scenario called ``name``, read and validated once per process."""
    return load_scenario(find_scenario(name))


class NamedScenarioModel(EscalationModel):
    """EscalationModel as a batch_run user writes it: plain parameters (the scenario's name and
    the run length), and the outcome collected once, when the run ends."""

    def __init__(self, scenario: str = SCENARIO, steps: int = 26, rng=None):
        super().__init__(world_named(scenario), RuleParams(), CombatParams(), rng=rng)
        self.max_steps = steps
        self.datacollector = mesa.DataCollector(model_reporters={"outcome": self.outcome})

    def step(self) -> None:
        super().step()
        if self.steps >= self.max_steps:
            self.running = False
            self.datacollector.collect(self)


def default_job(replicates: int, steps: int) -> Job:
    """The default scenario with default rules and combat."""
    return Job(world_named(SCENARIO), RuleParams(), CombatParams(), steps, replicates, BASE_SEED)


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and its finished children so far."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def ours(job: Job, processes: int) -> None:
    """Our pipeline: run_job with ``processes`` workers into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        run_job(job, Path(tmp), {}, None, progress=False, workers=processes)


def batched(job: Job, processes: int) -> None:
    """Our pipeline with the batched engine: run_job, blocks of replicates in ``processes``."""
    ours(replace(job, engine="batched"), processes)


def batch_run(job: Job, processes: int) -> None:
    """mesa.batch_run over the same seeds and steps, scenario by name, outcome collected once."""
    seeds = [job.replicate_seed(i) for i in range(job.replicates)]
    params = {"scenario": SCENARIO, "steps": job.steps}
    results = mesa.batch_run(NamedScenarioModel, params, number_processes=processes,
                             max_steps=job.steps, display_progress=False, rng=seeds)  # fmt: skip
    assert len(results) == job.replicates, len(results)


def _bare_loop(job: Job, indices: range) -> int:
    for i in indices:
        model = EscalationModel(job.world, job.rules, job.combat, rng=job.replicate_seed(i),
                                replicate=i)  # fmt: skip
        for _ in range(job.steps):
            model.step()
    return len(indices)


def floor(job: Job, processes: int) -> None:
    """The bare model loop, nothing recorded, in ``processes`` forked processes at once."""
    shares = [range(k, job.replicates, processes) for k in range(processes)]
    if processes == 1:
        _bare_loop(job, shares[0])
        return
    with mp.get_context("fork").Pool(processes) as pool:
        done = pool.starmap(_bare_loop, [(job, s) for s in shares])
    assert sum(done) == job.replicates


def measure(way: str, job: Job, processes: int) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its children) of one way."""
    fn = {"ours": ours, "batched": batched, "batch_run": batch_run, "floor": floor}[way]
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    fn(job, processes)
    return time.perf_counter() - t0, cpu_seconds() - cpu0


def stable(values: list[float], tolerance: float) -> bool:
    """Whether the last three values lie within ``tolerance`` (relative) of their median."""
    if len(values) < 3:
        return False
    last = values[-3:]
    mid = statistics.median(last)
    return all(abs(v - mid) <= tolerance * mid for v in last)


def converged(ratios: dict[str, list[float]], tolerance: float) -> bool:
    """Whether the CPU ratios are stable (wall-time ratios follow the machine's other load)."""
    return all(stable(v, tolerance) for k, v in ratios.items() if k.startswith("cpu"))


def one_round(job: Job, n: int, r: int) -> dict:
    """Runs/s and CPU ms per replicate of each way, run in a rotating order."""
    k = r % len(WAYS)
    order = WAYS[k:] + WAYS[:k]
    got = {way: measure(way, job, n) for way in order}
    row = {w: {"runs_per_s": job.replicates / got[w][0],
               "cpu_ms_per_run": got[w][1] / job.replicates * 1e3} for w in WAYS}  # fmt: skip
    cells = "  ".join(f"{w} {row[w]['runs_per_s']:6.1f}/s {row[w]['cpu_ms_per_run']:5.2f} ms"
                      for w in WAYS)  # fmt: skip
    print(f"round {r + 1} ({', '.join(order)}; load {os.getloadavg()[0]:.1f}): {cells}")
    return row


def ratios_of(row: dict) -> dict[str, float]:
    """Our engines against the others in one round (> 1: ours is better)."""
    out = {}
    for key, (way, other, unit) in RATIOS.items():
        a, b = row[way][unit], row[other][unit]
        out[key] = a / b if unit == "runs_per_s" else b / a
    return out


def summary(rounds: list[dict], ratios: dict[str, list[float]], n: int, ok: bool) -> dict:
    """Print the medians of the last three rounds; return them and the ratios."""
    last = rounds[-3:]
    med = {w: {k: statistics.median(x[w][k] for x in last) for k in last[0][w]} for w in WAYS}
    print(f"\nmedian of the last {len(last)} rounds ({'stable' if ok else 'NOT stable'})")
    print(f"{'':34}{'runs/s':>9}{'CPU ms/run':>12}")
    labels = {"ours": "(a) ours, run_job", "batched": "(a') ours, engine=batched",
              "batch_run": "(b) mesa.batch_run, by name",
              "floor": f"(c) floor, bare loop x {n}"}  # fmt: skip
    for w in WAYS:
        print(f"{labels[w]:34}{med[w]['runs_per_s']:9.1f}{med[w]['cpu_ms_per_run']:12.2f}")
    final = {k: round(statistics.median(v[-3:]), 3) for k, v in ratios.items()}
    for label, name in (("", "ours"), ("batched ", "batched")):
        for other, target in (("batch_run", "target >= 5"), ("floor", "target >= 0.9")):
            print(f"{name} / {other} = {final[f'{label}runs/s vs {other}']:.2f} in runs/s, "
                  f"{final[f'{label}cpu vs {other}']:.2f} in CPU per run ({target})")  # fmt: skip
    return {
        "runs_per_s": {w: round(med[w]["runs_per_s"], 1) for w in WAYS},
        "cpu_ms_per_run": {w: round(med[w]["cpu_ms_per_run"], 2) for w in WAYS},
        "ours_vs": final,
    }


def main(argv: list[str] | None = None) -> dict:
    """Run rounds until the ratios are stable; print each round, the summary and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, default=2000, help="per way and round")
    parser.add_argument("--steps", type=int, default=26)
    parser.add_argument("--processes", type=int, default=0, help="0: every core (default)")
    parser.add_argument("--tolerance", type=float, default=0.05)
    parser.add_argument("--min-rounds", type=int, default=3)
    parser.add_argument("--max-rounds", type=int, default=8)
    args = parser.parse_args(argv)
    n = args.processes or cores()
    job = default_job(args.replicates, args.steps)
    load_before = os.getloadavg()[0]
    print(f"{args.replicates} replicates x {args.steps} steps per way and round, {n} processes "
          f"each; load average before {load_before:.2f}")  # fmt: skip
    rounds: list[dict] = []
    ratios: dict[str, list[float]] = {k: [] for k in RATIOS}
    for r in range(args.max_rounds):
        rounds.append(one_round(job, n, r))
        for key, value in ratios_of(rounds[-1]).items():
            ratios[key].append(value)
        print("    " + "  ".join(f"{k} {v[-1]:.2f}" for k, v in ratios.items()))
        if r + 1 >= args.min_rounds and converged(ratios, args.tolerance):
            break
    ok = converged(ratios, args.tolerance)
    result = {"replicates": args.replicates, "steps": args.steps, "processes": n,
              "rounds": len(rounds), "stable": ok, **summary(rounds, ratios, n, ok),
              "load_average_before": round(load_before, 2),
              "load_average_after": round(os.getloadavg()[0], 2)}  # fmt: skip
    print(f"load average after {result['load_average_after']:.2f}")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
