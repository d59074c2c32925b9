"""The static structure of one scenario, compiled once into index arrays for the batched engine.

Every actor, unit, place (theatre), contested theatre, supply, commitment relation, doctrine
entry, inject, milestone and action gets an integer index (ids in sorted order, as the agent
model's loops use them); every question about the structure that does not change during a run
(who deals with whom, who is aligned with whom, which side of a theatre each actor takes, which
relations give an actor nuclear cover against a target) is an array here.

Naming: ``A`` actors, ``U`` units, ``P`` places (every theatre, contested or not), ``T``
contested theatres, ``S`` supplies, ``C`` commitment relations (treaties and alliances), ``E``
the most doctrine entries of any actor, ``K`` actions (``ACTIONS``), ``L`` ladder rungs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from sim.abm.agents import doctrine_lines
from sim.domain.actions import action_table
from sim.domain.ladder import Ladder, standard_ladder
from sim.domain.rules import HOLD, OFFER_CEASEFIRE, STEP_DOWN, WITHDRAW
from sim.domain.scenario import Scenario
from sim.domain.situation import DoctrineLine
from sim.domain.ties import index_ties

NONE = -1  # an absent index (no target, no theatre, no entry)
OWNER, HOLDER = 1, 2  # side codes of an actor in a contested theatre (0: neither)
# What decisions and events name besides the actions table's actions (bargaining, injects,
# detections): every one gets an action index, so ``taken`` and the logs hold integers.
EXTRA_ACTIONS = (HOLD, STEP_DOWN, "accept_ceasefire", "reject_ceasefire", "break_ceasefire",
                 "detect_covert_forces", "inject")  # fmt: skip


def action_names() -> tuple[str, ...]:
    """Every action a decision or event may name, in a fixed order (the actions table's, then
    ``EXTRA_ACTIONS``): index ``k`` of the ``taken`` array and of the logs."""
    names = list(action_table())
    names += [a for a in EXTRA_ACTIONS if a not in names]
    return tuple(names)


ACTIONS = action_names()
ACTION = {name: k for k, name in enumerate(ACTIONS)}
assert OFFER_CEASEFIRE in ACTION and WITHDRAW in ACTION


@dataclass(frozen=True, eq=False)
class Layout:
    """A scenario's structure as index arrays (see the module docstring for the letters)."""

    scenario: Scenario
    days: float
    ladder: Ladder
    actor_ids: tuple[str, ...]
    unit_ids: tuple[str, ...]
    place_ids: tuple[str, ...]  # every theatre of the scenario, sorted
    theatre_ids: tuple[str, ...]  # the contested ones (a holder), sorted
    supply_ids: tuple[str, ...]
    commitment_ids: tuple[str, ...]  # treaty and alliance relations, in the scenario's order
    inject_ids: tuple[str, ...]  # in the scenario's order
    milestone_ids: tuple[str, ...]  # in the scenario's order
    # actors [A] / [A, A]
    nuclear: np.ndarray  # [A] bool
    initial_rung: np.ndarray  # [A] int: a's initial_rung
    max_rung: np.ndarray  # [A] int
    deals: np.ndarray  # [A, A] bool: a holds a posture toward b (adversaries, at war)
    initial_posture: np.ndarray  # [A, A] int: a's posture toward b at the start (0 if not dealing)
    adversary: np.ndarray  # [A, A] bool: b is among a's adversaries (scenario)
    at_war: np.ndarray  # [A, A] bool, symmetric
    aligned: np.ndarray  # [A, A] bool, symmetric (treaty, alliance, membership)
    treaty: np.ndarray  # [A, A] bool, symmetric (mutual-defence treaty partners)
    # theatres
    place_contested: np.ndarray  # [P] bool
    place_theatre: np.ndarray  # [P] int: its contested theatre index, NONE if not contested
    theatre_place: np.ndarray  # [T] int: the place of contested theatre t
    owner: np.ndarray  # [T] int actor index
    holder: np.ndarray  # [T] int actor index
    initial_control: np.ndarray  # [T] float
    side: np.ndarray  # [A, T] int8: OWNER, HOLDER or 0 (Ties.side_of)
    opposed: np.ndarray  # [A, A, P] bool: place p is contested with a and b on opposite sides
    place_owner: np.ndarray  # [P] int: the actor whose territory the place is
    # units [U]
    unit_actor: np.ndarray  # int
    unit_place: np.ndarray  # int: the unit's place at the start
    unit_strength: np.ndarray  # float: initial strength (= initial establishment)
    unit_quality: np.ndarray  # float
    unit_in_combat: np.ndarray  # bool at the start
    unit_replenishment: np.ndarray  # float: share of initial strength a week
    unit_reserve: np.ndarray  # float
    unit_covert: np.ndarray  # bool
    # supplies [S]
    supplier: np.ndarray  # int
    recipient: np.ndarray  # int
    restricted: np.ndarray  # bool: restricted use at the start
    # commitments [C]
    commitment_parties: np.ndarray  # [C, 2] int
    initial_credibility: np.ndarray  # [C] float
    cover: np.ndarray  # [A, A, C] bool: relation c gives b credible nuclear cover against a
    mediator: np.ndarray  # [A, A, A] bool: m mediates the war between a and b (symmetric in a, b)
    # doctrine
    doctrine: tuple[tuple[DoctrineLine, ...], ...]  # per actor, in order, for turns of `days`

    @property
    def A(self) -> int:  # noqa: N802 - the letters of the module docstring
        return len(self.actor_ids)

    @property
    def U(self) -> int:  # noqa: N802
        return len(self.unit_ids)

    @property
    def P(self) -> int:  # noqa: N802
        return len(self.place_ids)

    @property
    def T(self) -> int:  # noqa: N802
        return len(self.theatre_ids)

    @property
    def S(self) -> int:  # noqa: N802
        return len(self.supply_ids)

    @property
    def C(self) -> int:  # noqa: N802
        return len(self.commitment_ids)

    @property
    def E(self) -> int:  # noqa: N802
        return max((len(d) for d in self.doctrine), default=0)

    @property
    def L(self) -> int:  # noqa: N802
        return len(self.ladder.rungs)

    @cached_property
    def actor_index(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.actor_ids)}

    @cached_property
    def unit_index(self) -> dict[str, int]:
        return {u: i for i, u in enumerate(self.unit_ids)}

    @cached_property
    def place_index(self) -> dict[str, int]:
        return {p: i for i, p in enumerate(self.place_ids)}

    @cached_property
    def units_of(self) -> tuple[np.ndarray, ...]:
        """Per actor, the indices of its units (in id order)."""
        return tuple(np.flatnonzero(self.unit_actor == a) for a in range(self.A))


def compile_layout(scenario: Scenario) -> Layout:
    """The scenario's structure as index arrays, for turns of ``scenario.step_days``."""
    ladder = standard_ladder()
    ties = index_ties(scenario)
    actor_ids = tuple(sorted(scenario.actors))
    ai = {a: i for i, a in enumerate(actor_ids)}
    n = len(actor_ids)
    unit_ids = tuple(sorted(scenario.forces))
    place_ids = tuple(sorted(scenario.theatres))
    pi = {p: i for i, p in enumerate(place_ids)}
    theatre_ids = tuple(t for t in place_ids if scenario.theatres[t].held_by is not None)
    ti = {t: i for i, t in enumerate(theatre_ids)}

    def square(dtype=bool) -> np.ndarray:
        return np.zeros((n, n), dtype=dtype)

    at_war, aligned, treaty, adversary, deals = (square() for _ in range(5))
    for a in actor_ids:
        for b in ties.at_war[a]:
            at_war[ai[a], ai[b]] = True
        for b in ties.aligned[a]:
            aligned[ai[a], ai[b]] = True
        for b in ties.treaty_partners[a]:
            treaty[ai[a], ai[b]] = True
        for b in scenario.actors[a].adversaries:
            adversary[ai[a], ai[b]] = True
    deals = adversary | at_war
    initial_rung = np.array([ladder.index(scenario.actors[a].initial_rung) for a in actor_ids])
    max_rung = np.array([ladder.index(scenario.actors[a].max_rung) for a in actor_ids])
    initial_posture = square(np.int64)
    for a in actor_ids:
        spec = scenario.actors[a]
        for b in actor_ids:
            if deals[ai[a], ai[b]]:
                initial_posture[ai[a], ai[b]] = ladder.index(
                    spec.postures.get(b, spec.initial_rung)
                )

    side = np.zeros((n, len(theatre_ids)), dtype=np.int8)
    for t in theatre_ids:
        th = scenario.theatres[t]
        for a in actor_ids:
            s = ties.side_of(a, th.territory_of, th.held_by)
            side[ai[a], ti[t]] = {"owner": OWNER, "holder": HOLDER}.get(s, 0)
    place_theatre = np.array([ti.get(p, -1) for p in place_ids], dtype=np.int64)
    opposed = np.zeros((n, n, len(place_ids)), dtype=bool)
    for p, t in enumerate(place_theatre):
        if t >= 0:
            s = side[:, t]
            opposed[:, :, p] = (s[:, None] > 0) & (s[None, :] > 0) & (s[:, None] != s[None, :])

    forces = [scenario.forces[u] for u in unit_ids]
    supplies = ties.supplies
    commitments = [rid for rid, r in scenario.relations.items() if r.kind in ("treaty", "alliance")]
    cover = np.zeros((n, n, len(commitments)), dtype=bool)
    for c, rid in enumerate(commitments):
        r = scenario.relations[rid]
        for b in r.parties:
            ally = r.parties[0] if r.parties[1] == b else r.parties[1]
            if scenario.actors[ally].nuclear:
                for a in actor_ids:
                    if a != ally:
                        cover[ai[a], ai[b], c] = True
    mediator = np.zeros((n, n, n), dtype=bool)
    for r in scenario.relations.values():
        if r.kind == "war":
            a, b = (ai[x] for x in r.parties)
            for m in r.mediators:
                mediator[a, b, ai[m]] = mediator[b, a, ai[m]] = True

    return Layout(
        scenario=scenario, days=float(scenario.step_days), ladder=ladder,
        actor_ids=actor_ids, unit_ids=unit_ids, place_ids=place_ids, theatre_ids=theatre_ids,
        supply_ids=tuple(s.id for s in supplies), commitment_ids=tuple(commitments),
        inject_ids=tuple(scenario.injects), milestone_ids=tuple(scenario.milestones),
        nuclear=np.array([scenario.actors[a].nuclear for a in actor_ids], dtype=bool),
        initial_rung=initial_rung, max_rung=max_rung, deals=deals,
        initial_posture=initial_posture, adversary=adversary, at_war=at_war, aligned=aligned,
        treaty=treaty,
        place_contested=place_theatre >= 0, place_theatre=place_theatre,
        theatre_place=np.array([pi[t] for t in theatre_ids], dtype=np.int64),
        owner=np.array([ai[scenario.theatres[t].territory_of] for t in theatre_ids],
                       dtype=np.int64),
        holder=np.array([ai[scenario.theatres[t].held_by] for t in theatre_ids], dtype=np.int64),
        initial_control=np.array([scenario.theatres[t].initial_control for t in theatre_ids],
                                 dtype=float),
        side=side, opposed=opposed,
        place_owner=np.array([ai[scenario.theatres[p].territory_of] for p in place_ids],
                             dtype=np.int64),
        unit_actor=np.array([ai[f.actor] for f in forces], dtype=np.int64),
        unit_place=np.array([pi[f.theatre] for f in forces], dtype=np.int64),
        unit_strength=np.array([float(f.strength) for f in forces]),
        unit_quality=np.array([float(f.quality) for f in forces]),
        unit_in_combat=np.array([f.in_combat for f in forces], dtype=bool),
        unit_replenishment=np.array([float(f.replenishment) for f in forces]),
        unit_reserve=np.array([float(f.reserve) for f in forces]),
        unit_covert=np.array([f.covert for f in forces], dtype=bool),
        supplier=np.array([ai[s.supplier] for s in supplies], dtype=np.int64),
        recipient=np.array([ai[s.recipient] for s in supplies], dtype=np.int64),
        restricted=np.array([s.restricted_use for s in supplies], dtype=bool),
        commitment_parties=np.array(
            [[ai[x] for x in scenario.relations[c].parties] for c in commitments], dtype=np.int64
        ).reshape(len(commitments), 2),
        initial_credibility=np.array([scenario.relations[c].credibility for c in commitments],
                                     dtype=float),
        cover=cover, mediator=mediator,
        doctrine=tuple(doctrine_lines(scenario.actors[a], float(scenario.step_days))
                       for a in actor_ids),
    )  # fmt: skip
