"""The Situation an actor decides on, read from the model only as far as its rule looks.

A rule reads a handful of a Situation's fields: Richardson's rule about ten, a doctrine only the
flags its conditions name. Building every field for every actor every turn was a third of a
replicate's cost, so during the decision phase the model hands rules a ``LiveSituation``: the
cheap fields set at once, the others worked out on first read. All decisions of a turn are made
before any is applied, so a field read late has the same value as one read early; ``freeze``
gives the ordinary frozen ``Situation`` with every field.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from sim.abm.perception import (
    _any_in,
    _any_not_in,
    _fighting,
    _held,
    _idle,
    _main_adversary,
    _worst_control,
)
from sim.domain.situation import Situation, situation_from

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.model import EscalationModel

_EAGER = (
    "actor", "step", "own_rung", "max_rung", "own_rise", "adversary", "adversary_rung",
    "adversary_rise", "adversary_last_move", "max_adversary_rung", "risk_tolerance",
    "escalation_propensity", "grievance", "own_losses", "doctrine",
)  # fmt: skip


class LiveSituation:
    """An actor's Situation during one decision phase (same field names, read-only)."""

    __slots__ = (*_EAGER, "_model", "_agent", "_view")

    def __init__(self, model: EscalationModel, agent: ActorAgent):
        view = model.outlook(agent)
        main, last_move, top = _main_adversary(view.adversaries)
        self._model, self._agent, self._view = model, agent, view
        self.actor, self.step = agent.actor_id, model.steps
        self.own_rung, self.max_rung = agent.rung, agent.max_rung
        self.own_rise = agent.rung - agent.initial_rung
        self.adversary = main.actor_id if main else None
        self.adversary_rung = main.rung if main else 0
        self.adversary_rise = (main.rung - main.initial_rung) if main else 0
        self.adversary_last_move, self.max_adversary_rung = last_move, top
        self.risk_tolerance = agent.risk_tolerance
        self.escalation_propensity = agent.escalation_propensity
        self.grievance, self.own_losses = agent.grievance, agent.last_losses
        self.doctrine = agent.doctrine

    @property
    def spent(self) -> frozenset[str]:
        return frozenset(self._agent.spent)

    @property
    def own_control(self) -> float:
        return _worst_control(self._view.fronts) if self._view.fronts else 1.0

    @property
    def supplied_ally_control(self) -> float:
        fronts = self._view.supplied_fronts
        return min(map(_worst_control, fronts)) if fronts else 1.0

    @property
    def own_territory_occupied(self) -> bool:
        return _held(self._view.own_ground)

    @property
    def partner_forces_available(self) -> bool:
        return _idle(self._view.partner_units_near)

    @property
    def treaty_partner_attacked(self) -> bool:
        return _held(self._view.partner_ground)

    @property
    def adversary_partner_in_combat(self) -> bool:
        return _fighting(self._view.adversary_partner_units)

    @property
    def adversary_forces_in_combat(self) -> bool:
        return _fighting(self._view.adversary_units)

    @property
    def own_supplies_restricted(self) -> bool:
        return _any_not_in(self._view.restricted_supplies, self._model.lifted)

    @property
    def declared_co_belligerent(self) -> bool:
        return any(target == self.actor for _, target in self._model.declarations)

    @property
    def restrictions_lifted_against(self) -> bool:
        lifted = self._model.lifted
        return bool(lifted) and _any_in(self._view.supplies_to_adversaries, lifted)

    @property
    def own_forces_in_combat(self) -> bool:
        return _fighting(self._view.own_units)

    def freeze(self) -> Situation:
        """The frozen Situation with every field, as ``situation_of`` builds it."""
        return situation_from({f.name: getattr(self, f.name) for f in fields(Situation)})
