"""The model's agents: actors (states and alliances) and their force units (``forces.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import mesa

from sim.abm.forces import ForceAgent  # noqa: F401 - re-exported: the model's two agent kinds
from sim.abm.memo import by_identity
from sim.domain.ladder import standard_ladder
from sim.domain.rates import turn_probability
from sim.domain.rules import decide
from sim.domain.scenario import Actor
from sim.domain.situation import Decision, DoctrineLine, Situation

if TYPE_CHECKING:
    from sim.abm.world import World


class ActorAgent(mesa.Agent):
    """A state or alliance. Each turn it reads its situation and makes one move toward one of
    the actors it deals with, by its rule set.

    Its doctrine (from the scenario) comes first; the configured fallback rule (Richardson's
    action-reaction, tit for tat, ...) decides when no doctrine entry fires. A human seat
    replaces the rule with the player's choice. Besides its dispositions (risk tolerance,
    escalation propensity, grievance) it carries what moves make of it: the sustainment and
    logistics indices (1 = normal) that sanctions and strikes lower, the fire and mobilisation
    multipliers that supplies raise, war weariness and its perceived risk of nuclear war.
    """

    def __init__(self, model: mesa.Model, actor_id: str, spec: Actor, days: float):
        super().__init__(model)
        ladder = standard_ladder()
        self.world: World | None = None  # set by the model once the world exists
        self.actor_id = actor_id
        self.spec = spec
        self.initial_rung = ladder.index(spec.initial_rung)
        self.max_rung = ladder.index(spec.max_rung)
        self.peak_rung = max(
            [self.initial_rung, *(ladder.index(r) for r in spec.postures.values())]
        )
        self.risk_tolerance = spec.risk_tolerance
        self.escalation_propensity = spec.escalation_propensity
        self.grievance = spec.grievance
        self.spent: set[str] = set()
        self.doctrine = doctrine_lines(spec, days)
        self.sustainment = 1.0
        self.logistics = 1.0
        self.fire = 1.0
        self.mobilisation = 1.0
        self.weariness = 0.0
        self.perceived_risk = 0.0
        self.weekly_losses = 0.0  # share of committed strength lost, per week, last turn

    @property
    def rung(self) -> int:
        """The actor's overall rung: its highest posture toward anyone."""
        return self.world.rung(self.actor_id)

    def decide(self, situation: Situation) -> Decision:
        """The actor's move this turn, by its rule set."""
        return decide(situation, self.model.rules, self.model.random)

    def state(self) -> tuple:
        """The actor's changing values (for comparing worlds)."""
        return (self.risk_tolerance, self.escalation_propensity, self.grievance,
                self.sustainment, self.logistics, self.fire, self.mobilisation,
                self.weariness, self.perceived_risk, tuple(sorted(self.spent)))  # fmt: skip


def doctrine_lines(spec: Actor, days: float) -> tuple[DoctrineLine, ...]:
    """The actor's doctrine entries as rule-ready lines for turns of ``days``, in order (worked
    out once per scenario actor and turn length)."""
    cache = _lines_by_days(spec)
    if days not in cache:
        ladder = standard_ladder()
        cache[days] = tuple(
            DoctrineLine(
                id=eid,
                when=e.when,
                action=e.then,
                rung=ladder.rung_of(e.then),
                reason=e.reason,
                target=e.target,
                probability=e.probability,
                once=e.once,
                turn_probability=turn_probability(e.probability, days),
            )
            for eid, e in spec.doctrine.items()
        )
    return cache[days]


@by_identity
def _lines_by_days(spec: Actor) -> dict[float, tuple[DoctrineLine, ...]]:
    return {}
