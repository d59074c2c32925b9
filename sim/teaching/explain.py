"""Why, in words: why a move is not possible now, why a chosen move became a hold, and why a
milestone counts as reached. Shared by the terminal game and the pages built on ``turns``.

- A ladder action needs its means toward its target (``requires`` in
  ``sim/domain/data/actions.yaml``, checked by ``sim.abm.perception.missing``); the model plays a
  move whose means are missing as a hold and logs what it lacked. Each requirement is said here
  once, in words, so the menu (before the choice) and last turn (after it) give the same reason.
- A milestone is reached by its definition, not by what its short description suggests: a
  ``rung_reached`` milestone counts any actor standing *at or above* its rung, so a nuclear strike
  also reaches "forces in combat" without any unit fighting. The words say which posture reached
  it and whether the actor's units were in fact in combat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sim.abm.perception import missing, situation_of
from sim.analysis.names import names_of, rung_name
from sim.domain.actions import action_table
from sim.domain.ladder import standard_ladder
from sim.domain.milestones import PostureReached, RungReached

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel
    from sim.domain.scenario import Scenario

# What an action lacks toward target {t}, per requirement of actions.yaml: (short, for the
# menu; in full, for the reason of a hold). Impersonal, so they serve "you" and a named actor.
LACKS = {
    "nuclear": ("no nuclear weapons", "no nuclear weapons"),
    "belligerent": ("not a belligerent vs {t}",
                    "not a belligerent against {t} (no war with it, no units fighting its side, "
                    "no co-belligerent declaration against it by self or an ally)"),
    "units_facing": ("no units facing {t}", "no own units facing {t}'s side on a front"),
    "partner_units": ("no partner units near",
                      "no treaty partner's idle units in its theatres"),
    "recipients": ("no one to arm vs {t}",
                   "no one it supplies (or any non-adversary) is fighting {t}"),
    "restricted_supplies": ("nothing restricted to lift",
                            "no supplies left whose use is restricted"),
    "own_units": ("no own units", "no units of its own"),
}  # fmt: skip

COMBAT = standard_ladder().index("combat")
SIGNALLING = standard_ladder().index("nuclear_signalling")
_HELD = re.compile(r"^cannot (?P<action>.+?) toward (?P<target>\S+): (?P<why>.+)$")


def lacks_in_words(world: Scenario, target: str, lacks: list[str] | tuple[str, ...],
                   short: bool = False) -> str:  # fmt: skip
    """The missing requirements toward ``target`` in words (``a; b``), short for the menu."""
    t = names_of(world).actor(target)
    plain = [LACKS.get(r, (r.replace("_", " "),) * 2)[0 if short else 1] for r in lacks]
    return "; ".join(text.format(t=t) for text in plain)


def main_adversary(model: EscalationModel, actor: str) -> str | None:
    """Whom a bare move of ``actor`` aims at this turn: the actor it sees standing highest
    against it (the model's ``Situation.adversary``), else its first target."""
    agent = model.actor_agents[actor]
    seen = situation_of(model.state, agent, model.outlook(agent), flags=False).adversary
    targets = list(model.state.postures.get(actor, {}))
    return seen or (targets[0] if targets else None)


@dataclass(frozen=True)
class Blocked:
    """A move not possible now toward the default target: what it lacks there, and the
    targets it is possible toward (if any)."""

    action: str
    target: str
    lacks: tuple[str, ...]
    open_toward: tuple[str, ...]


def blocked(model: EscalationModel, actor: str, action: str,
            target: str | None = None) -> Blocked | None:  # fmt: skip
    """Whether ``action`` by ``actor`` toward ``target`` (default: the main adversary) would be
    played as a hold, and why; None when it is possible (or needs nothing)."""
    spec = action_table().get(action)
    targets = list(model.state.postures.get(actor, {}))
    target = target or main_adversary(model, actor)
    if spec is None or not spec.requires or target not in targets:
        return None
    w = model.state
    lacks = missing(w, actor, target, action)
    if not lacks:
        return None
    others = tuple(t for t in targets if t != target and not missing(w, actor, t, action))
    return Blocked(action, target, tuple(lacks), others)


def held_because(world: Scenario, reason: str, short: bool = False) -> str | None:
    """A hold the model logged for a move it could not play ("cannot commit to combat toward
    russia: lacks belligerent, units_facing"), in words with names ("commit to combat toward
    Russia was not possible, so it was a hold: not a belligerent ..."), or None for any other
    reason."""
    m = _HELD.match(reason or "")
    if m is None:
        return None
    why = m["why"]
    if why.startswith("lacks "):
        lacks = [r.strip() for r in why.removeprefix("lacks ").split(",")]
        why = lacks_in_words(world, m["target"], lacks, short)
    target = names_of(world).actor(m["target"])
    return f"{m['action']} toward {target} was not possible, so it was a hold: {why}"


def definition(world: Scenario, milestone) -> str:
    """A milestone's definition in words (what the model tests), for any kind."""
    n, m = names_of(world), milestone
    who = " or ".join(n.actor(a) for a in getattr(m, "actors", []) or []) or "anyone"
    rung = rung_name(standard_ladder().index(m.rung)) if hasattr(m, "rung") else ""
    words = {
        "units_in_combat": f"a unit of {who} is in combat",
        "declaration": f"{who} declared {n.actor(getattr(m, 'target', ''))} a co-belligerent",
        "restrictions_lifted": f"a supplier of {n.actor(getattr(m, 'target', ''))} lifted the "
                               "restrictions on the use of what it supplies",
        "rung_reached": f"{who} at {rung} or higher toward anyone",
        "posture_reached": f"{who} at {rung} or higher toward {n.actor(getattr(m, 'target', ''))}",
        "control_below": f"the holder's control of {n.theatre(getattr(m, 'theatre', ''))} is "
                         f"under {getattr(m, 'below', 0):.0%}",
        "action_taken": f"{who} took the action {str(getattr(m, 'action', '')).replace('_', ' ')}",
        "all_at_most": f"every one of {who} at {rung} or lower",
        "ceasefire": "a ceasefire between "
                     f"{' and '.join(n.actor(p) for p in getattr(m, 'parties', []))} is in force",
    }  # fmt: skip
    return words.get(m.kind, m.kind)


def milestone_why(model: EscalationModel, name: str) -> str:
    """Milestone ``name`` in words: its description, its definition (what the model tests) and,
    for a rung milestone, the posture that reached it; when that posture is above the rung, say
    that no fighting is implied unless the actor's units were in fact in combat."""
    world, m = model.world, model.world.milestones[name]
    step = model.milestone_steps.get(name)
    n = names_of(world)
    text = f"{m.description} ({definition(world, m)})"
    if step is None or not isinstance(m, RungReached | PostureReached):
        return text
    floor = standard_ladder().index(m.rung)
    who = set(m.actors) or set(world.actors)
    target = getattr(m, "target", None)
    rows = [r for r in model.recorder.postures if r[1] == step and r[3] in who
            and r[5] >= floor and target in (None, r[4])]  # fmt: skip
    if not rows:
        return text
    _, _, _, actor, toward, rung, _ = max(rows, key=lambda r: r[5])
    stood = f"{text}: {n.actor(actor)} stood at {rung_name(rung)} toward {n.actor(toward)}"
    if rung == floor:
        return stood
    stood += f", above {rung_name(floor)}: the milestone counts any posture at or above its rung"
    if not COMBAT <= floor < SIGNALLING:  # a milestone of fighting reached by a higher rung
        return stood
    if any(r[1] == step and r[4] == actor and r[7] for r in model.recorder.forces):
        return f"{stood}; {n.actor(actor)}'s units were in combat"
    return f"{stood}, not fighting: no {n.actor(actor)} unit was in combat"
