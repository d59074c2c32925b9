"""War termination for every lane at once: ``sim/abm/bargaining.py`` over a BatchState.

The rule (see the agent module for its sources): a side's willingness to settle with another is
its cost of fighting on (cost sensitivity x (weariness + weariness from losses x last week's
loss rate)) minus its gain (grievance weight x grievance + audience cost toward the other +
perceived edge + territory stake x the ground at stake between them). Each turn, in the agent's
order:

1. Breakdowns, pairs in id order: a ceasefire breaks at ``ceasefire_break_rate`` x (1 + both
   grievances) a week; the side less willing to settle (the first in id order on a tie) returns
   to combat toward the other and its units with strength left in a contested theatre re-enter
   combat.
2. Offers, over the pairs at war then (a war relation, or each fighting the other; not in a
   ceasefire) in id order: the more willing side (the first on a tie) offers at ``offer_rate``
   a week if its willingness exceeds ``settle_margin``; the other accepts if its own exceeds the
   margin less ``mediation_bonus`` (when a mediator of their war stands at diplomacy or lower
   toward both), else rejects. An accepted offer makes the ceasefire, puts both sides and the
   treaty partners of each (that deal with the other) at rung 0 toward each other, and stands
   their units down (``sim.batch.effects.stand_down``).

Pairs are handled one after another (a ceasefire stands units down, which changes the next
pair's perceived edge), lanes together. Only pairs that can ever be at war take part: at war in
the scenario, or on opposite sides of some contested theatre.

Random draws per turn (fixed shapes; ``Q`` such pairs, ``a < b``):
``standard_normal((R, Q, 2, 2))`` the intel noise [lane, pair, use (0 breakdown, 1 offer),
direction (0 a about b, 1 b about a)], then ``random((R, Q, 2))`` the uniforms [lane, pair, use].
The agent draws fresh noise each time it asks a side's willingness; these are those draws.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from sim.batch.effects import stand_down
from sim.batch.layout import ACTION, HOLDER, NONE, Layout
from sim.batch.state import BatchState
from sim.batch.structure import fights
from sim.domain.rates import WEEK, hazard_probability

REASON = {
    "offer_ceasefire": "its cost of fighting on exceeds its gain",
    "reject_ceasefire": "it still expects more from fighting",
    "accept_ceasefire": "a ceasefire is agreed",
    "break_ceasefire": "the ceasefire breaks down",
}


@lru_cache(maxsize=16)  # a layout per scenario; a sweep may compile several
def bargaining_pairs(lay: Layout) -> tuple[tuple[int, int], ...]:
    """The pairs ``(a, b)``, ``a < b`` in id order, that can ever bargain: at war, or on
    opposite sides of some contested theatre (the only way two actors can fight each other)."""
    can = lay.at_war | lay.opposed.any(axis=2)
    return tuple((a, b) for a in range(lay.A) for b in range(a + 1, lay.A) if can[a, b])


def bargain(st: BatchState) -> None:
    """One turn of breakdowns, then offers and acceptances (see the module docstring;
    ``sim.abm.bargaining.bargain``)."""
    lay = st.layout
    pairs = bargaining_pairs(lay)
    noise = st.normal(len(pairs), 2, 2)
    uniform = st.random(len(pairs), 2)
    if not pairs:
        return
    for q, (a, b) in enumerate(pairs):
        _breakdown(st, a, b, noise[:, q, 0], uniform[:, q, 0])
    at_war = _war_pairs(st, pairs)
    for q, (a, b) in enumerate(pairs):
        if at_war[:, q].any():
            _offer(st, a, b, at_war[:, q], noise[:, q, 1], uniform[:, q, 1])


def _war_pairs(st: BatchState, pairs) -> np.ndarray:
    """[R, Q] the pair is at war or each side fights the other, and not in a ceasefire
    (``sim.abm.bargaining.war_pairs``)."""
    f = fights(st)
    out = np.zeros((st.R, len(pairs)), dtype=bool)
    for q, (a, b) in enumerate(pairs):
        war = st.layout.at_war[a, b] | (f[:, a, b] & f[:, b, a])
        out[:, q] = war & ~st.ceasefire[:, a, b]
    return out


def willingness(st: BatchState, a: int, b: int, z: np.ndarray,
                lanes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Each of ``a``'s and ``b``'s willingness to settle with the other in ``lanes`` (cost of
    fighting on minus gain; positive: it would settle), ``z`` [len(lanes), 2] their intel-noise
    draws (``sim.abm.bargaining.willingness``)."""
    p = st.rules
    own, enemy = _strengths(st, a, b, lanes)
    stake = _at_stake(st, a, b, lanes)
    out = []
    for x, y, mine, theirs, zz in ((a, b, own, enemy, z[:, 0]), (b, a, enemy, own, z[:, 1])):
        cost = p.cost_sensitivity * (st.weariness[lanes, x] + p.weariness_from_losses
                                     * st.weekly_losses[lanes, x])  # fmt: skip
        gain = p.grievance_weight * st.grievance[lanes, x] + st.audience[lanes, x, y]
        gain = gain + (_edge(mine, theirs, p.intel_noise, zz) + p.territory_stake * stake)
        out.append(cost - gain)
    return out[0], out[1]


def _edge(own: np.ndarray, enemy: np.ndarray, intel_noise: float, z: np.ndarray) -> np.ndarray:
    """Half the log of own strength over the noisy estimate of the enemy's, within
    [-0.5, 0.5]; 0 where either side has none (``_perceived_edge``)."""
    seen = enemy * np.exp(intel_noise * z)
    ok = (own > 0) & (enemy > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        edge = 0.5 * np.log(np.where(ok, own, 1.0) / np.where(ok, seen, 1.0))
    return np.where(ok, np.clip(edge, -0.5, 0.5), 0.0)


def _strengths(st: BatchState, a: int, b: int, lanes: np.ndarray) -> tuple[np.ndarray, ...]:
    """The effective strength (strength x quality, x the defender's advantage on the holder's
    side) of the units in combat on ``a``'s side and on ``b``'s in ``lanes``, over the contested
    theatres where the two stand on opposite sides (summed in unit id order)."""
    lay = st.layout
    if not lay.opposed[a, b].any():
        return np.zeros(lanes.size), np.zeros(lanes.size)
    on_a, on_b, held = _sides(lay, a, b)
    at = (st.place[lanes], np.arange(lay.U))
    strength = st.strength[lanes]
    live = st.in_combat[lanes] & (strength > 0)
    edge = np.where(held[at], st.combat.defender_advantage, 1.0)
    power = strength * lay.unit_quality * edge
    own = np.where(live & on_a[at], power, 0.0).sum(axis=1)
    enemy = np.where(live & on_b[at], power, 0.0).sum(axis=1)
    return own, enemy


@lru_cache(maxsize=256)
def _sides(lay: Layout, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """[P, U] bool each: unit ``j`` at place ``p`` fights on ``a``'s side, on ``b``'s side
    (where ``p`` is contested with the two on opposite sides), on the holder's side."""
    t = np.maximum(lay.place_theatre, 0)[:, None]
    side = lay.side[lay.unit_actor[None, :], t] if lay.T else np.zeros((lay.P, lay.U))
    where = lay.opposed[a, b][:, None]
    on_a = where & (side == lay.side[a][t])
    on_b = where & (side == lay.side[b][t])
    held = lay.place_contested[:, None] & (side == HOLDER)
    return on_a, on_b, held


def _at_stake(st: BatchState, a: int, b: int, lanes: np.ndarray) -> np.ndarray:
    """The largest holder's share of a contested theatre where the two stand on opposite
    sides (0 if none) in ``lanes`` (``_at_stake``)."""
    lay = st.layout
    where = lay.opposed[a, b][lay.theatre_place]
    if not where.any():
        return np.zeros(lanes.size)
    return np.maximum(st.control[lanes][:, where].max(axis=1), 0.0)


def _breakdown(st: BatchState, a: int, b: int, z: np.ndarray, u: np.ndarray) -> None:
    """Where ``a`` and ``b`` hold a ceasefire, it breaks with the turn's probability; the less
    willing side goes back to combat (``sim.abm.bargaining._breakdowns``)."""
    held = st.ceasefire[:, a, b]
    if not held.any():
        return
    p, lay = st.rules, st.layout
    rate = p.ceasefire_break_rate * (1.0 + st.grievance[:, a] + st.grievance[:, b])
    breaks = held & (u < 1.0 - np.exp(-rate * lay.days / WEEK))
    lanes = np.flatnonzero(breaks)
    if not lanes.size:
        return
    st.ceasefire[lanes, a, b] = st.ceasefire[lanes, b, a] = False
    st.ceasefire_since[lanes, a, b] = st.ceasefire_since[lanes, b, a] = NONE
    wa, wb = willingness(st, a, b, z[lanes], lanes)
    first = wa <= wb
    breaker, other = np.where(first, a, b), np.where(first, b, a)
    st.set_posture(lanes, breaker, other, lay.ladder.index("combat"))
    for j in range(lay.U):
        back = (breaker == lay.unit_actor[j]) & (st.strength[lanes, j] > 0)
        back &= lay.place_contested[st.place[lanes, j]]
        st.in_combat[lanes[back], j] = True
    _log(st, lanes, breaker, other, "break_ceasefire")


def _offer(st: BatchState, a: int, b: int, war: np.ndarray, z: np.ndarray,
           u: np.ndarray) -> None:  # fmt: skip
    """Where ``a`` and ``b`` are at war, the more willing side may offer and the other accept
    or reject (``sim.abm.bargaining.bargain``)."""
    p, lay = st.rules, st.layout
    lanes = np.flatnonzero(war)
    wa, wb = willingness(st, a, b, z[lanes], lanes)
    chance = hazard_probability(p.offer_rate, lay.days)
    offers = (np.maximum(wa, wb) > p.settle_margin) & (u[lanes] < chance)
    lanes, wa, wb = lanes[offers], wa[offers], wb[offers]
    if not lanes.size:
        return
    first = wa >= wb
    offerer, other = np.where(first, a, b), np.where(first, b, a)
    w_other = np.where(first, wb, wa)
    st.offered[lanes, offerer, other] = st.step
    _log(st, lanes, offerer, other, "offer_ceasefire")
    bonus = np.where(_mediated(st, a, b)[lanes], p.mediation_bonus, 0.0)
    accept = w_other > p.settle_margin - bonus
    _agree(st, a, b, lanes[accept], offerer[accept], other[accept])
    no = ~accept
    _log(st, lanes[no], other[no], offerer[no], "reject_ceasefire")


def _mediated(st: BatchState, a: int, b: int) -> np.ndarray:
    """[R] a mediator of the war between ``a`` and ``b`` stands at diplomacy or lower toward
    both (``_mediated``)."""
    lay = st.layout
    diplomacy = lay.ladder.index("diplomacy")
    out = np.zeros(st.R, dtype=bool)
    for m in np.flatnonzero(lay.mediator[a, b]):
        out |= (st.posture[:, m, a] <= diplomacy) & (st.posture[:, m, b] <= diplomacy)
    return out


def _agree(st: BatchState, a: int, b: int, lanes: np.ndarray, offerer: np.ndarray,
           other: np.ndarray) -> None:  # fmt: skip
    """The ceasefire between ``a`` and ``b`` in ``lanes``: both sides and each one's treaty
    partners that deal with the other at rung 0 toward it, their units stood down; the other
    side's acceptance logged (``_agree``)."""
    if not lanes.size:
        return
    lay = st.layout
    st.ceasefire[lanes, a, b] = st.ceasefire[lanes, b, a] = True
    st.ceasefire_made[lanes, a, b] = st.ceasefire_made[lanes, b, a] = True
    st.ceasefire_since[lanes, a, b] = st.ceasefire_since[lanes, b, a] = st.step
    sides = [(a, b), (b, a)]
    for x, y in ((a, b), (b, a)):
        sides += [(int(q), y) for q in np.flatnonzero(lay.treaty[x]) if lay.deals[q, y]]
    for x, y in sides:
        st.set_posture(lanes, x, y, 0)
    for x in dict.fromkeys(x for x, _ in sides):
        stand_down(st, lanes, x)
    _log(st, lanes, other, offerer, "accept_ceasefire")


def _log(st: BatchState, lanes: np.ndarray, actor, target, action: str) -> None:
    """A bargaining decision and its event, and the action marked as taken (``_log``)."""
    if not lanes.size:
        return
    k = ACTION[action]
    actor = np.broadcast_to(np.asarray(actor, dtype=np.int64), lanes.shape)
    target = np.broadcast_to(np.asarray(target, dtype=np.int64), lanes.shape)
    st.taken[lanes, actor, k] = True
    rung = st.posture[lanes, actor, target]
    st.log.decision(st.step, lanes, actor, target, k, rung, "bargaining", REASON[action])
    st.log.event(st.step, lanes, actor, target, k)
