"""Moves that lack what they need become holds, for every lane at once.

Mirrors ``sim.abm.feasible`` (``EscalationModel._feasible``): a hold, a step down or a move
without a target stands; aid (arms, instructors, lifted restrictions) toward an actor the mover
holds no posture toward becomes a hold at the mover's overall rung, since aid is aimed at an
adversary; any other move toward an actor it holds no posture toward stands (e.g. a declaration
about a third party); a move whose requirements (actions table) the mover lacks toward its
target becomes a hold at its posture toward the target, saying which it lacks, in the table's
order. A hold made here keeps the move's rule and target and names no doctrine entry.

Random numbers: none.
"""

from __future__ import annotations

import numpy as np

from sim.batch.layout import ACTION, NONE
from sim.batch.requirements import Requirements
from sim.batch.state import BatchState
from sim.batch.view import Moves
from sim.domain.actions import action_table, is_aid
from sim.domain.rules import HOLD, STEP_DOWN

_AID_WHY = "cannot {} toward {}: aid is aimed at an adversary and reaches whoever fights it"
_LACKS_WHY = "cannot {} toward {}: lacks {}"


def feasible(st: BatchState, moves: Moves, needs: Requirements | None = None) -> Moves:
    """``moves`` with every infeasible one turned into a hold saying why (see the module
    docstring); ``moves`` itself is left alone. ``needs``: the state's ``Requirements`` if
    already at hand (of the state the moves were decided on)."""
    lay = st.layout
    needs = needs or Requirements(st)
    out = Moves(**{k: v.copy() for k, v in vars(moves).items()})
    target = moves.target
    lanes, actors = np.indices(target.shape)
    aimed = np.maximum(target, 0)
    deals = lay.deals[actors, aimed] & (target >= 0)
    toward = st.posture[lanes, actors, aimed]
    met: dict[str, np.ndarray] = {}  # requirement -> [R, A] met toward the move's target
    overall = None  # the movers' overall rungs, worked out if stray aid needs them
    for name, spec in action_table().items():
        chosen = (moves.action == ACTION[name]) & (target >= 0)
        if name in (HOLD, STEP_DOWN) or not chosen.any():
            continue
        words = name.replace("_", " ")
        if is_aid(name):
            aid_why = lambda who, _, words=words: _AID_WHY.format(words, who)  # noqa: E731
            stray = chosen & ~deals
            if stray.any():
                overall = st.rung() if overall is None else overall
                _hold(out, stray, overall, lay.actor_ids, aid_why)
        lacking = np.zeros(target.shape, dtype=np.int64)  # bit i: lacks spec.requires[i]
        for i, need in enumerate(spec.requires):
            if need not in met:
                met[need] = needs[need][lanes, actors, aimed]
            lacking |= (~met[need]).astype(np.int64) << i

        def why(who: str, pattern: int, requires=spec.requires, words=words) -> str:
            lacks = [n for i, n in enumerate(requires) if pattern >> i & 1]
            return _LACKS_WHY.format(words, who, ", ".join(lacks))

        _hold(out, chosen & deals & (lacking > 0), toward, lay.actor_ids, why, lacking)
    return out


def _hold(moves: Moves, where: np.ndarray, rung: np.ndarray, names: tuple[str, ...], why,
          pattern: np.ndarray | None = None) -> None:  # fmt: skip
    """Turn ``moves`` ``where`` into holds at ``rung`` naming no doctrine entry, each with
    ``why(target's name, pattern)`` as its reason (worked out once per distinct target and
    pattern: a handful of strings, however many lanes)."""
    if not where.any():
        return
    moves.action[where] = ACTION[HOLD]
    moves.rung[where] = rung[where]
    moves.entry[where] = NONE
    bits = np.zeros(where.shape, dtype=np.int64) if pattern is None else pattern
    code = bits[where] * len(names) + moves.target[where]
    kinds, inverse = np.unique(code, return_inverse=True)
    texts = [why(names[c % len(names)], c // len(names)) for c in kinds.tolist()]
    moves.reason[where] = np.array(texts, dtype=object)[inverse]
