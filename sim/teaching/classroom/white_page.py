"""The instructor's console (the white cell): every team's status and the controls of the game.

Its own URL (``/instructor``) and its own code. From here the instructor starts and pauses the
turn clock, plays the turn now (seats that have not submitted hold), fires a deck inject or
writes one live, overrides an adjudication with a reason that goes into the log, and ends the
game. The join codes of the teams are shown here to be read out or written on the board.
"""

from __future__ import annotations

from sim.domain.ladder import standard_ladder
from sim.teaching.classroom.layout import clock_html, e, form, lines, page, section, select, table
from sim.teaching.classroom.state import Classroom
from sim.teaching.classroom.team_page import end_section
from sim.teaching.turns import actor_name, ladder_lines, last_turn_lines, news_lines, turn_header


def login_page(title: str, error: str = "") -> str:
    msg = f'<p class="error">{e(error)}</p>' if error else ""
    inner = (
        '<label for="code">Instructor code</label>'
        '<input type="text" name="code" id="code" autocomplete="off" autofocus>'
    )
    return page(
        f"Instructor: {title}",
        f"<h1>{e(title)}: instructor</h1>{msg}" + form("/instructor", inner, "Open"),
    )


def white_key(room: Classroom, report_ready: bool) -> str:
    return f"{room.version}:{int(report_ready)}"


def console(room: Classroom, now: float, report_ready: bool, error: str = "") -> str:
    """The whole console."""
    game = room.game
    parts = [f"<h1>{e(room.title or game.world.title)}: white cell</h1>"]
    if error:
        parts.append(f'<p class="error">{e(error)}</p>')
    if room.ended:
        parts.append(end_section(room, report_ready))
    else:
        parts.append(f"<h2>{e(turn_header(game.model, game.setup.steps))}</h2>")
        parts += [_clock_controls(room), _teams(room), _injects(room), _override(room)]
        parts.append(section("End the game", form("/instructor/end", "", "End the game now")))
        parts.append(
            section(
                "New this turn (the teams see this)",
                lines(news_lines(game.model), "no injects this turn"),
                "news",
            )
        )
    if room.ended:
        parts.append(_teams(room))
    parts.append(
        section(
            "Last turn",
            lines(
                last_turn_lines(game.model, everyone=True)
                if game.turn
                else ["(no turn played yet)"]
            ),
        )
    )
    parts.append(section("The ladder", lines(ladder_lines(game.model))))
    parts.append(section("Class log (newest first)", lines(reversed(room.log[-40:]), "empty")))
    parts.append(f'<p class="muted">Saved in {e(room.folder)}</p>')
    clock = clock_html(room.clock.left(now), room.clock.running)
    return page(
        "White cell", "".join(parts), "instructor", white_key(room, report_ready), clock, room.turn
    )


def _clock_controls(room: Classroom) -> str:
    minutes = f"{room.clock.turn_seconds / 60:g}"
    start = (
        '<label for="minutes">Minutes per turn</label><input type="number" step="any" '
        f'min="0.05" max="120" name="minutes" id="minutes" value="{e(minutes)}">'
    )
    inner = (
        form("/instructor/clock/start", start, "Start the clock", "inline")
        + form("/instructor/clock/pause", "", "Pause the clock", "inline")
        + form("/instructor/advance", "", "Play the turn now", "inline")
    )
    return section("Turn clock", inner)


def _teams(room: Classroom) -> str:
    rows = [
        [
            t.name,
            ", ".join(actor_name(room.game.world, s) for s in t.seats),
            t.code,
            "submitted" if ok else "waiting",
        ]
        for t, ok in room.status()
    ]
    waiting = sum(1 for _, ok in room.status() if not ok)
    note = f"<p>{len(room.teams) - waiting} of {len(room.teams)} teams have submitted.</p>"
    return section("Teams", note + table(["Team", "Plays", "Join code", "This turn"], rows))


def _injects(room: Classroom) -> str:
    game = room.game
    left = [i for i in game.world.injects if i not in game.model.fired_injects]
    fire = ""
    if left:
        opts = [(i, f"{i}: {game.world.injects[i].text[:90]}") for i in left]
        fire = form("/instructor/fire", select("inject", opts), "Fire this inject now")
    write = (
        '<label for="text">Write a new inject (every team reads it this turn)</label>'
        '<textarea name="text" id="text" rows="2"></textarea>'
    )
    return section("Injects", fire + form("/instructor/write", write, "Send the inject"))


def _override(room: Classroom) -> str:
    world = room.game.world
    actors = [(a, spec.name) for a, spec in world.actors.items()]
    rungs = [(str(r.index), f"{r.index}: {r.label}") for r in standard_ladder().rungs]
    inner = (
        '<label for="actor">Actor</label>'
        + select("actor", actors)
        + '<label for="toward">Toward</label>'
        + select("toward", [("", "the actor it stands highest against"), *actors])
        + '<label for="rung">Stands on</label>'
        + select("rung", rungs)
        + '<label for="reason">Reason (goes into the log)</label>'
        '<input type="text" name="reason" id="reason" size="60">'
    )
    return section("Override the adjudication", form("/instructor/override", inner, "Override"))
