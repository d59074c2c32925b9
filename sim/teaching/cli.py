"""``wargame brief|play|app|classroom|report``: the classroom commands.

Each ``*_main(argv) -> int`` is called by ``sim/cli.py``; errors are WargameError and are
printed there. The options they share (``--exercise``, ``--as``, ``scenario=NAME``) and how a
game's setup is chosen from them are in ``sim.teaching.options``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sim.domain.errors import WargameError
from sim.files import check_output_folder
from sim.teaching.options import (
    add_seats,
    exercise_and_scenario,
    parse,
    parser,
    require_seats,
    setup_from,
)
from sim.teaching.world import find_exercise


def _stamp(kind: str, name: str) -> Path:
    """A new, empty folder ``outputs/KIND/DATE/TIME_NAME`` (``-2``, ``-3``... when a game
    started in the same second already took the name): created here, so no two games share it."""
    now = datetime.now()
    base = Path("outputs") / kind / f"{now:%Y-%m-%d}" / f"{now:%H-%M-%S}_{Path(name).stem}"
    base.parent.mkdir(parents=True, exist_ok=True)
    for n in range(1, 10_000):
        folder = base if n == 1 else base.with_name(f"{base.name}-{n}")
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue
    raise WargameError(f"no free results folder beside {base}")


def brief_main(argv: list[str]) -> int:
    """Write the student briefing (HTML and Markdown)."""
    from sim.teaching.brief import briefing, seed_text_of
    from sim.teaching.world import load_world

    p = parser("brief", "Write a role brief (--as ACTOR) or the instructor's brief (HTML, MD).")
    add_seats(p, "the actor(s) a team plays: its role brief (without --as: the instructor's brief)")
    p.add_argument("--out", type=Path, help="folder to write the brief into")
    args = parse(p, argv)
    exercise, scenario = exercise_and_scenario(args)
    world, path = load_world(scenario)
    out = args.out or Path("outputs") / "briefs" / world.name
    if args.seats:
        from sim.teaching.role_brief import role_brief
        from sim.teaching.world import check_seats

        seats = check_seats(world, args.seats)
        doc, stem = role_brief(world, seats, exercise), "brief_" + "_".join(seats)
    else:
        from sim.teaching.role_brief import instructor_part

        deck = exercise.deck if exercise and exercise.deck else None
        doc, stem = briefing(world, exercise, seed_text_of(world, path)), "briefing"
        instructor_part(doc, load_world(scenario, deck)[0] if deck else world, exercise)
    html_path, md_path = doc.write(out, stem)
    print(f"Brief written:\n  {html_path}\n  {md_path}")
    return 0


def _interruptible(main):
    """Ctrl-C before a game or a class has started: one line and exit code 130, no traceback."""

    def wrapped(*args, **kwargs) -> int:
        try:
            return main(*args, **kwargs)
        except KeyboardInterrupt:
            print("\nInterrupted.")
            return 130

    wrapped.__doc__, wrapped.__name__ = main.__doc__, main.__name__
    return wrapped


@_interruptible
def play_main(argv: list[str], ask=input, write=print) -> int:
    """Play a game in the terminal with one or more human seats (hot seat)."""
    from sim.teaching.game import Game
    from sim.teaching.play import play

    p = parser("play", "Play the scenario turn by turn with human seats.")
    add_seats(p, "an actor you play (repeat for several seats, hot seat)")
    p.add_argument(
        "--seed", type=int, help="the game's seed (same seed + same choices = same game)"
    )
    p.add_argument("--steps", type=int, help="number of turns")
    p.add_argument("--deck", help="an inject deck (YAML with injects:)")
    p.add_argument("--save", type=Path, help="file the choices are saved to after every turn")
    p.add_argument("--resume", type=Path, help="continue a saved game")
    p.add_argument("--out", type=Path, help="results folder (default outputs/play/...)")
    args = parse(p, argv)
    if args.resume:
        game = Game.load(args.resume)
        save, out = args.resume, check_output_folder(args.out or args.resume.parent, "--out")
        write(f"Resumed {args.resume} after turn {game.turn}.")
        return play(game, save, out, ask, write)
    setup = setup_from(args)
    require_seats(setup)
    game = Game(setup)
    out = args.out or (args.save.parent if args.save else _stamp("play", game.world.name))
    check_output_folder(out, "--out")  # before the game, not after it (a file in the way)
    return play(game, args.save or out / "game.json", out, ask, write)


def report_main(argv: list[str]) -> int:
    """Write the after-action review of a played game or any run folder."""
    from sim.teaching.report import write_report

    p = parser("report", "Write an after-action review (HTML and Markdown) for a results folder.")
    p.add_argument(
        "run_dir",
        type=Path,
        nargs="+",
        help="a played game's folder or any run folder; several: a class roll-up too",
    )
    p.add_argument(
        "--out", type=Path, help="folder to write report.html and report.md into (default: RUN_DIR)"
    )
    p.add_argument(
        "--ensemble", type=Path, help="a run folder of rule-driven games to compare with"
    )
    p.add_argument(
        "--replicates",
        type=int,
        default=60,
        help="size of the rule-driven ensemble run when none is given (default 60)",
    )
    args = parse(p, argv)
    from sim.limits import knob_problem

    problem = knob_problem("replicates", args.replicates)  # the same limits as a run's
    if problem:
        raise WargameError(f"--replicates {args.replicates}: {problem}")
    if args.out:
        check_output_folder(args.out, "--out")  # before any figure is drawn
    exercise = find_exercise(args.exercise) if args.exercise else None
    if len(args.run_dir) > 1 and args.out:
        raise WargameError(
            "--out goes with one folder; with several, each review goes into its own"
        )
    for run_dir in args.run_dir:
        out = args.out / "report.html" if args.out else None
        html_path = write_report(run_dir, out, args.ensemble, args.replicates, exercise)
        print(f"After-action review written:\n  {html_path}\n  {html_path.with_suffix('.md')}")
    if len(args.run_dir) > 1:
        from sim.teaching.report import write_class_rollup

        out = args.run_dir[0].parent / "class_rollup.html"
        html_path = write_class_rollup(args.run_dir, out)
        print(f"Class roll-up written:\n  {html_path}\n  {html_path.with_suffix('.md')}")
    return 0


@_interruptible
def classroom_main(argv: list[str]) -> int:
    """Serve a whole class from this laptop: teams in browsers, an instructor's console."""
    from sim.teaching.classroom import run

    p = parser("classroom", "Serve one shared game to a whole class over the room's network.")
    p.add_argument("--host", default="0.0.0.0", help="address to listen on (default: every "
                   "network of this laptop; 127.0.0.1 for this machine only)")  # fmt: skip
    p.add_argument("--port", type=int, default=8766)
    p.add_argument(
        "--team",
        action="append",
        default=[],
        metavar="NAME=ACTOR[,ACTOR]",
        help="a team and the actors it plays (repeat; default: the exercise's teams)",
    )
    p.add_argument("--turn-minutes", type=float, help="the turn clock (default: the exercise's)")
    p.add_argument("--seed", type=int, help="the game's seed")
    p.add_argument("--steps", type=int, help="number of turns")
    p.add_argument("--deck", help="an inject deck (YAML with injects:)")
    p.add_argument("--out", type=Path, help="folder the class is saved in (must not exist)")
    p.add_argument("--resume", type=Path, help="resume the class saved in this folder")
    p.add_argument("--review-replicates", type=int, default=run.REVIEW_REPLICATES,
                   help="rule-driven games the after-action review compares with")  # fmt: skip
    args = parse(p, argv)
    if args.resume:
        room = run.resume(args.resume)
        run.check_class({t.name: t.seats for t in room.teams}, 1.0, args.host, args.port)
    else:
        args.seats = []
        setup = setup_from(args)
        exercise = find_exercise(args.exercise) if args.exercise else None
        from sim.teaching.world import load_world

        world, _ = load_world(setup.scenario, setup.deck)
        teams = run.parse_teams(args.team, list(world.actors)) if args.team else (
            dict(exercise.teams) if exercise and exercise.teams
            else {world.actors[s].name: (s,) for s in setup.seats})  # fmt: skip
        minutes = args.turn_minutes
        if minutes is None:
            minutes = (exercise and exercise.turn_minutes) or run.DEFAULT_TURN_MINUTES
        run.check_class(teams, float(minutes), args.host, args.port)  # before any folder exists
        out = _new_folder(args.out) if args.out else _stamp("classroom", world.name)
        room = run.new_classroom(setup, teams, out, float(minutes),
                                 exercise.title if exercise else "")  # fmt: skip
    return run.serve(room, args.host, args.port, args.review_replicates)


def _new_folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True)
    except FileExistsError:
        raise WargameError(
            f"--out {path}: the folder exists; give a new one, or --resume it"
        ) from None
    return path


def app_main(argv: list[str]) -> int:
    """Serve the live web page on 127.0.0.1 (works offline)."""
    from sim.teaching.serve import serve

    p = parser("app", "Serve the classroom web page (Mesa SolaraViz) on 127.0.0.1.")
    p.add_argument(
        "--port", type=int, default=8765, help="port on 127.0.0.1 to serve on (default 8765)"
    )
    add_seats(p, "the actor played from the page")
    p.add_argument("--deck", help="an inject deck (YAML with injects:)")
    args = parse(p, argv)
    exercise, scenario = exercise_and_scenario(args)
    deck = args.deck or (
        str(exercise.deck) if exercise and args.exercise and exercise.deck else None
    )
    return serve(scenario, args.seats, deck, args.port)
