"""Reading a sweep folder back: ``sweep.parquet`` (one row per job x replicate, the swept
parameters as columns, then the outcome columns), ``manifest.json`` (jobs, their overrides,
status and output folder) and the job subfolders, which are run folders.

Also the per-point milestone probability by a turn (Wilson CI) that the sweep figures draw;
peak escalation per point is in ``sim.analysis.sweep_peaks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.names import Names
from sim.analysis.results import Run, load_run, require_files
from sim.analysis.summary import wilson_interval
from sim.files import read_json, read_parquet

BOOKKEEPING = {"job", "job_num", "num", "status", "output_dir", "dir", "override", "overrides"}
ANY_ACTOR = "any"


def is_outcome_column(name: str) -> bool:
    """Outcome columns as outcomes.parquet names them."""
    return (
        name in {"replicate", "seed", "lane"}
        or name.endswith("_step")
        or name.startswith(("peak_rung_", "final_"))
    )


@dataclass
class Sweep:
    """A sweep folder: the aggregated table, the manifest and the job folders."""

    path: Path
    table: pd.DataFrame = field(repr=False)
    manifest: dict[str, Any] = field(repr=False)

    @cached_property
    def parameters(self) -> list[str]:
        """The swept parameters: the manifest's ``swept`` list if it names columns, else the
        columns before the outcomes that take several values."""
        cols = list(self.table.columns)
        named = [p for p in self.manifest.get("swept", []) if p in cols]
        if named:
            return named
        first = next((i for i, c in enumerate(cols) if is_outcome_column(c)), len(cols))
        params = [c for c in cols[:first] if c not in BOOKKEEPING]
        return [p for p in params if self.table[p].nunique(dropna=False) > 1] or params[:1]

    @property
    def milestones(self) -> list[str]:
        return [c.removesuffix("_step") for c in self.table.columns if c.endswith("_step")]

    @property
    def actors(self) -> list[str]:
        peaks = [c.removeprefix("peak_rung_") for c in self.table if c.startswith("peak_rung_")]
        first = self.first_run
        return [a for a in first.actors if a in peaks] if first else peaks

    @cached_property
    def job_dirs(self) -> list[Path]:
        """The jobs' run folders that exist, from the manifest or else every subfolder run."""
        dirs = []
        for job in self.manifest.get("jobs", []):
            out = job.get("output_dir") or job.get("dir")
            if out is not None:
                p = Path(out) if Path(out).is_absolute() else self.path / out
                dirs.append(p if p.exists() else self.path / p.name)  # the sweep was moved
        if not dirs:
            dirs = sorted((p.parent for p in self.path.glob("*/run.json")), key=_numeric_name)
        return [d for d in dirs if (d / "run.json").exists()]

    @cached_property
    def first_run(self) -> Run | None:
        """The first complete job folder: it tells the scenario, dates and actor order."""
        for d in self.job_dirs:
            try:
                return load_run(d)
            except ResultsError:
                continue
        return None

    @property
    def name(self) -> str:
        return self.first_run.name if self.first_run else self.path.name

    @property
    def title(self) -> str:
        return self.first_run.title if self.first_run else self.name

    @cached_property
    def names(self) -> Names:
        """Display names of the scenario's actors, milestones and theatres."""
        return self.first_run.names if self.first_run else Names()

    def step_of(self, date: str | None) -> int:
        """The turn a date falls on (the last turn if no date is given)."""
        last = self.max_step
        if date is None:
            return last
        if self.first_run is None:
            raise ResultsError(
                f"{self.path}: no job folder with run.json to turn {date} into a turn"
            )
        return min(last, self.first_run.step_of(date))

    @property
    def max_step(self) -> int:
        if self.first_run is not None:
            return self.first_run.steps
        steps = self.table[[c for c in self.table if c.endswith("_step")]]
        return int(np.nanmax(steps.to_numpy(dtype=float)))

    def when(self, step: int) -> str:
        """'the end of turn N (date)' for titles: milestones reached by then."""
        if self.first_run is None:
            return f"the end of turn {step}"
        return f"the end of turn {step} ({self.first_run.date_of(step).date()})"

    def caption(self, params: list[str]) -> str:
        fixed = [p for p in self.parameters if p not in params]
        title = self.first_run.title if self.first_run else self.name
        reps = self.table.groupby(self.parameters, dropna=False).size()
        n = f"{reps.min()}" if reps.min() == reps.max() else f"{reps.min()}-{reps.max()}"
        words = self.names.parameter
        also = f" (also swept, pooled: {', '.join(map(words, fixed))})" if fixed else ""
        swept = ", ".join(map(words, params))
        return f"{title} | swept: {swept}{also} | {len(reps)} points x {n} replicates"


def short(param: str) -> str:
    """A parameter's last two dotted parts: 'kpa_expeditionary_corps.strength'."""
    return ".".join(param.split(".")[-2:])


def _numeric_name(p: Path) -> tuple[int, str]:
    return (int(p.name), "") if p.name.isdigit() else (1 << 30, p.name)


def load_sweep(path: Path) -> Sweep:
    """A sweep folder, checked for sweep.parquet (manifest.json is read when present)."""
    path = Path(path)
    require_files(path, ("sweep.parquet",), "sweep")
    table = read_parquet(path / "sweep.parquet")
    steps = [c for c in table.columns if c.endswith("_step")]
    table[steps] = table[steps].apply(pd.to_numeric, errors="coerce")
    manifest = {}
    if (path / "manifest.json").exists():
        manifest = read_json(path / "manifest.json", "sweep manifest (manifest.json)")
    sweep = Sweep(path, table, manifest)
    if not sweep.parameters:
        raise ResultsError(f"{path / 'sweep.parquet'} has no parameter columns before the outcomes")
    return sweep


def milestone_by(table: pd.DataFrame, params: list[str], milestone: str, step: int) -> pd.DataFrame:
    """Per sweep point: P(milestone reached by turn ``step``) with a 95% Wilson interval."""
    col = f"{milestone}_step"
    if col not in table:
        raise ResultsError(f"no milestone {milestone!r} in the sweep's outcomes")
    rows = []
    for key, g in table.groupby(params, dropna=False, sort=True):
        k, n = int((g[col] <= step).sum()), len(g)
        lo, hi = wilson_interval(k, n)
        point = dict(zip(params, key if isinstance(key, tuple) else (key,), strict=True))
        rows.append(
            {
                **point,
                "milestone": milestone,
                "by_step": step,
                "reached": k,
                "replicates": n,
                "probability": k / n,
                "ci_low": lo,
                "ci_high": hi,
            }
        )
    return pd.DataFrame(rows)
