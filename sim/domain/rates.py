"""Time in rates: every stochastic or gradual process is stated per week and converted here.

A weekly probability p of an event, with a constant hazard, becomes 1 - (1 - p)^(days / 7)
over a turn of ``days``; a rate r per week (events per week) becomes 1 - exp(-r * days / 7);
a quantity that decays at rate k per week keeps exp(-k * days / 7) of itself. Writing every
process this way is what makes results independent of the turn length.
"""

from __future__ import annotations

import math

WEEK = 7.0


def turn_probability(weekly_probability: float, days: float) -> float:
    """Probability over ``days`` of an event that happens with ``weekly_probability`` a week."""
    if weekly_probability >= 1.0:
        return 1.0
    return 1.0 - (1.0 - weekly_probability) ** (days / WEEK)


def hazard_probability(rate_per_week: float, days: float) -> float:
    """Probability over ``days`` of an event with a hazard of ``rate_per_week``."""
    return 1.0 - math.exp(-rate_per_week * days / WEEK)


def decay(rate_per_week: float, days: float) -> float:
    """The share of a quantity left after ``days`` when it decays at ``rate_per_week``."""
    return math.exp(-rate_per_week * days / WEEK)


def relax(value: float, goal: float, rate_per_week: float, days: float) -> float:
    """``value`` moved toward ``goal`` at ``rate_per_week`` (exponential relaxation)."""
    return goal + (value - goal) * decay(rate_per_week, days)


def integrate_linear(value, inflow, rate_per_week: float, days: float):
    """``value`` after ``days`` of dv/dt = inflow - rate x v (both per week), solved exactly:
    v e^{-kt} + inflow / k (1 - e^{-kt}), or v + inflow t without decay. Works on floats and
    on numpy arrays alike (the agent model and the batched engine share it)."""
    if rate_per_week > 0:
        kept = decay(rate_per_week, days)
        return value * kept + inflow / rate_per_week * (1.0 - kept)
    return value + inflow * days / WEEK
