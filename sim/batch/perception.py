"""How every actor of every lane sees the world at the start of a turn, over arrays.

Mirrors ``sim/abm/perception.py`` and the structural questions of ``sim/abm/world.py``
(``facing``, ``fights``, ``belligerent``, ``recipients``, ``receivers``): each answer is an
array over lanes and pairs (or triples) of actors, worked out from the block's state, never per
lane in Python. ``requirement`` and ``possible`` answer the actions table's requirements for
every actor toward every target at once.

Random numbers: none.
"""

from __future__ import annotations

import numpy as np

from sim.batch.layout import Layout
from sim.batch.state import BatchState
from sim.domain.actions import REQUIREMENTS, action_table


# ------------------------------------------------------------------ who faces and fights whom
def facing(st: BatchState, in_combat: bool) -> np.ndarray:
    """[R, A, A] whether ``a`` has units with strength left (in combat, if asked) at a place
    where ``a`` and ``b`` take opposite sides of a contested theatre (``World.facing``). Units
    are looked up where they are now (``st.place``), so a deployed unit faces from its new
    place."""
    lay = st.layout
    out = np.zeros((st.R, lay.A, lay.A), dtype=bool)
    if not lay.U:
        return out
    active = st.strength > 0
    if in_combat:
        active &= st.in_combat
    # [R, U, A]: the place of unit u is contested with its actor and b on opposite sides
    opposed = lay.opposed[lay.unit_actor[None, :], :, st.place]
    hit = opposed & active[:, :, None]
    for a in range(lay.A):
        units = lay.units_of[a]
        if units.size:
            out[:, a, :] = hit[:, units, :].any(axis=1)
    return out


def fights(st: BatchState) -> np.ndarray:
    """[R, A, A] whether ``a`` fights ``b``: at war, or ``a``'s units in combat against
    ``b``'s side of a contested theatre (``World.fights``)."""
    return st.layout.at_war[None] | facing(st, in_combat=True)


def belligerent(st: BatchState, fighting: np.ndarray | None = None) -> np.ndarray:
    """[R, A, A] whether ``a`` may use force against ``b``: it fights ``b``, or it or an actor
    aligned with it declared ``b`` a co-belligerent (``World.belligerent``). ``fighting``:
    ``fights(st)`` if already worked out."""
    lay = st.layout
    fighting = fights(st) if fighting is None else fighting
    friends = lay.aligned | np.eye(lay.A, dtype=bool)  # [a, by]
    declared_by_friend = np.einsum("ac,rcb->rab", friends.astype(np.int64),
                                   st.declared.astype(np.int64)) > 0  # fmt: skip
    return fighting | declared_by_friend


def supplies_to(lay: Layout) -> np.ndarray:
    """[A, A] whether ``a`` supplies ``x`` (some supply relation from ``a`` to ``x``)."""
    out = np.zeros((lay.A, lay.A), dtype=bool)
    out[lay.supplier, lay.recipient] = True
    return out


def recipients(st: BatchState, fighting: np.ndarray | None = None) -> np.ndarray:
    """[R, A, A, A] indexed [lane, a, b, x]: whether ``x`` is among those ``a`` helps against
    ``b`` (``World.recipients``): the parties ``a`` supplies (other than ``b``) that fight
    ``b``; if there are none, every actor other than ``a`` and ``b`` that is not ``a``'s
    adversary and fights ``b``. ``fighting``: ``fights(st)`` if already worked out."""
    lay = st.layout
    n = lay.A
    fighting = fights(st) if fighting is None else fighting
    fights_b = np.swapaxes(fighting, 1, 2)[:, None, :, :]  # [R, 1, b, x]: x fights b
    not_b = ~np.eye(n, dtype=bool)[None, :, :]  # [1, b, x]: x != b
    found = (supplies_to(lay)[:, None, :] & not_b)[None] & fights_b
    not_a = ~np.eye(n, dtype=bool)[:, None, :]  # [a, 1, x]
    others = (not_a & not_b & ~lay.adversary[:, None, :])[None] & fights_b
    return np.where(found.any(axis=3, keepdims=True), found, others)


def receivers(layout: Layout) -> np.ndarray:
    """[A, A, A] indexed [a, b, x]: whether ``x`` hears a signal from ``a`` to ``b``: ``b`` and
    the actors aligned with ``b``, except ``a`` (``World.receivers``)."""
    n = layout.A
    eye = np.eye(n, dtype=bool)
    out = layout.aligned[None, :, :] & ~eye[:, None, :]  # aligned with b, not a
    return out | eye[None, :, :]  # b itself


# ------------------------------------------------------------------ what is possible
def _nuclear(st: BatchState) -> np.ndarray:
    lay = st.layout
    return np.broadcast_to(lay.nuclear[None, :, None], (st.R, lay.A, lay.A))


def _per_actor(st: BatchState, has: np.ndarray) -> np.ndarray:
    """[R, A] -> [R, A, A]: an actor's own property, whatever the target."""
    return np.broadcast_to(has[:, :, None], (st.R, st.layout.A, st.layout.A))


def partner_units(st: BatchState) -> np.ndarray:
    """[R, A] whether a treaty partner of ``a`` has a unit with strength left, out of combat,
    at a place where ``a`` has a unit (wherever it is now, any strength) or that is a contested
    theatre on ``a``'s territory (``perception._partner_units``; the same for every target)."""
    lay = st.layout
    out = np.zeros((st.R, lay.A), dtype=bool)
    if not lay.U:
        return out
    ready = (st.strength > 0) & ~st.in_combat  # [R, U]
    own_ground = np.zeros((lay.A, lay.P), dtype=bool)
    own_ground[lay.owner, lay.theatre_place] = True
    rows = np.arange(st.R)[:, None]
    for a in range(lay.A):
        partners = np.flatnonzero(lay.treaty[a])
        units = np.concatenate([lay.units_of[p] for p in partners]) if partners.size else []
        if not len(units):
            continue
        mine = np.broadcast_to(own_ground[a], (st.R, lay.P)).copy()
        mine[rows, st.place[:, lay.units_of[a]]] = True
        near = mine[rows, st.place[:, units]] & ready[:, units]
        out[:, a] = near.any(axis=1)
    return out


def restricted_supplies(st: BatchState) -> np.ndarray:
    """[R, A] whether ``a`` delivers a supply whose use it restricts and has not lifted."""
    lay = st.layout
    out = np.zeros((st.R, lay.A), dtype=bool)
    for s in range(lay.S):
        if lay.restricted[s]:
            out[:, lay.supplier[s]] |= ~st.lifted[:, s]
    return out


def own_units(st: BatchState) -> np.ndarray:
    """[R, A] whether ``a`` has a unit with strength left."""
    lay = st.layout
    out = np.zeros((st.R, lay.A), dtype=bool)
    alive = st.strength > 0
    for a in range(lay.A):
        if lay.units_of[a].size:
            out[:, a] = alive[:, lay.units_of[a]].any(axis=1)
    return out


def requirement(st: BatchState, name: str) -> np.ndarray:
    """[R, A, A] whether ``a`` meets requirement ``name`` (``REQUIREMENTS``) toward ``b``
    (``perception._REQUIREMENTS``)."""
    return Requirements(st)[name]


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
        if name not in REQUIREMENTS:
            raise KeyError(f"requirement {name!r}; allowed: {', '.join(REQUIREMENTS)}")
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._work_out(name)
        return hit

    def _work_out(self, name: str) -> np.ndarray:
        st = self.st
        if name == "nuclear":
            return _nuclear(st)
        if name == "belligerent":
            return belligerent(st, self.fighting())
        if name == "units_facing":
            return facing(st, in_combat=False)
        if name == "partner_units":
            return _per_actor(st, partner_units(st))
        if name == "recipients":
            return recipients(st, self.fighting()).any(axis=3)
        if name == "restricted_supplies":
            return _per_actor(st, restricted_supplies(st))
        return _per_actor(st, own_units(st))  # own_units

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
