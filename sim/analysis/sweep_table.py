"""The table a sweep prints when it ends: one row per sweep point, the swept values, the
replicates, each milestone's probability of being reached and the median peak rung of anyone.

Milestones are numbered in the header and named (the scenario's descriptions) below the table,
so the table stays narrow however long the names are. Only milestones reached in some point are
shown; the others are listed as never reached.
"""

from __future__ import annotations

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
    heads = [short(p) for p in params] + ["n"] + [f"M{i}" for i in range(1, len(reached) + 1)]
    cells = []
    records = points.to_dict("records")
    for row in records:
        cells.append(
            [value_text(row[p]) for p in params]
            + [str(row["replicates"])]
            + [f"{row[m]:.2f}" for m in reached]
        )
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
    lines += [f"    M{i} {names.milestone(m)}" for i, m in enumerate(reached, start=1)]
    never = [names.milestone(m) for m in sweep.milestones if m not in reached]
    if never:
        lines.append(f"  never reached in any point: {'; '.join(never)}")
    return "\n".join(lines)


def value_text(v: object) -> str:
    """A swept value as typed: 10000 rather than 10000.0, 0.6 rather than 0.6000000000000001."""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.10g}"
    return str(v)


def sweep_summary(sweep_dir: Path) -> str:
    """The printed table of the sweep in ``sweep_dir``."""
    return format_sweep_table(load_sweep(Path(sweep_dir)))
