"""The one place that turns ids into the words people read: actors, milestones, theatres, rungs
and turns, for every figure, table and printed summary (analysis and teaching).

- An actor or theatre is shown by the scenario's ``name`` ("NATO", "North Korea", "Kursk
  region"); a milestone by its ``description`` ("North Korean troops in combat"), never its id.
  An id the scenario does not name is shown with spaces for underscores, as written otherwise
  ("north_korea" -> "north korea"), so a missing name is visible rather than guessed.
- A rung is shown as "7 strikes on territory": its number and its label, never "7.0".
- Turn N is the week that starts ``start_date + (N - 1) * step_days``: turn 1 starts on the
  scenario's start date. Tables date each turn's row at the end of that week (step 0 is the
  start); ``turn_start`` gives the week's first day for labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from sim.domain.ladder import standard_ladder


def _plain(identifier: str) -> str:
    return str(identifier).replace("_", " ")


def _field(entry: Any, key: str) -> str | None:
    """``entry[key]`` for a mapping, ``entry.key`` for a model; None when absent."""
    value = entry.get(key) if isinstance(entry, Mapping) else getattr(entry, key, None)
    return str(value) if value else None


def _section(scenario: Any, key: str) -> Mapping[str, Any]:
    section = scenario.get(key) if isinstance(scenario, Mapping) else getattr(scenario, key, None)
    return section or {}


@dataclass(frozen=True)
class Names:
    """Display names of one scenario's actors, milestones and theatres (see the module doc)."""

    actors: dict[str, str] = field(default_factory=dict)
    milestones: dict[str, str] = field(default_factory=dict)
    theatres: dict[str, str] = field(default_factory=dict)

    def actor(self, actor_id: str) -> str:
        return self.actors.get(str(actor_id)) or _plain(actor_id)

    def milestone(self, milestone_id: str) -> str:
        return self.milestones.get(str(milestone_id)) or _plain(milestone_id)

    def theatre(self, theatre_id: str) -> str:
        return self.theatres.get(str(theatre_id)) or _plain(theatre_id)

    def parameter(self, key: str) -> str:
        """A swept key in words: 'scenario.actors.united_states.risk_tolerance' -> 'United
        States risk tolerance'; 'rules.noise' stays 'rules.noise' (it is what people type)."""
        parts = str(key).split(".")
        if len(parts) == 4 and parts[0] == "scenario" and parts[1] in ("actors", "theatres"):
            whose = self.actor(parts[2]) if parts[1] == "actors" else self.theatre(parts[2])
            return f"{whose} {_plain(parts[3])}"
        if len(parts) >= 3 and parts[0] == "scenario":
            return f"{_plain(parts[-2])} {_plain(parts[-1])}"
        return str(key)

    def any(self, identifier: str) -> str:
        """An actor, theatre or milestone id, whichever it is."""
        for table in (self.actors, self.theatres, self.milestones):
            if str(identifier) in table:
                return table[str(identifier)]
        return _plain(identifier)


def names_of(scenario: Any) -> Names:
    """The display names a scenario gives (a mapping as in run.json, or a Scenario object)."""
    if scenario is None:
        return Names()
    return Names(
        actors={a: _field(v, "name") or _plain(a) for a, v in _section(scenario, "actors").items()},
        milestones={
            m: _field(v, "description") or _plain(m)
            for m, v in _section(scenario, "milestones").items()
        },
        theatres={
            t: _field(v, "name") or _plain(t) for t, v in _section(scenario, "theatres").items()
        },
    )


def rung_name(rung: float) -> str:
    """'7 Strikes on adversary territory' for rung 7 (a whole rung: the value rounded down)."""
    labels = standard_ladder().labels
    index = int(rung)
    return f"{index} {labels[index]}" if 0 <= index < len(labels) else str(rung)


def turn_start(start_date: dt.date | str, step_days: int, turn: int) -> dt.date:
    """The first day of turn ``turn`` (turn 1 starts on ``start_date``)."""
    start = pd.Timestamp(start_date).date()
    return start + dt.timedelta(days=step_days * (int(turn) - 1))


def turn_label(start_date: dt.date | str, step_days: int, turn: int) -> str:
    """'turn 3 (week of 2024-11-11)'; turn 0 is the starting position."""
    if int(turn) <= 0:
        return f"the start ({pd.Timestamp(start_date).date()})"
    return f"turn {int(turn)} (week of {turn_start(start_date, step_days, turn)})"
