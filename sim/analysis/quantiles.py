"""Quantile bands over replicates: pandas' numbers, without the whole table in memory.

A band is, per group (an actor and a turn, say), the 5%, 25%, 50%, 75% and 95% quantiles of a
value over the replicates, its mean and the number of replicates. Quantiles are pandas' rule
(``groupby(...).quantile(q)``, linear interpolation): sort the group's n values, take the
values at positions floor(q (n - 1)) and the next, and interpolate by the fractional part.

Rungs are ordinal and few (0 to 10), so counting how many replicates hold each rung per group
is all a band needs: the counts can be summed piece by piece over a table read in pieces, and
the quantiles and mean read off them are those pandas computes from the whole table, to the
last bit (the same operations on the same numbers; ``tests/analysis/test_quantiles.py``). Real
values (total strengths, control) are sorted once by group; their mean is pandas' own.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.pieces import Frames, as_pieces, concat

QUANTILES = {"q05": 0.05, "q25": 0.25, "median": 0.5, "q75": 0.75, "q95": 0.95}


def bands(table: Frames, by: list[str], value: str) -> pd.DataFrame:
    """Median, 50% (q25-q75) and 90% (q05-q95) bands of ``value`` over replicates, per ``by``,
    from a table or its pieces: pandas' numbers (missing values left out of quantiles and mean,
    counted in ``replicates``) from one sort of the values by group, where pandas copies the
    whole table per quantile."""
    keys, ids, values = grouped_values(table, by, value)
    replicates = np.bincount(ids, minlength=len(keys))
    mean = pd.Series(values).groupby(ids).mean()  # pandas' own (compensated) sums, row order
    kept = ~np.isnan(values)
    ids, values = ids[kept], values[kept]
    sorted_values = np.append(values[np.lexsort((values, ids))], np.nan)  # NaN: no value
    n = np.bincount(ids, minlength=len(keys))
    starts = np.where(n > 0, np.cumsum(n) - n, len(values))

    def order_statistic(k: np.ndarray) -> np.ndarray:
        """The k-th smallest value of each group (k from 0; NaN for a group without any)."""
        return sorted_values[np.where(n > 0, starts + k, len(values))]

    out = keys
    for name, q in QUANTILES.items():
        out[name] = pandas_quantile(order_statistic, np.maximum(n, 1), q)
    out["mean"] = mean.reindex(range(len(keys))).to_numpy()
    out["replicates"] = replicates
    return out


def grouped_values(
    table: Frames, by: list[str], value: str
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The ``by`` groups of a table or its pieces (one row each, sorted as pandas sorts groups)
    and, for every row in the table's order, its group's number and its ``value``. Rows with a
    missing key belong to no group, as in pandas."""
    seen: dict[tuple, int] = {}
    fresh, ids, values = [], [], []
    for piece in as_pieces(table):
        grouped = piece.groupby(by, observed=True, sort=False)
        local = grouped.ngroup().to_numpy()
        found = grouped.size().index.to_frame(index=False)  # in the order of ``local``
        tuples = list(found.itertuples(index=False, name=None))
        fresh.append(found[[key not in seen for key in tuples]])
        number = np.array([seen.setdefault(key, len(seen)) for key in tuples] + [-1])
        ids.append(number[local])  # a missing key's -1 picks the -1 at the end
        values.append(piece[value].to_numpy(np.float64))
    keys = concat(fresh).reset_index(drop=True)
    order = keys.sort_values(by, kind="stable").index.to_numpy()
    rank = np.empty(len(order) + 1, dtype=np.int64)
    rank[order], rank[-1] = np.arange(len(order)), -1
    ids, values = rank[np.concatenate(ids)], np.concatenate(values)
    return keys.iloc[order].reset_index(drop=True), ids[ids >= 0], values[ids >= 0]


def value_counts(table: Frames, by: list[str], value: str) -> pd.DataFrame:
    """How many rows hold each ``value`` per ``by`` group in a table, summed piece by piece:
    columns ``by``, ``value``, ``count``, sorted as pandas sorts groups."""
    keys = [*by, value]
    parts = [p.groupby(keys, observed=True).size().reset_index(name="count")
             for p in as_pieces(table)]  # fmt: skip
    return concat(parts).groupby(keys, observed=True)["count"].sum().reset_index()


def ordinal_bands(counts: pd.DataFrame, by: list[str], value: str) -> pd.DataFrame:
    """The bands of an integer ``value`` per ``by`` group from its counts (``value_counts``):
    the same numbers as ``bands`` on the table counted (``value`` never missing)."""
    starts = _group_starts(counts, by)
    out = counts.iloc[starts][by].reset_index(drop=True)
    held = counts["count"].to_numpy(np.int64)
    values = counts[value].to_numpy()
    n = np.add.reduceat(held, starts) if len(starts) else np.zeros(0, np.int64)
    rows_to = np.cumsum(held)  # rows up to and including each (group, value)
    before = rows_to[starts] - held[starts]  # rows in the groups before

    def order_statistic(k: np.ndarray) -> np.ndarray:
        """The k-th smallest value of each group (k from 0)."""
        return values[np.searchsorted(rows_to, before + k, side="right")].astype(np.float64)

    for name, q in QUANTILES.items():
        out[name] = pandas_quantile(order_statistic, n, q)
    total = np.add.reduceat(values.astype(np.int64) * held, starts) if len(starts) else n
    out["mean"] = total / n.astype(np.float64)  # pandas: the (exact) sum over the count
    out["replicates"] = n
    return out


def pandas_quantile(order_statistic, n: np.ndarray, q: float) -> np.ndarray:
    """The q-quantile of groups of ``n`` values by pandas' linear rule, in its operations:
    position q (n - 1), its whole part i and fraction f; the i-th value, or, when f is not 0,
    v_i + (v_i+1 - v_i) f."""
    position = q * (n - 1).astype(np.float64)
    whole = position.astype(np.int64)  # truncated, as pandas casts to int
    fraction = position % 1
    low = order_statistic(whole)
    high = order_statistic(np.minimum(whole + 1, n - 1))
    return np.where(fraction == 0.0, low, low + (high - low) * fraction)


def _group_starts(counts: pd.DataFrame, by: list[str]) -> np.ndarray:
    """Row index where each ``by`` group begins in ``counts`` (sorted by group)."""
    if counts.empty:
        return np.zeros(0, np.int64)
    ids = counts.groupby(by, observed=True, sort=False).ngroup().to_numpy()
    return np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
