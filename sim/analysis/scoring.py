"""Scoring an ensemble against a history file: probabilities, time to event, proper scores.

For each observation the ensemble's probability is the share of replicates in which the
observable holds at the last turn ending on or before the observation's date. Against what
happened (1 or 0) that probability gets two proper scores, lower is better for both:

- Brier score: ``(p - y)^2`` (0 perfect, 0.25 for a coin toss, 1 worst);
- log score: ``-ln`` of the probability given to what happened, with the share smoothed as
  ``(k + 0.5) / (n + 1)`` so that one unlucky observation costs a finite amount
  (``ln 2 = 0.693`` for a coin toss).

The overall scores are the means over observations. The time-to-event distribution is the date
of the first turn the observable holds: its 10th, 50th and 90th percentiles among the replicates
where it happens, and the share where it never does within the run.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.history import History, Observation, check_against
from sim.analysis.observables import event_table, first_steps, holds_matrix
from sim.analysis.results import Run, folder_kind, load_run


def brier(p: float, happened: bool) -> float:
    """Brier score of probability ``p`` for an event that did (or did not) happen."""
    return (p - float(happened)) ** 2


def log_score(k: int, n: int, happened: bool) -> float:
    """``-ln`` of the smoothed share ``(k + 0.5) / (n + 1)`` given to what happened."""
    p = (k + 0.5) / (n + 1)
    return -math.log(p if happened else 1.0 - p)


def describe(obs: Observation) -> str:
    """The observable in one line: ``milestone prk_combat``, ``russia -> ukraine: warn``."""
    if obs.kind == "milestone":
        return f"milestone {obs.milestone}"
    if obs.kind == "event":
        return f"{obs.actor} -> {obs.target or 'anyone'}: {'|'.join(obs.events)}"
    bound = f"> {obs.above}" if obs.above is not None else f"< {obs.below}"
    return f"control of {obs.theatre} {bound}"


def check_run(run: Run, history: History) -> list[Observation]:
    """The observations the run can answer; refuses names the run lacks, dates before its
    start, and a history none of whose dates falls within the run. Observations dated after
    the run's last turn are left out (a shorter run is scored on the earlier facts)."""
    theatres = list(run.theatres["theatre"].astype(str).unique())
    check_against(history, run.milestones, run.actors, theatres)
    end = run.date_of(run.steps).date()
    covered = [o for o in history.observations if o.date <= end]
    early = [o for o in history.observations if o.date < run.start_date]
    for o in early or ([] if covered else history.observations[:1]):
        raise ResultsError(
            f"{history.path}: observations.{o.id}.date = {o.date} is outside "
            f"the run {run.path} ({run.start_date} to {end}); allowed: dates "
            "in the run (run more steps?)"
        )
    return covered


def score_run(run: Run, history: History) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-observation scores of one run, and the curves of cumulative probability per turn."""
    observations = check_run(run, history)
    events = event_table(run) if any(o.kind == "event" for o in observations) else None
    rows, curves = [], []
    dates = [run.date_of(s) for s in range(run.steps + 1)]
    for o in observations:
        holds = holds_matrix(run, o, events)
        n, step = holds.shape[0], run.step_of(o.date)
        k = int(holds[:, step].sum())
        rows.append(
            {
                "observation": o.id,
                "label": o.title,
                "observable": describe(o),
                "date": pd.Timestamp(o.date),
                "happened": o.happened,
                "step": step,
                "replicates": n,
                "probability": k / n,
                "brier": brier(k / n, o.happened),
                "log_score": log_score(k, n, o.happened),
                **time_to_event(first_steps(holds), run),
                "note": o.note,
                "source": o.source,
            }
        )
        curves.append(
            pd.DataFrame(
                {
                    "observation": o.id,
                    "step": range(run.steps + 1),
                    "date": dates,
                    "probability": holds.mean(axis=0),
                }
            )
        )
    return pd.DataFrame(rows), pd.concat(curves, ignore_index=True)


def time_to_event(first: np.ndarray, run: Run) -> dict[str, object]:
    """Dates of the 10th, 50th, 90th percentile first turn, and the share that never holds."""
    seen = first[~np.isnan(first)]
    out: dict[str, object] = {"p_never": 1.0 - len(seen) / len(first) if len(first) else np.nan}
    for q in (10, 50, 90):
        step = np.percentile(seen, q, method="lower") if len(seen) else None
        out[f"first_p{q}"] = run.date_of(int(step)) if step is not None else pd.NaT
    return out


def overall(table: pd.DataFrame) -> dict[str, float]:
    """Mean Brier and log score over the observations, and their count."""
    return {
        "brier": float(table["brier"].mean()),
        "log_score": float(table["log_score"].mean()),
        "observations": len(table),
    }


def score_folder(path: Path, history: History) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Scores of a run (one row) or of each job of a sweep (one row per job, its parameters
    first): returns (overall per run/job, per observation per run/job, curves of the first)."""
    if folder_kind(path) == "run":
        table, curves = score_run(load_run(path), history)
        return pd.DataFrame([overall(table)]), table, curves
    from sim.analysis.sweep import load_sweep

    sweep = load_sweep(path)
    params = _job_parameters(sweep)
    per_job, per_obs, first_curves = [], [], None
    for job_dir in sweep.job_dirs:
        run = load_run(job_dir)
        table, curves = score_run(run, history)
        num = _job_num(job_dir)
        per_job.append({"job": num, **params.get(num, {}), **overall(table)})
        per_obs.append(table.assign(job=num))
        first_curves = curves if first_curves is None else first_curves
    if not per_job:
        raise ResultsError(f"{path}: the sweep has no finished job to score")
    return pd.DataFrame(per_job), pd.concat(per_obs, ignore_index=True), first_curves


def _job_parameters(sweep) -> dict[int, dict]:
    """Job number -> its swept parameters' values, from the manifest's overrides."""
    from sim.experiment.plan import override_values

    return {
        int(j["num"]): override_values(j.get("overrides", []), sweep.parameters)
        for j in sweep.manifest.get("jobs", [])
    }


def _job_num(job_dir: Path) -> int:
    from sim.experiment.sweep_job import read_json

    record = read_json(job_dir / "job.json") or {}
    return int(record.get("num", job_dir.name if job_dir.name.isdigit() else -1))
