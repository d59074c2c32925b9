"""What a model run records: rows of the results tables, kept as plain lists until the end.

Column names are the results contract (docs/architecture.md): every time-indexed table carries
``replicate``, ``step`` and a calendar ``date``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

TIMESERIES_COLUMNS = ("replicate", "step", "date", "actor", "rung", "rung_label")
DECISION_COLUMNS = (
    "replicate", "step", "date", "actor", "target", "action", "rung", "rule", "reason",
)  # fmt: skip
FORCE_COLUMNS = ("replicate", "step", "date", "unit", "actor", "theatre", "strength", "in_combat")
THEATRE_COLUMNS = ("replicate", "step", "date", "theatre", "owner", "holder", "control")


@dataclass
class Recorder:
    """Row buffers of one replicate's tables."""

    replicate: int
    timeseries: list[tuple] = field(default_factory=list)
    decisions: list[tuple] = field(default_factory=list)
    forces: list[tuple] = field(default_factory=list)
    theatres: list[tuple] = field(default_factory=list)

    def state(self, model, step: int, date: dt.date, labels: tuple[str, ...]) -> None:
        """Record every actor's rung, every unit and every contested theatre at ``step``."""
        r = self.replicate
        for a in model.actor_list:
            self.timeseries.append((r, step, date, a.actor_id, a.rung, labels[a.rung]))
        for u in model.unit_list:
            self.forces.append(
                (r, step, date, u.unit_id, u.actor_id, u.theatre, u.strength, u.in_combat)
            )
        for t in model.contested:
            self.theatres.append((r, step, date, t.id, t.owner, t.holder, t.control))

    def decision(self, step, date, actor, target, action, rung, rule, reason) -> None:
        """Record one decision (or inject, or side effect) with its reason in words."""
        self.decisions.append(
            (self.replicate, step, date, actor, target, action, rung, rule, reason)
        )
