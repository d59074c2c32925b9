"""Calibration by approximate Bayesian computation (ABC rejection) against a history file.

The prior is uniform over each parameter's range; a Latin hypercube (scipy.stats.qmc, seeded)
draws the samples, and the first design point is the defaults (the uncalibrated model, for
comparison). Each point runs as a sweep job of ``replicates`` replicates and is scored against
the history (``sim.analysis.scoring``); the accepted points are the best ``accept`` share by the
chosen proper score (or every point at or under ``tolerance``). Their parameter sets are the
calibrated ensemble, written as a design file that a named experiment runs again.

Pooled scores treat a set of points as one ensemble: per observation, the replicates of all its
points together give the probability, from which the Brier and log scores follow. The accepted
set's pooled score is in-sample (it was chosen on these observations): held-out observations
(the months after the history's ``as_of``) are the honest test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.ranges import Range
from sim.analysis.scoring import brier, log_score

SCORES = ("log_score", "brier")


def prior_design(
    ranges: list[Range], samples: int, seed: int, defaults: dict[str, float]
) -> pd.DataFrame:
    """The defaults first, then ``samples`` Latin-hypercube points within the ranges."""
    from scipy.stats import qmc

    unit = qmc.LatinHypercube(d=len(ranges), seed=seed).random(samples)
    low = np.array([r.low for r in ranges])
    high = np.array([r.high for r in ranges])
    points = pd.DataFrame(qmc.scale(unit, low, high), columns=[r.key for r in ranges])
    first = pd.DataFrame([{r.key: defaults[r.key] for r in ranges}])
    return pd.concat([first, points], ignore_index=True)


def accept(
    per_job: pd.DataFrame, score: str, share: float | None, tolerance: float | None
) -> pd.Series:
    """Which sampled points (job > 0; job 0 is the defaults) are accepted."""
    if score not in SCORES:
        raise ResultsError(f"--score {score!r}; allowed: {', '.join(SCORES)}")
    sampled = per_job["job"] > 0
    if tolerance is not None:
        return sampled & (per_job[score] <= tolerance)
    keep = max(1, int(round((share or 0.1) * sampled.sum())))
    best = per_job[sampled].sort_values([score, "job"]).head(keep).index
    return per_job.index.isin(best)


def pooled(per_obs: pd.DataFrame, jobs) -> dict[str, float]:
    """Brier and log score of the ensemble pooled over ``jobs`` (their replicates together)."""
    rows = per_obs[per_obs["job"].isin(list(jobs))]
    if rows.empty:
        raise ResultsError("no scored point to pool")
    b, s = [], []
    for _, obs in rows.groupby("observation", sort=False):
        n = int(obs["replicates"].sum())
        k = int(round((obs["probability"] * obs["replicates"]).sum()))
        happened = bool(obs["happened"].iloc[0])
        b.append(brier(k / n, happened))
        s.append(log_score(k, n, happened))
    return {
        "brier": float(np.mean(b)),
        "log_score": float(np.mean(s)),
        "points": rows["job"].nunique(),
    }
