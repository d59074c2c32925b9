"""The model's observables, read back from a run's tables, turn by turn and replicate by replicate.

An observable (a milestone, an event between two actors, a theatre's control against a bound)
becomes a boolean matrix ``holds[replicate, step]`` for turns 0..steps: a milestone or an event
holds from the turn it first happens on; a theatre's bound holds on the turns it is met. A turn's
records are dated at the turn's end (``start_date + step * step_days``), as in every table.

Events come from ``events.parquet`` (``source, target, event, cameo``): an observation's codes
match the ``event`` column (the action, inject, combat or milestone id) or the CAMEO code. A run
made before events were recorded falls back to ``decisions.parquet``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.history import Observation
from sim.analysis.results import Run


def event_table(run: Run) -> pd.DataFrame:
    """The run's events with columns ``replicate, step, source, target, event, cameo``: from
    ``events.parquet``, or for a run made before events were recorded, from
    ``decisions.parquet`` (``actor`` as source, ``action`` as event, no CAMEO code)."""
    if (run.path / "events.parquet").is_file():
        cols = ["replicate", "step", "source", "target", "event", "cameo"]
        df = pd.read_parquet(run.path / "events.parquet", columns=cols)
    else:
        cols = ["replicate", "step", "actor", "target", "action"]
        df = pd.read_parquet(run.path / "decisions.parquet", columns=cols)
        df = df.rename(columns={"actor": "source", "action": "event"})
        df["cameo"] = None
    for c in ("source", "target", "event", "cameo"):
        df[c] = df[c].astype("string")
    return df


def holds_matrix(run: Run, obs: Observation, events: pd.DataFrame | None = None) -> np.ndarray:
    """``holds[r, s]``: whether ``obs``'s observable holds in replicate row r at turn s."""
    replicates = run.outcomes["replicate"].to_numpy()
    steps = run.steps
    if obs.kind == "theatre":
        return _theatre_holds(run, obs, replicates, steps)
    if obs.kind == "milestone":
        first = run.outcomes[f"{obs.milestone}_step"].to_numpy(dtype=float)
    else:
        first = _first_event_step(
            events if events is not None else event_table(run), obs, replicates
        )
    turns = np.arange(steps + 1)
    return ~np.isnan(first)[:, None] & (first[:, None] <= turns[None, :])


def _first_event_step(events: pd.DataFrame, obs: Observation, replicates: np.ndarray) -> np.ndarray:
    """The first turn each replicate's ``obs.actor`` did one of ``obs.events`` (NaN: never)."""
    codes = list(obs.events)
    mask = (events["source"] == obs.actor) & (
        events["event"].isin(codes) | events["cameo"].isin(codes)
    )
    if obs.target:
        mask &= events["target"] == obs.target
    first = events.loc[mask.fillna(False)].groupby("replicate")["step"].min()
    return pd.Series(replicates).map(first).to_numpy(dtype=float)


def _theatre_holds(run: Run, obs: Observation, replicates: np.ndarray, steps: int) -> np.ndarray:
    th = run.theatres
    th = th[th["theatre"] == obs.theatre]
    grid = th.pivot_table(index="replicate", columns="step", values="control", observed=True)
    grid = grid.reindex(index=replicates, columns=range(steps + 1)).ffill(axis=1)
    control = grid.to_numpy(dtype=float)
    if obs.above is not None:
        return control > obs.above
    return control < obs.below


def first_steps(holds: np.ndarray) -> np.ndarray:
    """The first turn each row holds (NaN where it never does)."""
    any_ = holds.any(axis=1)
    return np.where(any_, holds.argmax(axis=1), np.nan)
