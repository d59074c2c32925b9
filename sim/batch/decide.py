"""Every actor's move of the turn, in every lane at once: the rule sets over arrays.

Mirrors ``sim/domain/rules.py`` (the agent's ``ActorAgent.decide``) and the first lines of
``EscalationModel._play_turn``: an actor that deals with nobody and has no doctrine holds; the
others follow their doctrine first (``follow_doctrine``: entries in order, a spent ``once``
entry skipped, conditions holding, fired with the entry's turn probability, risky entries gated
by risk tolerance) and, where no entry fires, the fallback rule of the rule set
``rules.name``: Richardson's action-reaction, the cautious variant, tit for tat, or holding
still. Decisions carry the agent's rule ids and reasons word for word; infeasible moves then
become holds (``feasible.feasible``).

Random numbers, per turn: ``st.random(A, E)`` ([R, A, E]), one uniform per actor and doctrine entry
(used where the entry's conditions hold and its chance is below one), then
``st.random(A, A)``, one per actor and target (the fallback rule's one draw per dyad,
as ``_pressure_rule`` and ``tit_for_tat`` draw one per target, used where the agent draws it).

The fallback rules live in ``fallback``. A risky entry's chance is worked out with numpy's
``power``, which may differ from Python's in the last bits; where a draw falls within
``fallback.NEAR`` of it, it is worked out again as the agent does.
"""

from __future__ import annotations

import numpy as np

from sim.batch import conditions
from sim.batch.fallback import FALLBACK, NEAR
from sim.batch.feasible import feasible
from sim.batch.layout import ACTION, NONE
from sim.batch.moves import put
from sim.batch.requirements import Requirements
from sim.batch.state import BatchState
from sim.batch.view import Moves, View
from sim.domain.rules import HOLD, OFFER_CEASEFIRE, STEP_DOWN, WITHDRAW


def decide(st: BatchState, view: View, needs: Requirements | None = None) -> Moves:
    """Every actor's move, with infeasible ones turned into holds (``feasible.feasible``;
    ``needs``: the state's ``requirements.Requirements`` if already at hand)."""
    return feasible(st, choose(st, view), needs)


def choose(st: BatchState, view: View) -> Moves:
    """Every actor's decision by its doctrine and the rule set ``st.rules.name`` (see the
    module docstring), before the feasibility check."""
    lay = st.layout
    u_doctrine = st.random(lay.A, lay.E)
    u_rule = st.random(lay.A, lay.A)
    moves = FALLBACK[st.rules.name](st, view, u_rule)
    lonely = ~lay.deals.any(axis=1) & np.array([not d for d in lay.doctrine], dtype=bool)
    if lonely.any():
        where = np.broadcast_to(lonely[None], moves.action.shape)
        put(moves, where, HOLD, NONE, view.own_rung, "hold", "deals with no other actor")
    follow_doctrine(st, view, u_doctrine, moves)
    return moves


def landing(current: np.ndarray, action: str, action_rung: int) -> np.ndarray:
    """The posture ``action`` leaves toward its target from ``current`` (``rules.landing``):
    holding and a ceasefire offer keep it, a step down lowers it one rung, a withdrawal goes to
    the bottom rung, any other action lifts it to the action's rung, never lowers it."""
    if action in (HOLD, OFFER_CEASEFIRE):
        return current
    if action == STEP_DOWN:
        return np.maximum(0, current - 1)
    if action == WITHDRAW:
        return np.zeros_like(current)
    return np.maximum(current, action_rung)


def follow_doctrine(st: BatchState, view: View, u: np.ndarray, moves: Moves) -> np.ndarray:
    """Put into ``moves`` each actor's first doctrine entry, in the scenario's order, that
    fires: not a spent ``once`` entry, its conditions hold, and its draw ``u[:, a, e]`` falls
    below its turn probability; risky entries (onto a nuclear rung, or climbing toward a
    nuclear-armed target) fire with that chance as if the hazard were scaled by 2 x risk
    tolerance. Target: the entry's, else the adversary; rung: ``landing`` capped by the actor's
    ``max_rung`` (``rules.follow_doctrine``). Returns [R, A] where an entry fired."""
    lay = st.layout
    lanes = np.arange(st.R)
    fired = np.zeros((st.R, lay.A), dtype=bool)
    for a, lines in enumerate(lay.doctrine):
        free = np.ones(st.R, dtype=bool)
        for e, line in enumerate(lines):
            live = free & ~st.spent[:, a, e] if line.once else free.copy()
            if not live.any():
                continue
            live &= conditions.holds(line.when, view, st, a)
            if not live.any():
                continue
            if line.target is not None:
                target = np.full(st.R, lay.actor_index[line.target])
            else:
                target = view.adversary[:, a]
            aimed = np.maximum(target, 0)
            dyad = (target >= 0) & lay.deals[a, aimed]
            current = np.where(dyad, view.own[lanes, a, aimed], view.own_rung[:, a])
            chance = line.turn_probability
            if chance < 1.0:
                risky = (line.rung > current) & dyad & view.target_nuclear[lanes, a, aimed]
                if line.rung in lay.ladder.nuclear_rungs:
                    risky[:] = True
                scaled = 1.0 - (1.0 - chance) ** (2.0 * st.risk_tolerance[:, a])
                odds = np.where(risky, scaled, chance)
                passes = (odds >= 1.0) | (u[:, a, e] < odds)
                for r in np.flatnonzero(live & risky & (np.abs(u[:, a, e] - odds) < NEAR)):
                    exact = 1.0 - (1.0 - chance) ** (2.0 * float(st.risk_tolerance[r, a]))
                    passes[r] = exact >= 1.0 or float(u[r, a, e]) < exact  # a near-tie
                live &= passes
            if not live.any():
                continue
            rows = np.flatnonzero(live)
            rung = np.minimum(landing(current[rows], line.action, line.rung), lay.max_rung[a])
            moves.action[rows, a], moves.target[rows, a] = ACTION[line.action], target[rows]
            moves.rung[rows, a], moves.entry[rows, a] = rung, e
            moves.rule[rows, a], moves.reason[rows, a] = f"doctrine:{line.id}", line.reason
            free &= ~live
            fired[:, a] = live | fired[:, a]
    return fired
