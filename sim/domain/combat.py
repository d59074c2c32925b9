"""Lanchester attrition and the control of contested ground: pure, closed-form functions.

Square law (aimed fire): dx/dt = -a*y, dy/dt = -b*x; b*x^2 - a*y^2 stays constant.
Linear law (area fire): dx/dt = -a*x*y, dy/dt = -b*x*y; b*x - a*y stays constant.
Both are solved exactly over a turn; a side that would fall below zero stops at zero, and the
other side keeps what the conserved quantity leaves it.
"""

from __future__ import annotations

import math


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

    The attacker gains ground when its effective strength exceeds ``breakthrough_ratio`` times
    the defender's and loses ground below it; the change grows with the log of how far the
    ratio is from that line and is capped at ``rate`` a week.
    """
    if defender <= 0:
        return -rate
    if attacker <= 0:
        return rate
    pull = math.log((attacker / defender) / breakthrough_ratio)
    return -max(-rate, min(rate, rate * pull))
