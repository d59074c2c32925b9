"""Designs: a table of parameter points (one row per job, one column per config key) that a
sweep runs as they are, instead of Hydra's cartesian product of value lists.

Sensitivity analysis and calibration sample their points (SALib, scipy's qmc) and write them as
``design.csv`` in the sweep folder; the design sweeper (``hydra/sweeper=design``, a Hydra
Sweeper plugin in ``hydra_plugins/wargame_design_sweeper``) reads the file and hands each row's
overrides, plus the command line's fixed overrides, to the configured launcher: local, joblib,
Ray or SLURM, like any sweep.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.domain.errors import ConfigError

DESIGN_FILE = "design.csv"


def design_path(design: str | Path) -> Path:
    """A design file as given, or else relative to the config folder (a named experiment says
    ``design: experiment/NAME.csv``)."""
    from sim.experiment.catalog import CONF_DIR

    path = Path(design)
    return path if path.is_absolute() or path.exists() else CONF_DIR / path


def write_design(points: pd.DataFrame, path: Path) -> Path:
    """Save ``points`` (columns: config keys) as a design file; values keep full precision."""
    path.parent.mkdir(parents=True, exist_ok=True)
    points.to_csv(path, index=False, float_format="%.10g")
    return path


def read_design(path: Path) -> pd.DataFrame:
    """A design file as a table; refuses a missing or empty file, naming it."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(
            f"hydra.sweeper.design = {path}: no such design file (a CSV with one "
            "column per config key and one row per job)"
        )
    table = pd.read_csv(path)
    if table.empty or not len(table.columns):
        raise ConfigError(f"{path}: the design has no rows or no columns")
    return table


def design_jobs(design: pd.DataFrame, fixed: list[str]) -> list[list[str]]:
    """Each row's overrides (``key=value``), then the fixed overrides, in row order."""
    jobs = []
    for row in design.itertuples(index=False):
        point = [f"{key}={_text(value)}" for key, value in zip(design.columns, row, strict=True)]
        jobs.append(point + list(fixed))
    return jobs


def _text(value) -> str:
    if isinstance(value, float):
        return f"{value:.10g}" if "." in f"{value:.10g}" or "e" in f"{value:.10g}" else f"{value}"
    return str(value)
