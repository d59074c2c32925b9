"""A game with human seats: one seeded model, the players' choices, save, resume and results.

The game is a pure function of its setup (scenario, deck, seats, seed, turns), the list of
choices (each an action and its target) and the white cell's journal (injects fired by hand or
written live, overrides with their reasons): ``Game.load`` rebuilds the model and replays both
turn by turn, so a game survives a closed terminal or a restarted classroom server, and the same
seed with the same moves always gives the same game, whichever front end played it. A turn
begins (its injects fire and are shown) before anyone chooses; the game ends after its last turn
or at nuclear use. The model's
seed is replicate 0's seed of the rule-driven job with the same world and base seed, so the
after-action review can compare the game with that job's ensemble.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from sim.abm.model import EscalationModel
from sim.domain.errors import WargameError
from sim.domain.params import CombatParams, RuleParams
from sim.experiment.job import Job
from sim.experiment.results import ResultsWriter, write_json_atomic
from sim.experiment.run import build_manifest
from sim.experiment.simulate import tables_of
from sim.files import output_folder
from sim.teaching import turn_api
from sim.teaching.save_file import DEFAULT_SEED, DEFAULT_STEPS, SAVE_FORMAT, read_save
from sim.teaching.turns import end_reason, options_for, targets_for
from sim.teaching.world import check_seats, load_world

Move = tuple[str, str | None]  # (action, target); a bare action aims at the main adversary


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
    journal: list[dict[str, Any]] = field(default_factory=list)

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
        self.injects_now = turn_api.begin_turn(self.model)

    @property
    def turn(self) -> int:
        """Turns played so far."""
        return self.model.steps

    @property
    def end_reason(self) -> str | None:
        """Why the game is over (its last turn played, or nuclear use), None while it goes on."""
        return end_reason(self.model, self.setup.steps)

    @property
    def finished(self) -> bool:
        return self.end_reason is not None

    def check_move(self, seat: str, move: str | Move) -> Move:
        """``move`` as (action, target), checked: an open action, a target the seat holds a
        posture toward (None: the model aims it at the seat's main adversary)."""
        action, target = (move, None) if isinstance(move, str) else move
        target = target or None
        allowed = [o.action for o in options_for(self.model.actor_agents[seat])]
        if action not in allowed:
            raise WargameError(
                f"{seat} cannot choose {action!r} now; allowed: {', '.join(allowed)}"
            )
        targets = targets_for(self.model, seat)
        if target is not None and target not in targets:
            raise WargameError(
                f"{seat} cannot aim at {target!r}; allowed: {', '.join(targets) or 'nobody'}"
            )
        return action, target

    def play_turn(self, moves: dict[str, str | Move], held: tuple[str, ...] = ()) -> None:
        """Play one turn with each seat's move (all checked before anything moves), then begin
        the next turn. ``held`` names the seats that hold because they did not choose in time."""
        if self.finished:
            raise WargameError(f"the game is over: {self.end_reason}")
        checked = {s: self.check_move(s, moves.get(s, "")) for s in self.setup.seats}
        turn = self.model.steps + 1
        for seat, (action, target) in checked.items():
            turn_api.submit(self.model, seat, action, target)
        self.model.step()
        self.choices += [{"turn": turn, "actor": s, "action": a, "target": t,
                          **({"held": True} if s in held else {})}
                         for s, (a, t) in checked.items()]  # fmt: skip
        self.injects_now = [] if self.finished else turn_api.begin_turn(self.model)

    def fire_inject(self, iid: str) -> None:
        """The white cell fires deck inject ``iid`` now (shown in the coming turn)."""
        if iid not in self.world.injects or iid in self.model.fired_injects:
            left = [i for i in self.world.injects if i not in self.model.fired_injects]
            raise WargameError(f"inject {iid!r} cannot fire; not yet fired: {', '.join(left)}")
        turn_api.fire_inject(self.model, iid)
        self._note({"kind": "fire", "inject": iid})

    def write_inject(self, text: str) -> str:
        """The white cell writes a new inject live; every seat reads it this turn."""
        text = " ".join(text.split())
        if not text:
            raise WargameError("a live inject needs a text")
        iid = f"live_{sum(1 for j in self.journal if j['kind'] == 'write') + 1}"
        turn_api.write_inject(self.model, iid, text)
        self._note({"kind": "write", "inject": iid, "text": text})
        return iid

    def override(self, actor: str, rung: int, reason: str, target: str | None = None) -> None:
        """The white cell overrides the adjudication: ``actor`` stands on ``rung`` toward
        ``target`` (default: the one it stands highest against) from now on, for the reason
        given (logged in the decision log)."""
        from sim.domain.ladder import standard_ladder

        labels = standard_ladder().labels
        targets = targets_for(self.model, actor) if actor in self.world.actors else []
        if not targets or not 0 <= rung < len(labels):
            raise WargameError(
                f"override: actor {actor!r} with no one to face, or rung {rung}; actors: "
                f"{', '.join(self.world.actors)}; rungs 0-{len(labels) - 1}"
            )
        postures = self.model.state.postures[actor]
        target = target or max(targets, key=lambda t: postures[t])
        if target not in targets:
            raise WargameError(f"override: {actor} faces {', '.join(targets)}, not {target!r}")
        reason = " ".join(reason.split())
        if not reason:
            raise WargameError("an override needs a reason (it goes into the log)")
        name, before = self.world.actors[actor].name, postures[target]
        text = (f"{name} toward {self.world.actors[target].name} moved from {labels[before]} "
                f"to {labels[min(rung, self.model.actor_agents[actor].max_rung)]}. "
                f"Reason: {reason}")  # fmt: skip
        turn_api.override(self.model, actor, target, rung, text)
        self._note({"kind": "override", "actor": actor, "target": target, "rung": rung,
                    "reason": reason})  # fmt: skip

    def _note(self, entry: dict[str, Any]) -> None:
        self.journal.append({"turn": self.model.steps + 1, **entry})

    def replay(self, entry: dict[str, Any]) -> None:
        """Apply one saved journal entry again."""
        kind = entry["kind"]
        if kind == "fire":
            self.fire_inject(entry["inject"])
        elif kind == "write":
            self.write_inject(entry["text"])
        elif kind == "override":
            self.override(entry["actor"], int(entry["rung"]), entry["reason"], entry.get("target"))
        else:
            raise WargameError(f"saved game: unknown journal entry {kind!r}")

    def save(self, path: Path) -> Path:
        """Write the setup and the choices so far (atomically) to ``path``."""
        output_folder(path.parent)
        data = {"format": SAVE_FORMAT, "setup": asdict(self.setup), "choices": self.choices,
                "journal": self.journal}  # fmt: skip
        return write_json_atomic(data, path)

    @classmethod
    def load(cls, path: Path) -> Game:
        """Rebuild a saved game by replaying, turn by turn, the white cell's journal and the
        choices (the file is checked first: ``SaveFile``; an edited file gets a message naming
        the field)."""
        save = read_save(Path(path))
        try:
            game = cls(Setup(**{**save.setup.model_dump(), "seats": tuple(save.setup.seats)}))
        except WargameError as exc:
            raise WargameError(f"saved game {path}: setup: {exc}") from None
        turns = sorted({c.turn for c in save.choices})
        if turns != list(range(1, len(turns) + 1)) or len(turns) > game.setup.steps:
            raise WargameError(
                f"{path}: choices: turns {turns} must run 1, 2, 3, ... without a gap "
                f"and not past the game's {game.setup.steps} steps (edited by hand?)"
            )
        choices = [c.model_dump(exclude_defaults=True) for c in save.choices]
        journal = [j.model_dump(exclude_none=True) for j in save.journal]
        return game.replay_all(choices, journal, path)

    def replay_all(self, choices: list[dict], journal: list[dict], path: Path,
                   before_turn=None) -> Game:  # fmt: skip
        """Replay saved journal entries and choices in turn order; ``before_turn(game)`` is
        called when each turn's moves are about to be played (the after-action review asks
        the rules what they would have done there)."""
        by_turn: dict[int, dict[str, Move]] = {}
        held: dict[int, list[str]] = {}
        for c in choices:
            by_turn.setdefault(int(c["turn"]), {})[c["actor"]] = (c["action"], c.get("target"))
            if c.get("held"):
                held.setdefault(int(c["turn"]), []).append(c["actor"])
        last = max([*by_turn, *(int(j["turn"]) for j in journal)], default=0)
        for turn in range(1, last + 1):
            try:
                for entry in (j for j in journal if int(j["turn"]) == turn):
                    self.replay(entry)
                if turn in by_turn:
                    if before_turn is not None:
                        before_turn(self)
                    self.play_turn(by_turn[turn], tuple(held.get(turn, ())))
            except (WargameError, KeyError, TypeError, ValueError) as exc:
                raise WargameError(f"{path}: turn {turn}: {exc}") from None
        return self

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


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v.value if isinstance(v, Enum) else v for k, v in d.items()}
