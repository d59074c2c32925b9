"""The world state: everything that changes during a run, in one small object.

The Mesa model owns a ``World`` and steps it; effects (``effects.py``), perception
(``perception.py``), war termination (``bargaining.py``) and milestones (``milestones.py``) read
and change only this object, never the model, so imports inside ``abm/`` run one way:
model -> those modules -> world -> agents -> domain.

Directed postures: ``postures[a][b]`` is the rung actor ``a`` holds toward actor ``b`` (for every
``b`` it deals with: its adversaries and anyone at war with it). An actor's overall rung is its
highest posture. Per-actor quantities that effects change (sustainment, logistics, fire and
mobilisation multipliers, weariness, perceived risk) live on the actor agents; beliefs and
commitments between pairs live here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sim.domain.ladder import Ladder
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.domain.ties import Ties

if TYPE_CHECKING:
    from sim.abm.agents import ActorAgent
    from sim.abm.forces import ForceAgent
    from sim.abm.recorder import Recorder
    from sim.abm.theatre import ContestedTheatre

PRIOR_RESOLVE = 0.5  # an actor's estimate of another's resolve before any signal


@dataclass
class World:
    """The state of one replicate: actors, units, theatres, postures, beliefs and commitments."""

    scenario: Scenario
    rules: RuleParams
    combat: CombatParams
    ties: Ties
    ladder: Ladder
    recorder: Recorder
    actors: dict[str, ActorAgent]
    units: dict[str, ForceAgent]
    theatres: list[ContestedTheatre]
    days: float
    step: int = 0
    date: dt.date = dt.date(2000, 1, 1)
    postures: dict[str, dict[str, int]] = field(default_factory=dict)
    history: list[dict[str, dict[str, int]]] = field(default_factory=list)  # postures per step
    declarations: set[tuple[str, str]] = field(default_factory=set)  # (declarer, declared)
    lifted: set[str] = field(default_factory=set)  # supply relation ids whose restrictions ended
    actions_taken: set[tuple[str, str]] = field(default_factory=set)  # (actor, action)
    resolve_seen: dict[tuple[str, str], float] = field(default_factory=dict)  # (observer, actor)
    audience: dict[tuple[str, str], float] = field(default_factory=dict)  # (actor, target)
    credibility: dict[str, float] = field(default_factory=dict)  # relation id -> 0..1
    detected: set[str] = field(default_factory=set)  # covert units their adversaries have seen
    offers: dict[tuple[str, str], int] = field(default_factory=dict)  # (offerer, to) -> step
    ceasefires: dict[frozenset[str], int] = field(default_factory=dict)  # pair -> since step
    ceasefires_made: set[frozenset[str]] = field(default_factory=set)  # ever agreed
    version: int = 0  # bumped whenever what is possible changes (combat, declarations, ...)
    cache: dict = field(default_factory=dict)  # answers that hold while `version` is unchanged

    def __post_init__(self) -> None:
        self.units_of: dict[str, list[ForceAgent]] = {a: [] for a in self.actors}
        for u in self.units.values():
            self.units_of[u.actor_id].append(u)
        self.actor_ids = tuple(sorted(self.actors))  # the order of every per-actor loop
        self.unit_ids = tuple(sorted(self.units))  # the order of every per-unit loop
        self.theatre_by_id = {t.id: t for t in self.theatres}  # the contested theatres
        self._rungs: dict[str, int] = {}  # each actor's overall rung, worked out on demand

    # postures ---------------------------------------------------------------------------
    def posture(self, actor: str, target: str) -> int:
        """The rung ``actor`` holds toward ``target`` (0 if it does not deal with it)."""
        return self.postures[actor].get(target, 0)

    def set_posture(self, actor: str, target: str, rung: int) -> None:
        """Hold ``rung`` toward ``target`` from now on (within the ladder and the actor's cap)."""
        agent = self.actors[actor]
        rung = max(0, min(rung, agent.max_rung))
        if target in self.postures[actor]:
            self.postures[actor][target] = rung
            self._rungs.pop(actor, None)
            agent.peak_rung = max(agent.peak_rung, rung)

    def rung(self, actor: str) -> int:
        """The actor's overall rung: its highest posture (its initial rung if it deals with
        nobody)."""
        rung = self._rungs.get(actor)
        if rung is None:
            p = self.postures[actor]
            rung = self._rungs[actor] = max(p.values()) if p else self.actors[actor].initial_rung
        return rung

    def postures_ago(self, days_ago: float) -> dict[str, dict[str, int]]:
        """Every posture as it stood ``days_ago`` days ago (the start's, before the run began):
        what an actor sees of the others with a perception lag of that many days."""
        back = int(-(-days_ago // self.days)) if days_ago > 0 else 0  # ceil
        return self.history[max(0, len(self.history) - 1 - back)] if back else self.postures

    def remember_postures(self) -> None:
        """Keep this step's postures for lagged perception."""
        self.history.append({a: dict(p) for a, p in self.postures.items()})

    # relations --------------------------------------------------------------------------
    def at_war(self, a: str, b: str) -> bool:
        return b in self.ties.at_war[a]

    def side_of(self, actor: str, t: ContestedTheatre) -> str | None:
        return self.ties.side_of(actor, t.owner, t.holder)

    def opposed(self, a: str, b: str, theatre: str) -> bool:
        """Whether ``theatre`` is contested with ``a`` and ``b`` on opposite sides."""
        t = self.theatre_by_id.get(theatre)
        if t is None:
            return False
        sa, sb = self.side_of(a, t), self.side_of(b, t)
        return bool(sa and sb and sa != sb)

    def facing(self, a: str, b: str, in_combat: bool) -> bool:
        """Whether ``a`` has units with strength left (in combat, if asked) where ``b``'s side
        is the other side of a contested theatre."""
        for u in self.units_of[a]:
            if u.strength > 0 and (u.in_combat or not in_combat) and self.opposed(a, b, u.theatre):
                return True
        return False

    def fights(self, a: str, b: str) -> bool:
        """Whether ``a`` fights ``b``: at war, or ``a``'s units in combat against ``b``'s side."""
        return self.at_war(a, b) or self.facing(a, b, in_combat=True)

    def belligerent(self, a: str, b: str) -> bool:
        """``a`` may use force against ``b``: it fights ``b``, or it or an actor aligned with it
        declared ``b`` a co-belligerent."""
        if self.fights(a, b):
            return True
        friends = self.ties.aligned[a] | {a}
        return any(by in friends and who == b for by, who in self.declarations)

    def recipients(self, a: str, b: str) -> list[str]:
        """Whom ``a`` helps against ``b``: parties it supplies that fight ``b``, else anyone
        fighting ``b`` that is not ``a``'s adversary (in id order)."""
        supplied = [s.recipient for s in self.ties.supplies if s.supplier == a]
        found = [x for x in supplied if x != b and self.fights(x, b)]
        if found:
            return sorted(set(found))
        foes = set(self.actors[a].spec.adversaries)
        return [
            x for x in self.actor_ids if x not in (a, b) and x not in foes and self.fights(x, b)
        ]

    def receivers(self, a: str, b: str) -> list[str]:
        """Who hears a signal from ``a`` to ``b``: ``b`` and the actors aligned with it."""
        return sorted({b} | (self.ties.aligned[b] - {a}))

    def snapshot(self) -> dict:
        """Every changing value of the world, for comparing two runs (tests, benchmarks)."""
        return {
            "postures": {a: dict(p) for a, p in self.postures.items()},
            "actors": {a: ag.state() for a, ag in self.actors.items()},
            "units": {
                u: (x.strength, x.in_combat, x.theatre, x.quality) for u, x in self.units.items()
            },  # fmt: skip
            "control": {t.id: t.control for t in self.theatres},
            "declarations": sorted(self.declarations),
            "lifted": sorted(self.lifted),
            "resolve_seen": dict(self.resolve_seen),
            "audience": dict(self.audience),
            "credibility": dict(self.credibility),
            "detected": sorted(self.detected),
            "offers": dict(self.offers),
            "ceasefires": sorted(tuple(sorted(p)) for p in self.ceasefires),
        }
