"""The attrition laws over arrays: ``sim.domain.combat``'s closed forms, lane by lane.

The same rules as the scalar laws, with the same branches and the same arithmetic, applied
elementwise (a lane, or a row of units, at a time):

- ``square_law``: x loses a*y and y loses b*x per unit time (aimed fire); a side that would fall
  below zero stops at zero and the other keeps what the conserved b*x^2 - a*y^2 leaves it.
- ``linear_law``: x loses a*x*y and y loses b*x*y per unit time (area fire; b*x - a*y is
  conserved).
- Both: with a side gone, no time or no fire, nothing changes.
- ``control_change``: the weekly change of the defender's share of the ground, by the log of
  the power ratio over the breakthrough ratio, capped at the rate.
- ``allocate_losses``: a side's losses fall on its units by exposed strength over quality; what
  a unit cannot lose falls on the others by the same rule.

``tests/batch/test_attrition.py`` checks each against its scalar law, case by case.
"""

from __future__ import annotations

import numpy as np


def square_law(x0, y0, a, b, t) -> tuple[np.ndarray, np.ndarray]:
    """``sim.domain.combat.square_law`` elementwise: strengths after ``t`` when x loses a*y
    and y loses b*x per unit time; a side that would fall below zero stops at zero and the
    other keeps what the conserved b*x^2 - a*y^2 leaves it."""
    x0, y0, a, b, t = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x0, y0, a, b, t)))
    with np.errstate(all="ignore"):
        w, rx, ry = np.sqrt(a * b), np.sqrt(a / b), np.sqrt(b / a)
        ch, sh = np.cosh(w * t), np.sinh(w * t)
        x = x0 * ch - rx * y0 * sh
        y = y0 * ch - ry * x0 * sh
        x_out, y_out = x < 0, (x >= 0) & (y < 0)
        x = np.where(x_out, 0.0, np.where(y_out, _root(x0 * x0 - (a / b) * y0 * y0), x))
        y = np.where(x_out, _root(y0 * y0 - (b / a) * x0 * x0), np.where(y_out, 0.0, y))
        only_y = (a == 0) & (b != 0)
        x = np.where(only_y, x0, np.where(b == 0, np.maximum(x0 - a * y0 * t, 0.0), x))
        y = np.where(only_y, np.maximum(y0 - b * x0 * t, 0.0), np.where(b == 0, y0, y))
    return _unless_idle(x0, y0, a, b, t, x, y)


def linear_law(x0, y0, a, b, t) -> tuple[np.ndarray, np.ndarray]:
    """``sim.domain.combat.linear_law`` elementwise: strengths after ``t`` when x loses a*x*y
    and y loses b*x*y per unit time (b*x - a*y is conserved)."""
    x0, y0, a, b, t = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x0, y0, a, b, t)))
    with np.errstate(all="ignore"):
        c = b * x0 - a * y0
        even = np.abs(c) < 1e-12 * np.maximum(b * x0, a * y0)
        x_even = np.where(b > 0, x0 / (1 + b * x0 * t), x0 / (1 + a * y0 * t))
        e = np.exp(-c * t)
        x_odd = np.where(b > 0, c * x0 / (b * x0 - (b * x0 - c) * e), x0 * np.exp(-a * y0 * t))
        x = np.where(even, x_even, x_odd)
        y = np.where(a > 0, (b * x - c) / a, y0 * np.exp(-b * x0 * t))
    return _unless_idle(x0, y0, a, b, t, np.maximum(x, 0.0), np.maximum(y, 0.0))


def _root(v: np.ndarray) -> np.ndarray:
    return np.sqrt(np.maximum(v, 0.0))


def _unless_idle(x0, y0, a, b, t, x, y) -> tuple[np.ndarray, np.ndarray]:
    """The laws' first rule: with a side gone, no time or no fire, nothing changes."""
    idle = (x0 <= 0) | (y0 <= 0) | (t <= 0) | ((a == 0) & (b == 0))
    return np.where(idle, np.maximum(x0, 0.0), x), np.where(idle, np.maximum(y0, 0.0), y)


def control_change(attacker, defender, breakthrough_ratio: float, rate: float) -> np.ndarray:
    """``sim.domain.combat.control_change`` elementwise: the weekly change of the defender's
    share, by the log of the power ratio over the breakthrough ratio, capped at ``rate``; a
    side with no power loses at the full rate; neither side: no change."""
    att, dfn = np.asarray(attacker, dtype=float), np.asarray(defender, dtype=float)
    with np.errstate(all="ignore"):
        pull = np.log((att / dfn) / breakthrough_ratio)
    change = -np.maximum(-rate, np.minimum(rate, rate * pull))
    change = np.where(att <= 0, rate, change)
    change = np.where(dfn <= 0, -rate, change)
    return np.where((att <= 0) & (dfn <= 0), 0.0, change)


def allocate_losses(strengths: np.ndarray, qualities: np.ndarray, total: np.ndarray,
                    member: np.ndarray, exposed=None) -> np.ndarray:  # fmt: skip
    """``sim.domain.combat.allocate_losses`` per row: each ``member`` unit's share of its
    row's ``total`` losses, by exposed strength / quality; what a unit cannot lose (more than
    it has) falls on the others by the same rule. Rows [n, U], ``total`` [n]."""
    exposed = strengths if exposed is None else exposed
    losses = np.zeros_like(strengths)
    left = np.minimum(total, np.where(member, strengths, 0.0).sum(axis=1))
    open_ = member & (strengths > 0) & (exposed > 0)
    small = 1e-9 * np.maximum(total, 1.0)
    active = np.ones(len(total), dtype=bool)
    with np.errstate(all="ignore"):
        weights = exposed / qualities
        for _ in range(strengths.shape[1] + 1):
            active &= (left > small) & open_.any(axis=1)
            if not active.any():
                break
            w = np.where(open_, weights, 0.0)
            share = left[:, None] * w / w.sum(axis=1)[:, None]
            capped = open_ & (share >= strengths) & active[:, None]
            settled = active & ~capped.any(axis=1)
            losses = np.where(settled[:, None] & open_, share, losses)
            active &= ~settled
            left = left - np.where(capped, strengths, 0.0).sum(axis=1)
            losses = np.where(capped, strengths, losses)
            open_ = open_ & ~capped
    return losses
