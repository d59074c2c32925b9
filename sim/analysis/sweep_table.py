"""The table a sweep prints when it ends: one row per sweep point, the swept values, the
replicates, each milestone's probability of being reached and the median peak rung of anyone.

Milestones are numbered in the header and named (the scenario's descriptions) below the table,
so the table stays narrow however long the names are. The numbers follow the scenario's list of
milestones, so M5 is the same milestone in every sweep of a scenario. Only milestones reached in
some point are shown; the others are listed as never reached. Swept values are shown with three
significant digits (more only where a column needs them to tell its points apart).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sim.analysis.names import Names, names_of, rung_name
from sim.analysis.sweep import Sweep, load_sweep, short


def point_table(sweep: Sweep) -> tuple[pd.DataFrame, list[str]]:
    """Per sweep point: P(each reached milestone), replicates, median peak rung of anyone."""
    params, table = sweep.parameters, sweep.table
    reached = [m for m in sweep.milestones if table[f"{m}_step"].notna().any()]
    peaks = [c for c in table if c.startswith("peak_rung_")]
    rows = []
    for key, g in table.groupby(params, dropna=False, sort=True):
        values = key if isinstance(key, tuple) else (key,)
        row = dict(zip(params, values, strict=True))
        row["replicates"] = len(g)
        for m in reached:
            row[m] = g[f"{m}_step"].notna().mean()
        if peaks:
            row["peak_rung"] = int(g[peaks].max(axis=1).quantile(0.5, interpolation="lower"))
        rows.append(row)
    return pd.DataFrame(rows), reached


def format_sweep_table(sweep: Sweep, names: Names | None = None) -> str:
    """The printed table (see the module docstring)."""
    names = names or names_of(sweep.first_run.scenario if sweep.first_run else None)
    points, reached = point_table(sweep)
    params = sweep.parameters
    code = {m: f"M{i}" for i, m in enumerate(sweep.milestones, start=1)}
    heads = [short(p) for p in params] + ["n"] + [code[m] for m in reached]
    records = points.to_dict("records")
    shown = {p: column_texts([row[p] for row in records]) for p in params}
    cells = [
        [shown[p][i] for p in params]
        + [str(row["replicates"])]
        + [f"{row[m]:.2f}" for m in reached]
        for i, row in enumerate(records)
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    has_peak = "peak_rung" in points
    lines = [
        f"Sweep of {len(points)} points: {sweep.name} ({sweep.path})",
        "  "
        + "  ".join(h.rjust(w) for h, w in zip(heads, widths, strict=True))
        + ("  median peak rung (anyone)" if has_peak else ""),
    ]
    for c, row in zip(cells, records, strict=True):
        peak = f"  {rung_name(row['peak_rung'])}" if has_peak else ""
        lines.append("  " + "  ".join(v.rjust(w) for v, w in zip(c, widths, strict=True)) + peak)
    lines.append("  P(milestone reached by the last turn):")
    lines += [f"    {code[m]} {names.milestone(m)}" for m in reached]
    never = [names.milestone(m) for m in sweep.milestones if m not in reached]
    if never:
        lines.append(f"  never reached in any point: {'; '.join(never)}")
    return "\n".join(lines)


def value_text(v: object, digits: int = 3) -> str:
    """A swept value as people read it: 10000 rather than 10000.0, 0.6 rather than
    0.6000000000000001, 0.293 rather than 0.2925640871 (``digits`` significant digits)."""
    if not isinstance(v, float):
        return str(v)
    if v.is_integer():
        return str(int(v))
    if not math.isfinite(v):
        return str(v)
    decimals = digits - 1 - math.floor(math.log10(abs(v)))
    text = f"{round(v, decimals):.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def column_texts(values: list) -> list[str]:
    """A column's values with three significant digits, or as many more as it takes to tell
    its different values apart (up to ten)."""
    for digits in range(3, 11):
        texts = [value_text(v, digits) for v in values]
        if len(set(texts)) == len({repr(v) for v in values}):
            return texts
    return texts


def sweep_summary(sweep_dir: Path) -> str:
    """The printed table of the sweep in ``sweep_dir``."""
    return format_sweep_table(load_sweep(Path(sweep_dir)))
