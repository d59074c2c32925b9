"""The escalation ladder: ordered rungs from de-escalation to nuclear use.

A rung is a posture an actor holds toward one other actor. Each rung carries its Kahn threshold
group and the actions that put an actor on it; its MID hostility level and Goldstein weight come
from those actions' codes in the actions table (``data/actions.yaml``), so each code is written
once. The ladder is data (``data/ladder.yaml``); this module only reads it and answers questions
about it. Rung numbers are positions, 0 = lowest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

import yaml

from sim.domain.actions import action_table


@dataclass(frozen=True)
class Rung:
    """One posture on the ladder and how three scales rate it."""

    index: int
    id: str
    label: str
    description: str
    kahn_group: str
    mid_level: int  # the most hostile MID level among its actions
    goldstein: float  # the Goldstein weight of its first action
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Threshold:
    """A named Kahn threshold, crossed when moving from rung ``below`` to rung ``below + 1``."""

    label: str
    below: int


@dataclass(frozen=True)
class Ladder:
    """The ordered rungs, with look-ups by rung id and by action."""

    rungs: tuple[Rung, ...]
    thresholds: tuple[Threshold, ...]
    nuclear_rungs: frozenset[int] = frozenset()  # rungs whose actions all need nuclear weapons

    @property
    def top(self) -> int:
        return len(self.rungs) - 1

    def index(self, rung_id: str) -> int:
        """Position of the rung called ``rung_id``."""
        try:
            return self._positions[rung_id]
        except KeyError:
            raise KeyError(
                f"unknown rung {rung_id!r}; rungs are {', '.join(self.rung_ids)}"
            ) from None

    # The look-ups below are worked out once per ladder (the model asks them every turn).
    @cached_property
    def _positions(self) -> dict[str, int]:
        return {r.id: r.index for r in self.rungs}

    @cached_property
    def rung_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rungs)

    @cached_property
    def labels(self) -> tuple[str, ...]:
        return tuple(r.label for r in self.rungs)

    @cached_property
    def actions(self) -> dict[str, int]:
        """Every action on the ladder, mapped to the rung it puts an actor on."""
        return {a: r.index for r in self.rungs for a in r.actions}

    def rung_of(self, action: str) -> int:
        """The rung an action belongs to."""
        try:
            return self.actions[action]
        except KeyError:
            raise KeyError(
                f"unknown action {action!r}; actions are {', '.join(sorted(self.actions))}"
            ) from None

    def primary_action(self, rung: int) -> str:
        """The action that stands for holding a rung (its first listed action)."""
        return self.rungs[rung].actions[0]

    def crosses_threshold(self, from_rung: int, to_rung: int) -> Threshold | None:
        """The first Kahn threshold passed when moving up from ``from_rung`` to ``to_rung``."""
        return self._crossings.get((from_rung, to_rung))

    @cached_property
    def _crossings(self) -> dict[tuple[int, int], Threshold]:
        found = {}
        for a in range(len(self.rungs)):
            for b in range(a + 1, len(self.rungs)):
                for t in self.thresholds:
                    if a <= t.below < b:
                        found[a, b] = t
                        break
        return found


@cache
def standard_ladder() -> Ladder:
    """The ladder shipped with the package (``sim/domain/data/ladder.yaml``)."""
    text = files("sim.domain").joinpath("data/ladder.yaml").read_text(encoding="utf-8")
    return parse_ladder(yaml.safe_load(text))


def parse_ladder(data: dict) -> Ladder:
    """Build a Ladder from its YAML form; thresholds sit between the named Kahn groups."""
    codes = action_table()
    rungs = tuple(
        Rung(
            index=i,
            id=r["id"],
            label=r["label"],
            description=r["description"],
            kahn_group=r["kahn_group"],
            mid_level=max(codes[a].mid_level for a in r["actions"]),
            goldstein=codes[r["actions"][0]].goldstein,
            actions=tuple(r["actions"]),
        )
        for i, r in enumerate(data["rungs"])
    )
    thresholds = []
    for t in data.get("thresholds", []):
        lower_group = t["between"][0]
        below = max(r.index for r in rungs if r.kahn_group == lower_group)
        thresholds.append(Threshold(label=t["label"], below=below))
    nuclear = frozenset(
        r.index for r in rungs if all("nuclear" in codes[a].requires for a in r.actions)
    )
    return Ladder(rungs=rungs, thresholds=tuple(thresholds), nuclear_rungs=nuclear)
