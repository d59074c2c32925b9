"""How every actor of every lane sees the world at the start of a turn, over arrays.

Mirrors ``sim/abm/perception.py`` and the structural questions of ``sim/abm/world.py``
(``facing``, ``fights``, ``belligerent``, ``recipients``, ``receivers``): each answer is an
array over lanes and pairs (or triples) of actors, worked out from the block's state, never per
lane in Python. ``requirement`` and ``possible`` answer the actions table's requirements for
every actor toward every target at once.

Random numbers: none.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from sim.abm.perception import COMBAT, WEEK
from sim.abm.world import PRIOR_RESOLVE
from sim.batch.layout import HOLDER, NONE, Layout
from sim.batch.state import BatchState
from sim.batch.view import View
from sim.domain.actions import REQUIREMENTS, action_table


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


# ------------------------------------------------------------------ the view
def perceive(st: BatchState) -> View:
    """Every actor's Situation in every lane (``perception.situation_of`` with every flag).

    Toward each target (``layout.deals``): its own posture and its rise since the scenario's
    start; the target's posture toward it as seen ``rules.perception_lag_days`` ago, its rise
    and its move over the week before; the next rung up it could take (none in a ceasefire);
    the target's deterrence (its perceived resolve above the prior, plus the credibility of the
    relations giving it nuclear cover); the actor's audience cost; whether they fight (and so
    the floor of combat). The adversary is the target seen highest (the first in id order on
    ties). The flags are ``flags(st)``.

    Deviation: the agent measures ``own_rise`` from the postures at its first look (the first
    turn, after that turn's injects); this uses the scenario's initial postures, which differ
    only when an inject of the first turn sets an actor's rung.
    """
    lay = st.layout
    lag = st.rules.perception_lag_days
    needs = Requirements(st)
    # postures are 0 where the holder does not deal with the other (BatchState), so the target's
    # posture toward the actor reads 0 where the target does not deal with it, as the agent's;
    # only the actor's targets count for the adversary and its moves
    own = st.posture.copy()
    seen = np.swapaxes(st.postures_ago(lag), 1, 2).copy()
    move = seen - np.swapaxes(st.postures_ago(lag + WEEK), 1, 2)
    deterrence = st.resolve - PRIOR_RESOLVE
    for c in range(lay.C):  # in the relations' order, as the agent adds them
        a, b = np.nonzero(lay.cover[:, :, c])
        deterrence[:, a, b] += st.credibility[:, c, None]
    fighting = needs.fighting()
    up = next_up(st, needs)
    np.copyto(up, NONE, where=st.ceasefire)
    top = np.where(lay.deals[None], seen, -1)
    adversary = np.where(lay.deals.any(axis=1)[None], top.argmax(axis=2), NONE)
    top_rung = np.maximum(top.max(axis=2), 0)
    top_move = np.where(lay.deals[None], move, 0).max(axis=2).clip(0)
    return View(
        own=own, own_rise=own - lay.initial_posture[None], seen=seen,
        seen_rise=seen - lay.initial_posture.T[None], move=move, next_up=up,
        target_nuclear=np.broadcast_to(lay.nuclear[None, None, :], own.shape),
        deterrence=deterrence, commitment=st.audience.copy(), in_ceasefire=st.ceasefire.copy(),
        fighting=fighting, floor=fighting * COMBAT, own_rung=st.rung(), adversary=adversary,
        adversary_rung=top_rung, adversary_last_move=top_move,
        max_adversary_rung=top_rung, flags=flags(st),
    )  # fmt: skip


def flags(st: BatchState) -> dict[str, np.ndarray]:
    """[R, A] every flag of the condition vocabulary (``perception._FLAGS``, same names).

    The agent works out which theatres and units each flag looks at once, at its first look
    (``Outlook``: the first turn, before any move); so does this, from the scenario's start:
    a theatre is one of an actor's fronts, and a treaty partner's unit is near it, by where
    the units stood at the start, wherever they were deployed since. Whether those units are
    in combat or idle, and the theatres' control, are read now.
    """
    lay = st.layout
    control = st.control  # [R, T]
    out: dict[str, np.ndarray] = {}
    worst = _worst_control(lay, control)
    out["own_control"] = worst
    supplied = np.ones((st.R, lay.A))
    for s in range(lay.S):
        a = lay.supplier[s]
        supplied[:, a] = np.minimum(supplied[:, a], worst[:, lay.recipient[s]])
    out["supplied_ally_control"] = supplied
    held = control > 0.0  # [R, T]
    owns = np.zeros((lay.A, lay.T), dtype=bool)
    owns[lay.owner, np.arange(lay.T)] = True
    out["own_territory_occupied"] = _any_of(held, owns)
    out["partner_forces_available"] = _any_of((st.strength > 0) & ~st.in_combat,
                                              _partner_units_near(lay))  # fmt: skip
    out["treaty_partner_attacked"] = _any_of(held, _link(lay.treaty, owns))
    seen_fighting = (st.strength > 0) & st.in_combat & (~lay.unit_covert[None] | st.detected)
    owned_by = lay.unit_actor[None, :] == np.arange(lay.A)[:, None]  # [A, U]
    # the actors aligned with an adversary, other than the actor and those at war with anyone
    adversary_partners = _link(lay.adversary, lay.aligned) & ~np.eye(lay.A, dtype=bool)
    adversary_partners &= ~lay.at_war.any(axis=1)[None, :]
    out["adversary_partner_in_combat"] = _any_of(seen_fighting, _link(adversary_partners, owned_by))
    out["adversary_forces_in_combat"] = _any_of(seen_fighting, _link(lay.adversary, owned_by))
    out["own_supplies_restricted"] = restricted_supplies(st)
    out["declared_co_belligerent"] = st.declared.any(axis=1)
    to_adversary = lay.adversary[:, lay.recipient]  # [A, S]
    out["restrictions_lifted_against"] = _any_of(st.lifted, to_adversary)
    out["own_forces_in_combat"] = _any_of((st.strength > 0) & st.in_combat, owned_by)
    return out


def _any_of(x: np.ndarray, which: np.ndarray) -> np.ndarray:
    """[R, A]: whether ``x[r, k]`` holds for some ``k`` with ``which[a, k]`` (a boolean matrix
    product in float32: exact for counts this small)."""
    return np.matmul(x.astype(np.float32), which.T.astype(np.float32)) > 0


def _link(first: np.ndarray, then: np.ndarray) -> np.ndarray:
    """[A, C] whether some ``b`` has ``first[a, b]`` and ``then[b, c]`` (static relations)."""
    return (first.astype(np.int64) @ then.astype(np.int64)) > 0


def _worst_control(lay: Layout, control: np.ndarray) -> np.ndarray:
    """[R, A] the worst share of ground an actor's side has on its fronts: the contested
    theatres where it takes a side and is the owner, the holder or has a unit from the start
    (``perception._worst_control`` of ``fronts_of``); 1.0 with none."""
    worst = np.ones(control.shape[:1] + (lay.A,))
    for t in range(lay.T):
        present = np.zeros(lay.A, dtype=bool)
        present[[lay.owner[t], lay.holder[t]]] = True
        present[lay.unit_actor[lay.unit_place == lay.theatre_place[t]]] = True
        front = present & (lay.side[:, t] != 0)
        ours = np.where(lay.side[:, t] == HOLDER, control[:, t, None], 1.0 - control[:, t, None])
        worst = np.where(front[None], np.minimum(worst, ours), worst)
    return worst


def _partner_units_near(lay: Layout) -> np.ndarray:
    """[A, U] the treaty partners' units that stood, at the start, where the actor had a unit
    or on a contested theatre of its territory (``Outlook.partner_units_near``)."""
    mine = np.zeros((lay.A, lay.P), dtype=bool)
    mine[lay.unit_actor, lay.unit_place] = True
    mine[lay.owner, lay.theatre_place] = True
    near = mine[:, lay.unit_place]  # [A, U]: unit u stands on one of a's places
    return near & lay.treaty[:, lay.unit_actor]
