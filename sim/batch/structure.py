"""Who faces, fights, declares for and supplies whom in every lane, over arrays.

Mirrors the structural questions of ``sim/abm/world.py`` (``facing``, ``fights``,
``belligerent``, ``recipients``, ``receivers``) and the actor-only requirements of
``sim/abm/perception.py`` (partner units, restricted supplies, own units): each answer is an
array over lanes and pairs (or triples) of actors, worked out from the block's state, never per
lane in Python.

Random numbers: none.
"""

from __future__ import annotations

import numpy as np

from sim.batch.layout import Layout
from sim.batch.state import BatchState


# ------------------------------------------------------------------ who faces and fights whom
def _through(link: np.ndarray, x: np.ndarray) -> np.ndarray:
    """[R, A, A]: whether some ``c`` with ``link[a, c]`` has ``x[r, c, b]`` (a boolean matrix
    product, done in float32: counts up to A are exact)."""
    return np.matmul(link.astype(np.float32), x.astype(np.float32)) > 0


def facing(st: BatchState, in_combat: bool) -> np.ndarray:
    """[R, A, A] whether ``a`` has units with strength left (in combat, if asked) at a place
    where ``a`` and ``b`` take opposite sides of a contested theatre (``World.facing``). Units
    are looked up where they are now (``st.place``), so a deployed unit faces from its new
    place."""
    lay = st.layout
    active = st.strength > 0
    if in_combat:
        active &= st.in_combat
    # [R, U, A]: unit u is active where its actor and b take opposite sides
    hit = lay.opposed[lay.unit_actor[None, :], :, st.place] & active[:, :, None]
    owned_by = lay.unit_actor[None, :] == np.arange(lay.A)[:, None]  # [A, U]
    return _through(owned_by, hit)


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
    return fighting | _through(friends, st.declared)


def supplies_to(lay: Layout) -> np.ndarray:
    """[A, A] whether ``a`` supplies ``x`` (some supply relation from ``a`` to ``x``)."""
    out = np.zeros((lay.A, lay.A), dtype=bool)
    out[lay.supplier, lay.recipient] = True
    return out


def recipients(st: BatchState, fighting: np.ndarray | None = None) -> np.ndarray:
    """[R, A, A, A] indexed [lane, a, b, x]: whether ``x`` is among those ``a`` helps against
    ``b`` (``World.recipients``): the parties ``a`` supplies (other than ``b``) that fight
    ``b``; if there are none, every actor other than ``a`` and ``b`` that is not ``a``'s
    adversary and fights ``b``. ``fighting``: ``fights(st)`` if already worked out, or of some
    lanes only ([n, A, A]: the answer is then for those lanes)."""
    lay = st.layout
    n = lay.A
    fighting = fights(st) if fighting is None else fighting
    fights_b = np.swapaxes(fighting, 1, 2)[:, None, :, :]  # [R, 1, b, x]: x fights b
    not_b = ~np.eye(n, dtype=bool)[None, :, :]  # [1, b, x]: x != b
    found = (supplies_to(lay)[:, None, :] & not_b)[None] & fights_b
    not_a = ~np.eye(n, dtype=bool)[:, None, :]  # [a, 1, x]
    others = (not_a & not_b & ~lay.adversary[:, None, :])[None] & fights_b
    return np.where(found.any(axis=3, keepdims=True), found, others)


def has_recipients(st: BatchState, fighting: np.ndarray | None = None) -> np.ndarray:
    """[R, A, A] whether ``a`` has anyone to help against ``b`` (``recipients(st)`` not empty):
    a party it supplies fights ``b``, or another actor, not its adversary, fights ``b``. (An
    actor never fights itself, so ``x != b`` holds of whoever fights ``b``.)"""
    lay = st.layout
    fighting = fights(st) if fighting is None else fighting
    others = ~np.eye(lay.A, dtype=bool) & ~lay.adversary  # [a, x]
    return _through(supplies_to(lay) | others, fighting)


def receivers(layout: Layout) -> np.ndarray:
    """[A, A, A] indexed [a, b, x]: whether ``x`` hears a signal from ``a`` to ``b``: ``b`` and
    the actors aligned with ``b``, except ``a`` (``World.receivers``)."""
    n = layout.A
    eye = np.eye(n, dtype=bool)
    out = layout.aligned[None, :, :] & ~eye[:, None, :]  # aligned with b, not a
    return out | eye[None, :, :]  # b itself


# ------------------------------------------------------------------ what is possible
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
