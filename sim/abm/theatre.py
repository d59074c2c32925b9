"""A contested theatre: the Lanchester exchange between its two sides and who holds the ground."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from sim.abm.forces import ForceAgent
from sim.domain.combat import (
    allocate_losses,
    control_change,
    linear_law,
    square_law,
    turn_noise_sigma,
)
from sim.domain.params import AttritionLaw, CombatParams
from sim.domain.rates import WEEK
from sim.domain.ties import Ties


@dataclass
class ContestedTheatre:
    """A theatre where ``holder`` holds a salient on ``owner``'s territory; ``control`` is the
    share of the salient it still holds (1.0 = all of it, 0.0 = lost).

    Each turn (``fight``) the units in combat on the two sides fight by Lanchester's law and the
    line moves with their combat power (strength x quality x the actor's multiplier):

    - Fire: each side's fire is attrition_rate x its combat power x a mean-one lognormal factor
      drawn each turn (spread ``noise`` a week, scaled to the turn by ``turn_noise_sigma``); the
      holder's fire is multiplied by ``defender_advantage``. The exchange is solved exactly over
      the turn, and each side's losses fall on its units by strength / quality.
    - Ground: control moves by ``control_change`` of the two sides' combat powers, averaged over
      the start and the end of the turn, times the turn's weeks.
    - One side absent: if only one side has units in combat, it advances at ``control_rate`` a
      week (the salient is retaken or expanded) instead of the line freezing.
    - At zero control the holder's units withdraw; the salient is lost, never held by nobody.

    The defender's advantage is applied once, in the fire: prepared positions make the holder's
    fire deadlier per soldier, so an attacker pays more for the same ground. It is not applied
    again to the combat power that moves the line, because the control rule already carries the
    defender's edge in ground: the attacker must exceed ``breakthrough_ratio`` times the
    defender's power to advance (the attacker's 3:1 rule of thumb).
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

    def fight(
        self,
        ties: Ties,
        p: CombatParams,
        days: float,
        rng: random.Random,
        multipliers: Mapping[str, float] | None = None,
        supply: Mapping[str, float] | None = None,
    ) -> None:
        """One turn of ``days``: attrition, losses per unit, and the movement of the line.

        ``multipliers[actor]`` scales that actor's units' fire and combat power (arms supplies,
        lifted restrictions, degraded logistics; a missing actor counts 1.0). Every unit of the
        theatre gets ``losses`` for the turn (0 when not fighting). The random draws are two
        standard normals per turn with both sides in combat, none otherwise.

        Units in an exchange are replenished during it, with ``supply[actor]`` as
        ``ForceAgent.refill``'s supply factor (without it, the factor the unit was last
        replenished with, 1.0 at first): half the turn's flow before the exchange, half after
        (symmetric splitting), so that losses and control do not depend on the turn length;
        ``ForceAgent.replenish`` then adds nothing for them this turn. If the salient falls
        within the turn, the fighting stops when it falls (see ``_battle``).
        """
        for u in self.units:
            u.losses = 0.0
        mult = multipliers or {}
        att, dfn = self.sides(ties)
        weeks = days / WEEK
        if att and dfn:
            weekly = self._battle(att, dfn, p, days, rng, mult, supply or {})
        elif att or dfn:  # one side alone advances at the full rate
            weekly = p.control_rate if dfn else -p.control_rate
        else:
            return
        self.control = min(1.0, max(0.0, self.control + weekly * weeks))
        if self.control <= 0.0:
            for u in self.units:
                if ties.side_of(u.actor_id, self.owner, self.holder) == "holder":
                    u.in_combat = False

    def _battle(
        self,
        att: list[ForceAgent],
        dfn: list[ForceAgent],
        p: CombatParams,
        days: float,
        rng: random.Random,
        mult: Mapping[str, float],
        supply: Mapping[str, float],
    ) -> float:
        """The turn's exchange; returns the weekly change of control.

        If the line would reach zero control within the turn, the salient falls at that point:
        the exchange is played again from the turn's start (same random factors) for the share
        of the turn before the fall, and the rest of the turn's replacements follow it.
        """
        x, px = _power(att, mult)
        y, py = _power(dfn, mult)
        a, b = _fire(p, days, rng, px / x, py / y)
        before = [(u, u.strength, u.reserve) for u in att + dfn]
        weekly = _exchange(att, dfn, p, days, a, b, mult, supply)
        weeks = days / WEEK
        if weekly >= 0 or self.control + weekly * weeks > 0:
            return weekly
        share = self.control / (-weekly * weeks)  # of the turn, before the salient falls
        for u, strength, reserve in before:
            u.strength, u.reserve = strength, reserve
        _exchange(att, dfn, p, days * share, a, b, mult, supply)
        for u in att + dfn:
            u.refill(days * (1 - share), supply.get(u.actor_id, u.supply))
        return -self.control / weeks


def _exchange(
    att: list[ForceAgent],
    dfn: list[ForceAgent],
    p: CombatParams,
    days: float,
    a: float,
    b: float,
    mult: Mapping[str, float],
    supply: Mapping[str, float],
) -> float:
    """Fight both sides for ``days`` with fire coefficients ``a`` and ``b``, replenishing them;
    returns the weekly change of control (averaged over the start and the end).

    Replenishment is split around the exchange (half the flow before, half after); the first
    half may exceed the establishment by the losses expected in the first half (from the loss
    rates at the start), the excess is trimmed at the end.
    """
    x, px0 = _power(att, mult)
    y, py0 = _power(dfn, mult)
    per_day = (a * y, b * x) if p.law is AttritionLaw.square else (a * x * y, b * x * y)
    for side, loss_rate in zip((att, dfn), per_day, strict=True):
        expected = _shares(side, loss_rate * days / 2)
        for u, e in zip(side, expected, strict=True):
            u.refill(days / 2, supply.get(u.actor_id, u.supply), headroom=e)
    law = square_law if p.law is AttritionLaw.square else linear_law
    x, _ = _power(att, mult)
    y, _ = _power(dfn, mult)
    x1, y1 = law(x, y, a, b, days)
    _take_losses(att, x - x1)
    _take_losses(dfn, y - y1)
    for u in att + dfn:
        u.refill(days / 2, supply.get(u.actor_id, u.supply))
        u.trim()
        u.refilled_in_fight = True
    start = control_change(px0, py0, p.breakthrough_ratio, p.control_rate)
    end = control_change(_power(att, mult)[1], _power(dfn, mult)[1], p.breakthrough_ratio,
                         p.control_rate)  # fmt: skip
    return 0.5 * (start + end)


def _fire(
    p: CombatParams, days: float, rng: random.Random, qx: float, qy: float
) -> tuple[float, float]:
    """Fire coefficients (a on the owner's side, b on the holder's) of sides whose soldiers have
    combat power ``qx`` and ``qy``, with this turn's random factors (two normal draws)."""
    fx = fy = 1.0
    if p.noise:
        sigma = turn_noise_sigma(p.noise, days)
        zx, zy = rng.gauss(0.0, 1.0), rng.gauss(0.0, 1.0)
        fx = math.exp(sigma * zx - sigma * sigma / 2)
        fy = math.exp(sigma * zy - sigma * sigma / 2)
    rate = p.attrition_rate
    if p.law is AttritionLaw.linear:
        rate /= p.linear_reference_strength
    return rate * qy * p.defender_advantage * fy, rate * qx * fx


def _power(units: list[ForceAgent], mult: Mapping[str, float]) -> tuple[float, float]:
    """A side's strength and combat power (strength x quality x its actor's multiplier)."""
    strength = power = 0.0
    for u in units:
        strength += u.strength
        power += u.strength * u.quality * mult.get(u.actor_id, 1.0)
    return strength, power


def _shares(units: list[ForceAgent], total: float) -> list[float]:
    if len(units) == 1:  # the common case, and what allocate_losses gives for one unit
        return [min(total, units[0].strength)]
    return allocate_losses([u.strength for u in units], [u.quality for u in units], total)


def _take_losses(units: list[ForceAgent], total: float) -> None:
    """Spread a side's losses over its units and record them. The shares go by strength /
    quality at the turn's mid-point (estimated from a first allocation by the start strengths),
    so that a long turn splits losses as a run of short ones would."""
    if len(units) == 1:
        shares = _shares(units, total)
    else:
        first = _shares(units, total)
        mid = [u.strength - f / 2 for u, f in zip(units, first, strict=True)]
        strengths = [u.strength for u in units]
        shares = allocate_losses(strengths, [u.quality for u in units], total, exposed=mid)
    for u, lost in zip(units, shares, strict=True):
        u.strength = max(0.0, u.strength - lost)
        u.losses = lost
