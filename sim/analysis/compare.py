"""Comparing runs (and the jobs of sweeps): overlaid fan charts, milestone probabilities side by
side, and each one's difference from the first (the baseline) with its 95% interval.

Differences of probabilities use Newcombe's hybrid score interval; when two runs share replicate
seeds (common random numbers), the difference is paired seed by seed instead, with Newcombe's
score interval for paired proportions (``sim.analysis.paired``). Peak rungs are ordinal, so they
are compared as probabilities too: the share of replicates whose peak went above the baseline's
median peak (never as a difference of mean rung numbers). Folders that are not results, or whose
scenarios share no actors or no milestones, are refused with a message that says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sim.analysis.errors import ResultsError
from sim.analysis.metrics import newcombe_interval, share
from sim.analysis.names import Names, rung_name
from sim.analysis.paired import multiple_comparisons_note, newcombe_paired_interval, shared_pairs
from sim.analysis.results import Run, folder_kind, load_run
from sim.analysis.sweep import load_sweep, short

PLUMBING = ("plots", "progress", "workers", "chunk_size", "resume")


@dataclass
class Entry:
    """One run in a comparison, with the label figures and tables show for it."""

    run: Run
    label: str


def expand(paths: list[Path]) -> list[Run]:
    """Every run to compare: a run folder as is, a sweep folder as its job folders."""
    runs: list[Run] = []
    for path in map(Path, paths):
        if folder_kind(path) == "run":
            runs.append(load_run(path))
            continue
        sweep = load_sweep(path)
        if not sweep.job_dirs:
            raise ResultsError(f"{path}: the sweep has no job folder with run.json to compare")
        runs += [load_run(d) for d in sweep.job_dirs]
    if len(runs) < 2:
        raise ResultsError("compare needs at least two runs (or a sweep with two jobs)")
    return runs


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """A nested config as dotted keys, without provenance (``source``/``sources``) entries."""
    if not isinstance(data, dict):
        return {prefix: data}
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("source", "sources") or (not prefix and key in PLUMBING):
            continue
        out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    return out


def differing(runs: list[Run]) -> list[dict[str, Any]]:
    """Per run: the config values that are not the same in every run."""
    flat = [flatten(r.manifest.get("config", {})) for r in runs]
    keys = sorted(set().union(*flat))
    diff = [k for k in keys if len({repr(f.get(k)) for f in flat}) > 1]
    return [{k: f.get(k) for k in diff if k in f} for f in flat]


def labels(runs: list[Run], max_items: int = 2) -> list[str]:
    """Short labels: the folder name and what differs from the other runs."""
    names = [_folder_label(r.path) for r in runs]
    if len(set(names)) < len(names):
        names = [f"{r.path.parent.name}/{n}" for r, n in zip(runs, names, strict=True)]
    out = []
    for name, diff in zip(names, differing(runs), strict=True):
        items = [f"{short(k)}={_value(v)}" for k, v in diff.items() if k != "replicates"]
        more = " ..." if len(items) > max_items else ""
        out.append(f"{name}: {', '.join(items[:max_items])}{more}" if items else name)
    return out


def _folder_label(path: Path) -> str:
    """A sweep job folder ('3' or '3_rules.noise=0.4') as 'SWEEP #3'; a run folder by name."""
    num = path.name.split("_", 1)[0]
    if num.isdigit() and (path.parent / "sweep_plan.json").exists() or path.name.isdigit():
        return f"{path.parent.name} #{num}"
    return path.name


def _value(v: Any) -> str:
    """A config value as people write it: 10000 rather than 10000.0."""
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def entries(paths: list[Path]) -> list[Entry]:
    """The runs to compare with their labels; refuses runs with nothing in common."""
    runs = expand(paths)
    common_items(runs, "actors")
    common_items(runs, "milestones")
    return [Entry(r, lab) for r, lab in zip(runs, labels(runs), strict=True)]


def common_items(runs: list[Run], what: str) -> list[str]:
    """Actors or milestones every run has, in the first run's order; refuses if none."""
    sets = [set(getattr(r, what)) for r in runs]
    common = [x for x in getattr(runs[0], what) if all(x in s for s in sets)]
    if not common:
        listing = "; ".join(f"{r.path} has {', '.join(getattr(r, what)) or 'none'}" for r in runs)
        raise ResultsError(f"cannot compare: the runs have no {what} in common ({listing})")
    return common


def milestone_table(
    items: list[Entry], milestones: list[str], step: int | None = None
) -> pd.DataFrame:
    """Per run and milestone: P(reached by ``step``, default: each run's end) with a Wilson CI.
    Runs of different lengths are compared by the shorter one's last turn."""
    rows = []
    for e in items:
        o = e.run.outcomes
        last = e.run.steps if step is None else step
        for m in milestones:
            k, n = int((o[f"{m}_step"] <= last).sum()), len(o)
            rows.append({"run": e.label, "folder": str(e.run.path), "milestone": m,
                         "by_step": last, **share(k, n)})  # fmt: skip
    return pd.DataFrame(rows)


def differences(table: pd.DataFrame, items: list[Entry] | None = None,
                names: Names | None = None) -> pd.DataFrame:  # fmt: skip
    """Each run's milestone probability minus the baseline's (the first run), Newcombe 95% CI;
    paired over shared seeds when ``items`` (the runs) share them."""
    names = names or Names()
    runs = list(dict.fromkeys(table["run"]))
    base = table[table["run"] == runs[0]].set_index("milestone")
    rows = []
    for run in runs[1:]:
        for r in table[table["run"] == run].itertuples():
            b = base.loc[r.milestone]
            lo, hi = newcombe_interval(int(b.reached), int(b.replicates), r.reached, r.replicates)
            row = {
                "measure": f"P({names.milestone(r.milestone)})",
                "milestone": r.milestone,
                "baseline": runs[0],
                "run": run,
                "baseline_value": b.probability,
                "value": r.probability,
                "difference": r.probability - b.probability,
                "ci_low": lo,
                "ci_high": hi,
                "method": "Newcombe hybrid score",
            }
            test = _reached_by(r.by_step)
            rows.append(_paired(row, items, runs.index(run), f"{r.milestone}_step", test))
    return pd.DataFrame(rows)


def _paired(row: dict, items: list[Entry] | None, i: int, column: str, test) -> dict:
    """``row`` redone over the seeds the baseline and run ``i`` share, if they share enough:
    ``test`` turns ``column`` into the yes/no answer compared (reached by the turn, peak above
    the median)."""
    if not items:
        return row
    pairs = shared_pairs(items[0].run.outcomes, items[i].run.outcomes)
    if pairs is None:
        return row
    x, y = test(pairs[f"{column}_base"]), test(pairs[f"{column}_other"])
    lo, hi = newcombe_paired_interval(x.to_numpy(dtype=bool), y.to_numpy(dtype=bool))
    return {**row, "baseline_value": float(x.mean()), "value": float(y.mean()),
            "difference": float(y.mean() - x.mean()), "ci_low": lo, "ci_high": hi,
            "method": f"Newcombe paired score ({len(pairs)} shared seeds)"}  # fmt: skip


def _reached_by(step: int):
    """The yes/no answer "reached by turn ``step``" of a column of first-reached turns."""
    return lambda steps: steps.le(step)


def _above(level: int):
    """The yes/no answer "peaked above ``level``" of a column of peak rungs."""
    return lambda peaks: peaks.gt(level)


def peak_differences(items: list[Entry], actors: list[str]) -> pd.DataFrame:
    """Per actor: P(peak above the baseline's median peak) in each run minus in the baseline,
    with Newcombe's 95% CI (paired over shared seeds when the runs share them); actors whose
    baseline median is the top rung are left out."""
    base, names = items[0], items[0].run.names
    rows = []
    for a in actors:
        x = base.run.outcomes[f"peak_rung_{a}"].dropna().astype(int)
        median = int(x.quantile(0.5, interpolation="lower"))
        if median >= 9:
            continue
        k1 = int((x > median).sum())
        for i, e in enumerate(items[1:], start=1):
            y = e.run.outcomes[f"peak_rung_{a}"].dropna().astype(int)
            k2 = int((y > median).sum())
            lo, hi = newcombe_interval(k1, len(x), k2, len(y))
            row = {
                "measure": f"P({names.actor(a)} peak above {rung_name(median)})",
                "baseline": base.label,
                "run": e.label,
                "baseline_value": k1 / len(x),
                "value": k2 / len(y),
                "difference": k2 / len(y) - k1 / len(x),
                "ci_low": lo,
                "ci_high": hi,
                "method": "Newcombe hybrid score",
            }
            rows.append(_paired(row, items, i, f"peak_rung_{a}", _above(median)))
    return pd.DataFrame(rows)


def format_differences(diff: pd.DataFrame) -> str:
    """The printed table: one line per run and measure, the difference and its 95% CI."""
    lines = []
    width = max([len("measure"), *diff["measure"].map(len)])
    for run, part in diff.groupby("run", sort=False):
        lines += [
            "",
            f"{run}  minus  {part['baseline'].iloc[0]}",
            f"  {'measure':<{width}} {'baseline':>8} {'this':>8} {'diff':>8}  95% CI",
        ]
        for r in part.itertuples():
            flag = "" if r.ci_low <= 0 <= r.ci_high else "  *"
            lines.append(
                f"  {r.measure:<{width}} {r.baseline_value:>8.2f} {r.value:>8.2f} "
                f"{r.difference:>+8.2f}  [{r.ci_low:+.2f}, {r.ci_high:+.2f}]{flag}"
            )
    lines.append("\n  * the 95% interval excludes zero")
    paired = diff["method"].str.contains("paired")
    if paired.any():
        lines.append(f"  {int(paired.sum())} differences are paired over shared replicate seeds "
                     "(common random numbers):\n  Newcombe's paired score interval")  # fmt: skip
    if not paired.all():
        lines.append(f"  {int((~paired).sum())} differences of runs that share too few seeds: "
                     "Newcombe's hybrid score interval")  # fmt: skip
    note = multiple_comparisons_note(len(diff))
    return "\n".join([*lines, note] if note else lines)
