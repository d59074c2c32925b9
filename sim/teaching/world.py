"""Finding what a classroom session plays: the scenario, an inject deck, an exercise pack, seats.

An exercise pack is a folder (``scenarios/exercises/<name>/``) with ``exercise.yaml``: the
scenario it plays, its deck, suggested seats and turns, learning objectives, briefing notes and
debrief questions (format in docs/teaching.md). Everything here raises WargameError with a
message an instructor can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sim.domain.errors import ConfigError, WargameError
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import parse_scenario, read_yaml, with_deck
from sim.experiment.catalog import find_scenario, scenarios_dir

DEFAULT_SCENARIO = "kursk_2024"


@dataclass(frozen=True)
class Exercise:
    """An instructor's exercise pack, read from ``exercise.yaml``."""

    name: str
    folder: Path
    title: str
    scenario: str
    deck: Path | None = None
    seats: tuple[str, ...] = ()
    steps: int | None = None
    seed: int | None = None
    objectives: tuple[str, ...] = ()
    briefing_notes: tuple[str, ...] = ()
    debrief_questions: tuple[str, ...] = ()
    commands: dict[str, str] = field(default_factory=dict)
    teams: dict[str, tuple[str, ...]] = field(default_factory=dict)  # classroom: name -> actors
    turn_minutes: float | None = None  # classroom: the turn clock's default


_EXERCISE_KEYS = {"title", "scenario", "deck", "seats", "steps", "seed", "objectives",
                  "briefing_notes", "debrief_questions", "commands", "teams",
                  "turn_minutes"}  # fmt: skip


def exercises_dir() -> Path:
    """The folder of exercise packs: ``exercises/`` inside the scenarios folder."""
    return scenarios_dir() / "exercises"


def find_exercise(name_or_path: str) -> Exercise:
    """An exercise pack by name (a folder in ``scenarios/exercises/``) or by folder path."""
    folder = Path(name_or_path)
    if not (folder / "exercise.yaml").is_file():
        folder = exercises_dir() / name_or_path
    if not (folder / "exercise.yaml").is_file():
        known = sorted(p.parent.name for p in exercises_dir().glob("*/exercise.yaml"))
        raise ConfigError(
            f"unknown exercise {name_or_path!r}; available: "
            f"{', '.join(known) or 'none'} (or give a folder with exercise.yaml)"
        )
    return read_exercise(folder)


def read_exercise(folder: Path) -> Exercise:
    """Read and check one pack's ``exercise.yaml``."""
    data = read_yaml(folder / "exercise.yaml")
    unknown = sorted(set(data) - _EXERCISE_KEYS)
    if unknown or "scenario" not in data:
        raise ConfigError(
            f"{folder / 'exercise.yaml'}: needs `scenario:`; unknown keys {unknown}; "
            f"allowed: {', '.join(sorted(_EXERCISE_KEYS))}"
        )
    deck = folder / data["deck"] if data.get("deck") else None
    return Exercise(
        name=folder.name, folder=folder, title=str(data.get("title", folder.name)),
        scenario=str(data["scenario"]), deck=deck, seats=tuple(data.get("seats") or ()),
        steps=data.get("steps"), seed=data.get("seed"),
        objectives=tuple(data.get("objectives") or ()),
        briefing_notes=tuple(data.get("briefing_notes") or ()),
        debrief_questions=tuple(data.get("debrief_questions") or ()),
        commands=dict(data.get("commands") or {}),
        teams=_teams(folder, data.get("teams") or {}),
        turn_minutes=data.get("turn_minutes"),
    )  # fmt: skip


def _teams(folder: Path, raw: object) -> dict[str, tuple[str, ...]]:
    """``teams:`` of exercise.yaml: a mapping of team name to a list of actors."""
    ok = isinstance(raw, dict) and all(
        isinstance(v, list) and v and all(isinstance(a, str) for a in v) for v in raw.values()
    )
    if not ok:
        raise ConfigError(f"{folder / 'exercise.yaml'}: teams: must map each team's name to a "
                          "list of actors, e.g. {{Washington: [united_states]}}")  # fmt: skip
    return {str(k): tuple(v) for k, v in raw.items()}


def exercise_for(scenario_name: str) -> Exercise | None:
    """The pack named after a scenario (``exercises/<scenario>/``), if there is one."""
    folder = exercises_dir() / scenario_name
    return read_exercise(folder) if (folder / "exercise.yaml").is_file() else None


def load_world(scenario: str, deck: str | Path | None = None) -> tuple[Scenario, Path]:
    """The validated scenario (by name or path) with an optional inject deck merged in."""
    path = find_scenario(scenario)
    data: dict[str, Any] = read_yaml(path)
    source = str(path)
    if deck:
        data = with_deck(data, Path(deck))
        source = f"{path} + deck {deck}"
    return parse_scenario(data, source=source), path


def check_seats(world: Scenario, seats: list[str]) -> tuple[str, ...]:
    """The human seats, checked: each must be an actor of the scenario, none twice."""
    allowed = ", ".join(world.actors)
    for seat in seats:
        if seat not in world.actors:
            raise WargameError(f"--as {seat}: no such actor in {world.name}; allowed: {allowed}")
    if len(set(seats)) != len(seats):
        raise WargameError(f"--as names an actor twice: {seats}")
    return tuple(seats)
