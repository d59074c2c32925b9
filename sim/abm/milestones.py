"""Milestones: named events whose first turn each replicate records (``<name>_step``).

Each milestone kind (``sim.domain.milestones.Milestone``, a discriminated union) has one test
here over the World; the scenario schema guarantees the fields each kind needs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from sim.abm.world import World
from sim.domain.ladder import standard_ladder
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


def reached(world: World, m) -> bool:
    """Whether milestone ``m`` holds in the world's current state."""
    return _TESTS[type(m)](world, m)


def _who(world: World, actors: list[str]) -> list[str] | tuple[str, ...]:
    return actors or world.actor_ids


def _units_in_combat(w: World, m: UnitsInCombat) -> bool:
    return any(u.in_combat and u.strength > 0 for a in m.actors for u in w.units_of[a])


def _declaration(w: World, m: DeclarationMade) -> bool:
    return any(t == m.target and (not m.actors or by in m.actors) for by, t in w.declarations)


def _restrictions_lifted(w: World, m: RestrictionsLifted) -> bool:
    return any(s.id in w.lifted and s.recipient == m.target for s in w.ties.supplies)


def _rung_reached(w: World, m: RungReached) -> bool:
    rung = _rung(m.rung)
    return any(w.rung(a) >= rung for a in _who(w, m.actors))


def _posture_reached(w: World, m: PostureReached) -> bool:
    rung = _rung(m.rung)
    return any(w.posture(a, m.target) >= rung for a in _who(w, m.actors) if a != m.target)


def _control_below(w: World, m: ControlBelow) -> bool:
    return any(t.id == m.theatre and t.control < m.below for t in w.theatres)


def _action_taken(w: World, m: ActionTaken) -> bool:
    return any((a, m.action) in w.actions_taken for a in _who(w, m.actors))


def _all_at_most(w: World, m: AllAtMost) -> bool:
    rung = _rung(m.rung)
    return all(w.rung(a) <= rung for a in m.actors)


def _ceasefire(w: World, m: CeasefireMade) -> bool:
    return frozenset(m.parties) in w.ceasefires_made


_TESTS: dict[type, Callable[[World, object], bool]] = {
    UnitsInCombat: _units_in_combat, DeclarationMade: _declaration,
    RestrictionsLifted: _restrictions_lifted, RungReached: _rung_reached,
    PostureReached: _posture_reached, ControlBelow: _control_below,
    ActionTaken: _action_taken, AllAtMost: _all_at_most, CeasefireMade: _ceasefire,
}  # fmt: skip


@cache
def _rung(rung_id: str) -> int:
    """The ladder position of a rung id (looked up once: milestones are checked every turn)."""
    return standard_ladder().index(rung_id)
