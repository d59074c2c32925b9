"""The model's agents: actors (states and alliances) and their force units."""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

from sim.abm.forces import ForceAgent  # noqa: F401  (re-exported: its home is sim.abm.forces)
from sim.abm.memo import by_identity
from sim.domain.ladder import standard_ladder
from sim.domain.rules import decide
from sim.domain.scenario import Actor
from sim.domain.situation import Decision, DoctrineLine, Situation

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel


class ActorAgent(mesa.Agent):
    """A state or alliance. Each turn it reads its situation and picks a rung by its rule set.

    Its doctrine (from the scenario) comes first; the configured fallback rule (Richardson's
    action-reaction, tit for tat, ...) decides when no doctrine entry fires. A human seat
    replaces the rule with the player's choice.
    """

    def __init__(self, model: EscalationModel, actor_id: str, spec: Actor):
        super().__init__(model)
        ladder = standard_ladder()
        self.actor_id = actor_id
        self.spec = spec
        self.initial_rung = ladder.index(spec.initial_rung)
        self.max_rung = ladder.index(spec.max_rung)
        self.rung = self.initial_rung
        self.peak_rung = self.rung
        self.last_move = 0
        self.risk_tolerance = spec.risk_tolerance
        self.escalation_propensity = spec.escalation_propensity
        self.grievance = spec.grievance
        self.spent: set[str] = set()
        self.last_losses = 0.0
        self.doctrine = doctrine_lines(spec)

    def decide(self, situation: Situation) -> Decision:
        """The actor's move this turn, by its rule set."""
        return decide(situation, self.model.rules, self.model.rng)

    def move_to(self, rung: int) -> None:
        """Stand on ``rung`` from now on (kept within the ladder and the actor's ceiling)."""
        rung = max(0, min(rung, self.max_rung))
        self.rung = rung
        self.peak_rung = max(self.peak_rung, rung)


@by_identity
def doctrine_lines(spec: Actor) -> tuple[DoctrineLine, ...]:
    """The actor's doctrine entries as rule-ready lines, in the scenario's order."""
    ladder = standard_ladder()
    return tuple(
        DoctrineLine(
            id=eid,
            when=e.when,
            action=e.then,
            rung=ladder.rung_of(e.then),
            reason=e.reason,
            target=e.target,
            probability=e.probability,
            once=e.once,
        )
        for eid, e in spec.doctrine.items()
    )
