"""Force units: personnel strength and quality in a theatre, losses, and their replacement."""

from __future__ import annotations

import mesa

from sim.domain.rates import WEEK
from sim.domain.scenario import Force


class ForceAgent(mesa.Agent):
    """A military unit: personnel strength and quality in a theatre, in combat or not.

    Its losses come from the theatre's Lanchester exchange (``ContestedTheatre.fight`` sets
    ``losses``, the personnel lost in the last turn, every turn: 0 when not fighting). Losses are
    replaced from a finite ``reserve`` (personnel available to this unit) at a mobilisation rate:
    ``replenishment`` of the initial strength a week, times the supply factor the model passes in,
    never more than the reserve holds and never above the unit's establishment (its initial
    strength plus reinforcements). When the reserve is spent, losses show in full.

    A unit in combat is replenished inside its theatre's fight (see ``replenish``).

    Attributes the model reads: ``strength, initial_strength, establishment, quality, in_combat,
    replenishment, reserve, covert, losses``.
    """

    def __init__(self, model: mesa.Model, unit_id: str, spec: Force):
        super().__init__(model)
        self.unit_id = unit_id
        self.actor_id = spec.actor
        self.theatre = spec.theatre
        self.strength = float(spec.strength)
        self.initial_strength = float(spec.strength)
        self.establishment = float(spec.strength)
        self.quality = float(spec.quality)
        self.in_combat = spec.in_combat
        self.replenishment = spec.replenishment
        self.reserve = float(spec.reserve)
        self.covert = spec.covert
        self.losses = 0.0
        self.refilled_in_fight = False  # set by the theatre's fight, cleared by replenish
        self.supply = 1.0  # the supply factor of the last replenish call

    def replenish(self, days: float, supply: float = 1.0) -> float:
        """Replace losses over ``days`` from the reserve; returns the personnel added.

        Call it every turn after the fights; the unit keeps ``supply`` for its next fight. A
        unit that fought this turn was already replenished inside its theatre's exchange
        (``ContestedTheatre.fight``: half the turn's flow before the exchange, half after, so
        results do not depend on the turn length); for it this call only clears that mark.
        """
        self.supply = supply
        if self.refilled_in_fight:
            self.refilled_in_fight = False
            return 0.0
        return self.refill(days, supply)

    def refill(self, days: float, supply: float = 1.0, headroom: float = 0.0) -> float:
        """Add the mobilisation flow of ``days`` now; returns the personnel added.

        The flow is ``replenishment`` x initial strength per week x ``supply`` (1.0 = normal;
        sanctions and strikes on logistics lower it), limited by what is left in the reserve and
        by the room below the establishment (plus ``headroom``: the losses expected before the
        next check, which the theatre allows for and takes back with ``trim``). A destroyed unit
        (strength 0) is not rebuilt.
        """
        if self.strength <= 0 or self.replenishment <= 0 or supply <= 0:
            return 0.0
        flow = self.replenishment * self.initial_strength * supply * days / WEEK
        room = self.establishment + headroom - self.strength
        added = max(0.0, min(flow, self.reserve, room))
        self.strength += added
        self.reserve -= added
        return added

    def trim(self) -> None:
        """Send personnel above the establishment back to the reserve."""
        excess = self.strength - self.establishment
        if excess > 0:
            self.strength -= excess
            self.reserve += excess

    def reinforce(self, personnel: float) -> None:
        """Add personnel; the unit's establishment grows with them, so replenishment keeps them."""
        self.strength += personnel
        self.establishment += personnel
