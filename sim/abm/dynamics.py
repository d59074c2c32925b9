"""The slow processes of the world between decisions, each a rate per week.

- War weariness (after Richardson's fatigue term and Mueller's casualty aversion) accumulates
  from losses (``weariness_from_losses`` per share of committed strength lost) and from the
  sustainment sanctions take away (``weariness_from_sanctions`` per week per unit lost), and
  decays at ``weariness_recovery`` a week.
- Sustainment and logistics recover toward normal (1) at their recovery rates; perceived
  nuclear risk decays at ``risk_decay``.
- A treaty or alliance commitment is tested while a party's territory is occupied: the other
  party honours it while its units fight (credibility rises at ``honour_gain`` a week) and
  neglects it otherwise (credibility falls at ``neglect_rate`` a week).
- Covert units are detected by their adversaries at ``detection_rate`` a week (at once when
  they fight); each adversary that detects them gains ``covert_grievance``.
"""

from __future__ import annotations

import math
import random

from sim.abm.world import World
from sim.domain.rates import decay, hazard_probability, integrate_linear, relax

WEEK = 7.0


def accumulate_costs(world: World, losses: dict[str, float]) -> None:
    """Update every actor's weekly loss rate and war weariness for the turn just fought.

    ``losses`` maps an actor to the share of its committed strength it lost this turn.
    """
    p, days = world.rules, world.days
    weeks = days / WEEK
    for aid in world.actor_ids:
        a = world.actors[aid]
        share = losses.get(aid, 0.0)
        a.weekly_losses = share / weeks
        inflow = p.weariness_from_losses * a.weekly_losses + p.weariness_from_sanctions * (
            1.0 - a.sustainment
        )
        a.weariness = integrate_linear(a.weariness, inflow, p.weariness_recovery, days)


def recover(world: World) -> None:
    """Sustainment, logistics and perceived risk move back toward normal."""
    p, days = world.rules, world.days
    risk_kept = decay(p.risk_decay, days)
    for a in world.actors.values():
        if a.sustainment != 1.0:
            a.sustainment = relax(a.sustainment, 1.0, p.sustainment_recovery, days)
        if a.logistics != 1.0:
            a.logistics = relax(a.logistics, 1.0, p.logistics_recovery, days)
        a.perceived_risk *= risk_kept


def test_commitments(world: World) -> None:
    """Honoured treaty and alliance commitments gain credibility; neglected ones lose it."""
    p, weeks = world.rules, world.days / WEEK
    for rid, r in world.scenario.relations.items():
        if r.kind not in ("treaty", "alliance"):
            continue
        for attacked, ally in (r.parties, r.parties[::-1]):
            if not any(t.owner == attacked and t.control > 0 for t in world.theatres):
                continue
            c = world.credibility.get(rid, r.credibility)
            fighting = any(u.in_combat and u.strength > 0 for u in world.units_of[ally])
            if fighting:
                c = min(1.0, c + p.honour_gain * weeks * (1.0 - c))
            else:
                c = c * math.exp(-p.neglect_rate * weeks)
            world.credibility[rid] = c


def detect_covert(world: World, rng: random.Random) -> None:
    """Covert units may be detected this turn; detectors gain grievance."""
    p = world.rules
    chance = hazard_probability(p.detection_rate, world.days)
    for uid in world.unit_ids:
        u = world.units[uid]
        if not u.covert or uid in world.detected or u.strength <= 0:
            continue
        if u.in_combat or rng.random() < chance:
            world.detected.add(uid)
            for aid in world.actor_ids:
                if u.actor_id in world.actors[aid].spec.adversaries:
                    a = world.actors[aid]
                    a.grievance = min(1.0, a.grievance + p.covert_grievance)
                    world.recorder.event(world.step, world.date, aid, u.actor_id,
                                         "detect_covert_forces")  # fmt: skip
