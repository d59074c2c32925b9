"""Milestones for every lane at once: ``sim/abm/milestones.py`` over a BatchState.

Each milestone kind (``sim.domain.milestones.Milestone``, a discriminated union) is compiled once
per layout into a test that answers, for every lane, whether the milestone holds now; ``check``
records the first step it held (``EscalationModel._check_milestones``). No random draws.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from sim.batch.layout import ACTION, NONE, Layout
from sim.batch.state import BatchState
from sim.domain.milestones import (
    ActionTaken,
    AllAtMost,
    CeasefireMade,
    ControlBelow,
    DeclarationMade,
    PostureReached,
    RestrictionsLifted,
    RungReached,
    UnitsInCombat,
)

Test = Callable[[BatchState], np.ndarray]  # state -> [R] bool


def check(st: BatchState) -> None:
    """For every milestone not yet reached in a lane, record ``st.step`` where it holds now,
    and log the event "milestone:<name>" (from the world, to nobody) when the step is past the
    start (``EscalationModel._check_milestones``)."""
    lay = st.layout
    tests = compiled(lay)
    if not tests:
        return
    for m, (name, test) in enumerate(zip(lay.milestone_ids, tests, strict=True)):
        open_ = st.milestone_step[:, m] == NONE
        if not open_.any():
            continue
        lanes = np.flatnonzero(open_ & test(st))
        st.milestone_step[lanes, m] = st.step
        if st.step:
            st.log.event(st.step, lanes, NONE, NONE, f"milestone:{name}")


@lru_cache(maxsize=16)  # a layout per scenario; a sweep may compile several
def compiled(lay: Layout) -> tuple[Test, ...]:
    """Each of the scenario's milestones (in its order) as a test over lanes."""
    return tuple(_COMPILE[type(m)](lay, m) for m in lay.scenario.milestones.values())


def _who(lay: Layout, actors: list[str]) -> np.ndarray:
    """[A] bool: the named actors, or everyone if none are named (``_who``)."""
    if not actors:
        return np.ones(lay.A, dtype=bool)
    mask = np.zeros(lay.A, dtype=bool)
    mask[[lay.actor_index[a] for a in actors]] = True
    return mask


def _rung(lay: Layout, rung_id: str) -> int:
    return lay.ladder.index(rung_id)


def _units_in_combat(lay: Layout, m: UnitsInCombat) -> Test:
    """Any unit of the actors is in combat with strength left."""
    units = _who(lay, m.actors)[lay.unit_actor]
    return lambda st: (st.in_combat[:, units] & (st.strength[:, units] > 0)).any(axis=1)


def _declaration(lay: Layout, m: DeclarationMade) -> Test:
    """Any of the actors (anyone, if none) declared the target a co-belligerent."""
    by, target = _who(lay, m.actors), lay.actor_index[m.target]
    return lambda st: st.declared[:, by, target].any(axis=1)


def _restrictions_lifted(lay: Layout, m: RestrictionsLifted) -> Test:
    """A supply to the target had its use restrictions lifted."""
    to = lay.recipient == lay.actor_index[m.target]
    return lambda st: st.lifted[:, to].any(axis=1)


def _rung_reached(lay: Layout, m: RungReached) -> Test:
    """Any of the actors (anyone, if none) stands on the rung or higher toward anyone (an
    actor that deals with nobody stands on its initial rung)."""
    return _rungs_test(lay, _who(lay, m.actors), _rung(lay, m.rung), at_least=True)


def _rungs_test(lay: Layout, who: np.ndarray, rung: int, at_least: bool) -> Test:
    """Whether any of ``who`` has an overall rung (``BatchState.rung``) >= ``rung``
    (``at_least``), or whether all of them have one <= ``rung``: read from the postures of the
    pairs they deal with, the initial rungs of those dealing with nobody settled once."""
    dealing = lay.deals.any(axis=1)
    idle = who & ~dealing
    pairs = np.flatnonzero((lay.deals & who[:, None]).ravel())
    if at_least:
        settled = bool((lay.initial_rung[idle] >= rung).any())
        return lambda st: settled | (st.posture.reshape(st.R, -1)[:, pairs] >= rung).any(axis=1)
    settled = bool((lay.initial_rung[idle] <= rung).all())
    return lambda st: settled & (st.posture.reshape(st.R, -1)[:, pairs] <= rung).all(axis=1)


def _posture_reached(lay: Layout, m: PostureReached) -> Test:
    """Any of the actors (anyone, if none) but the target stands on the rung or higher toward
    the target (0 toward an actor it does not deal with)."""
    target, rung = lay.actor_index[m.target], _rung(lay, m.rung)
    who = _who(lay, m.actors)
    who[target] = False
    return lambda st: (st.posture[:, who, target] >= rung).any(axis=1)


def _control_below(lay: Layout, m: ControlBelow) -> Test:
    """The holder's control of the contested theatre is under the share (never, for a theatre
    that is not contested)."""
    if m.theatre not in lay.theatre_ids:
        return lambda st: np.zeros(st.R, dtype=bool)
    t = lay.theatre_ids.index(m.theatre)
    return lambda st: st.control[:, t] < m.below


def _action_taken(lay: Layout, m: ActionTaken) -> Test:
    """Any of the actors (anyone, if none) took the action."""
    who = _who(lay, m.actors)
    if m.action not in ACTION:
        return lambda st: np.zeros(st.R, dtype=bool)
    k = ACTION[m.action]
    return lambda st: st.taken[:, who, k].any(axis=1)


def _all_at_most(lay: Layout, m: AllAtMost) -> Test:
    """Every one of the actors stands on the rung or lower toward everyone."""
    return _rungs_test(lay, _who(lay, m.actors), _rung(lay, m.rung), at_least=False)


def _ceasefire(lay: Layout, m: CeasefireMade) -> Test:
    """A ceasefire between the two parties was ever made."""
    a, b = (lay.actor_index[x] for x in m.parties)
    return lambda st: st.ceasefire_made[:, a, b]


_COMPILE: dict[type, Callable[[Layout, object], Test]] = {
    UnitsInCombat: _units_in_combat, DeclarationMade: _declaration,
    RestrictionsLifted: _restrictions_lifted, RungReached: _rung_reached,
    PostureReached: _posture_reached, ControlBelow: _control_below,
    ActionTaken: _action_taken, AllAtMost: _all_at_most, CeasefireMade: _ceasefire,
}  # fmt: skip
