"""Moves that lack what they need become holds, saying why.

A hold, a step down or a move without a target stands. Aid (arms, instructors, lifted
restrictions) toward an actor the mover holds no posture toward becomes a hold at the mover's
overall rung, since aid is aimed at an adversary and reaches whoever fights it; any other move
toward an actor it holds no posture toward stands (e.g. a declaration about a third party). A
move whose requirements (the actions table's ``requires``) the mover lacks toward its target
becomes a hold at its posture toward the target, naming what it lacks in the table's order. A
hold made here keeps the move's rule and target and names no doctrine entry. The batched
engine plays the same rule in ``sim.batch.feasible``.
"""

from __future__ import annotations

from sim.abm.perception import missing
from sim.abm.world import World
from sim.domain.actions import is_aid
from sim.domain.rules import HOLD, STEP_DOWN
from sim.domain.situation import Decision


def feasible(world: World, d: Decision) -> Decision:
    """The decision, or a hold saying what it lacks when its requirements are not met."""
    if d.action in (HOLD, STEP_DOWN) or d.target is None:
        return d
    if d.target not in world.postures[d.actor]:
        if not is_aid(d.action):
            return d  # e.g. a declaration about a third party: no posture to move
        why = (f"cannot {d.action.replace('_', ' ')} toward {d.target}: aid is aimed at an "
               "adversary and reaches whoever fights it")  # fmt: skip
        return Decision(d.actor, HOLD, world.rung(d.actor), d.rule, why, d.target, None)
    lacks = missing(world, d.actor, d.target, d.action)
    if not lacks:
        return d
    why = f"cannot {d.action.replace('_', ' ')} toward {d.target}: lacks {', '.join(lacks)}"
    return Decision(d.actor, HOLD, world.posture(d.actor, d.target), d.rule, why,
                    d.target, None)  # fmt: skip
