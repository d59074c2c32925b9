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

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sim.domain.errors import ConfigError, WargameError
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import FileError, describe_errors, parse_scenario, read_yaml, with_deck
from sim.experiment.catalog import find_scenario, scenarios_dir
from sim.limits import MAX_SEED, MAX_STEPS
from sim.paths import referenced_file

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


class ExerciseFile(BaseModel):
    """The schema of ``exercise.yaml``: every key, its type; nothing else is allowed."""

    model_config = ConfigDict(extra="forbid", strict=True)

    scenario: str
    title: str | None = None
    deck: str | None = None
    seats: list[str] = []
    steps: int | None = Field(None, ge=1, le=MAX_STEPS)
    seed: int | None = Field(None, ge=0, le=MAX_SEED)
    objectives: list[str] = []
    briefing_notes: list[str] = []
    debrief_questions: list[str] = []
    commands: dict[str, str] = {}
    teams: dict[str, list[str]] = {}  # wargame classroom: team name -> the actors it plays
    turn_minutes: float | None = Field(None, gt=0, le=120)  # wargame classroom: the turn clock


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
    """Read and check one pack's ``exercise.yaml``: its types, and that its scenario and deck
    lie inside the project's folders or the pack's own folder (``sim.paths``)."""
    path = folder / "exercise.yaml"
    data = read_yaml(path, "Exercise pack")
    try:
        ex = ExerciseFile.model_validate(data)
    except ValidationError as exc:
        raise FileError(str(path), describe_errors(exc, ExerciseFile), "Exercise pack") from None
    deck = None
    if ex.deck:
        deck = referenced_file(ex.deck, path, "deck", [folder])
        if deck is None or not deck.is_file():
            raise FileError(str(path), [f"deck: no file {ex.deck!r} in {folder}"], "Exercise pack")
    scenario = ex.scenario
    if Path(scenario).suffix in (".yaml", ".yml"):  # a file, not a name in scenarios/
        found = referenced_file(scenario, path, "scenario", [folder, Path.cwd()])
        if found is None:
            raise FileError(str(path), [f"scenario: no file {scenario!r}"], "Exercise pack")
        scenario = str(found)
    return Exercise(
        name=folder.name, folder=folder, title=ex.title or folder.name, scenario=scenario,
        deck=deck, seats=tuple(ex.seats), steps=ex.steps, seed=ex.seed,
        objectives=tuple(ex.objectives), briefing_notes=tuple(ex.briefing_notes),
        debrief_questions=tuple(ex.debrief_questions), commands=dict(ex.commands),
        teams={name: tuple(actors) for name, actors in ex.teams.items()},
        turn_minutes=ex.turn_minutes,
    )  # fmt: skip


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


def check_seats(world: Scenario, seats: list[str], origin: str = "--as") -> tuple[str, ...]:
    """The human seats, checked: each must be an actor of the scenario, none twice.
    ``origin`` says where they were given (``--as``, or an exercise pack's ``seats:``)."""
    allowed = ", ".join(world.actors)
    for seat in seats:
        if seat not in world.actors:
            raise WargameError(
                f"{origin} {seat}: no such actor in {world.name}; allowed: {allowed}"
            )
    if len(set(seats)) != len(seats):
        raise WargameError(f"{origin} names an actor twice: {seats}")
    return tuple(seats)
