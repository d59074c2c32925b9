"""A game with human seats: one seeded model, the players' choices, save, resume and results.

The game is a pure function of its setup (scenario, deck, seats, seed, turns) and the list of
choices: ``Game.load`` rebuilds the model and replays the saved choices, so a game survives a
closed terminal and the same seed with the same choices always gives the same game. The model's
seed is replicate 0's seed of the rule-driven job with the same world and base seed, so the
after-action review can compare the game with that job's ensemble.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sim.abm.model import EscalationModel
from sim.config import RunConfig
from sim.domain.errors import WargameError
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import describe_errors
from sim.experiment.job import Job
from sim.experiment.results import ResultsWriter, write_json_atomic
from sim.experiment.run import build_manifest
from sim.experiment.simulate import tables_of
from sim.limits import MAX_SEED, MAX_STEPS
from sim.teaching.turns import options_for
from sim.teaching.world import check_seats, load_world

SAVE_FORMAT = "wargame-play/1"
DEFAULT_STEPS: int = RunConfig.__dataclass_fields__["steps"].default
DEFAULT_SEED: int = RunConfig.__dataclass_fields__["seed"].default


@dataclass(frozen=True)
class Setup:
    """What decides a game apart from the players' choices."""

    scenario: str
    seats: tuple[str, ...]
    seed: int = DEFAULT_SEED
    steps: int = DEFAULT_STEPS
    deck: str | None = None
    exercise: str | None = None


@dataclass
class Game:
    """A running game: its setup, its model and every choice made so far (turn, actor, action)."""

    setup: Setup
    choices: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.world, self.scenario_file = load_world(self.setup.scenario, self.setup.deck)
        check_seats(self.world, list(self.setup.seats))
        self.job = Job(self.world, RuleParams(), CombatParams(), self.setup.steps, 1,
                       self.setup.seed, self.setup.seats)  # fmt: skip
        self.model = EscalationModel(
            self.world, self.job.rules, self.job.combat, rng=self.job.replicate_seed(0),
            replicate=0, human_actors=frozenset(self.setup.seats),
        )  # fmt: skip
        self.started = datetime.now(UTC)
        self._t0 = time.perf_counter()

    @property
    def turn(self) -> int:
        """Turns played so far."""
        return self.model.steps

    @property
    def finished(self) -> bool:
        return self.model.steps >= self.setup.steps

    def play_turn(self, moves: dict[str, str]) -> None:
        """Play one turn with each seat's chosen action (checked before anything moves)."""
        for seat in self.setup.seats:
            action = moves.get(seat)
            allowed = [o.action for o in options_for(self.model.actor_agents[seat])]
            if action not in allowed:
                raise WargameError(
                    f"{seat} cannot choose {action!r} now; allowed: {', '.join(allowed)}"
                )
        turn = self.model.steps + 1
        self.model.choices = {s: moves[s] for s in self.setup.seats}
        self.model.step()
        self.choices += [{"turn": turn, "actor": s, "action": moves[s]} for s in self.setup.seats]

    def save(self, path: Path) -> Path:
        """Write the setup and the choices so far (atomically) to ``path``."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": SAVE_FORMAT, "setup": asdict(self.setup), "choices": self.choices}
        return write_json_atomic(data, path)

    @classmethod
    def load(cls, path: Path) -> Game:
        """Rebuild a saved game by replaying its choices turn by turn (the file is checked
        first: ``SaveFile``; an edited file gets a message naming the field)."""
        save = read_save(Path(path))
        try:
            game = cls(Setup(**{**save.setup.model_dump(), "seats": tuple(save.setup.seats)}))
        except WargameError as exc:
            raise WargameError(f"saved game {path}: setup: {exc}") from None
        by_turn: dict[int, dict[str, str]] = {}
        for c in save.choices:
            by_turn.setdefault(c.turn, {})[c.actor] = c.action
        expected = list(range(1, len(by_turn) + 1))
        if sorted(by_turn) != expected or len(by_turn) > game.setup.steps:
            raise WargameError(
                f"{path}: choices: turns {sorted(by_turn)} must run 1, 2, 3, ... without a gap "
                f"and not past the game's {game.setup.steps} steps (edited by hand?)"
            )
        for turn in expected:
            try:
                game.play_turn(by_turn[turn])
            except WargameError as exc:
                raise WargameError(f"{path}: choices of turn {turn}: {exc}") from None
        return game

    def write_results(self, out_dir: Path) -> Path:
        """The game as a results folder (results contract: parquet tables, outcomes, run.json)."""
        writer = ResultsWriter(out_dir)
        outcome = {"replicate": 0, "seed": self.job.replicate_seed(0), **self.model.outcome()}
        writer.add(tables_of(self.model.recorder), [outcome])
        manifest = build_manifest(self.job, self.config(), str(self.scenario_file),
                                  self.started, time.perf_counter() - self._t0)  # fmt: skip
        return writer.finish(manifest)

    def config(self) -> dict[str, Any]:
        """The resolved config of the game, in the shape of a Hydra run's (plus ``play``)."""
        return {
            "scenario": self.world.model_dump(mode="json", exclude_unset=True),
            "rules": _plain(asdict(self.job.rules)),
            "combat": _plain(asdict(self.job.combat)),
            "replicates": 1, "steps": self.setup.steps, "seed": self.setup.seed,
            "human_actors": list(self.setup.seats),
            "deck": "",  # the deck's injects are already merged into `scenario` above
            "play": {**asdict(self.setup), "turns_played": self.turn,
                     "finished": self.finished, "choices": self.choices},
        }  # fmt: skip


class SavedSetup(BaseModel):
    """A saved game's ``setup``: the fields of ``Setup`` with their types."""

    model_config = ConfigDict(extra="forbid", strict=True)

    scenario: str
    seats: list[str]
    seed: int = Field(DEFAULT_SEED, ge=0, le=MAX_SEED)
    steps: int = Field(DEFAULT_STEPS, ge=1, le=MAX_STEPS)
    deck: str | None = None
    exercise: str | None = None


class SavedChoice(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    turn: int = Field(ge=1, le=MAX_STEPS)
    actor: str
    action: str


class SaveFile(BaseModel):
    """The schema of a saved game (``game.json``)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    format: Literal["wargame-play/1"]
    setup: SavedSetup
    choices: list[SavedChoice] = []


def read_save(path: Path) -> SaveFile:
    """A saved game file, checked against ``SaveFile``."""
    if path.is_dir():
        raise WargameError(f"--resume {path}: a folder; give its game.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WargameError(f"cannot read saved game {path}: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise WargameError(f"{path} is not a saved wargame game (format: {SAVE_FORMAT})")
    try:
        return SaveFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(describe_errors(exc, SaveFile))
        raise WargameError(
            f"saved game {path} is not valid (edited by hand?): {problems}"
        ) from None


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v.value if isinstance(v, Enum) else v for k, v in d.items()}
