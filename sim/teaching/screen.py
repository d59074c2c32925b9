"""The terminal game's screen: one turn on one 80x24 screen, details on request.

The first screen of a turn shows, top to bottom: the turn, what is new this turn (injects, the
white cell's rulings), last turn's moves that changed something, where everyone stands, then the
seat's moves in three columns and the prompt. Long lists are cut with a "+N more" line pointing
at the details a player can ask for (``d`` last turn with reasons, ``l`` ladder, ``f`` forces,
``b`` own doctrine).
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from sim.domain.ladder import standard_ladder
from sim.teaching.turns import (
    Option,
    force_lines,
    ladder_lines,
    last_turn_lines,
    news_lines,
    targets_for,
    turn_header,
    words,
)  # fmt: skip

if TYPE_CHECKING:
    from sim.teaching.game import Game

WIDTH = 78
NEWS_LINES, LAST_LINES, COLUMNS = 4, 4, 3
HELP = "number or action [target]; d details, l ladder, f forces, b doctrine, q quit"


def clip(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def first_screen(game: Game) -> list[str]:
    """The turn's header, what is new, last turn and the ladder in at most 13 lines (one line
    per inject or move, cut at the screen's edge; ``d`` shows them whole)."""
    m = game.model
    out = [clip(f"== {turn_header(m, game.setup.steps)} ==")]
    news = news_lines(m)
    out.append("NEW THIS TURN:" if news else "NEW THIS TURN: nothing")
    out += _capped([clip(n, WIDTH - 2) for n in news], NEWS_LINES, "d")
    last = [line.split(". Why:")[0] for line in last_turn_lines(m) if not line.startswith("INJECT")]
    out.append("LAST TURN:" if m.steps else "LAST TURN: none yet (the game starts now)")
    out += _capped([clip(line, WIDTH - 2) for line in last] if m.steps else [], LAST_LINES, "d")
    out += textwrap.wrap("LADDER: " + " · ".join(f"{a.spec.name} {a.rung}" for a in
                         sorted(m.actor_list, key=lambda a: -a.rung)), WIDTH)[:2]  # fmt: skip
    return out


def _capped(lines: list[str], cap: int, key: str) -> list[str]:
    if len(lines) <= cap:
        return [f"  {line}" for line in lines]
    more = len(lines) - cap + 1
    return [f"  {line}" for line in lines[: cap - 1]] + [f"  ... +{more} more (type {key})"]


def menu(game: Game, seat: str, options: list[Option]) -> list[str]:
    """The seat's moves in three columns under a one-line header, then the help line."""
    agent = game.model.actor_agents[seat]
    label = standard_ladder().labels[agent.rung]
    out = [clip(f"--- {agent.spec.name}: your move. You stand at {agent.rung}: {label}")]
    cells = [clip(f"{i:>2} {words(o.action)}", WIDTH // COLUMNS - 1)
             for i, o in enumerate(options, start=1)]  # fmt: skip
    rows = -(-len(cells) // COLUMNS)
    for r in range(rows):
        row = [cells[r + c * rows] for c in range(COLUMNS) if r + c * rows < len(cells)]
        out.append("".join(f"{c:<{WIDTH // COLUMNS}}" for c in row).rstrip())
    aims = ", ".join(targets_for(game.model, seat)) or "nobody"
    return out + [clip(f"Targets: {aims} (default: your main adversary)"), HELP]


def details(game: Game, seat: str, key: str) -> list[str]:
    """What a player asked for: last turn in full (d), ladder (l), forces (f), doctrine (b)."""
    m = game.model
    if key == "d":
        seats = frozenset(game.setup.seats)
        last = last_turn_lines(m, everyone=True, viewer=seats) if m.steps else []
        lines = [*news_lines(m), *last]
        return ["Last turn in full (reasons for your own moves):", *lines] if lines else ["(none)"]
    if key == "l":
        return ["The escalation ladder:", *ladder_lines(m, frozenset(game.setup.seats))]
    if key == "f":
        return ["Forces:", *force_lines(m)]
    spec = game.world.actors[seat]
    return [f"{spec.name}'s doctrine:"] + [f"  {d.reason} (then: {words(d.then)})"
                                          for d in spec.doctrine.values()]  # fmt: skip
