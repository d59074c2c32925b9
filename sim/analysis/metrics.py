"""Numbers behind the figures: ensemble bands, milestone curves, the most typical replicate.

Every function takes tables (DataFrames) and returns a tidy DataFrame, which is also what the
figure saves as its CSV. The band functions also take a table in pieces of whole replicates
(``Run.pieces``): a 10,000-replicate run's bands then cost a few MB, not the whole table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.pieces import Frames, as_pieces
from sim.analysis.quantiles import bands, ordinal_bands, value_counts
from sim.analysis.summary import wilson_interval

BAND_KEYS = ["step", "date"]  # bands are over replicates, per entity and turn


def rung_bands(timeseries: Frames) -> pd.DataFrame:
    """Per actor and turn: quantiles of the rung held across replicates, from counts of each
    rung (summed piece by piece when given pieces: the table is never whole in memory)."""
    by = ["actor", *BAND_KEYS]
    return ordinal_bands(value_counts(timeseries, by, "rung"), by, "rung")


def strength_bands(forces: Frames, theatres: list[str] | None = None) -> pd.DataFrame:
    """Per actor and turn: quantiles of the actor's total strength (in ``theatres`` if given);
    totals are summed per piece of whole replicates, and only the totals are kept."""
    totals = (_strength_totals(piece, theatres) for piece in as_pieces(forces))
    return bands(totals, ["actor", *BAND_KEYS], "strength")


def _strength_totals(forces: pd.DataFrame, theatres: list[str] | None) -> pd.DataFrame:
    """Each actor's total strength per replicate and turn (in ``theatres`` if given)."""
    if theatres:
        forces = forces[forces["theatre"].isin(theatres)]
    keys = ["replicate", "actor", *BAND_KEYS]
    return forces.groupby(keys, observed=True)["strength"].sum().reset_index()


def control_bands(theatres: Frames) -> pd.DataFrame:
    """Per contested theatre and turn: quantiles of the holder's control."""
    return bands(theatres, ["theatre", *BAND_KEYS], "control")


def milestone_curves(outcomes: pd.DataFrame, steps: int) -> pd.DataFrame:
    """Per milestone and turn: the share of replicates that reached it by then (95% Wilson CI)."""
    n = len(outcomes)
    rows = []
    for col in [c for c in outcomes.columns if c.endswith("_step")]:
        when = pd.to_numeric(outcomes[col], errors="coerce").to_numpy()
        for step in range(steps + 1):
            k = int(np.sum(when <= step))
            rows.append({"milestone": col.removesuffix("_step"), "step": step, **share(k, n)})
    return pd.DataFrame(rows)


def share(k: int, n: int) -> dict[str, float]:
    """k of n replicates: counts, the share and its 95% Wilson interval, as table columns."""
    lo, hi = wilson_interval(k, n)
    probability = k / n if n else np.nan
    return {"reached": k, "replicates": n, "probability": probability, "ci_low": lo, "ci_high": hi}


def outcome_matrix(outcomes: pd.DataFrame, steps: int) -> pd.DataFrame:
    """Each replicate's outcome vector: milestone turns (never = steps + 1), peaks, finals."""
    cols = [c for c in outcomes.columns if c.endswith("_step") or c.startswith(("peak_", "final_"))]
    m = outcomes[cols].apply(pd.to_numeric, errors="coerce").astype(float)
    steps_cols = [c for c in cols if c.endswith("_step")]
    m[steps_cols] = m[steps_cols].fillna(steps + 1)
    return m.fillna(0.0)


def most_typical_replicate(outcomes: pd.DataFrame, steps: int) -> int:
    """The replicate whose standardised outcome vector lies closest to the ensemble's median.

    Each outcome (milestone turn, peak and final rungs, final control and strengths) is scaled by
    its spread across replicates, so no single unit dominates; ties go to the lowest replicate.
    """
    m = outcome_matrix(outcomes, steps)
    spread = m.std(ddof=0).replace(0.0, np.nan)
    z = ((m - m.median()) / spread).fillna(0.0)
    distance = np.sqrt((z**2).sum(axis=1)).to_numpy()
    return int(outcomes["replicate"].to_numpy()[int(np.argmin(distance))])


def newcombe_interval(k1: int, n1: int, k2: int, n2: int, z: float = 1.96) -> tuple[float, float]:
    """95% CI of p2 - p1 by Newcombe's hybrid score method (from the two Wilson intervals)."""
    if n1 == 0 or n2 == 0:
        return float("nan"), float("nan")
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson_interval(k1, n1, z)
    l2, u2 = wilson_interval(k2, n2, z)
    d = p2 - p1
    lo = d - np.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    hi = d + np.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    return float(lo), float(hi)


def bootstrap_interval(
    values: np.ndarray, stat=np.mean, n_boot: int = 1000, seed: int = 0
) -> tuple[float, float]:
    """95% percentile bootstrap interval of ``stat`` (a numpy reduction taking ``axis``);
    seeded, so the same data always give the same interval."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    if len(values) == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    samples = rng.choice(values, size=(n_boot, len(values)), replace=True)
    stats = stat(samples, axis=1)
    return float(np.quantile(stats, 0.025)), float(np.quantile(stats, 0.975))


def hostility_at(timeseries: pd.DataFrame, step: int) -> pd.Series:
    """Each actor's median rung at turn ``step`` across replicates."""
    at = timeseries[timeseries["step"] == step]
    return at.groupby("actor", observed=True)["rung"].median()
