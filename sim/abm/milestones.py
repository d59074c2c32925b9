"""Milestones: named events whose first turn each replicate records (``<name>_step``)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Milestone

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel


def reached(model: EscalationModel, m: Milestone) -> bool:
    """Whether milestone ``m`` holds in the model's current state (see Milestone's kinds)."""
    actors = m.actors or list(model.actor_agents)
    # Loops, not any() over generators: every milestone not yet reached is checked every turn.
    if m.kind == "units_in_combat":
        for a in actors:
            for u in model.units_of[a]:
                if u.in_combat and u.strength > 0:
                    return True
        return False
    if m.kind == "declaration":
        return bool(model.declarations) and any(
            by in actors and target == m.target for by, target in model.declarations
        )
    if m.kind == "restrictions_lifted":
        return bool(model.lifted) and any(
            s.id in model.lifted and s.recipient == m.target for s in model.ties.supplies
        )
    if m.kind == "rung_reached":
        rung = _rung(m.rung)
        for a in actors:  # noqa: SIM110 - see above
            if model.actor_agents[a].rung >= rung:
                return True
        return False
    if m.kind == "all_at_most":
        rung = _rung(m.rung)
        return all(model.actor_agents[a].rung <= rung for a in actors)
    if m.kind == "control_below":
        return any(t.id == m.theatre and t.control < m.below for t in model.contested)
    if m.kind == "action_taken":
        return any((a, m.action) in model.actions_taken for a in actors)
    raise ValueError(f"unknown milestone kind {m.kind!r}")


@cache
def _rung(rung_id: str) -> int:
    """The ladder position of a rung id (looked up once: milestones are checked every turn)."""
    return standard_ladder().index(rung_id)
