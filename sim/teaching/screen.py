"""The terminal game's screen: one turn on one 80x24 screen, details on request.

The first screen of a turn shows, top to bottom: the turn and the week it covers, what is new
this turn (injects, the white cell's rulings), last turn (every actor's move with its target,
your own move always, with the reason when it was played as a hold, everyone who held, the
milestones reached and why), where everyone stands, then the seat's moves in three columns and
the prompt. A move that is not possible now is marked ``✗`` and the line under the moves says
what it lacks, before the player chooses. Text is wrapped, never cut: when a turn has more than
the screen holds, whole items give way to a "+N more" line pointing at the details a player can
ask for (``d`` last turn in full with reasons, ``l`` ladder, ``f`` forces, ``b`` own doctrine).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from sim.teaching.explain import blocked, lacks_in_words, main_adversary, milestone_why
from sim.teaching.turns import (
    Option,
    actor_name,
    force_lines,
    ladder_lines,
    last_turn_lines,
    moves_of_turn,
    news_lines,
    targets_for,
    turn_dates,
    turn_header,
    words,
)  # fmt: skip

if TYPE_CHECKING:
    from sim.teaching.game import Game

WIDTH = 78
SCREEN = 23  # lines above the prompt on an 80x24 terminal
MARK = "✗"
HELP = "number or action [target]; d details, l ladder, f forces, b doctrine, q quit"


def wrap(text: str, indent: str = "  ", width: int = WIDTH) -> list[str]:
    """``text`` wrapped at ``width`` (continuation lines indented two more), never cut."""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_on_hyphens=False, break_long_words=False) or [indent]  # fmt: skip


def turn_screen(game: Game, seat: str, options: list[Option]) -> list[str]:
    """The first screen of a turn for ``seat``: ``first_screen`` above the seat's ``menu``,
    with the help line when the screen has room for it (the help follows a wrong answer too)."""
    moves = menu(game, seat, options)
    top = first_screen(game, below=len(moves))
    return top + moves + ([HELP] if len(top) + len(moves) < SCREEN else [])


def first_screen(game: Game, below: int = 11) -> list[str]:
    """The turn's header, what is new, last turn and the ladder, in the lines an 80x24 screen
    has left above ``below`` lines of menu (whole items only; the rest behind ``d``)."""
    m = game.model
    header = [f"== {turn_header(m, game.setup.steps)} =="]
    ladder = textwrap.wrap("LADDER: " + " · ".join(f"{a.spec.name} {a.rung}" for a in
                           sorted(m.actor_list, key=lambda a: -a.rung)), WIDTH)  # fmt: skip
    room = SCREEN - below - len(header) - len(ladder)
    last = moves_of_turn(m, frozenset(game.setup.seats), short=True) if m.steps else []
    wanted = sum(len(wrap(line)) for line in last) or 1
    news = _section("NEW THIS TURN:", news_lines(m), room - min(wanted, 4), "nothing")
    empty = "none yet (the game starts now)" if not m.steps else "nothing"
    return header + news + _section("LAST TURN:", last, room - len(news), empty) + ladder


def _section(title: str, texts: list[str], room: int, empty: str) -> list[str]:
    """``title`` with its first item on the same line, then as many whole items as fit in
    ``room`` lines, then a line saying how many wait behind ``d``."""
    if not texts:
        return [f"{title} {empty}"]
    items = [wrap(f"{title} {texts[0]}", indent="")] + [wrap(t) for t in texts[1:]]
    out: list[str] = []
    for i, item in enumerate(items):
        left = len(items) - i
        if len(out) + len(item) > room - (1 if left > 1 else 0):
            more = f"... +{left} more (type d)"
            return out + [f"  {more}" if out else f"{title} {more}"]
        out += item
    return out


def menu(game: Game, seat: str, options: list[Option]) -> list[str]:
    """The seat's moves in three columns under a header naming its targets (``✗``: not possible
    now), then what the marked moves lack."""
    m = game.model
    agent = m.actor_agents[seat]
    main = main_adversary(m, seat)
    aims = ", ".join(actor_name(game.world, t) for t in targets_for(m, seat)) or "nobody"
    default = f" (default {actor_name(game.world, main)})" if main else ""
    out = wrap(f"--- {agent.spec.name}, your move. Targets: {aims}{default}",
               indent="")  # fmt: skip
    stops = {o.action: blocked(m, seat, o.action) for o in options}
    cells = [f"{i:>2}{MARK if stops[o.action] else ' '}{words(o.action)}"
             for i, o in enumerate(options, start=1)]  # fmt: skip
    out += _columns(cells, 3)
    numbers = {o.action: i for i, o in enumerate(options, start=1)}
    return out + _why_marked(game, [b for b in stops.values() if b], numbers)


def _columns(cells: list[str], n: int) -> list[str]:
    """``cells`` down ``n`` columns, each as wide as its longest cell."""
    rows = -(-len(cells) // n)
    cols = [cells[c * rows : (c + 1) * rows] for c in range(n)]
    widths = [max(map(len, col), default=0) + 2 for col in cols]
    return ["".join(f"{col[r]:<{w}}" for col, w in zip(cols, widths, strict=True) if r < len(col))
            .rstrip() for r in range(rows)]  # fmt: skip


def _why_marked(game: Game, stops: list, numbers: dict[str, int]) -> list[str]:
    """One wrapped line: the marked moves grouped by what they lack toward the default target,
    and where a marked move would be possible instead."""
    if not stops:
        return []
    groups: dict[str, list[int]] = {}
    for b in stops:
        for need in b.lacks:
            groups.setdefault(lacks_in_words(game.world, b.target, [need], short=True),
                              []).append(numbers[b.action])  # fmt: skip
    elsewhere: dict[str, list[int]] = {}
    for b in stops:
        if b.open_toward:
            aims = " or ".join(actor_name(game.world, t) for t in b.open_toward)
            elsewhere.setdefault(f"possible toward {aims}", []).append(numbers[b.action])
    parts = [
        f"{' '.join(map(str, nums))} {why}" for why, nums in [*groups.items(), *elsewhere.items()]
    ]
    return wrap(f"{MARK} not possible now (a hold): " + " · ".join(parts), indent="")


def details(game: Game, seat: str, key: str) -> list[str]:
    """What a player asked for: last turn in full (d), ladder (l), forces (f), doctrine (b);
    long lines wrapped."""
    m = game.model
    if key == "d":
        news = [w for line in news_lines(m) for w in wrap(line)]
        out = ["New this turn:", *(news or ["  nothing"])]
        if not m.steps:
            return [*out, "Last turn: none yet (the game starts now)"]
        seats = frozenset(game.setup.seats)
        last = last_turn_lines(m, everyone=True, viewer=seats)
        reached = [f"MILESTONE: {milestone_why(m, k)}" for k, s in m.milestone_steps.items()
                   if s == m.steps]  # fmt: skip
        head = f"Turn {m.steps} ({turn_dates(game.world, m.steps)}) in full, with the reasons " \
               "for your own moves:"  # fmt: skip
        return [*out, *wrap(head, indent=""), *(w for x in [*last, *reached] for w in wrap(x))]
    if key == "l":
        return ["The escalation ladder:", *ladder_lines(m, frozenset(game.setup.seats))]
    if key == "f":
        return ["Forces:", *(w for line in force_lines(m) for w in wrap(line, indent=""))]
    spec = game.world.actors[seat]
    return [f"{spec.name}'s doctrine:"] + [
        w for d in spec.doctrine.values() for w in wrap(f"{d.reason} (then: {words(d.then)})")
    ]
