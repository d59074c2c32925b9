"""What every actor can do toward every target, over arrays: the actions table's requirements.

Mirrors ``sim/abm/perception.py``'s requirements (``_REQUIREMENTS``, ``possible``,
``_next_up``): ``Requirements`` answers each requirement of ``REQUIREMENTS`` for every lane,
actor and target at once, each worked out once per state; ``possible`` says whether an actor
meets all of an action's requirements toward a target; ``next_up`` is the lowest rung above an
actor's posture, up to its cap, with an action it can take now, read from one table of every
pattern of requirements met.

Random numbers: none.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from sim.batch.layout import NONE
from sim.batch.state import BatchState
from sim.batch.structure import (
    belligerent,
    facing,
    fights,
    has_recipients,
    own_units,
    partner_units,
    restricted_supplies,
)
from sim.domain.actions import REQUIREMENTS, action_table


def requirement(st: BatchState, name: str) -> np.ndarray:
    """[R, A, A] whether ``a`` meets requirement ``name`` (``REQUIREMENTS``) toward ``b``
    (``perception._REQUIREMENTS``)."""
    return Requirements(st)[name]


# the requirements that depend on the actor alone, whatever the target, and how to answer them
_OF_ACTOR = {
    "nuclear": lambda st: np.broadcast_to(st.layout.nuclear[None, :], (st.R, st.layout.A)),
    "partner_units": partner_units,
    "restricted_supplies": restricted_supplies,
    "own_units": own_units,
}


class Requirements:
    """Every requirement's answer for one state, each worked out once on first use (the
    structural predicates they share, e.g. ``fights``, too)."""

    def __init__(self, st: BatchState):
        self.st = st
        self._cache: dict[str, np.ndarray] = {}

    def fighting(self) -> np.ndarray:
        """``fights(st)``, worked out once."""
        if "fights" not in self._cache:
            self._cache["fights"] = fights(self.st)
        return self._cache["fights"]

    def __getitem__(self, name: str) -> np.ndarray:
        """[R, A, A] whether ``a`` meets requirement ``name`` toward ``b``."""
        if name in _OF_ACTOR:
            st = self.st
            return np.broadcast_to(
                self.of_actor(name)[:, :, None], (st.R, st.layout.A, st.layout.A)
            )
        if name not in REQUIREMENTS:
            raise KeyError(f"requirement {name!r}; allowed: {', '.join(REQUIREMENTS)}")
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._toward(name)
        return hit

    def of_actor(self, name: str) -> np.ndarray:
        """[R, A] a requirement that depends on the actor alone (``_OF_ACTOR``)."""
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = _OF_ACTOR[name](self.st)
        return hit

    def _toward(self, name: str) -> np.ndarray:
        st = self.st
        if name == "belligerent":
            return belligerent(st, self.fighting())
        if name == "units_facing":
            return facing(st, in_combat=False)
        return has_recipients(st, self.fighting())  # recipients

    def pattern(self) -> np.ndarray:
        """[R, A, A] uint8: bit ``k`` set where ``a`` meets the ``k``th of ``REQUIREMENTS``
        toward ``b``."""
        st = self.st
        mine = np.zeros((st.R, st.layout.A), dtype=np.uint8)
        out = np.zeros((st.R, st.layout.A, st.layout.A), dtype=np.uint8)
        for bit, name in enumerate(REQUIREMENTS):
            if name in _OF_ACTOR:
                mine |= self.of_actor(name).view(np.uint8) << np.uint8(bit)
            else:
                out |= self[name].view(np.uint8) << np.uint8(bit)
        out |= mine[:, :, None]
        return out

    def possible(self, action: str) -> np.ndarray:
        """[R, A, A] whether ``a`` meets every requirement of ``action`` toward ``b``."""
        key = "action:" + action
        hit = self._cache.get(key)
        if hit is None:
            lay = self.st.layout
            hit = np.ones((self.st.R, lay.A, lay.A), dtype=bool)
            for need in action_table()[action].requires:
                hit = hit & self[need]
            self._cache[key] = hit
        return hit


def possible(st: BatchState, action: str) -> np.ndarray:
    """[R, A, A] whether ``a`` has what ``action`` requires toward ``b`` (actions table;
    ``perception.possible``)."""
    return Requirements(st).possible(action)


def next_up(st: BatchState, needs: Requirements | None = None) -> np.ndarray:
    """[R, A, A] the lowest rung above ``a``'s posture toward ``b``, up to ``a``'s cap, with an
    action ``a`` can take toward ``b`` now; NONE if there is none (``perception._next_up``).
    ``needs``: the state's ``Requirements`` if already at hand.

    Which requirements ``a`` meets toward ``b`` make a pattern of bits; a table of every
    pattern, posture and cap (``_next_up_table``) gives the answer in one look-up."""
    lay = st.layout
    needs = needs or Requirements(st)
    pattern = needs.pattern()
    table = _next_up_table(tuple(r.actions for r in lay.ladder.rungs))
    n = lay.L
    at = pattern.astype(np.int32) * (n * n) + (lay.max_rung.astype(np.int32) * n)[None, :, None]
    at += np.clip(st.posture, 0, n - 1).astype(np.int32)
    return table.ravel().take(at)  # table[pattern, cap, own]


@cache
def _next_up_table(rungs: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """[2**len(REQUIREMENTS), L, L]: for a pattern of requirements met (bit ``k``: the ``k``th
    of ``REQUIREMENTS``), a cap and a posture, the lowest rung above the posture, up to the
    cap, with an action whose requirements are all met; NONE if none."""
    n, top = len(REQUIREMENTS), len(rungs)
    table = np.full((1 << n, top, top), NONE, dtype=np.int64)  # [pattern, cap, own]
    bits = {name: 1 << k for k, name in enumerate(REQUIREMENTS)}
    for pattern in range(1 << n):
        ok = [any(all(pattern & bits[r] for r in action_table()[act].requires) for act in acts)
              for acts in rungs]  # fmt: skip
        for own in range(top):
            for cap in range(top):
                table[pattern, cap, own] = next((r for r in range(own + 1, cap + 1) if ok[r]), NONE)
    return table
