"""A contested theatre: the Lanchester exchange between its two sides and who holds the ground."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from sim.abm.forces import ForceAgent
from sim.domain.combat import control_change, linear_law, square_law
from sim.domain.params import AttritionLaw, CombatParams
from sim.domain.ties import Ties


@dataclass
class ContestedTheatre:
    """A theatre where ``holder`` holds a salient on ``owner``'s territory.

    Each turn the units in combat on the two sides fight by Lanchester's law; the holder fires
    with the defender's advantage. The holder's control then moves with the effective force
    ratio (``control_change``); at zero control the holder's units withdraw.
    """

    id: str
    owner: str
    holder: str
    control: float
    units: list[ForceAgent] = field(default_factory=list)

    def involves(self, actor: str) -> bool:
        return (
            self.owner == actor
            or self.holder == actor
            or any(u.actor_id == actor for u in self.units)
        )

    def sides(self, ties: Ties) -> tuple[list[ForceAgent], list[ForceAgent]]:
        """Units in combat with strength left: (owner's side, holder's side)."""
        owner_side, holder_side = [], []
        for u in self.units:
            if not u.in_combat or u.strength <= 0:
                continue
            side = ties.side_of(u.actor_id, self.owner, self.holder)
            if side == "owner":
                owner_side.append(u)
            elif side == "holder":
                holder_side.append(u)
        return owner_side, holder_side

    def fight(self, ties: Ties, p: CombatParams, days: float, rng: np.random.Generator,
              multipliers: Mapping[str, float] | None = None) -> None:  # fmt: skip
        """One turn of attrition and movement of the line; sets every unit's ``losses``.

        ``multipliers[actor]`` scales that actor's units' fire (supplies, lifted restrictions,
        logistics); missing actors fight at 1.0.
        """
        for u in self.units:
            u.losses = 0.0
        att, dfn = self.sides(ties)
        if not att or not dfn:
            return
        m = multipliers or {}
        x, qx = self._totals(att, m)
        y, qy = self._totals(dfn, m)
        noise_x = math.exp(p.noise * rng.standard_normal()) if p.noise else 1.0
        noise_y = math.exp(p.noise * rng.standard_normal()) if p.noise else 1.0
        rate = p.attrition_rate
        if p.law is AttritionLaw.linear:
            rate /= p.linear_reference_strength
        a = rate * qy * p.defender_advantage * noise_y  # holder's fire on the owner's side
        b = rate * qx * noise_x  # owner's fire on the holder's side
        law = square_law if p.law is AttritionLaw.square else linear_law
        x1, y1 = law(x, y, a, b, days)
        _share_losses(att, x, x1)
        _share_losses(dfn, y, y1)
        attacker = x1 * qx
        defender = y1 * qy * p.defender_advantage
        weeks = days / 7.0
        delta = control_change(attacker, defender, p.breakthrough_ratio, p.control_rate) * weeks
        self.control = min(1.0, max(0.0, self.control + delta))
        if self.control <= 0.0:
            for u in dfn:
                u.in_combat = False

    def _totals(self, units: list[ForceAgent], m: Mapping[str, float]) -> tuple[float, float]:
        total = sum(u.strength for u in units)
        quality = sum(u.strength * u.quality * m.get(u.actor_id, 1.0) for u in units)
        return total, quality / total


def _share_losses(units: list[ForceAgent], before: float, after: float) -> None:
    """Spread a side's losses over its units in proportion to their strength."""
    if before <= 0:
        return
    keep = after / before
    for u in units:
        u.losses = u.strength * (1.0 - keep)
        u.strength *= keep
