"""Starting a class: a new game with its teams and codes, or a saved one resumed; then serving.

The codes are printed once at the start (and shown on the instructor's console); the folder the
class is saved in is printed with the command that resumes it after a restart.
"""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path

from sim.domain.errors import WargameError
from sim.teaching.classroom.state import Classroom, Clock, Team, new_code, resume
from sim.teaching.game import Game, Setup
from sim.teaching.turns import actor_name

DEFAULT_TURN_MINUTES = 8.0
REVIEW_REPLICATES = 60  # rule-driven games the after-action review compares the class with


def new_classroom(
    setup: Setup,
    teams: dict[str, tuple[str, ...]],
    folder: Path,
    turn_minutes: float,
    title: str = "",
) -> Classroom:
    """A new class: the game, one join code per team, an instructor's code, saved at once."""
    check_class(teams, turn_minutes)
    seats = [s for ss in teams.values() for s in ss]
    game = Game(Setup(**{**setup.__dict__, "seats": tuple(seats)}))
    codes: set[str] = set()
    while len(codes) < len(teams) + 1:
        codes.add(new_code())
    code_list = sorted(codes)
    room = Classroom(
        game,
        folder,
        [Team(n, s, c) for (n, s), c in zip(teams.items(), code_list, strict=False)],
        code_list[-1],
        Clock(turn_minutes * 60),
        title,
    )
    room.note(f"Turn 1: class opened with {len(teams)} teams")
    room.changed(turn_played=True)
    room.write_results()
    return room


def check_class(teams: dict[str, tuple[str, ...]], turn_minutes: float, host: str | None = None,
                port: int | None = None) -> None:  # fmt: skip
    """The class's teams and clock, and (given) that the address is free to listen on."""
    seats = [s for ss in teams.values() for s in ss]
    if not teams:
        raise WargameError("a class needs at least one team: --team NAME=ACTOR[,ACTOR]")
    if len(set(seats)) != len(seats):
        raise WargameError(f"--team: an actor is in two teams: {seats}")
    if not 0 < turn_minutes <= 120:
        raise WargameError(f"--turn-minutes {turn_minutes}: allowed: more than 0, at most 120")
    if host is None or port is None:
        return
    check_listen(host, port)


def check_listen(host: str, port: int) -> None:
    """That a server can listen on ``host:port``: a port from 1 to 65535 that is free there
    (the class and the web page, ``wargame app``, both check here before starting)."""
    if not 0 < port < 65536:
        raise WargameError(f"--port {port}: allowed: 1-65535")
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise WargameError(
                f"--host {host} --port {port}: cannot listen there ({exc.strerror}); "
                "give another --port"
            ) from None


def parse_teams(specs: list[str], allowed: list[str]) -> dict[str, tuple[str, ...]]:
    """``NAME=ACTOR[,ACTOR]`` options as a mapping of team name to actors (checked)."""
    teams: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        name, sep, actors = spec.partition("=")
        seats = tuple(a.strip() for a in actors.split(",") if a.strip())
        if not sep or not name.strip() or not seats:
            raise WargameError(f"--team {spec!r}: expected NAME=ACTOR[,ACTOR]")
        for a in seats:
            if a not in allowed:
                raise WargameError(
                    f"--team {spec!r}: no actor {a!r}; allowed: {', '.join(allowed)}"
                )
        teams[name.strip()] = seats
    return teams


def review_writer(replicates: int = REVIEW_REPLICATES):
    """The function that writes the after-action review into a finished class's folder."""

    def write(folder: Path) -> None:
        from sim.teaching.report import write_report

        write_report(folder, folder / "report.html", None, replicates)

    return write


def serve(room: Classroom, host: str, port: int, replicates: int = REVIEW_REPLICATES) -> int:
    """Run the class's server until Ctrl-C."""
    from sim.teaching.classroom.server import class_server, make_app

    app = make_app(room, review_writer(replicates))
    print(welcome(room, host, port), flush=True)
    server = class_server(app, host, port)
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl-C after a clean stop
        server.run()
    room.write_results()
    print(f"\nClass saved. Resume it with:\n  wargame classroom --resume {room.folder}", flush=True)
    return 0


def welcome(room: Classroom, host: str, port: int) -> str:
    """What the instructor reads at the start: addresses, codes, the folder, how to resume."""
    address = _lan_address() if host in ("0.0.0.0", "::") else host
    world = room.game.world
    teams = "\n".join(
        f"  {t.name:<16} code {t.code}   plays " + ", ".join(actor_name(world, s) for s in t.seats)
        for t in room.teams
    )
    return (
        f"wargame classroom: {room.title or world.title}\n"
        f"Students open   http://{address}:{port}/  and type their team's code:\n{teams}\n"
        f"Instructor:     http://{address}:{port}/instructor   code {room.instructor_code}\n"
        f"Saved in {room.folder} after every move and turn.\n"
        f"If the laptop restarts: wargame classroom --resume {room.folder}\n"
        "Ctrl-C stops the server (the class stays saved)."
    )


def _lan_address() -> str:
    """This machine's address on the room's network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


__all__ = ["new_classroom", "parse_teams", "resume", "serve", "welcome"]
