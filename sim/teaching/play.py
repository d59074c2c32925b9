"""The terminal game: turn by turn, each human seat reads the situation and picks a numbered move.

A turn's first screen fits 80x24 (sim/teaching/screen.py): what is new, last turn, the ladder
and the moves; details on request. A move can name its target (``13 ukraine``); one that
crosses a Kahn threshold toward nuclear use must be confirmed. Ctrl-C saves and prints the
command that resumes the game.

Everything the loop says goes through ``write`` and every answer comes from ``ask`` (``input``
by default), so a test or a script can play a whole game. After every turn the choices are saved
(resume with ``wargame play --resume FILE``) and the results folder is refreshed: the parquet
tables of the results contract, ``run.json`` and a readable ``transcript.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sim.analysis.names import turn_start
from sim.files import write_atomic
from sim.teaching.game import Game, Move
from sim.teaching.screen import details, first_screen, menu
from sim.teaching.turns import (
    Option,
    actor_name,
    describe,
    last_turn_lines,
    options_for,
    targets_for,
    threshold_crossed,
    turn_rows,
)

Ask = Callable[[str], str]
Write = Callable[[str], None]
QUIT = {"q", "quit", "exit", "save"}
DETAILS = {"d", "l", "f", "b"}
YES = {"y", "yes"}


def play(game: Game, save_path: Path, out_dir: Path, ask: Ask = input, write: Write = print) -> int:
    """Play ``game`` to its end (or until a player quits or presses Ctrl-C); the exit code."""
    write(
        f"{game.world.title}\nSeats: {', '.join(seat_names(game))}"
        f"  |  seed {game.setup.seed}  |  {game.setup.steps} turns of {game.world.step_days} days"
    )
    try:
        while not game.finished:
            for line in first_screen(game):
                write(line)
            moves: dict[str, Move] = {}
            for seat in game.setup.seats:
                move = choose(game, seat, ask, write)
                if move is None:
                    return _stop(game, save_path, out_dir, write)
                moves[seat] = move
            game.play_turn(moves)
            save_all(game, save_path, out_dir)
    except KeyboardInterrupt:
        return _stop(game, save_path, out_dir, write, code=130)
    show_end(game, write)
    save_all(game, save_path, out_dir)
    write(f"\nResults: {out_dir}\nAfter-action review: wargame report {out_dir}")
    return 0


def _stop(game: Game, save_path: Path, out_dir: Path, write: Write, code: int = 0) -> int:
    save_all(game, save_path, out_dir)
    write(f"\nGame saved after turn {game.turn}. Resume with:\n  wargame play --resume {save_path}")
    return code


def seat_names(game: Game) -> list[str]:
    """The played actors' display names."""
    return [actor_name(game.world, s) for s in game.setup.seats]


def choose(game: Game, seat: str, ask: Ask, write: Write) -> Move | None:
    """Ask ``seat``'s player for a move (and its target) until the answer is valid and, over a
    Kahn threshold, confirmed; None means save and quit."""
    agent = game.model.actor_agents[seat]
    options = options_for(agent)
    for line in menu(game, seat, options):
        write(line)
    while True:
        try:
            answer = ask(f"{agent.spec.name} > ").strip().lower()
        except EOFError:
            return None
        if answer in QUIT:
            return None
        if answer in DETAILS:
            for line in details(game, seat, answer):
                write(f"  {line}")
            continue
        move = _pick(game, seat, answer, options)
        if move is None:
            some = ", ".join(targets_for(game.model, seat)[:4])
            write(
                f"  '{answer}' is not a move on the list; choose 1-{len(options)} "
                f"(and a target: {some}, ...)."
            )
            continue
        crossed = threshold_crossed(agent, move[0])
        if crossed and not _confirmed(move, crossed, ask, write):
            continue
        return move


def _confirmed(move: Move, crossed: str, ask: Ask, write: Write) -> bool:
    write(f"  {move[0].replace('_', ' ')} crosses Kahn's threshold '{crossed}' toward nuclear use.")
    try:
        return ask("  Type yes to confirm, anything else to choose again: ").strip().lower() in YES
    except EOFError:
        return False


def _pick(game: Game, seat: str, answer: str, options: list[Option]) -> Move | None:
    """``13``, ``lift_weapons_restrictions``, ``13 ukraine`` or ``warn north_korea``."""
    head, _, rest = answer.partition(" ")
    targets = targets_for(game.model, seat)
    target = rest.strip().replace(" ", "_") or None
    if target is not None and target not in targets:
        head, target = answer, None  # an action name with spaces, no target
    if head.isdigit() and 1 <= int(head) <= len(options):
        return options[int(head) - 1].action, target
    action = head.replace(" ", "_")
    return next(((o.action, target) for o in options if o.action == action), None)


def show_end(game: Game, write: Write) -> None:
    """Why the game ended, the last turn and the milestones reached."""
    write(f"\n{'=' * 78}\nGame over after {game.turn} turns: {game.end_reason}.\nLast turn:")
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
        week = turn_start(game.world.start_date, game.world.step_days, step)
        lines += [f"## Turn {step} (week from {week.isoformat()})", ""]
        lines += [f"- {describe(game.world, r)}" for r in rows] + [""]
    return "\n".join(lines)
