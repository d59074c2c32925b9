"""What a player sees each turn, in words: last turn's moves and injects, the state of the
ladder and the forces, and the moves open to a seat. Shared by the terminal game, the web page
and the after-action review, so all three tell the same story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sim.analysis.names import names_of, turn_start
from sim.domain.ladder import standard_ladder
from sim.domain.rules import HOLD, STEP_DOWN
from sim.teaching.explain import held_because, milestone_why

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.model import EscalationModel
    from sim.domain.scenario import Scenario

# Column positions in the recorder's decision rows (sim/abm/recorder.py DECISION_COLUMNS).
STEP, DATE, ACTOR, TARGET, ACTION, RUNG, RULE, REASON = 1, 2, 3, 4, 5, 6, 7, 8


@dataclass(frozen=True)
class Option:
    """One move open to a seat: the action, the rung it leads to, and a line for the menu."""

    action: str
    rung: int
    label: str


def words(action: str) -> str:
    """An action id in plain words (``supply_arms`` -> ``supply arms``)."""
    return action.replace("_", " ")


def actor_name(world: Scenario, actor: str | None) -> str:
    """An actor's display name (``sim.analysis.names``; ``world`` for injects that concern
    nobody in particular)."""
    return names_of(world).actor(actor) if actor else "world"


def turn_dates(world: Scenario, turn: int) -> str:
    """The week turn ``turn`` covers, ``28 Oct - 4 Nov 2024`` for turn 1 of a scenario starting
    on 28 October 2024: turn t runs from ``start_date + (t - 1)`` turn lengths to the next
    turn's start (``sim.analysis.names.turn_start``, the one rule), the day its events are dated."""
    first = turn_start(world.start_date, world.step_days, turn)
    last = turn_start(world.start_date, world.step_days, turn + 1)
    start = f"{first.day} {first:%b}" + (f" {first.year}" if first.year != last.year else "")
    return f"{start} - {last.day} {last:%b %Y}"


def options_for(agent: ActorAgent) -> list[Option]:
    """Hold, step down (above rung 0), then every ladder action up to the actor's ceiling."""
    ladder = standard_ladder()
    here = ladder.rungs[agent.rung].label
    opts = [Option(HOLD, agent.rung, f"hold (stay at {here})")]
    if agent.rung > 0:
        below = ladder.rungs[agent.rung - 1].label
        opts.append(Option(STEP_DOWN, agent.rung - 1, f"step down (to {below})"))
    for rung in ladder.rungs[: agent.max_rung + 1]:
        for action in rung.actions:
            lands = 0 if rung.index == 0 else max(rung.index, agent.rung)
            opts.append(
                Option(action, lands, f"{words(action)}  [rung {rung.index}: {rung.label}]")
            )
    return opts


def targets_for(model: EscalationModel, actor: str) -> list[str]:
    """Whom a move of ``actor`` can aim at: the actors it holds a posture toward."""
    from sim.teaching.turn_api import targets

    return targets(model, actor)


def threshold_crossed(agent: ActorAgent, action: str) -> str | None:
    """The Kahn threshold a move would cross on the way toward nuclear use, if any.

    A move that lands above one of Kahn's named thresholds the actor stands below must be
    confirmed by the player; the answer names the highest threshold crossed.
    """
    ladder = standard_ladder()
    lands = next((o.rung for o in options_for(agent) if o.action == action), agent.rung)
    crossed = [t.label for t in ladder.thresholds if agent.rung <= t.below < lands]
    return crossed[-1] if crossed else None


def end_reason(model: EscalationModel, total: int) -> str | None:
    """Why the game is over, in words, or None while it goes on: the exercise's last turn was
    played, or an actor used nuclear weapons (the top rung)."""
    top = standard_ladder().top
    users = [a.spec.name for a in model.actor_list if a.rung >= top]
    if users:
        return f"{', '.join(users)} used nuclear weapons in turn {model.steps}: the game ends"
    if model.steps >= total:
        return f"the exercise's {total} turns have been played"
    return None


def describe(world: Scenario, row: tuple, reason: bool = True) -> str:
    """One decision row as a sentence with its reason (``reason=False``: the move only, as a
    rival sees it)."""
    labels = standard_ladder().labels
    who = actor_name(world, row[ACTOR])
    if row[ACTION] == "inject":
        return f"INJECT ({row[RULE].removeprefix('inject:')}): {row[REASON]}"
    target = f" toward {actor_name(world, row[TARGET])}" if row[TARGET] else ""
    if row[ACTION] == "override":
        return f"WHITE CELL OVERRIDE: {row[REASON]}"
    rung = labels[row[RUNG]] if 0 <= row[RUNG] < len(labels) else "-"
    by = "player" if row[RULE] == "human" else row[RULE]
    move = f"{who}: {words(row[ACTION])}{target} -> {rung}"
    why = held_because(world, row[REASON]) or row[REASON]
    return f"{move}. Why: {why} ({by})" if reason else move


def turn_rows(model: EscalationModel, step: int) -> list[tuple]:
    """The decision rows (moves, injects, side effects) recorded in turn ``step``."""
    return [r for r in model.recorder.decisions if r[STEP] == step]


def injects_of(rows: list[tuple]) -> list[str]:
    """The texts of the injects among ``rows`` (each once)."""
    return list(dict.fromkeys(r[REASON] for r in rows if r[ACTION] == "inject"))


def news_lines(model: EscalationModel) -> list[str]:
    """What is new at the start of the coming turn: its injects and any white-cell override,
    shown to the players before they choose."""
    rows = turn_rows(model, model.steps + 1)
    lines = [f"INJECT: {t}" for t in injects_of(rows)]
    return lines + [describe(model.world, r) for r in rows if r[ACTION] == "override"]


def last_turn_lines(model: EscalationModel, everyone: bool = False,
                    viewer: frozenset[str] | None = None) -> list[str]:  # fmt: skip
    """Last turn in words: its injects, then every move that changed something (or all).

    With a ``viewer`` (the actors a team plays), only the viewer's own moves carry their
    reasons: a rival's move is public, its reasoning is not."""
    rows = turn_rows(model, model.steps)
    if not rows:
        return ["(no turn played yet)"]
    lines = [f"INJECT: {t}" for t in injects_of(rows)]
    for r in rows:
        if r[ACTION] != "inject" and (everyone or r[ACTION] != HOLD or r[RULE] == "human"):
            own = viewer is None or r[ACTOR] in viewer or r[ACTION] == "override"
            lines.append(describe(model.world, r, reason=own))
    return lines


def moves_of_turn(model: EscalationModel, seats: frozenset[str] = frozenset(),
                  short: bool = False) -> list[str]:  # fmt: skip
    """Last turn as a player reads it first: every move with its target (a move one actor's
    decision forced on another says by whom), the ``seats``' own moves always, with the reason
    when one was played as a hold, one line naming everyone who held, and the milestones
    reached with why (``short``: the hold's reason in a few words). Injects and reasons of
    rivals are not repeated here."""
    world, step = model.world, model.steps
    rows = [r for r in turn_rows(model, step) if r[ACTION] not in ("inject", "override")]
    own, lines, moved = [], [], set()
    for r in rows:
        mine = r[ACTOR] in seats
        if r[ACTION] == HOLD and not mine:
            continue
        moved.add(r[ACTOR])
        who = actor_name(world, r[ACTOR]) + (" (you)" if mine else "")
        held = held_because(world, r[REASON], short) if mine else None
        toward = f" toward {actor_name(world, r[TARGET])}" if r[TARGET] else ""
        by = r[RULE].removeprefix("effect:") if r[RULE].startswith("effect:") else None
        forced = f" (made by {actor_name(world, by)}'s move)" if by else ""
        line = f"{who}: {held}" if held else f"{who}: {words(r[ACTION])}{toward}{forced}"
        (own if mine else lines).append(line)
    lines = own + lines
    still = [actor_name(world, a.actor_id) for a in model.actor_list
             if a.actor_id not in moved and any(r[ACTOR] == a.actor_id for r in rows)]  # fmt: skip
    if still:
        lines.append(f"Held: {', '.join(still)}")
    reached = [m for m, s in model.milestone_steps.items() if s == step and step > 0]
    return lines + [f"MILESTONE: {milestone_why(model, m)}" for m in reached]


def ladder_lines(model: EscalationModel, viewer: frozenset[str] | None = None) -> list[str]:
    """Where every actor stands on the ladder, highest first (with a ``viewer``, only the
    viewer's own ceilings are shown)."""
    labels = standard_ladder().labels
    agents = sorted(model.actor_list, key=lambda a: -a.rung)
    return [f"{a.spec.name:<15} rung {a.rung}: {labels[a.rung]:<34}"
            + (f" (ceiling {labels[a.max_rung]})" if viewer is None or a.actor_id in viewer
               else "")
            for a in agents]  # fmt: skip


def force_lines(model: EscalationModel) -> list[str]:
    """Every unit (by its owner and the scenario's description of it) with its strength and
    status, then every contested theatre's control; names, never ids."""
    lines, names = [], names_of(model.world)
    for u in model.unit_list:
        status = "in combat" if u.in_combat else "not in combat"
        spec = model.world.forces.get(u.unit_id)
        what = spec.description if spec is not None and spec.description else None
        lines.append(f"{names.actor(u.actor_id)}: {what or u.unit_id.replace('_', ' ')} "
                     f"({names.theatre(u.theatre)}): {u.strength:,.0f} of "
                     f"{u.initial_strength:,.0f}, {status}")  # fmt: skip
    for t in model.contested:
        holder = actor_name(model.world, t.holder)
        lines.append(f"{names.theatre(t.id)}: {holder} holds {t.control:.0%} of its salient")
    return lines


def turn_header(model: EscalationModel, total: int) -> str:
    """``Turn 1 of 12: 28 Oct - 4 Nov 2024`` for the turn about to be played (``turn_dates``)."""
    turn = model.steps + 1
    return f"Turn {turn} of {total}: {turn_dates(model.world, turn)}"
