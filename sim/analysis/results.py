"""Reading a results folder back: a run (tables + run.json) or a sweep (sweep.parquet + manifest).

Analysis reads files only. A folder that lacks a table fails here, early, with a message that
names the folder and every missing file, before any figure is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from sim.analysis.errors import ResultsError
from sim.analysis.names import Names, names_of, turn_label
from sim.analysis.pieces import pieces, read_table
from sim.domain.tables import CORE_FILES, CORE_TABLES
from sim.files import check_parquet, read_json

RUN_TABLES = (*CORE_TABLES, "outcomes")
RUN_FILES = CORE_FILES
SWEEP_FILES = ("sweep.parquet", "manifest.json")
QUIET_OVERRIDES = (
    "hydra.",
    "plots=",
    "progress=",
    "replicates=",
    "workers=",
    "chunk_size=",
    "steps=",
    "rules=",
    "combat=",
)  # plumbing, or already in every caption


def folder_kind(path: Path) -> str:
    """'run' or 'sweep' by the files the folder holds; refuses anything else."""
    path = Path(path)
    if not path.is_dir():
        raise ResultsError(f"{path}: no such folder")
    if (path / "sweep.parquet").exists() or (path / "manifest.json").exists():
        return "sweep"
    if any((path / f).exists() for f in RUN_FILES):
        return "run"
    raise ResultsError(
        f"{path} is not a results folder: a run holds {', '.join(RUN_FILES)}; "
        f"a sweep holds {', '.join(SWEEP_FILES)}"
    )


def require_files(path: Path, names: tuple[str, ...], what: str) -> None:
    """Raise naming every file of ``names`` that ``path`` lacks."""
    missing = [n for n in names if not (Path(path) / n).exists()]
    if missing:
        raise ResultsError(f"{path} is not a complete {what} folder: missing {', '.join(missing)}")


@dataclass
class Run:
    """One run folder: its manifest and its tables (read on first use)."""

    path: Path
    manifest: dict[str, Any] = field(repr=False)

    def table(
        self, name: str, filters: list[tuple] | None = None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        """One of the run's tables (only the rows ``filters`` keep, in pyarrow's filter
        syntax, and ``columns`` if given), with ``date`` as a datetime column."""
        return read_table(self.path / f"{name}.parquet", columns, filters)

    def pieces(
        self, name: str, columns: list[str], filters: list[tuple] | None = None
    ) -> Iterator[pd.DataFrame]:
        """One of the run's tables in pieces of whole replicates (``sim.analysis.pieces``):
        what a figure reads when it needs every replicate but not all at once."""
        return pieces(self.path / f"{name}.parquet", columns, filters)

    @cached_property
    def timeseries(self) -> pd.DataFrame:
        return self.table("timeseries")

    @cached_property
    def decisions(self) -> pd.DataFrame:
        return self.table("decisions")

    @cached_property
    def forces(self) -> pd.DataFrame:
        return self.table("forces")

    @cached_property
    def theatres(self) -> pd.DataFrame:
        return self.table("theatres")

    @cached_property
    def postures(self) -> pd.DataFrame | None:
        """Each actor's posture toward each target (None for runs made before postures)."""
        return self.table("postures") if (self.path / "postures.parquet").is_file() else None

    @cached_property
    def events(self) -> pd.DataFrame | None:
        """The coded events (None for runs made before events were recorded)."""
        return self.table("events") if (self.path / "events.parquet").is_file() else None

    @cached_property
    def outcomes(self) -> pd.DataFrame:
        df = self.table("outcomes")
        steps = [c for c in df.columns if c.endswith("_step")]
        df[steps] = df[steps].apply(pd.to_numeric, errors="coerce")  # None -> NaN
        return df

    @property
    def scenario(self) -> dict[str, Any]:
        """The resolved scenario the run used (from run.json's config)."""
        return self.manifest.get("config", {}).get("scenario", {})

    @property
    def name(self) -> str:
        return self.manifest.get("scenario", {}).get("name") or self.scenario.get("name", "?")

    @property
    def title(self) -> str:
        return self.manifest.get("scenario", {}).get("title") or self.scenario.get(
            "title", self.name
        )

    @property
    def actors(self) -> list[str]:
        """Actors in scenario order (the order that fixes their colours)."""
        return list(self.scenario.get("actors", {})) or list(
            self.timeseries["actor"].cat.categories
        )

    @cached_property
    def names(self) -> Names:
        """Display names of the scenario's actors, milestones and theatres."""
        return names_of(self.scenario)

    @property
    def actor_names(self) -> dict[str, str]:
        """Actor id -> the scenario's display name ("nato" -> "NATO")."""
        return {a: self.names.actor(a) for a in self.actors}

    @property
    def milestones(self) -> list[str]:
        return [c.removesuffix("_step") for c in self.outcomes.columns if c.endswith("_step")]

    @property
    def replicates(self) -> int:
        return int(self.manifest.get("replicates", len(self.outcomes)))

    @property
    def steps(self) -> int:
        return int(self.manifest.get("steps") or self.timeseries["step"].max())

    @property
    def start_date(self) -> dt.date:
        return pd.Timestamp(self.scenario.get("start_date", "2000-01-01")).date()

    @property
    def step_days(self) -> int:
        return int(self.scenario.get("step_days", 7))

    def date_of(self, step: int) -> pd.Timestamp:
        """The date the tables give turn ``step``: the end of that turn's week (step 0: the
        start). Turn N itself is the week from ``date_of(N - 1)``; see ``sim.analysis.names``."""
        return pd.Timestamp(self.start_date) + pd.Timedelta(days=self.step_days * int(step))

    def turn_label(self, step: int) -> str:
        """'turn 3 (week of 2024-11-11)'."""
        return turn_label(self.start_date, self.step_days, step)

    def step_of(self, date: str | dt.date) -> int:
        """The last turn on or before ``date``."""
        days = (pd.Timestamp(date) - pd.Timestamp(self.start_date)).days
        return max(0, min(self.steps, days // self.step_days))

    @property
    def overrides(self) -> list[str]:
        """The command-line overrides that made this run (Hydra's record), minus plumbing."""
        path = self.path / ".hydra" / "overrides.yaml"
        found = self.manifest.get("overrides")
        if found is None and path.exists():
            found = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return [o for o in found or [] if not o.startswith(QUIET_OVERRIDES)]

    @property
    def parameters(self) -> str:
        """Rule set and combat law in words, then the overrides as typed (they re-make the
        run), in one line, for titles and captions."""
        cfg = self.manifest.get("config", {})
        rules = self.names.value("rules", cfg.get("rules", {}).get("name", "?"))
        parts = [f"rule set: {rules}", f"combat: {cfg.get('combat', {}).get('law', '?')} law"]
        return ", ".join([*parts, *self.overrides])

    @property
    def caption(self) -> str:
        n = len(self.outcomes)
        return f"{self.title} | {self.parameters} | {n} replicates, {self.steps} turns"


def load_run(path: Path) -> Run:
    """A run folder, checked for every table the figures need."""
    path = Path(path)
    if not path.is_dir():
        raise ResultsError(f"{path}: no such folder")
    require_files(path, RUN_FILES, "run")
    for name in RUN_FILES:  # every table readable before a figure is drawn (sim.files)
        if name.endswith(".parquet"):
            check_parquet(path / name)
    return Run(path, read_manifest(path / "run.json"))


def read_manifest(path: Path) -> dict[str, Any]:
    """A run's ``run.json``, checked: a JSON object whose config, scenario and seeds are
    objects (an edited or half-written manifest is an error naming the file and the field)."""
    manifest = read_json(path, "run manifest (run.json)")
    for key in ("config", "scenario", "seeds"):
        if not isinstance(manifest.get(key, {}), dict):
            raise ResultsError(f"{path}: field {key!r} must be a JSON object (edited by hand?)")
    config = manifest.get("config", {})
    for key in ("scenario", "rules", "combat"):
        if not isinstance(config.get(key, {}), dict):
            raise ResultsError(f"{path}: field 'config.{key}' must be a JSON object")
    return manifest


def style_name(actor: str) -> str:
    """A readable name for an actor id that the scenario does not name."""
    return actor.replace("_", " ").title()
