"""What a model run records: rows of the results tables, kept as plain lists until the end.

Rows follow the column order of ``sim.domain.tables.SCHEMAS`` (the results contract); every
time-indexed table carries ``replicate``, ``step`` and a calendar ``date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sim.domain.actions import event_codes

if TYPE_CHECKING:
    from sim.abm.world import World


@dataclass
class Recorder:
    """Row buffers of one replicate's tables."""

    replicate: int
    timeseries: list[tuple] = field(default_factory=list)
    postures: list[tuple] = field(default_factory=list)
    decisions: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    forces: list[tuple] = field(default_factory=list)
    theatres: list[tuple] = field(default_factory=list)

    def state(self, world: World, labels: tuple[str, ...]) -> None:
        """Record every actor's rung and postures, every unit and every contested theatre."""
        r, step, date = self.replicate, world.step, world.date
        timeseries, postures, forces = (
            self.timeseries.append, self.postures.append, self.forces.append,
        )  # fmt: skip
        for aid in world.actor_ids:
            rung = world.rung(aid)
            timeseries((r, step, date, aid, rung, labels[rung]))
            for target, p in world.postures[aid].items():
                postures((r, step, date, aid, target, p, labels[p]))
        for uid in world.unit_ids:
            u = world.units[uid]
            forces((r, step, date, uid, u.actor_id, u.theatre, u.strength, u.in_combat, u.losses))
        for t in world.theatres:
            self.theatres.append((r, step, date, t.id, t.owner, t.holder, t.control))

    def drain(self, names: tuple[str, ...]) -> dict[str, list[tuple]]:
        """Hand over the rows of the tables ``names`` and keep none of them (so they are freed
        with their new holder, not with the model)."""
        taken = {}
        for name in names:
            taken[name] = getattr(self, name)
            setattr(self, name, [])
        return taken

    def decision(self, step, date, actor, target, action, rung, rule, reason) -> None:
        """Record one decision (or inject, or side effect) with its reason in words."""
        self.decisions.append(
            (self.replicate, step, date, actor, target, action, rung, rule, reason)
        )

    def event(self, step: int, date: dt.date, source: str, target: str | None,
              event: str) -> None:  # fmt: skip
        """Record one event with its codes (uncoded events, e.g. injects, get empty codes)."""
        c = event_codes().get(event)
        if c is None:
            self.events.append((self.replicate, step, date, source, target, event, None, None,
                                None, None))  # fmt: skip
        else:
            self.events.append((self.replicate, step, date, source, target, event, c.cameo,
                                c.goldstein, c.mid_level, c.quad_class))  # fmt: skip
