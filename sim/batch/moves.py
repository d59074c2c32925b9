"""Writing moves over arrays: holding, climbing, stepping down, and the words of their reasons.

Mirrors ``sim/domain/rules.py``'s move writers (``_hold``, ``_climb``, ``_step_down``) for the
chosen actors of every lane at once; ``put`` sets any move. The ladder's look-ups the rules need
(Kahn crossings, nuclear rungs, each rung's primary action and label) are worked out once per
ladder.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from sim.batch.layout import ACTION, NONE
from sim.batch.state import BatchState
from sim.batch.view import Moves, View
from sim.domain.ladder import Ladder
from sim.domain.rules import HOLD, STEP_DOWN


# ------------------------------------------------------------------ the moves
def holds(st: BatchState, view: View, rule: str, why: str) -> Moves:
    """Every actor holding toward its adversary, at its posture toward it (its overall rung if
    it has none) (``rules._hold``)."""
    adversary = view.adversary
    toward = np.take_along_axis(view.own, np.maximum(adversary, 0)[:, :, None], axis=2)[:, :, 0]
    rung = np.where(adversary >= 0, toward, view.own_rung)
    shape = adversary.shape
    return Moves(
        action=np.full(shape, ACTION[HOLD], dtype=np.int64), target=adversary.copy(),
        rung=rung.astype(np.int64), entry=np.full(shape, NONE, dtype=np.int64),
        rule=texts(shape, rule), reason=texts(shape, why),
    )  # fmt: skip


def texts(shape: tuple[int, ...], text: str) -> np.ndarray:
    """An object array of ``shape`` holding ``text`` (``np.full`` is slow for objects)."""
    out = np.empty(shape, dtype=object)
    out[...] = text
    return out


def climb(moves: Moves, where: np.ndarray, target: np.ndarray, next_up: np.ndarray,
           st: BatchState, rule: str, why) -> None:  # fmt: skip
    """Climb toward ``target`` to the next feasible rung (capped), by the rung's primary
    action; the reason is ``why`` followed by the rung's label (``rules._climb``)."""
    if not where.any():
        return
    lay = st.layout
    rung = np.minimum(next_up, lay.max_rung[None, :])
    action = ladder_tables(lay.ladder).primary[rung[where]]
    put(moves, where, action, target, rung, rule, why + rung_labels(lay.ladder)[rung[where]])


def step_down(moves: Moves, where: np.ndarray, target: np.ndarray, own: np.ndarray, rule: str,
               why) -> None:  # fmt: skip
    """Step down one rung toward ``target`` (``rules._step_down``; ``why`` ends with the
    label of the rung it leaves the actor on)."""
    put(moves, where, STEP_DOWN, target, np.maximum(0, own - 1), rule, why)


def put(moves: Moves, where: np.ndarray, action, target, rung, rule: str, reason,
         entry: int = NONE) -> None:  # fmt: skip
    """Set the moves ``where`` ([R, A] bool): ``action`` a name or action indices of the
    chosen moves; ``target``, ``rung`` scalars or arrays broadcast to [R, A]; ``reason`` one
    text or the texts of the chosen moves."""
    shape = where.shape
    moves.action[where] = ACTION[action] if isinstance(action, str) else action
    moves.target[where] = np.broadcast_to(target, shape)[where]
    moves.rung[where] = np.broadcast_to(rung, shape)[where]
    moves.entry[where] = entry
    moves.rule[where] = rule
    moves.reason[where] = reason


# ------------------------------------------------------------------ words and ladder look-ups
def formatted(x: np.ndarray, spec: str) -> np.ndarray:
    """``format(v, spec)`` of every value of ``x``, as an object array (each distinct value
    formatted once; values told apart by their bits, so -0.0 keeps its sign)."""
    _, first, inverse = np.unique(x.view(np.uint64), return_index=True, return_inverse=True)
    texts = np.array([format(v, spec) for v in x[first].tolist()], dtype=object)
    return texts[inverse.reshape(x.shape)]


class LadderTables:
    """Ladder look-ups as arrays: Kahn crossings [L, L], nuclear rungs [L], primary actions [L]."""

    def __init__(self, ladder: Ladder):
        n = len(ladder.rungs)
        self.crossing = np.array([[ladder.crosses_threshold(a, b) is not None for b in range(n)]
                                  for a in range(n)], dtype=bool)  # fmt: skip
        self.nuclear = np.array([r in ladder.nuclear_rungs for r in range(n)], dtype=bool)
        self.primary = np.array([ACTION[ladder.primary_action(r)] for r in range(n)])


@cache
def ladder_tables(ladder: Ladder) -> LadderTables:
    return LadderTables(ladder)


@cache
def rung_labels(ladder: Ladder) -> np.ndarray:
    """[L] each rung's label in lower case, as the reasons end (object array)."""
    return np.array([r.label.lower() for r in ladder.rungs], dtype=object)
