"""What a team sees: the join form, and its seat's page (news first, then the move form).

A team sees what its actors would see: the injects and the white cell's rulings, every actor's
public moves of last turn, where everyone stands on the ladder, and only its own doctrine. The
page opens with what is new this turn, so nobody chooses before reading it; a move that crosses
one of Kahn's thresholds toward nuclear use is asked again with a confirmation box.
"""

from __future__ import annotations

from sim.teaching.classroom.layout import clock_html, e, form, lines, page, section, select
from sim.teaching.classroom.state import Classroom, Team
from sim.teaching.turns import (
    actor_name,
    ladder_lines,
    last_turn_lines,
    news_lines,
    options_for,
    targets_for,
    turn_header,
    words,
)


def join_page(title: str, error: str = "") -> str:
    """The start page: type the join code your instructor gave your team."""
    msg = f'<p class="error">{e(error)}</p>' if error else ""
    inner = (
        '<label for="code">Join code</label>'
        '<input type="text" name="code" id="code" autocomplete="off" autofocus>'
    )
    body = f"<h1>{e(title)}</h1>{msg}" + section("Join your team", form("/join", inner, "Join"))
    return page(f"Join: {title}", body)


def team_key(room: Classroom, team: Team, report_ready: bool) -> str:
    """What the team page shows changes only when this key changes."""
    return f"{room.public}:{int(room.submitted(team))}:{int(report_ready)}"


def team_page(
    room: Classroom,
    team: Team,
    now: float,
    report_ready: bool,
    asked: dict[str, tuple[str, str | None, str]] | None = None,
    error: str = "",
) -> str:
    """The team's seat; ``asked`` holds moves waiting for a confirmation (seat -> action,
    target, threshold)."""
    game, m = room.game, room.game.model
    names = ", ".join(actor_name(game.world, s) for s in team.seats)
    head = f"<h1>{e(team.name)}: you play {e(names)}</h1><p>{e(game.world.title)}</p>"
    if room.ended:
        body = head + end_section(room, report_ready) + _ladder(room, team)
        return page(team.name, body, "team", team_key(room, team, report_ready))
    parts = [head, f"<h2>{e(turn_header(m, game.setup.steps))}</h2>"]
    parts.append(
        section(
            "New this turn: read before you choose",
            lines(news_lines(m), "no injects this turn"),
            "news",
        )
    )
    parts.append(_move_section(room, team, asked or {}, error))
    last = last_turn_lines(m, viewer=frozenset(team.seats)) if m.steps else [game.world.title]
    parts.append(section("What happened last turn" if m.steps else "The situation", lines(last)))
    parts.append(_ladder(room, team))
    parts.append(_doctrine(room, team))
    parts.append('<p><a href="/brief">Your role brief</a></p>')
    clock = clock_html(room.clock.left(now), room.clock.running)
    return page(
        team.name, "".join(parts), "team", team_key(room, team, report_ready), clock, room.turn
    )


def _move_section(room: Classroom, team: Team, asked: dict, error: str) -> str:
    if room.submitted(team):
        done = [_move_words(room, s, *room.pending[s]) for s in team.seats]
        waiting = sum(1 for _, ok in room.status() if not ok)
        note = f'<p class="done">Submitted. Waiting for {waiting} other team(s) or the clock.</p>'
        return section("Your moves", note + lines(done), "move")
    inner = f'<p class="error">{e(error)}</p>' if error else ""
    for seat in team.seats:
        inner += _seat_fields(room, seat, asked.get(seat))
    return section("Your move", form("/team/move", inner, "Submit moves", "moves"), "move")


def _move_words(room: Classroom, seat: str, action: str, target: str | None) -> str:
    aim = actor_name(room.game.world, target) if target else "your main adversary"
    return f"{actor_name(room.game.world, seat)}: {words(action)} toward {aim}"


def _seat_fields(room: Classroom, seat: str, asked: tuple[str, str | None, str] | None) -> str:
    world, agent = room.game.world, room.game.model.actor_agents[seat]
    action, target = (asked[0], asked[1] or "") if asked else ("hold", "")
    opts = [(o.action, o.label) for o in options_for(agent)]
    targets = [
        ("", "your main adversary"),
        *((t, actor_name(world, t)) for t in targets_for(room.game.model, seat)),
    ]
    out = (
        f'<div class="seat"><h3>{e(agent.spec.name)} (now at: {e(m_label(agent.rung))})</h3>'
        f'<label for="action_{e(seat)}">Move</label>{select(f"action_{seat}", opts, action)}'
        f'<label for="target_{e(seat)}">Toward</label>'
        f"{select(f'target_{seat}', targets, target)}"
    )
    if asked:
        out += (
            f'<p class="warn">{e(words(action))} crosses Kahn\'s threshold '
            f"&ldquo;{e(asked[2])}&rdquo; on the way toward nuclear use. "
            f'<label><input type="checkbox" name="confirm_{e(seat)}" value="yes"> '
            "I confirm this move</label></p>"
        )
    return out + "</div>"


def m_label(rung: int) -> str:
    from sim.domain.ladder import standard_ladder

    return standard_ladder().labels[rung]


def _ladder(room: Classroom, team: Team) -> str:
    return section(
        "The escalation ladder now", lines(ladder_lines(room.game.model, frozenset(team.seats)))
    )


def _doctrine(room: Classroom, team: Team) -> str:
    """The team's own doctrine (never another actor's)."""
    items = []
    for seat in team.seats:
        spec = room.game.world.actors[seat]
        for entry in spec.doctrine.values():
            w = entry.when
            conds = w.model_dump(exclude_none=True) if hasattr(w, "model_dump") else dict(w)
            when = "; ".join(k.replace("_", " ") for k in conds)
            items.append(f"{spec.name}: when {when}, {words(entry.then)} ({entry.reason})")
    return section(
        "Your doctrine (what your government has said it will do)",
        lines(items, "no declared doctrine"),
    )


def end_section(room: Classroom, report_ready: bool) -> str:
    """The end screen: why the game ended, the milestones, the after-action review."""
    game = room.game
    reached = [(n, s) for n, s in game.model.milestone_steps.items() if s is not None]
    items = [f"turn {s}: {game.world.milestones[n].description}" for n, s in reached]
    link = (
        '<p><a href="/report">Open the after-action review</a></p>'
        if report_ready
        else '<p class="muted">The after-action review is being written...</p>'
    )
    inner = (
        f"<p><b>Game over after {game.turn} turns:</b> {e(room.ended)}</p>"
        f"<h3>Milestones reached</h3>{lines(items, 'none')}"
        f"<h3>Last turn</h3>{lines(last_turn_lines(game.model))}{link}"
    )
    return section("The end", inner, "end")
