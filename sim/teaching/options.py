"""The options the classroom commands share, and how a game's setup is chosen from them.

Every command parses with ``Parser``, which raises WargameError (the project's message and the
usage) instead of exiting. ``--exercise`` names an exercise pack, ``--as ACTOR`` (repeatable)
the human seats, and ``scenario=NAME`` may be given Hydra-style among the options, as in the
rest of the CLI; any other bare argument is refused.

A new game's setup takes each value from the options given, else from the exercise pack, else
the defaults (``sim.teaching.game``); with no ``--as``, the pack's first seat is played, and the
pack's seats are checked against its scenario first. Commands that only read a scenario take
the one given, else the pack's, else the default, and the pack named after that scenario when
none is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sim.domain.errors import WargameError
from sim.teaching.world import DEFAULT_SCENARIO, Exercise, exercise_for, find_exercise


class Parser(argparse.ArgumentParser):
    """argparse that raises WargameError instead of exiting, so messages stay the project's."""

    def error(self, message: str):  # type: ignore[override]
        raise WargameError(f"{message}\n{self.format_usage().strip()}")


def parser(prog: str, description: str) -> Parser:
    """A command's parser, with the ``--exercise`` option every command takes."""
    p = Parser(prog=f"wargame {prog}", description=description)
    p.add_argument(
        "--exercise", help="an exercise pack: a name in scenarios/exercises/ or a folder"
    )
    return p


def add_seats(p: Parser, help_text: str) -> None:
    """The repeatable ``--as ACTOR`` option: the human seats."""
    p.add_argument(
        "--as", dest="seats", action="append", default=[], metavar="ACTOR", help=help_text
    )


def parse(p: Parser, argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``, accepting ``scenario=NAME`` tokens among the options."""
    args, rest = p.parse_known_args(argv)
    args.scenario = None
    for token in rest:
        key, sep, value = token.partition("=")
        if sep and key == "scenario" and value:
            args.scenario = value
        else:
            raise WargameError(f"unexpected argument {token!r}\n{p.format_usage().strip()}")
    return args


def exercise_and_scenario(args: argparse.Namespace) -> tuple[Exercise | None, str]:
    """The exercise pack (given, or the one named after the scenario) and the scenario to play."""
    exercise = find_exercise(args.exercise) if args.exercise else None
    scenario = args.scenario or (exercise.scenario if exercise else DEFAULT_SCENARIO)
    if exercise is None:
        exercise = exercise_for(Path(scenario).stem)
    return exercise, scenario


def setup_from(args: argparse.Namespace):
    """A new game's setup: the options given, else the exercise pack's, else the defaults."""
    from sim.teaching.game import DEFAULT_SEED, DEFAULT_STEPS, Setup

    exercise = find_exercise(args.exercise) if args.exercise else None
    ex_seats = list(exercise.seats) if exercise else []
    if ex_seats and not args.seats:
        from sim.teaching.world import check_seats, load_world

        world, _ = load_world(args.scenario or exercise.scenario)
        check_seats(world, ex_seats, f"{exercise.folder / 'exercise.yaml'}: seats:")
    return Setup(
        scenario=args.scenario or (exercise.scenario if exercise else DEFAULT_SCENARIO),
        seats=tuple(args.seats or ex_seats[:1]),
        seed=args.seed if args.seed is not None else (exercise and exercise.seed) or DEFAULT_SEED,
        steps=args.steps if args.steps is not None
        else (exercise and exercise.steps) or DEFAULT_STEPS,
        deck=args.deck or (str(exercise.deck) if exercise and exercise.deck else None),
        exercise=str(exercise.folder) if exercise else None,
    )  # fmt: skip


def require_seats(setup) -> None:
    """Refuse a game with no human seat, listing the actors there are to play."""
    if setup.seats:
        return
    from sim.teaching.world import load_world

    world, _ = load_world(setup.scenario)
    raise WargameError(
        f"choose the actor you play with --as ACTOR; allowed: {', '.join(world.actors)}"
    )
