"""The condition vocabulary over arrays: a doctrine entry's or inject's ``when`` for one actor in
every lane of a block at once.

Mirrors ``sim/domain/conditions.py`` condition by condition (``VOCABULARY`` says what each
means): the flags come from the view (``View.flags``, the Situation's names), the ladder
questions from the view's adversary fields, ``losses_above`` from the actor's last week's losses
(``BatchState.weekly_losses``, the Situation's ``own_losses``) and ``step_at_least`` from the
block's turn. Thresholds an entry does not give default to the rule parameters
(``front_failing_control``, ``restriction_easing_control``).

Random numbers: none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from sim.batch.state import BatchState
from sim.batch.view import View
from sim.domain.conditions import VOCABULARY, Args

Test = Callable[[View, BatchState, int, Args], np.ndarray]  # -> [R] bool


def _flag(name: str) -> Test:
    """The flag of the condition's own name (``View.flags``)."""
    return lambda v, st, a, args: v.flags[name][:, a]


def _below(flag: str, default: str) -> Test:
    """Control ``flag`` below the entry's ``control_below``, else the rule parameter
    ``default``."""

    def test(v: View, st: BatchState, a: int, args: Args) -> np.ndarray:
        limit = float(args.get("control_below", getattr(st.rules, default)))
        return v.flags[flag][:, a] < limit

    return test


def _at_least(field: str, rung: str | None = None) -> Test:
    """The view's rung ``field`` at or above ``rung`` (None: the entry's ``rung`` argument)."""

    def test(v: View, st: BatchState, a: int, args: Args) -> np.ndarray:
        return getattr(v, field)[:, a] >= st.layout.ladder.index(rung or str(args["rung"]))

    return test


_TESTS: dict[str, Test] = {
    "always": lambda v, st, a, args: np.ones(st.R, dtype=bool),
    "front_failing": _below("own_control", "front_failing_control"),
    "supplied_ally_front_failing": _below("supplied_ally_control", "restriction_easing_control"),
    "adversary_rung_at_least": _at_least("adversary_rung"),
    "adversary_escalated": lambda v, st, a, args: v.adversary_last_move[:, a] > 0,
    "adversary_nuclear_signal": _at_least("max_adversary_rung", "nuclear_signalling"),
    "losses_above": lambda v, st, a, args: st.weekly_losses[:, a] > float(args["fraction"]),
    "step_at_least": lambda v, st, a, args: np.full(st.R, st.step >= int(args["step"])),
}
for _name in VOCABULARY:
    _TESTS.setdefault(_name, _flag(_name))  # the rest are flags of their own names
assert set(_TESTS) == set(VOCABULARY), "every condition of the vocabulary has an array test"


def holds(when: Mapping[str, Args | None], view: View, st: BatchState, actor: int) -> np.ndarray:
    """[R] whether every named condition in ``when`` holds for ``actor`` in each lane (a
    conjunction, as ``sim.domain.conditions.holds``)."""
    out = np.ones(st.R, dtype=bool)
    for name, args in when.items():
        out &= _TESTS[name](view, st, actor, args or {})
    return out
