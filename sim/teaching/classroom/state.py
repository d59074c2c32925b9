"""One class's shared game: teams and their join codes, the turn clock, submitted moves, the log.

No web here: the server calls these methods and renders what they hold. The rules of a class:
a team submits one move per seat; the turn is played when every team has submitted or when the
instructor's clock runs out (a seat that has not submitted holds, and the log says so); the
white cell fires or writes injects, overrides an adjudication with a reason, starts and pauses
the clock, and ends the game. Everything is saved after every submitted move and every turn
(``classroom.json`` and ``game.json`` in the game's results folder), so a restarted server
resumes where it was and a reloaded page finds its seat again.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sim.domain.errors import WargameError
from sim.experiment.results import write_json_atomic
from sim.teaching.game import Game, Move
from sim.teaching.turns import actor_name

CLASS_FORMAT = "wargame-classroom/1"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand


def new_code(length: int = 6) -> str:
    """A join code (random, independent of the game's seed)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


@dataclass(frozen=True)
class Team:
    """A team of students: its name, the actors it plays, and the code it joins with."""

    name: str
    seats: tuple[str, ...]
    code: str


@dataclass
class Clock:
    """The instructor's turn clock: seconds per turn, running or paused, and when it runs out."""

    turn_seconds: float
    running: bool = False
    remaining: float = 0.0  # while paused: seconds left in this turn
    deadline: float = 0.0  # while running: wall-clock time (epoch seconds) it runs out

    def left(self, now: float) -> float:
        return max(0.0, self.deadline - now) if self.running else self.remaining


@dataclass
class Classroom:
    """The state of one class: its game, teams, clock, submitted moves and log."""

    game: Game
    folder: Path
    teams: list[Team]
    instructor_code: str
    clock: Clock
    title: str = ""
    pending: dict[str, Move] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    ended: str | None = None  # why the game ended, once it has
    version: int = 0  # bumped by every change (the instructor's console waits on it)
    public: int = 0  # bumped by every change the teams see (a turn, an inject, the clock)
    results_due: bool = False  # the results tables lag behind game.json until written

    @property
    def exercise(self):
        """The exercise pack the game plays, if any."""
        from sim.teaching.world import read_exercise

        folder = self.game.setup.exercise
        return read_exercise(Path(folder)) if folder else None

    def __post_init__(self) -> None:
        self.clock.remaining = self.clock.remaining or self.clock.turn_seconds
        if self.game.finished and not self.ended:
            self.ended = self.game.end_reason

    # --- who is who -------------------------------------------------------------------
    def team_by_code(self, code: str | None) -> Team | None:
        code = (code or "").strip().upper()
        return next((t for t in self.teams if secrets.compare_digest(t.code, code)), None)

    def is_instructor(self, code: str | None) -> bool:
        return secrets.compare_digest(self.instructor_code, (code or "").strip().upper())

    def submitted(self, team: Team) -> bool:
        return all(s in self.pending for s in team.seats)

    def status(self) -> list[tuple[Team, bool]]:
        """Every team and whether it has submitted this turn."""
        return [(t, self.submitted(t)) for t in self.teams]

    # --- moves and turns --------------------------------------------------------------
    def submit(self, team: Team, moves: dict[str, Move]) -> None:
        """Record ``team``'s moves (checked); play the turn when every team has submitted."""
        self._open()
        for seat in team.seats:
            if seat not in moves:
                raise WargameError(f"{team.name} must choose a move for {seat}")
        checked = {seat: self.game.check_move(seat, moves[seat]) for seat in team.seats}
        self.pending.update(checked)
        self.note(f"Turn {self.turn}: {team.name} submitted")
        if all(self.submitted(t) for t in self.teams):
            self.advance(now=time.time())
        else:
            self.changed(public=False)

    def advance(self, now: float) -> None:
        """Play the turn: submitted moves, and hold for every seat that has not submitted."""
        held = tuple(s for t in self.teams for s in t.seats if s not in self.pending)
        for seat in held:
            name = actor_name(self.game.world, seat)
            self.note(f"Turn {self.turn}: {name} held (no move submitted before the clock ran out)")
        moves = {s: self.pending.get(s, ("hold", None)) for s in self.game.setup.seats}
        self.game.play_turn(moves, held)
        self.pending = {}
        self.clock.remaining = self.clock.turn_seconds
        self.clock.deadline = now + self.clock.turn_seconds
        if self.game.finished:
            self.finish(self.game.end_reason or "")
        self.changed(turn_played=True)

    def tick(self, now: float) -> bool:
        """Play the turn if the running clock has run out; True when it did."""
        if self.ended or not self.clock.running or now < self.clock.deadline:
            return False
        self.advance(now)
        return True

    # --- the white cell ---------------------------------------------------------------
    def start_clock(self, now: float, minutes: float | None = None) -> None:
        if minutes is not None:
            if not 0 < minutes <= 120:
                raise WargameError(
                    f"turn clock: {minutes} minutes; allowed: more than 0, at most 120"
                )
            self.clock.turn_seconds = self.clock.remaining = minutes * 60
        self.clock.running, self.clock.deadline = True, now + self.clock.remaining
        self.note(f"Turn {self.turn}: clock started ({self.clock.remaining:.0f} s left)")
        self.changed()

    def pause_clock(self, now: float) -> None:
        self.clock.remaining, self.clock.running = self.clock.left(now), False
        self.note(f"Turn {self.turn}: clock paused ({self.clock.remaining:.0f} s left)")
        self.changed()

    def fire(self, iid: str) -> None:
        self._open()
        self.game.fire_inject(iid)
        self.note(f"Turn {self.turn}: white cell fired inject {iid}")
        self.changed(turn_played=True)

    def write(self, text: str) -> None:
        self._open()
        iid = self.game.write_inject(text)
        self.note(f"Turn {self.turn}: white cell wrote inject {iid}")
        self.changed(turn_played=True)

    def override(self, actor: str, rung: int, reason: str, target: str | None = None) -> None:
        self._open()
        self.game.override(actor, rung, reason, target)
        self.note(f"Turn {self.turn}: white cell override of {actor} to rung {rung}: {reason}")
        self.changed(turn_played=True)

    def finish(self, reason: str) -> None:
        """End the game (the instructor's button, the last turn, or nuclear use)."""
        self.ended = reason
        self.clock.running = False
        self.note(f"Game over after turn {self.game.turn}: {reason}")
        self.changed(turn_played=True)

    # --- bookkeeping --------------------------------------------------------------------
    @property
    def turn(self) -> int:
        """The turn being chosen now."""
        return self.game.turn + 1

    def note(self, line: str) -> None:
        self.log.append(line)

    def _open(self) -> None:
        if self.ended:
            raise WargameError(f"the game is over: {self.ended}")

    def changed(self, turn_played: bool = False, public: bool = True) -> None:
        """Save: the game (``game.json``) after a turn or a white-cell act, the class state
        always. The results tables derived from the game are due then too; the server writes
        them just after the pages have been told (``write_results``), so no page waits on them;
        a resumed class rebuilds them from ``game.json``."""
        self.version += 1
        self.public += int(public)
        if turn_played:
            self.game.save(self.folder / "game.json")
            self.results_due = True
        write_json_atomic(self.to_json(), self.folder / "classroom.json")

    def write_results(self) -> None:
        """Refresh the results folder (tables, run.json, transcript) if a turn made it stale."""
        if self.results_due:
            save_game(self.game, self.folder)
            self.results_due = False

    def to_json(self) -> dict[str, Any]:
        return {
            "format": CLASS_FORMAT,
            "title": self.title,
            "teams": [asdict(t) for t in self.teams],
            "instructor_code": self.instructor_code,
            "clock": {
                **asdict(self.clock),
                "running": False,
                "remaining": self.clock.left(time.time()),
            },
            "pending": {s: list(m) for s, m in self.pending.items()},
            "log": self.log,
            "ended": self.ended,
        }


def save_game(game: Game, folder: Path) -> None:
    """The game as a results folder: choices and journal, tables, run.json, transcript."""
    from sim.teaching.play import transcript

    game.save(folder / "game.json")
    game.write_results(folder)
    from sim.files import write_atomic

    write_atomic(folder / "transcript.md", transcript(game))


def resume(folder: Path) -> Classroom:
    """The class saved in ``folder``, as it was (the clock paused)."""
    path = Path(folder) / "classroom.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WargameError(f"cannot resume the class: {path}: {exc}") from None
    if data.get("format") != CLASS_FORMAT:
        raise WargameError(f"{path} is not a saved classroom ({CLASS_FORMAT})")
    game = Game.load(Path(folder) / "game.json")
    teams = [Team(t["name"], tuple(t["seats"]), t["code"]) for t in data["teams"]]
    room = Classroom(
        game,
        Path(folder),
        teams,
        data["instructor_code"],
        Clock(**data["clock"]),
        data.get("title", ""),
        {s: (m[0], m[1]) for s, m in data["pending"].items()},
        list(data["log"]),
        data.get("ended"),
    )
    room.note(f"Turn {room.turn}: server restarted; the class resumes (clock paused)")
    room.results_due = True
    room.write_results()
    return room
