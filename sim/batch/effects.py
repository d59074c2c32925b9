"""What moves change, for every lane at once: ``sim/abm/effects.py`` over a BatchState.

``apply_moves`` plays the part of ``EscalationModel._play_turn`` between deciding and
bargaining: every decision's move (posture, action taken, doctrine entry spent) and its log rows
first, then, actor by actor in id order, the effects of each action from the actions table
(``sim/domain/data/actions.yaml``), with a stand-down after step-downs and withdrawals. Each
effect kind is one function over the lanes where the action was taken (``sim/batch/kinds.py``);
none knows which action called it.

Random numbers: none (moves and their effects are deterministic).
"""

from __future__ import annotations

import numpy as np

from sim.batch.kinds import KINDS, MOVES_UNITS, PER_WHOM, Roles
from sim.batch.layout import ACTION, ACTIONS
from sim.batch.state import BatchState
from sim.batch.view import Moves
from sim.domain.actions import action_table
from sim.domain.rules import HOLD, STEP_DOWN, WITHDRAW


def apply_moves(st: BatchState, moves: Moves) -> None:
    """Apply every actor's move in every lane, log it, then apply the effects in actor order
    (``effects.move``, the recorder calls and ``effects.consequences`` /
    ``effects.stand_down`` as ``EscalationModel._play_turn`` calls them)."""
    roles = Roles(st)
    _move(st, moves)
    _log(st, moves, roles)
    table = action_table()
    hold = ACTION[HOLD]
    for a in range(st.layout.A):
        acts = moves.action[:, a]
        for k in np.flatnonzero(np.bincount(acts, minlength=len(ACTIONS))):
            if k == hold:
                continue
            lanes = np.flatnonzero(acts == k)
            spec = table.get(ACTIONS[k])
            aimed = lanes[moves.target[lanes, a] >= 0]
            if spec is not None and aimed.size:
                _consequences(st, roles, spec, aimed, a, moves.target[aimed, a])
            if ACTIONS[k] in (STEP_DOWN, WITHDRAW) and stand_down(st, lanes, a):
                roles.changed()


def _move(st: BatchState, moves: Moves) -> None:
    """Postures toward the targets, actions taken (not holds) and doctrine entries used
    (``sim.abm.effects.move``)."""
    acting = moves.action != ACTION[HOLD]
    ln, a = np.nonzero(acting & (moves.target >= 0))
    st.set_posture(ln, a, moves.target[ln, a], moves.rung[ln, a])
    ln, a = np.nonzero(acting)
    st.taken[ln, a, moves.action[ln, a]] = True
    ln, a = np.nonzero(moves.entry >= 0)
    st.spent[ln, a, moves.entry[ln, a]] = True


def _log(st: BatchState, moves: Moves, roles: Roles) -> None:
    """One decision row per actor and lane (holds included), one event per move that is not a
    hold, coded toward the first recipient (id order) for aid, else the target
    (``EscalationModel._coded_target``). Rows run lane by lane, actors in id order."""
    R, A = moves.action.shape  # noqa: N806
    lanes = np.repeat(np.arange(R), A)
    actors = np.tile(np.arange(A), R)
    st.log.decision(st.step, lanes, actors, moves.target.ravel(), moves.action.ravel(),
                    moves.rung.ravel(), moves.rule.ravel(), moves.reason.ravel())  # fmt: skip
    ln, a = np.nonzero(moves.action != ACTION[HOLD])
    action, target = moves.action[ln, a], moves.target[ln, a]
    coded = target.copy()
    aid = _AID[action] & (target >= 0)
    if aid.any():
        helped = roles.recipients(ln[aid], a[aid], target[aid])  # [n, A]
        coded[aid] = np.where(helped.any(axis=1), helped.argmax(axis=1), target[aid])
    st.log.event(st.step, ln, a, coded, action)


_AID = np.array([getattr(action_table().get(k), "coded_toward", "") == "recipient"
                 for k in ACTIONS], dtype=bool)  # fmt: skip


def _consequences(st: BatchState, roles: Roles, spec, lanes: np.ndarray, actor: int,
                  target: np.ndarray) -> None:  # fmt: skip
    """The action's effects in the table's order, each on its role (``effects.consequences``):
    once for each whom (in id order), as the agent calls it, even for kinds that change only
    the actor's or the target's state; whom the actor helps is worked out anew after effects
    that move units."""
    for e in spec.effects:
        kind = KINDS[e.kind]
        if e.on in ("self", "target"):
            who = np.full(lanes.size, actor) if e.on == "self" else target
            kind(st, e, lanes, actor, target, who)
        else:
            whom = (roles.recipients(lanes, actor, target) if e.on == "recipients"
                    else roles.receivers[actor, target])  # fmt: skip
            if e.kind in PER_WHOM:  # one row per (lane, whom): they change different values
                row, x = np.nonzero(whom)
                kind(st, e, lanes[row], actor, target[row], x)
            else:
                for x in np.flatnonzero(whom.any(axis=0)):
                    m = whom[:, x]
                    kind(st, e, lanes[m], actor, target[m], np.full(int(m.sum()), x))
        if e.kind in MOVES_UNITS:
            roles.changed()


def stand_down(st: BatchState, lanes: np.ndarray, actor: int) -> bool:
    """Take ``actor``'s units out of combat in ``lanes`` wherever its postures toward every
    enemy present in the unit's theatre (units with strength left, the owner and the holder)
    are below combat; nothing changes where it faces no such enemy it deals with
    (``sim.abm.effects.stand_down``). Returns whether any unit left combat."""
    lay = st.layout
    lanes = np.asarray(lanes, dtype=np.int64)
    left = False
    if not lanes.size:
        return left
    combat = lay.ladder.index("combat")
    for j in lay.units_of[actor]:
        fighting = st.in_combat[lanes, j]
        if not fighting.any():
            continue
        ln = lanes[fighting]
        place = st.place[ln, j]
        t = lay.place_theatre[place]
        contested = t >= 0
        ln, place, t = ln[contested], place[contested], t[contested]
        if not ln.size:
            continue
        present = np.zeros((ln.size, lay.A), dtype=bool)
        for k in range(lay.U):
            here = (st.place[ln, k] == place) & (st.strength[ln, k] > 0)
            present[here, lay.unit_actor[k]] = True
        present[np.arange(ln.size), lay.owner[t]] = True
        present[np.arange(ln.size), lay.holder[t]] = True
        sides = lay.side[:, t].T  # [n, A]
        mine = lay.side[actor, t][:, None]
        enemies = present & (sides != 0) & (sides != mine)
        enemies[:, actor] = False
        toward = enemies & lay.deals[actor][None, :]
        top = np.where(toward, st.posture[ln, actor, :], -1).max(axis=1)
        below = toward.any(axis=1) & (top < combat)
        st.in_combat[ln[below], j] = False
        left = left or bool(below.any())
    return left
