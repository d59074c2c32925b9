"""History files: what actually happened, as dated observations of the model's observables.

A history file (YAML, e.g. ``scenarios/kursk_2024.history.yaml``) lists observations. Each one
says that an observable of the model did (``happened: true``) or did not (``happened: false``)
hold by a date, and where that is known from:

- ``milestone: ID`` -- the scenario milestone ``ID`` was reached by ``date``;
- ``event: CODE`` (or a list of codes), with ``actor: ID`` and optionally ``target: ID``
  -- the actor did one of these actions (or CAMEO codes) towards the target by ``date``;
- ``theatre: ID`` with ``above: X`` or ``below: X`` -- the holder's control of that theatre was
  above (below) ``X`` on ``date``.

Every observation names its ``source`` (outlet and date of the report) and may add a ``note``
saying how loosely the fact maps to the observable. ``as_of`` is the last date the file's
author used: no observation may be dated after it, so later months can be held out as a test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sim.domain.errors import WargameError
from sim.domain.safe_yaml import YamlProblem, parse_text, read_text

KINDS = ("milestone", "event", "theatre")
KEYS = {
    "milestone": {"milestone"},
    "event": {"event", "actor", "target"},
    "theatre": {"theatre", "above", "below"},
}
COMMON = {"date", "happened", "source", "note", "label"}


class HistoryError(WargameError):
    """A history file that does not validate: names the file, the field and what is allowed."""


@dataclass(frozen=True)
class Observation:
    """One dated fact: an observable of the model and whether it held by ``date``."""

    id: str
    kind: str  # milestone | event | theatre
    date: dt.date
    happened: bool
    source: str  # where the fact is from: outlet and date
    label: str = ""
    note: str = ""
    milestone: str = ""
    events: tuple[str, ...] = ()
    actor: str = ""  # the actor whose event it is (the event's source)
    target: str = ""  # the event's target actor ("" = any)
    theatre: str = ""
    above: float | None = None
    below: float | None = None

    @property
    def title(self) -> str:
        return self.label or self.id.replace("_", " ")


@dataclass(frozen=True)
class History:
    """A history file: its scenario, its cut-off date and its observations."""

    path: Path
    scenario: str
    as_of: dt.date
    observations: tuple[Observation, ...]


def load_history(path: Path) -> History:
    """Read and validate a history file; raises HistoryError naming the file and field."""
    path = Path(path)
    try:  # the project's one YAML reader: plain data only, size limits, duplicate keys refused
        data = parse_text(read_text(path))
    except YamlProblem as exc:
        raise HistoryError(f"{path}: cannot read the history file: {exc}") from None
    if not isinstance(data, dict):
        raise HistoryError(f"{path}: expected a mapping with scenario, as_of, observations")
    if "as_of" not in data and "observations" not in data:  # e.g. a scenario file given instead
        kind = " (it looks like a scenario file)" if "actors" in data else ""
        raise HistoryError(
            f"{path}: not a history file (no as_of/observations){kind}; a history file lists "
            "dated observations under as_of and observations, e.g. "
            "scenarios/kursk_2024.history.yaml (docs/analysis.md)"
        )
    as_of = _date(path, "as_of", data.get("as_of"))
    raw = data.get("observations")
    if not isinstance(raw, dict) or not raw:
        raise HistoryError(f"{path}: 'observations' must be a non-empty mapping of id -> fields")
    unknown = sorted(set(data) - {"scenario", "as_of", "observations", "description"})
    if unknown:
        raise HistoryError(
            f"{path}: unknown top-level key(s) {unknown}; allowed: scenario, "
            "as_of, description, observations"
        )
    obs = tuple(_observation(path, oid, fields, as_of) for oid, fields in raw.items())
    return History(path, str(data.get("scenario", "")), as_of, obs)


def _observation(path: Path, oid: str, f: Any, as_of: dt.date) -> Observation:
    where = f"{path}: observations.{oid}"
    if not isinstance(f, dict):
        raise HistoryError(f"{where} must be a mapping of fields")
    kinds = [k for k in KINDS if k in f]
    if len(kinds) != 1:
        raise HistoryError(
            f"{where} must name exactly one observable: milestone, event or "
            f"theatre (found {kinds or 'none'})"
        )
    kind = kinds[0]
    allowed = KEYS[kind] | COMMON
    extra = sorted(set(f) - allowed)
    if extra:
        raise HistoryError(
            f"{where}: unknown field(s) {extra}; allowed for a {kind} "
            f"observation: {', '.join(sorted(allowed))}"
        )
    date = _date(path, f"observations.{oid}.date", f.get("date"))
    if date > as_of:
        raise HistoryError(
            f"{where}.date = {date} is after as_of = {as_of}: later facts are "
            "held out; move the observation or the cut-off"
        )
    if not isinstance(f.get("happened"), bool):
        raise HistoryError(f"{where}.happened must be true or false, got {f.get('happened')!r}")
    if not str(f.get("source") or "").strip():
        raise HistoryError(f"{where}.source is required: the outlet and date of the report")
    common = dict(
        id=oid,
        kind=kind,
        date=date,
        happened=f["happened"],
        source=str(f["source"]).strip(),
        label=str(f.get("label", "")),
        note=str(f.get("note", "")).strip(),
    )
    if kind == "milestone":
        return Observation(**common, milestone=_name(where, "milestone", f["milestone"]))
    if kind == "event":
        codes = f["event"] if isinstance(f["event"], list) else [f["event"]]
        if not codes:
            raise HistoryError(f"{where}.event must name at least one action or CAMEO code")
        events = tuple(_name(where, "event", c) for c in codes)
        return Observation(
            **common,
            events=events,
            actor=_name(where, "actor", f.get("actor")),
            target=str(f.get("target") or ""),
        )
    return _theatre(where, f, common)


def _theatre(where: str, f: dict, common: dict) -> Observation:
    bounds = [k for k in ("above", "below") if k in f]
    if len(bounds) != 1:
        raise HistoryError(f"{where} needs exactly one of above or below (a control share 0-1)")
    value = f[bounds[0]]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise HistoryError(f"{where}.{bounds[0]} = {value!r} must be a number in [0, 1]")
    return Observation(
        **common, theatre=_name(where, "theatre", f["theatre"]), **{bounds[0]: float(value)}
    )


def _name(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str | int) or not str(value).strip():
        raise HistoryError(f"{where}.{key} must be a non-empty name, got {value!r}")
    return str(value).strip()


def _date(path: Path, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise HistoryError(f"{path}: {key} = {value!r} must be a date YYYY-MM-DD") from None


def check_against(
    history: History, milestones: list[str], actors: list[str], theatres: list[str]
) -> None:
    """Raise HistoryError for an observation naming a milestone, actor or theatre the run lacks."""
    for o in history.observations:
        where = f"{history.path}: observations.{o.id}"
        for key, value, allowed in (
            ("milestone", o.milestone, milestones),
            ("actor", o.actor, actors),
            ("target", o.target, actors),
            ("theatre", o.theatre, theatres),
        ):
            if value and value not in allowed:
                raise HistoryError(
                    f"{where}.{key} = {value!r} is not in the run; allowed: {', '.join(allowed)}"
                )
