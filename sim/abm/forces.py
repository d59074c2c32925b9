"""Force units: personnel strength and quality in a theatre, in combat or not."""

from __future__ import annotations

import mesa

from sim.domain.scenario import Force


class ForceAgent(mesa.Agent):
    """A military unit: personnel strength and quality in a theatre, in combat or not.

    Each turn it refills ``replenishment`` of its initial strength a week (times the supply
    factor the model passes: sustainment x logistics x mobilisation), never above its
    establishment (the initial strength plus reinforcements); losses come from the theatre's
    Lanchester exchange and are kept in ``losses`` for the turn.
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
        self.covert = spec.covert
        self.losses = 0.0

    def replenish(self, days: float, supply: float = 1.0) -> None:
        """Refill toward the establishment at the weekly replenishment rate x ``supply``."""
        if self.replenishment > 0 and self.strength > 0:
            refill = self.replenishment * self.initial_strength * supply * days / 7.0
            self.strength = min(self.establishment, self.strength + refill)

    def reinforce(self, personnel: float) -> None:
        """Add personnel; the unit's establishment grows with them, so replenishment keeps them."""
        self.strength += personnel
        self.establishment += personnel
