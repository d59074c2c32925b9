"""Global sensitivity analysis: Morris screening and Sobol indices (SALib) of a sweep's outcome.

A design samples the parameter ranges (``sample``); each design point is one sweep job of
``replicates`` replicates, with common random numbers across points (replicate i has the same
seed everywhere), so the differences between points are the parameters' doing. A point's
outcome is the share of its replicates that reach a milestone, or the mean of any other outcome
column (``peak_rung_russia``). ``indices`` turns points and outcomes into a tidy table:

- Morris (elementary effects, ``morris``): ``mu_star`` (mean absolute effect of a parameter
  across the range: its importance), ``sigma`` (spread of the effects: interactions or
  non-linearity) and ``mu``, with ``mu_star``'s 95% bootstrap half-width;
- Sobol (variance shares, ``sobol``): first-order ``S1`` (the outcome's variance explained by
  the parameter alone) and total ``ST`` (with all its interactions), with 95% half-widths.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.ranges import Range

METHODS = ("morris", "sobol")
LEVELS = 4  # Morris grid levels (Saltelli et al. 2008 recommend 4 with a jump of 2 levels)


def problem_of(ranges: list[Range]) -> dict:
    """SALib's problem definition for the ranges."""
    return {
        "num_vars": len(ranges),
        "names": [r.key for r in ranges],
        "bounds": [[r.low, r.high] for r in ranges],
    }


def sample(method: str, problem: dict, n: int, seed: int) -> np.ndarray:
    """The design: Morris ``n`` trajectories (n x (k + 1) points) or Sobol's Saltelli scheme
    with base ``n`` (n x (k + 2) points; n a power of two)."""
    if method == "morris":
        from SALib.sample import morris

        return morris.sample(problem, N=n, num_levels=LEVELS, seed=seed)
    from SALib.sample import sobol

    return sobol.sample(problem, n, calc_second_order=False, seed=seed)


def indices(
    method: str, problem: dict, x: np.ndarray, y: np.ndarray, seed: int = 0
) -> pd.DataFrame:
    """Tidy indices: one row per parameter x index (``value`` and 95% ``conf`` half-width)."""
    y = np.asarray(y, dtype=float)
    if np.isnan(y).any():
        raise ResultsError(
            "the outcome is missing for some design points (failed jobs?): "
            "re-run with --resume to finish them"
        )
    if method == "morris":
        from SALib.analyze import morris

        res = morris.analyze(problem, x, y, num_levels=LEVELS, seed=seed)
        pairs = {"mu_star": "mu_star_conf", "sigma": None, "mu": None}
    else:
        from SALib.analyze import sobol

        res = sobol.analyze(problem, y, calc_second_order=False, seed=seed)
        pairs = {"S1": "S1_conf", "ST": "ST_conf"}
    rows = []
    for i, name in enumerate(problem["names"]):
        for index, conf in pairs.items():
            rows.append(
                {
                    "parameter": name,
                    "index": index,
                    "value": float(res[index][i]),
                    "conf": float(res[conf][i]) if conf else np.nan,
                }
            )
    return pd.DataFrame(rows)


def point_outcomes(table: pd.DataFrame, outcome: str, points: int) -> np.ndarray:
    """Each design point's outcome from a sweep table (``job`` = design row): the share of
    replicates reaching milestone ``outcome``, else the mean of column ``outcome``."""
    column = f"{outcome}_step" if f"{outcome}_step" in table else outcome
    if column not in table:
        allowed = sorted(
            {
                c.removesuffix("_step")
                for c in table.columns
                if c.endswith("_step") or c.startswith(("peak_", "final_"))
            }
        )
        raise ResultsError(
            f"--outcome {outcome!r} is not an outcome of the sweep; allowed: {', '.join(allowed)}"
        )
    values = pd.to_numeric(table[column], errors="coerce")
    per_job = values.notna() if column.endswith("_step") else values
    means = per_job.groupby(table["job"]).mean()
    return means.reindex(range(points)).to_numpy(dtype=float)
