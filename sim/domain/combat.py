"""Lanchester attrition and the control of contested ground: pure, closed-form functions.

Square law (aimed fire): dx/dt = -a*y, dy/dt = -b*x; b*x^2 - a*y^2 stays constant.
Linear law (area fire): dx/dt = -a*x*y, dy/dt = -b*x*y; b*x - a*y stays constant.
Both are solved exactly over a turn; a side that would fall below zero stops at zero, and the
other side keeps what the conserved quantity leaves it (Lanchester 1916).

Two helpers make a turn's result independent of its length: ``turn_noise_sigma`` scales the
random factor on a side's fire to the turn, and ``control_change`` is a rate per week that the
theatre multiplies by the turn's weeks. ``allocate_losses`` spreads a side's losses over its units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sim.domain.rates import WEEK


def square_law(x0: float, y0: float, a: float, b: float, t: float) -> tuple[float, float]:
    """Strengths after time ``t`` under the square law (x loses a*y, y loses b*x per unit time)."""
    if x0 <= 0 or y0 <= 0 or t <= 0 or (a == 0 and b == 0):
        return max(x0, 0.0), max(y0, 0.0)
    if a == 0:  # only y takes losses
        return x0, max(y0 - b * x0 * t, 0.0)
    if b == 0:
        return max(x0 - a * y0 * t, 0.0), y0
    w = math.sqrt(a * b)
    rx, ry = math.sqrt(a / b), math.sqrt(b / a)
    ch, sh = math.cosh(w * t), math.sinh(w * t)
    x = x0 * ch - rx * y0 * sh
    y = y0 * ch - ry * x0 * sh
    if x < 0:  # x is wiped out first; y keeps sqrt(y0^2 - (b/a) x0^2)
        return 0.0, math.sqrt(max(y0 * y0 - (b / a) * x0 * x0, 0.0))
    if y < 0:
        return math.sqrt(max(x0 * x0 - (a / b) * y0 * y0, 0.0)), 0.0
    return x, y


def linear_law(x0: float, y0: float, a: float, b: float, t: float) -> tuple[float, float]:
    """Strengths after time ``t`` under the linear law (x loses a*x*y, y loses b*x*y)."""
    if x0 <= 0 or y0 <= 0 or t <= 0 or (a == 0 and b == 0):
        return max(x0, 0.0), max(y0, 0.0)
    c = b * x0 - a * y0  # conserved: b*x - a*y = c
    if abs(c) < 1e-12 * max(b * x0, a * y0):
        x = x0 / (1 + b * x0 * t) if b > 0 else x0 / (1 + a * y0 * t)
    else:
        e = math.exp(-c * t)  # x solves dx/dt = -x (b x - c): logistic
        x = c * x0 / (b * x0 - (b * x0 - c) * e) if b > 0 else x0 * math.exp(-a * y0 * t)
    y = (b * x - c) / a if a > 0 else y0 * math.exp(-b * x0 * t)
    return max(x, 0.0), max(y, 0.0)


def control_change(
    attacker: float, defender: float, breakthrough_ratio: float, rate: float
) -> float:
    """Weekly change in the defender's share of contested ground.

    The attacker gains ground when its combat power exceeds ``breakthrough_ratio`` times the
    defender's and loses ground below it; the change grows with the log of how far the ratio is
    from that line and is capped at ``rate`` a week. A side with no combat power left loses
    ground at the full ``rate``; with neither side fighting the line stays where it is.
    """
    if attacker <= 0 and defender <= 0:
        return 0.0
    if defender <= 0:
        return -rate
    if attacker <= 0:
        return rate
    pull = math.log((attacker / defender) / breakthrough_ratio)
    return -max(-rate, min(rate, rate * pull))


def turn_noise_sigma(weekly_sigma: float, days: float) -> float:
    """Spread (sigma of the log) of the mean-one lognormal factor on a side's fire over a turn.

    ``weekly_sigma`` is the spread of a week's average fire intensity. The intensity varies
    independently from day to day (white noise), so the average over a turn of ``days`` has
    7/days times the variance of a week's: a fortnight is steadier than a week, a day wilder.
    The factor's mean is one and its variance exp(sigma^2) - 1 is matched exactly, so the losses
    summed over a calendar span have the same mean and variance whatever the turn length.
    """
    if weekly_sigma <= 0 or days <= 0:
        return 0.0
    weekly_variance = math.expm1(weekly_sigma * weekly_sigma)
    return math.sqrt(math.log1p(weekly_variance * WEEK / days))


def allocate_losses(
    strengths: Sequence[float],
    qualities: Sequence[float],
    total: float,
    exposed: Sequence[float] | None = None,
) -> list[float]:
    """Each unit's share of its side's ``total`` losses.

    Enemy fire falls on the units in proportion to their strength, and a unit's casualties per
    unit of fire are inversely proportional to its quality (training, cohesion, protection), so
    a unit's share is its strength divided by its quality, over the side's sum. ``exposed``
    gives the strengths that set the shares when they differ from those that can be lost (the
    theatre passes the turn's mid-point). No unit loses more than it has: what it cannot lose
    falls on the others by the same rule.
    """
    exposed = strengths if exposed is None else exposed
    losses = [0.0] * len(strengths)
    left = min(total, sum(strengths))
    open_ = [i for i, s in enumerate(strengths) if s > 0 and exposed[i] > 0]
    while left > 1e-9 * max(total, 1.0) and open_:
        weight = sum(exposed[i] / qualities[i] for i in open_)
        share = {i: left * (exposed[i] / qualities[i]) / weight for i in open_}
        capped = [i for i in open_ if share[i] >= strengths[i]]
        if not capped:
            for i in open_:
                losses[i] = share[i]
            break
        for i in capped:
            left -= strengths[i]
            losses[i] = strengths[i]
        open_ = [i for i in open_ if i not in capped]
    return losses
