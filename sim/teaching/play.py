"""The terminal game: turn by turn, each human seat reads the situation and picks a numbered move.

Everything the loop says goes through ``write`` and every answer comes from ``ask`` (``input``
by default), so a test or a script can play a whole game. After every turn the choices are saved
(resume with ``wargame play --resume FILE``) and the results folder is refreshed: the parquet
tables of the results contract, ``run.json`` and a readable ``transcript.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sim.domain.ladder import standard_ladder
from sim.files import write_atomic
from sim.teaching.game import Game
from sim.teaching.turns import (
    Option,
    actor_name,
    describe,
    force_lines,
    ladder_lines,
    last_turn_lines,
    options_for,
    turn_header,
    turn_rows,
)  # fmt: skip

Ask = Callable[[str], str]
Write = Callable[[str], None]
QUIT = {"q", "quit", "exit", "save"}


def play(game: Game, save_path: Path, out_dir: Path, ask: Ask = input, write: Write = print) -> int:
    """Play ``game`` to its last turn (or until a player quits); returns an exit code."""
    write(
        f"\n{game.world.title}\nSeats: {', '.join(seat_names(game))}"
        f"  |  seed {game.setup.seed}  |  {game.setup.steps} turns of {game.world.step_days} days"
    )
    while not game.finished:
        show_situation(game, write)
        moves: dict[str, str] = {}
        for seat in game.setup.seats:
            action = choose(game, seat, ask, write)
            if action is None:
                save_all(game, save_path, out_dir)
                write(
                    f"\nGame saved after turn {game.turn}. Resume with:\n"
                    f"  wargame play --resume {save_path}"
                )
                return 0
            moves[seat] = action
        game.play_turn(moves)
        save_all(game, save_path, out_dir)
    show_end(game, write)
    save_all(game, save_path, out_dir)
    write(f"\nResults: {out_dir}\nAfter-action review: wargame report {out_dir}")
    return 0


def seat_names(game: Game) -> list[str]:
    """The played actors' display names."""
    return [actor_name(game.world, s) for s in game.setup.seats]


def show_situation(game: Game, write: Write) -> None:
    """Last turn in words, the ladder and the forces, under the coming turn's header."""
    m = game.model
    write(f"\n{'=' * 78}\n{turn_header(m, game.setup.steps)}\n{'=' * 78}")
    write("What happened last turn:" if m.steps else "The situation at the start:")
    for line in last_turn_lines(m) if m.steps else [game.world.title]:
        write(f"  {line}")
    write("\nThe escalation ladder:")
    for line in ladder_lines(m):
        write(f"  {line}")
    write("\nForces:")
    for line in force_lines(m):
        write(f"  {line}")


def choose(game: Game, seat: str, ask: Ask, write: Write) -> str | None:
    """Ask ``seat``'s player for a move until the answer is valid; None means save and quit."""
    agent = game.model.actor_agents[seat]
    options = options_for(agent)
    label = standard_ladder().labels[agent.rung]
    write(f"\n--- {agent.spec.name}: your move (you stand at rung {agent.rung}: {label}) ---")
    for i, opt in enumerate(options, start=1):
        write(f"  {i:>2}. {opt.label}")
    write("  Type a number or an action name; q saves and quits.")
    while True:
        try:
            answer = ask(f"{agent.spec.name} > ").strip().lower()
        except EOFError:
            return None
        if answer in QUIT:
            return None
        picked = _pick(answer, options)
        if picked is not None:
            return picked.action
        write(f"  '{answer}' is not a move on the list; choose 1-{len(options)}.")


def _pick(answer: str, options: list[Option]) -> Option | None:
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1]
    return next((o for o in options if o.action == answer.replace(" ", "_")), None)


def show_end(game: Game, write: Write) -> None:
    """The last turn and the milestones reached."""
    write(f"\n{'=' * 78}\nGame over after {game.turn} turns.\nLast turn:")
    for line in last_turn_lines(game.model):
        write(f"  {line}")
    write("\nMilestones reached:")
    reached = [(n, s) for n, s in game.model.milestone_steps.items() if s is not None]
    for name, step in reached or [("none", None)]:
        desc = game.world.milestones[name].description if name in game.world.milestones else "-"
        write(f"  turn {step}: {desc}" if step is not None else "  none")


def save_all(game: Game, save_path: Path, out_dir: Path) -> None:
    """Save the choices, refresh the results tables and the transcript."""
    game.save(save_path)
    game.write_results(out_dir)
    write_atomic(out_dir / "transcript.md", transcript(game))


def transcript(game: Game) -> str:
    """Every turn in words: injects, moves with reasons (markdown)."""
    lines = [f"# {game.world.title}: transcript", "",
             f"Seats: {', '.join(game.setup.seats)}; seed {game.setup.seed}; "
             f"{game.turn} of {game.setup.steps} turns played.", ""]  # fmt: skip
    for step in range(1, game.turn + 1):
        rows = turn_rows(game.model, step)
        date = rows[0][2].isoformat() if rows else ""
        lines += [f"## Turn {step} ({date})", ""]
        lines += [f"- {describe(game.world, r)}" for r in rows] + [""]
    return "\n".join(lines)
