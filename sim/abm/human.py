"""A player's move for a seat: the choice checked against the ladder and the seat's targets,
turned into the Decision a rule would have made (landing as every decision does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.domain.errors import WargameError
from sim.domain.ladder import standard_ladder
from sim.domain.rules import HOLD, STEP_DOWN, landing
from sim.domain.situation import Decision

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.world import World


def human_decision(world: World, agent: ActorAgent, action: str,
                   target: str | None = None) -> Decision:  # fmt: skip
    """A player's choice for ``agent`` as a Decision toward ``target`` (default: the actor's
    first target): hold, step down, or a ladder action, landing as every decision does."""
    ladder = standard_ladder()
    me = agent.actor_id
    targets = list(world.postures[me])
    target = target or (targets[0] if targets else None)
    if target is not None and targets and target not in targets:
        raise WargameError(
            f"{me} holds no posture toward {target!r}; targets: {', '.join(targets)}"
        )
    if action not in (HOLD, STEP_DOWN) and action not in ladder.actions:
        allowed = ", ".join([HOLD, STEP_DOWN, *sorted(ladder.actions)])
        raise WargameError(f"unknown action {action!r} for {me}; allowed: {allowed}")
    current = world.posture(me, target) if target in world.postures[me] else agent.rung
    rung_of = 0 if action in (HOLD, STEP_DOWN) else ladder.rung_of(action)
    if rung_of > agent.max_rung:
        raise WargameError(
            f"{action!r} is on rung {ladder.rung_ids[rung_of]}, above {me}'s highest "
            f"rung {ladder.rung_ids[agent.max_rung]}"
        )
    rung = landing(current, action, rung_of)
    why = {HOLD: "the player holds", STEP_DOWN: "the player steps down"}.get(
        action, "chosen by the player"
    )
    return Decision(me, action, rung, "human", why, target)
