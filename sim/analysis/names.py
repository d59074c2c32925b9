"""The one place that turns ids into the words people read: actors, milestones, theatres, rungs
and turns, for every figure, table and printed summary (analysis and teaching).

- An actor or theatre is shown by the scenario's ``name`` ("NATO", "North Korea", "Kursk
  region"); a milestone by its ``description`` ("North Korean troops in combat"), never its id.
  An id the scenario does not name is shown with spaces for underscores, as written otherwise
  ("north_korea" -> "north korea"), so a missing name is visible rather than guessed.
- A rung is shown as "7 strikes on territory": its number and its label, never "7.0".
- A swept key is shown by whose value it is ("United States risk tolerance", "North Korean
  troops sent to Russia, arriving near Kursk: strength", "decision noise", "rule set"), and a
  rule set by what it does ("doctrine, then tit for tat"); an action as words ("lift weapons
  restrictions").
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

GROUP_WORDS = {"rules": "decision", "combat": "combat"}  # config group -> its knobs' prefix
RULE_WORDS = {"richardson": "Richardson", "tit_for_tat": "tit for tat"}  # rule ids to names
RULE_SETS = {  # rule set id (conf/rules) -> what it does (sim/domain/rules.py RULE_SETS)
    "doctrine_richardson": "doctrine, then Richardson",
    "tit_for_tat": "doctrine, then tit for tat",
    "cautious": "doctrine, then cautious",
    "doctrine_only": "doctrine only",
}


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
    forces: dict[str, str] = field(default_factory=dict)

    def actor(self, actor_id: str) -> str:
        return self.actors.get(str(actor_id)) or _plain(actor_id)

    def milestone(self, milestone_id: str) -> str:
        return self.milestones.get(str(milestone_id)) or _plain(milestone_id)

    def theatre(self, theatre_id: str) -> str:
        return self.theatres.get(str(theatre_id)) or _plain(theatre_id)

    def force(self, force_id: str) -> str:
        return self.forces.get(str(force_id)) or _plain(force_id)

    def action(self, action_id: str) -> str:
        """A ladder action in words: 'lift_weapons_restrictions' -> 'lift weapons restrictions'."""
        return _plain(action_id)

    def rule(self, rule_id: str) -> str:
        """Which rule made a decision, in short words: 'doctrine' (the doctrine entry is in the
        decision log), "Russia's move" for an effect of another actor's decision, 'inject',
        else the rule's name ('richardson' -> 'Richardson', 'bargaining')."""
        kind, _, detail = str(rule_id).partition(":")
        if kind == "effect" and detail:
            return f"{self.actor(detail)}'s move"
        if kind in ("doctrine", "inject"):
            return kind
        return RULE_WORDS.get(kind, _plain(kind))

    def parameter(self, key: str) -> str:
        """A swept key in words: 'scenario.actors.united_states.risk_tolerance' -> 'United
        States risk tolerance'; 'scenario.forces.X.strength' -> "X's description: strength";
        'rules.noise' -> 'decision noise'; 'rules' (or 'rules.name') -> 'rule set'."""
        parts = str(key).split(".")
        if len(parts) == 4 and parts[0] == "scenario" and parts[1] in ("actors", "theatres"):
            whose = self.actor(parts[2]) if parts[1] == "actors" else self.theatre(parts[2])
            return f"{whose} {_plain(parts[3])}"
        if len(parts) == 4 and parts[:2] == ["scenario", "forces"]:
            return f"{self.force(parts[2])}: {_plain(parts[3])}"
        if len(parts) >= 3 and parts[0] == "scenario":
            return f"{_plain(parts[-2])} {_plain(parts[-1])}"
        if parts in (["rules"], ["rules", "name"]):
            return "rule set"
        if len(parts) == 2 and parts[0] in GROUP_WORDS:
            return f"{GROUP_WORDS[parts[0]]} {_plain(parts[1])}"
        return _plain(key)

    def value(self, key: str, value: object) -> str:
        """A swept value in words: a rule set by what it does, a number as typed (10000, not
        10000.0; 0.6, not 0.6000000000000001), anything else as given."""
        from sim.analysis.sweep_table import value_text  # the one way numbers are printed

        if self.parameter(key) == "rule set" and str(value) in RULE_SETS:
            return RULE_SETS[str(value)]
        return value_text(value)

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
        forces={
            f: _field(v, "description") or _plain(f)
            for f, v in _section(scenario, "forces").items()
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
