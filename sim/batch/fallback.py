"""The fallback rules over arrays: what an actor does when no doctrine entry fires.

Mirrors ``sim/domain/rules.py``'s rules for every actor of every lane at once: Richardson's
action-reaction (``richardson``; ``pressure``, ``climb_gap``), its cautious variant
(``cautious``), tit for tat (``tit_for_tat``) and holding still (``hold_still``), with the
agent's rule ids and reasons word for word. The rules look at the pairs an actor deals with
(``Dyads``: [R, D] columns, D pairs), draw nothing themselves and take one uniform per actor and
target from ``decide.choose`` (the agent draws one per target, in id order); ``put`` and the
move writers of ``moves.py`` fill a ``Moves``.

Probabilities are worked out with numpy's ``erf`` and ``exp``, which may differ from ``math``'s in
the last bits; where a draw falls within ``NEAR`` of a chance, that chance is worked out again
with the agent's own functions, so decisions are the agent's exactly.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.special import erf

from sim.batch.moves import climb, formatted, holds, ladder_tables, rung_labels, step_down
from sim.batch.state import BatchState
from sim.batch.view import Moves, View
from sim.domain import rules
from sim.domain.params import RuleParams, RuleSetName

NO_PRESSURE = "no pressure carried it over a threshold this turn"
# numpy's erf, exp and power may differ from math's in the last bits; where a draw falls this
# close to a chance, the chance is worked out again as the agent does (in practice: never in
# play, where draws are continuous; often in tests, where draws are set to 0)
NEAR = 1e-9


# ------------------------------------------------------------------ the dyads
_DYAD_FIELDS = ("own", "own_rise", "seen", "seen_rise", "move", "next_up", "target_nuclear",
                "deterrence", "commitment", "in_ceasefire", "floor")  # fmt: skip


class Dyads:
    """The view's dyads (``Dyad``) as [R, D] columns, one per pair an actor deals with
    (``layout.deals``), actor by actor and targets in id order, as the agent's loops run."""

    def __init__(self, st: BatchState, view: View):
        lay = st.layout
        self.R, self.A = st.R, lay.A
        self.actor, self.target = np.nonzero(lay.deals)
        self.column = np.zeros((lay.A, lay.A), dtype=np.int64)  # [a, b] -> the pair's column
        self.column[self.actor, self.target] = np.arange(self.actor.size)
        flat = self.actor * lay.A + self.target
        self.pick = lambda x: np.take(x.reshape(st.R, -1), flat, axis=1)  # [R, A, A] -> [R, D]
        for name in _DYAD_FIELDS:
            setattr(self, name, self.pick(getattr(view, name)))

    def of_actor(self, x: np.ndarray) -> np.ndarray:
        """[R, A] -> [R, D]: each pair's actor's value."""
        return x[:, self.actor]

    def best(self, key: np.ndarray, candidate: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """[R, A] each actor's candidate pair with the largest ``key`` (the first in id order on
        ties) as a column index, and whether it has a candidate at all."""
        full = np.full((self.R, self.A, self.A), -np.inf)
        full[:, self.actor, self.target] = np.where(candidate, key, -np.inf)
        has = np.zeros((self.R, self.A, self.A), dtype=bool)
        has[:, self.actor, self.target] = candidate
        target = full.argmax(axis=2)
        chosen = np.take_along_axis(has, target[:, :, None], axis=2)[:, :, 0]
        return self.column[np.arange(self.A)[None, :], target], chosen

    def at(self, x: np.ndarray, column: np.ndarray) -> np.ndarray:
        """[R, D] -> [R, A]: the value of each actor's pair ``column``."""
        if not x.shape[1]:
            return np.zeros(column.shape, dtype=x.dtype)
        return np.take_along_axis(x, column, axis=1)


# ------------------------------------------------------------------ Richardson's pressure
def pressure(st: BatchState, d: Dyads, restraint: float) -> np.ndarray:
    """[R, D] Richardson's pressure on each actor to climb toward each target, without the
    noise (``rules.pressure``): escalation propensity x reactivity x (the target's climb minus
    the actor's) + response to moves x the target's last move (counted up to one rung either
    way) + grievance weight x grievance - restraint x (1 - risk tolerance) x own climb
    - cost sensitivity x war weariness - deterrence weight x deterrence."""
    p = st.rules
    per = d.of_actor
    return (
        per(st.escalation_propensity) * p.reactivity * (d.seen_rise - d.own_rise)
        + p.response_to_moves * np.clip(d.move, -1, 1)
        + p.grievance_weight * per(st.grievance)
        - restraint * (1.0 - per(st.risk_tolerance)) * d.own_rise
        - p.cost_sensitivity * per(st.weariness)
        - p.deterrence_weight * d.deterrence
    )


def climb_gap(st: BatchState, d: Dyads) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """[R, D] the pressure a climb to the next feasible rung must beat, whether there is such a
    rung, and whether the climb crosses one of Kahn's thresholds (``rules.climb_gap``): the
    escalation threshold, plus the threshold premium across a threshold, plus nuclear caution x
    (1 - risk tolerance) x (1 + perceived risk) onto a nuclear rung or across a threshold
    toward a nuclear-armed target."""
    p, tables = st.rules, ladder_tables(st.layout.ladder)
    can = d.next_up >= 0
    up = d.next_up.clip(0)
    crossing = tables.crossing[d.own.clip(0), up]
    nuclear = tables.nuclear[up] | (crossing & d.target_nuclear)
    caution = p.nuclear_caution * (1.0 - st.risk_tolerance) * (1.0 + st.perceived_risk)
    gap = p.escalation_threshold + np.where(crossing, p.threshold_premium, 0.0)
    gap = gap + np.where(nuclear, d.of_actor(caution), 0.0)
    return gap, can, crossing


def richardson(st: BatchState, view: View, u: np.ndarray) -> Moves:
    """Climb toward a target at decision rate x Phi((pressure - climb gap) / noise) a week,
    step down at decision rate x Phi((-pressure - de-escalation threshold - commitment) /
    noise) a week (not below the floor, not in a ceasefire); of several moves that come up, the
    one with the largest margin (``rules.richardson``)."""
    return _pressure_rule(st, view, u, "richardson", st.rules.restraint, allow_crossing=True)


def cautious(st: BatchState, view: View, u: np.ndarray) -> Moves:
    """Richardson's rule with restraint x ``cautious_restraint_factor`` that never crosses a
    Kahn threshold upward; after a week's losses above ``cautious_loss_limit``, a step down
    toward the target the actor stands highest against (first in id order), if above its floor
    (``rules.cautious``)."""
    p, lay = st.rules, st.layout
    moves = _pressure_rule(st, view, u, "cautious", p.cautious_restraint_factor * p.restraint,
                           allow_crossing=False)  # fmt: skip
    top = np.where(lay.deals[None], view.own, -1).argmax(axis=2)  # [R, A]
    own = np.take_along_axis(view.own, top[:, :, None], axis=2)[:, :, 0]
    floor = np.take_along_axis(view.floor, top[:, :, None], axis=2)[:, :, 0]
    hurt = (st.weekly_losses > p.cautious_loss_limit) & lay.deals.any(axis=1)[None] & (own > floor)
    if hurt.any():
        lost = formatted(st.weekly_losses[hurt], ".0%")
        why = "lost " + lost + " of its strength in a week: to "
        step_down(moves, hurt, top, own, "cautious", why + rung_labels(lay.ladder)[own[hurt] - 1])
    return moves


def tit_for_tat(st: BatchState, view: View, u: np.ndarray) -> Moves:
    """Where a target stands higher toward the actor, climb a feasible rung at
    ``response_rate`` x (1 - ``forgiveness``) a week; where lower, step down (above the floor)
    at ``response_rate`` a week; the widest gap answered first, the first in id order on ties
    (``rules.tit_for_tat``)."""
    p, lay = st.rules, st.layout
    d = Dyads(st, view)
    if not d.actor.size:
        return holds(st, view, "tit_for_tat", "no gap to answer this turn")
    u = d.pick(u)
    gap = d.seen - d.own
    up = (gap > 0) & (d.next_up >= 0)
    down = (gap < 0) & (d.own > d.floor)
    climb_chance = _turn(p.response_rate * (1.0 - p.forgiveness), lay.days)
    down_chance = _turn(p.response_rate, lay.days)
    answer = (up & (u < climb_chance)) | (down & (u < down_chance))
    best, chosen = d.best(np.abs(gap).astype(float), answer)
    moves = holds(st, view, "tit_for_tat", "no gap to answer this turn")
    target = d.target[best]
    climbs = chosen & d.at(up, best)
    steps = chosen & ~climbs
    climb(moves, climbs, target, d.at(d.next_up, best), st, "tit_for_tat",
           "answers the target's higher posture in kind: to ")  # fmt: skip
    own = d.at(d.own, best)
    why = "answers the target's lower posture in kind: to "
    why = why + rung_labels(lay.ladder)[own[steps] - 1]
    step_down(moves, steps, target, own, "tit_for_tat", why)
    return moves


def hold_still(st: BatchState, view: View, u: np.ndarray) -> Moves:
    """Keep every posture (``rules.hold_still``, the fallback of ``doctrine_only``)."""
    return holds(st, view, "hold", "no doctrine entry applies")


FALLBACK = {
    RuleSetName.doctrine_richardson: richardson,
    RuleSetName.tit_for_tat: tit_for_tat,
    RuleSetName.cautious: cautious,
    RuleSetName.doctrine_only: hold_still,
}


def _pressure_rule(st: BatchState, view: View, u: np.ndarray, rule: str, restraint: float,
                   allow_crossing: bool) -> Moves:  # fmt: skip
    """``rules._pressure_rule``: toward each target the climb takes the draws below its chance,
    the step down the next ones; the largest margin wins (the first in id order on ties)."""
    p, lay = st.rules, st.layout
    d = Dyads(st, view)
    if not d.actor.size:
        return holds(st, view, rule, NO_PRESSURE)
    u = d.pick(u)
    push = pressure(st, d, restraint)
    gap, can, crossing = climb_gap(st, d)
    if not allow_crossing:
        can &= ~crossing
    up = np.where(can, _turn(p.decision_rate * _exceed(push - gap, p.noise), lay.days), 0.0)
    climbs = u < up
    room = (d.own > d.floor) & ~d.in_ceasefire
    down_margin = -push - (p.deescalation_threshold + d.commitment)
    chance = _turn(p.decision_rate * _exceed(down_margin, p.noise), lay.days)
    steps = room & ~climbs & (u < up + chance)
    near = (np.abs(u - up) < NEAR) | room & (np.abs(u - up - chance) < NEAR)
    for r, k in zip(*np.nonzero(near), strict=True):  # near-ties only: see NEAR
        climbs[r, k], steps[r, k] = _agent_draw(
            float(u[r, k]), float(push[r, k] - gap[r, k]), bool(can[r, k]),
            float(down_margin[r, k]), bool(room[r, k]), p, lay.days)  # fmt: skip
    best, chosen = d.best(np.where(climbs, push - gap, down_margin), climbs | steps)
    moves = holds(st, view, rule, NO_PRESSURE)
    target = d.target[best]
    climbing = chosen & d.at(climbs, best)
    stepping = chosen & ~climbing
    pushed, labels = d.at(push, best), rung_labels(lay.ladder)
    names = np.array(lay.actor_ids, dtype=object)
    if climbing.any():
        why = "pressure " + formatted(pushed[climbing], ".2f") + " toward "
        why = why + names[target[climbing]] + " above its threshold: to "
        climb(moves, climbing, target, d.at(d.next_up, best), st, rule, why)
    if stepping.any():
        own = d.at(d.own, best)
        why = "pressure " + formatted(pushed[stepping], ".2f") + " toward "
        why = why + names[target[stepping]] + " low enough to step down: to "
        step_down(moves, stepping, target, own, rule, why + labels[own[stepping] - 1])
    return moves


def _agent_draw(u: float, climb_margin: float, can: bool, down_margin: float, room: bool,
                p: RuleParams, days: float) -> tuple[bool, bool]:  # fmt: skip
    """Whether draw ``u`` makes a climb, or else a step down, toward one target, worked out
    with the agent's own functions (``rules._pressure_rule``), for near-ties."""
    up = rules._turn(p.decision_rate * rules._exceed(climb_margin, p.noise), days) if can else 0.0
    if u < up:
        return True, False
    if not room:
        return False, False
    return False, u < up + rules._turn(p.decision_rate * rules._exceed(down_margin, p.noise), days)


# ------------------------------------------------------------------ numbers and words
def _exceed(margin: np.ndarray, noise: float) -> np.ndarray:
    """Phi(margin / noise), or whether margin > 0 without noise (``rules._exceed``)."""
    if noise <= 0:
        return (margin > 0).astype(float)
    return 0.5 * (1.0 + erf(margin / (noise * math.sqrt(2.0))))


def _turn(rate_per_week, days: float):
    """The chance over a turn of ``days`` of an event at ``rate_per_week`` (``rules._turn``)."""
    if np.isscalar(rate_per_week):
        return 1.0 - math.exp(-rate_per_week * days / 7.0)
    return 1.0 - np.exp(-rate_per_week * days / 7.0)
