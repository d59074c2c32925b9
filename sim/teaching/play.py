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

from sim.analysis.names import names_of
from sim.files import write_atomic
from sim.teaching.explain import blocked, lacks_in_words, milestone_why
from sim.teaching.game import Game, Move
from sim.teaching.screen import HELP, details, menu, turn_screen, wrap
from sim.teaching.turns import (
    Option,
    actor_name,
    describe,
    injects_of,
    moves_of_turn,
    options_for,
    targets_for,
    threshold_crossed,
    turn_dates,
    turn_rows,
    words,
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
            moves: dict[str, Move] = {}
            for i, seat in enumerate(game.setup.seats):
                options = options_for(game.model.actor_agents[seat])
                shown = turn_screen(game, seat, options) if i == 0 else menu(game, seat, options)
                for line in shown:
                    write(line)
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
    """Ask ``seat``'s player (the menu is on screen) for a move and its target until the answer
    is valid and, when the move is not possible now (it would be a hold) or crosses a Kahn
    threshold, confirmed; None means save and quit."""
    agent = game.model.actor_agents[seat]
    options = options_for(agent)
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
            aims = ", ".join(actor_name(game.world, t) for t in targets_for(game.model, seat))
            write(
                f"  '{answer}' is not a move on the list; choose 1-{len(options)} "
                f"(and perhaps a target: {aims or 'nobody'}).\n  {HELP}"
            )
            continue
        stop = blocked(game.model, seat, *move)
        if stop is not None:
            if not _confirmed(_not_possible(game, stop), ask, write):
                continue
            return move
        crossed = threshold_crossed(agent, move[0])
        warning = f"{words(move[0])} crosses Kahn's threshold '{crossed}' toward nuclear use."
        if crossed and not _confirmed(warning, ask, write):
            continue
        return move


def _not_possible(game: Game, stop) -> str:
    """Why a chosen move would be played as a hold, and where it would be possible."""
    target = actor_name(game.world, stop.target)
    text = (f"{words(stop.action)} toward {target} is not possible now: "
            f"{lacks_in_words(game.world, stop.target, stop.lacks)}.")  # fmt: skip
    if stop.open_toward:
        others = ", ".join(actor_name(game.world, t) for t in stop.open_toward)
        text += f" It is possible toward {others}."
    return text + " Chosen anyway, it is played as a hold."


def _confirmed(warning: str, ask: Ask, write: Write) -> bool:
    for line in wrap(warning):
        write(line)
    try:
        return ask("  Type yes to confirm, anything else to choose again: ").strip().lower() in YES
    except EOFError:
        return False


def _pick(game: Game, seat: str, answer: str, options: list[Option]) -> Move | None:
    """``13``, ``lift_weapons_restrictions``, ``13 ukraine``, ``warn north_korea``, ``warn north
    korea`` or ``commit to combat russia``: a number or an action, then perhaps a target by its
    id or its name."""
    text = " ".join(answer.replace("_", " ").split())
    names = names_of(game.world)
    aims = {k: t for t in targets_for(game.model, seat)
            for k in (t.replace("_", " "), names.actor(t).lower())}  # fmt: skip
    head, target = text, None
    for key in sorted(aims, key=len, reverse=True):
        if text.endswith(f" {key}"):
            head, target = text[: -len(key) - 1], aims[key]
            break
    if head.isdigit() and 1 <= int(head) <= len(options):
        return options[int(head) - 1].action, target
    action = head.replace(" ", "_")
    return next(((o.action, target) for o in options if o.action == action), None)


def show_end(game: Game, write: Write) -> None:
    """Why the game ended, the last turn and the milestones reached."""
    write(f"\n{'=' * 78}\nGame over after {game.turn} turns: {game.end_reason}.\nLast turn:")
    rows = turn_rows(game.model, game.turn)
    moves = moves_of_turn(game.model, frozenset(game.setup.seats))
    for text in [f"INJECT: {t}" for t in injects_of(rows)] + moves:
        if not text.startswith("MILESTONE"):
            for line in wrap(text):
                write(line)
    write("\nMilestones reached:")
    steps = game.model.milestone_steps
    reached = sorted(((n, s) for n, s in steps.items() if s is not None), key=lambda x: x[1])
    for name, step in reached:
        when = f"turn {step} ({turn_dates(game.world, step)})" if step else "at the start"
        for line in wrap(f"{when}: {milestone_why(game.model, name)}"):
            write(line)
    if not reached:
        write("  none")


def save_all(game: Game, save_path: Path, out_dir: Path) -> None:
    """Save the choices, refresh the results tables and the transcript."""
    game.save(save_path)
    game.write_results(out_dir)
    write_atomic(out_dir / "transcript.md", transcript(game))


def transcript(game: Game) -> str:
    """Every turn in words: injects, moves with reasons (markdown)."""
    lines = [f"# {game.world.title}: transcript", "",
             f"Seats: {', '.join(seat_names(game))}; seed {game.setup.seed}; "
             f"{game.turn} of {game.setup.steps} turns played.", ""]  # fmt: skip
    for step in range(1, game.turn + 1):
        rows = turn_rows(game.model, step)
        lines += [f"## Turn {step} ({turn_dates(game.world, step)})", ""]
        lines += [f"- {describe(game.world, r)}" for r in rows] + [""]
    return "\n".join(lines)
