"""Peak escalation per sweep point, as distributions over the ladder's rungs (ordinal: counted,
never averaged).

- ``peak_shares``: per swept value and actor, the share of replicates whose highest rung was
  each rung.
- ``share_at_or_above``: per sweep point, the share of replicates whose peak (of an actor, or of
  anyone) reached a given rung, with its 95% Wilson interval and count.
- ``peak_level``: the rung that share is taken at: the rung whose share differs most between
  the sweep points (the largest spread; ties go to the higher rung), so the figure shows where
  the parameters matter rather than a rung every point always (or never) reaches.
"""

from __future__ import annotations

import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.metrics import share
from sim.analysis.sweep import ANY_ACTOR


def peaks_of(table: pd.DataFrame, who: str) -> pd.Series:
    """Each row's peak rung of actor ``who``, or the highest of anyone's for ``any``."""
    peaks = [c for c in table if c.startswith("peak_rung_")]
    if who == ANY_ACTOR:
        return table[peaks].max(axis=1)
    if f"peak_rung_{who}" not in table:
        actors = ", ".join(c.removeprefix("peak_rung_") for c in peaks)
        raise ResultsError(f"no actor {who!r} in the sweep's outcomes; actors: {actors}")
    return table[f"peak_rung_{who}"]


def peak_shares(table: pd.DataFrame, param: str, actors: list[str]) -> pd.DataFrame:
    """Rows (param value, actor, rung, share, replicates): the distribution of peaks."""
    frames = []
    for actor in actors:
        peaks = peaks_of(table, actor).astype(int).rename("rung")
        counts = pd.concat([table[param], peaks], axis=1).value_counts().rename("count")
        counts = counts.reset_index()
        totals = counts.groupby(param)["count"].transform("sum")
        frames.append(counts.assign(actor=actor, share=counts["count"] / totals, replicates=totals))
    out = pd.concat(frames, ignore_index=True)
    return out[[param, "actor", "rung", "share", "count", "replicates"]].sort_values(
        [param, "actor", "rung"], ignore_index=True
    )


def peak_level(table: pd.DataFrame, params: list[str], who: str) -> int:
    """The rung whose share of replicates reaching it varies most between sweep points."""
    peaks = peaks_of(table, who)
    best, spread = int(peaks.max()), -1.0
    for rung in range(1, int(peaks.max()) + 1):
        shares = (peaks >= rung).groupby([table[p] for p in params]).mean()
        if shares.max() - shares.min() >= spread:
            best, spread = rung, float(shares.max() - shares.min())
    return best


def share_at_or_above(table: pd.DataFrame, params: list[str], who: str, level: int) -> pd.DataFrame:
    """Per sweep point: how many replicates' peak of ``who`` reached ``level`` (Wilson CI)."""
    reached = peaks_of(table, who) >= level
    rows = []
    for key, g in table.groupby(params, dropna=False, sort=True):
        point = dict(zip(params, key if isinstance(key, tuple) else (key,), strict=True))
        k = int(reached.loc[g.index].sum())
        rows.append({**point, "actor": who, "level": level, **share(k, len(g))})
    return pd.DataFrame(rows)
