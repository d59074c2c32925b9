"""The actions table's effect kinds over arrays: ``sim/abm/effects.py``'s ``_KINDS``, each for
the lanes where one actor's action calls it.

Every kind is ``kind(st, effect, lanes, actor, target, who)``: ``lanes``, ``target`` and
``who`` are aligned int arrays, ``actor`` one actor index; a (lane, who) pair appears once
per call. As in the agent model, each kind changes one field of the state and none knows
which action called it; the rule of each is the agent function's (named in its docstring).
"""

from __future__ import annotations

import numpy as np

from sim.abm.effects import CAP, FLOOR, RISK_CAP
from sim.batch import structure
from sim.batch.layout import ACTION
from sim.batch.state import BatchState
from sim.domain.actions import EffectSpec

COMMIT = ACTION["commit_to_combat"]
# kinds that change only the state of whom they reach (each whom its own value)
PER_WHOM = frozenset({"fire", "mobilisation", "sustainment", "logistics", "grievance",
                      "perceived_risk", "resolve"})  # fmt: skip
# kinds that change where units are, whether they fight or their strength: whom an actor helps
# (recipients) must be worked out again after them
MOVES_UNITS = frozenset({"commit", "commit_partners", "withdraw", "deploy", "nuclear_damage"})


def shifted(x: np.ndarray, by: float, floor: float = FLOOR, cap: float = CAP) -> np.ndarray:
    """``sim.abm.effects.shifted`` for an array of indices (same rule, same arithmetic): away
    from normal (1) a step of ``by`` times the share of room left to the bound, back toward
    normal a linear step that stops at normal."""
    x = np.asarray(x, dtype=float)
    if by < 0:
        away = np.maximum(floor, x + by * (x - floor) / (1.0 - floor))
        return np.where(x <= 1.0, away, np.maximum(1.0, x + by))
    if by > 0:
        away = x if cap <= 1.0 else np.minimum(cap, x + by * (cap - x) / (cap - 1.0))
        return np.where(x >= 1.0, away, np.minimum(1.0, x + by))
    return np.maximum(1.0, x + by)


class Roles:
    """Whom effects reach: ``recipients`` of one actor's aid in some lanes (``structure``'s
    rule, on who fights whom now: worked out once and again after ``changed()``) and
    ``receivers`` ([A, A, A], fixed by the scenario)."""

    def __init__(self, st: BatchState):
        self.st = st
        self.receivers = structure.receivers(st.layout)
        self._fights: np.ndarray | None = None

    def recipients(self, lanes: np.ndarray, actor, target: np.ndarray) -> np.ndarray:
        """[n, A]: whom ``actor`` (one index, or one per row) helps against ``target`` in
        ``lanes`` (``World.recipients``)."""
        if self._fights is None:
            self._fights = structure.fights(self.st)
        helped = structure.recipients(self.st, self._fights[lanes])  # [n, A, A, A]
        return helped[np.arange(lanes.size), actor, target]

    def changed(self) -> None:
        """Units moved, went into or out of combat, or lost strength."""
        self._fights = None


def _bounds(e: EffectSpec, cap: float) -> tuple[float, float]:
    return (FLOOR if e.floor is None else e.floor), (cap if e.cap is None else e.cap)


def _index(field: str, cap: float):
    """A kind moving the index ``field`` of ``who`` with diminishing returns (``_fire``,
    ``_mobilisation``, ``_sustainment``, ``_logistics``)."""

    def kind(st, e, lanes, actor, target, who) -> None:
        values = getattr(st, field)
        values[lanes, who] = shifted(values[lanes, who], e.by, *_bounds(e, cap))

    return kind


def _grievance(st, e, lanes, actor, target, who) -> None:
    """``who``'s grievance +by, kept in [0, 1] (``_grievance``)."""
    st.grievance[lanes, who] = np.maximum(0.0, np.minimum(1.0, st.grievance[lanes, who] + e.by))


def _perceived_risk(st, e, lanes, actor, target, who) -> None:
    """``who``'s perceived risk +by, kept in [0, RISK_CAP] (``_perceived_risk``)."""
    r = st.perceived_risk[lanes, who] + e.by
    st.perceived_risk[lanes, who] = np.maximum(0.0, np.minimum(RISK_CAP, r))


def _resolve(st, e, lanes, actor, target, who) -> None:
    """``who``'s estimate of the actor's resolve moves ``by`` of the way to 1 (or 0)
    (``_resolve``)."""
    r = st.resolve[lanes, who, actor]
    st.resolve[lanes, who, actor] = r + e.by * (1.0 - r) if e.by >= 0 else r + e.by * r


def _audience_cost(st, e, lanes, actor, target, who) -> None:
    """The actor's commitment toward the target +by (``_audience_cost``)."""
    st.audience[lanes, actor, target] = st.audience[lanes, actor, target] + e.by


def _credibility(st, e, lanes, actor, target, who) -> None:
    raise_credibility(st, lanes, actor, e.by)


def raise_credibility(st: BatchState, lanes: np.ndarray, actor: int, by: float) -> None:
    """Move the credibility of every treaty or alliance ``actor`` is party to by ``by``, kept
    in [0, 1] (``sim.abm.effects.raise_credibility``)."""
    for c in np.flatnonzero((st.layout.commitment_parties == actor).any(axis=1)):
        st.credibility[lanes, c] = np.maximum(0.0, np.minimum(1.0, st.credibility[lanes, c] + by))


def _declare(st, e, lanes, actor, target, who) -> None:
    """The actor declares the target a co-belligerent (``_declare``)."""
    st.declared[lanes, actor, target] = True


def _lift(st, e, lanes, actor, target, who) -> None:
    lift_restrictions(st, lanes, actor)


def lift_restrictions(st: BatchState, lanes: np.ndarray, supplier: int) -> None:
    """End the use restrictions on ``supplier``'s deliveries in ``lanes``; each recipient's
    fire rises by ``combat.unrestricted_weapons_bonus`` once per supply lifted
    (``sim.abm.effects.lift_restrictions``)."""
    lay = st.layout
    for s in np.flatnonzero((lay.supplier == supplier) & lay.restricted):
        new = lanes[~st.lifted[lanes, s]]
        st.lifted[new, s] = True
        r = lay.recipient[s]
        st.fire[new, r] = st.fire[new, r] + st.combat.unrestricted_weapons_bonus


def _commit(st, e, lanes, actor, target, who) -> None:
    """Own units with strength left, not in combat, where actor and target are opposed go
    into combat (``_commit``)."""
    lay = st.layout
    for j in lay.units_of[actor]:
        go = ((st.strength[lanes, j] > 0) & ~st.in_combat[lanes, j]
              & lay.opposed[actor, target, st.place[lanes, j]])  # fmt: skip
        st.in_combat[lanes[go], j] = True


def _withdraw(st, e, lanes, actor, target, who) -> None:
    """Own units in combat where actor and target are opposed leave combat (``_withdraw``)."""
    lay = st.layout
    for j in lay.units_of[actor]:
        out = st.in_combat[lanes, j] & lay.opposed[actor, target, st.place[lanes, j]]
        st.in_combat[lanes[out], j] = False


def _commit_partners(st, e, lanes, actor, target, who) -> None:
    """Each treaty partner (id order) sends its idle units with strength left that stand where
    the actor has units or owns a contested theatre into combat; a partner that sent any
    moves to combat toward the target (if below it and it deals with the target), counts as
    having committed, and gets a decision row and an event (``_commit_partners``)."""
    lay = st.layout
    mine = np.zeros((lanes.size, lay.P), dtype=bool)
    for j in lay.units_of[actor]:
        mine[np.arange(lanes.size), st.place[lanes, j]] = True
    mine[:, lay.theatre_place[lay.owner == actor]] = True
    combat = lay.ladder.index("combat")
    for partner in np.flatnonzero(lay.treaty[actor]):
        sent = np.zeros(lanes.size, dtype=bool)
        for j in lay.units_of[partner]:
            go = (mine[np.arange(lanes.size), st.place[lanes, j]] & ~st.in_combat[lanes, j]
                  & (st.strength[lanes, j] > 0))  # fmt: skip
            st.in_combat[lanes[go], j] = True
            sent |= go
        ln, tg = lanes[sent], target[sent]
        if not ln.size:
            continue
        up = lay.deals[partner, tg] & (st.posture[ln, partner, tg] < combat)
        st.set_posture(ln[up], partner, tg[up], combat)
        st.taken[ln, partner, COMMIT] = True
        name = lay.actor_ids[actor]
        st.log.decision(st.step, ln, partner, tg, COMMIT, st.posture[ln, partner, tg],
                        f"effect:{name}", f"units sent into combat by {name}")  # fmt: skip
        st.log.event(st.step, ln, partner, tg, COMMIT)


def _reinforce(st, e, lanes, actor, target, who) -> None:
    """Own units in combat (or, with none in combat, every unit with strength left) gain
    ``combat.reinforcement_fraction`` of their initial strength, establishment too
    (``_reinforce``)."""
    lay = st.layout
    units = lay.units_of[actor]
    if not units.size:
        return
    alive = st.strength[lanes][:, units] > 0
    fighting = alive & st.in_combat[lanes][:, units]
    chosen = np.where(fighting.any(axis=1, keepdims=True), fighting, alive)
    for col, j in enumerate(units):
        ln = lanes[chosen[:, col]]
        add = st.combat.reinforcement_fraction * lay.unit_strength[j]
        st.strength[ln, j] = st.strength[ln, j] + add
        st.establishment[ln, j] = st.establishment[ln, j] + add


def _deploy(st, e, lanes, actor, target, who) -> None:
    """Idle own units with strength left outside any contested theatre move to the first
    contested theatre (id order) where actor and target are opposed; where none moved, the
    actor mobilises (``shifted`` by +0.05) (``_deploy``)."""
    lay = st.layout
    opposed = lay.opposed[actor][target][:, lay.theatre_place]  # [n, T]
    has_front = opposed.any(axis=1)
    front = lay.theatre_place[opposed.argmax(axis=1)] if lay.T else np.zeros(lanes.size, int)
    moved = np.zeros(lanes.size, dtype=bool)
    for j in lay.units_of[actor]:
        go = (has_front & (st.strength[lanes, j] > 0) & ~st.in_combat[lanes, j]
              & ~lay.place_contested[st.place[lanes, j]])  # fmt: skip
        st.place[lanes[go], j] = front[go]
        moved |= go
    ln = lanes[~moved]
    st.mobilisation[ln, actor] = shifted(st.mobilisation[ln, actor], 0.05)


def _nuclear_damage(st, e, lanes, actor, target, who) -> None:
    """In every contested theatre where the actor has units or is owner or holder, the units
    of the target's side lose ``combat.nuclear_strike_damage`` of their strength
    (``_nuclear_damage``)."""
    lay = st.layout
    keep = 1.0 - st.combat.nuclear_strike_damage
    own = lay.units_of[actor]
    for t in range(lay.T):
        p = lay.theatre_place[t]
        there = (st.place[lanes][:, own] == p).any(axis=1) | (actor in (lay.owner[t],
                                                                        lay.holder[t]))  # fmt: skip
        enemy = lay.side[target, t]
        for j in range(lay.U):
            hit = there & (enemy != 0) & (st.place[lanes, j] == p)
            hit &= lay.side[lay.unit_actor[j], t] == enemy
            st.strength[lanes[hit], j] = st.strength[lanes[hit], j] * keep


def _offer_ceasefire(st, e, lanes, actor, target, who) -> None:
    """The actor's offer of a ceasefire to the target, dated this step (``_offer_ceasefire``)."""
    st.offered[lanes, actor, target] = st.step


KINDS = {
    "fire": _index("fire", CAP), "mobilisation": _index("mobilisation", CAP),
    "sustainment": _index("sustainment", 1.0), "logistics": _index("logistics", 1.0),
    "grievance": _grievance, "perceived_risk": _perceived_risk, "resolve": _resolve,
    "audience_cost": _audience_cost, "credibility": _credibility, "declare": _declare,
    "lift": _lift, "commit": _commit, "commit_partners": _commit_partners,
    "withdraw": _withdraw, "reinforce": _reinforce, "deploy": _deploy,
    "nuclear_damage": _nuclear_damage, "offer_ceasefire": _offer_ceasefire,
}  # fmt: skip
